//! The rows the delivery worker sends, and what it records of each attempt.

use rusqlite::{params, OptionalExtension};

use super::Kind;
use crate::store::{Store, StoreError};

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
}
