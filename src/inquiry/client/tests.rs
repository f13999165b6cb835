//! What each reply means and when to retry, against a scripted fake transport.

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
