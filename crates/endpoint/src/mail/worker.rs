//! The delivery worker: sends what the outbox owes, marks a message sent only once the
//! relay has accepted it, and schedules a retry with backoff and jitter after a temporary
//! failure (a 4xx reply, a refused connection, a timeout), across restarts. A permanent
//! failure (5xx) is recorded with the relay's reply. On shutdown the sends in flight are
//! finished, so a SIGTERM sends nothing twice; a message cut off by a SIGKILL is still
//! pending and is sent again under the same `Message-ID`.
//!
//! Several endpoints may share one database (behind a load balancer, or during a restart
//! that overlaps the old process): all of them store and answer, and one sends, the one
//! holding the database's sender lock ([`SenderLock`]). When it ends, however it ends,
//! another takes the lock within [`IDLE`] and sends from then on.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls as LettreTls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;

use super::compose::compose;
use super::config::{MailConfig, Retry, Tls};
use super::outbox::{now_ms, Due};
use super::words::Words;
use crate::Store;

/// Messages sent at once: enough to keep a relay busy, few enough for one process.
const BATCH: u32 = 8;

/// The longest the worker sleeps without looking at the outbox, in case a message became
/// due without a wake-up (one stored by another process on the same database), and how
/// often a process without the sender lock tries to take it.
const IDLE: Duration = Duration::from_secs(5);

/// What the relay made of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted, with the reply's code.
    Sent(String),
    /// Try again later: the reply (or what went wrong) and its code, if any.
    Temporary { code: Option<String>, error: String },
    /// Refused for good.
    Permanent { code: Option<String>, error: String },
}

/// A connection to the relay, and what the messages are made of.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    config: MailConfig,
    words: Words,
}

