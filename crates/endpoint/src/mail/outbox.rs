//! The durable outbox: the messages owed for each inquiry, written in the transaction that
//! stores it, and their delivery state, so a crash, a restart or a mail server that is down
//! loses nothing and sends nothing twice.
//!
//! A row is `pending` until the server accepts it (`sent`) or refuses it for good
//! (`failed`, with the server's reply); a receipt over the limits is `skipped` from the
//! start. Times are milliseconds since the Unix epoch.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::store::{digest, Store, StoreError};

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

/// A message due for delivery, with the inquiry it tells of.
#[derive(Clone, Debug)]
pub struct Due {
    pub id: i64,
    pub kind: Kind,
    pub message_id: String,
    pub attempts: u32,
    pub created_ms: i64,
    pub inquiry: Inquiry,
}

/// An inquiry as the messages tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inquiry {
    pub reference: String,
    /// Received, in Japan Standard Time: year, month, day, hour, minute.
    pub received_jst: [u32; 5],
    pub locale: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub category: String,
    pub subject: String,
    pub message: String,
    pub suspected_spam: bool,
}

/// One row as `hcnf-endpoint outbox` lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: i64,
    pub reference: String,
    pub kind: Kind,
    pub state: String,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    pub last_error: Option<String>,
}

/// How the outbox stands: rows by state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: u64,
    pub sent: u64,
    pub failed: u64,
    pub skipped: u64,
}

impl Store {
    /// Up to `limit` pending messages due by `now`, oldest first.
    pub fn due(&self, now: i64, limit: u32) -> Result<Vec<Due>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT o.id, o.kind, o.message_id, o.attempts, o.created_ms, i.reference,
                strftime('%Y %m %d %H %M', i.received_at, '+9 hours'), i.locale, i.name,
                i.email, i.phone, i.category, i.subject, i.message, i.suspected_spam
             FROM outbox o JOIN inquiries i ON i.id = o.inquiry_id
             WHERE o.state = 'pending' AND o.next_attempt_ms <= ?1
             ORDER BY o.next_attempt_ms, o.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![now, limit], |r| {
            let when: String = r.get(6)?;
            let mut received_jst = [0; 5];
            for (slot, part) in received_jst.iter_mut().zip(when.split(' ')) {
                *slot = part.parse().unwrap_or(0);
            }
            Ok(Due {
                id: r.get(0)?,
                kind: Kind::parse(&r.get::<_, String>(1)?),
                message_id: r.get(2)?,
                attempts: r.get(3)?,
                created_ms: r.get(4)?,
                inquiry: Inquiry {
                    reference: r.get(5)?,
                    received_jst,
                    locale: r.get(7)?,
                    name: r.get(8)?,
                    email: r.get(9)?,
                    phone: r.get(10)?,
                    category: r.get(11)?,
                    subject: r.get(12)?,
                    message: r.get(13)?,
                    suspected_spam: r.get(14)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// When the next pending message is due, if any is.
    pub fn next_due(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT MIN(next_attempt_ms) FROM outbox WHERE state = 'pending'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// The server accepted message `id`.
    pub fn mark_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET state = 'sent', sent_ms = ?2, attempts = attempts + 1,
                last_error = NULL WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    /// Message `id` failed for now: tried again at `next`.
    pub fn mark_retry(&self, id: i64, next: i64, error: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3
             WHERE id = ?1",
            params![id, next, error],
        )?;
        Ok(())
    }

    /// Message `id` failed for good, with the server's reply.
    pub fn mark_failed(&self, id: i64, error: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?2
             WHERE id = ?1",
            params![id, error],
        )?;
        Ok(())
    }

    /// Puts failed message `id` back in the queue, due now; false if no failed message has it.
    pub fn retry_failed(&self, id: i64) -> Result<bool, StoreError> {
        let changed = self.conn().execute(
            "UPDATE outbox SET state = 'pending', next_attempt_ms = ?2
             WHERE id = ?1 AND state = 'failed'",
            params![id, now_ms()],
        )?;
        Ok(changed == 1)
    }

    /// Pending and failed messages, oldest first.
    pub fn outbox_open(&self) -> Result<Vec<Listed>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT o.id, i.reference, o.kind, o.state, o.attempts, o.next_attempt_ms,
                o.last_error
             FROM outbox o JOIN inquiries i ON i.id = o.inquiry_id
             WHERE o.state IN ('pending', 'failed') ORDER BY o.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Listed {
                id: r.get(0)?,
                reference: r.get(1)?,
                kind: Kind::parse(&r.get::<_, String>(2)?),
                state: r.get(3)?,
                attempts: r.get(4)?,
                next_attempt_ms: r.get(5)?,
                last_error: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many messages are in each state.
    pub fn outbox_counts(&self) -> Result<Counts, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state")?;
        let mut counts = Counts::default();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)))?;
        for row in rows {
            let (state, n) = row?;
            match state.as_str() {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                "failed" => counts.failed = n,
                _ => counts.skipped = n,
            }
        }
        Ok(counts)
    }
}
