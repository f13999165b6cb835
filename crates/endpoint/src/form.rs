//! The inquiry form without the app: the site's plain HTML form posts here, and each
//! answer is a page of the site rendered natively by its own components
//! ([`hcnf_site::prerender::answer_page`]).
//!
//! `POST /{lang}/inquiry/answers` with the form's fields: the form again with its problems,
//! the check page, or, for Send, the inquiry stored and `303 See Other` to
//! `GET /{lang}/inquiry/sent?reference=…`, the confirmation. The same limits as the JSON
//! route (origin, rate, load, body size and time, disk space), each refusal a page in the
//! reader's language that keeps what they typed where the post could be read.
//!
//! A host page that embeds the app under a base path (`/hcnf`) has its server pass
//! `/hcnf/{lang}/inquiry/…` on as `/{lang}/inquiry/…` with `X-Forwarded-Prefix: /hcnf`: the
//! answer pages and the redirect are then written under that base, so their links lead
//! back to the host's pages.

use std::time::Duration;

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
use hcnf_site::host::normalize_base;
use hcnf_site::i18n::Locale;
use hcnf_site::inquiry::answered::{Answered, Unanswered};
use hcnf_site::inquiry::client::SendError;
use hcnf_site::inquiry::flow::{Failure, Step};
use hcnf_site::routes::{inquiry_page_href, inquiry_sent_href, INQUIRY_ANSWERS, INQUIRY_SENT};

use crate::mail::outbox::now_ms;

mod key;
mod page;
use crate::submit::{read_body, store_inquiry};
use crate::{guard, AppState, Rejection, Stored};
use key::{accepted_key, jst_day, key_for};
use page::page;
pub use page::Site;

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

/// The base path the reader's address has on the site that passed the request on
/// (`X-Forwarded-Prefix`), or `""` for the site's root. A value that is not a plain path is
/// ignored: the pages are then the site's own, at its root.
fn base_of(headers: &HeaderMap) -> String {
    headers
        .get("x-forwarded-prefix")
        .and_then(|v| v.to_str().ok())
        .and_then(normalize_base)
        .unwrap_or_default()
}

/// Where an answer page is: its language, and the base path its links are under.
struct At {
    locale: Locale,
    base: String,
}

