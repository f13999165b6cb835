//! End to end, in real browsers: the built app embedded in `demo/host.html`, an imitation
//! prefecture page with hostile CSS, served under `/hcnf/` with the app's files under
//! `/hcnf-app/`, as a web editor would set it up from docs/embedding.md. Run by
//! `scripts/test.sh` after the release build, once with chromedriver and once with
//! geckodriver:
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-endpoint --test embed -- --ignored`

use e2e::{click, edition, find, root, text, wait_until, Proc};
use fantoccini::Client;
use hcnf_content::{Check, PageId};
use serde_json::{json, Value};

/// The lines that mark the snippet in docs/embedding.md and in the demo host page.
const SNIPPET_START: &str = "<!-- HCNF app: start -->";
const SNIPPET_END: &str = "<!-- HCNF app: end -->";
/// The lines that mark the iframe embedding in docs/embedding.md and in `demo/iframe.html`.
const FRAME_START: &str = "<!-- HCNF app in an iframe: start -->";
const FRAME_END: &str = "<!-- HCNF app in an iframe: end -->";

fn snippet(text: &str) -> &str {
    between(text, SNIPPET_START, SNIPPET_END)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect("a start marker");
    let to = text.find(end).expect("an end marker") + end.len();
    &text[from..to]
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

#[test]
fn the_documented_snippet_is_the_one_in_the_demo_host_page() {
    let documented = read("docs/embedding.md");
    let host = read("demo/host.html");
    assert_eq!(
        snippet(&documented),
        snippet(&host),
        "copying the snippet in docs/embedding.md into demo/host.html must give the page that is tested"
    );
    // What a web team copies names no endpoint: config.json does (docs/embedding.md).
    assert!(!snippet(&host).contains("data-hcnf-endpoint"));
    assert!(!snippet(&host).contains("127.0.0.1"));
    let frame = between(&documented, FRAME_START, FRAME_END);
    assert_eq!(
        frame,
        between(&read("demo/iframe.html"), FRAME_START, FRAME_END),
        "the iframe embedding in docs/embedding.md must be the one in demo/iframe.html"
    );
}

/// `page` with `attributes` added to its `data-hcnf-app` element, under `base`.
fn variant(page: &str, base: &str, attributes: &str) -> String {
    let varied = page
        .replace(
            r#"data-hcnf-base="/hcnf/""#,
            &format!(r#"data-hcnf-base="{base}""#),
        )
        .replacen(
            "<div data-hcnf-app",
            &format!("<div data-hcnf-app {attributes}"),
            1,
        );
    assert!(varied.contains(base) && varied.contains(attributes));
    varied
}

/// `page` with `script` run first, before the host's and the app's.
fn with_first_script(page: &str, script: &str) -> String {
    page.replacen("<head>", &format!("<head><script>{script}</script>"), 1)
}

/// Notes every URL the page fetches in `window.fetched`.
const NOTE_FETCHES: &str = "window.fetched = []; const f = window.fetch; \
    window.fetch = function (input) { \
      fetched.push(String(input instanceof Request ? input.url : input)); \
      return f.apply(this, arguments); };";
/// Notes every console error in `window.consoleErrors`.
const NOTE_CONSOLE_ERRORS: &str = "window.consoleErrors = []; const e = console.error; \
    console.error = function (...args) { consoleErrors.push(args.join(' ')); \
      return e.apply(this, args); };";
/// Notes, in the framing page, the target origin of every message the frame posts it. The
/// browser's own `postMessage` is kept once: a wrapper left by a document the frame has
/// since navigated away from could no longer post.
const NOTE_POSTS_TO_PARENT: &str = "parent.posted = parent.posted || []; \
    parent.nativePost = parent.nativePost || parent.postMessage; \
    parent.postMessage = function (message, target) { parent.posted.push(String(target)); \
      return parent.nativePost.call(parent, message, target); };";

/// A host page's policy as many are: its own and inline scripts, but no
/// `'wasm-unsafe-eval'`, so the browser refuses to compile the app's wasm.
const NO_WASM_POLICY: &str =
    r#"<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">"#;

/// `page` under a policy that refuses the wasm, noting console errors.
fn without_wasm(page: &str) -> String {
    with_first_script(page, NOTE_CONSOLE_ERRORS).replacen(
        "<head>",
        &format!("<head>{NO_WASM_POLICY}"),
        1,
    )
}

/// The demo, served on loopback, with a browser pointed at it.
struct Demo {
    _procs: Vec<Proc>,
    /// Where the endpoint stores.
    dir: tempfile::TempDir,
    /// The demo host: the host page at `/hcnf/`, the app's files at `/hcnf-app/`.
    site: String,
    /// The same build on a site of its own, as the app looks alone.
    alone: String,
    endpoint: String,
    browser: Client,
}

async fn demo() -> Demo {
    let dist = e2e::dist();
    let dir = tempfile::tempdir().unwrap();
    let (site_port, alone_port) = (e2e::free_port(), e2e::free_port());
    let site = format!("http://127.0.0.1:{site_port}");
    let (api, endpoint) = e2e::start_endpoint(dir.path(), &[&site]).await;

    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    // The demo's pages as shipped, in a copy whose host and frame pages get this test's
    // endpoint below.
    let demo_dir = dir.path().join("demo");
    std::fs::create_dir(&demo_dir).unwrap();
    for entry in std::fs::read_dir(root().join("demo")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), demo_dir.join(entry.file_name())).unwrap();
    }
    // The host page as shipped; config.json below sends its inquiries to this test's
    // endpoint.
    let host = read("demo/host.html");
    // The host page as it was before the app: the snippet taken out.
    let bare = host.replace(snippet(&host), "");
    // The same snippet, told it may manage the document, under /managed/.
    let managed = host
        .replace(
            r#"data-hcnf-base="/hcnf/""#,
            r#"data-hcnf-base="/managed/""#,
        )
        .replace(
            r#"data-hcnf-manage-document="false""#,
            r#"data-hcnf-manage-document="true""#,
        );
    assert_ne!(managed, host);
    // The host page as a host that includes the build's fragment for /hcnf/ja/symposia
    // has it: the app's markup inside the element, marked for the app to take over.
    let fragment = std::fs::read_to_string(dist.join("fragments/ja/symposia/index.html"))
        .expect("the build writes a fragment per page");
    let element = &host[host.find("<div data-hcnf-app").unwrap()..];
    let element = &element[..element.find("</div>").unwrap() + "</div>".len()];
    let open_tag = &element[..element.find('>').unwrap()];
    let prerendered = host.replace(
        element,
        &format!("{open_tag} data-hcnf-prerendered>{fragment}</div>"),
    );
    // The frame page as shipped, noting where the app posts its height.
    let frame = with_first_script(&read("demo/frame.html"), NOTE_POSTS_TO_PARENT);
    // config.json beside the app sends to this test's endpoint and allows its origin only.
    let config = json!({"inquiry_endpoint": format!("{endpoint}/inquiries")});
    // Another site's config.json, under /picked-config/, sends to a port nobody listens
    // on and allows the test's endpoint too: only the attribute picking it makes the form
    // work.
    let dead = format!("http://127.0.0.1:{}", e2e::free_port());
    std::fs::create_dir(demo_dir.join("picked-config")).unwrap();
    write(
        "demo/picked-config/config.json",
        &json!({
            "inquiry_endpoint": format!("{dead}/x"),
            "allowed_endpoint_origins": [dead, endpoint],
        })
        .to_string(),
    );
    let picked = variant(
        &host,
        "/picked/",
        &format!(r#"data-hcnf-assets="/picked-config/" data-hcnf-endpoint="{endpoint}/inquiries""#),
    );
    // The same endpoint by another name, `localhost`: another origin, not allowed.
    let elsewhere = endpoint.replace("127.0.0.1", "localhost");
    let refused = with_first_script(
        &variant(
            &host,
            "/refused/",
            &format!(r#"data-hcnf-endpoint="{elsewhere}/inquiries""#),
        ),
        NOTE_FETCHES,
    );
    // The snippet pasted twice.
    let twice = with_first_script(
        &host.replace(snippet(&host), &format!("{0}\n{0}", snippet(&host))),
        NOTE_CONSOLE_ERRORS,
    );
    // The wasm refused, on a host whose server passes the plain form's posts on (and says
    // so), and on one whose server does not.
    let passed = without_wasm(&variant(
        &host,
        "/passed/",
        r#"data-hcnf-plain-form="true""#,
    ));
    let unpassed = without_wasm(&variant(&host, "/unpassed/", ""));
    write("demo/host.html", &host);
    write("demo/frame.html", &frame);
    let pages = [
        ("/hcnf/ja/symposia", write("prerendered.html", &prerendered)),
        ("/bare/", write("bare.html", &bare)),
        ("/managed/", write("managed.html", &managed)),
        ("/picked/", write("picked.html", &picked)),
        ("/refused/", write("refused.html", &refused)),
        ("/twice/", write("twice.html", &twice)),
        ("/passed/", write("passed.html", &passed)),
        ("/unpassed/", write("unpassed.html", &unpassed)),
    ];
    let config = write("config.json", &config.to_string());
    let server = e2e::start_demo_host(site_port, &demo_dir, &pages, Some(&config), &endpoint).await;
    let alone = e2e::start_site(alone_port, None).await;
    let (driver, browser) = e2e::start_browser().await;
    Demo {
        _procs: vec![api, server, alone, driver],
        dir,
        site,
        alone: format!("http://127.0.0.1:{alone_port}"),
        endpoint,
        browser,
    }
}

impl Demo {
    async fn goto(&self, url: &str) {
        self.browser.goto(url).await.unwrap();
    }

    async fn js(&self, script: &str) -> Value {
        self.browser.execute(script, vec![]).await.unwrap()
    }

    /// Waits for the app's `h1` to read `title`, and for the app to run: a prerendered
    /// page shows its heading before then.
    async fn heading_is(&self, title: &str) {
        wait_until(
            &self.browser,
            &format!(
                "{} return read(document.querySelector('#hcnf-app h1'));",
                e2e::READ_JS
            ),
            json!(title),
        )
        .await;
        e2e::started(&self.browser).await;
    }

    async fn path(&self) -> String {
        self.browser.current_url().await.unwrap().path().to_owned()
    }

    /// The strings in the list `script` returns.
    async fn strings(&self, script: &str) -> Vec<String> {
        let list = self.js(script).await;
        let list = list.as_array().expect("a list");
        list.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }

    /// The host page's title and `<html lang>`.
    async fn document(&self) -> Value {
        self.js("return [document.title, document.documentElement.lang];")
            .await
    }
}

/// The `<title>` of a page in the repository.
fn title_of(path: &str) -> String {
    let page = read(path);
    let title = page
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next());
    title.expect("a <title>").to_owned()
}

/// The host page's own title and language, as demo/host.html has them.
fn host_document() -> Value {
    json!([title_of("demo/host.html"), "ja"])
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn every_section_opens_under_the_base_and_the_host_keeps_its_title_and_lang() {
    let demo = demo().await;
    let ja = edition("ja");

    // The base path itself opens in the language the host page asked for.
    demo.goto(&format!("{}/hcnf/", demo.site)).await;
    demo.heading_is(&ja.pages.overview.head.title).await;
    assert_eq!(demo.path().await, "/hcnf/ja/");

    // Every section, in both languages, opened by its address as a deep link would.
    let locales = e2e::locales();
    for code in locales.iter().map(String::as_str) {
        let ed = edition(code);
        for page in PageId::ALL {
            let path = format!("/hcnf/{code}/{}", page.slug());
            demo.goto(&format!("{}{path}", demo.site)).await;
            demo.heading_is(&ed.pages.head(page).title).await;
            assert_eq!(
                demo.js("return document.getElementById('hcnf-app').lang;")
                    .await,
                json!(code),
                "{path}: the app's root carries its language"
            );
            assert_eq!(
                demo.js(r#"return document.querySelector('#hcnf-app nav [aria-current="page"], #hcnf-app footer [aria-current="page"]').getAttribute('href');"#)
                    .await,
                json!(path),
                "{path}: the navigation (or the footer) marks this section, under the base"
            );
            assert_eq!(demo.document().await, host_document(), "{path}");
        }
    }

    // On paper the footer gives the address the reader is at, the host's, also where it
    // is written with a trailing slash (the fragment was written for the address without).
    demo.goto(&format!("{}/hcnf/ja/symposia/", demo.site)).await;
    demo.heading_is(&ja.pages.symposia.head.title).await;
    wait_until(
        &demo.browser,
        "return document.querySelector('#hcnf-app .hcnf-footer__url').textContent;",
        json!(format!("{}/hcnf/ja/symposia/", demo.site)),
    )
    .await;

    // A reload stays on the section.
    demo.goto(&format!("{}/hcnf/ja/inquiry", demo.site)).await;
    demo.heading_is(&ja.pages.inquiry.head.title).await;
    demo.browser.refresh().await.unwrap();
    demo.heading_is(&ja.pages.inquiry.head.title).await;
    assert_eq!(demo.path().await, "/hcnf/ja/inquiry");

    // The language switch keeps the section; Back and Forward retrace it.
    let en = edition("en");
    click(&demo.browser, "#hcnf-app .hcnf-lang a[hreflang=en]").await;
    demo.heading_is(&en.pages.inquiry.head.title).await;
    assert_eq!(demo.path().await, "/hcnf/en/inquiry");
    assert_eq!(demo.document().await, host_document());
    demo.browser.back().await.unwrap();
    demo.heading_is(&ja.pages.inquiry.head.title).await;
    demo.browser.forward().await.unwrap();
    demo.heading_is(&en.pages.inquiry.head.title).await;
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_host_that_allows_it_gets_the_apps_title_and_lang() {
    let demo = demo().await;
    let en = edition("en");
    demo.goto(&format!("{}/managed/en/symposia", demo.site))
        .await;
    demo.heading_is(&en.pages.symposia.head.title).await;
    wait_until(
        &demo.browser,
        "return [document.title, document.documentElement.lang];",
        json!([en.ui.document_title(&en.pages.symposia.head.title), "en"]),
    )
    .await;
    demo.browser.close().await.unwrap();
}

/// The host's links are the browser's to follow, not the app router's: page loads, places on
/// the page, and the host's own scripts that handle a click.
#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_hosts_own_links_still_lead_to_the_hosts_pages() {
    let demo = demo().await;
    let ja = edition("ja");
    demo.goto(&format!("{}/hcnf/ja/", demo.site)).await;
    demo.heading_is(&ja.pages.overview.head.title).await;
    let mark = "window.stillTheSamePage = true; return true;";
    let same_page = "return window.stillTheSamePage === true;";
    demo.js(mark).await;

    // A host script that handles its link's click keeps the page where it is, and a
    // listener the host adds on the window after the app started still hears it.
    demo.js(
        "window.hostClicks = 0; addEventListener('click', () => window.hostClicks++); return true;",
    )
    .await;
    click(&demo.browser, "#tmp_menu").await;
    wait_until(
        &demo.browser,
        "return document.getElementById('tmp_menu').getAttribute('aria-expanded');",
        json!("true"),
    )
    .await;
    assert_eq!(demo.path().await, "/hcnf/ja/");
    assert_eq!(demo.js(same_page).await, json!(true));
    assert_eq!(demo.js("return window.hostClicks;").await, json!(1));

    // A place on the page: the browser's own fragment navigation, the app where it was.
    click(&demo.browser, "#tmp_pagetop").await;
    wait_until(
        &demo.browser,
        "const t = document.querySelector(':target'); return t && t.id;",
        json!("tmp_header"),
    )
    .await;
    assert_eq!(demo.path().await, "/hcnf/ja/");
    demo.heading_is(&ja.pages.overview.head.title).await;
    assert_eq!(demo.js(same_page).await, json!(true));

    // A link of the host's into the app's section: an ordinary page load that lands there.
    click(&demo.browser, r#"#tmp_gnavi a[href="/hcnf/ja/symposia"]"#).await;
    demo.heading_is(&ja.pages.symposia.head.title).await;
    assert_eq!(demo.js(same_page).await, json!(false));

    // A path that merely starts like the base: the host's page.
    demo.js(mark).await;
    click(&demo.browser, "#tmp_news_link").await;
    assert_eq!(text(&demo.browser, "#tmp_news_title").await, "お知らせ一覧");
    assert_eq!(demo.path().await, "/hcnf-news/");
    assert_eq!(demo.js(same_page).await, json!(false));

    // Back into the app, and the host's home link goes home.
    demo.browser.back().await.unwrap();
    demo.heading_is(&ja.pages.symposia.head.title).await;
    click(&demo.browser, "#tmp_logo a").await;
    wait_until(&demo.browser, "return location.pathname;", json!("/")).await;
    demo.browser.close().await.unwrap();
}

/// Computed styles that do not depend on the width of the column the app sits in, nor on
/// whether the app fills the window (alone, its root is a flex column).
const PROPERTIES: &str = r#"["display", "position", "float", "box-sizing", "color",
  "background-color", "background-image", "font-family", "font-size", "font-weight",
  "font-style", "line-height", "letter-spacing", "word-spacing", "text-transform",
  "text-indent", "text-align", "text-decoration-line", "text-decoration-style",
  "text-underline-offset", "white-space", "list-style-type", "margin-top", "margin-bottom",
  "padding-top", "padding-right", "padding-bottom", "padding-left", "border-top-width",
  "border-right-width", "border-bottom-width", "border-left-width", "border-top-style",
  "border-left-style", "border-top-color", "border-left-color", "border-top-left-radius",
  "outline-style", "opacity", "visibility", "cursor", "vertical-align", "max-width",
  "flex-direction", "flex-wrap", "align-items", "justify-content",
  "row-gap", "column-gap"]"#;

/// `[[what, [value, …]], …]` for every element `selector` matches, in document order.
async fn styles(demo: &Demo, selector: &str, extra: &str) -> Vec<Value> {
    let script = format!(
        r##"// A scrollbar either way, so a longer page does not narrow the host's elements.
        document.documentElement.style.overflowY = "scroll";
        const props = {PROPERTIES}.concat({extra});
        const skip = new Set(document.querySelectorAll(
          '[data-hcnf-app], [data-hcnf-app] *, link[href*="hcnf"], script[src*="hcnf"]'));
        return [...document.querySelectorAll({selector:?})]
          .filter(e => {selector:?} !== "body *" || !skip.has(e))
          .map(e => {{
            const cs = getComputedStyle(e);
            const marker = getComputedStyle(e, "::marker");
            const selection = getComputedStyle(e, "::selection");
            return [e.tagName.replace(/^(MAIN|DIV)$/, "MAIN|DIV") + "#" + e.id + "." + e.className,
                    props.map(p => p + ": " + cs.getPropertyValue(p))
                      .concat(["color", "content"].map(p => "::marker " + p + ": " + marker.getPropertyValue(p)))
                      .concat(["color", "background-color"].map(p => "::selection " + p + ": " + selection.getPropertyValue(p)))];
          }});"##
    );
    let found = demo.js(&script).await;
    found.as_array().cloned().unwrap_or_default()
}

fn first_difference(what: &str, before: &[Value], after: &[Value]) -> Option<String> {
    if before.len() != after.len() {
        return Some(format!(
            "{what}: {} elements, then {}",
            before.len(),
            after.len()
        ));
    }
    for (b, a) in before.iter().zip(after) {
        if b[0] != a[0] {
            return Some(format!("{what}: {} where {} was", a[0], b[0]));
        }
        let pairs = b[1]
            .as_array()
            .unwrap()
            .iter()
            .zip(a[1].as_array().unwrap());
        for (bv, av) in pairs {
            if bv != av {
                return Some(format!("{what}: {} has {av}, not {bv}", a[0]));
            }
        }
    }
    None
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_host_looks_the_same_with_the_app_and_the_app_the_same_as_alone() {
    let demo = demo().await;
    // The host page before the app, then with it: every element of its own, its widths too.
    demo.goto(&format!("{}/bare/", demo.site)).await;
    find(&demo.browser, "#tmp_title").await;
    let host_before = styles(&demo, "body *", r#"["width"]"#).await;
    assert!(host_before.len() > 20, "the host page has its elements");

    for (code, page) in [
        ("en", PageId::Inquiry),
        ("ja", PageId::Overview),
        ("ja", PageId::Symposia),
    ] {
        let ed = edition(code);
        let title = &ed.pages.head(page).title;
        let path = format!("/{code}/{}", page.slug());

        demo.goto(&format!("{}/hcnf{path}", demo.site)).await;
        demo.heading_is(title).await;
        let host_after = styles(&demo, "body *", r#"["width"]"#).await;
        if let Some(diff) = first_difference("host", &host_before, &host_after) {
            panic!("with the app at {path}, the host page changed: {diff}");
        }
        let embedded = styles(&demo, "#hcnf-app *", "[]").await;
        assert_eq!(
            demo.js("return document.querySelectorAll('main, [role=main]').length;")
                .await,
            json!(1),
            "{path}: the host's <main> stays the only one"
        );

        demo.goto(&format!("{}{path}", demo.alone)).await;
        demo.heading_is(title).await;
        let alone = styles(&demo, "#hcnf-app *", "[]").await;
        assert_eq!(
            demo.js("return document.querySelector('main').id;").await,
            json!("hcnf-main"),
            "{path}: alone, the app's content is the page's <main>"
        );
        assert!(alone.len() > 30, "{path}: the app has its elements");
        if let Some(diff) = first_difference("app", &alone, &embedded) {
            panic!("at {path}, the embedded app differs from the app alone: {diff}");
        }
    }
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_shipped_snippet_posts_to_the_endpoint_config_json_names() {
    let demo = demo().await;
    demo.goto(&format!("{}/hcnf/ja/inquiry", demo.site)).await;
    e2e::find(&demo.browser, "form[data-hcnf-live]").await;
    assert!(!demo.shown(".hcnf-needs-app").await);
    e2e::fill_form(&demo.browser).await;
    e2e::send(&demo.browser).await;
    assert!(e2e::reference(&demo.browser).await.starts_with("HCNF-"));
    assert_eq!(e2e::stored(&demo.endpoint).await, 1);
    assert_eq!(demo.document().await, host_document());
    demo.browser.close().await.unwrap();
}

impl Demo {
    /// Opens `path`, a page with the form under a policy that refuses the wasm, and waits
    /// until the fragment is in and the page says the form's wasm could not start.
    async fn open_refused(&self, path: &str) {
        self.goto(&format!("{}{path}", self.site)).await;
        find(
            &self.browser,
            "[data-hcnf-app][data-hcnf-links] form.hcnf-form",
        )
        .await;
        wait_until(
            &self.browser,
            "return (window.consoleErrors || []).some((e) => e.includes('could not start'));",
            json!(true),
        )
        .await;
        assert_eq!(
            self.js("return !!document.querySelector('form[data-hcnf-live]');")
                .await,
            json!(false),
            "the app never ran the form"
        );
    }

    /// Whether the first element matching `selector` is shown.
    async fn shown(&self, selector: &str) -> bool {
        find(&self.browser, selector)
            .await
            .is_displayed()
            .await
            .unwrap()
    }
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn with_the_wasm_refused_the_embedded_form_sends_through_the_hosts_server_and_leads_back() {
    let demo = demo().await;
    for (n, code) in e2e::locales().iter().map(String::as_str).enumerate() {
        let ed = edition(code);
        let inquiry = &ed.pages.inquiry;
        demo.open_refused(&format!("/passed/{code}/inquiry")).await;
        // The fragment's form, aimed at the host's own address, with "Continue".
        assert_eq!(
            demo.js("return document.querySelector('form.hcnf-form').getAttribute('action');")
                .await,
            json!(format!("/passed/{code}/inquiry/answers")),
            "{code}"
        );
        assert!(!demo.shown(".hcnf-needs-app").await, "{code}");
        // Continue with nothing typed: the problems, at the host's address.
        click(&demo.browser, "form.hcnf-form button[value='continue']").await;
        find(&demo.browser, "#hcnf-inquiry-error-summary").await;
        assert_eq!(demo.path().await, format!("/passed/{code}/inquiry/answers"));
        let title = demo.browser.title().await.unwrap();
        assert!(
            title.starts_with(&*inquiry.form.error_prefix),
            "{code}: {title}"
        );
        // Every link of the answer page leads back to the host's pages.
        let links = demo
            .strings("return [...document.querySelectorAll('a[href^=\"/\"]')].map((a) => a.getAttribute('href'));")
            .await;
        assert!(
            !links.is_empty() && links.iter().all(|l| l.starts_with("/passed/")),
            "{links:?}"
        );
        e2e::fill_form(&demo.browser).await;
        click(&demo.browser, "button[value='send']").await;
        let reference = e2e::reference(&demo.browser).await;
        assert_eq!(reference, format!("HCNF-{:06}", n + 1), "{code}");
        assert_eq!(demo.path().await, format!("/passed/{code}/inquiry/sent"));
        let rows = e2e::stored_rows(demo.dir.path());
        assert_eq!(rows.len(), n + 1, "{code}");
        assert_eq!(
            [rows[n].locale.as_str(), rows[n].message.as_str()],
            [code, "次回の講座の日程を教えてください。"]
        );
        // From the confirmation, the edition's home: the host page, with the app in it.
        click(
            &demo.browser,
            &format!("#hcnf-app .hcnf-nav a[href='/passed/{code}/']"),
        )
        .await;
        demo.heading_is(&ed.pages.head(PageId::Overview).title)
            .await;
        assert_eq!(demo.path().await, format!("/passed/{code}/"));
        assert_eq!(demo.document().await, host_document(), "{code}");
    }
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn with_the_wasm_refused_on_a_host_that_does_not_pass_posts_on_the_form_gives_the_telephone()
{
    let demo = demo().await;
    let ja = edition("ja");
    demo.open_refused("/unpassed/ja/inquiry").await;
    // The telephone and fax where "Continue" was.
    assert!(demo.shown(".hcnf-needs-app").await);
    let notice = e2e::text(&demo.browser, ".hcnf-needs-app").await;
    assert!(
        notice.contains(&*ja.pages.inquiry.unavailable.heading)
            && notice.contains(&*ja.contact.tel.display)
            && notice.contains(&*ja.contact.fax.display),
        "{notice}"
    );
    assert!(!demo.shown("form.hcnf-form button[value='continue']").await);
    // Enter in a field posts nothing anywhere, and what was typed stays.
    let name = find(&demo.browser, "#hcnf-inquiry-name").await;
    name.send_keys("山田 太郎\u{E007}").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(demo.path().await, "/unpassed/ja/inquiry");
    assert_eq!(
        name.prop("value").await.unwrap().as_deref(),
        Some("山田 太郎")
    );
    assert_eq!(e2e::stored(&demo.endpoint).await, 0);
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_attribute_picks_an_endpoint_among_those_config_json_allows() {
    let demo = demo().await;
    demo.goto(&format!("{}/picked/ja/inquiry", demo.site)).await;
    e2e::fill_form(&demo.browser).await;
    e2e::send(&demo.browser).await;
    assert!(e2e::reference(&demo.browser).await.starts_with("HCNF-"));
    assert_eq!(e2e::stored(&demo.endpoint).await, 1);
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn an_attribute_naming_another_origin_leaves_the_form_unavailable_and_sends_nothing() {
    let demo = demo().await;
    let ja = edition("ja");
    demo.goto(&format!("{}/refused/ja/inquiry", demo.site))
        .await;
    demo.heading_is(&ja.pages.inquiry.head.title).await;
    wait_until(
        &demo.browser,
        &format!(
            "{} const n = document.querySelector(\".hcnf-notice[role='alert']\"); \
             return !!n && read(n).includes({:?}) \
               && document.querySelector('.hcnf-form fieldset').disabled;",
            e2e::READ_JS,
            ja.pages.inquiry.unavailable.heading
        ),
        json!(true),
    )
    .await;
    // The app read config.json and its own pages, and sent nothing anywhere.
    let fetched = demo.strings("return window.fetched;").await;
    assert!(
        fetched.iter().any(|u| u.ends_with("/hcnf-app/config.json"))
            && fetched.iter().all(|u| u.ends_with(".wasm")
                || u.ends_with("/hcnf-app/config.json")
                || u.contains("/hcnf-app/fragments/")),
        "{fetched:?}"
    );
    assert_eq!(e2e::stored(&demo.endpoint).await, 0);
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn two_snippets_on_a_page_start_no_app_and_the_console_says_why() {
    let demo = demo().await;
    demo.goto(&format!("{}/twice/ja/", demo.site)).await;
    wait_until(
        &demo.browser,
        "return window.consoleErrors.some(e => e.includes('2 elements with data-hcnf-app'));",
        json!(true),
    )
    .await;
    assert_eq!(
        demo.js(
            "return [document.querySelectorAll('[data-hcnf-app]').length, \
                     document.querySelectorAll('[data-hcnf-started], #hcnf-app').length, \
                     document.querySelectorAll('[data-hcnf-app] > p').length];"
        )
        .await,
        json!([2, 0, 2]),
        "both elements keep their fallback, and neither holds the app"
    );
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_iframe_embedding_grows_its_frame_to_fit_the_app() {
    let demo = demo().await;
    let ja = edition("ja");
    demo.goto(&format!("{}/iframe/", demo.site)).await;
    wait_until(
        &demo.browser,
        "const d = document.getElementById('hcnf-frame').contentDocument;
         const h = d && d.querySelector('#hcnf-app h1'); return h && h.textContent;",
        json!(ja.pages.overview.head.title),
    )
    .await;
    // The frame is as tall as the app inside it, so the host page scrolls as one.
    wait_until(
        &demo.browser,
        "const f = document.getElementById('hcnf-frame');
         const app = f.contentDocument.querySelector('[data-hcnf-app]');
         return f.getBoundingClientRect().height === app.scrollHeight && app.scrollHeight > 1000;",
        json!(true),
    )
    .await;
    // The app posted its height to the framing page's origin, never to any page.
    let posted = demo.js("return window.posted;").await;
    let posted = posted.as_array().unwrap();
    assert!(
        !posted.is_empty() && posted.iter().all(|t| *t == json!(demo.site)),
        "{posted:?}"
    );
    // The framed page has no <main> of its own: the app's main region is its main landmark.
    assert_eq!(
        demo.js(
            "const d = document.getElementById('hcnf-frame').contentDocument;
             return [...d.querySelectorAll('main, [role=main]')].map((m) => m.id);"
        )
        .await,
        json!(["hcnf-main"])
    );
    // The framed page is the app's own document; the host's title is untouched.
    assert_eq!(
        demo.js(
            "return document.getElementById('hcnf-frame').contentDocument.documentElement.lang;"
        )
        .await,
        json!("ja")
    );
    assert_eq!(
        demo.js("return document.title;").await,
        json!(title_of("demo/iframe.html"))
    );
    demo.browser.close().await.unwrap();
}

/// The iframe host page, once the frame has grown to fit the app.
async fn framed(demo: &Demo, path: &str) {
    demo.goto(&format!("{}/iframe/", demo.site)).await;
    demo.js(&format!(
        "const f = document.getElementById('hcnf-frame');
         if (new URL(f.src).pathname !== {path:?}) f.src = {path:?};
         return true;"
    ))
    .await;
    wait_until(
        &demo.browser,
        &format!(
            "const f = document.getElementById('hcnf-frame');
             const d = f.contentDocument;
             const app = d && d.querySelector('[data-hcnf-app][data-hcnf-started]');
             return !!app && d.location.pathname === {path:?}
               && f.getBoundingClientRect().height === app.scrollHeight;"
        ),
        json!(true),
    )
    .await;
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn the_iframe_host_heeds_only_its_frame_its_origin_and_sane_heights() {
    let demo = demo().await;
    framed(&demo, "/hcnf-frame/ja/").await;
    // Messages as another window or origin could post them, or with heights no page has:
    // the frame keeps its size.
    let unmoved = demo
        .js(r#"const f = document.getElementById('hcnf-frame');
           const before = f.style.height;
           const origin = location.origin;
           const height = (h) => ({ type: "hcnf:height", height: h });
           const post = (init) => dispatchEvent(new MessageEvent("message", init));
           post({ origin: "http://evil.example", source: f.contentWindow, data: height(7) });
           post({ origin: "null", source: f.contentWindow, data: height(7) });
           post({ origin, source: window, data: height(7) });
           post({ origin, source: null, data: height(7) });
           for (const h of [1e9, 100001, -5, NaN, Infinity, "7", null, [7]]) {
             post({ origin, source: f.contentWindow, data: height(h) });
           }
           post({ origin, source: f.contentWindow, data: { type: "other", height: 7 } });
           post({ origin, source: f.contentWindow, data: "hcnf:height 7" });
           return [before !== "", f.style.height === before];"#)
        .await;
    assert_eq!(unmoved, json!([true, true]));
    // The same checks let the frame's own message through.
    assert_eq!(
        demo.js(r#"const f = document.getElementById('hcnf-frame');
               dispatchEvent(new MessageEvent("message", { origin: location.origin,
                 source: f.contentWindow, data: { type: "hcnf:height", height: 1234.5 } }));
               return f.style.height;"#)
            .await,
        json!("1235px")
    );
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_link_to_another_site_in_the_frame_opens_in_the_whole_window() {
    let demo = demo().await;
    framed(&demo, "/hcnf-frame/ja/contact").await;
    // A link of the page made to lead to another site: the app alone on `localhost`,
    // another origin that answers. (No link of the shipped content leaves the site.)
    let elsewhere = format!("{}/ja/", demo.alone.replace("127.0.0.1", "localhost"));
    demo.js(&format!(
        "const d = document.getElementById('hcnf-frame').contentDocument;
         const a = d.querySelector('#hcnf-main a');
         a.id = 'elsewhere'; a.href = {elsewhere:?}; return true;"
    ))
    .await;
    let window = demo.browser.window().await.unwrap();
    find(&demo.browser, "#hcnf-frame")
        .await
        .enter_frame()
        .await
        .unwrap();
    click(&demo.browser, "#elsewhere").await;
    demo.browser.switch_to_window(window).await.unwrap();
    wait_until(&demo.browser, "return location.href;", json!(elsewhere)).await;
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/ and a WebDriver; run by scripts/test.sh"]
async fn a_host_page_that_includes_the_prerendered_fragment_is_taken_over_in_place() {
    let demo = demo().await;
    let ja = edition("ja");
    demo.goto(&format!("{}/hcnf/ja/symposia", demo.site)).await;
    demo.heading_is(&ja.pages.head(PageId::Symposia).title)
        .await;
    // One app, one heading, the host's <main> the only one: taken over, not drawn again.
    assert_eq!(
        demo.js("return [document.querySelectorAll('#hcnf-app').length, \
             document.querySelectorAll('#hcnf-app h1').length, \
             document.querySelectorAll('main, [role=main]').length];")
            .await,
        json!([1, 1, 1])
    );
    assert_eq!(demo.document().await, host_document());
    // The app's links are live: the next section opens without a page load.
    demo.js("window.stillTheSamePage = true; return true;")
        .await;
    click(&demo.browser, "#hcnf-app .hcnf-nav a[href='/hcnf/ja/']").await;
    demo.heading_is(&ja.pages.head(PageId::Overview).title)
        .await;
    assert_eq!(demo.path().await, "/hcnf/ja/");
    assert_eq!(
        demo.js("return window.stillTheSamePage === true;").await,
        json!(true)
    );
    demo.browser.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs dist/, a WebDriver and axe-core; run by scripts/test.sh"]
async fn every_embedded_page_passes_axe_with_the_host_page_around_it() {
    let demo = demo().await;
    let locales = e2e::locales();
    let (mut checked, mut found) = (0, Vec::new());
    for code in locales.iter().map(String::as_str) {
        let ed = edition(code);
        for page in PageId::ALL {
            let path = format!("/hcnf/{code}/{}", page.slug());
            demo.goto(&format!("{}{path}", demo.site)).await;
            demo.heading_is(&ed.pages.head(page).title).await;
            // Embedded too, the app writes no error to the console (in Chromium, which
            // lets a test read it).
            if let Some(errors) = e2e::console_errors(&demo.browser).await {
                assert_eq!(errors, Vec::<String>::new(), "{path}: console errors");
            }
            let violations = e2e::axe_violations(&demo.browser).await;
            found.extend(violations.into_iter().map(|v| format!("{path}: {v}")));
            checked += 1;
        }
    }
    let axe = Some(e2e::tool_version("axe-core"));
    e2e::record(&demo.browser, Check::AxeEmbedded, axe, checked, found.len()).await;
    assert!(found.is_empty(), "{}", found.join("\n"));
    demo.browser.close().await.unwrap();
}
