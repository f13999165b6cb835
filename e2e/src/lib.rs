//! What the end-to-end tests share: helper processes on loopback (the endpoint, nginx for
//! the site and for the demo host, a WebDriver) that end with the test, and a browser
//! session with waits that say what the page showed when they give up.
#![allow(dead_code)] // Each test file uses its own part.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hcnf_content::{parse_edition, Browser, Check, CheckRun, Day, Edition};
use serde_json::{json, Value};

#[path = "../launch/mod.rs"]
mod launch;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release build the tests drive.
pub fn dist() -> PathBuf {
    let dist = root().join("dist");
    assert!(
        dist.join("404.html").exists() && dist.join("hcnf.js").exists(),
        "build the site first: scripts/build.sh"
    );
    dist
}

/// The codes of the editions the site publishes, from the content files (`en`, `ja`, …).
pub fn locales() -> Vec<String> {
    hcnf_content::read_content_dir(&root().join("content"))
        .expect("content/ is readable")
        .into_iter()
        .map(|f| f.locale)
        .collect()
}

/// The edition `code` as a reader reads it: every text without the readings a
/// plain-Japanese edition gives its kanji (they show as ruby, above the line).
pub fn edition(code: &str) -> Edition {
    fn read(v: &mut Value) {
        match v {
            Value::String(s) => *s = hcnf_content::ruby::plain(s).into_owned(),
            Value::Array(items) => items.iter_mut().for_each(read),
            Value::Object(map) => map.values_mut().for_each(read),
            _ => {}
        }
    }
    let json = std::fs::read_to_string(root().join(format!("content/{code}.json"))).unwrap();
    let mut tree: Value = serde_json::from_str(&json).unwrap();
    read(&mut tree);
    parse_edition(code, code, &tree.to_string()).unwrap()
}

/// A script function, `read(element)`: the element's text without the readings over its
/// kanji (`<rt>`), as [`edition`] gives the words.
pub const READ_JS: &str = "const read = e => { if (!e) return e; const c = e.cloneNode(true); \
    c.querySelectorAll('rt').forEach(r => r.remove()); return c.textContent; };";

/// The lowest port [`free_port`] gives, when the system's range leaves room below it.
pub const FREE_PORTS_FROM: u16 = 20_000;

/// A loopback port for a helper that cannot report the port it binds (nginx, a WebDriver):
/// free now, and below the range the system hands out for port 0 and for outgoing
/// connections. A port from that range can be taken again before the helper binds it (by
/// the endpoint, which binds port 0, or by a browser's connections): two picks in a row
/// gave the same port once in about 4,000 tries here, and a race of that kind sent one load
/// test's requests to the other's server. Below the range these picks compete only with
/// programs that bind fixed ports, and they never give the same port twice in one process.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    // The system's range for port 0, from its setting; Linux's default begins at 32768.
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    if ephemeral_low <= FREE_PORTS_FROM + 1_000 {
        // No room below the range: the system's pick, as before.
        return TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
    }
    let span = ephemeral_low - FREE_PORTS_FROM;
    // Each test process starts at its own place, so processes run side by side (another
    // suite, a second checkout) seldom probe the same ports.
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let start = std::process::id() % u32::from(span);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        assert!(n < span, "no free loopback port below {ephemeral_low}");
        // In u32: the sum may pass u16's end when the range begins high.
        let port = FREE_PORTS_FROM + ((start + u32::from(n)) % u32::from(span)) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// A child process ended when the test ends, pass or fail.
pub struct Proc(Child);

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

