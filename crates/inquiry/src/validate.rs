//! The rules for each field. Both the app (on blur and on submit) and the endpoint (on
//! every request) call [`validate`], so the two can never disagree.

use serde::{Deserialize, Serialize};

use crate::chars::{has_visible, unusable_in_line};
use crate::{char_count, nfkc, Category, Draft, Field};

/// Why a field's value was refused; the app turns each into a message in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("contains control characters")]
    ControlCharacters,
    #[error("not an email address")]
    EmailInvalid,
    #[error("not a telephone number")]
    PhoneInvalid,
    #[error("not one of the categories")]
    CategoryInvalid,
    #[error("consent not given")]
    ConsentRequired,
}

impl Problem {
    /// Every problem, for reading one back by its wire name.
    pub const ALL: [Problem; 7] = [
        Problem::Required,
        Problem::TooLong,
        Problem::ControlCharacters,
        Problem::EmailInvalid,
        Problem::PhoneInvalid,
        Problem::CategoryInvalid,
        Problem::ConsentRequired,
    ];

    /// The wire name: `required`, `email_invalid`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong => "too_long",
            Problem::ControlCharacters => "control_characters",
            Problem::EmailInvalid => "email_invalid",
            Problem::PhoneInvalid => "phone_invalid",
            Problem::CategoryInvalid => "category_invalid",
            Problem::ConsentRequired => "consent_required",
        }
    }

    /// The problem whose wire name is `name`.
    pub fn from_wire(name: &str) -> Option<Problem> {
        Problem::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// One field's problem, as sent in an error body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// A draft that passed every rule, normalised: what is stored and what is shown for checking.
/// Serialisable so the endpoint can keep a stable record of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidInquiry {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub category: Category,
    pub subject: String,
    pub message: String,
}

/// Checks every field; returns the normalised inquiry or every problem, in form order.
pub fn validate(draft: &Draft) -> Result<ValidInquiry, Vec<FieldError>> {
    let mut errors = Vec::new();
    // Each rule runs once and its normalised value is kept under the field's own name, so
    // reordering the form cannot swap two answers.
    let mut check = |field: Field| match validate_field(field, draft) {
        Ok(value) => value,
        Err(problem) => {
            errors.push(FieldError { field, problem });
            None
        }
    };
    let name = check(Field::Name);
    let email = check(Field::Email);
    let phone = check(Field::Phone);
    check(Field::Category);
    let subject = check(Field::Subject);
    let message = check(Field::Message);
    check(Field::Consent);
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.field.position());
        return Err(errors);
    }
    Ok(ValidInquiry {
        name: name.unwrap_or_default(),
        email: email.unwrap_or_default(),
        phone,
        category: Category::parse(draft.category.trim()).unwrap_or_default(),
        subject: subject.unwrap_or_default(),
        message: message.unwrap_or_default(),
    })
}

impl ValidInquiry {
    /// The normalised text answer for `field`, as stored and shown for checking; `None` for
    /// an optional field left empty, and for the category and consent, which are choices.
    pub fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Name => Some(&self.name),
            Field::Email => Some(&self.email),
            Field::Phone => self.phone.as_deref(),
            Field::Subject => Some(&self.subject),
            Field::Message => Some(&self.message),
            Field::Category | Field::Consent => None,
        }
    }
}

/// Checks one field; `Ok(Some(normalised))` for a text field with a value, `Ok(None)` for
/// an empty optional field or a non-text field. What the field holds, its limit and
/// whether it may be empty come from [`Field`]; the rule for its kind of value is here.
pub fn validate_field(field: Field, d: &Draft) -> Result<Option<String>, Problem> {
    let Some(text) = field.text(d) else {
        // The consent box, the one field that holds no text.
        return d.consent.then_some(None).ok_or(Problem::ConsentRequired);
    };
    if field.is_optional() && nfkc(text.trim()).trim().is_empty() {
        return Ok(None);
    }
    let max = field.limit().unwrap_or(usize::MAX);
    match field {
        Field::Email => email(text, max).map(Some),
        Field::Phone => phone(text, max).map(Some),
        Field::Message => message(text, max).map(Some),
        Field::Category => {
            Category::parse(text.trim())
                .map(|_| None)
                .ok_or(if text.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::CategoryInvalid
                })
        }
        _ => single_line(text, max).map(Some),
    }
}

