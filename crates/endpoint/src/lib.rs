//! The reference inquiry endpoint: the contract in docs/inquiry.md, over HTTP.
//!
//! `POST /inquiries` with an `Idempotency-Key` header and a JSON [`Draft`]; answers 201
//! with `{"reference"}` (200 for a replayed key), 422 with field errors, 400, 403, 408,
//! 409, 413, 429, 500 or 503 with an [`ErrorBody`].
//!
//! A request goes through these steps, each a function below or in `guard` that refuses
//! with a [`Rejection`]: the origin (a layer around every route, so preflights are refused
//! too), the cap on requests in flight and the request's deadline, the client's rate, the
//! idempotency key, reading (within a size and a time) and parsing the body, the shared
//! rules, the free disk space, replay-or-store, and the answer. [`serve`] adds the limits
//! on connections.
//!
//! With the `test-faults` feature, [`router_with_faults`] adds fault injection for the
//! end-to-end tests; without it none of that is compiled in.

mod export;
#[cfg(feature = "test-faults")]
mod faults;
mod form;
mod guard;
pub mod mail;
mod serve;
mod store;

use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hcnf_inquiry::{
    is_locale_tag, validate, Accepted, Draft, ErrorBody, ErrorKind, FieldError, ValidInquiry,
    IDEMPOTENCY_HEADER,
};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

pub use export::{export, Format};
#[cfg(feature = "test-faults")]
pub use faults::{router_with_faults, Fault, Faults};
pub use form::Site;
pub use guard::Limits;
pub use serve::serve;
pub use store::{digest, Meta, Record, Store, StoreError, Stored, DEFAULT_RETENTION_DAYS};

/// Bodies larger than this are refused with 413: a full draft is well under 16 KiB.
pub const BODY_LIMIT: usize = 32 * 1024;

/// A form sent faster than this was very likely not filled by a person.
const MIN_HUMAN_MS: u64 = 3_000;

/// How the endpoint runs.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Origins allowed to send inquiries, e.g. `http://127.0.0.1:8080`.
    pub allowed_origins: Vec<String>,
    /// What a client, and all of them, may ask of it.
    pub limits: Limits,
    /// With mail on: what the outbox needs, and the delivery worker's bell.
    pub mail: Option<mail::MailHook>,
    /// The built site's page template: with it, the endpoint answers the plain HTML form
    /// with the site's pages ([`form`]); without it, only the JSON route.
    pub site: Option<form::Site>,
}

#[derive(Clone)]
struct AppState {
    store: Store,
    config: Config,
    guard: Arc<guard::Guard>,
}

/// Disk space is counted in MiB on the command line.
const MIB: u64 = 1024 * 1024;

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
    let guard = Arc::new(guard::Guard::new(&config.limits));
    let state = AppState {
        store,
        config,
        guard: guard.clone(),
    };
    // Every route but the health check counts against the client's rate, so a monitor
    // polling it is never refused.
    let json = app
        .layer(middleware::from_fn_with_state(
            guard.clone(),
            guard::limit_rate,
        ))
        .route("/health", get(|| async { "ok" }))
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(guard, guard::shed_load))
        // CORS inside the origin check: a refused origin gets no CORS headers at all;
        // an allowed one gets them on every reply, errors included (so the app can read a
        // 429's or a 503's Retry-After).
        .layer(cors)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refuse_other_origins,
        ));
    // The plain form's pages apply the same limits themselves, so that each refusal is a
    // page that keeps what the reader typed.
    json.merge(form::routes(state))
        // Outermost, so every answer carries them, refusals included: an answer holds a
        // reader's reference or their answers' problems, which no cache may keep (the
        // answer pages say otherwise for themselves), and says its type, which no browser
        // may take for another.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
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
pub(crate) enum Rejection {
    /// 403: the `Origin` is not one allowed to send.
    Origin,
    /// 400: no UUID idempotency key, or a body that is not a draft.
    Malformed,
    /// 408: the body did not arrive within [`Limits::body_timeout`].
    TooSlow,
    /// 413: a body over [`BODY_LIMIT`].
    TooLarge,
    /// 422: the draft broke the rules, with every field's problem.
    Invalid(Vec<FieldError>),
    /// 409: the key came before with a different draft.
    KeyReused,
    /// 500: storing failed (the cause is logged where it happened).
    Server,
    /// 429 with `Retry-After` in seconds: the client's bucket is empty.
    RateLimited(u64),
    /// 503 with `Retry-After` in seconds: too busy, too slow, or too little disk.
    Unavailable(u64),
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let (status, error, fields) = match self {
            Rejection::Origin => (StatusCode::FORBIDDEN, ErrorKind::OriginRefused, Vec::new()),
            Rejection::Malformed => (StatusCode::BAD_REQUEST, ErrorKind::Malformed, Vec::new()),
            // Not a draft either, since not all of it came.
            Rejection::TooSlow => (
                StatusCode::REQUEST_TIMEOUT,
                ErrorKind::Malformed,
                Vec::new(),
            ),
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
            Rejection::RateLimited(seconds) => {
                return retry_after(
                    StatusCode::TOO_MANY_REQUESTS,
                    ErrorKind::RateLimited,
                    seconds,
                )
            }
            Rejection::Unavailable(seconds) => {
                return retry_after(StatusCode::SERVICE_UNAVAILABLE, ErrorKind::Server, seconds)
            }
        };
        (status, Json(ErrorBody { error, fields })).into_response()
    }
}

