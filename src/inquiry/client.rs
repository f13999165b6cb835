//! Sending a draft: the transport is a small trait of our own, so the rules below (what a
//! reply means, when to retry) are tested natively with a fake, and the HTTP library can
//! change without touching the form.

use hcnf_inquiry::{Accepted, Draft, ErrorBody, ErrorKind, FieldError};

use super::json::{accepted_from_json, error_body_from_json};

/// What came back over the wire, before it is interpreted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
    pub body: String,
}

/// Why no reply came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("the request took longer than the timeout and was aborted")]
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Only the browser times out.
    Timeout,
    #[error("the network failed")]
    Network,
}

/// Posts one draft; implemented with gloo-net in the browser and by fakes in tests.
#[allow(async_fn_in_trait)] // Browser futures are not Send; nothing here needs them to be.
pub trait Transport {
    /// POSTs `draft` as JSON to `url` with the idempotency key `key`.
    async fn post(&self, url: &str, key: &str, draft: &Draft) -> Result<Reply, TransportError>;
}

/// Waits between automatic retries; a fake in tests does not really wait.
#[allow(async_fn_in_trait)]
pub trait Sleep {
    async fn sleep(&self, ms: u32);
}

/// Why a draft was not accepted, in terms the form can show.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    #[error("the endpoint refused some fields")]
    Invalid(Vec<FieldError>),
    #[error("rate limited; retry after {0} seconds")]
    RateLimited(u32),
    #[error("the request timed out")]
    Timeout,
    #[error("the network failed")]
    Network,
    #[error("the endpoint failed with status {0}")]
    Server(u16),
    #[error("the reply was not the contract")]
    Malformed,
    #[error("the draft is too large")]
    TooLarge,
    #[error("the idempotency key was used for another draft")]
    KeyReused,
}

impl SendError {
    /// Whether retrying with the same key may succeed without the reader changing anything.
    fn is_transient(&self) -> bool {
        match self {
            SendError::Timeout | SendError::Network | SendError::RateLimited(_) => true,
            SendError::Server(status) => (502..=504).contains(status),
            _ => false,
        }
    }
}

/// Reads a reply by the contract in docs/inquiry.md.
pub fn interpret(reply: &Reply) -> Result<Accepted, SendError> {
    match reply.status {
        200 | 201 => accepted_from_json(&reply.body)
            .filter(|a| !a.reference.trim().is_empty())
            .ok_or(SendError::Malformed),
        400 | 422 => match error_body_from_json(&reply.body) {
            Some(ErrorBody {
                error: ErrorKind::Invalid,
                fields,
            }) if !fields.is_empty() => Err(SendError::Invalid(fields)),
            _ => Err(SendError::Malformed),
        },
        409 => Err(SendError::KeyReused),
        413 => Err(SendError::TooLarge),
        429 => Err(SendError::RateLimited(retry_after_seconds(
            reply.retry_after.as_deref(),
        ))),
        status => Err(SendError::Server(status)),
    }
}

/// `Retry-After` in seconds (the HTTP-date form is rare for 429 and read as the default).
fn retry_after_seconds(header: Option<&str>) -> u32 {
    header
        .and_then(|h| h.trim().parse::<u32>().ok())
        .map_or(5, |s| s.clamp(1, 3600))
}

/// When to retry by itself, before telling the reader.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// Wait before a retry after a timeout, a network error or 502–504.
    pub backoff_ms: u32,
    /// A 429 asking for a longer wait than this is left to the reader.
    pub max_wait_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 2,
            backoff_ms: 1_000,
            max_wait_ms: 5_000,
        }
    }
}

/// Sends `draft`, retrying only transient failures and always with the same key, so the
/// endpoint stores at most one inquiry whatever happens.
pub async fn send_draft(
    transport: &impl Transport,
    sleep: &impl Sleep,
    policy: RetryPolicy,
    url: &str,
    key: &str,
    draft: &Draft,
) -> Result<Accepted, SendError> {
    let mut attempt = 1;
    loop {
        let result = match transport.post(url, key, draft).await {
            Ok(reply) => interpret(&reply),
            Err(TransportError::Timeout) => Err(SendError::Timeout),
            Err(TransportError::Network) => Err(SendError::Network),
        };
        let err = match result {
            Ok(accepted) => return Ok(accepted),
            Err(e) => e,
        };
        let wait = match &err {
            SendError::RateLimited(s) => s.saturating_mul(1000),
            _ => policy.backoff_ms,
        };
        if attempt >= policy.attempts || !err.is_transient() || wait > policy.max_wait_ms {
            return Err(err);
        }
        sleep.sleep(wait).await;
        attempt += 1;
    }
}

#[cfg(test)]
mod tests;
