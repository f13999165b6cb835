//! The draft kept in session storage, so nothing typed is lost to a reload, a language
//! switch or a failed send; removed, with every personal detail, after a confirmed success,
//! when the reader discards it, or two hours after they last typed (the privacy notice
//! says so). Nothing is kept until the reader types.

use hcnf_inquiry::{Draft, Field};

use super::json::{draft_from_json, draft_to_json};
use crate::browser;
use crate::json::{Json, JsonObject};

const KEY: &str = "hcnf.inquiry.draft";

/// How long a saved draft outlives the reader's last keystroke: a shared computer's next
/// user must not find it.
pub const KEEP_MS: f64 = 2.0 * 60.0 * 60.0 * 1000.0;

/// A draft in progress with its idempotency key.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedDraft {
    /// A UUID v4, kept with the draft so every retry of it carries the same key.
    pub key: String,
    pub draft: Draft,
    /// When the form was first shown (ms since the epoch), for the time it took to fill.
    pub started_ms: f64,
    /// When it was last saved, that is, when the reader last typed (ms since the epoch).
    pub touched_ms: f64,
}

impl SavedDraft {
    /// A new, empty draft with a fresh key.
    pub fn fresh() -> SavedDraft {
        let now = browser::timers::now_ms();
        SavedDraft {
            key: new_key(),
            draft: Draft::default(),
            started_ms: now,
            touched_ms: now,
        }
    }

    /// The draft saved in this tab, or a fresh one; an expired one is removed.
    pub fn load() -> SavedDraft {
        let stored = browser::storage::session_get(KEY);
        match stored.and_then(|json| SavedDraft::read(&json, browser::timers::now_ms())) {
            Some(saved) => saved,
            None => {
                SavedDraft::forget();
                SavedDraft::fresh()
            }
        }
    }

    /// The draft stored as `json`, unless it is unreadable or was last touched more than
    /// [`KEEP_MS`] before `now_ms` (or, by a wrong clock, in the future).
    pub fn read(json: &str, now_ms: f64) -> Option<SavedDraft> {
        let saved = SavedDraft::from_json(&Json::parse(json).ok()?)?;
        let age = now_ms - saved.touched_ms;
        (0.0..=KEEP_MS).contains(&age).then_some(saved)
    }

    /// This draft with what the reader typed into the form before the app took it over:
    /// `typed` gives a text field's value, `consent` the box's state. Fields left empty
    /// keep what was saved. `None` if nothing differs from the saved draft (nothing typed,
    /// or only what the browser put back on a reload): then there is nothing to save, and
    /// saving would keep a draft two hours from this visit rather than from the last
    /// keystroke.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Called before the app starts, in the browser.
    pub fn with_typed(
        mut self,
        typed: impl Fn(Field) -> Option<String>,
        consent: Option<bool>,
    ) -> Option<SavedDraft> {
        let mut any = false;
        // The box's value is "on" whether ticked or not: its state comes as `consent`.
        for field in Field::ALL.into_iter().filter(|f| *f != Field::Consent) {
            if let Some(value) = typed(field).filter(|v| !v.is_empty()) {
                if field.text(&self.draft) != Some(value.as_str()) {
                    field.set_text(&mut self.draft, value);
                    any = true;
                }
            }
        }
        if consent == Some(true) && !self.draft.consent {
            self.draft.consent = true;
            any = true;
        }
        any.then_some(self)
    }

    /// Saves the draft in this tab's session storage, as touched now.
    pub fn save(&self) {
        let touched = SavedDraft {
            touched_ms: browser::timers::now_ms(),
            ..self.clone()
        };
        browser::storage::session_set(KEY, &touched.to_json());
    }

    /// As stored: `{"key": …, "draft": {…}, "started_ms": …, "touched_ms": …}`.
    fn to_json(&self) -> String {
        JsonObject::new()
            .str("key", &self.key)
            .object("draft", draft_to_json(&self.draft))
            .f64("started_ms", self.started_ms)
            .f64("touched_ms", self.touched_ms)
            .finish()
    }

