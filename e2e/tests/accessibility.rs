//! End to end: axe-core finds no WCAG 2.2 A or AA violation on any page of any edition,
//! with JavaScript on, as nginx serves the build, nor in any state of the inquiry form; the
//! Nu HTML Checker and HTML_CodeSniffer agree; every page reflows on a phone and survives
//! wider text spacing. Each check files what it covered and found (`e2e::record`), for
//! the accessibility page.
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-e2e --test accessibility -- --ignored`

use e2e::{axe_violations, locales, record, tool_version, Proc, Script};
use fantoccini::Client;
use hcnf_content::{Check, PageId};
use serde_json::json;

struct Rig {
    _procs: Vec<Proc>,
    site: String,
    browser: Client,
}

/// nginx serving the build, with a configuration whose endpoint nothing answers (the
/// "failed to send" state), and a browser running page scripts.
async fn rig() -> Rig {
    rig_with(Script::On).await
}

/// As [`rig`], with the browser running page scripts or not.
async fn rig_with(script: Script) -> Rig {
    rig_configured(
        script,
        r#"{"inquiry_endpoint": "http://127.0.0.1:9/inquiries", "timeout_ms": 2000}"#,
    )
    .await
}

/// As [`rig`], with `config` as the site's config.json.
async fn rig_configured(script: Script, config_json: &str) -> Rig {
    e2e::dist();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.json");
    std::fs::write(&config, config_json).unwrap();
    let port = e2e::free_port();
    // The plain form's posts reach a real endpoint, so its answer pages can be checked;
    // the app's own requests go where config.json says.
    let site = format!("http://127.0.0.1:{port}");
    let (api, endpoint) = e2e::start_endpoint(dir.path(), &[&site]).await;
    let server = e2e::start_site_for(port, Some(&config), &endpoint).await;
    // nginx has read the file's path; it is served from the directory kept below.
    std::mem::forget(dir);
    let (driver, browser) = e2e::start_browser_with(script).await;
    Rig {
        _procs: vec![api, server, driver],
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
        e2e::started(&self.browser).await;
    }

    /// axe's violations on the page as it stands, each prefixed with `what`, into `found`.
    async fn axe_into(&self, what: &str, found: &mut Vec<String>) {
        let violations = axe_violations(&self.browser).await;
        found.extend(violations.into_iter().map(|v| format!("{what}: {v}")));
    }
}

/// Every page a reader can reach: the not-found page and each section of each edition.
fn every_page() -> Vec<String> {
    let mut paths = vec!["/nowhere".to_owned()];
    for code in locales() {
        paths.extend(PageId::ALL.map(|p| format!("/{code}/{}", p.slug())));
    }
    paths
}

/// The pinned axe-core's version, for the record.
fn axe() -> Option<String> {
    Some(tool_version("axe-core"))
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and axe-core; run by scripts/test.sh"]
async fn every_page_of_every_edition_passes_axe_at_wcag_2_2_aa() {
    let rig = rig().await;
    let paths = every_page();
    let mut found = Vec::new();
    for path in &paths {
        rig.open(path).await;
        rig.axe_into(path, &mut found).await;
    }
    record(
        &rig.browser,
        Check::AxePages,
        axe(),
        paths.len(),
        found.len(),
    )
    .await;
    assert!(found.is_empty(), "{}", found.join("\n"));
    rig.browser.close().await.unwrap();
}

/// nginx serving the build, configured to send inquiries to a real endpoint that fails as
/// the test tells it (`/_test/faults`), and a browser.
async fn rig_with_endpoint() -> (Rig, Proc, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let port = e2e::free_port();
    let site = format!("http://127.0.0.1:{port}");
    let (api, endpoint) = e2e::start_endpoint(dir.path(), &[&site]).await;
    let config = json!({"inquiry_endpoint": format!("{endpoint}/inquiries"), "timeout_ms": 1500});
    let file = dir.path().join("config.json");
    std::fs::write(&file, config.to_string()).unwrap();
    e2e::dist();
    let server = e2e::start_site_for(port, Some(&file), &endpoint).await;
    let (driver, browser) = e2e::start_browser_with(Script::On).await;
    let rig = Rig {
        _procs: vec![server, driver],
        site,
        browser,
    };
    (rig, api, endpoint, dir)
}

#[tokio::test]
#[ignore = "needs the built site, nginx, the endpoint with test faults, a WebDriver and axe-core; run by scripts/test.sh"]
async fn the_inquiry_form_passes_axe_in_every_state() {
    let mut found = Vec::new();
    let mut states = 0;
    let (rig, _api, endpoint, _dir) = rig_with_endpoint().await;
    for code in locales() {
        let path = format!("/{code}/{}", PageId::Inquiry.slug());
        let mut state = async |what: &str, found: &mut Vec<String>| {
            rig.axe_into(&format!("{path} {what}"), found).await;
            states += 1;
        };
        rig.open(&path).await;
        state("empty", &mut found).await;
        e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-error-summary").await;
        state("with errors", &mut found).await;
        rig.open(&path).await;
        e2e::fill_form(&rig.browser).await;
        state("checking the answers", &mut found).await;
        // Two replies slower than the timeout: the form stays in its sending state for
        // seconds, long enough to check it, then reports the timeout.
        let faults = reqwest::Client::new()
            .post(format!("{endpoint}/_test/faults"))
            .json(&json!(["delay", "delay"]))
            .send()
            .await
            .unwrap();
        assert!(faults.status().is_success());
        e2e::send(&rig.browser).await;
        e2e::find(&rig.browser, ".hcnf-check > .hcnf-button[disabled]").await;
        state("sending", &mut found).await;
        e2e::find(&rig.browser, "#hcnf-inquiry-failure").await;
        state("after a failed send", &mut found).await;
        e2e::send(&rig.browser).await;
        e2e::reference(&rig.browser).await;
        state("confirmed", &mut found).await;
        // Leave no draft to the next edition's empty form.
        rig.browser
            .execute("sessionStorage.clear(); return true;", vec![])
            .await
            .unwrap();
    }
    rig.browser.close().await.unwrap();
    // A config.json without an endpoint: the form says it is unavailable and offers the
    // telephone and fax.
    let rig = rig_configured(Script::On, "{}").await;
    for code in locales() {
        let path = format!("/{code}/{}", PageId::Inquiry.slug());
        rig.open(&path).await;
        e2e::find(&rig.browser, ".hcnf-notice[role='alert']").await;
        rig.axe_into(&format!("{path} unavailable"), &mut found)
            .await;
        states += 1;
    }
    record(
        &rig.browser,
        Check::AxeFormStates,
        axe(),
        states,
        found.len(),
    )
    .await;
    assert!(found.is_empty(), "{}", found.join("\n"));
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

/// The browser's viewport resized to `width`×`height` CSS pixels, as a phone's screen.
async fn viewport(browser: &Client, width: u32, height: u32) {
    browser.set_window_size(width, height).await.unwrap();
    // The window's frame takes some of it: grow the window until the page gets the size.
    let inner: Vec<u32> = serde_json::from_value(
        browser
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    let (w, h) = (
        width + width - inner[0].min(width),
        height + height - inner[1].min(height),
    );
    browser.set_window_size(w, h).await.unwrap();
}

/// Shows `path` in a frame `width`×`height` CSS pixels (a phone's screen: browsers'
/// windows have a minimum width, frames do not) and, once the app has started in it,
/// returns what `measure` gives: a function body that sees the frame's document `d`,
/// window `w`, its `h1`, and `arg`, and returns a JSON value.
async fn measured_in_frame(
    rig: &Rig,
    path: &str,
    (width, height): (u32, u32),
    measure: &str,
    arg: serde_json::Value,
) -> serde_json::Value {
    let script = format!(
        r#"
        const [path, width, height, arg] = arguments;
        const done = arguments[arguments.length - 1];
        document.body.innerHTML = '';
        const frame = document.createElement('iframe');
        frame.style.cssText = `width:${{width}}px;height:${{height}}px;border:0`;
        frame.src = path;
        document.body.append(frame);
        const measure = (d, w, h1, arg) => {{ {measure} }};
        const ready = () => {{
          const d = frame.contentDocument;
          const h1 = d && d.querySelector('[data-hcnf-started] h1');
          if (!h1) return setTimeout(ready, 50);
          done(measure(d, frame.contentWindow, h1, arg));
        }};
        ready();
    "#
    );
    rig.browser
        .execute_async(&script, vec![path.into(), width.into(), height.into(), arg])
        .await
        .unwrap()
}

/// A phone's screen.
const PHONE: (u32, u32) = (320, 640);

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn on_a_320_by_640_phone_every_heading_starts_in_the_upper_half_and_nothing_scrolls_sideways()
{
    // 320 CSS px is also what a 1280 px window zoomed to 400 % lays out (WCAG 1.4.10).
    let rig = rig().await;
    rig.open("/nowhere").await;
    let (mut checked, mut found) = (0, Vec::new());
    for path in every_page() {
        // Where the h1 starts, and how wide the page is in how wide a viewport.
        let measured = measured_in_frame(
            &rig,
            &path,
            PHONE,
            "return [h1.getBoundingClientRect().top + w.scrollY,
                     d.documentElement.scrollWidth, w.innerWidth, w.innerHeight];",
            serde_json::Value::Null,
        )
        .await;
        let [top, scroll_width, inner_width, inner_height]: [f64; 4] =
            serde_json::from_value(measured).unwrap();
        assert_eq!(inner_width, 320.0, "the frame is a 320 px screen");
        checked += 1;
        if top >= inner_height / 2.0 {
            found.push(format!("{path}: the h1 starts at {top} px"));
        }
        if scroll_width > inner_width {
            found.push(format!(
                "{path}: {scroll_width} px wide in a {inner_width} px viewport"
            ));
        }
    }
    record(&rig.browser, Check::PhoneReflow, None, checked, found.len()).await;
    assert!(found.is_empty(), "{}", found.join("\n"));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn on_a_phone_the_menu_opens_without_javascript_and_folds_after_a_choice_with_it() {
    for script in [Script::Off, Script::On] {
        let rig = rig_with(script).await;
        viewport(&rig.browser, 320, 640).await;
        let ed = e2e::edition("ja");
        rig.browser
            .goto(&format!("{}/ja/", rig.site))
            .await
            .unwrap();
        if script == Script::On {
            e2e::started(&rig.browser).await;
        }
        let link = format!(".hcnf-nav a[href='/ja/{}']", PageId::Symposia.slug());
        let shown = |rig: &Rig, selector: String| {
            let browser = rig.browser.clone();
            async move {
                e2e::find(&browser, &selector)
                    .await
                    .is_displayed()
                    .await
                    .unwrap()
            }
        };
        assert!(!shown(&rig, link.clone()).await, "folded at first");
        assert_eq!(
            e2e::text(&rig.browser, ".hcnf-menu__button").await,
            ed.ui.menu
        );
        e2e::click(&rig.browser, ".hcnf-menu__button").await;
        assert!(shown(&rig, link.clone()).await, "open after the button");
        e2e::click(&rig.browser, &link).await;
        e2e::wait_until(
            &rig.browser,
            "return document.querySelector('h1').textContent;",
            serde_json::json!(ed.pages.symposia.head.title),
        )
        .await;
        assert!(
            !shown(&rig, link.clone()).await,
            "folded again on the new page"
        );
        rig.browser.close().await.unwrap();
    }
}

/// Finds the notation of a reading (`{base|reading}`) where a reader would meet it: the
/// visible text, the title, or any attribute; `null` if there is none.
const NOTATION_SHOWN: &str = r#"
    const notation = /\{[^{}|]+\|[^{}|]+\}/;
    if (notation.test(document.body.innerText)) return document.body.innerText.match(notation)[0];
    if (notation.test(document.title)) return document.title;
    for (const e of document.querySelectorAll('*'))
      for (const a of e.attributes) if (notation.test(a.value)) return `${a.name}=${a.value}`;
    return null;
"#;

/// Every page of every edition and the form's states that need no endpoint, as the
/// browser has them once the app runs: `(what, serialised DOM)` each, collected by `each`.
///
/// On each it also checks that no reading's notation (`{漢字|かんじ}`) reaches the reader
/// in the page's text, title or attributes: the app shows readings as ruby or leaves them.
async fn every_page_and_form_state<F, Fut>(rig: &Rig, mut each: F)
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut each = async |what: String| {
        let leaked = rig.browser.execute(NOTATION_SHOWN, vec![]).await.unwrap();
        assert_eq!(leaked, json!(null), "{what}: a reading's notation is shown");
        each(what).await;
    };
    for code in locales() {
        for page in PageId::ALL {
            let path = format!("/{code}/{}", page.slug());
            rig.open(&path).await;
            each(path).await;
        }
        let path = format!("/{code}/{}", PageId::Inquiry.slug());
        rig.open(&path).await;
        e2e::click(&rig.browser, "form.hcnf-form button[type=submit]").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-error-summary").await;
        each(format!("{path} with errors")).await;
        rig.open(&path).await;
        e2e::fill_form(&rig.browser).await;
        each(format!("{path} checking")).await;
        e2e::click(&rig.browser, ".hcnf-check > .hcnf-button").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-failure").await;
        each(format!("{path} failed")).await;
        rig.browser
            .execute("sessionStorage.clear(); return true;", vec![])
            .await
            .unwrap();
    }
    for code in locales() {
        let path = format!("/{code}/{}", PageId::Inquiry.slug());
        rig.open(&path).await;
        post_plain_form(rig, &code, &[("action", "continue")]).await;
        e2e::find(&rig.browser, "#hcnf-inquiry-error-summary").await;
        each(format!("{path}/answers with errors")).await;
        post_plain_form(rig, &code, &VALID_POST).await;
        e2e::find(&rig.browser, "#hcnf-inquiry-check-heading").await;
        each(format!("{path}/answers checking")).await;
        e2e::click(&rig.browser, "button[value='send']").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-confirmation").await;
        each(format!("{path}/sent")).await;
        post_plain_form(rig, &code, &[("bogus", "1")]).await;
        e2e::find(&rig.browser, "form.hcnf-form .hcnf-alert").await;
        each(format!("{path}/answers not read")).await;
    }
    rig.open("/nowhere").await;
    each("/nowhere".to_owned()).await;
}

/// A valid inquiry as the plain form posts it, with Continue.
const VALID_POST: [(&str, &str); 8] = [
    ("name", "山田 太郎"),
    ("email", "taro@example.jp"),
    ("category", "hcnf_course"),
    ("subject", "講座について"),
    ("message", "日程を教えてください。"),
    ("consent", "yes"),
    ("website", ""),
    ("action", "continue"),
];

/// Posts `fields` as the plain form would, from the page the browser is on (of the site,
/// so the endpoint takes it), and leaves the browser on the answer page.
async fn post_plain_form(rig: &Rig, code: &str, fields: &[(&str, &str)]) {
    let action = format!("/{code}/{}/answers", PageId::Inquiry.slug());
    let fields: Vec<[&str; 2]> = fields.iter().map(|&(k, v)| [k, v]).collect();
    rig.browser
        .execute(
            "const f = document.createElement('form'); f.method = 'post'; \
             f.action = arguments[0]; \
             for (const [name, value] of arguments[1]) { \
               const i = document.createElement('input'); i.type = 'hidden'; \
               i.name = name; i.value = value; f.append(i); } \
             document.body.append(f); f.submit(); return true;",
            vec![json!(action), json!(fields)],
        )
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and the Nu HTML Checker; run by scripts/test.sh"]
async fn every_page_and_form_state_is_valid_html_by_the_nu_checker() {
    let rig = rig().await;
    let pages = std::cell::RefCell::new(Vec::new());
    every_page_and_form_state(&rig, |what| {
        let (browser, pages) = (rig.browser.clone(), &pages);
        async move {
            let html = e2e::dom_html(&browser).await;
            pages.borrow_mut().push((what, html));
        }
    })
    .await;
    let pages = pages.into_inner();
    assert!(pages.len() > 12, "{} pages checked", pages.len());
    let errors = e2e::html_errors(&pages);
    let version = Some(tool_version("vnu-jar"));
    record(
        &rig.browser,
        Check::NuHtmlChecker,
        version,
        pages.len(),
        errors.len(),
    )
    .await;
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx, a WebDriver and HTML_CodeSniffer; run by scripts/test.sh"]
async fn every_page_and_form_state_passes_html_codesniffer_at_wcag2aa() {
    let rig = rig().await;
    let found = std::cell::RefCell::new(Vec::new());
    let checked = std::cell::Cell::new(0);
    every_page_and_form_state(&rig, |what| {
        let (browser, found, checked) = (rig.browser.clone(), &found, &checked);
        async move {
            for error in e2e::codesniffer_errors(&browser).await {
                found.borrow_mut().push(format!("{what}: {error}"));
            }
            checked.set(checked.get() + 1);
        }
    })
    .await;
    let found = found.into_inner();
    let version = Some(tool_version("html_codesniffer"));
    record(
        &rig.browser,
        Check::HtmlCodeSniffer,
        version,
        checked.get(),
        found.len(),
    )
    .await;
    assert!(found.is_empty(), "{}", found.join("\n"));
    rig.browser.close().await.unwrap();
}

#[test]
fn the_html_checker_reports_invalid_html() {
    // So that the passes above mean something.
    let errors = e2e::html_errors(&[(
        "broken".to_owned(),
        "<!DOCTYPE html><html lang=en><head><title>x</title>\
         <link rel=icon href=/x.svg integrity=sha384-x></head>\
         <body><p><div></div></p></body></html>"
            .to_owned(),
    )]);
    assert!(errors.len() >= 2, "{errors:?}");
    assert!(
        errors.iter().all(|e| e.starts_with("broken: ")),
        "{errors:?}"
    );
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn text_spaced_as_wcag_1_4_12_asks_loses_nothing_on_any_page() {
    // Line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word spacing
    // 0.16 em, as a reader's own style sheet may set them: no text may be cut off and no
    // page may scroll sideways. (What is hidden on purpose, until focused or for good, is
    // left out.)
    let rig = rig().await;
    let script = r#"
        // A constructed sheet, as the site's policy refuses <style> elements it did not send.
        const s = new CSSStyleSheet();
        s.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
          word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
        const cut = [...document.querySelectorAll('#hcnf-app *')].filter(e => {
          const st = getComputedStyle(e);
          const clips = /hidden|clip/.test(st.overflowX + st.overflowY);
          return clips && e.textContent.trim() && !e.closest('.hcnf-visually-hidden, .hcnf-honeypot, .hcnf-skip-link')
            && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
        }).map(e => e.outerHTML.slice(0, 80));
        const wide = document.documentElement.scrollWidth > window.innerWidth;
        return [cut, wide];
    "#;
    let (mut checked, mut found) = (0, Vec::new());
    for path in every_page() {
        rig.open(&path).await;
        let seen = rig.browser.execute(script, vec![]).await.unwrap();
        checked += 1;
        if seen != json!([[], false]) {
            found.push(format!(
                "{path}: cut off, and wider than the window: {seen}"
            ));
        }
    }
    record(&rig.browser, Check::TextSpacing, None, checked, found.len()).await;
    assert!(found.is_empty(), "{}", found.join("\n"));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn on_a_phone_japanese_headings_break_between_phrases_not_inside_words() {
    let rig = rig().await;
    rig.open("/nowhere").await;
    // The symposia page's headings (h1, the events' h2, each event's h3) wrap at 320 px;
    // シンポジウム, a word the browser used to split (シンポ／ジウム), must stay on one
    // line in every one of them. For each heading holding the word: how many lines its
    // letters sit on; then the h1's height.
    let lines_of_word = r#"
        const found = [];
        for (const h of d.querySelectorAll('main h1, main h2, main h3')) {
          const walker = d.createTreeWalker(h, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.data.indexOf(arg);
            if (at < 0) continue;
            const range = d.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + arg.length);
            found.push(new Set([...range.getClientRects()].map(r => Math.round(r.top))).size);
          }
        }
        return [found, Math.round(h1.getBoundingClientRect().height)];
    "#;
    for (path, word) in [("/ja/symposia", "シンポジウム")] {
        let found = measured_in_frame(&rig, path, PHONE, lines_of_word, word.into()).await;
        let (lines, height): (Vec<u32>, u32) = serde_json::from_value(found).unwrap();
        assert!(
            lines.len() >= 3,
            "{path}: {word} should be in the h1, the events' h2 and an event's h3: {lines:?}"
        );
        assert!(
            lines.iter().all(|&l| l == 1),
            "{path}: {word} is split over lines in a heading: {lines:?}"
        );
        assert!(
            height > 60,
            "{path}: the heading should wrap at 320 px ({height} px)"
        );
    }
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn on_a_phone_no_japanese_heading_breaks_between_a_word_and_its_kana_ending() {
    let rig = rig().await;
    rig.open("/nowhere").await;
    // In a heading, a word shown with its reading (<ruby>開<rt>ひら</rt></ruby>) and the
    // kana that end it (いた) are one word, and a particle after it (など) belongs to it: a
    // reader must not find 開 at the end of one line and いた at the start of the next.
    // For each word with a reading that kana follow in a heading: the heading's words
    // (readings left out) when the word and the first kana sit on different lines.
    let split_words = r#"
        const shown = (h) => {
          let s = '';
          const walker = d.createTreeWalker(h, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode())
            if (!n.parentElement.closest('rt')) s += n.data;
          return s;
        };
        const split = [];
        let pairs = 0;
        for (const h of d.querySelectorAll('main h1, main h2, main h3')) {
          for (const ruby of h.querySelectorAll('ruby')) {
            let next = ruby.nextSibling;
            while (next && next.nodeType === Node.COMMENT_NODE) next = next.nextSibling;
            if (!next || next.nodeType !== Node.TEXT_NODE || !/^[\u3041-\u309F]/.test(next.data)) continue;
            const base = [...ruby.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.data);
            if (!base) continue;
            pairs += 1;
            const end = d.createRange();
            end.setStart(base, base.data.length - 1);
            end.setEnd(base, base.data.length);
            const kana = d.createRange();
            kana.setStart(next, 0);
            kana.setEnd(next, 1);
            if (Math.abs(end.getBoundingClientRect().bottom - kana.getBoundingClientRect().bottom) > 8)
              split.push(`${shown(h)} (${base.data}／${next.data[0]})`);
          }
        }
        return [pairs, split];
    "#;
    let (mut pairs, mut found) = (0, Vec::new());
    for code in locales().into_iter().filter(|c| c.starts_with("ja")) {
        for page in PageId::ALL {
            let path = format!("/{code}/{}", page.slug());
            let seen = measured_in_frame(&rig, &path, PHONE, split_words, json!(null)).await;
            let (n, split): (u32, Vec<String>) = serde_json::from_value(seen).unwrap();
            pairs += n;
            found.extend(split.into_iter().map(|s| format!("{path}: {s}")));
        }
    }
    assert!(
        pairs >= 5,
        "the plain-Japanese headings hold words with readings and kana endings: {pairs}"
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
    rig.browser.close().await.unwrap();
}

/// The page as it prints: the rules of the stylesheet's `@media print` blocks applied on
/// top (a constructed sheet, which the site's policy allows), then what paper would show.
const AS_PRINTED: &str = r#"
    const print = [];
    let page = null;
    for (const sheet of document.styleSheets)
      for (const rule of sheet.cssRules)
        if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('print'))
          for (const inner of rule.cssRules)
            if (inner instanceof CSSPageRule) page = inner.style.getPropertyValue('size').toUpperCase();
            else print.push(inner.cssText);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(print.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const shown = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== 'none');
    const link = document.querySelector('#hcnf-app main a[href^="tel:"]');
    const address = document.querySelector('.hcnf-footer__address');
    return {
      page,
      navigation: shown('.hcnf-nav') || shown('.hcnf-lang') || shown('.hcnf-skip-link'),
      link_target: link ? getComputedStyle(link, '::after').content.includes('attr(href)')
        || getComputedStyle(link, '::after').content.includes(link.getAttribute('href')) : null,
      address: !!address && getComputedStyle(address).display !== 'none'
        && address.textContent.includes(location.href),
    };
"#;

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn printed_every_page_is_a4_without_navigation_with_link_targets_and_its_address() {
    let rig = rig().await;
    for code in locales() {
        for page in PageId::ALL {
            let path = format!("/{code}/{}", page.slug());
            rig.open(&path).await;
            let printed = rig.browser.execute(AS_PRINTED, vec![]).await.unwrap();
            let has_phone_link = page == PageId::Contact;
            assert_eq!(
                printed,
                json!({
                    "page": "A4",
                    "navigation": false,
                    "link_target": if has_phone_link { json!(true) } else { printed["link_target"].clone() },
                    "address": true,
                }),
                "{path}"
            );
        }
    }
    rig.browser.close().await.unwrap();
}
