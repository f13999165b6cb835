//! The inquiry page: the form's fields and errors, the privacy notice, checking the
//! answers, sending, and the confirmation.

use serde::Deserialize;

use super::HeadText;
use crate::{List, Text};

/// The inquiry page: the form, checking answers, sending, and what happens after.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct InquiryPage {
    pub head: HeadText,
    pub lead: Text,
    pub form: FormText,
    pub privacy: Privacy,
    pub check: CheckText,
    pub sending: Sending,
    pub confirmation: ConfirmationText,
    /// Shown, with the telephone and fax, when no endpoint is configured or it is invalid.
    pub unavailable: Notice,
}

/// Labels, hints and errors of the form's fields.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct FormText {
    pub name: FieldText,
    pub email: FieldText,
    pub phone: FieldText,
    pub category: FieldText,
    pub subject: FieldText,
    pub message: FieldText,
    pub consent: FieldText,
    /// The badge on a required field's label, in words.
    pub required: Text,
    /// Appended to an optional field's label.
    pub optional: Text,
    /// The select's first, empty option.
    pub category_placeholder: Text,
    pub categories: Categories,
    /// `{n}` is filled in.
    pub characters_left: Text,
    /// `{n}` is filled in.
    pub characters_over: Text,
    pub continue_button: Text,
    /// Empties the form and removes the draft the browser keeps.
    pub discard_button: Text,
    /// Said once the draft is discarded.
    pub discarded: Text,
    pub error_summary_title: Text,
    /// Read before each error message by screen readers: "Error:".
    pub error_prefix: Text,
    pub errors: InquiryErrors,
}

/// A field's label and, where it helps, a hint.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct FieldText {
    pub label: Text,
    pub hint: Option<Text>,
}

/// The category options.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Categories {
    pub medical_innovation_school: Text,
    pub symposia: Text,
    pub hcnf_course: Text,
    pub other: Text,
}

/// Error messages; `{label}` and `{max}` are filled in where they appear.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct InquiryErrors {
    pub name_required: Text,
    pub email_required: Text,
    pub category_required: Text,
    pub subject_required: Text,
    pub message_required: Text,
    pub too_long: Text,
    pub control_characters: Text,
    pub email_invalid: Text,
    pub phone_invalid: Text,
    pub category_invalid: Text,
    pub consent_required: Text,
}

/// How the prefecture handles the personal information in an inquiry.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub heading: Text,
    pub items: List<Term>,
}

/// A term and its explanation, for a description list.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: Text,
    pub detail: Text,
}

/// The "check your answers" step.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct CheckText {
    pub heading: Text,
    pub lead: Text,
    pub change: Text,
    /// Shown for an optional answer left empty.
    pub not_given: Text,
    pub consent_given: Text,
    pub send_button: Text,
}

/// Sending, and what to say when it fails.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Sending {
    pub in_progress: Text,
    pub failed_heading: Text,
    pub timeout: Text,
    pub network: Text,
    pub server: Text,
    /// `{seconds}` is filled in.
    pub rate_limited: Text,
    pub malformed: Text,
    pub too_large: Text,
    pub key_reused: Text,
    pub invalid: Text,
    /// A plain post of the form from a page of another site, refused.
    pub refused_origin: Text,
    /// An answer page's form is empty because the post could not be read: go back.
    pub not_read: Text,
    pub retry_button: Text,
    pub phone_alternative: Text,
}

/// After a confirmed success.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct ConfirmationText {
    pub title: Text,
    pub reference_label: Text,
    pub body: Text,
    pub new_inquiry: Text,
}

/// A heading and a paragraph.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub heading: Text,
    pub body: Text,
}
