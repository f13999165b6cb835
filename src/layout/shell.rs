//! The layout of every page under `/:lang`: head, header, navigation, the page itself in
//! the router's outlet with the day it last changed, and the footer.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::footer::Footer;
use super::head::{PageHead, ShowsErrors};
use super::header::Header;
use super::nav::PrimaryNav;
use super::updated::PageUpdated;
use super::words;
use crate::host::HostOptions;
use crate::i18n::{CurrentLocale, Locale};
use crate::inquiry::answered::Answered;

/// The id of `<main>`, the skip link's target; prefixed so it cannot clash with a host page.
pub const MAIN_ID: &str = "hcnf-main";

/// Header, navigation, the page itself and the footer, in one locale.
#[component]
pub fn Shell(
    /// The language every word of the page is in.
    locale: Locale,
    /// The section shown, for the navigation, the head and the language switch.
    page: Memo<PageId>,
) -> impl IntoView {
    provide_context(CurrentLocale(locale));
    // An answer page of the plain form is written with its problems: its title says so
    // from the start.
    let errors = use_context::<Answered>().is_some_and(|a| a.shows_errors());
    provide_context(ShowsErrors(RwSignal::new(errors)));
    let ui = &locale.edition().ui;
    let owns_document = HostOptions::current().manage_document;
    view! {
        {owns_document.then(|| view! { <PageHead locale page /> })}
        <a class="hcnf-skip-link" href=format!("#{MAIN_ID}")>
            {words(&ui.skip_link)}
        </a>
        <Header page />
        <PrimaryNav page />
        <MainRegion class="hcnf-main">
            <Outlet />
            <PageUpdated page />
        </MainRegion>
        <Footer page />
    }
}

/// The page's own content, the skip link's target: the document's `<main>`, unless the host
/// page already has one, where a second would be invalid; then a plain `<div>`.
#[component]
pub fn MainRegion(
    /// The region's class, naming the page for the stylesheet.
    class: &'static str,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let landmark = HostOptions::current().main_landmark;
    if landmark {
        view! {
            <main id=MAIN_ID class=class tabindex="-1">
                {children()}
            </main>
        }
        .into_any()
    } else {
        view! {
            <div id=MAIN_ID class=class tabindex="-1">
                {children()}
            </div>
        }
        .into_any()
    }
}
