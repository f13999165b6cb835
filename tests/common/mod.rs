//! What the browser tests share: mounting a fresh inquiry form per test, as the site's wasm
//! runs it, waiting for what a reader would see, and querying the page.
#![allow(dead_code)] // Each test file uses its own part.

use any_spawner::Executor;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use leptos::prelude::{IntoView, Owner};
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds: for polling in [`wait_until`], and for the form's own timers
/// to run out. A test waits for what it expects to see, not for a time.
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
    wait_within(3_000, what, done).await
}

/// Waits until `done()` holds, for up to `ms` milliseconds, then fails naming `what`.
pub async fn wait_within(ms: i32, what: &str, done: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    let focused = document()
        .active_element()
        .map(|e| e.outer_html().chars().take(120).collect::<String>());
    panic!("timed out waiting until {what}; focus on {focused:?}");
}

/// A form mounted for one test. Dropping it cleans up its reactive owner, with the form's
/// effects, listeners and timers, and removes its element, so the next test starts from a
/// page without it.
pub struct Mounted {
    owner: Owner,
    _view: Box<dyn std::any::Any>,
    root: Element,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
        self.owner.cleanup();
    }
}

/// Mounts a fresh inquiry form in `locale` with `options`, in an element like the page's
/// (`#hcnf-app`, in the page's language), and waits until it is drawn. Keep the handle for
/// as long as the test uses the form.
pub async fn open(locale: Locale, options: HostOptions) -> Mounted {
    open_with_session(locale, options, &[]).await
}

/// As [`open`], in a tab whose session storage holds `session` (key and value each), as a
/// tab used before would.
pub async fn open_with_session(
    locale: Locale,
    options: HostOptions,
    session: &[(&str, &str)],
) -> Mounted {
    console_error_panic_hook::set_once();
    let _ = Executor::init_wasm_bindgen();
    // A fresh tab: no draft saved by an earlier test.
    if let Ok(Some(storage)) = web_sys::window().unwrap().session_storage() {
        storage.clear().unwrap();
        for (key, value) in session {
            storage.set_item(key, value).unwrap();
        }
    }
    // A test that failed (a panic aborts, dropping nothing) leaves its form behind: the
    // next test's is then the only one on the page all the same.
    for left in query_all("#hcnf-app") {
        left.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_id("hcnf-app");
    root.set_attribute("lang", locale.code()).unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let owner = Owner::new();
    let view = owner.with(|| {
        let mut view = hcnf_site::form(locale, options).into_view().build();
        view.mount(&root, None);
        view
    });
    wait_until("the form is drawn", || {
        root.query_selector("form").ok().flatten().is_some()
    })
    .await;
    Mounted {
        owner,
        _view: Box::new(view),
        root,
    }
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

/// The text of the first element matching `selector` as a reader reads it: without the
/// readings a plain-Japanese edition puts over its kanji.
pub fn text_of(selector: &str) -> String {
    query(selector).map(|e| read(&e)).unwrap_or_default()
}

/// The text of `element` without the readings over its kanji (`<rt>`), trimmed.
pub fn read(element: &Element) -> String {
    let copy = element
        .clone_node_with_deep(true)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap();
    for rt in copy.query_selector_all("rt").unwrap().values() {
        if let Some(rt) = rt.ok().and_then(|n| n.dyn_into::<Element>().ok()) {
            rt.remove();
        }
    }
    copy.text_content().unwrap_or_default().trim().to_owned()
}

/// An edition's text as a reader reads it: without the readings over its kanji.
pub fn plain(text: &str) -> String {
    hcnf_content::ruby::plain(text).into_owned()
}

/// Clicks as a reader would: a real click event.
pub fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

/// Answers that pass every rule, as a reader would type them.
pub fn complete_draft() -> hcnf_inquiry::Draft {
    hcnf_inquiry::Draft {
        name: "山田 太郎".into(),
        email: "taro@example.jp".into(),
        category: hcnf_inquiry::Category::Symposia.as_str().into(),
        subject: "次回の日程".into(),
        message: "次回のシンポジウムの日程を教えてください。".into(),
        consent: true,
        ..hcnf_inquiry::Draft::default()
    }
}

/// Puts `text` in a control as typing (or choosing) it would, with the event that follows.
pub fn type_into(control: &Element, text: &str) {
    js_sys::Reflect::set(control, &"value".into(), &text.into()).unwrap();
    let kind = if control.tag_name() == "SELECT" {
        "change"
    } else {
        "input"
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    control.dispatch_event(&event).unwrap();
}

/// Fills in the form as a reader would, field by field from the contract's list: typing
/// into text fields, choosing the category, ticking the consent box.
pub fn fill_in(draft: &hcnf_inquiry::Draft) {
    use hcnf_inquiry::Field;
    for field in Field::ALL {
        let control = query(&format!("#hcnf-app form [name='{}']", field.as_str()))
            .unwrap_or_else(|| panic!("no control for {field:?}"));
        match field.text(draft) {
            Some(text) => type_into(&control, text),
            None if draft.consent => click(&control),
            None => {}
        }
    }
}

/// Fills in the form, continues to the check step and sends; then waits until the
/// reader is told it failed, and returns what they are told.
pub async fn send_and_read_the_failure(draft: &hcnf_inquiry::Draft) -> String {
    fill_in(draft);
    click(&query("#hcnf-app form button[type='submit']").expect("the continue button"));
    wait_until("the check step", || {
        query("#hcnf-inquiry-check-heading").is_some()
    })
    .await;
    click(&query("#hcnf-app .hcnf-check > .hcnf-button").expect("the send button"));
    // Two attempts a second apart before the reader is told.
    wait_within(10_000, "the failure", || {
        query("#hcnf-inquiry-failure").is_some()
    })
    .await;
    text_of("#hcnf-inquiry-failure")
}
