//! `/{lang}/symposia`: the joint symposia, with each event's date and hosts.

use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::i18n::use_edition;

/// The joint symposia page.
#[component]
pub fn Symposia() -> impl IntoView {
    let ed = use_edition();
    let p = &ed.pages.symposia;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <Sections sections=&p.sections />
            <section class="hcnf-section">
                <h2 class="hcnf-section__heading">{p.events_heading.as_str()}</h2>
                <ul class="hcnf-events">
                    {p
                        .events
                        .iter()
                        .map(|e| {
                            view! {
                                <li class="hcnf-event">
                                    <h3 class="hcnf-event__name">{e.name.as_str()}</h3>
                                    <dl class="hcnf-facts">
                                        <div class="hcnf-facts__row">
                                            <dt>{p.date_label.as_str()}</dt>
                                            <dd>
                                                <time datetime=e
                                                    .date
                                                    .iso()>{ed.ui.format_month(e.date)}</time>
                                            </dd>
                                        </div>
                                        <div class="hcnf-facts__row">
                                            <dt>{p.hosts_label.as_str()}</dt>
                                            <dd>{e.hosts.as_str()}</dd>
                                        </div>
                                    </dl>
                                    <p>{e.description.as_str()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </article>
    }
}
