//! The JSON that crosses the network. Field names are the contract in docs/inquiry.md.

use serde::{Deserialize, Serialize};

/// The header that carries a draft's idempotency key (a UUID v4).
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// Upper bounds, in characters, of each text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub name: usize,
    pub email: usize,
    pub phone: usize,
    pub subject: usize,
    pub message: usize,
}

/// The limits in force on both sides.
pub const LIMITS: Limits = Limits {
    name: 100,
    email: 254,
    phone: 30,
    subject: 120,
    message: 2000,
};

/// What an inquiry is about; the labels are in the content files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    MedicalInnovationSchool,
    Symposia,
    HcnfCourse,
    #[default]
    Other,
}

impl Category {
    /// Every category, in the order the form lists them.
    pub const ALL: [Category; 4] = [
        Category::MedicalInnovationSchool,
        Category::Symposia,
        Category::HcnfCourse,
        Category::Other,
    ];

    /// The wire name, also the `<option value>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::MedicalInnovationSchool => "medical_innovation_school",
            Category::Symposia => "symposia",
            Category::HcnfCourse => "hcnf_course",
            Category::Other => "other",
        }
    }

    /// The category whose wire name is `s`.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A draft as typed: the request body the form POSTs, before or after validation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Draft {
    pub name: String,
    pub email: String,
    /// Optional; empty when not given.
    pub phone: String,
    /// A wire name from [`Category::as_str`]; empty until chosen.
    pub category: String,
    pub subject: String,
    pub message: String,
    pub consent: bool,
    /// The honeypot: hidden from people and screen readers, so only robots fill it.
    pub website: String,
    /// Milliseconds from the form's first display to sending, for the endpoint to judge.
    pub elapsed_ms: u64,
    /// The reader's language (`en`, `ja`), so the office can answer in it.
    pub locale: String,
}

/// A field of the form, as named in error bodies and element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Email,
    Phone,
    Category,
    Subject,
    Message,
    Consent,
}

impl Field {
    /// Every field, in the form's order (the error summary follows it).
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Email,
        Field::Phone,
        Field::Category,
        Field::Subject,
        Field::Message,
        Field::Consent,
    ];

    /// The wire and id name: `name`, `email`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Category => "category",
            Field::Subject => "subject",
            Field::Message => "message",
            Field::Consent => "consent",
        }
    }

    /// The field whose wire name is `name`.
    pub fn from_wire(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// What the reader typed or chose in this field of `draft`; `None` for the consent box,
    /// which holds no text.
    pub fn text(self, draft: &Draft) -> Option<&str> {
        match self {
            Field::Name => Some(&draft.name),
            Field::Email => Some(&draft.email),
            Field::Phone => Some(&draft.phone),
            Field::Category => Some(&draft.category),
            Field::Subject => Some(&draft.subject),
            Field::Message => Some(&draft.message),
            Field::Consent => None,
        }
    }

    /// Puts `value` in this field of `draft`; the consent box holds no text and is left alone.
    pub fn set_text(self, draft: &mut Draft, value: String) {
        let slot = match self {
            Field::Name => &mut draft.name,
            Field::Email => &mut draft.email,
            Field::Phone => &mut draft.phone,
            Field::Category => &mut draft.category,
            Field::Subject => &mut draft.subject,
            Field::Message => &mut draft.message,
            Field::Consent => return,
        };
        *slot = value;
    }

    /// Where this field comes in the form: its index in [`Field::ALL`].
    pub fn position(self) -> usize {
        Field::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or(usize::MAX)
    }

    /// Whether the form may be sent with this field empty.
    pub fn is_optional(self) -> bool {
        self == Field::Phone
    }

    /// The most characters this field takes; `None` for the category and the consent box,
    /// whose values are chosen, not typed.
    pub fn limit(self) -> Option<usize> {
        match self {
            Field::Name => Some(LIMITS.name),
            Field::Email => Some(LIMITS.email),
            Field::Phone => Some(LIMITS.phone),
            Field::Subject => Some(LIMITS.subject),
            Field::Message => Some(LIMITS.message),
            Field::Category | Field::Consent => None,
        }
    }
}

/// The success body: `{"reference": "HCNF-…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub reference: String,
}

/// What went wrong, for every error status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 422: see `fields`.
    Invalid,
    /// 400: the body is not JSON of the contract, or the idempotency key is missing or not a UUID.
    Malformed,
    /// 403: the request came from an origin that may not send inquiries.
    OriginRefused,
    /// 413.
    TooLarge,
    /// 429: wait for `Retry-After`.
    RateLimited,
    /// 409: the same idempotency key came with a different draft.
    KeyReused,
    /// 5xx.
    Server,
}

impl ErrorKind {
    /// Every kind, for reading one back by its wire name.
    pub const ALL: [ErrorKind; 7] = [
        ErrorKind::Invalid,
        ErrorKind::Malformed,
        ErrorKind::OriginRefused,
        ErrorKind::TooLarge,
        ErrorKind::RateLimited,
        ErrorKind::KeyReused,
        ErrorKind::Server,
    ];

    /// The wire name: `invalid`, `rate_limited`, …
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::Malformed => "malformed",
            ErrorKind::OriginRefused => "origin_refused",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::KeyReused => "key_reused",
            ErrorKind::Server => "server",
        }
    }

    /// The kind whose wire name is `name`.
    pub fn from_wire(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// The error body: `{"error": "invalid", "fields": [{"field": "email", "problem": "email_invalid"}]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorKind,
    #[serde(default)]
    pub fields: Vec<crate::FieldError>,
}
