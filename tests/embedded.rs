//! The app as a host page embeds it: mounted under the base path `/hcnf`, in a page that
//! has its own title, `lang` and `<main>`, with the endpoint given by the host. Run in
//! Chromium and Firefox like `app.rs`; each test file is its own page.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hcnf_content::PageId;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOST_TITLE: &str = "神奈川県ホームページ";

/// What `demo/host.html`'s snippet says, with an endpoint nobody needs to answer.
fn options() -> HostOptions {
    HostOptions {
        locale: Locale::from_code("ja"),
        base: "/hcnf".into(),
        endpoint: Some("http://127.0.0.1:9/inquiries".into()),
        manage_document: false,
        assets: "/hcnf-app/".into(),
        main_landmark: false,
    }
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
async fn the_form_uses_the_hosts_endpoint_without_config_json() {
    // The test server has no config.json; alone, the form would be disabled.
    let _app = open_in_host(&format!("/hcnf/ja/{}", PageId::Inquiry.slug())).await;
    let title = &ja().edition().pages.inquiry.head.title;
    wait_until("the inquiry page", || text_of("#hcnf-app h1") == *title).await;
    // Nothing listens at the host's endpoint, so a form that used it reports a network
    // failure; one without an endpoint would say the form is unavailable.
    let told = send_and_read_the_failure(&complete_draft()).await;
    let sending = &ja().edition().pages.inquiry.sending;
    assert!(told.contains(sending.network.as_str()), "{told}");
    assert!(
        query(".hcnf-notice[role='alert']").is_none(),
        "no unavailable notice"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_path_under_the_base_shows_not_found_without_touching_the_title() {
    let _app = open_in_host("/hcnf/nowhere").await;
    let en_title = &en().edition().ui.not_found.title;
    wait_until("the not-found page", || {
        text_of("#hcnf-app h1").contains(en_title.as_str())
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
