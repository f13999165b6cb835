//! JSON through `serde_json`, natively: the prerenderer and the tests.

use serde_json::{Map, Value};

use super::JsonError;

/// A parsed JSON value.
#[derive(Clone, Debug)]
pub struct Json(Value);

impl Json {
    /// Parses `text`.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        serde_json::from_str(text)
            .map(Json)
            .map_err(|e| JsonError::Syntax(e.to_string()))
    }

    /// Whether this is an object (not an array, not null).
    pub fn is_object(&self) -> bool {
        self.0.is_object()
    }

    /// The object's member `key`; `None` if this is no object, or the member is
    /// missing or `null`.
    pub fn get(&self, key: &str) -> Option<Json> {
        self.0
            .as_object()?
            .get(key)
            .filter(|v| !v.is_null())
            .cloned()
            .map(Json)
    }

    /// The object's member names (in no promised order).
    pub fn keys(&self) -> Vec<String> {
        self.0
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    pub fn as_str(&self) -> Option<String> {
        self.0.as_str().map(str::to_owned)
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    pub fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// The array's items; `None` if this is no array.
    pub fn items(&self) -> Option<Vec<Json>> {
        self.0
            .as_array()
            .map(|a| a.iter().cloned().map(Json).collect())
    }
}

/// A JSON object being written, member by member (the builder is in the parent module).
pub struct JsonObject(Map<String, Value>);

impl JsonObject {
    pub fn new() -> JsonObject {
        JsonObject(Map::new())
    }

    pub(super) fn set(mut self, key: &str, value: Value) -> JsonObject {
        self.0.insert(key.to_owned(), value);
        self
    }

    /// The object as JSON text.
    pub fn finish(self) -> String {
        Value::Object(self.0).to_string()
    }
}

/// The values a member can hold.
pub(super) fn string(value: &str) -> Value {
    Value::from(value)
}

pub(super) fn boolean(value: bool) -> Value {
    Value::from(value)
}

/// A number written as the browser writes it: a whole one without a fraction.
pub(super) fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < super::MAX_WHOLE {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

pub(super) fn object(value: JsonObject) -> Value {
    Value::Object(value.0)
}