    fn from_json(json: &Json) -> Option<SavedDraft> {
        Some(SavedDraft {
            key: json.get("key")?.as_str()?,
            draft: draft_from_json(&json.get("draft")?)?,
            started_ms: json.get("started_ms")?.as_f64()?,
            touched_ms: json.get("touched_ms")?.as_f64()?,
        })
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
    let typed = SavedDraft::load().with_typed(
        |field| read(field.as_str(), "value").and_then(|v| v.as_string()),
        read(Field::Consent.as_str(), "checked").and_then(|v| v.as_bool()),
    );
    if let Some(typed) = typed {
        typed.save();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_draft_lasts_two_hours_after_the_last_keystroke() {
        let mut saved = SavedDraft::fresh();
        saved.draft.name = "山田 太郎".into();
        saved.touched_ms = 1_000_000.0;
        let json = saved.to_json();
        let at = |ms: f64| SavedDraft::read(&json, ms).map(|s| s.draft.name);
        assert_eq!(at(1_000_000.0).as_deref(), Some("山田 太郎"));
        assert_eq!(at(1_000_000.0 + KEEP_MS).as_deref(), Some("山田 太郎"));
        assert_eq!(at(1_000_000.0 + KEEP_MS + 1.0), None, "expired");
        assert_eq!(at(999_999.0), None, "touched in the future: a wrong clock");
        assert!(SavedDraft::read("{\"key\": 1}", 0.0).is_none());
        // One saved before this release, as serde wrote it, is still taken up.
        let before = r#"{"key":"k","draft":{"name":"A","consent":true,"elapsed_ms":0},"started_ms":1000000.0,"touched_ms":1000000.0}"#;
        assert_eq!(
            SavedDraft::read(before, 1_000_000.0).map(|s| (s.key, s.draft.name, s.draft.consent)),
            Some(("k".into(), "A".into(), true))
        );
        // A draft saved before drafts expired has no time: it is not kept.
        let old = r#"{"key": "k", "draft": {}, "started_ms": 0}"#;
        assert!(SavedDraft::read(old, 0.0).is_none());
    }

    #[test]
    fn what_was_typed_before_the_start_fills_the_saved_draft() {
        let mut saved = SavedDraft::fresh();
        saved.draft.subject = "saved subject".into();
        saved.draft.email = "saved@example.jp".into();
        let typed = saved
            .clone()
            .with_typed(
                |field| match field {
                    Field::Name => Some("山田 太郎".into()),
                    Field::Email => Some("typed@example.jp".into()),
                    Field::Message => Some(String::new()),
                    _ => None,
                },
                Some(true),
            )
            .expect("something was typed");
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

    #[test]
    fn a_form_opened_without_typing_gives_nothing_to_save() {
        let mut saved = SavedDraft::fresh();
        saved.draft.name = "山田 太郎".into();
        // As the page gives them: empty text, and the box's value, "on" ticked or not.
        let empty = |field: Field| Some(if field == Field::Consent { "on" } else { "" }.to_owned());
        assert_eq!(saved.clone().with_typed(empty, Some(false)), None);
        assert_eq!(saved.clone().with_typed(|_| None, None), None);
        // The box alone counts: a reader ticked it.
        let ticked = saved
            .with_typed(empty, Some(true))
            .expect("the box was ticked");
        assert!(ticked.draft.consent);
        assert_eq!(ticked.draft.name, "山田 太郎");
        // What a reload puts back into the page is the draft itself: nothing new.
        let mut restored = ticked.clone();
        restored.draft.subject = "日程".into();
        let back = |field: Field| match field {
            Field::Name => Some("山田 太郎".to_owned()),
            Field::Subject => Some("日程".to_owned()),
            _ => None,
        };
        assert_eq!(restored.clone().with_typed(back, Some(true)), None);
        let more = |field: Field| (field == Field::Subject).then(|| "日程と場所".to_owned());
        assert_eq!(
            restored
                .with_typed(more, Some(true))
                .map(|s| s.draft.subject),
            Some("日程と場所".into()),
            "a change is typing"
        );
    }
}
