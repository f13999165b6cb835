//! The inquiry as a plain HTML form posts it (`application/x-www-form-urlencoded`), for a
//! reader whose browser does not run the app: the names the form's controls carry, what
//! each button asks for, and how the endpoint reads a post. The site's view writes these
//! names and the endpoint reads them, so the two cannot drift apart.

use crate::wire::{Draft, Field};

/// The name of every button that submits the form; its value is a [`FormAction`].
pub const ACTION_NAME: &str = "action";
/// The hidden field with the idempotency key the endpoint issued on the check page.
pub const KEY_NAME: &str = "key";
/// The hidden field with the time the form was first answered, in milliseconds since the
/// Unix epoch, so the endpoint can judge how long the reader took (as the app reports it).
pub const STARTED_NAME: &str = "started";
/// The honeypot's name, as in the JSON body.
pub const HONEYPOT_NAME: &str = "website";
/// The value a ticked consent box sends.
pub const CONSENT_VALUE: &str = "yes";

/// What the reader pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormAction {
    /// "Continue": check the answers.
    Continue,
    /// "Change" beside a field on the check page: back to the form, at that field.
    Change(Field),
    /// "Send" on the check page.
    Send,
}

impl FormAction {
    /// The button's `value`: `continue`, `send`, `change-email`, …
    pub fn value(self) -> String {
        match self {
            FormAction::Continue => "continue".to_owned(),
            FormAction::Send => "send".to_owned(),
            FormAction::Change(field) => format!("change-{}", field.as_str()),
        }
    }

    /// The action a button's `value` names.
    pub fn parse(value: &str) -> Option<FormAction> {
        match value {
            "continue" => Some(FormAction::Continue),
            "send" => Some(FormAction::Send),
            _ => value
                .strip_prefix("change-")
                .and_then(Field::from_wire)
                .map(FormAction::Change),
        }
    }
}

/// One post of the form, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormPost {
    /// The answers as typed; `elapsed_ms` and `locale` are left for the endpoint to fill.
    pub draft: Draft,
    pub action: FormAction,
    /// The key the check page carried, if this post came from it.
    pub key: Option<String>,
    /// When the form was first answered, if the post carries it.
    pub started_ms: Option<u64>,
}

/// Why a body is not a post of this form; the endpoint answers each with a page.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormPostError {
    #[error("the body is not UTF-8")]
    NotUtf8,
    #[error("the form has no field named {0:?}")]
    UnknownName(String),
    #[error("the field {0:?} came more than once")]
    Repeated(String),
    #[error("no button, or one the form does not have, was pressed")]
    NoAction,
    /// Named by the field, not its value: the value is what someone typed or forged.
    #[error("the field {0:?} holds a value the form cannot have")]
    BadValue(&'static str),
}

/// Reads a form post: every name must be one the form has, once; an absent text field is
/// empty and an absent consent box unticked, as a browser sends them.
pub fn parse_form(body: &[u8]) -> Result<FormPost, FormPostError> {
    // A browser percent-encodes the page's UTF-8; bytes that decode to no character
    // (only a hand-made body has them) become U+FFFD, as in any form library.
    std::str::from_utf8(body).map_err(|_| FormPostError::NotUtf8)?;
    let mut draft = Draft::default();
    let mut action = None;
    let mut key = None;
    let mut started_ms = None;
    let mut seen: Vec<String> = Vec::new();
    for (name, value) in form_urlencoded::parse(body) {
        if seen.iter().any(|s| *s == name) {
            return Err(FormPostError::Repeated(name.into_owned()));
        }
        seen.push(name.to_string());
        let value = value.into_owned();
        match name.as_ref() {
            ACTION_NAME => {
                action = Some(FormAction::parse(&value).ok_or(FormPostError::NoAction)?);
            }
            KEY_NAME => key = Some(value),
            // The prerendered form's field is empty: the endpoint says when, once it answers.
            STARTED_NAME if value.is_empty() => {}
            STARTED_NAME => {
                started_ms = Some(
                    value
                        .parse()
                        .map_err(|_| FormPostError::BadValue(STARTED_NAME))?,
                );
            }
            HONEYPOT_NAME => draft.website = value,
            other => match Field::from_wire(other) {
                Some(Field::Consent) if value == CONSENT_VALUE => draft.consent = true,
                Some(Field::Consent) => {
                    return Err(FormPostError::BadValue(Field::Consent.as_str()))
                }
                Some(field) => field.set_text(&mut draft, value),
                None => return Err(FormPostError::UnknownName(other.to_owned())),
            },
        }
    }
    Ok(FormPost {
        draft,
        action: action.ok_or(FormPostError::NoAction)?,
        key,
        started_ms,
    })
}

#[cfg(test)]
mod tests;
