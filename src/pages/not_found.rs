//! The page for any unknown path: in every language at once, since the URL cannot tell
//! which one the reader reads.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_meta::{Html, Title};

use crate::host::HostOptions;
use crate::i18n::Locale;
use crate::layout::{MainRegion, PageHeading};
use crate::routes::page_href;

/// The bilingual not-found page, with a link to each home page.
#[component]
pub fn NotFound() -> impl IntoView {
    let locales: Vec<Locale> = Locale::all().collect();
    let title = locales
        .iter()
        .map(|l| l.edition().ui.not_found.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    let heading_locales = locales.clone();
    let owns_document = HostOptions::current().manage_document;
    view! {
        {owns_document
            .then(|| {
                view! {
                    <Html {..} lang=Locale::fallback().code() />
                    <Title text=title />
                }
            })}
        <MainRegion class="hcnf-main hcnf-not-found">
            <div class="hcnf-width">
                <PageHeading>
                    {heading_locales
                        .into_iter()
                        .map(|l| {
                            view! {
                                <span class="hcnf-not-found__title" lang=l.code()>
                                    {l.edition().ui.not_found.title.as_str()}
                                </span>
                            }
                        })
                        .collect_view()}
                </PageHeading>
                {locales
                    .iter()
                    .map(|l| {
                        let nf = &l.edition().ui.not_found;
                        view! {
                            <section class="hcnf-not-found__part" lang=l.code()>
                                <p>{nf.body.as_str()}</p>
                                <p>
                                    <a href=page_href(*l, PageId::Overview) hreflang=l.code()>
                                        {nf.home_link.as_str()}
                                    </a>
                                </p>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </MainRegion>
    }
}
