//! The database's tables, versioned with `PRAGMA user_version`: an older database is
//! brought up to date when opened, and a newer one refused.

use rusqlite::{params, Connection, TransactionBehavior};

use super::{digest, StoreError};
use crate::mail::outbox;

/// The schema this build writes: 1 keeps fingerprints as SHA-256 digests (0 kept them as
/// the inquiry's JSON); 2 adds the mail outbox; 3 the plain form's secret.
pub(super) const SCHEMA_VERSION: u32 = 3;

/// Brings the schema to [`SCHEMA_VERSION`], in one transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer(version));
    }
    if version < 1 {
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS inquiries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL,
                reference TEXT,
                received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                locale TEXT NOT NULL,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                phone TEXT,
                category TEXT NOT NULL,
                subject TEXT NOT NULL,
                message TEXT NOT NULL,
                suspected_spam INTEGER NOT NULL,
                elapsed_ms INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS inquiries_received_at ON inquiries (received_at);",
        )?;
        digest_fingerprints(&tx)?;
    }
    if version < 2 {
        tx.execute_batch(outbox::SCHEMA)?;
    }
    if version < 3 {
        // SQLite's randomblob draws from its own CSPRNG, seeded by the operating system.
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
             INSERT OR IGNORE INTO secrets VALUES ('form_key', randomblob(32));",
        )?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Version 0 kept the inquiry's JSON as its fingerprint; the digest of that same text is
/// what this build computes, so a retry of an old draft still replays.
fn digest_fingerprints(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let old: Vec<(i64, String)> = tx
        .prepare("SELECT id, fingerprint FROM inquiries")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, fingerprint) in old {
        tx.execute(
            "UPDATE inquiries SET fingerprint = ?1 WHERE id = ?2",
            params![digest(&fingerprint), id],
        )?;
    }
    Ok(())
}
