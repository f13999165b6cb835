//! End to end, in real browsers: the built site (dist/, prerendered, behind nginx with the
//! production rules) sends inquiries to the real endpoint. Run by `scripts/test.sh` after the
//! release build, once with chromedriver and once with geckodriver:
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-e2e --test browser -- --ignored`

use std::time::{Duration, Instant};

use e2e::{edition, Proc};
use fantoccini::Client;
use hcnf_content::{ruby, Check};
use hcnf_test_rig::mailserver::MailServer;
use serde_json::{json, Value};

/// Whether the focused element can be seen: inside the viewport, not covered by anything
/// else, and (`arguments[0]`, after Tab) drawn with a focus indicator. `"ok"`, or what is
/// wrong.
const FOCUS_IS_VISIBLE: &str = r#"
    const e = document.activeElement;
    if (!e || e === document.body) return 'nothing has focus';
    const what = e.outerHTML.slice(0, 100);
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
      || s.boxShadow !== 'none';
    if (arguments[0] && !ring) return `no focus indicator on ${what}`;
    const r = e.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
      return `outside the viewport: ${what}`;
    const x = Math.min(Math.max(r.left + Math.min(r.width, 20) / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height, 20) / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const labelled = e.labels && [...e.labels].some(l => l.contains(top));
    if (!(top === e || e.contains(top) || labelled)) return `covered by ${top && top.outerHTML.slice(0, 100)} at ${what}`;
    return 'ok';
"#;

/// Everything the journey needs, running on loopback.
struct Rig {
    _procs: Vec<Proc>,
    /// Where the endpoint's mail is delivered.
    mail: MailServer,
    _dir: tempfile::TempDir,
    site: String,
    endpoint: String,
    browser: Client,
    /// How many times a key press was followed by a check that focus is visible.
    focus_checks: std::cell::Cell<usize>,
}

async fn rig() -> Rig {
    e2e::dist();
    let dir = tempfile::tempdir().unwrap();
    let site_port = e2e::free_port();
    let site = format!("http://127.0.0.1:{site_port}");
    let mail = MailServer::start("browser");
    let url = mail.url();
    let flags = ["--smtp-url", &url, "--mail-from", "hcnf@pref.example.jp"];
    let flags = [&flags[..], &["--mail-office", "office@pref.example.jp"][..]].concat();
    let (api, endpoint) = e2e::start_endpoint_with(dir.path(), &[&site], &flags).await;
    let config = dir.path().join("config.json");
    // A short timeout keeps the delay fault quick; the endpoint's delay outlasts it.
    std::fs::write(
        &config,
        json!({"inquiry_endpoint": format!("{endpoint}/inquiries"), "timeout_ms": 1500})
            .to_string(),
    )
    .unwrap();
    let server = e2e::start_site_for(site_port, Some(&config), &endpoint).await;
    let (driver, browser) = e2e::start_browser().await;
    Rig {
        _procs: vec![api, server, driver],
        mail,
        _dir: dir,
        site,
        endpoint,
        browser,
        focus_checks: std::cell::Cell::new(0),
    }
}

impl Rig {
    async fn stored(&self) -> u64 {
        e2e::stored(&self.endpoint).await
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
        e2e::find(&self.browser, selector).await
    }

    async fn text(&self, selector: &str) -> String {
        e2e::text(&self.browser, selector).await
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
        e2e::type_into(&self.browser, id, text).await
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
        e2e::started(&self.browser).await;
    }

    /// Opens a fresh form in `lang` and fills it as a Japanese reader would.
    async fn fill(&self, lang: &str) {
        self.open_fresh(lang).await;
        e2e::fill_form(&self.browser).await;
    }

    async fn send(&self) {
        e2e::send(&self.browser).await;
    }

    async fn reference(&self) -> String {
        e2e::reference(&self.browser).await
    }

    /// The receipt of inquiry `reference` as it arrived in the mailbox of the address the
    /// form was filled with: its subject and decoded body.
    fn receipt(&self, reference: &str) -> (String, String) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            for bytes in self.mail.messages() {
                let m = mail_parser::MessageParser::default().parse(&bytes).unwrap();
                let to_sender = m.to().and_then(|a| a.first()).and_then(|a| a.address())
                    == Some("taro@example.jp");
                let subject = m.subject().unwrap_or_default().to_owned();
                if to_sender && subject.contains(reference) {
                    return (subject, m.body_text(0).unwrap_or_default().into_owned());
                }
            }
            assert!(
                Instant::now() < deadline,
                "no receipt for {reference}:\n{}",
                self.mail.log()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// The receipt in `lang`'s words, with `reference`, and nothing the form was filled with.
fn assert_receipt_in(lang: &str, reference: &str, (subject, body): (String, String)) {
    let ed = edition(lang);
    let words = &ed.mail.receipt;
    assert_eq!(
        subject,
        ruby::bracketed(&words.subject).replace("{reference}", reference)
    );
    assert!(body.contains(&ruby::bracketed(&words.intro)), "{body}");
    assert!(body.contains(&ruby::bracketed(&words.next)), "{body}");
    for typed in ["山田", "講座について", "日程を教えてください"] {
        assert!(!body.contains(typed), "the receipt repeats {typed}: {body}");
    }
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_japanese_inquiry_from_empty_submit_to_reference_then_the_draft_is_gone() {
    let rig = rig().await;
    let ja = edition("ja");
    rig.open_fresh("ja").await;

    // Continue with nothing filled: the summary lists each problem in Japanese and takes focus.
    e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
    let summary = rig.text("#hcnf-inquiry-error-summary").await;
    assert!(
        summary.contains(&*ja.pages.inquiry.form.errors.name_required),
        "{summary}"
    );
    assert!(
        summary.contains(&*ja.pages.inquiry.form.errors.consent_required),
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
    // The journey ends in the sender's mailbox, in Japanese.
    assert_receipt_in("ja", &reference, rig.receipt(&reference));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn an_english_inquiry_ends_with_an_english_receipt_in_the_sender_s_mailbox() {
    let rig = rig().await;
    rig.fill("en").await;
    rig.send().await;
    let reference = rig.reference().await;
    assert_receipt_in("en", &reference, rig.receipt(&reference));
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
        (json!(["server_error"]), s.server.to_string()),
        (
            json!(["rate_limited", "rate_limited"]),
            s.rate_limited.replace("{seconds}", "1"),
        ),
        (json!(["delay", "delay"]), s.timeout.to_string()),
        (json!(["malformed"]), s.malformed.to_string()),
    ];
    for (n, (faults, message)) in cases.into_iter().enumerate() {
        rig.fill("en").await;
        rig.inject(faults.clone()).await;
        rig.send().await;
        let shown = rig.text("#hcnf-inquiry-failure").await;
        assert!(shown.contains(&message), "{faults}: {shown}");
        assert!(
            shown.contains(&*en.contact.tel.display),
            "{faults}: the telephone alternative"
        );
        // The draft is intact, after a reload too, once the app has taken the page over.
        rig.browser.refresh().await.unwrap();
        e2e::started(&rig.browser).await;
        assert_eq!(
            rig.value("#hcnf-inquiry-name").await,
            "山田 太郎",
            "{faults}"
        );
        assert_eq!(
            rig.value("#hcnf-inquiry-message").await,
            "次回の講座の日程を教えてください。"
        );
        e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
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
/// Shift held for Tab, then released.
const SHIFT_TAB: &str = "\u{e008}\u{e004}\u{e000}";

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
        // Wherever a key takes focus, a keyboard user must be able to see it.
        let moves_focus = keys == TAB || keys == SHIFT_TAB;
        if moves_focus || keys == ENTER {
            // Enter may change the step, and focus lands on the new one a frame later.
            let mut seen = json!("nothing has focus");
            for _ in 0..30 {
                seen = self
                    .browser
                    .execute(FOCUS_IS_VISIBLE, vec![json!(moves_focus)])
                    .await
                    .unwrap();
                if seen != json!("nothing has focus") {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert_eq!(
                seen,
                json!("ok"),
                "after {}",
                if moves_focus { "Tab" } else { "Enter" }
            );
            self.focus_checks.set(self.focus_checks.get() + 1);
        }
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
    // Back a field and on again, as a reader checking what they typed would.
    rig.keys(SHIFT_TAB).await;
    assert_eq!(rig.focused().await[0], json!("hcnf-inquiry-email"));
    rig.keys(TAB).await;
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
    // Each step with focus shown was asserted above; a failure never gets here.
    let steps = rig.focus_checks.get();
    e2e::record(&rig.browser, Check::Keyboard, None, steps, 0).await;
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_form_left_as_soon_as_it_starts_again_and_again_still_works() {
    // A reader who taps through the navigation leaves the inquiry page before its form has
    // loaded config.json. The form's late work must then find it gone, not break the wasm
    // for the next visit.
    let rig = rig().await;
    let en = edition("en");
    rig.open_fresh("en").await;
    let left = rig
        .browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.hcnfErrors = [];
             addEventListener('error', (e) => hcnfErrors.push(String(e.message)));
             addEventListener('unhandledrejection', (e) => hcnfErrors.push(String(e.reason)));
             const h1 = () => document.querySelector('h1').textContent;
             const shown = (old) => new Promise((go) => {
               const check = () => (h1() !== old ? go() : requestAnimationFrame(check));
               check();
             });
             (async () => {
               for (let i = 0; i < 20; i += 1) {
                 for (const path of ['/en/contact', '/en/inquiry']) {
                   const old = h1();
                   document.querySelector(`.hcnf-nav a[href='${path}']`).click();
                   await shown(old);
                 }
               }
               done(location.pathname);
             })();",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(left, json!("/en/inquiry"));
    e2e::started(&rig.browser).await;
    e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
    let summary = rig.text("#hcnf-inquiry-error-summary").await;
    assert!(
        summary.contains(&*en.pages.inquiry.form.errors.name_required),
        "{summary}"
    );
    let errors = rig
        .browser
        .execute("return window.hcnfErrors;", vec![])
        .await
        .unwrap();
    assert_eq!(errors, json!([]), "script errors while leaving the form");
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn opening_the_form_keeps_nothing_and_a_draft_lasts_from_the_last_keystroke() {
    let rig = rig().await;
    let stored = "return JSON.parse(sessionStorage.getItem('hcnf.inquiry.draft'));";
    rig.open_fresh("en").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        rig.browser.execute(stored, vec![]).await.unwrap(),
        Value::Null,
        "nothing is kept before the reader types"
    );
    // A draft last typed into an hour ago: opening the page again shows it, and does not
    // make it last two hours from now, as the privacy notice promises.
    let hour_ago = rig
        .browser
        .execute(&e2e::store_draft_an_hour_ago("name: 'Hanako Sato'"), vec![])
        .await
        .unwrap();
    // Reloaded twice: the second time with the draft already shown, which the form takes
    // up again without renewing it either (values a browser puts back into the page
    // first: site.rs, with the form held back).
    for time in ["first", "second"] {
        rig.browser.refresh().await.unwrap();
        e2e::started(&rig.browser).await;
        assert_eq!(rig.value("#hcnf-inquiry-name").await, "Hanako Sato");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            rig.browser.execute(stored, vec![]).await.unwrap()["touched_ms"],
            hour_ago,
            "after the {time} reload"
        );
    }
    // A keystroke does.
    rig.type_into("subject", "Recording").await;
    e2e::wait_until(
        &rig.browser,
        "const d = JSON.parse(sessionStorage.getItem('hcnf.inquiry.draft')); \
         return d.draft.subject === 'Recording' && d.touched_ms > Date.now() - 60000;",
        json!(true),
    )
    .await;
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
    e2e::click(&rig.browser, ".hcnf-lang a[hreflang=ja]").await;
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

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_focus_check_notices_a_hidden_focus_indicator() {
    // So that the keyboard journey's checks mean something: with every focus indicator
    // removed, the check reports it.
    let rig = rig().await;
    rig.open_fresh("en").await;
    rig.browser
        .execute(
            "const s = new CSSStyleSheet();\
             s.replaceSync('*:focus, *:focus-visible { outline: none !important; box-shadow: none !important }');\
             document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];\
             document.getElementById('hcnf-inquiry-name').focus(); return true;",
            vec![],
        )
        .await
        .unwrap();
    let seen = rig
        .browser
        .execute(FOCUS_IS_VISIBLE, vec![json!(true)])
        .await
        .unwrap();
    assert!(
        seen.as_str()
            .is_some_and(|s| s.starts_with("no focus indicator")),
        "{seen}"
    );
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn markup_and_script_typed_into_every_field_show_and_are_stored_as_typed() {
    // What an attacker (or an unlucky reader) might type: markup that would run if the
    // app ever put answers into the page as HTML, an attribute break-out, and the
    // content files' own reading notation, which must stay text in an answer.
    let name = "<script>window.hcnfRan = 'name'</script>";
    let subject = "\"><img src=x onerror=\"window.hcnfRan = 'subject'\">";
    let message = "{漢字|かんじ} <b>bold</b> &amp; <a href=\"javascript:window.hcnfRan='message'\">x</a>\n<svg onload=\"window.hcnfRan='svg'\"></svg>";
    let rig = rig().await;
    rig.open_fresh("en").await;
    rig.type_into("name", name).await;
    rig.type_into("email", "taro@example.jp").await;
    rig.css("#hcnf-inquiry-category")
        .await
        .select_by_value("symposia")
        .await
        .unwrap();
    rig.type_into("subject", subject).await;
    rig.type_into("message", message).await;
    e2e::click(&rig.browser, "#hcnf-inquiry-consent").await;
    e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
    rig.css("#hcnf-inquiry-check-heading").await;
    // Shown as typed, as text: no element came of it, and nothing ran.
    let shown = |field: &'static str| {
        format!(
            "return document.querySelector('.hcnf-summary__row[data-field={field}] .hcnf-summary__value').textContent;"
        )
    };
    for (field, typed) in [("name", name), ("subject", subject), ("message", message)] {
        assert_eq!(
            rig.browser.execute(&shown(field), vec![]).await.unwrap(),
            json!(typed)
        );
    }
    let planted = "return [typeof window.hcnfRan, \
        document.querySelectorAll('.hcnf-summary script, .hcnf-summary img, .hcnf-summary b, .hcnf-summary svg, .hcnf-summary ruby, .hcnf-summary a').length];";
    assert_eq!(
        rig.browser.execute(planted, vec![]).await.unwrap(),
        json!(["undefined", 0])
    );
    rig.send().await;
    rig.reference().await;
    assert_eq!(
        rig.browser.execute(planted, vec![]).await.unwrap()[0],
        json!("undefined")
    );
    // Stored as typed.
    let store = hcnf_endpoint::Store::open_existing(&rig._dir.path().join("inquiries.sqlite3"))
        .expect("the endpoint's database");
    let stored = store.received_since("2000-01-01").unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (
            stored[0].name.as_str(),
            stored[0].subject.as_str(),
            stored[0].message.as_str()
        ),
        (name, subject, message)
    );
    rig.browser.close().await.unwrap();
}
