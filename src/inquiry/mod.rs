//! The inquiry form: its rules come from `hcnf-inquiry`; here are the messages, the sending,
//! the saved draft and the view, each apart.

pub mod answered;
pub mod client;
mod delivery;
pub mod flow;
pub mod http;
pub mod island;
mod json;
pub mod messages;
pub mod saved;
mod view;

pub use view::{InquiryForm, NeedsAppNotice};
