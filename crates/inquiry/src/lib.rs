//! The inquiry contract: what the form sends, what the endpoint answers, and the rules both
//! sides apply, so a draft the app accepts is one the endpoint accepts too.

mod chars;
pub mod form_post;
mod normalize;
mod validate;
mod wire;

pub use normalize::{char_count, nfkc};
pub use validate::{is_locale_tag, validate, validate_field, FieldError, Problem, ValidInquiry};
pub use wire::{
    Accepted, Category, Draft, ErrorBody, ErrorKind, Field, Limits, IDEMPOTENCY_HEADER, LIMITS,
};
