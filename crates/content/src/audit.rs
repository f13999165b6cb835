//! What the accessibility suite found the last time it ran, for the accessibility page.
//!
//! The end-to-end suite writes one record per check and browser as it runs; the test
//! command files them under `content/audit/` once every suite has passed, and the build
//! bakes them into the page. The page's results are therefore the suite's own output, never
//! figures somebody typed.

use serde::{Deserialize, Serialize};

use crate::Day;

/// A check the suite runs, each over its own set of pages or form states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Check {
    /// axe-core on every page of every edition.
    AxePages,
    /// axe-core on the inquiry form in each of its states.
    AxeFormStates,
    /// axe-core on every page as a host page embeds the app.
    AxeEmbedded,
    /// The Nu HTML Checker on the DOM of every page and form state.
    NuHtmlChecker,
    /// HTML_CodeSniffer's WCAG 2 AA run on every page and form state.
    HtmlCodeSniffer,
    /// The inquiry sent with the keyboard alone, focus visible at each step.
    Keyboard,
    /// Every page on a 320 px screen (a 1280 px window at 400 %): nothing sideways.
    PhoneReflow,
    /// Every page with WCAG 1.4.12's text spacing: nothing cut off.
    TextSpacing,
}

impl Check {
    /// Every check, in the order the page lists them.
    pub const ALL: [Check; 8] = [
        Check::AxePages,
        Check::AxeFormStates,
        Check::AxeEmbedded,
        Check::NuHtmlChecker,
        Check::HtmlCodeSniffer,
        Check::Keyboard,
        Check::PhoneReflow,
        Check::TextSpacing,
    ];
}

/// A browser the suite drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    /// The product's name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            Browser::Chromium => "Chromium",
            Browser::Firefox => "Firefox",
        }
    }
}

/// One check as one browser ran it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRun {
    pub check: Check,
    pub browser: Browser,
    /// As the browser reports it: `142.0.7444.175`.
    pub browser_version: crate::Text,
    /// The version of the third-party tool behind the check, if any (`4.14.1`).
    pub tool_version: Option<crate::Text>,
    /// When it ran (UTC).
    pub day: Day,
    /// How many pages or form states it checked.
    pub covered: u32,
    /// How many problems it found: zero, or the suite would have failed.
    pub problems: u32,
}

impl CheckRun {
    /// The file this record is kept in: one per check and browser.
    pub fn file_name(&self) -> String {
        format!("{:?}-{:?}.json", self.browser, self.check).to_lowercase()
    }
}

/// Why the records could not be read.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Malformed {
        file: String,
        source: serde_json::Error,
    },
    #[error("{file}: {day} is no calendar day")]
    Day { file: String, day: Day },
    #[error("{file}: a second record of {check:?} in {browser:?}")]
    Repeated {
        file: String,
        check: Check,
        browser: Browser,
    },
}

/// Every record in `dir` (`*.json`), ordered by browser then check; none if `dir` does
/// not exist (a build before any run).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_audit_dir(dir: &std::path::Path) -> Result<Vec<CheckRun>, AuditError> {
    let io = |file: &std::path::Path| {
        let file = file.display().to_string();
        move |source| AuditError::Io { file, source }
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut runs: Vec<CheckRun> = Vec::new();
    for entry in entries {
        let path = entry.map_err(io(dir))?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file = path.display().to_string();
        let json = std::fs::read_to_string(&path).map_err(io(&path))?;
        let run: CheckRun =
            serde_json::from_str(&json).map_err(|source| AuditError::Malformed {
                file: file.clone(),
                source,
            })?;
        if !run.day.is_valid() {
            return Err(AuditError::Day { file, day: run.day });
        }
        if runs
            .iter()
            .any(|r| (r.browser, r.check) == (run.browser, run.check))
        {
            return Err(AuditError::Repeated {
                file,
                check: run.check,
                browser: run.browser,
            });
        }
        runs.push(run);
    }
    runs.sort_by_key(|r| (r.browser, r.check));
    Ok(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(check: Check, browser: Browser) -> CheckRun {
        CheckRun {
            check,
            browser,
            browser_version: "1.0".into(),
            tool_version: None,
            day: Day {
                year: 2026,
                month: 11,
                day: 26,
            },
            covered: 3,
            problems: 0,
        }
    }

    #[test]
    fn days_count_from_the_unix_epoch() {
        let day = |y, m, d| Day {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(Day::from_unix_days(0), day(1970, 1, 1));
        assert_eq!(Day::from_unix_days(11_016), day(2000, 2, 29));
        assert_eq!(Day::from_unix_days(20_418), day(2025, 11, 26));
        assert_eq!(Day::from_unix_days(20_783), day(2026, 11, 26));
    }

    #[test]
    fn only_real_days_are_valid() {
        let day = |y, m, d| Day {
            year: y,
            month: m,
            day: d,
        };
        assert!(day(2024, 2, 29).is_valid());
        assert!(!day(2026, 2, 29).is_valid());
        assert!(!day(1900, 2, 29).is_valid());
        assert!(!day(2026, 13, 1).is_valid());
        assert!(!day(2026, 4, 31).is_valid());
        assert!(!day(2026, 1, 0).is_valid());
    }

    #[test]
    fn a_day_is_written_as_each_locale_writes_it() {
        let months: [crate::Text; 12] = std::array::from_fn(|i| format!("M{}", i + 1).into());
        let d = Day {
            year: 2026,
            month: 11,
            day: 6,
        };
        let numbers: [crate::Text; 31] = std::array::from_fn(|i| (i + 1).to_string().into());
        let words: [crate::Text; 31] = std::array::from_fn(|i| format!("D{}", i + 1).into());
        assert_eq!(
            d.format("{day} {month} {year}", &months, &numbers),
            "6 M11 2026"
        );
        assert_eq!(
            d.format("{year}年{month_number}月{day}", &months, &words),
            "2026年11月D6"
        );
        assert_eq!(d.to_string(), "2026-11-06");
    }

    #[test]
    fn records_are_read_in_order_and_a_repeat_is_refused() {
        let dir = std::env::temp_dir().join(format!("hcnf-audit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            read_audit_dir(&dir).unwrap().is_empty(),
            "no directory, no runs"
        );
        std::fs::create_dir_all(&dir).unwrap();
        let records = [
            run(Check::Keyboard, Browser::Firefox),
            run(Check::AxePages, Browser::Firefox),
            run(Check::TextSpacing, Browser::Chromium),
        ];
        for r in &records {
            let json = serde_json::to_string(r).unwrap();
            std::fs::write(dir.join(r.file_name()), json).unwrap();
        }
        let read = read_audit_dir(&dir).unwrap();
        let order: Vec<_> = read.iter().map(|r| (r.browser, r.check)).collect();
        assert_eq!(
            order,
            [
                (Browser::Chromium, Check::TextSpacing),
                (Browser::Firefox, Check::AxePages),
                (Browser::Firefox, Check::Keyboard),
            ]
        );
        let json = serde_json::to_string(&records[0]).unwrap();
        std::fs::write(dir.join("copy.json"), json).unwrap();
        assert!(matches!(
            read_audit_dir(&dir),
            Err(AuditError::Repeated { .. })
        ));
        std::fs::write(dir.join("copy.json"), "{\"check\": \"Nothing\"}").unwrap();
        assert!(matches!(
            read_audit_dir(&dir),
            Err(AuditError::Malformed { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
