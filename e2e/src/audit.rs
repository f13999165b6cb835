//! What each accessibility check covered and found, filed for the accessibility page.

use std::path::PathBuf;

use fantoccini::Client;
use hcnf_content::{Browser, Check, CheckRun, Day};
use serde_json::Value;

use crate::browser::browser_kind;
use crate::root;

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
