//! `/{lang}/symposia`: the joint symposia, with each event's date and hosts.

use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::i18n::use_edition;
use crate::layout::{words, Phrased};

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
                <h2 class="hcnf-section__heading">
                    <Phrased text=&p.events_heading />
                </h2>
                <ul class="hcnf-events">
                    {p
                        .events
                        .iter()
                        .map(|e| {
                            view! {
                                <li class="hcnf-event">
                                    <h3 class="hcnf-event__name">
                                        <Phrased text=&e.name />
                                    </h3>
                                    <dl class="hcnf-facts">
                                        <div class="hcnf-facts__row">
                                            <dt>{words(&p.date_label)}</dt>
                                            <dd>
                                                <time datetime=e
                                                    .date
                                                    .iso()>{words(&ed.ui.format_month(e.date))}</time>
                                            </dd>
                                        </div>
                                        <div class="hcnf-facts__row">
                                            <dt>{words(&p.hosts_label)}</dt>
                                            <dd>{words(&e.hosts)}</dd>
                                        </div>
                                    </dl>
                                    <p>{words(&e.description)}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </article>
    }
}
