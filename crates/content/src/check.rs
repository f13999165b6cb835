//! Checks that every edition must pass: well-formed, complete against the others, no empty
//! strings, and links only to schemes a reader's browser should follow from a government page.
//!
//! What each fault is (`error`), the faults one string can have (`strings`), and the walks
//! over an edition's JSON that find each string and compare one edition with another
//! (`tree`).

mod error;
mod strings;
mod tree;

use serde_json::Value;

pub use error::{ContentError, ContentErrorKind};
use strings::{has_allowed_scheme, reading_faults};
use tree::{compare, walk_strings};

use crate::{parse_edition, Edition};

/// One content file, as read from disk or bundled into the build.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// The path shown in errors, e.g. `content/ja.json`.
    pub path: &'a str,
    /// The locale the file name declares, e.g. `ja`.
    pub locale: &'a str,
    pub json: &'a str,
}

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
