//! Starting the app: in the element the page marks with `data-hcnf-app`, configured by
//! that element's data attributes (see [`crate::host`]); on a page with no such element,
//! in `<body>`, as a site of its own; on a page with two or more, nowhere. Markup the
//! prerenderer wrote is hydrated, not replaced.

/// Mounts the app into the page; called once, when the wasm module starts.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::host::{
        HostOptionError, HostOptions, MOUNT_ATTRIBUTE, PRERENDERED_ATTRIBUTE, STARTED_ATTRIBUTE,
    };
    use crate::{browser, routes, App};

    let marked = document()
        .query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]"))
        .ok();
    let count = marked.as_ref().map_or(0, |m| m.length());
    if count > 1 {
        // One app per page: it follows the page's address, and there is only one. Which
        // element was meant cannot be told, so none is used, and the page says why.
        browser::page::error(&format!(
            "HCNF: the page has {count} elements with {MOUNT_ATTRIBUTE}; the app starts in \
             none of them. Keep one snippet per page."
        ));
        return;
    }
    let element = marked
        .and_then(|m| m.item(0))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(element) = element else {
        if let Some(body) = document().body() {
            browser::frames::settle_in_frame(&body, None);
        }
        leptos::mount::mount_to_body(|| view! { <App /> });
        return;
    };
    let (mut options, mut errors) =
        HostOptions::from_attributes(|name| element.get_attribute(name));
    let path = window().location().pathname().unwrap_or_default();
    if !routes::is_under(&options.base, &path) {
        errors.push(HostOptionError::OutsideBase {
            path,
            base: format!("{}/", options.base),
        });
    }
    for error in errors {
        browser::page::warn(&format!("HCNF: {error}"));
    }
    // Only a landmark of the host's own counts, outside the element.
    options.main_landmark = !document()
        .query_selector_all("main, [role='main']")
        .ok()
        .is_some_and(|found| {
            (0..found.length())
                .filter_map(|i| found.item(i))
                .any(|node| !element.contains(Some(&node)))
        });
    browser::frames::settle_in_frame(&element, options.parent_origin.as_deref());
    if element.has_attribute(PRERENDERED_ATTRIBUTE) {
        // The page already shows this address's markup: take it over as it stands, so
        // nothing the reader sees moves and their focus and scroll stay where they are.
        crate::inquiry::saved::keep_typed_before_start(&element);
        leptos::mount::hydrate_from(element.clone(), move || view! { <App options /> }).forget();
    } else {
        // What the host put inside the element is its fallback for readers without the
        // app (no script, or a failed download); the app takes its place.
        element.set_inner_html("");
        leptos::mount::mount_to(element.clone(), move || view! { <App options /> }).forget();
    }
    let _ = element.set_attribute(STARTED_ATTRIBUTE, "");
}

/// Natively there is no page to mount into.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}
