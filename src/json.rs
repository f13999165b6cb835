//! JSON read and written by key, through the platform: in the browser its own `JSON`
//! (parsed and written in JavaScript), natively `serde_json` (the prerenderer and tests).
//! The cases both must pass are written once, in `src/json/cases.rs`; the backends are
//! `json/browser.rs` and `json/native.rs`.
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
mod browser;
#[cfg(target_arch = "wasm32")]
use browser as backend;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
use native as backend;

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
