//! Checks that every edition must pass: well-formed, complete against the others, no empty
//! strings, and links only to schemes a reader's browser should follow from a government page.

use std::fmt;

use serde_json::Value;

use crate::{parse_edition, Edition};

/// URL schemes a content link may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["https", "http", "tel", "mailto"];

/// One content file, as read from disk or bundled into the build.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// The path shown in errors, e.g. `content/ja.json`.
    pub path: &'a str,
    /// The locale the file name declares, e.g. `ja`.
    pub locale: &'a str,
    pub json: &'a str,
}

/// A fault in one file, at one key path, in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub locale: String,
    /// Where in the file, e.g. `pages.symposia.events[0].name`; empty for the whole file.
    pub path: String,
    pub kind: ContentErrorKind,
}

/// What is wrong at a key path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContentErrorKind {
    #[error("not valid content: {0}")]
    Malformed(String),
    #[error("the key is missing here but present in the {0:?} edition")]
    MissingKey(String),
    #[error("this list has {ours} entries but the {other:?} edition has {theirs}; entries must correspond")]
    LengthMismatch {
        other: String,
        ours: usize,
        theirs: usize,
    },
    #[error("this is a {ours} but in the {other:?} edition it is a {theirs}")]
    TypeMismatch {
        other: String,
        ours: &'static str,
        theirs: &'static str,
    },
    #[error("the string is empty")]
    EmptyString,
    #[error("link {0:?} must start with one of https:, http:, tel:, mailto:")]
    LinkScheme(String),
    #[error("locale.code is {found:?} but the file name says {expected:?}")]
    LocaleCode { expected: String, found: String },
    #[error("there is no edition at all")]
    NoEditions,
    #[error("to_confirm names {0:?}, which is no text of this edition")]
    UnknownPath(String),
    #[error("{0:?} has no reading: this edition gives every kanji one, as {{漢字|かんじ}}")]
    KanjiWithoutReading(String),
    #[error("the reading of {base:?} must be kana, found {reading:?}")]
    ReadingNotKana { base: String, reading: String },
    #[error("{0:?} has a reading but no kanji to read")]
    ReadingWithoutKanji(String),
    #[error("{0:?} has a reading, but this edition gives none (locale.kanji_readings is false)")]
    UnexpectedReading(String),
    #[error("the office map {0:?} is not on the prefecture's site ({host}): link to the prefecture's own page, or leave contact.map out and let the address say where", host = crate::PREFECTURE_HOST)]
    MapElsewhere(String),
    #[error("the page does not say when its words last changed: add \"updated\": \"YYYY-MM-DD\", the day of this change")]
    PageUndated,
    #[error("the text must hold {0} exactly once, where it is filled in")]
    Placeholder(&'static str),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "(whole file)"
        } else {
            &self.path
        };
        write!(
            f,
            "{} [locale {}] at {}: {}",
            self.file, self.locale, at, self.kind
        )
    }
}

impl std::error::Error for ContentError {}

