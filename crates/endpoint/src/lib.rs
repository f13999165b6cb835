//! The reference inquiry endpoint: the contract in the README, over HTTP.
//!
//! `POST /inquiries` with an `Idempotency-Key` header and a JSON [`Draft`]; answers 201
//! with `{"reference"}` (200 for a replayed key), 422 with field errors, 400, 403, 409, 413
//! or 500 with an [`ErrorBody`].
//!
//! A request goes through these steps, each a function below that refuses with a
//! [`Rejection`]: the origin (a layer around every route, so preflights are refused too),
//! the idempotency key, reading and parsing the body, the shared rules, replay-or-store,
//! and the answer.
//!
//! With the `test-faults` feature, [`router_with_faults`] adds fault injection for the
//! end-to-end tests; without it none of that is compiled in.

#[cfg(feature = "test-faults")]
mod faults;
mod store;

use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hcnf_inquiry::{
    validate, Accepted, Draft, ErrorBody, ErrorKind, FieldError, ValidInquiry, IDEMPOTENCY_HEADER,
};
use tower_http::cors::{AllowOrigin, CorsLayer};

#[cfg(feature = "test-faults")]
pub use faults::{router_with_faults, Fault, Faults};
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
}

#[derive(Clone)]
struct AppState {
    store: Store,
    config: Config,
}

/// The endpoint's routes, with CORS and the origin check around them.
pub fn router(store: Store, config: Config) -> Router {
    finish(
        Router::new().route("/inquiries", post(submit)),
        store,
        config,
    )
}

/// `app` with the routes every build has, its state, and CORS and the origin check
/// around all of it.
fn finish(app: Router<AppState>, store: Store, config: Config) -> Router {
    let cors = cors(&config.allowed_origins);
    let state = AppState { store, config };
    app.route("/health", get(|| async { "ok" }))
        .with_state(state.clone())
        // CORS inside the origin check: a refused origin gets no CORS headers at all;
        // an allowed one gets them on every reply, errors included.
        .layer(cors)
        .layer(middleware::from_fn_with_state(state, refuse_other_origins))
}

fn cors(allowed_origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST, Method::OPTIONS])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Why a request was refused; each becomes its status and the contract's error body.
#[derive(Debug)]
enum Rejection {
    /// 403: the `Origin` is not one allowed to send.
    Origin,
    /// 400: no UUID idempotency key, or a body that is not a draft.
    Malformed,
    /// 413: a body over [`BODY_LIMIT`].
    TooLarge,
    /// 422: the draft broke the rules, with every field's problem.
    Invalid(Vec<FieldError>),
    /// 409: the key came before with a different draft.
    KeyReused,
    /// 500: storing failed (the cause is logged where it happened).
    Server,
    /// 429 with `Retry-After`: only ever injected.
    #[cfg(feature = "test-faults")]
    RateLimited,
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let (status, error, fields) = match self {
            Rejection::Origin => (StatusCode::FORBIDDEN, ErrorKind::OriginRefused, Vec::new()),
            Rejection::Malformed => (StatusCode::BAD_REQUEST, ErrorKind::Malformed, Vec::new()),
            Rejection::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorKind::TooLarge,
                Vec::new(),
            ),
            Rejection::Invalid(fields) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorKind::Invalid, fields)
            }
            Rejection::KeyReused => (StatusCode::CONFLICT, ErrorKind::KeyReused, Vec::new()),
            Rejection::Server => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorKind::Server,
                Vec::new(),
            ),
            #[cfg(feature = "test-faults")]
            Rejection::RateLimited => {
                let body = Json(ErrorBody {
                    error: ErrorKind::RateLimited,
                    fields: Vec::new(),
                });
                let retry = [(header::RETRY_AFTER, "1")];
                return (StatusCode::TOO_MANY_REQUESTS, retry, body).into_response();
            }
        };
        (status, Json(ErrorBody { error, fields })).into_response()
    }
}

