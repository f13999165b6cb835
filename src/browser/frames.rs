//! The app inside an iframe of another page: it tells that page, and no other, how tall it
//! is, and sends readers to other sites in the whole window rather than inside the frame.

/// The page framing this one, if any (a top-level window is its own parent).
#[cfg(target_arch = "wasm32")]
fn framing_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    window.parent().ok().flatten().filter(|p| *p != window)
}

/// Whether the app runs in an iframe of another page.
pub fn in_frame() -> bool {
    #[cfg(target_arch = "wasm32")]
    return framing_window().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// The origin the app's height may be posted to: the one the page names
/// (`data-hcnf-parent-origin`, already checked), else that of the page the frame was
/// opened from, `document.referrer`, which browsers fill with at least the framing page's
/// origin unless its referrer policy is `no-referrer`. `None` when neither is known: then
/// nothing is posted, rather than posted to whoever is listening.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Called in a frame.
pub fn parent_origin(named: Option<&str>, referrer: &str) -> Option<String> {
    if let Some(named) = named {
        return Some(named.to_owned());
    }
    let (origin, _) = crate::config::parse_url(referrer).ok()?;
    Some(origin.as_str().to_owned())
}

/// In an iframe: tells the framing page the app's height whenever it changes, as a message
/// `{type: "hcnf:height", height}` to that page's origin alone (see [`parent_origin`]), so it
/// can size the frame to fit (README); and opens links to other sites at the top.
#[cfg(target_arch = "wasm32")]
pub fn settle_in_frame(element: &web_sys::Element, named_parent: Option<&str>) {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::JsCast;
    let Some(parent) = framing_window() else {
        return;
    };
    open_other_sites_at_top();
    let referrer = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.referrer())
        .unwrap_or_default();
    let Some(target) = parent_origin(named_parent, &referrer) else {
        crate::browser::page::warn(
            "HCNF: in an iframe, but the framing page's origin is unknown (no referrer): the \
             app's height is not posted; name it with data-hcnf-parent-origin",
        );
        return;
    };
    let observed = element.clone();
    let report = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"hcnf:height".into());
        let height = f64::from(observed.scroll_height());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Delivered only if the parent is still a page of that origin.
        let _ = parent.post_message(&message, &target);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    // Lives as long as the page.
    report.forget();
}

/// A link to another origin, followed inside the frame, would leave the reader browsing
/// that site inside the prefecture's page, its address hidden. Just before the browser
/// follows such a link (a click, or Enter, which clicks), it gets `target="_top"`; a link
/// with a target of its own keeps it.
#[cfg(target_arch = "wasm32")]
fn open_other_sites_at_top() {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let own = window.location().origin().unwrap_or_default();
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let path = ev.composed_path();
        let Some(a) = (0..path.length())
            .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let elsewhere = parse_origin_of(&a.href()).is_some_and(|origin| origin != own);
        if elsewhere && a.target().is_empty() {
            a.set_target("_top");
        }
    });
    // Capture phase: before any handler that might follow the link itself.
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget(); // For the page's lifetime.
}

/// The origin of an `http(s)` URL; `None` for `tel:`, `mailto:` and the like, which open
/// no page.
#[cfg(target_arch = "wasm32")]
fn parse_origin_of(href: &str) -> Option<String> {
    let (origin, _) = crate::config::parse_url(href).ok()?;
    Some(origin.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_height_goes_to_the_named_origin_else_the_referrers_else_nowhere() {
        assert_eq!(
            parent_origin(Some("https://www.example.jp"), "https://evil.example/"),
            Some("https://www.example.jp".into())
        );
        assert_eq!(
            parent_origin(None, "https://www.example.jp/kenko/hcnf.html?x=1#top"),
            Some("https://www.example.jp".into())
        );
        assert_eq!(
            parent_origin(None, "HTTP://127.0.0.1:8090/iframe/"),
            Some("http://127.0.0.1:8090".into())
        );
        for unknown in ["", "about:blank", "null", "file:///tmp/host.html"] {
            assert_eq!(parent_origin(None, unknown), None, "{unknown:?}");
        }
        // Never "*", whatever is given.
        assert_eq!(crate::config::parse_origin("*").ok(), None);
    }
}
