//! The app inside an iframe of another page.

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

/// In an iframe, tells the parent page the app's height whenever it changes, as a message
/// `{type: "hcnf:height", height}`, so the host can size the frame to fit (README).
#[cfg(target_arch = "wasm32")]
pub fn report_height_to_parent(element: &web_sys::Element) {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::JsCast;
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
