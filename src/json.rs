//! JSON read and written by key, through the platform: in the browser its own `JSON`
//! (parsed and written in JavaScript), natively `serde_json` (the prerenderer and tests).
//! The cases both must pass are written once, in `src/json/cases.rs`.
//!
//! Why not serde in the wasm: JSON in Rust ships serde_json's parser and writer, float
//! parsing and formatting, and the derives of each type; for the draft, `config.json` and
//! the endpoint's replies that was 14.5 KB brotli of wasm for every reader (docs/size.md).
//! The types stay the contract's: each reader here is tested against what serde writes for
//! that type, so the two cannot drift apart.

use std::fmt;

/// Why a text was not JSON; the parser's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all.
    Syntax(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Syntax(why) => write!(f, "not JSON: {why}"),
        }
    }
}

impl std::error::Error for JsonError {}

pub use backend::{Json, JsonObject};

#[cfg(target_arch = "wasm32")]
mod backend {
    use js_sys::{Array, Object, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};

    use super::JsonError;

    /// A parsed JSON value.
    #[derive(Clone, Debug)]
    pub struct Json(JsValue);

    impl Json {
        /// Parses `text`.
        pub fn parse(text: &str) -> Result<Json, JsonError> {
            JSON::parse(text).map(Json).map_err(|e| {
                JsonError::Syntax(
                    e.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .unwrap_or_default(),
                )
            })
        }

        /// Whether this is an object (not an array, not null).
        pub fn is_object(&self) -> bool {
            self.0.is_object() && !Array::is_array(&self.0)
        }

        /// The object's member `key`; `None` if this is no object, or the member is
        /// missing or `null`.
        pub fn get(&self, key: &str) -> Option<Json> {
            if !self.is_object() {
                return None;
            }
            let object: &Object = self.0.unchecked_ref();
            let key = JsValue::from_str(key);
            // Own members only: `constructor` is no member of `{}`. (getOwnPropertyDescriptor
            // rather than Object.hasOwn, which browsers before 2021 lack.)
            if Object::get_own_property_descriptor(object, &key).is_undefined() {
                return None;
            }
            let value = Reflect::get(object, &key).ok()?;
            (!value.is_null() && !value.is_undefined()).then_some(Json(value))
        }

        /// The object's member names (in no promised order).
        pub fn keys(&self) -> Vec<String> {
            if !self.is_object() {
                return Vec::new();
            }
            let object: &Object = self.0.unchecked_ref();
            Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        }

        pub fn as_str(&self) -> Option<String> {
            self.0.as_string()
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
                .dyn_ref::<Array>()
                .map(|a| a.iter().map(Json).collect())
        }
    }

    /// A JSON object being written, member by member (the builder is in the parent module).
    pub struct JsonObject(Object);

    impl JsonObject {
        pub fn new() -> JsonObject {
            JsonObject(Object::new())
        }

        pub(super) fn set(self, key: &str, value: JsValue) -> JsonObject {
            // Setting a member on a fresh plain object cannot fail.
            let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value);
            self
        }

        /// The object as JSON text.
        pub fn finish(self) -> String {
            JSON::stringify(&self.0)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| "{}".to_owned())
        }
    }

    /// The values a member can hold.
    pub(super) fn string(value: &str) -> JsValue {
        JsValue::from_str(value)
    }

    pub(super) fn boolean(value: bool) -> JsValue {
        JsValue::from_bool(value)
    }

    /// A JavaScript number: JSON writes a whole one without a fraction.
    pub(super) fn number(value: f64) -> JsValue {
        JsValue::from_f64(value)
    }

    pub(super) fn object(value: JsonObject) -> JsValue {
        value.0.into()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod backend {
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
}

/// The largest whole number JSON carries exactly (a JavaScript number: 2^53).
const MAX_WHOLE: f64 = 9_007_199_254_740_992.0;

impl JsonObject {
    pub fn str(self, key: &str, value: &str) -> JsonObject {
        self.set(key, backend::string(value))
    }

    pub fn bool(self, key: &str, value: bool) -> JsonObject {
        self.set(key, backend::boolean(value))
    }

    /// A number; a whole one is written without a fraction.
    pub fn f64(self, key: &str, value: f64) -> JsonObject {
        self.set(key, backend::number(value))
    }

    /// A whole number (exact up to 2^53, far beyond any the site writes).
    pub fn u64(self, key: &str, value: u64) -> JsonObject {
        self.set(key, backend::number(value as f64))
    }

    pub fn object(self, key: &str, value: JsonObject) -> JsonObject {
        self.set(key, backend::object(value))
    }
}

impl Default for JsonObject {
    fn default() -> Self {
        JsonObject::new()
    }
}

impl Json {
    /// A whole, non-negative number, as JSON carries one exactly (up to 2^53).
    pub fn as_whole(&self) -> Option<u64> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=MAX_WHOLE).contains(n))
            .map(|n| n as u64)
    }

    /// A member that must be a string if present: `Ok(None)` when absent or `null`.
    pub fn optional_str(&self, key: &str) -> Result<Option<String>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_str()
                .map(Some)
                .ok_or_else(|| format!("`{key}` must be a string")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("json/cases.rs");
    json_cases!(test);
}
