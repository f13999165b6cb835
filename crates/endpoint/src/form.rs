//! The inquiry form without the app: the site's plain HTML form posts here, and each
//! answer is a page of the site rendered natively by its own components
//! ([`hcnf_site::prerender::answer_page`]).
//!
//! `POST /{lang}/inquiry/answers` with the form's fields: the form again with its problems,
//! the check page, or, for Send, the inquiry stored and `303 See Other` to
//! `GET /{lang}/inquiry/sent?reference=…`, the confirmation. The same limits as the JSON
//! route (origin, rate, load, body size and time, disk space), each refusal a page in the
//! reader's language that keeps what they typed where the post could be read.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hcnf_inquiry::form_post::{parse_form, FormAction};
use hcnf_inquiry::ValidInquiry;
use hcnf_site::i18n::Locale;
use hcnf_site::inquiry::answered::Answered;
use hcnf_site::inquiry::client::SendError;
use hcnf_site::inquiry::flow::{Failure, Step};
use hcnf_site::prerender::{answer_page, AnswerTemplate};
use hcnf_site::routes::{inquiry_page_href, inquiry_sent_href, INQUIRY_ANSWERS, INQUIRY_SENT};

use crate::mail::outbox::now_ms;
use crate::{
    digest, ensure_disk_space, fingerprint, guard, is_uuid, read_body, replay_or_store, AppState,
    Rejection, Stored,
};

/// The answer pages' routes; none without a site to render them with.
pub(crate) fn routes(state: AppState) -> Router {
    if state.config.site.is_none() {
        return Router::new();
    }
    Router::new()
        .route(
            &format!("/{{lang}}/inquiry/{INQUIRY_ANSWERS}"),
            post(answers),
        )
        .route(&format!("/{{lang}}/inquiry/{INQUIRY_SENT}"), get(sent))
        .with_state(state)
}

/// Whether a post comes from the site's own pages: its `Origin` is one allowed, or, where a
/// browser sends none, `Sec-Fetch-Site` says it is the same origin.
fn from_the_site(headers: &HeaderMap, allowed: &[String]) -> bool {
    match headers.get(header::ORIGIN) {
        Some(origin) => origin
            .to_str()
            .is_ok_and(|o| allowed.iter().any(|a| a == o)),
        None => headers
            .get("sec-fetch-site")
            .is_some_and(|v| v == "same-origin"),
    }
}

async fn answers(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    req: Request,
) -> Response {
    let Some(locale) = Locale::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let now = u64::try_from(now_ms()).unwrap_or(0);
    let page = |status, answered| page(&state, locale, status, answered);
    if !from_the_site(req.headers(), &state.config.allowed_origins) {
        return page(StatusCode::FORBIDDEN, Answered::refused(now));
    }
    let peer = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let client = guard::client_of(peer, req.headers(), &state.config.limits);
    let body: Body = req.into_body();
    let bytes = match read_body(body, state.config.limits.body_timeout).await {
        Ok(bytes) => bytes,
        Err(Rejection::TooLarge) => {
            return page(StatusCode::PAYLOAD_TOO_LARGE, Answered::fresh(now))
        }
        Err(_) => return page(StatusCode::REQUEST_TIMEOUT, Answered::fresh(now)),
    };
    let Ok(post) = parse_form(&bytes) else {
        return page(StatusCode::BAD_REQUEST, Answered::fresh(now));
    };
    let action = post.action;
    let answered = Answered::after(post, now, |valid| key_for(locale, valid, now));
    // Every post counts against the client's rate, as a request to the JSON route does.
    if let Err(seconds) = state.guard.take(client) {
        let wait = u32::try_from(seconds).unwrap_or(u32::MAX);
        let answered = answered.sent(Err(Failure::Send(SendError::RateLimited(wait))));
        let mut response = page(StatusCode::TOO_MANY_REQUESTS, answered);
        if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return response;
    }
    let Step::Checking(valid) = answered.flow.step.clone() else {
        let status = if answered.shows_errors() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        return page(status, answered);
    };
    if action != FormAction::Send {
        return page(StatusCode::OK, answered);
    }
    let Ok(_slot) = state.guard.in_flight.clone().try_acquire_owned() else {
        return busy(&state, locale, answered);
    };
    let stored = tokio::time::timeout(
        state.config.limits.request_timeout,
        store(&state, locale, &answered, valid, client, now),
    )
    .await;
    match stored {
        Ok(Ok(Stored::New(reference) | Stored::Replayed(reference))) => {
            see_other(&inquiry_sent_href(locale, &reference))
        }
        Ok(Ok(Stored::KeyReused)) => page(
            StatusCode::CONFLICT,
            answered.sent(Err(Failure::Send(SendError::KeyReused))),
        ),
        Ok(Err(Rejection::Unavailable(_))) | Err(_) => busy(&state, locale, answered),
        Ok(Err(_)) => page(
            StatusCode::INTERNAL_SERVER_ERROR,
            answered.sent(Err(Failure::Send(SendError::Server(500)))),
        ),
    }
}

