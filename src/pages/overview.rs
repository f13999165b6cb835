//! `/{lang}/`: the HCNF concepts, the study of a training institution, and the way in to
//! each initiative.

use hcnf_content::PageId;
use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::i18n::CurrentLocale;
use crate::layout::words;
use crate::routes::page_href;

/// The overview page.
#[component]
pub fn Overview() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let pages = &locale.edition().pages;
    let p = &pages.overview;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <Sections sections=&p.sections />
            <section class="hcnf-section" aria-labelledby="hcnf-explore">
                <h2 class="hcnf-section__heading" id="hcnf-explore">
                    {words(&p.explore_heading)}
                </h2>
                <ul class="hcnf-cards">
                    {PageId::INITIATIVES
                        .into_iter()
                        .map(|id| {
                            let head = pages.head(id);
                            view! {
                                <li class="hcnf-card">
                                    <a class="hcnf-card__link" href=page_href(locale, id)>
                                        {words(&head.title)}
                                    </a>
                                    <p class="hcnf-card__summary">{words(&head.summary)}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </article>
    }
}
