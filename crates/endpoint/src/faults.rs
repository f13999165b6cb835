//! Faults the endpoint can be told to inject, for tests only (the `test-faults` feature):
//! the app's handling of each is tested end to end against the real server.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::submit::{idempotency_key, read_body, submit};
use crate::{finish, AppState, Config, Rejection, Store};

/// One injected fault, applied to the next inquiry request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// Answer 500.
    ServerError,
    /// Answer 429 with `Retry-After: 1`.
    RateLimited,
    /// Wait longer than the app's timeout, then answer normally.
    Delay,
    /// Answer 200 with a body that is not the contract.
    Malformed,
}

/// The queue of faults still to inject.
#[derive(Clone)]
pub struct Faults {
    queue: Arc<Mutex<VecDeque<Fault>>>,
    delay: Duration,
}

impl Faults {
    /// Nothing queued yet; an injected [`Fault::Delay`] lasts `delay`.
    pub fn new(delay: Duration) -> Faults {
        Faults {
            queue: Arc::default(),
            delay,
        }
    }

    /// Queues `faults` for the next requests.
    pub fn push(&self, faults: &[Fault]) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(faults);
    }

    fn next(&self) -> Option<Fault> {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
    }
}

/// [`crate::router`] with `faults` injected into inquiries, plus `POST /_test/faults` (a
/// JSON list of faults to queue) and `GET /_test/count` (how many inquiries are stored).
pub fn router_with_faults(store: Store, config: Config, faults: Faults) -> Router {
    let within = config.limits.body_timeout;
    let inquiries = post(submit).layer(middleware::from_fn_with_state(
        (faults.clone(), within),
        inject,
    ));
    let app = Router::new()
        .route("/inquiries", inquiries)
        .route("/_test/faults", post(queue).with_state(faults))
        .route("/_test/count", get(count));
    finish(app, store, config)
}

/// Applies the next queued fault to an inquiry request. A missing key or an oversized body
/// is refused first, as the handler would, so a fault is only spent on a request that
/// would otherwise have reached the rules.
async fn inject(
    State((faults, within)): State<(Faults, Duration)>,
    req: Request,
    next: Next,
) -> Result<Response, Rejection> {
    let (parts, body) = req.into_parts();
    idempotency_key(&parts.headers)?;
    let bytes = read_body(body, crate::BODY_LIMIT, within).await?;
    match faults.next() {
        Some(Fault::ServerError) => return Err(Rejection::Server),
        Some(Fault::RateLimited) => return Err(Rejection::RateLimited(1)),
        Some(Fault::Malformed) => {
            return Ok((StatusCode::OK, "<html>not the contract</html>").into_response())
        }
        Some(Fault::Delay) => tokio::time::sleep(faults.delay).await,
        None => {}
    }
    Ok(next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await)
}

async fn queue(State(faults): State<Faults>, Json(list): Json<Vec<Fault>>) -> StatusCode {
    faults.push(&list);
    StatusCode::NO_CONTENT
}

async fn count(State(state): State<AppState>) -> Result<Json<u64>, Rejection> {
    match tokio::task::spawn_blocking(move || state.store.count()).await {
        Ok(Ok(n)) => Ok(Json(n)),
        _ => Err(Rejection::Server),
    }
}
