//! Walks over an edition's JSON: every string with its key path, and what one edition
//! lacks or shapes differently from another.

use serde_json::Value;

use super::{ContentError, ContentErrorKind, SourceFile};

/// Calls `f(path, key, string)` for every string in the tree; `key` is the object key that
/// holds it, if any.
pub(super) fn walk_strings(
    v: &Value,
    path: &mut String,
    f: &mut impl FnMut(&str, Option<&str>, &str),
) {
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
pub(super) fn compare(
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
