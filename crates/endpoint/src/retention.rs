//! The privacy notice's retention rule, kept by the running endpoint: inquiries received
//! more than [`DEFAULT_RETENTION_DAYS`] days ago are deleted at start and then every hour,
//! so the rule holds without anyone remembering to run `hcnf-endpoint purge`.

use std::time::Duration;

use tokio::sync::watch;

use crate::{Store, DEFAULT_RETENTION_DAYS};

/// How often the rule is applied: an inquiry outlives its day by at most this much.
pub const EVERY: Duration = Duration::from_secs(60 * 60);

/// Deletes what the rule says is past keeping, now and every [`EVERY`], until `stop`
/// turns true. A failure is reported and tried again at the next round.
pub async fn run(store: Store, mut stop: watch::Receiver<bool>) {
    loop {
        let store = store.clone();
        let purged =
            tokio::task::spawn_blocking(move || store.purge_older_than(DEFAULT_RETENTION_DAYS))
                .await;
        match purged {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => eprintln!(
                "retention: deleted {n} inquiries received more than \
                 {DEFAULT_RETENTION_DAYS} days ago"
            ),
            Ok(Err(e)) => eprintln!("retention: deleting old inquiries failed: {e}"),
            Err(e) => eprintln!("retention: the deleting task failed: {e}"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}
