//! `mount::start`, as the loader calls it: it finds the host's `data-hcnf-app` element,
//! reads its attributes, replaces its fallback and renders into it alone. Its own page, so
//! the host's markup here is the only one.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hcnf_site::i18n::Locale;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_app_starts_in_the_marked_element_as_its_attributes_say() {
    // A host page whose main landmark is a role, as older templates write it.
    // Appended, not written over the body: the test runner reports through its own elements.
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host.set_inner_html(
        r#"<div role="main" id="host-main">
             <p id="host-text">The host's own text.</p>
             <div data-hcnf-app data-hcnf-locale="ja" data-hcnf-base="/hcnf/"
                  data-hcnf-endpoint="http://127.0.0.1:9/inquiries"
                  data-hcnf-assets="/tests/fixtures/">
               <p id="fallback">Loading. Telephone 045-285-0777.</p>
             </div>
           </div>"#,
    );
    document().set_title("Host");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/hcnf/"))
        .unwrap();

    hcnf_site::mount::start();

    let ja = Locale::from_code("ja").unwrap().edition();
    let overview = &ja.pages.overview.head.title;
    wait_until("the Japanese overview", || {
        text_of("[data-hcnf-app] #hcnf-app h1") == *overview
    })
    .await;
    assert_eq!(pathname(), "/hcnf/ja/", "the host's locale opens the base");
    assert!(
        query("#fallback").is_none(),
        "the fallback gave way to the app"
    );
    assert_eq!(text_of("#host-text"), "The host's own text.");
    assert_eq!(
        query("#hcnf-main").map(|m| m.tag_name()).as_deref(),
        Some("DIV"),
        "the host's role=main stays the only main landmark"
    );
    assert!(query("#hcnf-app main").is_none());
    assert_eq!(document().title(), "Host", "the title is the host's");
    let app_links = query_all("#hcnf-app a[href^='/']");
    assert!(!app_links.is_empty());
    assert!(app_links
        .iter()
        .all(|a| a.get_attribute("href").unwrap().starts_with("/hcnf/")));
    // The endpoint the attribute picks, on the origin config.json allows, where nothing
    // listens: the reader is told of a network failure, not that the form is unavailable.
    click(&query("#hcnf-app .hcnf-nav a[href='/hcnf/ja/inquiry']").unwrap());
    wait_until("the inquiry form", || {
        query(".hcnf-form fieldset").is_some()
    })
    .await;
    let told = send_and_read_the_failure(&complete_draft()).await;
    assert!(
        told.contains(ja.pages.inquiry.sending.network.as_ref()),
        "{told}"
    );
}
