//! What a check found: the file, locale and key path, and what is wrong there.

use std::fmt;

/// A fault in one file, at one key path, in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub locale: String,
    /// Where in the file, e.g. `pages.symposia.events[0].name`; empty for the whole file.
    pub path: String,
    pub kind: ContentErrorKind,
}

/// What is wrong at a key path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContentErrorKind {
    #[error("not valid content: {0}")]
    Malformed(String),
    #[error("the key is missing here but present in the {0:?} edition")]
    MissingKey(String),
    #[error("this list has {ours} entries but the {other:?} edition has {theirs}; entries must correspond")]
    LengthMismatch {
        other: String,
        ours: usize,
        theirs: usize,
    },
    #[error("this is a {ours} but in the {other:?} edition it is a {theirs}")]
    TypeMismatch {
        other: String,
        ours: &'static str,
        theirs: &'static str,
    },
    #[error("the string is empty")]
    EmptyString,
    #[error("link {0:?} must start with one of https:, http:, tel:, mailto:")]
    LinkScheme(String),
    #[error("locale.code is {found:?} but the file name says {expected:?}")]
    LocaleCode { expected: String, found: String },
    #[error("there is no edition at all")]
    NoEditions,
    #[error("to_confirm names {0:?}, which is no text of this edition")]
    UnknownPath(String),
    #[error("{0:?} has no reading: this edition gives every kanji one, as {{漢字|かんじ}}")]
    KanjiWithoutReading(String),
    #[error("the reading of {base:?} must be kana, found {reading:?}")]
    ReadingNotKana { base: String, reading: String },
    #[error("{0:?} has a reading but no kanji to read")]
    ReadingWithoutKanji(String),
    #[error("{0:?} has a reading, but this edition gives none (locale.kanji_readings is false)")]
    UnexpectedReading(String),
    #[error("the office map {0:?} is not on the prefecture's site ({host}): link to the prefecture's own page, or leave contact.map out and let the address say where", host = crate::PREFECTURE_HOST)]
    MapElsewhere(String),
    #[error("the page does not say when its words last changed: add \"updated\": \"YYYY-MM-DD\", the day of this change")]
    PageUndated,
    #[error("the text must hold {0} exactly once, where it is filled in")]
    Placeholder(&'static str),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "(whole file)"
        } else {
            &self.path
        };
        write!(
            f,
            "{} [locale {}] at {}: {}",
            self.file, self.locale, at, self.kind
        )
    }
}

impl std::error::Error for ContentError {}
