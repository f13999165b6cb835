//! The durable outbox: the messages owed for each inquiry, written in the transaction that
//! stores it, and their delivery state, so a crash, a restart or a mail server that is down
//! loses nothing and sends nothing twice.
//!
//! A row is `pending` until the server accepts it (`sent`) or refuses it for good
//! (`failed`, with the server's reply); a receipt over the limits is `skipped` from the
//! start. Times are milliseconds since the Unix epoch. The worker reads and marks the
//! rows in `delivery`; the office's `outbox` command reads and retries them in `report`.

mod delivery;
mod report;

use rusqlite::{params, Transaction};

pub use delivery::{Due, Inquiry};
pub use report::{Counts, Listed};

use crate::store::{digest, StoreError};

/// Which of an inquiry's two messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// To the office's address(es), Reply-To the sender.
    Office,
    /// To the sender, in their edition.
    Receipt,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Office => "office",
            Kind::Receipt => "receipt",
        }
    }

    fn parse(s: &str) -> Kind {
        if s == "receipt" {
            Kind::Receipt
        } else {
            Kind::Office
        }
    }
}

/// How many receipts one address, and one client, may be sent in 24 hours. Past either the
/// inquiry is stored and reaches the office as always; only the receipt is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReceiptLimits {
    pub per_address: u32,
    pub per_client: u32,
}

impl Default for ReceiptLimits {
    fn default() -> Self {
        ReceiptLimits {
            per_address: 3,
            per_client: 10,
        }
    }
}

/// What the store needs to write an inquiry's outbox rows.
#[derive(Clone, Debug)]
pub struct Outbound {
    /// The domain of the `Message-ID`s, the sender address's.
    pub domain: String,
    /// The client the request came from (its rate-limit key), kept only as a digest.
    pub client: String,
    pub limits: ReceiptLimits,
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The outbox table, created by the schema's version 2.
pub(crate) const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('office', 'receipt')),
        message_id TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        sent_ms INTEGER,
        last_error TEXT,
        recipient_digest TEXT,
        client_digest TEXT
    );
    CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_ms);
    CREATE INDEX IF NOT EXISTS outbox_recipient ON outbox (recipient_digest, created_ms);
    CREATE INDEX IF NOT EXISTS outbox_client ON outbox (client_digest, created_ms);";

/// Writes the office's message and the receipt (or a skipped receipt) for the inquiry just
/// inserted as `inquiry_id`, inside its transaction.
pub(crate) fn enqueue(
    tx: &Transaction<'_>,
    inquiry_id: i64,
    reference: &str,
    key: &str,
    email: &str,
    out: &Outbound,
) -> Result<(), StoreError> {
    let now = now_ms();
    // Stable and unguessable: the reference, and a digest of the idempotency key (which is
    // the sender's, so it is not itself put in a header).
    let tag = &digest(key)[..16];
    let id = |kind: Kind| format!("<{reference}.{}.{tag}@{}>", kind.as_str(), out.domain);
    tx.execute(
        "INSERT INTO outbox (inquiry_id, kind, message_id, state, created_ms, next_attempt_ms)
         VALUES (?1, 'office', ?2, 'pending', ?3, ?3)",
        params![inquiry_id, id(Kind::Office), now],
    )?;
    let recipient = digest(&email.to_lowercase());
    let client = digest(&out.client);
    let since = now - DAY_MS;
    let count = |column: &str, value: &str| -> Result<u32, StoreError> {
        Ok(tx.query_row(
            &format!(
                "SELECT COUNT(*) FROM outbox WHERE kind = 'receipt' AND state != 'skipped'
                 AND {column} = ?1 AND created_ms > ?2"
            ),
            params![value, since],
            |r| r.get(0),
        )?)
    };
    let skip = if count("recipient_digest", &recipient)? >= out.limits.per_address {
        Some("skipped: the address's daily receipt limit was reached")
    } else if count("client_digest", &client)? >= out.limits.per_client {
        Some("skipped: the client's daily receipt limit was reached")
    } else {
        None
    };
    tx.execute(
        "INSERT INTO outbox (inquiry_id, kind, message_id, state, created_ms, next_attempt_ms,
            last_error, recipient_digest, client_digest)
         VALUES (?1, 'receipt', ?2, ?3, ?4, ?4, ?5, ?6, ?7)",
        params![
            inquiry_id,
            id(Kind::Receipt),
            if skip.is_some() { "skipped" } else { "pending" },
            now,
            skip,
            recipient,
            client
        ],
    )?;
    if skip.is_some() {
        eprintln!("mail: {reference} receipt skipped by the daily limit");
    }
    Ok(())
}
