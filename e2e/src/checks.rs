//! The checkers run over the pages: axe-core and HTML_CodeSniffer in the browser, and
//! the Nu HTML Checker over documents.

use std::process::Command;

use fantoccini::Client;
use serde_json::{json, Value};

use crate::root;

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
