//! Why a request was refused, and the status and body of the contract each refusal is
//! answered with.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use hcnf_inquiry::{ErrorBody, ErrorKind, FieldError};

#[cfg(doc)]
use crate::{Limits, BODY_LIMIT};

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
