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
//!
//! The connection to the relay is in `mailer`, the sender lock in `lock`.

mod lock;
mod mailer;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;

use lock::sender_lock;
pub use lock::SenderLock;
pub use mailer::{Mailer, Outcome, TransportError};

use super::config::Retry;
use super::outbox::{now_ms, Due};
use crate::Store;

/// Messages sent at once: enough to keep a relay busy, few enough for one process.
const BATCH: u32 = 8;

/// The longest the worker sleeps without looking at the outbox, in case a message became
/// due without a wake-up (one stored by another process on the same database), and how
/// often a process without the sender lock tries to take it.
const IDLE: Duration = Duration::from_secs(5);

/// The wait before attempt `attempts + 1`, after `attempts` failed ones: `first` doubled
/// for each failure after the first, at most `max`, then drawn from its upper half so that
/// messages that failed together do not all come back together.
pub fn backoff(retry: &Retry, attempts: u32, draw: f64) -> Duration {
    let doublings = attempts.saturating_sub(1).min(30);
    let full = retry.first.saturating_mul(1u32 << doublings).min(retry.max);
    full.mul_f64(0.5 + 0.5 * draw.clamp(0.0, 1.0))
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
                record(&store, &mailer.config().retry, &message, outcome).await;
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
