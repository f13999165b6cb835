//! JSON through the browser's own `JSON`, in the wasm.

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