/// Whether `s` is a language tag as the app sends it (`en`, `ja`, `ja-x-easy`): the form of
/// a BCP 47 tag, not a registry look-up, so a new edition needs no change here. The
/// endpoint stores it beside the inquiry, so it is held to a rule like every field.
pub fn is_locale_tag(s: &str) -> bool {
    let mut subtags = s.split('-');
    let language_ok = subtags
        .next()
        .is_some_and(|l| (2..=8).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && s.len() <= 35
        && subtags
            .all(|t| (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Control characters and bidirectional overrides, which can hide or reorder text.
fn is_forbidden(c: char, allow_newlines: bool) -> bool {
    if allow_newlines && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The checks every text field shares: present, no forbidden characters, something a
/// person can see, within `max`. A line also refuses what [`unusable_in_line`] names.
fn checked(s: String, max: usize, allow_newlines: bool) -> Result<String, Problem> {
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().any(|c| is_forbidden(c, allow_newlines))
        || (!allow_newlines && unusable_in_line(&s))
    {
        return Err(Problem::ControlCharacters);
    }
    if !has_visible(&s) {
        // Only marks or spaces: as good as empty.
        return Err(Problem::Required);
    }
    if char_count(&s) > max {
        return Err(Problem::TooLong);
    }
    Ok(s)
}

fn single_line(raw: &str, max: usize) -> Result<String, Problem> {
    checked(nfkc(raw.trim()).trim().to_owned(), max, false)
}

/// The longest address SMTP carries (RFC 5321: a 256-octet path less its brackets), and
/// the longest local part and domain label, all in octets.
const EMAIL_MAX_OCTETS: usize = 254;
const LOCAL_MAX_OCTETS: usize = 64;
const LABEL_MAX_OCTETS: usize = 63;

fn message(raw: &str, max: usize) -> Result<String, Problem> {
    // Free text keeps what the reader wrote (no NFKC), with line endings made uniform.
    let s = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned();
    checked(s, max, true)
}

fn email(raw: &str, max: usize) -> Result<String, Problem> {
    let s = single_line(raw, max)?;
    let (local, domain) = s.rsplit_once('@').ok_or(Problem::EmailInvalid)?;
    // `len` counts octets (UTF-8), as mail servers do; a local part starting with '-' could
    // be taken for an option by a program the office's mail passes through.
    let local_ok = !local.is_empty()
        && s.len() <= EMAIL_MAX_OCTETS
        && local.len() <= LOCAL_MAX_OCTETS
        && !local.starts_with('-')
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= LABEL_MAX_OCTETS
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok {
        Ok(s)
    } else {
        Err(Problem::EmailInvalid)
    }
}

/// Japanese numbers as people type them: full-width digits, and any of the dashes an IME
/// offers, become ASCII; spaces and brackets go. Domestic numbers are 10 or 11 digits from
/// a leading 0; international ones are `+` and 8 to 15 digits.
fn phone(raw: &str, max: usize) -> Result<String, Problem> {
    let s = nfkc(raw.trim());
    if s.chars().any(|c| is_forbidden(c, false)) {
        return Err(Problem::ControlCharacters);
    }
    if char_count(&s) > max {
        return Err(Problem::TooLong);
    }
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' => out.push(c),
            '+' if out.is_empty() => out.push(c),
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
            ' ' | '(' | ')' | '\u{3000}' => {}
            _ => return Err(Problem::PhoneInvalid),
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    let digits = out.chars().filter(char::is_ascii_digit).count();
    let valid = if out.starts_with('+') {
        (8..=15).contains(&digits)
    } else {
        out.starts_with('0') && (10..=11).contains(&digits)
    };
    if valid {
        Ok(out)
    } else {
        Err(Problem::PhoneInvalid)
    }
}
