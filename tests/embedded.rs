//! The app as a host page embeds it: mounted under the base path `/hcnf`, in a page that
//! has its own title, `lang` and `<main>`, with an endpoint picked by the host among those
//! `config.json` allows. Run in Chromium and Firefox like `app.rs`; each test file is its
//! own page. The test runner serves the package's files, so `config.json` is
//! `tests/fixtures/config.json`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hcnf_content::PageId;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOST_TITLE: &str = "神奈川県ホームページ";

/// Where `config.json` is: it sends to `http://127.0.0.1:9/site-inquiries` and allows
/// `http://127.0.0.1:9`, where nothing answers.
const FIXTURES: &str = "/tests/fixtures/";
/// An endpoint on the origin `config.json` allows, which the host picks.
const PICKED: &str = "http://127.0.0.1:9/inquiries";

/// What `demo/host.html`'s snippet says, picking an endpoint nobody needs to answer.
fn options() -> HostOptions {
    HostOptions {
        locale: Locale::from_code("ja"),
        base: "/hcnf".into(),
        endpoint: Some(PICKED.into()),
        parent_origin: None,
        manage_document: false,
        assets: FIXTURES.into(),
        main_landmark: false,
    }
}

/// From now on, notes every URL the page fetches, for [`fetched`] to tell; forgets earlier ones.
fn note_fetches() {
    js_sys::Function::new_no_args(
        "if (!window.hcnfFetched) {
           const fetch = window.fetch;
           window.fetch = function (input) {
             window.hcnfFetched.push(String(input instanceof Request ? input.url : input));
             return fetch.apply(this, arguments);
           };
         }
         window.hcnfFetched = [];",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The URLs fetched since [`note_fetches`], as absolute URLs.
fn fetched() -> Vec<String> {
    let window = web_sys::window().unwrap();
    let list = js_sys::Reflect::get(&window, &"hcnfFetched".into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|u| u.as_string())
        .collect()
}

/// The host page around the app, then the app at `path`.
async fn open_in_host(path: &str) -> Mounted {
    document().set_title(HOST_TITLE);
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "ja")
        .unwrap();
    open(path, options()).await
}

fn ja() -> Locale {
    Locale::from_code("ja").unwrap()
}

fn en() -> Locale {
    Locale::from_code("en").unwrap()
}

