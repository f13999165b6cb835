// The cases both JSON backends must pass, written once: `src/json.rs` runs them natively
// (serde_json), `tests/json.rs` in both browsers (their own JSON). Included with
// `include!`; the includer brings `Json`, `JsonError` and `JsonObject` into scope and
// names the test attribute: `json_cases!(test)`, `json_cases!(wasm_bindgen_test)`.

macro_rules! json_cases {
    ($test:meta) => {
        #[$test]
        fn members_are_read_by_key_and_type() {
            let text = r#"{"a": "x", "n": 12, "b": true, "l": ["p", 1], "z": null}"#;
            let j = Json::parse(text).unwrap();
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
            assert_eq!(j.get("n").and_then(|v| v.as_whole()), Some(12));
            for not_whole in ["-1", "1.5", "1e300", "\"1\""] {
                assert_eq!(Json::parse(not_whole).unwrap().as_whole(), None, "{not_whole}");
            }
            assert_eq!(j.optional_str("z"), Ok(None));
            assert!(j.optional_str("n").is_err());
        }

        #[$test]
        fn only_objects_have_members() {
            for text in ["[1]", "\"s\"", "3", "null"] {
                let j = Json::parse(text).unwrap();
                assert!(!j.is_object(), "{text}");
                assert!(j.get("0").is_none() && j.keys().is_empty(), "{text}");
            }
            assert!(matches!(Json::parse("{"), Err(JsonError::Syntax(m)) if !m.is_empty()));
            assert!(matches!(Json::parse(""), Err(JsonError::Syntax(_))));
        }

        #[$test]
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
    };
}
