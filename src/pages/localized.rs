//! The parent route `/:lang`: the language from the route's parameter, the section from
//! the path.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params};
use leptos_router::params::Params;

use super::not_found::NotFound;
use crate::i18n::Locale;
use crate::layout::Shell;
use crate::routes;

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
            .with(|p| routes::page_of_path(&base, p))
            .unwrap_or(PageId::Overview)
    });
    move || match locale.get() {
        Some(locale) => view! { <Shell locale page /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}
