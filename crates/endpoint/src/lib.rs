//! The reference inquiry endpoint: the contract in the README, over HTTP.
//!
//! `POST /inquiries` with an `Idempotency-Key` header and a JSON [`Draft`]; answers 201
//! with `{"reference"}` (200 for a replayed key), 422 with field errors, 400, 403, 409, 413,
//! 429 or 500 with an [`ErrorBody`].

mod faults;
mod store;

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hcnf_inquiry::{
    validate, Accepted, Draft, ErrorBody, ErrorKind, ValidInquiry, IDEMPOTENCY_HEADER,
};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use faults::{Fault, Faults};
pub use store::{Meta, Store, StoreError, Stored};

/// Bodies larger than this are refused with 413: a full draft is well under 16 KiB.
pub const BODY_LIMIT: usize = 32 * 1024;

/// A form sent faster than this was very likely not filled by a person.
const MIN_HUMAN_MS: u64 = 3_000;

/// How the endpoint runs.
#[derive(Clone)]
pub struct Config {
    /// Origins allowed to send inquiries, e.g. `http://127.0.0.1:8080`.
    pub allowed_origins: Vec<String>,
    /// Test-only fault injection; off unless enabled.
    pub faults: Faults,
    /// How long an injected delay lasts: longer than the app's timeout.
    pub fault_delay: Duration,
}

#[derive(Clone)]
struct AppState {
    store: Store,
    config: Config,
}

/// The endpoint's routes, with CORS and the origin check around them.
pub fn router(store: Store, config: Config) -> Router {
    let origins: Vec<HeaderValue> = config
        .allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST, Method::OPTIONS])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600));
    let state = AppState {
        store,
        config: config.clone(),
    };
    let mut app = Router::new()
        .route("/inquiries", post(submit))
        .route("/health", get(|| async { "ok" }));
    if config.faults.is_enabled() {
        app = app
            .route("/_test/faults", post(queue_faults))
            .route("/_test/count", get(count));
    }
    app.with_state(state.clone())
        // CORS inside the origin check: a refused origin gets no CORS headers at all;
        // an allowed one gets them on every reply, errors included.
        .layer(cors)
        .layer(middleware::from_fn_with_state(state, refuse_other_origins))
}

fn error(status: StatusCode, kind: ErrorKind) -> Response {
    (
        status,
        Json(ErrorBody {
            error: kind,
            fields: Vec::new(),
        }),
    )
        .into_response()
}

async fn refuse_other_origins(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        let allowed = origin
            .to_str()
            .is_ok_and(|o| state.config.allowed_origins.iter().any(|a| a == o));
        if !allowed {
            return error(StatusCode::FORBIDDEN, ErrorKind::OriginRefused);
        }
    }
    next.run(req).await
}

/// A UUID in its canonical hyphenated form, as the app's keys are.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

async fn submit(State(state): State<AppState>, req: Request<Body>) -> Response {
    let key = req
        .headers()
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    let Some(key) = key.filter(|k| is_uuid(k)) else {
        return error(StatusCode::BAD_REQUEST, ErrorKind::Malformed);
    };
    let Ok(bytes) = to_bytes(req.into_body(), BODY_LIMIT).await else {
        return error(StatusCode::PAYLOAD_TOO_LARGE, ErrorKind::TooLarge);
    };
    match state.config.faults.next() {
        Some(Fault::ServerError) => {
            return error(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Server)
        }
        Some(Fault::RateLimited) => {
            let mut res = error(StatusCode::TOO_MANY_REQUESTS, ErrorKind::RateLimited);
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return res;
        }
        Some(Fault::Malformed) => {
            return (StatusCode::OK, "<html>not the contract</html>").into_response()
        }
        Some(Fault::Delay) => tokio::time::sleep(state.config.fault_delay).await,
        None => {}
    }
    let Ok(draft) = serde_json::from_slice::<Draft>(&bytes) else {
        return error(StatusCode::BAD_REQUEST, ErrorKind::Malformed);
    };
    let inquiry = match validate(&draft) {
        Ok(v) => v,
        Err(fields) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(ErrorBody {
                    error: ErrorKind::Invalid,
                    fields,
                }),
            )
                .into_response()
        }
    };
    let fingerprint = fingerprint(&inquiry);
    let store = state.store.clone();
    let result = tokio::task::spawn_blocking(move || {
        let meta = Meta {
            key: &key,
            fingerprint: &fingerprint,
            locale: &draft.locale,
            suspected_spam: !draft.website.is_empty() || draft.elapsed_ms < MIN_HUMAN_MS,
            elapsed_ms: draft.elapsed_ms,
        };
        store.insert(&inquiry, &meta)
    })
    .await;
    match result {
        Ok(Ok(Stored::New(reference))) => {
            (StatusCode::CREATED, Json(Accepted { reference })).into_response()
        }
        Ok(Ok(Stored::Replayed(reference))) => {
            (StatusCode::OK, Json(Accepted { reference })).into_response()
        }
        Ok(Ok(Stored::KeyReused)) => error(StatusCode::CONFLICT, ErrorKind::KeyReused),
        Ok(Err(e)) => {
            eprintln!("storing an inquiry failed: {e}");
            error(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Server)
        }
        Err(e) => {
            eprintln!("the storage task failed: {e}");
            error(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Server)
        }
    }
}

/// What identifies a draft for replay: the whole normalised inquiry, so a retry of the
/// same draft matches even if its timing differs, and a field added to the inquiry counts
/// without a change here. Its `Debug` text rather than a hash, since it is stored and std's
/// hashes may change between Rust releases.
fn fingerprint(inquiry: &ValidInquiry) -> String {
    format!("{inquiry:?}")
}

async fn queue_faults(State(state): State<AppState>, Json(faults): Json<Vec<Fault>>) -> StatusCode {
    state.config.faults.push(&faults);
    StatusCode::NO_CONTENT
}

async fn count(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    match tokio::task::spawn_blocking(move || store.count()).await {
        Ok(Ok(n)) => Json(n).into_response(),
        _ => error(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Server),
    }
}