/// Checks every edition and parses them in the order given.
///
/// Returns every error found, not just the first, so one build shows all that must be fixed.
pub fn check_editions(files: &[SourceFile<'_>]) -> Result<Vec<Edition>, Vec<ContentError>> {
    if files.is_empty() {
        return Err(vec![ContentError {
            file: "content/".into(),
            locale: "-".into(),
            path: String::new(),
            kind: ContentErrorKind::NoEditions,
        }]);
    }
    let mut errors = Vec::new();
    let mut trees = Vec::new();
    for file in files {
        let err = |path: String, kind| ContentError {
            file: file.path.into(),
            locale: file.locale.into(),
            path,
            kind,
        };
        match serde_json::from_str::<Value>(file.json) {
            Ok(tree) => {
                let mut texts = std::collections::HashSet::new();
                let readings = tree
                    .pointer("/locale/kanji_readings")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                walk_strings(&tree, &mut String::new(), &mut |path, key, s| {
                    texts.insert(path.to_owned());
                    let shown = key != Some("href")
                        && !path.starts_with("to_confirm")
                        && path != "locale.code";
                    if shown {
                        for kind in reading_faults(s, readings) {
                            errors.push(err(path.to_owned(), kind));
                        }
                    }
                    if s.trim().is_empty() {
                        errors.push(err(path.to_owned(), ContentErrorKind::EmptyString));
                    } else if key == Some("href") && !has_allowed_scheme(s) {
                        errors.push(err(
                            path.to_owned(),
                            ContentErrorKind::LinkScheme(s.to_owned()),
                        ));
                    }
                });
                // Wording awaiting the office's confirmation must point at real text.
                let listed = tree.get("to_confirm").and_then(Value::as_array);
                for (i, path) in listed.into_iter().flatten().enumerate() {
                    let path = path.as_str().unwrap_or_default();
                    if path.starts_with("to_confirm") || !texts.contains(path) {
                        errors.push(err(
                            format!("to_confirm[{i}]"),
                            ContentErrorKind::UnknownPath(path.to_owned()),
                        ));
                    }
                }
                // A page that does not say how old it is cannot be published: a reader
                // must be able to tell a page of 2015 from one of today.
                let pages = tree.get("pages").and_then(Value::as_object);
                for (id, page) in pages.into_iter().flatten() {
                    if page.pointer("/head/updated").is_none() {
                        errors.push(err(
                            format!("pages.{id}.head.updated"),
                            ContentErrorKind::PageUndated,
                        ));
                    }
                }
                trees.push(Some(tree));
            }
            Err(e) => {
                errors.push(err(
                    String::new(),
                    ContentErrorKind::Malformed(e.to_string()),
                ));
                trees.push(None);
            }
        }
    }
    // Every edition is compared with every other, so each side reports its own missing keys.
    for (i, a) in files.iter().enumerate() {
        for (j, b) in files.iter().enumerate() {
            if let (Some(ta), Some(tb), true) = (&trees[i], &trees[j], i != j) {
                compare(ta, tb, &mut String::new(), a, b.locale, &mut errors);
            }
        }
    }
    let mut editions = Vec::new();
    for file in files {
        match parse_edition(file.path, file.locale, file.json) {
            Ok(ed) if ed.locale.code != file.locale => errors.push(ContentError {
                file: file.path.into(),
                locale: file.locale.into(),
                path: "locale.code".into(),
                kind: ContentErrorKind::LocaleCode {
                    expected: file.locale.into(),
                    found: ed.locale.code.into_owned(),
                },
            }),
            Ok(ed) if ed.ui.updated.matches("{date}").count() != 1 => errors.push(ContentError {
                file: file.path.into(),
                locale: file.locale.into(),
                path: "ui.updated".into(),
                kind: ContentErrorKind::Placeholder("{date}"),
            }),
            Ok(ed) if ed.contact.map.as_ref().is_some_and(|m| m.is_external()) => {
                errors.push(ContentError {
                    file: file.path.into(),
                    locale: file.locale.into(),
                    path: "contact.map.href".into(),
                    kind: ContentErrorKind::MapElsewhere(
                        ed.contact
                            .map
                            .map(|m| m.href.into_owned())
                            .unwrap_or_default(),
                    ),
                })
            }
            Ok(ed) => editions.push(ed),
            Err(e) => errors.push(*e),
        }
    }
    errors.dedup();
    if errors.is_empty() {
        Ok(editions)
    } else {
        Err(errors)
    }
}

/// What is wrong with the readings in `text`: each must be kana over a word with kanji;
/// where the edition gives `readings`, no kanji may go without one, and elsewhere none is
/// given.
fn reading_faults(text: &str, readings: bool) -> Vec<ContentErrorKind> {
    use crate::ruby::{is_kana, is_kanji, segments, Segment};
    let mut faults = Vec::new();
    for segment in segments(text) {
        match segment {
            Segment::Text(t) if readings && t.chars().any(is_kanji) => {
                faults.push(ContentErrorKind::KanjiWithoutReading(t.to_owned()));
            }
            Segment::Text(_) => {}
            Segment::Ruby { base, .. } if !readings => {
                faults.push(ContentErrorKind::UnexpectedReading(base.to_owned()));
            }
            Segment::Ruby { base, reading } => {
                if !reading.chars().all(is_kana) {
                    faults.push(ContentErrorKind::ReadingNotKana {
                        base: base.to_owned(),
                        reading: reading.to_owned(),
                    });
                }
                if !base.chars().any(is_kanji) {
                    faults.push(ContentErrorKind::ReadingWithoutKanji(base.to_owned()));
                }
            }
        }
    }
    faults
}

fn has_allowed_scheme(href: &str) -> bool {
    href.split_once(':').is_some_and(|(scheme, rest)| {
        ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) && !rest.trim().is_empty()
    })
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

fn push_key(path: &mut String, key: &str) -> usize {
    let len = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    len
}

fn push_index(path: &mut String, i: usize) -> usize {
    let len = path.len();
    path.push_str(&format!("[{i}]"));
    len
}

/// Calls `f(path, key, string)` for every string in the tree; `key` is the object key that
/// holds it, if any.
fn walk_strings(v: &Value, path: &mut String, f: &mut impl FnMut(&str, Option<&str>, &str)) {
    match v {
        Value::String(s) => f(path, None, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = push_index(path, i);
                walk_strings(item, path, f);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = push_key(path, k);
                match item {
                    Value::String(s) => f(path, Some(k), s),
                    other => walk_strings(other, path, f),
                }
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Reports, against `ours`, what `theirs` has that `ours` lacks or shapes differently.
fn compare(
    ours: &Value,
    theirs: &Value,
    path: &mut String,
    file: &SourceFile<'_>,
    other: &str,
    errors: &mut Vec<ContentError>,
) {
    let mut report = |path: &str, kind| {
        errors.push(ContentError {
            file: file.path.into(),
            locale: file.locale.into(),
            path: path.into(),
            kind,
        })
    };
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, tv) in b {
                let len = push_key(path, k);
                match a.get(k) {
                    Some(ov) => compare(ov, tv, path, file, other, errors),
                    None => errors.push(ContentError {
                        file: file.path.into(),
                        locale: file.locale.into(),
                        path: path.clone(),
                        kind: ContentErrorKind::MissingKey(other.into()),
                    }),
                }
                path.truncate(len);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            // Entries that are objects (events, sections, universities) must correspond one to
            // one; lines of prose may be split differently in each language, but not dropped.
            let objects = a.iter().chain(b).any(Value::is_object);
            let mismatch = if objects {
                a.len() != b.len()
            } else {
                a.is_empty() != b.is_empty()
            };
            if mismatch {
                report(
                    path,
                    ContentErrorKind::LengthMismatch {
                        other: other.into(),
                        ours: a.len(),
                        theirs: b.len(),
                    },
                );
            }
            for (i, (ov, tv)) in a.iter().zip(b).enumerate() {
                let len = push_index(path, i);
                compare(ov, tv, path, file, other, errors);
                path.truncate(len);
            }
        }
        (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
            report(
                path,
                ContentErrorKind::TypeMismatch {
                    other: other.into(),
                    ours: kind_name(a),
                    theirs: kind_name(b),
                },
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_kana_over_kanji_and_cover_every_kanji_where_the_edition_gives_them() {
        use ContentErrorKind::*;
        assert_eq!(reading_faults("{質問|しつもん}を{送|おく}る", true), []);
        assert_eq!(reading_faults("Send {n} answers", true), []);
        assert_eq!(
            reading_faults("{質問|しつもん}を送る", true),
            [KanjiWithoutReading("を送る".into())]
        );
        assert_eq!(
            reading_faults("{質問|shitsumon}", true),
            [ReadingNotKana {
                base: "質問".into(),
                reading: "shitsumon".into()
            }]
        );
        assert_eq!(
            reading_faults("{かな|かな}", true),
            [ReadingWithoutKanji("かな".into())]
        );
        assert_eq!(reading_faults("質問を送る", false), []);
        assert_eq!(
            reading_faults("{質問|しつもん}", false),
            [UnexpectedReading("質問".into())]
        );
    }

    #[test]
    fn allowed_schemes_are_exactly_the_four() {
        for ok in [
            "https://example.org",
            "http://example.org",
            "tel:+81452850777",
            "mailto:a@b.jp",
            "HTTPS://x",
        ] {
            assert!(has_allowed_scheme(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "data:text/html,x",
            "/en/contact",
            "example.org",
            "tel:",
            "https:",
        ] {
            assert!(!has_allowed_scheme(bad), "{bad}");
        }
    }
}
