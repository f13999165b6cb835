//! An answer page as the endpoint serves it, and the built site it is rendered with.

use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hcnf_site::inquiry::answered::Answered;
use hcnf_site::prerender::{answer_page, AnswerTemplate};
use sha2::{Digest as _, Sha256};

use super::At;
use crate::AppState;

/// The answer page, rendered off the async workers (rendering is plain CPU work), with
/// the site's security headers: the pages' policy as nginx gives it, for a deployment
/// that serves the endpoint without it.
pub(super) async fn page(
    state: &AppState,
    at: &At,
    status: StatusCode,
    answered: Answered,
) -> Response {
    let Some(site) = state.config.site.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let policy = site.policy.clone();
    let (base, locale) = (at.base.clone(), at.locale);
    let render =
        tokio::task::spawn_blocking(move || answer_page(&site.template, &base, locale, answered));
    let Ok(html) = render.await else {
        eprintln!("rendering an answer page failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ),
            // Kept by the reader's own browser only, and only for its history: Back from
            // the confirmation shows the check page again, as the reader left it (with
            // `no-store` the browser would ask to post it again), and Send there shows
            // the same reference. No shared cache may keep it.
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            ),
        ],
        html,
    )
        .into_response();
    if let Some(policy) = policy {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The built site the answer pages are rendered with, for [`crate::Config::site`]: its
/// template, and the policy its pages are served with.
#[derive(Clone, Debug)]
pub struct Site {
    template: Arc<AnswerTemplate>,
    /// Made once, as the header it is sent as (ASCII by construction).
    policy: Option<HeaderValue>,
}

impl Site {
    /// The policy is the site's own, less what these pages do not need (no wasm runs on
    /// them, and they ask nothing of other origins): scripts and styles from the site, plus
    /// the template's inline stylesheet by its hash.
    pub fn new(template: AnswerTemplate) -> Site {
        let styles: String = template
            .inline_styles()
            .into_iter()
            .map(|css| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(css))))
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self'; style-src 'self'{styles}; img-src 'self'; \
             connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'; \
             object-src 'none'"
        );
        Site {
            template: Arc::new(template),
            policy: HeaderValue::from_str(&policy).ok(),
        }
    }
}
