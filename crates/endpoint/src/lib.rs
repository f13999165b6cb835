//! The reference inquiry endpoint: the contract in docs/inquiry.md, over HTTP.
//!
//! `POST /inquiries` with an `Idempotency-Key` header and a JSON [`Draft`]; answers 201
//! with `{"reference"}` (200 for a replayed key), 422 with field errors, 400, 403, 408,
//! 409, 413, 429, 500 or 503 with an [`ErrorBody`].
//!
//! A request goes through these steps, each a function below, in `submit` or in `guard`
//! that refuses with a [`Rejection`]: the origin (a layer around every route, so
//! preflights are refused too), the cap on requests in flight and the request's deadline,
//! the client's rate, the idempotency key, reading (within a size and a time) and parsing
//! the body, the shared rules, the free disk space, replay-or-store, and the answer.
//! [`serve`] adds the limits on connections.
//!
//! With the `test-faults` feature, [`router_with_faults`] adds fault injection for the
//! end-to-end tests; without it none of that is compiled in.

pub mod cli;
mod export;
#[cfg(feature = "test-faults")]
mod faults;
mod form;
mod guard;
pub mod mail;
mod rejection;
pub mod retention;
mod serve;
mod store;
mod submit;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
#[cfg(doc)]
use hcnf_inquiry::{Draft, ErrorBody};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

pub use export::{export, Format};
#[cfg(feature = "test-faults")]
pub use faults::{router_with_faults, Fault, Faults};
pub use form::Site;
pub use guard::Limits;
pub(crate) use rejection::Rejection;
pub use serve::serve;
pub use store::{digest, Meta, Record, Store, StoreError, Stored, DEFAULT_RETENTION_DAYS};
use submit::submit;

/// Bodies larger than this are refused with 413: a full draft is well under 16 KiB.
pub const BODY_LIMIT: usize = 32 * 1024;

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
