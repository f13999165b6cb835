//! The messages' words: every edition of the site's content, embedded at build time and
//! parsed once at start.

use hcnf_content::{parse_edition, ruby, Edition};

include!(concat!(env!("OUT_DIR"), "/editions.rs"));

/// Every edition, ordered by code.
pub struct Words {
    editions: Vec<Edition>,
}

impl Words {
    /// The editions this build embeds; build.rs checked them, so parsing cannot fail.
    pub fn embedded() -> Words {
        let editions = EDITIONS
            .iter()
            .map(|(code, json)| {
                parse_edition(code, code, json).unwrap_or_else(|e| panic!("embedded {e}"))
            })
            .collect();
        Words { editions }
    }

    /// The codes of the editions, `en`, `ja`, …
    pub fn codes(&self) -> Vec<&str> {
        self.editions
            .iter()
            .map(|e| e.locale.code.as_ref())
            .collect()
    }

    /// The edition of `code`; for a code the build has no edition of (a stored inquiry's
    /// locale is any language tag), English, or else the first.
    pub fn edition(&self, code: &str) -> &Edition {
        let find = |c: &str| self.editions.iter().find(|e| e.locale.code == c);
        find(code)
            .or_else(|| find("en"))
            .unwrap_or(&self.editions[0])
    }
}

/// `text` with each `{name}` of `values` filled in, as plain text (readings in brackets).
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = ruby::bracketed(text);
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// When an inquiry arrived, `[year, month, day, hour, minute]` in Japan Standard Time, as
/// `ed` writes it.
pub fn received(ed: &Edition, [year, month, day, hour, minute]: [u32; 5]) -> String {
    let word = |list: &[hcnf_content::Text], n: u32| {
        list.get(n.saturating_sub(1) as usize)
            .map(|w| ruby::bracketed(w))
            .unwrap_or_default()
    };
    let name = word(&ed.ui.date.months, month);
    let day_word = word(&ed.ui.date.days, day);
    fill(
        &ed.mail.received_pattern,
        &[
            ("year", &year.to_string()),
            ("month", &name),
            ("month_number", &month.to_string()),
            ("day", &day_word),
            ("day_number", &day.to_string()),
            ("hour", &format!("{hour:02}")),
            ("minute", &format!("{minute:02}")),
        ],
    )
}
