//! Sending one inquiry from the browser: the configuration (loaded now if it has not
//! been), then the draft through the browser's transport with the retry policy.

use hcnf_inquiry::{Accepted, Draft};

use super::client::{send_draft, RetryPolicy};
use super::flow::Failure;
use super::http::{BrowserSleep, BrowserTransport};
use crate::browser;
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

/// What is sent: the draft, its idempotency key, and where to.
pub struct Delivery {
    /// The configuration if it has loaded; loaded now if not.
    pub config: Option<Result<AppConfig, ConfigError>>,
    pub source: ConfigSource,
    pub key: String,
    pub body: Draft,
}

/// Sends one draft. A configuration that cannot be used is the site's problem, logged for
/// its web team with the reason and told to the reader as such, not as a network failure.
pub async fn deliver(delivery: Delivery) -> Result<Accepted, Failure> {
    let config = match delivery.config {
        Some(config) => config,
        None => delivery.source.load().await,
    };
    let config = config.map_err(|error| {
        browser::page::warn(&format!("HCNF: the inquiry form cannot send: {error}"));
        Failure::Unconfigured
    })?;
    let transport = BrowserTransport {
        timeout_ms: config.timeout_ms,
    };
    send_draft(
        &transport,
        &BrowserSleep,
        RetryPolicy::default(),
        &config.inquiry_endpoint,
        &delivery.key,
        &delivery.body,
    )
    .await
    .map_err(Failure::Send)
}