fn root_lang() -> String {
    query("#hcnf-app")
        .and_then(|r| r.get_attribute("lang"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn under_a_base_path_every_link_stays_under_it_and_the_document_stays_the_hosts() {
    let _app = open_in_host("/hcnf/").await;
    // The base path opens in the host's language, whatever the browser prefers.
    wait_until("the base path opens the Japanese overview", || {
        pathname() == "/hcnf/ja/"
    })
    .await;
    let overview = &ja().edition().pages.overview.head.title;
    wait_until("the overview heading", || {
        text_of("#hcnf-app h1") == *overview
    })
    .await;

    let hrefs: Vec<String> = query_all("#hcnf-app a[href^='/']")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(hrefs.len() > 8, "{hrefs:?}");
    assert!(
        hrefs.iter().all(|h| h.starts_with("/hcnf/")),
        "every link of the app is under the base: {hrefs:?}"
    );

    let switch = query("#hcnf-app .hcnf-lang a[hreflang='en']").unwrap();
    assert_eq!(switch.get_attribute("href").as_deref(), Some("/hcnf/en/"));
    click(&switch);
    let en_overview = &en().edition().pages.overview.head.title;
    wait_until("the English overview", || {
        text_of("#hcnf-app h1") == *en_overview
    })
    .await;
    assert_eq!(pathname(), "/hcnf/en/");
    assert_eq!(
        root_lang(),
        "en",
        "the app's root carries the page's language"
    );
    assert_eq!(document().title(), HOST_TITLE, "the title is the host's");
    assert_eq!(html_lang(), "ja", "<html lang> is the host's");
    assert!(
        query_all("head link[rel='alternate']").is_empty(),
        "no hreflang links in the host's head"
    );
}

#[wasm_bindgen_test]
async fn where_the_host_has_a_main_the_app_does_not_add_a_second() {
    let _app = open_in_host("/hcnf/en/symposia").await;
    let title = &en().edition().pages.symposia.head.title;
    wait_until("the symposia page", || text_of("#hcnf-app h1") == *title).await;
    assert!(query("#hcnf-app main").is_none());
    let content = query("#hcnf-main").expect("the skip link's target");
    assert_eq!(content.tag_name(), "DIV");
    assert!(query_all("#hcnf-app nav")
        .iter()
        .all(|n| n.has_attribute("aria-label")));
}

#[wasm_bindgen_test]
async fn the_form_sends_to_the_endpoint_the_host_picks_among_those_config_json_allows() {
    note_fetches();
    let _app = open_in_host(&format!("/hcnf/ja/{}", PageId::Inquiry.slug())).await;
    let title = &ja().edition().pages.inquiry.head.title;
    wait_until("the inquiry page", || text_of("#hcnf-app h1") == *title).await;
    // Nothing listens at the host's endpoint, so a form that used it reports a network
    // failure; one without an endpoint would say the form is unavailable.
    let told = send_and_read_the_failure(&complete_draft()).await;
    let sending = &ja().edition().pages.inquiry.sending;
    assert!(told.contains(sending.network.as_ref()), "{told}");
    assert!(
        query(".hcnf-notice[role='alert']").is_none(),
        "no unavailable notice"
    );
    let sent = fetched();
    assert!(
        sent.iter()
            .any(|u| u.ends_with("/tests/fixtures/config.json")),
        "config.json is read, with the attribute too: {sent:?}"
    );
    assert!(
        sent.iter().any(|u| u == PICKED) && !sent.iter().any(|u| u.contains("site-inquiries")),
        "the inquiry went to the picked endpoint only: {sent:?}"
    );
}

#[wasm_bindgen_test]
async fn an_endpoint_config_json_does_not_allow_leaves_the_form_unavailable_and_sends_nothing() {
    for endpoint in [
        // Another origin, another port, plain http away from loopback, a password.
        "https://evil.example/inquiries",
        "http://127.0.0.1:10/inquiries",
        "http://inquiries.example.jp/inquiries",
        "http://user:pass@127.0.0.1:9/inquiries",
    ] {
        note_fetches();
        let _app = open(
            &format!("/hcnf/ja/{}", PageId::Inquiry.slug()),
            HostOptions {
                endpoint: Some(endpoint.into()),
                ..options()
            },
        )
        .await;
        let unavailable = &ja().edition().pages.inquiry.unavailable.heading;
        wait_until(&format!("{endpoint}: the unavailable notice"), || {
            text_of(".hcnf-notice[role='alert']").contains(&plain(unavailable))
        })
        .await;
        let fieldset = query(".hcnf-form fieldset").expect("the form is still shown");
        assert!(
            fieldset.has_attribute("disabled"),
            "{endpoint}: the form is disabled"
        );
        let sent = fetched();
        assert!(
            sent.iter()
                .all(|u| u.ends_with("/tests/fixtures/config.json")),
            "{endpoint}: only config.json was fetched: {sent:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_unknown_path_under_the_base_shows_not_found_without_touching_the_title() {
    let _app = open_in_host("/hcnf/nowhere").await;
    let en_title = &en().edition().ui.not_found.title;
    wait_until("the not-found page", || {
        text_of("#hcnf-app h1").contains(en_title.as_ref())
    })
    .await;
    assert_eq!(document().title(), HOST_TITLE);
    let homes: Vec<String> = query_all("#hcnf-app .hcnf-bilingual__part a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    let expected: Vec<String> = Locale::all()
        .map(|l| format!("/hcnf/{}/", l.code()))
        .collect();
    assert_eq!(homes, expected, "every edition's home, under the base");
}

#[wasm_bindgen_test]
async fn the_base_however_it_is_written_opens_the_hosts_language() {
    for path in ["/hcnf", "/hcnf/index.html"] {
        let _app = open_in_host("/hcnf/en/contact").await;
        let contact = &en().edition().pages.contact.head.title;
        wait_until("the contact page", || text_of("#hcnf-app h1") == *contact).await;
        go(path).await;
        wait_until(&format!("{path} opens the Japanese overview"), || {
            pathname() == "/hcnf/ja/"
        })
        .await;
    }
}
