//! The words of the two messages the inquiry endpoint sends for every inquiry: the
//! office's copy and the sender's receipt (`crates/endpoint`, module `mail`).

use serde::Deserialize;

use crate::Text;

/// Both messages' words in one edition.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct MailText {
    /// When an inquiry arrived, in Japan Standard Time: `{year}`, `{month}` (a name of
    /// `ui.date.months`), `{month_number}`, `{day}` (a word of `ui.date.days`),
    /// `{day_number}`, `{hour}` and `{minute}` are filled in.
    pub received_pattern: Text,
    pub office: OfficeMailText,
    pub receipt: ReceiptText,
}

/// The office's copy of an inquiry, in the edition the office reads (`--mail-office-locale`).
/// Its field labels are the form's own (`pages.inquiry.form`).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct OfficeMailText {
    /// `{reference}` and `{category}` are filled in; nothing the sender typed.
    pub subject: Text,
    /// What the message is, and that a reply goes to the sender.
    pub intro: Text,
    pub received_label: Text,
    /// Labels the edition the sender used.
    pub edition_label: Text,
    /// Said when the honeypot was filled or the form was sent implausibly fast.
    pub automated: Text,
    /// In place of an optional answer that was left empty.
    pub not_given: Text,
}

/// The sender's receipt, in the edition they used. It repeats nothing they typed, so that
/// nobody can make the prefecture mail a text of their choosing to someone else.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct ReceiptText {
    /// `{reference}` is filled in.
    pub subject: Text,
    /// Who sends it, and that it answers an inquiry sent with this address.
    pub intro: Text,
    pub received_label: Text,
    /// What happens next, in words the office can keep.
    pub next: Text,
    /// How to refer to the inquiry when contacting the office.
    pub contact: Text,
    /// What to do if the reader did not send it.
    pub not_sent_by_you: Text,
}