/// Stores the check page's inquiry under its key, as the JSON route does.
async fn store(
    state: &AppState,
    locale: Locale,
    answered: &Answered,
    valid: ValidInquiry,
    client: std::net::IpAddr,
    now: u64,
) -> Result<Stored, Rejection> {
    ensure_disk_space(&state.store, state.config.limits.min_free_disk_mb)?;
    let key = Some(answered.key.to_ascii_lowercase())
        .filter(|k| is_uuid(k))
        .unwrap_or_else(|| key_for(locale, &valid, now));
    let mut draft = answered.draft.clone();
    draft.locale = locale.code().to_owned();
    draft.elapsed_ms = now.saturating_sub(answered.started_ms);
    let hook = state.config.mail.as_ref();
    let outbound = hook.map(|h| crate::mail::Outbound {
        domain: h.domain.clone(),
        client: client.to_string(),
        limits: h.receipts,
    });
    let stored = replay_or_store(state.store.clone(), key, draft, valid, outbound).await?;
    if let (Some(h), Stored::New(_)) = (hook, &stored) {
        h.wake.notify_one();
    }
    Ok(stored)
}

/// 503 with the check page saying the service is busy, and when to try again.
fn busy(state: &AppState, locale: Locale, answered: Answered) -> Response {
    let answered = answered.sent(Err(Failure::Send(SendError::Server(503))));
    let mut response = page(state, locale, StatusCode::SERVICE_UNAVAILABLE, answered);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// The idempotency key of `valid` on a check page: a UUID-shaped digest of the language,
/// the answers and the day (JST), so the same answers posted again the same day — a
/// reload, Back and Continue, Send twice — carry the same key and are stored once.
fn key_for(locale: Locale, valid: &ValidInquiry, now_ms: u64) -> String {
    const JST_MS: u64 = 9 * 3600 * 1000;
    let day = (now_ms + JST_MS) / 86_400_000;
    let hex = digest(&format!("{}\n{day}\n{}", locale.code(), fingerprint(valid)));
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[derive(serde::Deserialize)]
struct SentQuery {
    reference: String,
}

/// The confirmation page of a stored inquiry; the reference only, nothing it holds.
async fn sent(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    query: Result<Query<SentQuery>, QueryRejection>,
) -> Response {
    let Some(locale) = Locale::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match query {
        Ok(Query(q)) if is_reference(&q.reference) => page(
            &state,
            locale,
            StatusCode::OK,
            Answered::confirmed(q.reference),
        ),
        _ => see_other(&inquiry_page_href(locale)),
    }
}

/// `HCNF-` and six or more digits, as the store writes references.
fn is_reference(s: &str) -> bool {
    s.strip_prefix("HCNF-")
        .is_some_and(|n| n.len() >= 6 && n.len() <= 12 && n.bytes().all(|b| b.is_ascii_digit()))
}

fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(v) => (StatusCode::SEE_OTHER, [(header::LOCATION, v)]).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn page(state: &AppState, locale: Locale, status: StatusCode, answered: Answered) -> Response {
    let Some(site) = &state.config.site else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let html = answer_page(site, locale, answered);
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response()
}

/// The site's template, for [`crate::Config::site`].
pub type Site = Arc<AnswerTemplate>;
