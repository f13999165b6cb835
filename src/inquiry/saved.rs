//! The draft kept in session storage, so nothing typed is lost to a reload, a language
//! switch or a failed send; removed, with every personal detail, after a confirmed success.

use hcnf_inquiry::{Draft, Field};
use serde::{Deserialize, Serialize};

use crate::browser;

const KEY: &str = "hcnf.inquiry.draft";

/// A draft in progress with its idempotency key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// A UUID v4, kept with the draft so every retry of it carries the same key.
    pub key: String,
    pub draft: Draft,
    /// When the form was first shown (ms since the epoch), for the time it took to fill.
    pub started_ms: f64,
}

impl SavedDraft {
    /// A new, empty draft with a fresh key.
    pub fn fresh() -> SavedDraft {
        SavedDraft {
            key: new_key(),
            draft: Draft::default(),
            started_ms: browser::timers::now_ms(),
        }
    }

    /// The draft saved in this tab, or a fresh one.
    pub fn load() -> SavedDraft {
        browser::storage::session_get(KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_else(SavedDraft::fresh)
    }

    /// This draft with what the reader typed into the form before the app took it over:
    /// `typed` gives a text field's value, `consent` the box's state. Fields left empty
    /// keep what was saved.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Called before the app starts, in the browser.
    pub fn with_typed(
        mut self,
        typed: impl Fn(Field) -> Option<String>,
        consent: Option<bool>,
    ) -> SavedDraft {
        for field in Field::ALL {
            if let Some(value) = typed(field).filter(|v| !v.is_empty()) {
                field.set_text(&mut self.draft, value);
            }
        }
        if consent == Some(true) {
            self.draft.consent = true;
        }
        self
    }

    /// Saves the draft in this tab's session storage.
    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            browser::storage::session_set(KEY, &json);
        }
    }

    /// Removes the draft and every personal detail in it from the browser.
    pub fn forget() {
        browser::storage::session_remove(KEY);
    }
}

/// A new idempotency key.
pub fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Before the app takes over a prerendered form, puts what the reader already typed into it
/// into the saved draft, which the form then shows: hydration would otherwise set each
/// control to the app's empty draft and lose it.
#[cfg(target_arch = "wasm32")]
pub fn keep_typed_before_start(root: &web_sys::Element) {
    use wasm_bindgen::JsValue;
    let control = |name: &str| {
        root.query_selector(&format!("form [name='{name}']"))
            .ok()
            .flatten()
    };
    let read = |name: &str, property: &str| {
        control(name).and_then(|el| js_sys::Reflect::get(&el, &JsValue::from_str(property)).ok())
    };
    if control(Field::Name.as_str()).is_none() {
        return; // Not the inquiry page.
    }
    SavedDraft::load()
        .with_typed(
            |field| read(field.as_str(), "value").and_then(|v| v.as_string()),
            read(Field::Consent.as_str(), "checked").and_then(|v| v.as_bool()),
        )
        .save();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_typed_before_the_start_fills_the_saved_draft() {
        let mut saved = SavedDraft::fresh();
        saved.draft.subject = "saved subject".into();
        saved.draft.email = "saved@example.jp".into();
        let typed = saved.clone().with_typed(
            |field| match field {
                Field::Name => Some("山田 太郎".into()),
                Field::Email => Some("typed@example.jp".into()),
                Field::Message => Some(String::new()),
                _ => None,
            },
            Some(true),
        );
        assert_eq!(typed.draft.name, "山田 太郎");
        assert_eq!(typed.draft.email, "typed@example.jp", "typed text wins");
        assert_eq!(
            typed.draft.subject, "saved subject",
            "untouched fields keep theirs"
        );
        assert_eq!(typed.draft.message, "", "an empty box clears nothing");
        assert!(typed.draft.consent);
        assert_eq!(
            typed.key, saved.key,
            "the same draft, the same idempotency key"
        );
    }
}