fn retry_after(status: StatusCode, error: ErrorKind, seconds: u64) -> Response {
    let body = Json(ErrorBody {
        error,
        fields: Vec::new(),
    });
    (status, [(header::RETRY_AFTER, seconds.to_string())], body).into_response()
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
    client: Option<axum::Extension<guard::Client>>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<Accepted>), Rejection> {
    let key = idempotency_key(&headers)?;
    let bytes = read_body(body, BODY_LIMIT, state.config.limits.body_timeout).await?;
    let draft = parse(&bytes)?;
    let inquiry = validate(&draft).map_err(Rejection::Invalid)?;
    let suspected_spam = looks_automated(&draft);
    let client = client.map(|c| c.0 .0.to_string()).unwrap_or_default();
    let stored = store_inquiry(&state, key, draft, inquiry, suspected_spam, client).await?;
    answer(stored)
}

/// Stores `inquiry` under `key`, or finds what the key stored before, for either route:
/// refused first below the free disk space the limits ask for; with mail on, with the
/// messages it owes in the same transaction, the delivery worker woken for a new one
/// (the answer does not wait for it). `client` limits the receipts a client can have sent.
pub(crate) async fn store_inquiry(
    state: &AppState,
    key: String,
    draft: Draft,
    inquiry: ValidInquiry,
    suspected_spam: bool,
    client: String,
) -> Result<Stored, Rejection> {
    ensure_disk_space(&state.store, state.config.limits.min_free_disk_mb)?;
    let hook = state.config.mail.as_ref();
    let outbound = hook.map(|h| mail::Outbound {
        domain: h.domain.clone(),
        client,
        limits: h.receipts,
    });
    let stored = replay_or_store(
        state.store.clone(),
        key,
        draft,
        inquiry,
        suspected_spam,
        outbound,
    )
    .await?;
    if let (Some(h), Stored::New(_)) = (hook, &stored) {
        h.wake.notify_one();
    }
    Ok(stored)
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
pub(crate) fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The whole body, refused once it passes `limit` bytes ([`BODY_LIMIT`] for JSON) or takes
/// longer than `within` to arrive (a body sent a byte at a time would otherwise hold its
/// connection).
pub(crate) async fn read_body(
    body: Body,
    limit: usize,
    within: Duration,
) -> Result<Bytes, Rejection> {
    match tokio::time::timeout(within, to_bytes(body, limit)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(Rejection::TooLarge),
        Err(_) => Err(Rejection::TooSlow),
    }
}

/// A draft of the contract; its locale, stored with it, must be a language tag.
fn parse(bytes: &[u8]) -> Result<Draft, Rejection> {
    serde_json::from_slice::<Draft>(bytes)
        .ok()
        .filter(|d| is_locale_tag(&d.locale))
        .ok_or(Rejection::Malformed)
}

/// Refuses to write below `min_mb` of free disk: SQLite would fail part-way at zero, and
/// the rest of the system needs room too. A failed look-up is logged and let through, as
/// SQLite then says for itself whether the write fits.
fn ensure_disk_space(store: &Store, min_mb: u64) -> Result<(), Rejection> {
    match store.available_space() {
        Ok(free) if free < min_mb.saturating_mul(MIB) => {
            eprintln!("refusing an inquiry: {} MiB free", free / MIB);
            Err(Rejection::Unavailable(60))
        }
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!("free disk space unknown: {e}");
            Ok(())
        }
    }
}

/// Stores the inquiry under `key`, or finds what the key stored before. SQLite blocks, so
/// this runs off the async workers.
async fn replay_or_store(
    store: Store,
    key: String,
    draft: Draft,
    inquiry: ValidInquiry,
    suspected_spam: bool,
    outbound: Option<mail::Outbound>,
) -> Result<Stored, Rejection> {
    let fingerprint = fingerprint(&inquiry);
    let task = tokio::task::spawn_blocking(move || {
        let meta = Meta {
            key: &key,
            fingerprint: &fingerprint,
            locale: &draft.locale,
            suspected_spam,
            elapsed_ms: draft.elapsed_ms,
            outbound: outbound.as_ref(),
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
/// without a change here. The SHA-256 of its JSON, a stable format, since it is stored
/// (`Debug` text and std's hashes may both change between Rust releases); a digest, so the
/// database holds the inquiry once, not twice.
pub(crate) fn fingerprint(inquiry: &ValidInquiry) -> String {
    digest(&serde_json::to_string(inquiry).unwrap_or_else(|_| format!("{inquiry:?}")))
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

    /// A valid inquiry, for this crate's unit tests (the store's too).
    pub(super) fn inquiry() -> ValidInquiry {
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
