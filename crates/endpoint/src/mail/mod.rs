//! Mail for every inquiry: the office's copy and the sender's receipt, from a durable
//! outbox written with the inquiry (`outbox`), built from the content files' words
//! (`words`, `compose`) and sent over SMTP by a worker (`worker`), as set by `config`.

pub mod commands;
pub mod compose;
pub mod config;
pub mod outbox;
pub mod words;
pub mod worker;

use std::sync::Arc;

use tokio::sync::Notify;

pub use config::{MailArgs, MailConfig, MailConfigError};
pub use outbox::{Outbound, ReceiptLimits};
pub use worker::{Mailer, Outcome};

/// What the request handler needs of mail: the outbox's settings and the worker's bell.
#[derive(Clone, Debug)]
pub struct MailHook {
    /// The domain of the `Message-ID`s.
    pub domain: String,
    pub receipts: ReceiptLimits,
    /// Rung after an inquiry and its outbox rows are committed.
    pub wake: Arc<Notify>,
}

impl MailHook {
    /// The hook for `config`, with a new bell.
    pub fn new(config: &MailConfig) -> MailHook {
        MailHook {
            domain: config.from.email.domain().to_owned(),
            receipts: config.receipts,
            wake: Arc::new(Notify::new()),
        }
    }
}
