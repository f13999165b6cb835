//! The typed shape of one edition. Every field is required and unknown keys are refused,
//! so a typo or a missing translation fails to parse instead of vanishing from a page.
//!
//! One module per part of the site: the frame around every page (`ui`), the pages
//! (`pages`), the accessibility statement (`accessibility`), the inquiry form (`inquiry`)
//! and the office's contact details (`contact`); the words of the endpoint's messages are
//! [`MailText`].

mod accessibility;
mod contact;
mod inquiry;
mod pages;
mod ui;

use serde::Deserialize;

pub use accessibility::{AccessibilityPage, AuditCheckText, AuditChecks, AuditText};
pub use contact::{is_external, ContactInfo, Fax, Link, Phone, PREFECTURE_HOST};
pub use inquiry::{
    Categories, CheckText, ConfirmationText, FieldText, FormText, InquiryErrors, InquiryPage,
    Notice, Privacy, Sending, Term,
};
pub use pages::{
    Article, ContactPage, Course, Event, HeadText, OverviewPage, PageId, Pages, SectionText,
    SymposiaPage, University,
};
pub use ui::{DateFormat, FooterText, NotFoundPage, Ui};

use crate::{List, MailText, Text};

/// Everything a reader sees in one language: UI strings, page content and contacts.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub locale: LocaleInfo,
    pub ui: Ui,
    pub pages: Pages,
    pub contact: ContactInfo,
    /// The endpoint's messages: the office's copy of an inquiry and the sender's receipt.
    pub mail: MailText,
    /// Key paths (`pages.inquiry.privacy.items[2].detail`) of wording the office must
    /// confirm before it is published, such as promises about retention and replies. The
    /// check refuses a path that names no text; the build lists each one as a warning.
    pub to_confirm: List<Text>,
}

/// Which language an edition is in.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct LocaleInfo {
    /// BCP 47 tag, also the URL prefix and the file name: `en`, `ja`.
    pub code: Text,
    /// The language's name for itself, as the language switch shows it: `English`, `日本語`.
    pub name: Text,
    /// Whether every kanji in this edition carries its reading, written
    /// `{漢字|かんじ}` and shown as `<ruby>` (see [`crate::ruby`]): plain Japanese does.
    pub kanji_readings: bool,
}
