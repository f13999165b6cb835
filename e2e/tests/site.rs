//! End to end: the prerendered site (dist/) behind nginx with the production rules, as a
//! reader's browser gets it, with JavaScript off and on, at every page of every edition.
//! The expected words come from the editions. Run by `scripts/test.sh` after the build,
//! once with chromedriver and once with geckodriver:
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-e2e --test site -- --ignored`

use std::path::Path;

use e2e::{edition, Proc, Script};
use fantoccini::Client;
use hcnf_content::{Browser, Check, Edition, PageId};
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING};
use serde_json::{json, Value};

#[test]
fn helper_ports_are_free_distinct_and_below_the_systems_own_range() {
    let low: u16 = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // With no room below the range the helper takes the system's pick, as it should.
    let below = low > e2e::FREE_PORTS_FROM + 1_000;
    let ports: Vec<u16> = (0..50).map(|_| e2e::free_port()).collect();
    let distinct: std::collections::HashSet<_> = ports.iter().collect();
    assert_eq!(distinct.len(), ports.len(), "{ports:?}");
    for port in ports {
        assert!(
            !below || port < low,
            "{port} is in the system's range, from {low}"
        );
        std::net::TcpListener::bind(("127.0.0.1", port)).expect("free");
    }
}

/// nginx serving the build, and a browser running page scripts or not.
struct Rig {
    _procs: Vec<Proc>,
    site: String,
    browser: Client,
}

async fn rig(script: Script) -> Rig {
    e2e::dist();
    let port = e2e::free_port();
    let server = e2e::start_site(port, None).await;
    let (driver, browser) = e2e::start_browser_with(script).await;
    Rig {
        _procs: vec![server, driver],
        site: format!("http://127.0.0.1:{port}"),
        browser,
    }
}

/// The address of `page` in `code`, as the site links it.
fn href(code: &str, page: PageId) -> String {
    format!("/{code}/{}", page.slug())
}

impl Rig {
    async fn goto(&self, path: &str) {
        self.browser
            .goto(&format!("{}{path}", self.site))
            .await
            .unwrap();
    }

    async fn text(&self, selector: &str) -> String {
        e2e::text(&self.browser, selector).await
    }

    async fn attr(&self, selector: &str, name: &str) -> Option<String> {
        e2e::find(&self.browser, selector)
            .await
            .attr(name)
            .await
            .unwrap()
    }

    async fn shown(&self, selector: &str) -> bool {
        e2e::find(&self.browser, selector)
            .await
            .is_displayed()
            .await
            .unwrap()
    }

    /// What a reader sees of the page, read through WebDriver alone (no page script):
    /// the heading, the tab's title, the language and the current entry of the navigation
    /// (or of the footer, for the pages it links).
    async fn reads_as(&self, ed: &Edition, page: PageId) {
        let head = ed.pages.head(page);
        let where_ = e2e::what_is_shown(&self.browser).await;
        assert_eq!(self.text("h1").await, head.title, "{where_}");
        assert_eq!(
            self.browser.title().await.unwrap(),
            ed.ui.document_title(&head.title),
            "{where_}"
        );
        assert_eq!(
            self.attr("html", "lang").await.as_deref(),
            Some(ed.locale.code.as_ref())
        );
        assert_eq!(
            self.text(".hcnf-nav a[aria-current='page'], .hcnf-footer a[aria-current='page']")
                .await,
            head.nav_label,
            "{where_}"
        );
    }

    async fn started(&self) {
        e2e::started(&self.browser).await;
    }

    /// Follows the navigation's link to `page` of `ed` and waits for its heading.
    async fn follow(&self, ed: &Edition, page: PageId) {
        let code = ed.locale.code.as_ref();
        e2e::click(
            &self.browser,
            &format!(".hcnf-nav a[href='{}']", href(code, page)),
        )
        .await;
        e2e::wait_until(
            &self.browser,
            "return document.querySelector('h1').textContent;",
            json!(ed.pages.head(page).title),
        )
        .await;
    }

    async fn js(&self, script: &str) -> Value {
        self.browser.execute(script, vec![]).await.unwrap()
    }
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn without_javascript_every_page_reads_completely_and_links_work() {
    let rig = rig(Script::Off).await;
    let locales = e2e::locales();
    for code in locales.iter().map(String::as_str) {
        let ed = edition(code);
        for page in PageId::ALL {
            rig.goto(&href(code, page)).await;
            rig.reads_as(&ed, page).await;
        }
        // Navigation is plain links: the next section loads as a page of its own.
        rig.goto(&href(code, PageId::Overview)).await;
        e2e::click(
            &rig.browser,
            &format!(".hcnf-nav a[href='{}']", href(code, PageId::Symposia)),
        )
        .await;
        rig.reads_as(&ed, PageId::Symposia).await;
    }
    // The language switch too: the same section in the other language.
    rig.goto(&href("en", PageId::HcnfCourse)).await;
    e2e::click(&rig.browser, ".hcnf-lang a[hreflang='ja']").await;
    rig.reads_as(&edition("ja"), PageId::HcnfCourse).await;
    rig.browser.close().await.unwrap();
}

/// As [`rig`], with nginx passing the plain form's posts to a real endpoint, storing in the
/// returned folder.
async fn rig_with_endpoint(script: Script) -> (Rig, tempfile::TempDir) {
    e2e::dist();
    let dir = tempfile::tempdir().unwrap();
    let port = e2e::free_port();
    let site = format!("http://127.0.0.1:{port}");
    let (api, endpoint) = e2e::start_endpoint(dir.path(), &[&site]).await;
    let server = e2e::start_site_for(port, None, &endpoint).await;
    let (driver, browser) = e2e::start_browser_with(script).await;
    let rig = Rig {
        _procs: vec![api, server, driver],
        site,
        browser,
    };
    (rig, dir)
}

impl Rig {
    /// The id of the element that has focus.
    async fn focused(&self) -> String {
        let id = self.js("return document.activeElement.id;").await;
        id.as_str().unwrap_or_default().to_owned()
    }
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn without_javascript_the_form_sends_through_the_endpoints_pages_once() {
    let (rig, dir) = rig_with_endpoint(Script::Off).await;
    let locales = e2e::locales();
    for (n, code) in locales.iter().map(String::as_str).enumerate() {
        let ed = edition(code);
        let inquiry = &ed.pages.inquiry;
        rig.goto(&href(code, PageId::Inquiry)).await;
        assert!(
            rig.shown("form.hcnf-form").await,
            "{code}: the form, not a notice"
        );
        // Continue with only a name: the form again, saying what is wrong, the name kept.
        e2e::type_into(&rig.browser, "name", "山田 太郎").await;
        e2e::click(&rig.browser, "form.hcnf-form button[value='continue']").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-error-summary").await;
        let title = rig.browser.title().await.unwrap();
        assert!(
            title.starts_with(&*inquiry.form.error_prefix),
            "{code}: {title}"
        );
        assert_eq!(rig.focused().await, "hcnf-inquiry-error-summary", "{code}");
        assert_eq!(
            rig.attr("html", "lang").await.as_deref(),
            Some(code),
            "{code}"
        );
        let name = e2e::find(&rig.browser, "#hcnf-inquiry-name").await;
        assert_eq!(
            name.prop("value").await.unwrap().as_deref(),
            Some("山田 太郎")
        );
        // Mended: the check page, its heading focused.
        e2e::type_into(&rig.browser, "email", "taro@example.jp").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-category")
            .await
            .select_by_value("hcnf_course")
            .await
            .unwrap();
        e2e::type_into(&rig.browser, "subject", "講座について").await;
        e2e::type_into(&rig.browser, "message", "日程を\n教えてください。").await;
        e2e::click(&rig.browser, "#hcnf-inquiry-consent").await;
        e2e::click(&rig.browser, "form.hcnf-form button[value='continue']").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-check-heading").await;
        assert_eq!(rig.focused().await, "hcnf-inquiry-check-heading", "{code}");
        assert_eq!(
            rig.text("#hcnf-inquiry-check-heading").await,
            inquiry.check.heading,
            "{code}"
        );
        // Change the subject: the form, at that field, with every answer.
        e2e::click(&rig.browser, "button[value='change-subject']").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-subject").await;
        assert_eq!(rig.focused().await, "hcnf-inquiry-subject", "{code}");
        let subject = e2e::find(&rig.browser, "#hcnf-inquiry-subject").await;
        subject.clear().await.unwrap();
        subject.send_keys(&format!("講座の日程 {n}")).await.unwrap();
        e2e::click(&rig.browser, "form.hcnf-form button[value='continue']").await;
        e2e::find(&rig.browser, "#hcnf-inquiry-check-heading").await;
        // Send: the confirmation, with the reference the store gave.
        e2e::click(&rig.browser, "button[value='send']").await;
        let reference = e2e::reference(&rig.browser).await;
        assert_eq!(rig.focused().await, "hcnf-inquiry-confirmation", "{code}");
        let rows = e2e::stored_rows(dir.path());
        assert_eq!(rows.len(), n + 1, "{code}");
        let r = rows[n].clone();
        assert_eq!(
            [r.reference, r.locale, r.name, r.email, r.subject, r.message],
            [
                reference.clone(),
                code.to_owned(),
                "山田 太郎".to_owned(),
                "taro@example.jp".to_owned(),
                format!("講座の日程 {n}"),
                "日程を\n教えてください。".to_owned(),
            ],
            "{code}"
        );
        // Back to the check page, and Send again: the same reference, nothing stored twice.
        rig.browser.back().await.unwrap();
        e2e::click(&rig.browser, "button[value='send']").await;
        assert_eq!(e2e::reference(&rig.browser).await, reference, "{code}");
        assert_eq!(e2e::stored_rows(dir.path()).len(), n + 1, "{code}");
    }
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn without_javascript_an_endpoint_that_does_not_answer_gets_a_page_in_the_readers_language() {
    // The site's server passes the posts to an endpoint that is not there.
    let rig = rig(Script::Off).await;
    for code in e2e::locales() {
        let ed = edition(&code);
        rig.goto(&href(&code, PageId::Inquiry)).await;
        e2e::type_into(&rig.browser, "name", "山田 太郎").await;
        e2e::click(&rig.browser, "form.hcnf-form button[value='continue']").await;
        let notice = rig.text(".hcnf-alert").await;
        assert!(
            notice.contains(&*ed.pages.inquiry.sending.not_read),
            "{code}: {notice}"
        );
        assert_eq!(
            rig.attr("html", "lang").await.as_deref(),
            Some(code.as_str())
        );
        let path = rig.browser.current_url().await.unwrap().path().to_owned();
        assert_eq!(path, format!("/{code}/inquiry/answers"));
    }
    // The page is nginx's answer only, not an address of the site.
    let page = reqwest::get(format!("{}/en/inquiry/unreachable.html", rig.site))
        .await
        .unwrap();
    assert_eq!(page.status(), reqwest::StatusCode::NOT_FOUND);
    let post = reqwest::Client::new()
        .post(format!("{}/ja/inquiry/answers", rig.site))
        .header("Origin", &rig.site)
        .form(&[("action", "continue")])
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), reqwest::StatusCode::SERVICE_UNAVAILABLE);
    assert!(post.headers().contains_key("content-security-policy"));
    assert!(post.text().await.unwrap().contains("<html lang=\"ja\""));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn without_javascript_a_post_from_another_site_is_refused_with_a_page_saying_so() {
    let (rig, dir) = rig_with_endpoint(Script::Off).await;
    let ed = edition("en");
    // A page of another origin (a data: URL's is opaque) with a form aimed at the site.
    let page = format!(
        "<!doctype html><title>x</title><form method=post action='{}/en/inquiry/answers'>\
         <input name=name value='Mallory'><input name=consent value=yes>\
         <button name=action value=send>Go</button></form>",
        rig.site
    );
    let url: String = url::form_urlencoded::byte_serialize(page.as_bytes()).collect();
    rig.browser
        .goto(&format!("data:text/html,{}", url.replace('+', "%20")))
        .await
        .unwrap();
    e2e::click(&rig.browser, "button").await;
    e2e::find(&rig.browser, "form.hcnf-form").await;
    let notice = rig.text(".hcnf-alert").await;
    assert!(
        notice.contains(&*ed.pages.inquiry.sending.refused_origin),
        "{notice}"
    );
    let name = e2e::find(&rig.browser, "#hcnf-inquiry-name").await;
    assert_eq!(name.prop("value").await.unwrap().as_deref(), Some(""));
    assert!(e2e::stored_rows(dir.path()).is_empty());
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn without_javascript_the_root_and_unknown_addresses_lead_to_both_home_pages() {
    let rig = rig(Script::Off).await;
    for path in ["/", "/fr/", "/en/nowhere"] {
        rig.goto(path).await;
        let locales = e2e::locales();
        for code in locales.iter().map(String::as_str) {
            let ed = edition(code);
            let link = format!("main a[href='{}']", href(code, PageId::Overview));
            assert_eq!(rig.text(&link).await, ed.ui.not_found.home_link, "{path}");
        }
    }
    rig.goto("/").await;
    e2e::click(&rig.browser, "main a[hreflang='ja']").await;
    rig.reads_as(&edition("ja"), PageId::Overview).await;
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_app_takes_over_a_prerendered_page_and_then_navigates_without_page_loads() {
    let rig = rig(Script::On).await;
    let (en, ja) = (edition("en"), edition("ja"));
    rig.goto(&href("en", PageId::Symposia)).await;
    rig.started().await;
    // Taken over, not drawn a second time beside or over the prerendered markup.
    assert_eq!(
        rig.js("return [document.querySelectorAll('#hcnf-app').length, document.querySelectorAll('h1').length];")
            .await,
        json!([1, 1])
    );
    rig.reads_as(&en, PageId::Symposia).await;
    // A mark on the window survives only if no page is loaded from here on.
    rig.js("window.hcnfSamePage = true; return true;").await;
    e2e::click(
        &rig.browser,
        &format!(".hcnf-nav a[href='{}']", href("en", PageId::Contact)),
    )
    .await;
    e2e::wait_until(
        &rig.browser,
        "return document.querySelector('h1').textContent;",
        json!(en.pages.head(PageId::Contact).title),
    )
    .await;
    rig.reads_as(&en, PageId::Contact).await;
    e2e::click(&rig.browser, ".hcnf-lang a[hreflang='ja']").await;
    e2e::wait_until(
        &rig.browser,
        "return document.documentElement.lang;",
        json!("ja"),
    )
    .await;
    rig.reads_as(&ja, PageId::Contact).await;
    assert_eq!(
        rig.js("return window.hcnfSamePage === true;").await,
        json!(true)
    );
    rig.browser.close().await.unwrap();
}

/// How the form's parts look: for the first element of each kind, what its rules set.
const FORM_LOOKS: &str = r#"
const kinds = [".hcnf-form", ".hcnf-field", ".hcnf-field__label", ".hcnf-field__required",
  ".hcnf-field__hint", ".hcnf-input", ".hcnf-select", ".hcnf-textarea", ".hcnf-button",
  ".hcnf-visually-hidden", ".hcnf-privacy"];
const props = ["display", "position", "width", "margin-bottom", "padding-top",
  "border-top-width", "border-top-style", "background-color", "color", "font-weight"];
return kinds.map(k => {
  const e = document.querySelector(`#hcnf-app ${k}`);
  if (!e) return [k, null];
  const cs = getComputedStyle(e);
  return [k, props.map(p => `${p}: ${cs.getPropertyValue(p)}`)];
});"#;

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_form_reached_by_a_link_brings_its_rules_and_looks_as_when_loaded() {
    let rig = rig(Script::On).await;
    let en = edition("en");
    let styles = "return document.querySelectorAll('style').length;";
    rig.goto(&href("en", PageId::Inquiry)).await;
    rig.started().await;
    let loaded = rig.js(FORM_LOOKS).await;
    let kinds = loaded.as_array().unwrap();
    assert!(kinds.iter().all(|k| !k[1].is_null()), "{loaded}");
    // The form's own look, not the browser's: a filled button, a bordered field.
    let button = kinds.iter().find(|k| k[0] == ".hcnf-button").unwrap();
    assert!(
        !button[1]
            .to_string()
            .contains("background-color: rgba(0, 0, 0, 0)"),
        "{button}"
    );
    assert_eq!(
        rig.js(styles).await,
        json!(2),
        "the site's rules and the form's"
    );

    // A page without the form carries none of its rules; the link to the form brings them.
    rig.goto(&href("en", PageId::Symposia)).await;
    rig.started().await;
    assert_eq!(rig.js(styles).await, json!(1));
    rig.js("window.hcnfSamePage = true; window.hcnfRefused = []; \
         document.addEventListener('securitypolicyviolation', \
           (e) => window.hcnfRefused.push(e.violatedDirective)); return true;")
        .await;
    rig.follow(&en, PageId::Inquiry).await;
    e2e::find(&rig.browser, ".hcnf-button").await;
    assert_eq!(rig.js(FORM_LOOKS).await, loaded);
    assert_eq!(
        rig.js("return [window.hcnfSamePage === true, window.hcnfRefused];")
            .await,
        json!([true, []]),
        "reached without a page load, and nothing refused by the policy"
    );
    assert_eq!(rig.js(styles).await, json!(2));
    // Back on a page without the form, and to the form again: nothing added twice.
    rig.follow(&en, PageId::Symposia).await;
    rig.follow(&en, PageId::Inquiry).await;
    assert_eq!(rig.js(styles).await, json!(2));
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn back_and_forward_bring_a_page_back_where_the_reader_was_with_focus_on_its_heading() {
    let rig = rig(Script::On).await;
    let en = edition("en");
    let heading = |page: PageId| json!(en.pages.head(page).title);
    // A window shorter than the page, so there is somewhere to scroll to.
    rig.browser.set_window_size(1024, 600).await.unwrap();
    rig.goto(&href("en", PageId::Symposia)).await;
    rig.started().await;
    rig.js("window.hcnfSamePage = true; return true;").await;
    let y = rig
        .js(
            "const y = Math.min(400, document.documentElement.scrollHeight - innerHeight); \
             scrollTo(0, y); return y;",
        )
        .await;
    assert!(
        y.as_f64().unwrap_or_default() > 100.0,
        "the page is too short: {y}"
    );
    // Kept with the page's history entry once the reader stops scrolling.
    e2e::wait_until(
        &rig.browser,
        "return Math.round(history.state?.hcnfScroll ?? -1);",
        y.clone(),
    )
    .await;
    // Clicked by script: WebDriver would scroll the link into view first.
    rig.js(&format!(
        "document.querySelector(\".hcnf-nav a[href='{}']\").click(); return true;",
        href("en", PageId::Contact)
    ))
    .await;
    let h1 = "return document.querySelector('h1').textContent;";
    e2e::wait_until(&rig.browser, h1, heading(PageId::Contact)).await;
    rig.reads_as(&en, PageId::Contact).await;
    let focus_and_scroll = "return [document.activeElement.tagName, Math.round(scrollY)];";
    assert_eq!(rig.js(focus_and_scroll).await, json!(["H1", 0]));
    // Focus must move, not stay: a screen reader announces the heading only when it takes
    // focus, and focusing the element that has it does nothing.
    let note_focus = "window.hcnfFocused = []; \
        addEventListener('focusin', (e) => hcnfFocused.push(e.target.tagName), { once: true }); \
        return true;";
    let focused = "return window.hcnfFocused;";
    rig.js(note_focus).await;
    rig.js("history.back(); return true;").await;
    e2e::wait_until(&rig.browser, h1, heading(PageId::Symposia)).await;
    rig.reads_as(&en, PageId::Symposia).await;
    assert_eq!(rig.js(focus_and_scroll).await, json!(["H1", y]));
    assert_eq!(
        rig.js(focused).await,
        json!(["H1"]),
        "the heading took focus"
    );
    rig.js(note_focus).await;
    rig.js("history.forward(); return true;").await;
    e2e::wait_until(&rig.browser, h1, heading(PageId::Contact)).await;
    rig.reads_as(&en, PageId::Contact).await;
    assert_eq!(rig.js(focus_and_scroll).await, json!(["H1", 0]));
    assert_eq!(
        rig.js(focused).await,
        json!(["H1"]),
        "the heading took focus"
    );
    assert_eq!(
        rig.js("return window.hcnfSamePage === true;").await,
        json!(true),
        "no page was loaded"
    );
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_head_follows_each_page_the_skip_link_focuses_it_and_the_root_keeps_the_choice() {
    let rig = rig(Script::On).await;
    // Everything the head says of a page: description, alternates, title and language.
    let head = "return [document.querySelector('meta[name=description]').content, \
                [...document.querySelectorAll('link[rel=alternate]')] \
                  .map(l => `${l.hreflang} ${l.getAttribute('href')}`).join(' | '), \
                document.title, document.documentElement.lang];";
    // Plain Japanese, which no browser asks for: only a remembered choice opens it at `/`.
    let easy = "ja-x-easy";
    // And everything the app's element holds.
    let content = "return document.querySelector('[data-hcnf-app]').innerHTML;";
    rig.goto(&href(easy, PageId::Contact)).await;
    rig.started().await;
    let loaded = rig.js(head).await;
    let loaded_content = rig.js(content).await;
    rig.goto(&href("en", PageId::Symposia)).await;
    rig.started().await;
    rig.js("window.hcnfSamePage = true; return true;").await;
    e2e::click(&rig.browser, &format!(".hcnf-lang a[hreflang='{easy}']")).await;
    e2e::wait_until(
        &rig.browser,
        "return document.documentElement.lang;",
        json!(easy),
    )
    .await;
    rig.js(&format!(
        "document.querySelector(\".hcnf-nav a[href='{}']\").click(); return true;",
        href(easy, PageId::Contact)
    ))
    .await;
    e2e::wait_until(
        &rig.browser,
        "return location.pathname;",
        json!(href(easy, PageId::Contact)),
    )
    .await;
    rig.reads_as(&edition(easy), PageId::Contact).await;
    assert_eq!(
        rig.js(head).await,
        loaded,
        "the head after moving there is the page's own"
    );
    // The script keeps what two pages share and changes the rest: the result is the page
    // (as the DOM compares nodes: attributes in any order).
    let same = rig
        .browser
        .execute(
            "const as = (html) => { const t = document.createElement('template'); \
               t.innerHTML = html; return t.content; }; \
             return as(arguments[0]).isEqualNode( \
               as(document.querySelector('[data-hcnf-app]').innerHTML));",
            vec![loaded_content],
        )
        .await
        .unwrap();
    assert_eq!(
        same,
        json!(true),
        "the content after moving there is the page's own"
    );
    // The skip link puts focus on the page's content, and the address stays the page's.
    rig.js("document.querySelector('.hcnf-skip-link').click(); return true;")
        .await;
    assert_eq!(
        rig.js("return [document.activeElement.id, location.pathname + location.hash];")
            .await,
        json!(["hcnf-main", href(easy, PageId::Contact)])
    );
    assert_eq!(
        rig.js("return window.hcnfSamePage === true;").await,
        json!(true),
        "no page was loaded"
    );
    rig.goto("/").await;
    e2e::wait_until(
        &rig.browser,
        "return location.pathname;",
        json!(href(easy, PageId::Overview)),
    )
    .await;
    rig.reads_as(&edition(easy), PageId::Overview).await;
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_root_sends_a_reader_with_javascript_to_their_language() {
    // The test browsers prefer Japanese (Firefox) or English (Chromium), and have no
    // stored choice: the root goes to the home page of that language.
    let rig = rig(Script::On).await;
    rig.goto("/").await;
    rig.started().await;
    let preferred: String =
        serde_json::from_value(rig.js("return navigator.language.slice(0, 2);").await).unwrap();
    let code = if e2e::locales().contains(&preferred) {
        preferred.as_str()
    } else {
        "en"
    };
    e2e::wait_until(
        &rig.browser,
        "return location.pathname;",
        json!(href(code, PageId::Overview)),
    )
    .await;
    rig.reads_as(&edition(code), PageId::Overview).await;
    rig.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site and nginx; run by scripts/test.sh"]
async fn nginx_serves_compressed_files_caches_hashed_ones_and_answers_404() {
    e2e::dist();
    let port = e2e::free_port();
    let _server = e2e::start_site(port, None).await;
    let site = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let get = |path: String, encoding: &'static str| {
        let request = client
            .get(format!("{site}{path}"))
            .header(ACCEPT_ENCODING, encoding);
        async move { request.send().await.unwrap() }
    };
    let locales = e2e::locales();
    for code in locales.iter().map(String::as_str) {
        for page in PageId::ALL {
            let path = href(code, page);
            for (accepts, served) in [("br, gzip", "br"), ("gzip", "gzip")] {
                let res = get(path.clone(), accepts).await;
                assert_eq!(res.status(), 200, "{path}");
                assert_eq!(res.headers()[CONTENT_ENCODING], served, "{path}");
                // Pages are checked with the server before each use, so a new build shows.
                assert_eq!(res.headers()[CACHE_CONTROL], "no-cache", "{path}");
            }
        }
    }
    // The hashed files the pages load may be kept for a year.
    // reqwest here decodes neither brotli nor gzip: bodies to read are asked for as they are.
    // The inquiry page and its loader name every kind: the navigation script, the wasm and
    // its glue.
    let mut text = get("/en/inquiry".into(), "identity")
        .await
        .text()
        .await
        .unwrap_or_default();
    let loader = text
        .split('"')
        .find(|s| s.starts_with("/hcnf-start-"))
        .expect("the page loads the app's loader")
        .to_owned();
    text.push_str(
        &get(loader, "identity")
            .await
            .text()
            .await
            .unwrap_or_default(),
    );
    let hashed: Vec<&str> = text
        .split(['"', '\''])
        .filter(|s| s.starts_with('/') && (s.ends_with(".wasm") || s.ends_with(".js")))
        .collect();
    assert!(
        hashed.iter().any(|s| s.ends_with(".wasm")) && hashed.len() >= 3,
        "the page names its script, wasm and glue: {hashed:?}"
    );
    for path in hashed {
        let res = get(path.to_owned(), "br").await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()[CONTENT_ENCODING], "br", "{path}");
        assert_eq!(
            res.headers()[CACHE_CONTROL],
            "public, max-age=31536000, immutable",
            "{path}"
        );
    }
    // Unknown addresses get the bilingual not-found page, with the status that says so.
    for path in ["/fr/", "/en/nowhere", "/en/symposia/more", "/404.html"] {
        let res = get(path.into(), "identity").await;
        assert_eq!(res.status(), 404, "{path}");
        let body = res.text().await.unwrap_or_default();
        let locales = e2e::locales();
        for code in locales.iter().map(String::as_str) {
            assert!(body.contains(&*edition(code).ui.not_found.title), "{path}");
        }
    }
}

/// Copies the build in `from` to `to`, file by file.
fn copy_build(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_build(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the build whose form waits, once its code is loaded, until the page calls
/// `window.hcnfStart()`: what a reader sees and does before then is what they would on a
/// slow network, and a test can act just before the form is taken over.
fn held_back_build() -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_build(&e2e::dist(), copy.path());
    // trunk's loader, which the build moved into a file of its own (`hcnf-start-….js`).
    let html = std::fs::read_to_string(copy.path().join("en/inquiry/index.html")).unwrap();
    let name = html
        .split("src=\"/")
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .find(|file| file.starts_with("hcnf-start-"))
        .expect("the page loads the app's start script");
    let loader = copy.path().join(name);
    let script = std::fs::read_to_string(&loader).unwrap();
    let start = "const wasm = await init(";
    let held = script.replacen(
        start,
        &format!("await new Promise((go) => {{ window.hcnfStart = go; }});\n{start}"),
        1,
    );
    assert_ne!(held, script, "trunk's loader starts the app with init()");
    std::fs::write(&loader, held).unwrap();
    for compressed in ["br", "gz"] {
        let _ = std::fs::remove_file(loader.with_extension(format!("js.{compressed}")));
    }
    copy
}

/// [`held_back_build`] served by nginx, and a browser to read it with.
struct HeldBack {
    copy: tempfile::TempDir,
    _procs: Vec<Proc>,
    site: String,
    browser: Client,
}

async fn held_back_site() -> HeldBack {
    let copy = held_back_build();
    let port = e2e::free_port();
    let server = e2e::start_site_from(port, copy.path(), None, None).await;
    let (driver, browser) = e2e::start_browser().await;
    HeldBack {
        copy,
        _procs: vec![server, driver],
        site: format!("http://127.0.0.1:{port}"),
        browser,
    }
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn before_the_app_runs_the_form_sends_as_a_plain_form() {
    // Scripts run, but the app's code never starts: a slow network, or a policy without
    // 'wasm-unsafe-eval'. The form is sendable all the same.
    let copy = held_back_build();
    let dir = tempfile::tempdir().unwrap();
    let port = e2e::free_port();
    let site = format!("http://127.0.0.1:{port}");
    let (api, endpoint) = e2e::start_endpoint(dir.path(), &[&site]).await;
    let server = e2e::start_site_from(port, copy.path(), None, Some(&endpoint)).await;
    let (driver, browser) = e2e::start_browser().await;
    let _procs = [api, server, driver];
    let locales = e2e::locales();
    for (n, code) in locales.iter().map(String::as_str).enumerate() {
        browser
            .goto(&format!("{site}{}", href(code, PageId::Inquiry)))
            .await
            .unwrap();
        e2e::find(&browser, "[data-hcnf-app][data-hcnf-links]").await;
        e2e::fill_form(&browser).await;
        e2e::click(&browser, "button[value='send']").await;
        let reference = e2e::reference(&browser).await;
        assert_eq!(reference, format!("HCNF-{:06}", n + 1), "{code}");
        let rows = e2e::stored_rows(dir.path());
        assert_eq!(rows[n].locale, code);
        assert_eq!(rows[n].message, "次回の講座の日程を教えてください。");
    }
    browser.close().await.unwrap();
}

impl HeldBack {
    async fn goto(&self, path: &str) {
        self.browser
            .goto(&format!("{}{path}", self.site))
            .await
            .unwrap();
    }
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn values_a_browser_puts_back_before_the_form_runs_do_not_renew_the_draft() {
    // On a reload or a return, a browser may put the fields' last values back into the
    // page before the form runs. They are the saved draft, not new typing: the draft must
    // still expire two hours after the reader last typed, as the privacy notice says.
    let held = held_back_site().await;
    let browser = held.browser.clone();
    held.goto("/en/inquiry").await;
    e2e::find(&browser, "[data-hcnf-app][data-hcnf-links]").await;
    let hour_ago = browser
        .execute(
            &format!(
                "document.getElementById('hcnf-inquiry-name').value = 'Hanako Sato'; \
                 document.getElementById('hcnf-inquiry-category').value = 'symposia'; \
                 document.getElementById('hcnf-inquiry-consent').checked = true; \
                 window.hcnfStart(); {}",
                e2e::store_draft_an_hour_ago(
                    "name: 'Hanako Sato', category: 'symposia', consent: true"
                )
            ),
            vec![],
        )
        .await
        .unwrap();
    e2e::started(&browser).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        browser
            .execute(
                "const d = JSON.parse(sessionStorage.getItem('hcnf.inquiry.draft')); \
                 return [d.touched_ms, document.getElementById('hcnf-inquiry-name').value];",
                vec![]
            )
            .await
            .unwrap(),
        json!([hour_ago, "Hanako Sato"])
    );
    browser.close().await.unwrap();
}

/// Notes in `window.hcnfNoted` what the page writes to the console as a warning or an
/// error, and what it throws and leaves unhandled: geckodriver reads no console. (Log and
/// info messages are not noted; the form writes none.)
const NOTE_CONSOLE: &str = "window.hcnfNoted = []; \
    for (const level of ['warn', 'error']) { const write = console[level]; \
      console[level] = function (...args) { hcnfNoted.push(`${level}: ${args.join(' ')}`); \
        return write.apply(this, args); }; } \
    addEventListener('error', (e) => hcnfNoted.push(`thrown: ${e.message}`)); \
    addEventListener('unhandledrejection', (e) => hcnfNoted.push(`rejected: ${e.reason}`)); \
    return true;";

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_form_is_taken_over_in_place_with_no_warning_or_error() {
    let held = held_back_site().await;
    let copy = &held.copy;
    // And a page whose prerendered form is not the one the app renders (an element more
    // before one of its fields): taking it over must fail loudly, or the check below
    // could not tell a quiet takeover from one that says nothing.
    let page = std::fs::read_to_string(copy.path().join("en/inquiry/index.html")).unwrap();
    let broken = page.replacen(
        "<input id=\"hcnf-inquiry-subject\"",
        "<span></span><input id=\"hcnf-inquiry-subject\"",
        1,
    );
    assert_ne!(broken, page);
    std::fs::create_dir_all(copy.path().join("en/broken")).unwrap();
    std::fs::write(copy.path().join("en/broken/index.html"), broken).unwrap();
    let browser = held.browser.clone();
    // Listens, marks the prerendered form's elements, and lets the form's code go on.
    let take_over = |path: String| {
        let held = &held;
        let browser = browser.clone();
        async move {
            held.goto(&path).await;
            e2e::find(&browser, "[data-hcnf-app][data-hcnf-links]").await;
            browser.execute(NOTE_CONSOLE, vec![]).await.unwrap();
            browser
                .execute(
                    "for (const el of document.querySelectorAll('[data-hcnf-form] *')) \
                       el.hcnfPrerendered = true; \
                     window.hcnfStart(); return true;",
                    vec![],
                )
                .await
                .unwrap();
        }
    };
    for code in ["en", "ja", "ja-x-easy"] {
        take_over(href(code, PageId::Inquiry)).await;
        e2e::started(&browser).await;
        // Effects run after the takeover: give them time to write, had they anything.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            browser
                .execute(
                    "const all = [...document.querySelectorAll('[data-hcnf-form] *')]; \
                     return [window.hcnfNoted, all.length > 50, \
                       all.every((el) => el.hcnfPrerendered === true), \
                       document.querySelector('[data-hcnf-form] button[type=submit]').disabled];",
                    vec![]
                )
                .await
                .unwrap(),
            json!([[], true, true, false]),
            "{code}: no warning or error, every element the prerendered one, the form live"
        );
    }
    take_over("/en/broken/".to_owned()).await;
    e2e::wait_until(&browser, "return window.hcnfNoted.length > 0;", json!(true)).await;
    // What was noted is the takeover failing, not a passing remark: the form never runs.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser
            .execute(
                "return [window.hcnfNoted.some((n) => /^(thrown|rejected): /.test(n)), \
                   document.querySelector('[data-hcnf-started]') === null];",
                vec![]
            )
            .await
            .unwrap(),
        json!([true, true])
    );
    browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn what_a_reader_types_before_the_app_starts_is_kept_when_it_takes_over() {
    // The form held back, as a slow network would, so the reader types into the
    // prerendered form first.
    let held = held_back_site().await;
    let browser = held.browser.clone();
    held.goto("/en/inquiry").await;
    e2e::type_into(&browser, "name", "山田 太郎").await;
    e2e::type_into(&browser, "message", "講座の日程を教えてください。").await;
    let value = |id: &'static str| {
        let browser = browser.clone();
        async move {
            browser
                .execute(
                    &format!("return document.getElementById('hcnf-inquiry-{id}').value;"),
                    vec![],
                )
                .await
                .unwrap()
        }
    };
    // The held loader goes on, and the form starts.
    let release = || {
        let browser = browser.clone();
        async move {
            browser
                .execute("window.hcnfStart(); return true;", vec![])
                .await
                .unwrap();
            e2e::started(&browser).await;
        }
    };
    assert_eq!(
        browser
            .execute(
                "return document.querySelector('[data-hcnf-started]') === null;",
                vec![]
            )
            .await
            .unwrap(),
        json!(true),
        "the app has not started yet"
    );
    release().await;
    assert_eq!(value("name").await, json!("山田 太郎"));
    assert_eq!(
        value("message").await,
        json!("講座の日程を教えてください。")
    );
    // Kept in the draft too: after a reload the app shows it again.
    browser.refresh().await.unwrap();
    release().await;
    assert_eq!(value("name").await, json!("山田 太郎"));
    // While the form still waits for its code, the page's links already work without a
    // page load: the navigation script marks the app when it handles them, which is what
    // the benchmark times as the page's interactivity.
    browser.refresh().await.unwrap();
    e2e::find(&browser, "[data-hcnf-app][data-hcnf-links]").await;
    assert_eq!(
        browser
            .execute(
                "window.hcnfSamePage = true; \
                 return document.querySelector('[data-hcnf-started]') === null;",
                vec![]
            )
            .await
            .unwrap(),
        json!(true),
        "the form has not started yet"
    );
    // What is typed now, before the form runs, goes along when the reader leaves the page,
    // here to another page and language, and comes back with them to the form; but not the
    // field for bots, out of sight and out of the tab order.
    e2e::type_into(&browser, "subject", "日程について").await;
    e2e::find(&browser, "#hcnf-inquiry-category")
        .await
        .select_by_value("symposia")
        .await
        .unwrap();
    e2e::click(&browser, "#hcnf-inquiry-consent").await;
    browser
        .execute(
            "document.querySelector('[name=website]').value = 'bot'; return true;",
            vec![],
        )
        .await
        .unwrap();
    let contact = href("en", PageId::Contact);
    e2e::click(&browser, &format!(".hcnf-nav a[href='{contact}']")).await;
    e2e::wait_until(
        &browser,
        "return [location.pathname, document.querySelector('h1').textContent, \
         window.hcnfSamePage === true];",
        json!([
            contact,
            edition("en").pages.head(PageId::Contact).title,
            true
        ]),
    )
    .await;
    e2e::click(&browser, ".hcnf-lang a[hreflang='ja']").await;
    let inquiry = href("ja", PageId::Inquiry);
    e2e::click(&browser, &format!(".hcnf-nav a[href='{inquiry}']")).await;
    let carried = "return [location.pathname, \
         document.getElementById('hcnf-inquiry-subject')?.value ?? null, \
         document.getElementById('hcnf-inquiry-category')?.value ?? null, \
         document.getElementById('hcnf-inquiry-consent')?.checked ?? null, \
         document.querySelector('[name=website]')?.value ?? null];";
    let expected = json!([inquiry, "日程について", "symposia", true, ""]);
    e2e::wait_until(&browser, carried, expected.clone()).await;
    assert_eq!(
        browser
            .execute(
                "return [document.querySelector('[data-hcnf-started]') === null, \
                 window.hcnfSamePage === true];",
                vec![]
            )
            .await
            .unwrap(),
        json!([true, true]),
        "before the form runs, and without a page load"
    );
    release().await;
    assert_eq!(
        browser.execute(carried, vec![]).await.unwrap(),
        expected,
        "kept by the form"
    );
    assert_eq!(
        value("name").await,
        json!("山田 太郎"),
        "the draft the form kept"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn the_accessibility_page_shows_every_check_of_the_run_it_was_built_with() {
    // The build baked content/audit/ (the records `scripts/test.sh` files after a full run)
    // into the page: every check in both browsers, each row as the suite wrote it.
    let runs = hcnf_content::read_audit_dir(&e2e::root().join("content/audit")).unwrap();
    for browser in [Browser::Chromium, Browser::Firefox] {
        for check in Check::ALL {
            assert!(
                runs.iter()
                    .any(|r| (r.browser, r.check) == (browser, check)),
                "no record of {check:?} in {browser:?} in content/audit/"
            );
        }
    }
    let rig = rig(Script::Off).await;
    let rows = format!(
        "{} return [...document.querySelectorAll('table.hcnf-table')].map(t =>
          [read(t.caption), [...t.tBodies[0].rows].map(r => [...r.cells].map(read))]);",
        e2e::READ_JS
    );
    for code in e2e::locales() {
        let ed = edition(&code);
        let words = &ed.pages.accessibility.results;
        rig.goto(&href(&code, PageId::Accessibility)).await;
        let mut expected = Vec::new();
        for browser in [Browser::Chromium, Browser::Firefox] {
            let of_browser: Vec<_> = runs.iter().filter(|r| r.browser == browser).collect();
            let day = of_browser.iter().map(|r| r.day).max().unwrap();
            let caption = words
                .caption
                .replace("{browser}", browser.name())
                .replace("{version}", &of_browser[0].browser_version)
                .replace("{date}", &ed.ui.format_day(day));
            let cells: Vec<Vec<String>> = of_browser
                .iter()
                .map(|r| {
                    let text = words.checks.get(r.check);
                    let version = r.tool_version.as_deref().unwrap_or("");
                    vec![
                        text.tool
                            .replace("{version}", version)
                            .trim_end()
                            .to_owned(),
                        text.scope.replace("{n}", &r.covered.to_string()),
                        r.problems.to_string(),
                    ]
                })
                .collect();
            expected.push(json!([caption, cells]));
        }
        assert_eq!(rig.js(&rows).await, json!(expected), "{code}");
    }
    rig.browser.close().await.unwrap();
}

/// Every policy violation the page reports from now on, gathered in `window`, and a
/// violation made on purpose: an image from another site, which `img-src 'self'` refuses.
const PLANT_A_VIOLATION: &str = r#"
    window.hcnfViolations = [];
    document.addEventListener('securitypolicyviolation',
      e => window.hcnfViolations.push(e.violatedDirective));
    const img = document.createElement('img');
    img.src = 'https://example.com/planted.png';
    document.body.append(img);
    return true;
"#;

/// What a strict policy would refuse, found in the page as it stands: inline scripts,
/// style attributes, scripts from elsewhere; and whether the inline stylesheet and the app
/// ran (the policy allowed them); in Chromium, the violations it reported while loading.
const UNDER_THE_POLICY: &str = r#"
    const done = arguments[arguments.length - 1];
    const app = document.querySelector('#hcnf-app');
    const found = {
      started: !!document.querySelector('[data-hcnf-started]'),
      styled: getComputedStyle(app).getPropertyValue('--hcnf-brand').trim() !== '',
      inline_scripts: [...document.scripts].filter(s => !s.src).length,
      foreign_scripts: [...document.scripts].filter(s => s.src && new URL(s.src).origin !== location.origin).length,
      style_attributes: document.querySelectorAll('[style]').length,
      reported: [],
    };
    if (typeof ReportingObserver === 'undefined') return done(found);
    const observer = new ReportingObserver(reports => {
      found.reported.push(...reports.filter(r => r.type === 'csp-violation').map(r => r.body.effectiveDirective));
    }, { buffered: true });
    observer.observe();
    setTimeout(() => { found.reported.push(...observer.takeRecords().map(r => r.body.effectiveDirective)); done(found); }, 200);
"#;

#[tokio::test]
#[ignore = "needs the built site, nginx and a WebDriver; run by scripts/test.sh"]
async fn every_page_runs_under_a_strict_content_security_policy_with_nothing_refused() {
    let rig = rig(Script::On).await;
    // The policy nginx sends with every page: scripts and styles from the site alone, no
    // inline script, no eval, the form's requests to the site and its endpoint only.
    let client = reqwest::Client::new();
    let mut paths = vec!["/".to_owned(), "/nowhere".to_owned()];
    for code in e2e::locales() {
        paths.extend(PageId::ALL.map(|p| href(&code, p)));
    }
    for path in &paths {
        let res = client
            .get(format!("{}{path}", rig.site))
            .send()
            .await
            .unwrap();
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let policy = header("content-security-policy");
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval';",
            "object-src 'none'",
            "frame-ancestors 'self'",
            "connect-src 'self' http://127.0.0.1:",
        ] {
            assert!(
                policy.contains(directive),
                "{path}: {directive} in {policy}"
            );
        }
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert!(!header("referrer-policy").is_empty(), "{path}");
        assert!(!header("permissions-policy").is_empty(), "{path}");
    }
    // In the browser, with the policy in force, every page starts, is styled, and holds
    // nothing the policy refuses; in Chromium, whose console a test can read, nothing is
    // written to it as an error (the not-found page's own 404 aside).
    e2e::console_errors(&rig.browser).await;
    for path in paths.iter().filter(|p| p.as_str() != "/") {
        rig.goto(path).await;
        rig.started().await;
        if let Some(errors) = e2e::console_errors(&rig.browser).await {
            let errors: Vec<_> = errors
                .into_iter()
                .filter(|e| !(path == "/nowhere" && e.contains("/nowhere") && e.contains("404")))
                .collect();
            assert_eq!(errors, Vec::<String>::new(), "{path}: console errors");
        }
        let found = rig
            .browser
            .execute_async(UNDER_THE_POLICY, vec![])
            .await
            .unwrap();
        assert_eq!(
            found,
            json!({"started": true, "styled": true, "inline_scripts": 0, "foreign_scripts": 0,
                   "style_attributes": 0, "reported": []}),
            "{path}"
        );
    }
    // And the policy is enforced: a violation made on purpose is refused and reported.
    rig.js(PLANT_A_VIOLATION).await;
    e2e::wait_until(
        &rig.browser,
        "return window.hcnfViolations;",
        json!(["img-src"]),
    )
    .await;
    // And the console check sees such a thing.
    if let Some(errors) = e2e::console_errors(&rig.browser).await {
        assert!(
            errors.iter().any(|e| e.contains("planted.png")),
            "the planted violation is not in the console: {errors:?}"
        );
    }
    rig.browser.close().await.unwrap();
}
