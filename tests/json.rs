//! JSON through the browser's own parser and writer, which the app uses in place of
//! serde_json: the same cases the native backend passes (src/json.rs), here in JavaScript.
#![cfg(target_arch = "wasm32")]

use hcnf_site::json::{Json, JsonError, JsonObject};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn members_are_read_by_key_and_type() {
    let j = Json::parse(r#"{"a": "x", "n": 12, "b": true, "l": ["p", 1], "z": null}"#).unwrap();
    assert!(j.is_object());
    assert_eq!(j.get("a").and_then(|v| v.as_str()).as_deref(), Some("x"));
    assert_eq!(j.get("n").and_then(|v| v.as_f64()), Some(12.0));
    assert_eq!(j.get("b").and_then(|v| v.as_bool()), Some(true));
    assert_eq!(j.get("l").and_then(|v| v.items()).map(|i| i.len()), Some(2));
    assert!(j.get("z").is_none(), "null reads as absent");
    assert!(j.get("missing").is_none());
    assert!(
        j.get("constructor").is_none(),
        "inherited members are none of the object's"
    );
    assert!(
        j.get("a").unwrap().as_f64().is_none(),
        "no type is converted"
    );
    let mut keys = j.keys();
    keys.sort();
    assert_eq!(keys, ["a", "b", "l", "n", "z"]);
    assert_eq!(j.optional_str("z"), Ok(None));
    assert!(j.optional_str("n").is_err());
}

#[wasm_bindgen_test]
fn only_objects_have_members() {
    for text in ["[1]", "\"s\"", "3", "null"] {
        let j = Json::parse(text).unwrap();
        assert!(!j.is_object(), "{text}");
        assert!(j.get("0").is_none() && j.keys().is_empty(), "{text}");
    }
    assert!(matches!(Json::parse("{"), Err(JsonError::Syntax(m)) if !m.is_empty()));
    assert!(matches!(Json::parse(""), Err(JsonError::Syntax(_))));
}

#[wasm_bindgen_test]
fn what_is_written_reads_back() {
    let text = JsonObject::new()
        .str("s", "山田 \"太郎\"\n")
        .bool("b", false)
        .f64("f", 1_700_000_000_000.0)
        .f64("h", 0.5)
        .u64("u", 42)
        .object("o", JsonObject::new().str("k", "v"))
        .finish();
    assert!(text.contains("\"f\":1700000000000,"), "{text}");
    assert!(text.contains("\"u\":42"), "{text}");
    let j = Json::parse(&text).unwrap();
    assert_eq!(
        j.get("s").and_then(|v| v.as_str()).as_deref(),
        Some("山田 \"太郎\"\n")
    );
    assert_eq!(j.get("b").and_then(|v| v.as_bool()), Some(false));
    assert_eq!(j.get("h").and_then(|v| v.as_f64()), Some(0.5));
    assert_eq!(
        j.get("o")
            .and_then(|o| o.get("k"))
            .and_then(|v| v.as_str())
            .as_deref(),
        Some("v")
    );
}
