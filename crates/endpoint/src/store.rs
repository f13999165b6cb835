//! Durable storage of accepted inquiries in SQLite, keyed by idempotency key.

use std::path::Path;
use std::sync::{Arc, Mutex};

use hcnf_inquiry::ValidInquiry;
use rusqlite::{params, Connection, OptionalExtension};

/// What storing a draft did.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new row, with its reference.
    New(String),
    /// The key was seen before with the same draft: the first reference, nothing stored.
    Replayed(String),
    /// The key was seen before with a different draft.
    KeyReused,
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("the database lock was poisoned")]
    Poisoned,
}

/// The inquiry database; cheap to clone.
#[derive(Clone)]
pub struct Store(Arc<Mutex<Connection>>);

/// Extra facts stored with an inquiry.
pub struct Meta<'a> {
    pub key: &'a str,
    pub fingerprint: &'a str,
    pub locale: &'a str,
    /// The honeypot was filled or the form was sent implausibly fast.
    pub suspected_spam: bool,
    pub elapsed_ms: u64,
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        // WAL plus FULL sync: an answered inquiry survives a crash or power cut.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(
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
            );",
        )?;
        Ok(Store(Arc::new(Mutex::new(conn))))
    }

    /// Stores `inq` under `meta.key` unless that key is already known.
    pub fn insert(&self, inq: &ValidInquiry, meta: &Meta<'_>) -> Result<Stored, StoreError> {
        let mut conn = self.0.lock().map_err(|_| StoreError::Poisoned)?;
        let tx = conn.transaction()?;
        let seen: Option<(String, String)> = tx
            .query_row(
                "SELECT fingerprint, reference FROM inquiries WHERE idempotency_key = ?1",
                [meta.key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((fingerprint, reference)) = seen {
            return Ok(if fingerprint == meta.fingerprint {
                Stored::Replayed(reference)
            } else {
                Stored::KeyReused
            });
        }
        tx.execute(
            "INSERT INTO inquiries (idempotency_key, fingerprint, locale, name, email, phone, category,
                subject, message, suspected_spam, elapsed_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                meta.key,
                meta.fingerprint,
                meta.locale,
                inq.name,
                inq.email,
                inq.phone,
                inq.category.as_str(),
                inq.subject,
                inq.message,
                meta.suspected_spam,
                i64::try_from(meta.elapsed_ms).unwrap_or(i64::MAX),
            ],
        )?;
        let id = tx.last_insert_rowid();
        let reference = format!("HCNF-{id:06}");
        tx.execute(
            "UPDATE inquiries SET reference = ?1 WHERE id = ?2",
            params![reference, id],
        )?;
        tx.commit()?;
        Ok(Stored::New(reference))
    }

    /// How many inquiries are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        let conn = self.0.lock().map_err(|_| StoreError::Poisoned)?;
        Ok(conn.query_row("SELECT COUNT(*) FROM inquiries", [], |r| r.get(0))?)
    }
}
