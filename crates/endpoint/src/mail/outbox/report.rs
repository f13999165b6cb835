//! The outbox as the office's `outbox` command shows it: the open rows, the count in each
//! state, and a failed message put back in the queue.

use rusqlite::params;

use super::{now_ms, Kind};
use crate::store::{Store, StoreError};

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
