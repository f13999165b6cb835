//! A headless browser through WebDriver, and what a reader does with it: find, click,
//! type, read the words as shown, fill in and send the inquiry form.

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hcnf_content::Browser;
use serde_json::{json, Value};

use crate::servers::{free_port, spawn, wait_for_port, Proc};
use crate::READ_JS;

/// A headless browser through the WebDriver named by `HCNF_WEBDRIVER` (chromedriver or
/// geckodriver), 1280 px wide.
pub async fn start_browser() -> (Proc, Client) {
    start_browser_with(Script::On).await
}

/// Whether the browser runs the pages' scripts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Script {
    On,
    Off,
}

/// A headless browser as [`start_browser`], running page scripts or not.
pub async fn start_browser_with(script: Script) -> (Proc, Client) {
    let driver = std::env::var("HCNF_WEBDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let on = script == Script::On;
    let (proc, caps) = if driver.contains("gecko") {
        let proc = spawn(Command::new(&driver).args(["--port", &port.to_string()]));
        let caps = json!({"moz:firefoxOptions": {
            "args": ["-headless", "--width=1280", "--height=1600"],
            "prefs": {"intl.accept_languages": "ja", "javascript.enabled": on}
        }});
        (proc, caps)
    } else {
        let proc = spawn(Command::new(&driver).arg(format!("--port={port}")));
        // Chromium's own setting for sites' JavaScript: 1 allows, 2 blocks.
        // The console is kept, so a test can read its errors (`console_errors`).
        let caps = json!({"goog:loggingPrefs": {"browser": "ALL"}, "goog:chromeOptions": {
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1600"
            ],
            "prefs": {"profile.managed_default_content_settings.javascript": if on { 1 } else { 2 }}
        }});
        (proc, caps)
    };
    wait_for_port(port).await;
    let caps = caps.as_object().unwrap().clone().into_iter().collect();
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    (proc, client)
}

/// The first element matching `selector`, waiting up to 20 s for it.
pub async fn find(browser: &Client, selector: &str) -> fantoccini::elements::Element {
    match browser
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(selector))
        .await
    {
        Ok(element) => element,
        Err(e) => panic!(
            "{selector} never appeared ({e}); {}",
            what_is_shown(browser).await
        ),
    }
}

/// Waits until the app runs on the page: it marks its element once it has taken over the
/// prerendered markup (or rendered its own), and its links and form are live from then on.
pub async fn started(browser: &Client) {
    find(browser, "[data-hcnf-app][data-hcnf-started]").await;
}

/// A script that stores a draft as the form saves one, last typed into an hour ago, with
/// `fields` (entries of a JavaScript object) over an empty draft, and returns that time.
pub fn store_draft_an_hour_ago(fields: &str) -> String {
    format!(
        "const touched = Date.now() - 3600000; \
         sessionStorage.setItem('hcnf.inquiry.draft', JSON.stringify({{key: 'k', \
           draft: {{name: '', email: '', phone: '', category: '', subject: '', message: '', \
             consent: false, website: '', elapsed_ms: 0, locale: '', {fields}}}, \
           started_ms: touched, touched_ms: touched}})); \
         return touched;"
    )
}

/// Clicks the first element matching `selector`, once it appears.
pub async fn click(browser: &Client, selector: &str) {
    find(browser, selector).await.click().await.unwrap();
}

/// The text of the first element matching `selector`, as the browser renders it, without
/// the readings over kanji (compare with [`edition`]'s words).
pub async fn text(browser: &Client, selector: &str) -> String {
    find(browser, selector).await;
    // Found and read in one script: a page brought in by the navigation script may replace
    // the element between two WebDriver calls.
    let text = browser
        .execute(
            &format!(
                "{READ_JS} const e = document.querySelector(arguments[0]); \
                 return e ? read(e).replace(/\\s+/g, ' ').trim() : '';"
            ),
            vec![serde_json::json!(selector)],
        )
        .await
        .unwrap();
    text.as_str().unwrap_or_default().to_owned()
}

/// Waits until `script` (a function body) returns `expected`, or fails saying what it was.
pub async fn wait_until(browser: &Client, script: &str, expected: Value) {
    let start = Instant::now();
    loop {
        let found = browser.execute(script, vec![]).await.unwrap();
        if found == expected {
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!(
                "`{script}` gave {found}, not {expected}; {}",
                what_is_shown(browser).await
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The address and the start of the visible text, so a failure says what the reader saw.
pub async fn what_is_shown(browser: &Client) -> String {
    let url = browser.current_url().await.map(|u| u.to_string());
    let text = browser
        .execute("return document.body.innerText.slice(0, 400);", vec![])
        .await;
    format!("the page at {url:?} showed {text:?}")
}

/// Types into the inquiry form's field `id` (`name`, `email`, …).
pub async fn type_into(browser: &Client, id: &str, text: &str) {
    find(browser, &format!("#hcnf-inquiry-{id}"))
        .await
        .send_keys(text)
        .await
        .unwrap();
}

/// Fills the open inquiry form as a Japanese reader would and continues to the check step.
pub async fn fill_form(browser: &Client) {
    type_into(browser, "name", "山田 太郎").await;
    type_into(browser, "email", "taro@example.jp").await;
    type_into(browser, "phone", "０４５－２８５－０７７７").await;
    find(browser, "#hcnf-inquiry-category")
        .await
        .select_by_value("hcnf_course")
        .await
        .unwrap();
    type_into(browser, "subject", "講座について").await;
    type_into(browser, "message", "次回の講座の日程を教えてください。").await;
    click(browser, "#hcnf-inquiry-consent").await;
    click(browser, "form.hcnf-form button[type=submit]").await;
    find(browser, "#hcnf-inquiry-check-heading").await;
}

/// Presses Send on the check step.
pub async fn send(browser: &Client) {
    click(browser, ".hcnf-check button.hcnf-button").await;
}

/// The reference number on the confirmation.
pub async fn reference(browser: &Client) -> String {
    find(browser, "[data-reference]")
        .await
        .attr("data-reference")
        .await
        .unwrap()
        .unwrap()
}

/// The page's DOM as it stands, serialised with its doctype, for the HTML checker.
pub async fn dom_html(browser: &Client) -> String {
    let found = browser
        .execute(
            "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;",
            vec![],
        )
        .await
        .unwrap();
    found.as_str().unwrap_or_default().to_owned()
}

/// The browser this run drives, from `HCNF_WEBDRIVER` as [`start_browser_with`] reads it.
pub fn browser_kind() -> Browser {
    let driver = std::env::var("HCNF_WEBDRIVER").unwrap_or_default();
    if driver.contains("gecko") {
        Browser::Firefox
    } else {
        Browser::Chromium
    }
}

/// Chromium's console log since it was last read (chromedriver's `se/log`), which the
/// W3C protocol has no command for.
#[derive(Debug)]
struct ConsoleLog;

impl fantoccini::wd::WebDriverCompatibleCommand for ConsoleLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type": "browser"}"#.to_owned()),
        )
    }
}

/// The errors the page wrote to the console since the last call (script errors, refused
/// resources, policy violations, `console.error`), in Chromium; `None` in a browser whose
/// driver does not give its console.
pub async fn console_errors(browser: &Client) -> Option<Vec<String>> {
    if browser_kind() != Browser::Chromium {
        return None;
    }
    let log = browser
        .issue_cmd(ConsoleLog)
        .await
        .expect("chromedriver's console log");
    let entries = log.as_array().cloned().unwrap_or_default();
    Some(
        entries
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect(),
    )
}