impl At {
    /// `path`, an address of the site's root (the routes' hrefs), under the base.
    fn under(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// How long a post waits for one of the request slots every route shares before it is
/// answered "busy": the slot is taken before the body is read, so a flood of posts cannot
/// make the endpoint read and render more at once than the slots allow.
const SLOT_WAIT: Duration = Duration::from_secs(2);

/// A browser's post of the form. Larger than the JSON route's [`crate::BODY_LIMIT`]: the
/// form percent-encodes each byte of UTF-8 as three, so a message at its length limit in
/// Japanese comes to about 18 KiB, and one too long must still arrive to be told so.
const FORM_BODY_LIMIT: usize = 64 * 1024;

/// The seconds a reader is told to wait when every request slot is taken.
const BUSY_RETRY_SECS: u64 = 5;

async fn answers(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    req: Request,
) -> Response {
    let Some(locale) = Locale::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let at = At {
        locale,
        base: base_of(req.headers()),
    };
    let now = u64::try_from(now_ms()).unwrap_or(0);
    let Ok(Ok(_slot)) =
        tokio::time::timeout(SLOT_WAIT, state.guard.in_flight.clone().acquire_owned()).await
    else {
        return not_read(&state, &at, StatusCode::SERVICE_UNAVAILABLE, now).await;
    };
    if !from_the_site(req.headers(), &state.config.allowed_origins) {
        let answered = Answered::unanswered(Unanswered::OtherSite, now);
        return page(&state, &at, StatusCode::FORBIDDEN, answered).await;
    }
    let deadline = state.config.limits.request_timeout;
    match tokio::time::timeout(deadline, answer_post(&state, &at, req, now)).await {
        Ok(response) => response,
        Err(_) => not_read(&state, &at, StatusCode::SERVICE_UNAVAILABLE, now).await,
    }
}

/// A post from the site, in its slot and within its deadline: read, checked, and answered.
async fn answer_post(state: &AppState, at: &At, req: Request, now: u64) -> Response {
    let locale = at.locale;
    let peer = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let client = guard::client_of(peer, req.headers(), &state.config.limits);
    let body: Body = req.into_body();
    let within = state.config.limits.body_timeout;
    let bytes = match read_body(body, FORM_BODY_LIMIT, within).await {
        Ok(bytes) => bytes,
        Err(Rejection::TooLarge) => {
            return not_read(state, at, StatusCode::PAYLOAD_TOO_LARGE, now).await
        }
        Err(_) => return not_read(state, at, StatusCode::REQUEST_TIMEOUT, now).await,
    };
    let Ok(post) = parse_form(&bytes) else {
        return not_read(state, at, StatusCode::BAD_REQUEST, now).await;
    };
    let action = post.action;
    let secret = state.store.form_secret();
    let mut answered = Answered::after(post, now, |valid| {
        key_for(secret, locale, valid, jst_day(now))
    });
    let Step::Checking(valid) = answered.flow.step.clone() else {
        let status = if answered.shows_errors() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        return page(state, at, status, answered).await;
    };
    if action != FormAction::Send {
        return page(state, at, StatusCode::OK, answered).await;
    }
    // Only a Send counts against the client's rate: it is what the JSON route's one
    // request does. Continue and Change store nothing; the slots bound what they cost.
    if let Err(seconds) = state.guard.take(client) {
        let wait = u32::try_from(seconds).unwrap_or(u32::MAX);
        let answered = answered.sent(Err(Failure::Send(SendError::RateLimited(wait))));
        return with_retry_after(
            page(state, at, StatusCode::TOO_MANY_REQUESTS, answered).await,
            seconds,
        );
    }
    answered.key = accepted_key(secret, locale, &valid, &answered.key, now);
    match store(state, locale, &answered, valid, client, now).await {
        Ok(Stored::New(reference) | Stored::Replayed(reference)) => {
            see_other(&at.under(&inquiry_sent_href(locale, &reference)))
        }
        // Only a key signed for other answers could do this, which the check above rules
        // out; the page says so, as the app's does.
        Ok(Stored::KeyReused) => {
            let answered = answered.sent(Err(Failure::Send(SendError::KeyReused)));
            page(state, at, StatusCode::CONFLICT, answered).await
        }
        Err(Rejection::Unavailable(seconds)) => {
            let answered = answered.sent(Err(Failure::Send(SendError::Server(503))));
            with_retry_after(
                page(state, at, StatusCode::SERVICE_UNAVAILABLE, answered).await,
                seconds,
            )
        }
        Err(_) => {
            let answered = answered.sent(Err(Failure::Send(SendError::Server(500))));
            page(state, at, StatusCode::INTERNAL_SERVER_ERROR, answered).await
        }
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
    let mut draft = answered.draft.clone();
    draft.locale = locale.code().to_owned();
    // The time since the endpoint's first answer: the time spent typing before it is not
    // known without script, so it is stored but does not mark the inquiry as automated.
    draft.elapsed_ms = now.saturating_sub(answered.started_ms);
    let suspected_spam = !draft.website.is_empty();
    let key = answered.key.clone();
    store_inquiry(state, key, draft, valid, suspected_spam, client.to_string()).await
}

/// The empty form, with the notice that the post could not be read.
async fn not_read(state: &AppState, at: &At, status: StatusCode, now: u64) -> Response {
    let answered = Answered::unanswered(Unanswered::NotRead, now);
    let response = page(state, at, status, answered).await;
    if status == StatusCode::SERVICE_UNAVAILABLE {
        with_retry_after(response, BUSY_RETRY_SECS)
    } else {
        response
    }
}

fn with_retry_after(mut response: Response, seconds: u64) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

#[derive(serde::Deserialize)]
struct SentQuery {
    reference: String,
}

/// The confirmation page of a stored inquiry; the reference only, nothing it holds.
async fn sent(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    query: Result<Query<SentQuery>, QueryRejection>,
) -> Response {
    let Some(locale) = Locale::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let at = At {
        locale,
        base: base_of(&headers),
    };
    let form = at.under(&inquiry_page_href(locale));
    let Ok(Query(q)) = query else {
        return see_other(&form);
    };
    if !is_reference(&q.reference) {
        return see_other(&form);
    }
    // A page rendered for anyone who asks: in a slot, as a post is.
    let Ok(_slot) = state.guard.in_flight.clone().try_acquire_owned() else {
        return with_retry_after(
            StatusCode::SERVICE_UNAVAILABLE.into_response(),
            BUSY_RETRY_SECS,
        );
    };
    page(
        &state,
        &at,
        StatusCode::OK,
        Answered::confirmed(q.reference),
    )
    .await
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