pub async fn wait_for_port(port: u16) {
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

/// The endpoint, storing in `dir`, accepting `origins`, with the test-only fault routes.
/// Returns its process and its base URL.
pub async fn start_endpoint(dir: &Path, origins: &[&str]) -> (Proc, String) {
    start_endpoint_with(dir, origins, &[]).await
}

/// As [`start_endpoint`], with `extra` flags (mail settings, say).
pub async fn start_endpoint_with(dir: &Path, origins: &[&str], extra: &[&str]) -> (Proc, String) {
    // Without the feature the binary refuses --test-faults and nothing would ever listen.
    if !cfg!(feature = "test-faults") {
        panic!(
            "the end-to-end tests need the endpoint's fault injection: \
             cargo test -p hcnf-endpoint --features test-faults"
        );
    }
    // The built site, for the plain form's answer pages, behind nginx on this machine.
    let site = dist();
    let mut flags = vec![
        "--test-faults",
        "--fault-delay-ms",
        "2500",
        "--trust-proxy",
        "127.0.0.1",
        "--site",
        site.to_str().unwrap(),
    ];
    for origin in origins {
        flags.extend(["--allow-origin", origin]);
    }
    flags.extend(extra);
    let (child, addr) = launch::endpoint(&dir.join("inquiries.sqlite3"), &flags);
    (Proc(child), format!("http://{addr}"))
}

/// The prerendered build behind nginx with the site's production rules
/// (`scripts/nginx.sh`), on `port`; `config` replaces the build's `config.json`. The plain
/// form's posts go to no endpoint (nginx answers them 502).
pub async fn start_site(port: u16, config: Option<&Path>) -> Proc {
    start_site_from(port, &dist(), config, None).await
}

/// As [`start_site`], passing the plain form's posts to the endpoint at `endpoint` (its
/// base URL, as [`start_endpoint`] gives it).
pub async fn start_site_for(port: u16, config: Option<&Path>, endpoint: &str) -> Proc {
    start_site_from(port, &dist(), config, Some(endpoint)).await
}

/// As [`start_site`], serving the build in `dist`.
pub async fn start_site_from(
    port: u16,
    dist: &Path,
    config: Option<&Path>,
    endpoint: Option<&str>,
) -> Proc {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/nginx.sh"))
        .args(["--port", &port.to_string()])
        .arg("--dist")
        .arg(dist);
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    // Nothing listens on port 9 of this machine: a post there fails at once.
    let upstream = endpoint.map_or("127.0.0.1:9", |e| e.trim_start_matches("http://"));
    cmd.args(["--endpoint", upstream]);
    let proc = spawn(&mut cmd);
    wait_for_port(port).await;
    proc
}

/// The demo host (`scripts/demo_host.sh`) on `port`: nginx serving the pages in `demo` as a
/// host site, the release build under `/hcnf-app/`, and each of `pages` for every path
/// under its prefix; `config` replaces the build's `config.json`. The plain form's posts
/// under each prefix go to the endpoint at `endpoint` (its base URL, as [`start_endpoint`]
/// gives it).
pub async fn start_demo_host(
    port: u16,
    demo: &Path,
    pages: &[(&str, PathBuf)],
    config: Option<&Path>,
    endpoint: &str,
) -> Proc {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/demo_host.sh"))
        .args(["--port", &port.to_string()])
        .arg("--dist")
        .arg(dist())
        .arg("--demo")
        .arg(demo);
    for (prefix, page) in pages {
        cmd.arg("--page")
            .arg(format!("{prefix}={}", page.display()));
    }
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    cmd.args(["--endpoint", endpoint.trim_start_matches("http://")]);
    let proc = spawn(&mut cmd);
    wait_for_port(port).await;
    proc
}

/// The inquiries the endpoint storing in `dir` ([`start_endpoint`]) has stored, as the
/// office's export reads them.
pub fn stored_rows(dir: &Path) -> Vec<hcnf_endpoint::Record> {
    hcnf_endpoint::Store::open_existing(&dir.join("inquiries.sqlite3"))
        .unwrap()
        .received_since("")
        .unwrap()
}

/// How many inquiries the endpoint has stored.
pub async fn stored(endpoint: &str) -> u64 {
    reqwest::get(format!("{endpoint}/_test/count"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

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

/// The WCAG conformance levels axe checks: 2.0, 2.1 and 2.2, A and AA (JIS X 8341-3:2016
/// is WCAG 2.0 AA; the site holds itself to 2.2 AA).
const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Runs axe-core (the pinned copy under tools/) on the page as it stands and returns each
/// violation as `rule: help (first elements)`; empty when the page passes.
pub async fn axe_violations(browser: &Client) -> Vec<String> {
    let source = root().join("tools/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/setup.sh", source.display()));
    browser
        .execute(&format!("{source}\nreturn typeof axe;"), vec![])
        .await
        .expect("axe-core loads into the page");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
          .then(r => done(r.violations.map(v =>
            `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')})`)))
          .catch(e => done([`axe failed: ${e}`]));
    "#;
    let found = browser
        .execute_async(script, vec![json!(AXE_TAGS)])
        .await
        .expect("axe-core runs");
    serde_json::from_value(found).expect("a list of violations")
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

/// Valid CSS the checker's CSS parser does not know yet (Baseline in Chromium and Firefox):
/// registered custom properties and container queries. Reported as errors all the same.
pub const CHECKER_CSS_GAPS: [&str; 3] = [
    "Unrecognized at-rule “@property”",
    "Property “container-type” doesn't exist",
    "Unrecognized at-rule “@container”",
];

/// One message of the Nu HTML Checker, about one of the documents it was given.
pub struct NuMessage {
    /// `error` or `info` (with `sub_type` `warning` for a warning).
    pub kind: String,
    pub sub_type: String,
    pub message: String,
    /// `name: line N: message`, the document named as the caller named it.
    pub line: String,
}

impl NuMessage {
    /// Whether this is a CSS feature the checker does not know ([`CHECKER_CSS_GAPS`]).
    pub fn is_css_gap(&self) -> bool {
        CHECKER_CSS_GAPS
            .iter()
            .any(|gap| self.message.contains(gap))
    }
}

/// The Nu HTML Checker (the pinned vnu.jar under tools/, on Java), once over all of
/// `pages` (a name and its HTML each): the Java machine takes seconds to start, the
/// checking itself little. Every message, or only errors when `errors_only`.
pub fn nu_messages(
    pages: &[(impl AsRef<str>, impl AsRef<str>)],
    errors_only: bool,
) -> Vec<NuMessage> {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, (_, html)) in pages.iter().enumerate() {
        let file = dir.path().join(format!("{i}.html"));
        std::fs::write(&file, html.as_ref()).unwrap();
        files.push(file);
    }
    let jar = root().join("tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "{} is missing; run scripts/setup.sh",
        jar.display()
    );
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--exit-zero-always"])
        .args(errors_only.then_some("--errors-only"))
        .args(&files)
        .output()
        .expect("java runs the Nu HTML Checker");
    // The checker reports on stderr.
    let report: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let text = |m: &Value, key: &str| m[key].as_str().unwrap_or_default().to_owned();
    report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let url = m["url"].as_str().unwrap_or_default();
            let name = url
                .rsplit('/')
                .next()
                .and_then(|f| f.strip_suffix(".html")?.parse::<usize>().ok())
                .and_then(|i| pages.get(i))
                .map_or(url, |(name, _)| name.as_ref());
            let message = text(m, "message");
            NuMessage {
                kind: text(m, "type"),
                sub_type: text(m, "subType"),
                line: format!("{name}: line {}: {message}", m["lastLine"]),
                message,
            }
        })
        .collect()
}

/// The Nu HTML Checker over `pages` (a name and its HTML each): every error, as
/// `name: line: message`; empty when all are valid.
pub fn html_errors(pages: &[(String, String)]) -> Vec<String> {
    nu_messages(pages, true)
        .into_iter()
        .filter(|m| m.kind == "error" && !m.is_css_gap())
        .map(|m| m.line)
        .collect()
}

/// HTML_CodeSniffer's WCAG 2 AA run (the pinned copy under tools/) on the page as it
/// stands: every error, as `code: message (element)`; empty when there are none.
pub async fn codesniffer_errors(browser: &Client) -> Vec<String> {
    let source = root().join("tools/node_modules/html_codesniffer/build/HTMLCS.js");
    let source = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/setup.sh", source.display()));
    // Loaded and run in one script: its `var HTMLCS` would not outlive a script of its own.
    let run = r#"
        const done = arguments[arguments.length - 1];
        HTMLCS.process('WCAG2AA', document, () => done(HTMLCS.getMessages()
          .filter(m => m.type === HTMLCS.ERROR)
          .map(m => `${m.code}: ${m.msg} (${m.element && m.element.outerHTML
            ? m.element.outerHTML.slice(0, 80) : m.element})`)));
    "#;
    let found = browser
        .execute_async(&format!("{source}\n{run}"), vec![])
        .await
        .expect("HTML_CodeSniffer runs");
    serde_json::from_value(found).expect("a list of errors")
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

/// The version of the npm tool `package` pinned under tools/ (`4.14.1`).
pub fn tool_version(package: &str) -> String {
    let file = root().join(format!("tools/node_modules/{package}/package.json"));
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e}; run scripts/setup.sh", file.display())),
    )
    .expect("a package.json");
    json["version"].as_str().expect("a version").to_owned()
}