/// Why the transport to the relay cannot be built.
#[derive(Debug, thiserror::Error)]
#[error("the relay's TLS settings cannot be used: {0}")]
pub struct TransportError(#[from] lettre::transport::smtp::Error);

impl Mailer {
    pub fn new(config: MailConfig, words: Words) -> Result<Mailer, TransportError> {
        let relay = &config.relay;
        let parameters = || -> Result<TlsParameters, lettre::transport::smtp::Error> {
            let mut builder = TlsParameters::builder(relay.host.clone());
            if let Some(pem) = &config.ca {
                builder = builder.add_root_certificate(Certificate::from_pem(pem)?);
            }
            builder.build()
        };
        let tls = match relay.tls {
            Tls::None => LettreTls::None,
            Tls::StartTls => LettreTls::Required(parameters()?),
            Tls::Implicit => LettreTls::Wrapper(parameters()?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&relay.host)
            .port(relay.port)
            .tls(tls)
            .timeout(Some(config.timeout))
            .pool_config(PoolConfig::new().max_size(BATCH));
        if let Some(secret) = &config.credentials {
            builder = builder.credentials(Credentials::new(
                secret.user.clone(),
                secret.password.clone(),
            ));
        }
        Ok(Mailer {
            transport: builder.build(),
            config,
            words,
        })
    }

    pub fn config(&self) -> &MailConfig {
        &self.config
    }

    /// Sends `message` and says what the relay answered.
    pub async fn send(&self, message: Message) -> Outcome {
        match self.transport.send(message).await {
            Ok(reply) => Outcome::Sent(reply.code().to_string()),
            Err(e) => {
                let code = e.status().map(|c| c.to_string());
                let error = e.to_string();
                if e.is_permanent() {
                    Outcome::Permanent { code, error }
                } else {
                    Outcome::Temporary { code, error }
                }
            }
        }
    }

    async fn deliver(&self, due: &Due) -> Outcome {
        match compose(&self.words, &self.config, due) {
            Ok(message) => self.send(message).await,
            Err(e) => Outcome::Permanent {
                code: None,
                error: e.to_string(),
            },
        }
    }
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones: `first` doubled
/// for each failure after the first, at most `max`, then drawn from its upper half so that
/// messages that failed together do not all come back together.
pub fn backoff(retry: &Retry, attempts: u32, draw: f64) -> Duration {
    let doublings = attempts.saturating_sub(1).min(30);
    let full = retry.first.saturating_mul(1u32 << doublings).min(retry.max);
    full.mul_f64(0.5 + 0.5 * draw.clamp(0.0, 1.0))
}

/// The right to send a database's mail: an exclusive `flock` on the file beside it,
/// `DB.sender-lock`, held for as long as it is kept. The kernel lets go of it when the
/// process ends, a SIGKILL included, so no lock is ever left behind.
pub struct SenderLock {
    _file: File,
}

impl SenderLock {
    /// The lock of the database at `db`, if no other process holds it.
    pub fn try_take(db: &Path) -> std::io::Result<Option<SenderLock>> {
        let mut name = db.as_os_str().to_owned();
        name.push(".sender-lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(name)?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(Some(SenderLock { _file: file })),
            Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

/// Waits until this process holds the database's sender lock, or `stop` turns true (then
/// `None`). Says once, in the log, that another process sends meanwhile.
async fn sender_lock(store: &Store, stop: &mut watch::Receiver<bool>) -> Option<SenderLock> {
    let mut said = false;
    loop {
        match SenderLock::try_take(store.path()) {
            Ok(Some(lock)) => {
                if said {
                    eprintln!("mail: this endpoint sends the database's mail from now on");
                }
                return Some(lock);
            }
            Ok(None) if !said => {
                eprintln!(
                    "mail: another endpoint sends this database's mail; this one stores and \
                     answers, and takes over sending if that one stops"
                );
                said = true;
            }
            Ok(None) => {}
            Err(e) => eprintln!("mail: the sender lock beside the database cannot be taken: {e}"),
        }
        tokio::select! {
            () = tokio::time::sleep(IDLE) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return None;
        }
    }
}

/// Runs the worker until `stop` turns true; `wake` is notified when an inquiry is stored.
/// It sends only while it holds the database's [`SenderLock`].
pub async fn run(
    store: Store,
    mailer: Arc<Mailer>,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) {
    let Some(_lock) = sender_lock(&store, &mut stop).await else {
        return;
    };
    loop {
        if *stop.borrow() {
            return;
        }
        let due = {
            let store = store.clone();
            tokio::task::spawn_blocking(move || store.due(now_ms(), BATCH)).await
        };
        let due = match due {
            Ok(Ok(due)) => due,
            Ok(Err(e)) => {
                eprintln!("mail: reading the outbox failed: {e}");
                Vec::new()
            }
            Err(e) => {
                eprintln!("mail: the outbox task failed: {e}");
                Vec::new()
            }
        };
        if due.is_empty() {
            let wait = next_wait(&store).await;
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        // Every send of the batch is finished before a stop is heeded.
        let mut sends = JoinSet::new();
        for message in due {
            let (store, mailer) = (store.clone(), mailer.clone());
            sends.spawn(async move {
                let outcome = mailer.deliver(&message).await;
                record(&store, &mailer.config.retry, &message, outcome).await;
            });
        }
        while sends.join_next().await.is_some() {}
    }
}

/// How long until the next pending message is due, at most [`IDLE`].
async fn next_wait(store: &Store) -> Duration {
    let store = store.clone();
    let next = tokio::task::spawn_blocking(move || store.next_due()).await;
    match next {
        Ok(Ok(Some(at))) => {
            let ms = u64::try_from(at.saturating_sub(now_ms())).unwrap_or(0);
            Duration::from_millis(ms).min(IDLE)
        }
        _ => IDLE,
    }
}

/// Writes what became of `due`, and logs one line without personal data.
async fn record(store: &Store, retry: &Retry, due: &Due, outcome: Outcome) {
    let attempt = due.attempts + 1;
    let what = format!(
        "mail: {} {} attempt {attempt}",
        due.inquiry.reference,
        due.kind.as_str()
    );
    let code = |c: &Option<String>| c.clone().unwrap_or_else(|| "no reply".into());
    let now = now_ms();
    let age = Duration::from_millis(u64::try_from(now - due.created_ms).unwrap_or(0));
    let (store, id) = (store.clone(), due.id);
    let write: Box<dyn FnOnce() -> Result<(), crate::StoreError> + Send> = match outcome {
        Outcome::Sent(reply) => {
            eprintln!("{what}: sent ({reply})");
            Box::new(move || store.mark_sent(id, now))
        }
        Outcome::Permanent { code: c, error } => {
            eprintln!("{what}: refused for good ({})", code(&c));
            Box::new(move || store.mark_failed(id, &error))
        }
        Outcome::Temporary { code: c, error } if age >= retry.give_up => {
            eprintln!(
                "{what}: failed ({}), given up after {} hours",
                code(&c),
                age.as_secs() / 3600
            );
            let error = format!("given up after {attempt} attempts; last: {error}");
            Box::new(move || store.mark_failed(id, &error))
        }
        Outcome::Temporary { code: c, error } => {
            let wait = backoff(retry, attempt, fastrand::f64());
            eprintln!(
                "{what}: failed for now ({}), next in {} s",
                code(&c),
                wait.as_secs()
            );
            let next = now + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX);
            Box::new(move || store.mark_retry(id, next, &error))
        }
    };
    match tokio::task::spawn_blocking(write).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!("mail: recording a delivery failed: {e}"),
        Err(e) => eprintln!("mail: the recording task failed: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_to_its_cap_and_jitter_keeps_the_upper_half() {
        let retry = Retry {
            first: Duration::from_secs(30),
            max: Duration::from_secs(900),
            give_up: Duration::from_secs(3600),
        };
        let secs = |n, draw| backoff(&retry, n, draw).as_secs();
        assert_eq!(
            [
                secs(1, 1.0),
                secs(2, 1.0),
                secs(3, 1.0),
                secs(6, 1.0),
                secs(40, 1.0)
            ],
            [30, 60, 120, 900, 900]
        );
        assert_eq!([secs(1, 0.0), secs(3, 0.0), secs(6, 0.0)], [15, 60, 450]);
    }
}
