//! The app's one root element, inside whatever element the host gave it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::host::HostOptions;
use crate::i18n::Locale;
use crate::routes;

/// The root's id: the scope of every rule in the app's stylesheet, so the app's CSS cannot
/// reach the host page and the host's CSS has to outweigh an id to reach the app.
pub const ROOT_ID: &str = "hcnf-app";

/// Carries the current page's language whatever the host's `<html lang>` says, and, when the
/// app owns the whole document, fills the window's height.
#[component]
pub fn AppRoot(
    /// The whole app.
    children: Children,
) -> impl IntoView {
    let owns_page = HostOptions::current().manage_document;
    let pathname = use_location().pathname;
    let base = routes::base();
    let lang = move || {
        pathname
            .with(|p| routes::locale_of_path(&base, p))
            .unwrap_or_else(Locale::fallback)
            .code()
    };
    view! {
        <div id=ROOT_ID class="hcnf" class=("hcnf--page", owns_page) lang=lang>
            {children()}
        </div>
    }
}
