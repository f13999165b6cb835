//! Bounded fuzzing of what a client can send: arbitrary bytes, and drafts with fields
//! removed, retyped, filled with any text or joined by unknown ones, under keys fresh,
//! reused or malformed, from allowed and other origins, POSTed through the router. Every
//! answer must be a 2xx with a reference or a 4xx with the contract's error body: never a
//! 5xx, never a panic.
//!
//! 256 cases a property by default; `PROPTEST_CASES=20000 cargo test -p hcnf-endpoint
//! --test fuzz` runs longer.

use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use hcnf_endpoint::{router, Config, Limits, Store};
use hcnf_inquiry::{Accepted, ErrorBody};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use tower::ServiceExt;

mod fixture;

use fixture::ORIGIN;

/// The router on a fresh database, with limits out of the way: the parsing is under test.
fn app(dir: &tempfile::TempDir) -> Router {
    let config = Config {
        allowed_origins: vec![ORIGIN.into()],
        limits: Limits {
            rate_burst: u32::MAX,
            min_free_disk_mb: 0,
            ..Limits::default()
        },
        ..Config::default()
    };
    router(Store::open(&dir.path().join("i.sqlite3")).unwrap(), config)
}

fn valid_draft() -> Map<String, Value> {
    let Value::Object(m) = json!({
        "name": "山田 太郎", "email": "taro@example.jp", "phone": "045-285-0777",
        "category": "hcnf_course", "subject": "講座について", "message": "日程を教えてください。",
        "consent": true, "website": "", "elapsed_ms": 45000, "locale": "ja"
    }) else {
        unreachable!()
    };
    m
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to a valid draft.
#[derive(Debug, Clone)]
enum Change {
    Set(usize, Value),
    Remove(usize),
    Add(String, Value),
}

fn change() -> impl Strategy<Value = Change> {
    let field = 0..valid_draft().len();
    prop_oneof![
        4 => (field.clone(), any_json()).prop_map(|(f, v)| Change::Set(f, v)),
        // Text of any length in a field, around the limits.
        4 => (field.clone(), ".{0,300}").prop_map(|(f, s)| Change::Set(f, Value::String(s))),
        1 => field.prop_map(Change::Remove),
        1 => (".{0,12}", any_json()).prop_map(|(k, v)| Change::Add(k, v)),
    ]
}

fn apply(changes: &[Change]) -> Vec<u8> {
    let mut draft = valid_draft();
    let names: Vec<String> = draft.keys().cloned().collect();
    for c in changes {
        match c {
            Change::Set(f, v) => {
                draft.insert(names[*f].clone(), v.clone());
            }
            Change::Remove(f) => {
                draft.remove(&names[*f]);
            }
            Change::Add(k, v) => {
                draft.insert(k.clone(), v.clone());
            }
        }
    }
    serde_json::to_vec(&draft).unwrap()
}

/// A fresh key each time, one key used again and again, or any text at all.
fn key() -> impl Strategy<Value = Option<String>> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    prop_oneof![
        3 => Just(()).prop_map(|()| Some(format!(
            "00000000-0000-4000-8000-{:012}",
            NEXT.fetch_add(1, Ordering::Relaxed)
        ))),
        1 => Just(Some("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b".to_owned())),
        1 => ".{0,40}".prop_map(Some),
        1 => Just(None),
    ]
}

fn origin() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        3 => Just(Some(ORIGIN)),
        1 => Just(None),
        1 => Just(Some("https://evil.example")),
    ]
}

/// POSTs `body` and checks the answer is the contract's; the status, for the caller.
fn post(
    rt: &tokio::runtime::Runtime,
    app: &Router,
    body: Vec<u8>,
    key: Option<String>,
    origin: Option<&str>,
) -> Result<StatusCode, TestCaseError> {
    let mut req = Request::post("/inquiries").header("content-type", "application/json");
    if let Some(k) = key.filter(|k| axum::http::HeaderValue::from_str(k).is_ok()) {
        req = req.header("idempotency-key", k);
    }
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    let req = req.body(Body::from(body)).unwrap();
    let (status, bytes) = rt.block_on(async {
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        (status, to_bytes(res.into_body(), usize::MAX).await.unwrap())
    });
    let text = String::from_utf8_lossy(&bytes);
    if status.is_success() {
        let accepted: Result<Accepted, _> = serde_json::from_slice(&bytes);
        prop_assert!(
            accepted.is_ok_and(|a| a.reference.starts_with("HCNF-")),
            "{status}: {text}"
        );
    } else {
        prop_assert!(status.is_client_error(), "{status}: {text}");
        prop_assert!(
            serde_json::from_slice::<ErrorBody>(&bytes).is_ok(),
            "{status}: {text}"
        );
    }
    Ok(status)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn any_bytes_get_a_contract_answer() {
    let (rt, dir) = (runtime(), tempfile::tempdir().unwrap());
    let app = app(&dir);
    proptest!(|(body in prop::collection::vec(any::<u8>(), 0..600), key in key(), origin in origin())| {
        post(&rt, &app, body, key, origin)?;
    });
}

#[test]
fn any_changed_draft_gets_a_contract_answer() {
    let (rt, dir) = (runtime(), tempfile::tempdir().unwrap());
    let app = app(&dir);
    let statuses = std::sync::Mutex::new(std::collections::BTreeSet::new());
    proptest!(|(changes in prop::collection::vec(change(), 0..4), key in key(), origin in origin())| {
        let status = post(&rt, &app, apply(&changes), key, origin)?;
        statuses.lock().unwrap().insert(status.as_u16());
    });
    // The cases reached the rules and the store, not just the parser.
    let statuses = statuses.into_inner().unwrap();
    for expected in [201, 400, 422] {
        assert!(statuses.contains(&expected), "{statuses:?}");
    }
}