async fn refuse_other_origins(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Result<Response, Rejection> {
    check_origin(req.headers(), &state.config.allowed_origins)?;
    Ok(next.run(req).await)
}

/// Refuses a request from a page on another site; one without `Origin` (not sent by a
/// browser's script) passes.
fn check_origin(headers: &HeaderMap, allowed: &[String]) -> Result<(), Rejection> {
    match headers.get(header::ORIGIN) {
        Some(origin)
            if !origin
                .to_str()
                .is_ok_and(|o| allowed.iter().any(|a| a == o)) =>
        {
            Err(Rejection::Origin)
        }
        _ => Ok(()),
    }
}

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<Accepted>), Rejection> {
    let key = idempotency_key(&headers)?;
    let bytes = read_body(body).await?;
    let draft = parse(&bytes)?;
    let inquiry = validate(&draft).map_err(Rejection::Invalid)?;
    let stored = replay_or_store(state.store, key, draft, inquiry).await?;
    answer(stored)
}

/// The request's idempotency key, lower-cased; it must be a UUID, as the app's keys are.
fn idempotency_key(headers: &HeaderMap) -> Result<String, Rejection> {
    headers
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase)
        .filter(|k| is_uuid(k))
        .ok_or(Rejection::Malformed)
}

/// A UUID in its canonical hyphenated form.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The whole body, refused once it passes [`BODY_LIMIT`].
async fn read_body(body: Body) -> Result<Bytes, Rejection> {
    to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| Rejection::TooLarge)
}

fn parse(bytes: &[u8]) -> Result<Draft, Rejection> {
    serde_json::from_slice(bytes).map_err(|_| Rejection::Malformed)
}

/// Stores the inquiry under `key`, or finds what the key stored before. SQLite blocks, so
/// this runs off the async workers.
async fn replay_or_store(
    store: Store,
    key: String,
    draft: Draft,
    inquiry: ValidInquiry,
) -> Result<Stored, Rejection> {
    let fingerprint = fingerprint(&inquiry);
    let task = tokio::task::spawn_blocking(move || {
        let meta = Meta {
            key: &key,
            fingerprint: &fingerprint,
            locale: &draft.locale,
            suspected_spam: looks_automated(&draft),
            elapsed_ms: draft.elapsed_ms,
        };
        store.insert(&inquiry, &meta)
    });
    match task.await {
        Ok(Ok(stored)) => Ok(stored),
        Ok(Err(e)) => {
            eprintln!("storing an inquiry failed: {e}");
            Err(Rejection::Server)
        }
        Err(e) => {
            eprintln!("the storage task failed: {e}");
            Err(Rejection::Server)
        }
    }
}

/// What identifies a draft for replay: the whole normalised inquiry, so a retry of the
/// same draft matches even if its timing differs, and a field added to the inquiry counts
/// without a change here. Its JSON, a stable format, since it is stored: `Debug` text and
/// std's hashes may both change between Rust releases.
fn fingerprint(inquiry: &ValidInquiry) -> String {
    serde_json::to_string(inquiry).unwrap_or_else(|_| format!("{inquiry:?}"))
}

/// The honeypot was filled or the form was sent implausibly fast.
fn looks_automated(draft: &Draft) -> bool {
    !draft.website.is_empty() || draft.elapsed_ms < MIN_HUMAN_MS
}

fn answer(stored: Stored) -> Result<(StatusCode, Json<Accepted>), Rejection> {
    match stored {
        Stored::New(reference) => Ok((StatusCode::CREATED, Json(Accepted { reference }))),
        Stored::Replayed(reference) => Ok((StatusCode::OK, Json(Accepted { reference }))),
        Stored::KeyReused => Err(Rejection::KeyReused),
    }
}

#[cfg(test)]
mod tests {
    use hcnf_inquiry::Category;

    use super::*;

    fn inquiry() -> ValidInquiry {
        ValidInquiry {
            name: "山田 太郎".into(),
            email: "taro@example.jp".into(),
            phone: None,
            category: Category::parse("hcnf_course").unwrap(),
            subject: "講座について".into(),
            message: "日程を教えてください。".into(),
        }
    }

    #[test]
    fn the_fingerprint_covers_fields_that_are_not_text() {
        assert_eq!(fingerprint(&inquiry()), fingerprint(&inquiry()));
        let mut with_phone = inquiry();
        with_phone.phone = Some(String::new());
        assert_ne!(fingerprint(&with_phone), fingerprint(&inquiry()));
        let other = Category::ALL
            .into_iter()
            .find(|&c| c != inquiry().category)
            .unwrap();
        let mut other_category = inquiry();
        other_category.category = other;
        assert_ne!(fingerprint(&other_category), fingerprint(&inquiry()));
    }
}
