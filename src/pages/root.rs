//! `/` (the base path): sends the reader to their language's home page.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::NavigateOptions;

use crate::browser;
use crate::host::HostOptions;
use crate::i18n::negotiate;
use crate::routes::page_href;

/// Redirects to the host page's language if it set one (a Japanese page embeds the
/// Japanese edition), else the stored language choice, else the browser's preference, else
/// English.
#[component]
pub fn RootRedirect() -> impl IntoView {
    let host_locale = HostOptions::current().locale;
    let locale = host_locale.unwrap_or_else(|| {
        negotiate(
            browser::stored_locale().as_deref(),
            &browser::preferred_languages(),
        )
    });
    let options = NavigateOptions {
        // Replace, so Back does not return to `/` and bounce straight forward again.
        replace: true,
        // The path already carries the base; resolving would add it a second time.
        resolve: false,
        ..Default::default()
    };
    view! { <Redirect path=page_href(locale, PageId::Overview) options /> }
}
