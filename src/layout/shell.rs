//! Resolves `/:lang/:page?` and lays out the page, or shows the not-found page.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::footer::Footer;
use super::head::PageHead;
use super::header::Header;
use super::nav::PrimaryNav;
use crate::browser;
use crate::host::HostOptions;
use crate::i18n::{CurrentLocale, Locale};
use crate::pages::{self, NotFound};
use crate::routes;

/// The id of `<main>`, the skip link's target; prefixed so it cannot clash with a host page.
pub const MAIN_ID: &str = "hcnf-main";

/// The page at `/:lang/:page?`, inside the site's layout.
#[component]
pub fn LocalizedPage() -> impl IntoView {
    let params = use_params_map();
    let resolved =
        Memo::new(move |_| params.with(|p| routes::resolve(p.get_str("lang"), p.get_str("page"))));
    let locale = Memo::new(move |_| resolved.get().map(|(l, _)| l));
    let page = Memo::new(move |_| resolved.get().map_or(PageId::Overview, |(_, p)| p));

    move || match (locale.get(), resolved.get().is_some()) {
        (Some(locale), true) => view! { <Shell locale page /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// Header, navigation, the page itself and the footer, in one locale.
#[component]
fn Shell(locale: Locale, page: Memo<PageId>) -> impl IntoView {
    provide_context(CurrentLocale(locale));
    let ui = &locale.edition().ui;
    let owns_document = HostOptions::current().manage_document;
    view! {
        {owns_document.then(|| view! { <PageHead locale page /> })}
        <a
            class="hcnf-skip-link"
            href=format!("#{MAIN_ID}")
            on:click=|ev| {
                // Focus must move, not just the scroll; the router must not treat it as a route.
                ev.prevent_default();
                browser::focus(&format!("#{MAIN_ID}"));
            }
        >
            {ui.skip_link.as_str()}
        </a>
        <Header page />
        <PrimaryNav page />
        <MainRegion class="hcnf-main">{move || pages::render(page.get())}</MainRegion>
        <Footer />
    }
}

/// The page's own content, the skip link's target: the document's `<main>`, unless the host
/// page already has one, where a second would be invalid; then a plain `<div>`.
#[component]
pub fn MainRegion(class: &'static str, children: Children) -> impl IntoView {
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
