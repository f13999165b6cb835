//! The layout of every page under `/:lang`: the language from the route's parameter, the
//! section from the path, and the page itself in the router's outlet.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_params};
use leptos_router::params::Params;

use super::footer::Footer;
use super::head::PageHead;
use super::header::Header;
use super::nav::PrimaryNav;
use crate::browser;
use crate::host::HostOptions;
use crate::i18n::{CurrentLocale, Locale};
use crate::pages::NotFound;
use crate::routes;

/// The id of `<main>`, the skip link's target; prefixed so it cannot clash with a host page.
pub const MAIN_ID: &str = "hcnf-main";

/// The `/:lang` parameter.
#[derive(Params, Clone, Debug, PartialEq)]
struct LangParams {
    lang: Option<String>,
}

/// The parent route `/:lang`: the site's layout in that language around the section the
/// child route renders, or the not-found page for a language we do not publish.
#[component]
pub fn LocalizedLayout() -> impl IntoView {
    let params = use_params::<LangParams>();
    let locale = Memo::new(move |_| {
        params.with(|p| {
            p.as_ref()
                .ok()
                .and_then(|p| p.lang.as_deref())
                .and_then(Locale::from_code)
        })
    });
    let pathname = use_location().pathname;
    let base = routes::base();
    // The child routes know their page; the layout around them needs it too (navigation,
    // head, language switch), and reads it from the same path they matched.
    let page = Memo::new(move |_| {
        pathname
            .with(|p| routes::page_of_path(base, p))
            .unwrap_or(PageId::Overview)
    });
    move || match locale.get() {
        Some(locale) => view! { <Shell locale page /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
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
        <MainRegion class="hcnf-main">
            <Outlet />
        </MainRegion>
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
