//! The site's content: one edition per locale, deserialised from `content/{code}.json`
//! into typed structs, and the checks that every edition must pass before it ships.
//!
//! The app and its build script both use this crate, so the same rules that fail the
//! build are the ones the app relies on at run time.

mod audit;

/// A text of an edition: borrowed from the build when baked into the app ([`bake`]
/// writes every edition as a static), owned when read from a file.
pub type Text = std::borrow::Cow<'static, str>;
/// A list of an edition, as [`Text`].
pub type List<T> = std::borrow::Cow<'static, [T]>;

#[cfg(not(target_arch = "wasm32"))]
pub mod bake;
mod check;
mod date;
mod files;
mod mail;
mod model;
pub mod ruby;
pub mod schema;

#[cfg(not(target_arch = "wasm32"))]
pub use audit::{read_audit_dir, AuditError};
pub use audit::{Browser, Check, CheckRun};
pub use check::{check_editions, ContentError, ContentErrorKind, SourceFile};
pub use date::{Day, DayError, YearMonth, YearMonthError};
pub use files::{read_content_dir, ContentFile};
pub use mail::{MailText, OfficeMailText, ReceiptText};
pub use model::{
    is_external, AccessibilityPage, Article, AuditCheckText, AuditChecks, AuditText, Categories,
    CheckText, ConfirmationText, ContactInfo, ContactPage, Course, DateFormat, Edition, Event, Fax,
    FieldText, FooterText, FormText, HeadText, InquiryErrors, InquiryPage, Link, LocaleInfo,
    NotFoundPage, Notice, OverviewPage, PageId, Pages, Phone, Privacy, SectionText, Sending,
    SymposiaPage, Term, Ui, University, PREFECTURE_HOST,
};

/// Parses one edition, naming the key path of any error.
///
/// `file` and `locale` only label the error; the JSON itself decides the content. The
/// file's `$schema`, which names the schema an editor checks it against
/// ([`schema::SCHEMA_FILE`]), is not part of the edition.
pub fn parse_edition(file: &str, locale: &str, json: &str) -> Result<Edition, Box<ContentError>> {
    let error = |path: String, message: String| {
        Box::new(ContentError {
            file: file.to_owned(),
            locale: locale.to_owned(),
            path: if path == "." { String::new() } else { path },
            kind: ContentErrorKind::Malformed(message),
        })
    };
    let mut value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| error(String::new(), e.to_string()))?;
    if let Some(top) = value.as_object_mut() {
        top.remove(schema::SCHEMA_KEY);
    }
    serde_path_to_error::deserialize(value)
        .map_err(|err| error(err.path().to_string(), err.into_inner().to_string()))
}
