//! `/`: sends the reader to their language's home page.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::NavigateOptions;

use crate::browser;
use crate::i18n::negotiate;
use crate::routes::page_href;

/// Redirects to the stored language choice, else the browser's preference, else English.
#[component]
pub fn RootRedirect() -> impl IntoView {
    let locale = negotiate(
        browser::stored_locale().as_deref(),
        &browser::preferred_languages(),
    );
    // Replace, so Back does not return to `/` and bounce straight forward again.
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    view! { <Redirect path=page_href(locale, PageId::Overview) options /> }
}
