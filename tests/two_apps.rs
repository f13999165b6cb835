//! A page with two `data-hcnf-app` elements, as a web team that pasted the snippet twice
//! would make: the app starts in neither and says why in the console. Its own page, as
//! `mount::start` runs once per page.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// From now on, keeps what is written to `console.error`, for [`console_errors`].
fn note_console_errors() {
    js_sys::Function::new_no_args(
        "window.hcnfErrors = [];
         const error = console.error;
         console.error = function (...args) {
           window.hcnfErrors.push(args.join(' '));
           return error.apply(this, args);
         };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

fn console_errors() -> Vec<String> {
    let list = js_sys::Reflect::get(&web_sys::window().unwrap(), &"hcnfErrors".into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|e| e.as_string())
        .collect()
}

#[wasm_bindgen_test]
async fn two_marked_elements_start_no_app_and_the_console_says_why() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host.set_inner_html(
        r#"<div data-hcnf-app data-hcnf-base="/hcnf/" data-hcnf-assets="/tests/fixtures/">
             <p id="first">Loading. Telephone 045-285-0777.</p>
           </div>
           <div data-hcnf-app data-hcnf-base="/hcnf/" data-hcnf-assets="/tests/fixtures/">
             <p id="second">Loading. Telephone 045-285-0777.</p>
           </div>"#,
    );
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/hcnf/"))
        .unwrap();
    note_console_errors();

    hcnf_site::mount::start();

    let errors = console_errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("2 elements with data-hcnf-app") && e.contains("none")),
        "{errors:?}"
    );
    // Given the time to start, nothing did: both fallbacks stand, no app, no start mark.
    pause(300).await;
    assert!(query("#first").is_some() && query("#second").is_some());
    assert!(query("#hcnf-app").is_none(), "no app rendered");
    assert!(
        query("[data-hcnf-started]").is_none(),
        "no element marked as started"
    );
}

/// Lets the browser run for `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
