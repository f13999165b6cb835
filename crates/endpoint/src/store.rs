//! Durable storage of accepted inquiries in SQLite, keyed by idempotency key.
//!
//! Kept as the privacy notice promises: the file and its `-wal`/`-shm` companions are
//! readable by the owner only, the replay fingerprint is a digest rather than a second
//! copy of the inquiry, and deleted rows are overwritten, not just unlinked. The schema is
//! versioned with `PRAGMA user_version`, so an older database is brought up to date when
//! opened (`schema`).

mod schema;

use std::fs::{OpenOptions, Permissions};
use std::io;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use hcnf_inquiry::ValidInquiry;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::mail::outbox::{self, Outbound};
use schema::{migrate, SCHEMA_VERSION};

/// Owner read and write, nobody else: the inquiries hold names, addresses and numbers.
const PRIVATE: u32 = 0o600;

/// How long an inquiry is kept, in days counted from when it was received: what `purge`
/// deletes past unless told otherwise, and the rule the privacy notice states in every
/// edition (a test of the binary reads the notices and fails if they say another number).
pub const DEFAULT_RETENTION_DAYS: u32 = 365;

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
    #[error("database file: {0}")]
    File(#[from] io::Error),
    #[error("the database has schema version {0}, newer than this build knows ({SCHEMA_VERSION})")]
    Newer(u32),
}

/// The inquiry database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
    form_secret: Arc<[u8]>,
}

/// Extra facts stored with an inquiry.
pub struct Meta<'a> {
    pub key: &'a str,
    /// A digest identifying the draft, from [`digest`].
    pub fingerprint: &'a str,
    pub locale: &'a str,
    /// The honeypot was filled or the form was sent implausibly fast.
    pub suspected_spam: bool,
    pub elapsed_ms: u64,
    /// With mail on: the outbox rows to write in the same transaction.
    pub outbound: Option<&'a Outbound>,
}

/// One stored inquiry as the office reads it: no key, no fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub reference: String,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub received_at: String,
    pub locale: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub category: String,
    pub subject: String,
    pub message: String,
    pub suspected_spam: bool,
    pub elapsed_ms: u64,
}

/// SHA-256 of `text`, in hex: what a fingerprint is stored as.
pub fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// `bytes` in lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_file(path, true)
    }

    /// Opens the database at `path`, which must exist: for the office's commands, where a
    /// mistyped path should say so rather than leave an empty database behind.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        Store::open_file(path, false)
    }

    fn open_file(path: &Path, create: bool) -> Result<Store, StoreError> {
        make_private(path, create)?;
        let mut conn = Connection::open(path)?;
        // WAL plus FULL sync: an answered inquiry survives a crash or power cut. SQLite
        // gives the -wal and -shm files the database file's mode, so they are private too.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Deleted rows and replaced values are zeroed in the file, not left in free pages.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // A purged inquiry takes its outbox rows with it.
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        let form_secret: Vec<u8> = conn.query_row(
            "SELECT value FROM secrets WHERE name = 'form_key'",
            [],
            |r| r.get(0),
        )?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
            path: path.to_owned(),
            form_secret: form_secret.into(),
        })
    }

    /// Where the database is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The key under which the plain form's idempotency keys are signed: random, made with
    /// the database and kept in it, so keys issued before a restart still hold after it.
    pub(crate) fn form_secret(&self) -> &[u8] {
        &self.form_secret
    }

    /// The connection. A thread that panicked while holding it left no transaction open
    /// (a dropped transaction rolls back), so the lock is taken over rather than refused.
    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores `inq` under `meta.key` unless that key is already known.
    pub fn insert(&self, inq: &ValidInquiry, meta: &Meta<'_>) -> Result<Stored, StoreError> {
        let mut conn = self.conn();
        // Immediate: the write lock is taken before the key is looked up, so another
        // connection (another process on the same file) cannot slip in between, and a
        // busy database is waited for instead of failing the upgrade from read to write.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
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
        if let Some(out) = meta.outbound {
            outbox::enqueue(&tx, id, &reference, meta.key, &inq.email, out)?;
        }
        tx.commit()?;
        Ok(Stored::New(reference))
    }

    /// How many inquiries are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT COUNT(*) FROM inquiries", [], |r| r.get(0))?)
    }

    /// Inquiries received on or after `date` (`YYYY-MM-DD`, UTC), oldest first.
    pub fn received_since(&self, date: &str) -> Result<Vec<Record>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT reference, received_at, locale, name, email, phone, category, subject,
                message, suspected_spam, elapsed_ms
             FROM inquiries WHERE received_at >= ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([date], |r| {
            Ok(Record {
                reference: r.get(0)?,
                received_at: r.get(1)?,
                locale: r.get(2)?,
                name: r.get(3)?,
                email: r.get(4)?,
                phone: r.get(5)?,
                category: r.get(6)?,
                subject: r.get(7)?,
                message: r.get(8)?,
                suspected_spam: r.get(9)?,
                elapsed_ms: u64::try_from(r.get::<_, i64>(10)?).unwrap_or(0),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes the inquiries received more than `days` days ago; returns how many. The
    /// write-ahead log is then emptied, so the deleted rows are gone from every file.
    /// `hcnf-endpoint purge` asks for [`DEFAULT_RETENTION_DAYS`] unless told otherwise.
    pub fn purge_older_than(&self, days: u32) -> Result<usize, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let purged = tx.execute(
            "DELETE FROM inquiries
             WHERE received_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?1)",
            [format!("-{days} days")],
        )?;
        tx.commit()?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(purged)
    }

    /// Bytes free for this database on its file system.
    pub fn available_space(&self) -> io::Result<u64> {
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let stat = rustix::fs::statvfs(dir)?;
        Ok(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
}

/// Creates the database file owner-only before SQLite does (or refuses a missing one when
/// `create` is false), and narrows an existing file and its companions to the same mode.
fn make_private(path: &Path, create: bool) -> io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create(create)
        .mode(PRIVATE)
        .open(path)?;
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match std::fs::set_permissions(&file, Permissions::from_mode(PRIVATE)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