/// Where the suite files its results as it runs; `scripts/test.sh` moves them to
/// `content/audit/` for the accessibility page once every suite has passed.
pub fn audit_dir() -> PathBuf {
    root().join("target/audit")
}

/// Files what `check` found in this browser: how many pages or states it `covered` and how
/// many `problems` it found, with the version of the `tool` behind it.
pub async fn record(
    browser: &Client,
    check: Check,
    tool: Option<String>,
    covered: usize,
    problems: usize,
) {
    let agent = browser
        .execute("return navigator.userAgent;", vec![])
        .await
        .unwrap();
    let agent = agent.as_str().unwrap_or_default();
    let kind = browser_kind();
    let product = match kind {
        Browser::Chromium => "Chrome/",
        Browser::Firefox => "Firefox/",
    };
    let version = agent
        .split_once(product)
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no {product} in the user agent {agent:?}"));
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let run = CheckRun {
        check,
        browser: kind,
        browser_version: version.to_owned().into(),
        tool_version: tool.map(Into::into),
        day: Day::from_unix_days(i64::try_from(seconds / 86_400).unwrap()),
        covered: u32::try_from(covered).unwrap(),
        problems: u32::try_from(problems).unwrap(),
    };
    let dir = audit_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let json = serde_json::to_string_pretty(&run).unwrap() + "\n";
    std::fs::write(dir.join(run.file_name()), json).unwrap();
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
