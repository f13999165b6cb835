//! The JSON Schema of an edition file, generated from the content model, so that an editor
//! gets completion, the words each key is for, and errors as they type in any editor that
//! reads `$schema` (each edition names [`SCHEMA_FILE`]). The committed file is checked
//! against the model by the content tests; `cargo run -p hcnf-content --bin content-schema`
//! writes it anew after the model changes.

/// The key of an edition file that names its schema, which the parser sets aside.
pub const SCHEMA_KEY: &str = "$schema";

/// Where the schema is, relative to the edition files: what their `$schema` says.
pub const SCHEMA_FILE: &str = "./schema/edition.schema.json";

/// The schema, as the committed file holds it: pretty JSON ending in a newline.
#[cfg(not(target_arch = "wasm32"))]
pub fn edition_schema() -> String {
    let mut schema = schemars::schema_for!(crate::Edition);
    // Unknown keys are refused, so the key that names the schema must be a known one.
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert(
            SCHEMA_KEY.to_owned(),
            serde_json::json!({
                "type": "string",
                "description": "The schema this file is checked against in an editor; the build ignores it."
            }),
        );
    }
    schema.insert(
        "title".to_owned(),
        "An edition of the Healthcare New Frontier site".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
