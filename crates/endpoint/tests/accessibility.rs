//! End to end: axe-core finds no WCAG 2.2 A or AA violation on any page of any edition,
//! with JavaScript on, as nginx serves the build, nor in the inquiry form's states that
//! need no endpoint (empty, with errors, checking, failed to send).
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-endpoint --features test-faults --test accessibility -- --ignored`

mod support;

use fantoccini::Client;
use hcnf_content::PageId;
use support::{axe_violations, Proc, Script};

/// The editions the site publishes, from the content files.
fn locales() -> Vec<String> {
    hcnf_content::read_content_dir(&support::root().join("content"))
        .expect("content/ is readable")
        .into_iter()
        .map(|f| f.locale)
        .collect()
}

struct Rig {
    _procs: Vec<Proc>,
    site: String,
    browser: Client,
}

/// nginx serving the build, with a configuration whose endpoint nothing answers (the
/// "failed to send" state), and a browser running page scripts.
async fn rig() -> Rig {
    support::dist();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.json");
    std::fs::write(
        &config,
        r#"{"inquiry_endpoint": "http://127.0.0.1:9/inquiries", "timeout_ms": 2000}"#,
    )
    .unwrap();
    let port = support::free_port();
    let server = support::start_site(port, Some(&config)).await;
    // nginx has read the file's path; it is served from the directory kept below.
    std::mem::forget(dir);
    let (driver, browser) = support::start_browser_with(Script::On).await;
    Rig {
        _procs: vec![server, driver],
        site: format!("http://127.0.0.1:{port}"),
        browser,
    }
}

impl Rig {
    async fn open(&self, path: &str) {
        self.browser
            .goto(&format!("{}{path}", self.site))
            .await
            .unwrap();
        support::started(&self.browser).await;
    }

    async fn assert_passes(&self, what: &str) {
        let violations = axe_violations(&self.browser).await;
        assert!(violations.is_empty(), "{what}:\n{}", violations.join("\n"));
    }
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and axe-core; run by scripts/test.sh"]
async fn every_page_of_every_edition_passes_axe_at_wcag_2_2_aa() {
    let rig = rig().await;
    let mut paths = vec!["/nowhere".to_owned()];
    for code in locales() {
        paths.extend(PageId::ALL.map(|p| format!("/{code}/{}", p.slug())));
    }
    for path in &paths {
        rig.open(path).await;
        rig.assert_passes(path).await;
    }
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and axe-core; run by scripts/test.sh"]
async fn the_inquiry_form_passes_axe_with_errors_while_checking_and_after_a_failed_send() {
    let rig = rig().await;
    for code in locales() {
        let path = format!("/{code}/{}", PageId::Inquiry.slug());
        rig.open(&path).await;
        support::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
        support::find(&rig.browser, "#hcnf-inquiry-error-summary").await;
        rig.assert_passes(&format!("{path} with errors")).await;
        rig.open(&path).await;
        support::fill_form(&rig.browser).await;
        rig.assert_passes(&format!("{path} checking the answers"))
            .await;
        support::click(&rig.browser, ".hcnf-check > .hcnf-button").await;
        support::find(&rig.browser, "#hcnf-inquiry-failure").await;
        rig.assert_passes(&format!("{path} after a failed send"))
            .await;
        // Leave no draft to the next edition's empty form.
        rig.browser
            .execute("sessionStorage.clear(); return true;", vec![])
            .await
            .unwrap();
    }
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and axe-core; run by scripts/test.sh"]
async fn the_check_finds_a_violation_when_there_is_one() {
    // So that the passes above mean something: an image without a text alternative and a
    // field without a label, put on a real page, are reported.
    let rig = rig().await;
    rig.open("/en/").await;
    rig.browser
        .execute(
            "document.querySelector('main').insertAdjacentHTML('beforeend', \
             '<img src=\"/favicon.svg\"><input type=\"text\">'); return true;",
            vec![],
        )
        .await
        .unwrap();
    let violations = axe_violations(&rig.browser).await;
    for rule in ["image-alt", "label"] {
        assert!(
            violations
                .iter()
                .any(|v| v.starts_with(&format!("{rule}:"))),
            "{rule} not reported: {violations:?}"
        );
    }
    rig.browser.close().await.unwrap();
}
