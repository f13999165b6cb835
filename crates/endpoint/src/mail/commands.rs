//! The office's mail commands: `hcnf-endpoint outbox` and `hcnf-endpoint check-mail`.

use std::fmt::Write as _;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::Message;

use super::outbox::now_ms;
use super::worker::{Mailer, Outcome};
use crate::{Store, StoreError};

/// The pending and failed messages, one a line, with their last error and next attempt,
/// and the count of each state.
pub fn outbox_report(store: &Store) -> Result<String, StoreError> {
    let mut out = String::new();
    let now = now_ms();
    for m in store.outbox_open()? {
        let next = if m.state == "pending" {
            let secs = (m.next_attempt_ms - now).max(0) / 1000;
            format!("next attempt in {secs} s")
        } else {
            format!("retry with: hcnf-endpoint outbox --db … --retry {}", m.id)
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\tattempts {}\t{next}\t{}",
            m.id,
            m.reference,
            m.kind.as_str(),
            m.state,
            m.attempts,
            m.last_error.as_deref().unwrap_or("-")
        );
    }
    let c = store.outbox_counts()?;
    let _ = writeln!(
        out,
        "{} pending, {} failed, {} sent, {} receipts skipped by the daily limits",
        c.pending, c.failed, c.sent, c.skipped
    );
    Ok(out)
}

/// Sends one test message to `to` and says what the relay answered.
pub async fn check_mail(mailer: &Mailer, to: Mailbox) -> Result<String, String> {
    let config = mailer.config();
    let message = Message::builder()
        .from(config.from.clone())
        .to(to)
        .subject("hcnf-endpoint check-mail")
        .header(ContentType::TEXT_PLAIN)
        .body(String::from(
            "A test message from hcnf-endpoint check-mail: the relay accepted it.\r\n",
        ))
        .map_err(|e| format!("the test message cannot be built: {e}"))?;
    match mailer.send(message).await {
        Outcome::Sent(code) => Ok(format!(
            "{} accepted the test message: {code}",
            config.relay
        )),
        Outcome::Temporary { error, .. } => Err(format!(
            "{} did not take the test message for now: {error}",
            config.relay
        )),
        Outcome::Permanent { error, .. } => Err(format!(
            "{} refused the test message: {error}",
            config.relay
        )),
    }
}
