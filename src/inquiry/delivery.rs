//! Sending one inquiry from the browser: where the configuration comes from, and the
//! draft through the browser's transport with the retry policy.

use hcnf_inquiry::{Accepted, Draft};

use super::client::{send_draft, RetryPolicy};
use super::flow::Failure;
use super::http::{BrowserSleep, BrowserTransport};
use crate::config::{load_config, AppConfig, ConfigError};

/// Where the configuration comes from: the endpoint the host page named, or `config.json`.
#[derive(Clone)]
pub struct ConfigSource {
    pub endpoint: Option<String>,
    pub url: String,
}

impl ConfigSource {
    pub async fn load(self) -> Result<AppConfig, ConfigError> {
        load_config(self.endpoint, self.url).await
    }
}

/// Sends one draft under its idempotency key. Without a usable configuration nothing is
/// sent: that is the site's problem, told to the reader as such, not as a network failure.
pub async fn deliver(
    config: Result<AppConfig, ConfigError>,
    key: String,
    body: Draft,
) -> Result<Accepted, Failure> {
    let config = config.map_err(|_| Failure::Unconfigured)?;
    let transport = BrowserTransport {
        timeout_ms: config.timeout_ms,
    };
    send_draft(
        &transport,
        &BrowserSleep,
        RetryPolicy::default(),
        &config.inquiry_endpoint,
        &key,
        &body,
    )
    .await
    .map_err(Failure::Send)
}
