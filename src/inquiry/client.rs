//! Sending a draft: the transport is a small trait of our own, so the rules below (what a
//! reply means, when to retry) are tested natively with a fake, and the HTTP library can
//! change without touching the form.

use hcnf_inquiry::{Accepted, Draft, ErrorBody, ErrorKind, FieldError};

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

/// Reads a reply by the contract in the README.
pub fn interpret(reply: &Reply) -> Result<Accepted, SendError> {
    match reply.status {
        200 | 201 => serde_json::from_str::<Accepted>(&reply.body)
            .ok()
            .filter(|a| !a.reference.trim().is_empty())
            .ok_or(SendError::Malformed),
        400 | 422 => match serde_json::from_str::<ErrorBody>(&reply.body) {
            Ok(ErrorBody {
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
mod tests {
    use std::cell::RefCell;

    use futures::executor::block_on;
    use hcnf_inquiry::{Field, Problem};

    use super::*;

    /// Answers each request with the next scripted result and records what was sent.
    struct Fake {
        script: RefCell<Vec<Result<Reply, TransportError>>>,
        keys: RefCell<Vec<String>>,
    }

    impl Fake {
        fn new(mut script: Vec<Result<Reply, TransportError>>) -> Fake {
            script.reverse();
            Fake {
                script: RefCell::new(script),
                keys: RefCell::default(),
            }
        }
    }

    impl Transport for Fake {
        async fn post(&self, _: &str, key: &str, _: &Draft) -> Result<Reply, TransportError> {
            self.keys.borrow_mut().push(key.to_owned());
            self.script
                .borrow_mut()
                .pop()
                .expect("no more scripted replies")
        }
    }

    #[derive(Default)]
    struct Waits(RefCell<Vec<u32>>);

    impl Sleep for Waits {
        async fn sleep(&self, ms: u32) {
            self.0.borrow_mut().push(ms);
        }
    }

    fn reply(status: u16, body: &str) -> Result<Reply, TransportError> {
        Ok(Reply {
            status,
            retry_after: None,
            body: body.into(),
        })
    }

    fn run(fake: &Fake, waits: &Waits) -> Result<Accepted, SendError> {
        block_on(send_draft(
            fake,
            waits,
            RetryPolicy::default(),
            "http://x/",
            "key-1",
            &Draft::default(),
        ))
    }

    const OK: &str = r#"{"reference":"HCNF-000007"}"#;

    #[test]
    fn a_created_reply_gives_the_reference() {
        let fake = Fake::new(vec![reply(201, OK)]);
        assert_eq!(
            run(&fake, &Waits::default()).unwrap().reference,
            "HCNF-000007"
        );
    }

    #[test]
    fn field_errors_are_returned_for_the_form_and_not_retried() {
        let body = r#"{"error":"invalid","fields":[{"field":"email","problem":"email_invalid"}]}"#;
        let fake = Fake::new(vec![reply(422, body)]);
        assert_eq!(
            run(&fake, &Waits::default()),
            Err(SendError::Invalid(vec![FieldError {
                field: Field::Email,
                problem: Problem::EmailInvalid
            }]))
        );
        assert_eq!(fake.keys.borrow().len(), 1);
    }

    #[test]
    fn a_timeout_or_network_error_is_retried_once_with_the_same_key() {
        for first in [TransportError::Timeout, TransportError::Network] {
            let fake = Fake::new(vec![Err(first), reply(201, OK)]);
            let waits = Waits::default();
            assert!(run(&fake, &waits).is_ok());
            assert_eq!(*fake.keys.borrow(), ["key-1", "key-1"]);
            assert_eq!(*waits.0.borrow(), [1_000]);
        }
    }

    #[test]
    fn only_502_to_504_of_the_server_errors_are_retried() {
        for status in [502, 503, 504] {
            let fake = Fake::new(vec![reply(status, ""), reply(201, OK)]);
            assert!(run(&fake, &Waits::default()).is_ok(), "{status}");
        }
        for status in [500, 501, 505] {
            let fake = Fake::new(vec![reply(status, "")]);
            assert_eq!(
                run(&fake, &Waits::default()),
                Err(SendError::Server(status))
            );
        }
    }

    #[test]
    fn a_429_waits_as_long_as_retry_after_says() {
        let fake = Fake::new(vec![
            Ok(Reply {
                status: 429,
                retry_after: Some("2".into()),
                body: String::new(),
            }),
            reply(201, OK),
        ]);
        let waits = Waits::default();
        assert!(run(&fake, &waits).is_ok());
        assert_eq!(*waits.0.borrow(), [2_000]);
        let fake = Fake::new(vec![Ok(Reply {
            status: 429,
            retry_after: Some("120".into()),
            body: String::new(),
        })]);
        assert_eq!(
            run(&fake, &Waits::default()),
            Err(SendError::RateLimited(120)),
            "too long to wait unasked"
        );
    }

    #[test]
    fn retries_stop_after_the_policys_attempts() {
        let fake = Fake::new(vec![
            Err(TransportError::Timeout),
            Err(TransportError::Timeout),
        ]);
        assert_eq!(run(&fake, &Waits::default()), Err(SendError::Timeout));
        assert_eq!(fake.keys.borrow().len(), 2);
    }

    #[test]
    fn replies_outside_the_contract_are_malformed_not_success() {
        for (status, body) in [
            (200, "<html>"),
            (200, r#"{"reference":""}"#),
            (201, "{}"),
            (422, "oops"),
            (400, r#"{"error":"malformed"}"#),
        ] {
            let fake = Fake::new(vec![reply(status, body)]);
            assert_eq!(
                run(&fake, &Waits::default()),
                Err(SendError::Malformed),
                "{status} {body}"
            );
        }
        assert_eq!(
            run(&Fake::new(vec![reply(413, "")]), &Waits::default()),
            Err(SendError::TooLarge)
        );
        assert_eq!(
            run(&Fake::new(vec![reply(409, "")]), &Waits::default()),
            Err(SendError::KeyReused)
        );
    }
}
