//! How mail is sent: the relay, its TLS and credentials, the sender, the office's
//! addresses, the receipt limits and the retry schedule. Given by flags or the environment
//! (`args`); anything that cannot work stops the endpoint at start with one line saying
//! what to fix (`check`).

mod args;
mod check;

use std::fmt;
use std::time::Duration;

use lettre::message::Mailbox;

pub use args::{MailArgs, Taken};
pub use check::MailConfigError;

use super::outbox::ReceiptLimits;

/// How the connection to the relay is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    /// `smtp://`: STARTTLS, required (the default port 587).
    StartTls,
    /// `smtps://`: TLS from the first byte (the default port 465).
    Implicit,
    /// `smtp://…?tls=none`: none, for a relay on the same machine or a closed network.
    None,
}

/// The relay: where and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relay {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
}

impl fmt::Display for Relay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tls = match self.tls {
            Tls::StartTls => "STARTTLS",
            Tls::Implicit => "TLS",
            Tls::None => "no TLS",
        };
        write!(f, "{}:{} ({tls})", self.host, self.port)
    }
}

/// A user name and password for AUTH, read from a file; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    pub user: String,
    pub password: String,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// When a message that failed for now is tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry {
    /// After the first failure; doubled after each one, with jitter.
    pub first: Duration,
    /// The longest wait between two attempts.
    pub max: Duration,
    /// How long after the inquiry a message is still tried; then it is marked failed.
    pub give_up: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            first: Duration::from_secs(30),
            max: Duration::from_secs(15 * 60),
            give_up: Duration::from_secs(72 * 3600),
        }
    }
}

/// Mail, ready to use.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub relay: Relay,
    pub credentials: Option<Secret>,
    /// Certificates (PEM) the relay's may be signed by, besides the system's: a relay on the
    /// prefecture's own network often has a certificate from its own authority.
    pub ca: Option<Vec<u8>>,
    pub from: Mailbox,
    pub office: Vec<Mailbox>,
    /// The edition the office's copy is written in.
    pub office_locale: String,
    pub receipts: ReceiptLimits,
    pub retry: Retry,
    /// How long one SMTP exchange may take.
    pub timeout: Duration,
}

#[cfg(test)]
mod tests;
