//! `/{lang}/hcnf-course`: the public course and the universities that teach it.

use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::i18n::use_edition;
use crate::layout::{words, Phrased};

/// The HCNF course page.
#[component]
pub fn HcnfCourse() -> impl IntoView {
    let ed = use_edition();
    let p = &ed.pages.hcnf_course;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <dl class="hcnf-facts">
                <div class="hcnf-facts__row">
                    <dt>{words(&p.since_label)}</dt>
                    <dd>
                        <time datetime=p.since.iso()>{words(&ed.ui.format_month(p.since))}</time>
                    </dd>
                </div>
            </dl>
            <Sections sections=&p.sections />
            <section class="hcnf-section">
                <h2 class="hcnf-section__heading">
                    <Phrased text=&p.universities_heading />
                </h2>
                <ul class="hcnf-list">
                    {p
                        .universities
                        .iter()
                        .map(|u| {
                            view! {
                                <li>
                                    {words(&u.name)}
                                    {u
                                        .note
                                        .as_deref()
                                        .map(|n| {
                                            view! { <span class="hcnf-list__note">{words(n)}</span> }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </article>
    }
}
