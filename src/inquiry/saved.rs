//! The draft kept in session storage, so nothing typed is lost to a reload, a language
//! switch or a failed send; removed, with every personal detail, after a confirmed success.

use hcnf_inquiry::Draft;
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
            started_ms: browser::now_ms(),
        }
    }

    /// The draft saved in this tab, or a fresh one.
    pub fn load() -> SavedDraft {
        browser::session_get(KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_else(SavedDraft::fresh)
    }

    /// Saves the draft in this tab's session storage.
    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            browser::session_set(KEY, &json);
        }
    }

    /// Removes the draft and every personal detail in it from the browser.
    pub fn forget() {
        browser::session_remove(KEY);
    }
}

/// A new idempotency key.
pub fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}
