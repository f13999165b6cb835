//! `/` (the base path): a link to each language's home page, which is all a reader without
//! JavaScript needs; once the app runs it sends the reader on to their own language.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::bilingual::BilingualPage;
use crate::browser;
use crate::host::HostOptions;
use crate::i18n::negotiate;
use crate::routes::page_href;

/// Offers every edition, then, in the browser, goes to the host page's language if it set
/// one (a Japanese page embeds the Japanese edition), else the stored language choice, else
/// the browser's preference, else English.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let host_locale = HostOptions::current().locale;
    let navigate = use_navigate();
    // An effect runs only in the browser, after hydration, so the prerendered page and the
    // one the app takes over are the same.
    Effect::new(move |_| {
        let locale = host_locale.unwrap_or_else(|| {
            negotiate(
                browser::storage::stored_locale().as_deref(),
                &browser::page::preferred_languages(),
            )
        });
        let options = NavigateOptions {
            // Replace, so Back does not return to `/` and bounce straight forward again.
            replace: true,
            // The path already carries the base; resolving would add it a second time.
            resolve: false,
            ..Default::default()
        };
        navigate(&page_href(locale, PageId::Overview), options);
    });
    view! {
        <BilingualPage
            heading=|ed| ed.ui.site_title.as_ref()
            class="hcnf-main hcnf-language-choice"
        />
    }
}
