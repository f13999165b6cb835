//! What the browser tests share: waiting, querying the page, and mounting the app once.
#![allow(dead_code)] // Each test file uses its own part.

use hcnf_site::host::HostOptions;
use hcnf_site::App;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds, letting the router and effects run.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `done()` holds, for up to three seconds, then fails naming `what`.
pub async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..150 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    let focused = document()
        .active_element()
        .map(|e| e.outer_html().chars().take(120).collect::<String>());
    panic!(
        "timed out waiting until {what}; path {}; focus on {focused:?}",
        pathname()
    );
}

thread_local! {
    static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Shows `path` as a reader arriving there would see it, the app mounted with `options`.
/// The app is mounted once per test page, as in a real tab: a second router in one page
/// would see the first one's clicks. Later visits go through the history API and
/// `popstate`, as Back and Forward do (and `options` is not read again).
pub async fn open(path: &str, options: HostOptions) {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    if MOUNTED.replace(true) {
        history
            .push_state_with_url(&JsValue::NULL, "", Some(path))
            .unwrap();
        window
            .dispatch_event(&web_sys::Event::new("popstate").unwrap())
            .unwrap();
    } else {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(path))
            .unwrap();
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        leptos::mount::mount_to(
            root.unchecked_into::<HtmlElement>(),
            move || leptos::view! { <App options /> },
        )
        .forget();
    }
    sleep(0).await;
    // After a navigation the new heading takes focus in the next animation frame; let it,
    // so the test starts from where a reader would.
    next_frame().await;
    next_frame().await;
}

/// Resolves at the browser's next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

pub fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

pub fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).unwrap()
}

pub fn query_all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn text_of(selector: &str) -> String {
    query(selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

pub fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

/// Clicks a link as a reader would: a real click event the router sees.
pub fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}
