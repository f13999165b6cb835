//! A page for an address that names no language (`/`, an unknown path): every edition's
//! part of it in turn, each marked with its language, each leading to its home page.

use hcnf_content::{Edition, PageId};
use leptos::prelude::*;
use leptos_meta::{Html, Title};

use crate::host::HostOptions;
use crate::i18n::Locale;
use crate::layout::words;
use crate::layout::{MainRegion, PageHeading};
use crate::routes::page_href;

/// Every edition's heading, and under it each edition's paragraph and home link.
#[component]
pub fn BilingualPage(
    /// The page's heading in an edition.
    heading: fn(&'static Edition) -> &'static str,
    /// The paragraph above an edition's home link, where the page has one.
    #[prop(optional)]
    body: Option<fn(&'static Edition) -> &'static str>,
    /// The class of the page's main region, naming the page for the stylesheet.
    class: &'static str,
) -> impl IntoView {
    let title = Locale::all()
        .map(|l| hcnf_content::ruby::plain(heading(l.edition())))
        .collect::<Vec<_>>()
        .join(" / ");
    let owns_document = HostOptions::current().manage_document;
    view! {
        {owns_document
            .then(|| {
                view! {
                    <Html {..} lang=Locale::fallback().code() />
                    <Title text=title />
                }
            })}
        <MainRegion class=class>
            <div class="hcnf-width">
                <PageHeading>
                    {Locale::all()
                        .map(|l| {
                            view! {
                                <span class="hcnf-bilingual__title" lang=l.code()>
                                    {words(heading(l.edition()))}
                                </span>
                            }
                        })
                        .collect_view()}
                </PageHeading>
                {Locale::all()
                    .map(|l| {
                        let ed = l.edition();
                        view! {
                            <section class="hcnf-bilingual__part" lang=l.code()>
                                {body.map(|body| view! { <p>{words(body(ed))}</p> })}
                                <p>
                                    <a href=page_href(l, PageId::Overview) hreflang=l.code()>
                                        {words(&ed.ui.not_found.home_link)}
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
