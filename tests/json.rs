//! JSON through the browser's own parser and writer, which the app uses in place of
//! serde_json: the same cases the native backend passes (src/json/cases.rs), here in
//! JavaScript.
#![cfg(target_arch = "wasm32")]

use hcnf_site::json::{Json, JsonError, JsonObject};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

include!("../src/json/cases.rs");
json_cases!(wasm_bindgen_test);
