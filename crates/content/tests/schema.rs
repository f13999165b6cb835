//! The JSON Schema editors check the content files against: the committed file is the one
//! the model gives, and every edition names it.

use std::path::Path;

use hcnf_content::schema::{edition_schema, SCHEMA_FILE, SCHEMA_KEY};

fn content() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

#[test]
fn the_committed_schema_is_the_one_the_model_gives() {
    let committed = std::fs::read_to_string(content().join(SCHEMA_FILE)).unwrap_or_default();
    assert!(
        committed == edition_schema(),
        "content/schema/edition.schema.json does not match the content model: run \
         `cargo run -p hcnf-content --bin content-schema` and commit the file"
    );
}

#[test]
fn every_edition_names_the_schema() {
    let files = hcnf_content::read_content_dir(content()).unwrap();
    assert!(files.len() >= 3);
    for file in files {
        let json: serde_json::Value = serde_json::from_str(&file.json).unwrap();
        assert_eq!(
            json[SCHEMA_KEY].as_str(),
            Some(SCHEMA_FILE),
            "{}: its first key should be \"$schema\": \"{SCHEMA_FILE}\"",
            file.locale
        );
    }
}

#[test]
fn the_schema_refuses_unknown_keys_and_asks_for_every_one_the_model_needs() {
    let schema: serde_json::Value = serde_json::from_str(&edition_schema()).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        required,
        ["locale", "ui", "pages", "contact", "mail", "to_confirm"]
    );
    // A month is written as the parser reads it.
    let month = &schema["$defs"]["YearMonth"]["pattern"];
    assert_eq!(month, "^[0-9]{4}-(0[1-9]|1[0-2])$");
}
