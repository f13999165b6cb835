//! The page's address and the clicks on its links.

/// `https://host:port` of the page, for absolute alternate links.
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// leptos_router takes every click on a same-origin link in the window whose path starts
/// with its base, as a string: host links to `/hcnf-news/`, to `#top` on this page, or to a
/// file under the base would all become routes of the app. Of the clicks the router would
/// take, only those on links inside the element with id `root_id` and under `base` are the
/// app's (`is_under(base, path)`); this leaves the others to the browser, and every other
/// click alone. Call before the router is created.
pub fn leave_host_links_to_the_browser(
    root_id: &str,
    base: String,
    is_under: fn(&str, &str) -> bool,
) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::Closure;
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else {
            return;
        };
        let root_selector = format!("#{root_id}");
        let handler =
            Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                if let Some((a, href_path)) = router_would_take(&ev, &base) {
                    let in_app = a.closest(&root_selector).ok().flatten().is_some();
                    if !in_app || !is_under(&base, &href_path) {
                        // Not the app's link: keep it from the router, whose listener comes
                        // next on the window, and let the browser follow it.
                        ev.stop_immediate_propagation();
                    }
                }
            });
        // Bubble phase, after every handler of the host's own, and registered before the
        // router's so it runs first of the two.
        let _ = window.add_event_listener_with_callback("click", handler.as_ref().unchecked_ref());
        handler.forget(); // For the page's lifetime.
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root_id, base, is_under);
}

/// The link leptos_router 0.8 would take this click for, with its path, by the router's
/// own rules (`handle_anchor_click`): a plain left click, not yet handled, on the
/// outermost same-origin `<a href>` with no target, download or `rel=external`, whose
/// path starts with the base as a string. Every other click is left to run its course.
#[cfg(target_arch = "wasm32")]
fn router_would_take(
    ev: &web_sys::MouseEvent,
    base: &str,
) -> Option<(web_sys::HtmlAnchorElement, String)> {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let path = ev.composed_path();
    // The path runs from the target out to the window; the router keeps the last anchor.
    let a = (0..path.length())
        .rev()
        .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    let href = a.href();
    let rel = a.rel();
    if href.is_empty()
        || !a.target().is_empty()
        || a.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let url = web_sys::Url::new(&href).ok()?;
    let origin = web_sys::window()?.location().origin().ok()?;
    let path = url.pathname();
    (url.origin() == origin && path.starts_with(base)).then_some((a, path))
}
