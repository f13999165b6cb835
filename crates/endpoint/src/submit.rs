//! The JSON route, `POST /inquiries`, step by step; the plain form's route shares its
//! steps from reading the body to storing.

use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use hcnf_inquiry::{is_locale_tag, validate, Accepted, Draft, ValidInquiry, IDEMPOTENCY_HEADER};

use crate::{digest, guard, mail, AppState, Meta, Rejection, Store, Stored, BODY_LIMIT};

/// A form sent faster than this was very likely not filled by a person.
const MIN_HUMAN_MS: u64 = 3_000;

/// Disk space is counted in MiB on the command line.
const MIB: u64 = 1024 * 1024;

pub(crate) async fn submit(
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
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<String, Rejection> {
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
pub(crate) mod tests {
    use hcnf_inquiry::Category;

    use super::*;

    /// A valid inquiry, for this crate's unit tests (the store's too).
    pub(crate) fn inquiry() -> ValidInquiry {
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
