//! Every call into the browser, in one place, so the components also build natively
//! (for tests now, and for prerendering later). Natively each call does nothing.

/// Where the reader's language choice is kept between visits.
const LOCALE_KEY: &str = "hcnf.locale";

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn local_storage() -> Option<web_sys::Storage> {
        // Storage can be refused (privacy settings); the site then simply forgets.
        web_sys::window()?.local_storage().ok()?
    }

    fn session_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    pub fn stored(key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok()?
    }

    pub fn store(key: &str, value: &str) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn session_get(key: &str) -> Option<String> {
        session_storage()?.get_item(key).ok()?
    }

    pub fn session_set(key: &str, value: &str) {
        if let Some(s) = session_storage() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn session_remove(key: &str) {
        if let Some(s) = session_storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    pub async fn sleep(ms: u32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let ms = i32::try_from(ms).unwrap_or(i32::MAX);
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    pub fn preferred_languages() -> Vec<String> {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let mut tags: Vec<String> = nav
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        if tags.is_empty() {
            tags.extend(nav.language());
        }
        tags
    }

    pub fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    pub fn focus(selector: &str) {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    }

    pub fn leave_host_links_to_the_browser(root_id: &str, base: &'static str) {
        use wasm_bindgen::prelude::Closure;
        let Some(window) = web_sys::window() else {
            return;
        };
        let root_selector = format!("#{root_id}");
        let handler =
            Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                if let Some((a, href_path)) = router_would_take(&ev, base) {
                    let in_app = a.closest(&root_selector).ok().flatten().is_some();
                    if !in_app || !crate::routes::is_under(base, &href_path) {
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

    /// The link leptos_router 0.8 would take this click for, with its path, by the router's
    /// own rules (`handle_anchor_click`): a plain left click, not yet handled, on the
    /// outermost same-origin `<a href>` with no target, download or `rel=external`, whose
    /// path starts with the base as a string. Every other click is left to run its course.
    fn router_would_take(
        ev: &web_sys::MouseEvent,
        base: &str,
    ) -> Option<(web_sys::HtmlAnchorElement, String)> {
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

    pub fn warn(message: &str) {
        web_sys::console::warn_1(&message.into());
    }

    /// The page framing this one, if any (a top-level window is its own parent).
    fn framing_window() -> Option<web_sys::Window> {
        let window = web_sys::window()?;
        window.parent().ok().flatten().filter(|p| *p != window)
    }

    pub fn in_frame() -> bool {
        framing_window().is_some()
    }

    pub fn report_height_to_parent(element: &web_sys::Element) {
        use wasm_bindgen::prelude::Closure;
        let Some(parent) = framing_window() else {
            return;
        };
        let observed = element.clone();
        let report = Closure::<dyn FnMut()>::new(move || {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"hcnf:height".into());
            let height = f64::from(observed.scroll_height());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The height of a public page is no secret, so any parent may read it.
            let _ = parent.post_message(&message, "*");
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
            observer.observe(element);
        }
        // Lives as long as the page.
        report.forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn stored(_: &str) -> Option<String> {
        None
    }
    pub fn store(_: &str, _: &str) {}
    pub fn session_get(_: &str) -> Option<String> {
        None
    }
    pub fn session_set(_: &str, _: &str) {}
    pub fn session_remove(_: &str) {}
    pub fn now_ms() -> f64 {
        0.0
    }
    pub async fn sleep(_: u32) {}
    pub fn preferred_languages() -> Vec<String> {
        Vec::new()
    }
    pub fn origin() -> String {
        String::new()
    }
    pub fn focus(_: &str) {}
    pub fn leave_host_links_to_the_browser(_: &str, _: &'static str) {}
    pub fn in_frame() -> bool {
        false
    }
    pub fn warn(message: &str) {
        eprintln!("{message}");
    }
}

/// The language the reader chose last time, if storage allows.
pub fn stored_locale() -> Option<String> {
    imp::stored(LOCALE_KEY)
}

/// Remembers the reader's language choice.
pub fn store_locale(code: &str) {
    imp::store(LOCALE_KEY, code)
}

/// `navigator.languages`, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    imp::preferred_languages()
}

/// `https://host:port` of the page, for absolute alternate links.
pub fn origin() -> String {
    imp::origin()
}

/// leptos_router takes every click on a same-origin link in the window whose path starts
/// with its base, as a string: host links to `/hcnf-news/`, to `#top` on this page, or to a
/// file under the base would all become routes of the app. Of the clicks the router would
/// take, only those on links inside the element with id `root_id` and under `base` are the
/// app's; this leaves the others to the browser, and every other click alone.
/// Call before the router is created.
pub fn leave_host_links_to_the_browser(root_id: &str, base: &'static str) {
    imp::leave_host_links_to_the_browser(root_id, base)
}

/// Whether the app runs in an iframe of another page.
pub fn in_frame() -> bool {
    imp::in_frame()
}

/// In an iframe, tells the parent page the app's height whenever it changes, as a message
/// `{type: "hcnf:height", height}`, so the host can size the frame to fit (README).
#[cfg(target_arch = "wasm32")]
pub fn report_height_to_parent(element: &web_sys::Element) {
    imp::report_height_to_parent(element)
}

/// Tells the page's developer something in the console; readers never see it.
pub fn warn(message: &str) {
    imp::warn(message)
}

/// Moves keyboard and screen-reader focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    imp::focus(selector)
}

/// This tab's saved value for `key` (session storage: gone when the tab closes).
pub fn session_get(key: &str) -> Option<String> {
    imp::session_get(key)
}

/// Saves `value` for this tab.
pub fn session_set(key: &str, value: &str) {
    imp::session_set(key, value)
}

/// Removes this tab's value for `key`.
pub fn session_remove(key: &str) {
    imp::session_remove(key)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    imp::now_ms()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    imp::sleep(ms).await
}
