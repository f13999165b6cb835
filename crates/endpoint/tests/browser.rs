//! End to end, in real browsers: the built app (dist/, behind a static server with an SPA
//! fallback) sends inquiries to the real endpoint. Run by `scripts/test.sh` after the
//! release build, once with chromedriver and once with geckodriver:
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-endpoint --test browser -- --ignored`

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hcnf_content::{parse_edition, Edition};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process ended when the test ends, pass or fail.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(cmd: &mut Command) -> Proc {
    Proc(
        cmd.stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a helper process"),
    )
}

async fn wait_for_port(port: u16) {
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "nothing listened on {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn edition(code: &str) -> Edition {
    let json = std::fs::read_to_string(root().join(format!("content/{code}.json"))).unwrap();
    parse_edition(code, code, &json).unwrap()
}

/// Everything the journey needs, running on loopback.
struct Rig {
    _procs: Vec<Proc>,
    _dir: tempfile::TempDir,
    site: String,
    endpoint: String,
    browser: Client,
}

async fn rig() -> Rig {
    let driver = std::env::var("HCNF_WEBDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let dist = root().join("dist");
    assert!(
        dist.join("index.html").exists(),
        "build the app first: trunk build --release"
    );
    let dir = tempfile::tempdir().unwrap();
    let (site_port, api_port, driver_port) = (free_port(), free_port(), free_port());
    let site = format!("http://127.0.0.1:{site_port}");
    let endpoint = format!("http://127.0.0.1:{api_port}");
    let config = dir.path().join("config.json");
    // A short timeout keeps the delay fault quick; the endpoint's delay outlasts it.
    std::fs::write(
        &config,
        json!({"inquiry_endpoint": format!("{endpoint}/inquiries"), "timeout_ms": 1500})
            .to_string(),
    )
    .unwrap();
    let mut procs = vec![
        spawn(
            Command::new("python3")
                .arg(root().join("scripts/serve_dist.py"))
                .arg(&dist)
                .arg("--port")
                .arg(site_port.to_string())
                .arg("--config")
                .arg(&config),
        ),
        spawn(Command::new(env!("CARGO_BIN_EXE_hcnf-endpoint")).args([
            "--listen",
            &format!("127.0.0.1:{api_port}"),
            "--db",
            dir.path().join("i.sqlite3").to_str().unwrap(),
            "--allow-origin",
            &site,
            "--test-faults",
            "--fault-delay-ms",
            "2500",
        ])),
    ];
    let caps: Value = if driver.contains("gecko") {
        procs.push(spawn(
            Command::new(&driver).args(["--port", &driver_port.to_string()]),
        ));
        json!({"moz:firefoxOptions": {"args": ["-headless"], "prefs": {"intl.accept_languages": "ja"}}})
    } else {
        procs.push(spawn(
            Command::new(&driver).arg(format!("--port={driver_port}")),
        ));
        json!({"goog:chromeOptions": {"args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,1600"
        ]}})
    };
    for port in [site_port, api_port, driver_port] {
        wait_for_port(port).await;
    }
    let caps = caps.as_object().unwrap().clone().into_iter().collect();
    let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("a WebDriver session");
    Rig {
        _procs: procs,
        _dir: dir,
        site,
        endpoint,
        browser,
    }
}

impl Rig {
    async fn stored(&self) -> u64 {
        reqwest::get(format!("{}/_test/count", self.endpoint))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn inject(&self, faults: Value) {
        let res = reqwest::Client::new()
            .post(format!("{}/_test/faults", self.endpoint))
            .json(&faults)
            .send()
            .await;
        assert!(res.unwrap().status().is_success());
    }

    async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        match self
            .browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(selector))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!(
                "{selector} never appeared ({e}); {}",
                self.what_is_shown().await
            ),
        }
    }

    /// The address and the start of the visible text, so a failure says what the reader saw.
    async fn what_is_shown(&self) -> String {
        let url = self.browser.current_url().await.map(|u| u.to_string());
        let text = self
            .browser
            .execute("return document.body.innerText.slice(0, 400);", vec![])
            .await;
        format!("the page at {url:?} showed {text:?}")
    }

    async fn text(&self, selector: &str) -> String {
        self.css(selector).await.text().await.unwrap()
    }

    async fn value(&self, selector: &str) -> String {
        self.css(selector)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    async fn type_into(&self, id: &str, text: &str) {
        self.css(&format!("#hcnf-inquiry-{id}"))
            .await
            .send_keys(text)
            .await
            .unwrap();
    }

    /// Opens the inquiry page in `lang` with no saved draft.
    async fn open_fresh(&self, lang: &str) {
        self.browser
            .goto(&format!("{}/{lang}/inquiry", self.site))
            .await
            .unwrap();
        self.browser
            .execute("sessionStorage.clear(); return true;", vec![])
            .await
            .unwrap();
        self.browser.refresh().await.unwrap();
    }

    /// Opens a fresh form in `lang` and fills it as a Japanese reader would.
    async fn fill(&self, lang: &str) {
        self.open_fresh(lang).await;
        self.type_into("name", "山田 太郎").await;
        self.type_into("email", "taro@example.jp").await;
        self.type_into("phone", "０４５－２８５－０７７７").await;
        self.css("#hcnf-inquiry-category")
            .await
            .select_by_value("hcnf_course")
            .await
            .unwrap();
        self.type_into("subject", "講座について").await;
        self.type_into("message", "次回の講座の日程を教えてください。")
            .await;
        self.css("#hcnf-inquiry-consent")
            .await
            .click()
            .await
            .unwrap();
        self.css("form.hcnf-form button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        self.css("#hcnf-inquiry-check-heading").await;
    }

    async fn send(&self) {
        self.css(".hcnf-check button.hcnf-button")
            .await
            .click()
            .await
            .unwrap();
    }

    async fn reference(&self) -> String {
        self.css("[data-reference]")
            .await
            .attr("data-reference")
            .await
            .unwrap()
            .unwrap()
    }
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_japanese_inquiry_is_checked_sent_and_confirmed_with_its_reference() {
    let rig = rig().await;
    let ja = edition("ja");
    rig.open_fresh("ja").await;

    // Continue with nothing filled: the summary lists each problem in Japanese and takes focus.
    rig.css("form.hcnf-form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let summary = rig.text("#hcnf-inquiry-error-summary").await;
    assert!(
        summary.contains(&ja.pages.inquiry.form.errors.name_required),
        "{summary}"
    );
    assert!(
        summary.contains(&ja.pages.inquiry.form.errors.consent_required),
        "{summary}"
    );
    let focused = rig
        .browser
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("hcnf-inquiry-error-summary"));
    let invalid = rig
        .css("#hcnf-inquiry-email")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));

    rig.fill("ja").await;
    // The answers are shown normalised, as they will be stored.
    let phone = rig
        .text(".hcnf-summary__row[data-field=phone] .hcnf-summary__value")
        .await;
    assert_eq!(phone, "045-285-0777");
    rig.send().await;
    let reference = rig.reference().await;
    assert!(reference.starts_with("HCNF-"), "{reference}");
    assert_eq!(rig.stored().await, 1);
    let left = rig
        .browser
        .execute(
            "return sessionStorage.getItem('hcnf.inquiry.draft')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(left, Value::Null, "no personal detail stays in the browser");
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn each_fault_shows_its_message_keeps_the_draft_and_a_retry_stores_exactly_one() {
    let rig = rig().await;
    let en = edition("en");
    let s = &en.pages.inquiry.sending;
    // Transient faults are retried once by themselves, so each comes twice to reach the reader.
    let cases = [
        (json!(["server_error"]), s.server.clone()),
        (
            json!(["rate_limited", "rate_limited"]),
            s.rate_limited.replace("{seconds}", "1"),
        ),
        (json!(["delay", "delay"]), s.timeout.clone()),
        (json!(["malformed"]), s.malformed.clone()),
    ];
    for (n, (faults, message)) in cases.into_iter().enumerate() {
        rig.fill("en").await;
        rig.inject(faults.clone()).await;
        rig.send().await;
        let shown = rig.text("#hcnf-inquiry-failure").await;
        assert!(shown.contains(&message), "{faults}: {shown}");
        assert!(
            shown.contains(&en.contact.tel.display),
            "{faults}: the telephone alternative"
        );
        // The draft is intact, after a reload too.
        rig.browser.refresh().await.unwrap();
        assert_eq!(
            rig.value("#hcnf-inquiry-name").await,
            "山田 太郎",
            "{faults}"
        );
        assert_eq!(
            rig.value("#hcnf-inquiry-message").await,
            "次回の講座の日程を教えてください。"
        );
        rig.css("form.hcnf-form button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        rig.send().await;
        assert!(rig.reference().await.starts_with("HCNF-"));
        assert_eq!(
            rig.stored().await,
            n as u64 + 1,
            "{faults}: exactly one inquiry per draft"
        );
    }
    rig.browser.close().await.unwrap();
}

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const SPACE: &str = "\u{e00d}";
const ARROW_DOWN: &str = "\u{e015}";

impl Rig {
    /// Types into whatever has focus, as a keyboard does.
    async fn keys(&self, keys: &str) {
        self.browser
            .active_element()
            .await
            .unwrap()
            .send_keys(keys)
            .await
            .unwrap();
    }

    async fn focused(&self) -> Value {
        self.browser
            .execute(
                "const e = document.activeElement; return [e.id, e.tagName, e.textContent.trim()];",
                vec![],
            )
            .await
            .unwrap()
    }

    /// Presses Tab until the focused element's text starts with `text`.
    async fn tab_to(&self, text: &str) {
        for _ in 0..40 {
            self.keys(TAB).await;
            if self.focused().await[2]
                .as_str()
                .is_some_and(|t| t.starts_with(text))
            {
                return;
            }
        }
        panic!(
            "Tab never reached {text:?}; focus is on {}",
            self.focused().await
        );
    }
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_whole_inquiry_works_with_the_keyboard_alone() {
    let rig = rig().await;
    let ja = edition("ja");
    rig.open_fresh("ja").await;
    rig.css("#hcnf-inquiry-name").await;
    // The skip link is the first stop; it takes the reader to the main content.
    rig.tab_to(&ja.ui.skip_link).await;
    rig.keys(ENTER).await;
    assert_eq!(rig.focused().await[0], json!("hcnf-main"));
    for (id, text) in [
        ("name", "佐藤 花子"),
        ("email", "hanako@example.jp"),
        ("phone", "０９０ー１２３４ー５６７８"),
    ] {
        rig.keys(TAB).await;
        assert_eq!(rig.focused().await[0], json!(format!("hcnf-inquiry-{id}")));
        rig.keys(text).await;
    }
    rig.keys(TAB).await;
    assert_eq!(rig.focused().await[0], json!("hcnf-inquiry-category"));
    rig.keys(ARROW_DOWN).await;
    rig.keys(TAB).await;
    rig.keys("シンポジウムについて").await;
    rig.keys(TAB).await;
    assert_eq!(rig.focused().await[0], json!("hcnf-inquiry-message"));
    rig.keys("資料はありますか。").await;
    rig.keys(TAB).await;
    assert_eq!(
        rig.focused().await[0],
        json!("hcnf-inquiry-consent"),
        "the honeypot is never met"
    );
    rig.keys(SPACE).await;
    rig.tab_to(&ja.pages.inquiry.form.continue_button).await;
    rig.keys(ENTER).await;
    rig.css("#hcnf-inquiry-check-heading").await;
    assert_eq!(rig.focused().await[0], json!("hcnf-inquiry-check-heading"));
    let phone = rig
        .text(".hcnf-summary__row[data-field=phone] .hcnf-summary__value")
        .await;
    assert_eq!(phone, "090-1234-5678");
    rig.tab_to(&ja.pages.inquiry.check.send_button).await;
    rig.keys(ENTER).await;
    assert!(rig.reference().await.starts_with("HCNF-"));
    assert_eq!(rig.stored().await, 1);
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_half_typed_draft_survives_a_language_switch() {
    let rig = rig().await;
    let ja = edition("ja");
    rig.open_fresh("en").await;
    rig.type_into("name", "Hanako Sato").await;
    rig.type_into("message", "Is there a recording of the 2015 symposium?")
        .await;
    rig.css(".hcnf-lang a[hreflang=ja]")
        .await
        .click()
        .await
        .unwrap();
    let start = Instant::now();
    while rig.text("main h1").await != ja.pages.inquiry.head.title {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the Japanese page never came"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = rig.browser.current_url().await.unwrap();
    assert_eq!(url.path(), "/ja/inquiry");
    assert_eq!(rig.value("#hcnf-inquiry-name").await, "Hanako Sato");
    assert_eq!(
        rig.value("#hcnf-inquiry-message").await,
        "Is there a recording of the 2015 symposium?"
    );
    rig.browser.close().await.unwrap();
}
