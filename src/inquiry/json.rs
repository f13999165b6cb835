//! The contract's types as JSON, read and written through [`crate::json`] rather than serde
//! (see there why). Each is tested against what serde writes and reads for the same type,
//! so the app and the endpoint keep to one contract.

use hcnf_inquiry::{Accepted, Draft, ErrorBody, ErrorKind, Field, FieldError, Problem};

use crate::json::{Json, JsonObject};

/// The draft as the endpoint reads it: every member of [`Draft`].
pub fn draft_to_json(draft: &Draft) -> JsonObject {
    let mut object = JsonObject::new();
    for field in Field::ALL {
        if let Some(text) = field.text(draft) {
            object = object.str(field.as_str(), text);
        }
    }
    object
        .bool(Field::Consent.as_str(), draft.consent)
        .str("website", &draft.website)
        .u64("elapsed_ms", draft.elapsed_ms)
        .str("locale", &draft.locale)
}

/// A draft written by [`draft_to_json`] (or by serde): missing members are empty, as in
/// serde's `default`; a member of the wrong type, a `null` or an unknown member makes it
/// unreadable. Where the browser's parser is laxer than serde it is let be, since neither
/// the app nor the endpoint writes such JSON: `1.0` reads as the whole number 1, a
/// repeated member as its last value, a lone surrogate escape as U+FFFD.
pub fn draft_from_json(json: &Json) -> Option<Draft> {
    const OTHERS: [&str; 3] = ["website", "elapsed_ms", "locale"];
    if !json.is_object() {
        return None;
    }
    let known = |k: &str| Field::from_wire(k).is_some() || OTHERS.contains(&k);
    // `get` reads a `null` as absent: a present member it cannot get is a `null`.
    if !json
        .keys()
        .iter()
        .all(|k| known(k) && json.get(k).is_some())
    {
        return None;
    }
    let text = |key: &str| match json.get(key) {
        None => Some(String::new()),
        Some(v) => v.as_str(),
    };
    let mut draft = Draft::default();
    for field in Field::ALL {
        if field != Field::Consent {
            field.set_text(&mut draft, text(field.as_str())?);
        }
    }
    draft.consent = match json.get(Field::Consent.as_str()) {
        None => false,
        Some(v) => v.as_bool()?,
    };
    draft.website = text("website")?;
    draft.locale = text("locale")?;
    draft.elapsed_ms = match json.get("elapsed_ms") {
        None => 0,
        Some(v) => v.as_whole()?,
    };
    Some(draft)
}

/// The success body `{"reference": "…"}`.
pub fn accepted_from_json(text: &str) -> Option<Accepted> {
    let reference = Json::parse(text).ok()?.get("reference")?.as_str()?;
    Some(Accepted { reference })
}

/// The error body `{"error": "invalid", "fields": [{"field": …, "problem": …}]}`.
pub fn error_body_from_json(text: &str) -> Option<ErrorBody> {
    let json = Json::parse(text).ok()?;
    let error = ErrorKind::from_wire(&json.get("error")?.as_str()?)?;
    let fields = match json.get("fields") {
        None => Vec::new(),
        Some(list) => list
            .items()?
            .iter()
            .map(|item| {
                Some(FieldError {
                    field: Field::from_wire(&item.get("field")?.as_str()?)?,
                    problem: Problem::from_wire(&item.get("problem")?.as_str()?)?,
                })
            })
            .collect::<Option<Vec<_>>>()?,
    };
    Some(ErrorBody { error, fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts() -> Vec<Draft> {
        let full = Draft {
            name: "山田 \"太郎\"".into(),
            email: "taro@example.jp".into(),
            phone: "045-210-1111".into(),
            category: "symposia".into(),
            subject: "<b>件名</b>\\".into(),
            message: "一行目\n二行目\u{2028}😀".into(),
            consent: true,
            website: "bot".into(),
            elapsed_ms: 1_234_567,
            locale: "ja-x-easy".into(),
        };
        vec![Draft::default(), full]
    }

    #[test]
    fn the_endpoint_reads_the_draft_the_app_writes() {
        for draft in drafts() {
            let text = draft_to_json(&draft).finish();
            let read: Draft = serde_json::from_str(&text).expect("the contract's shape");
            assert_eq!(read, draft, "{text}");
        }
    }

    #[test]
    fn the_app_reads_the_draft_serde_writes() {
        for draft in drafts() {
            let text = serde_json::to_string(&draft).unwrap();
            let read = draft_from_json(&Json::parse(&text).unwrap());
            assert_eq!(read.as_ref(), Some(&draft), "{text}");
        }
        let partial = Json::parse(r#"{"name": "A"}"#).unwrap();
        assert_eq!(
            draft_from_json(&partial).map(|d| d.name).as_deref(),
            Some("A")
        );
        for bad in [
            r#"{"name": 1}"#,
            r#"{"consent": "yes"}"#,
            r#"{"elapsed_ms": -1}"#,
            r#"{"elapsed_ms": 1.5}"#,
            r#"{"nickname": "A"}"#,
            r#"{"name": null}"#,
            r#"{"consent": null}"#,
            r#"{"elapsed_ms": null}"#,
        ] {
            assert_eq!(draft_from_json(&Json::parse(bad).unwrap()), None, "{bad}");
            // serde refuses each of them too.
            assert!(serde_json::from_str::<Draft>(bad).is_err(), "{bad}");
        }
        assert_eq!(draft_from_json(&Json::parse(r#"["A"]"#).unwrap()), None);
    }

    #[test]
    fn replies_read_as_serde_reads_them() {
        let accepted = Accepted {
            reference: "HCNF-2026-000123".into(),
        };
        let text = serde_json::to_string(&accepted).unwrap();
        assert_eq!(accepted_from_json(&text), Some(accepted));
        assert_eq!(accepted_from_json("{}"), None);
        assert_eq!(accepted_from_json("HCNF"), None);

        for error in ErrorKind::ALL {
            let body = ErrorBody {
                error,
                fields: Field::ALL
                    .into_iter()
                    .zip(Problem::ALL.into_iter().cycle())
                    .map(|(field, problem)| FieldError { field, problem })
                    .collect(),
            };
            let text = serde_json::to_string(&body).unwrap();
            assert_eq!(error_body_from_json(&text), Some(body), "{text}");
        }
        let bare = error_body_from_json(r#"{"error": "server"}"#).unwrap();
        assert_eq!((bare.error, bare.fields.len()), (ErrorKind::Server, 0));
        for bad in [
            r#"{"error": "nope"}"#,
            r#"{"error": "invalid", "fields": [{"field": "age", "problem": "required"}]}"#,
            r#"{"error": "invalid", "fields": {}}"#,
            "<html>",
        ] {
            assert_eq!(error_body_from_json(bad), None, "{bad}");
        }
    }
}
