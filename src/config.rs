//! Run-time configuration: `config.json`, served beside the app, says where inquiries go,
//! unless the host page names the endpoint itself. Changing either needs no rebuild.

use serde::Deserialize;

/// How long one inquiry request may take before it is aborted.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The configuration the app runs with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppConfig {
    /// The absolute `http(s)://` URL the inquiry form posts to.
    pub inquiry_endpoint: String,
    /// Milliseconds before a request is aborted.
    pub timeout_ms: u32,
}

/// Why the configuration cannot be used; the form is then shown disabled with the
/// telephone and fax alternatives.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be fetched")]
    Unreachable,
    #[error("config.json is not valid: {0}")]
    Malformed(String),
    #[error("no inquiry endpoint is configured")]
    MissingEndpoint,
    #[error("the inquiry endpoint {0:?} is not an absolute http or https URL")]
    InvalidEndpoint(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    inquiry_endpoint: Option<String>,
    timeout_ms: Option<u32>,
}

/// Parses and checks `config.json`.
pub fn parse_config(json: &str) -> Result<AppConfig, ConfigError> {
    let raw: RawConfig =
        serde_json::from_str(json).map_err(|e| ConfigError::Malformed(e.to_string()))?;
    let endpoint = raw
        .inquiry_endpoint
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    let endpoint = endpoint.ok_or(ConfigError::MissingEndpoint)?;
    check_endpoint(&endpoint)?;
    let timeout_ms = raw
        .timeout_ms
        .filter(|t| (100..=120_000).contains(t))
        .unwrap_or(DEFAULT_TIMEOUT_MS);
    Ok(AppConfig {
        inquiry_endpoint: endpoint,
        timeout_ms,
    })
}

/// An endpoint must be `http://` or `https://`, with a host and no spaces.
pub fn check_endpoint(url: &str) -> Result<(), ConfigError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest
        .and_then(|r| r.split(['/', '?', '#']).next())
        .unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ConfigError::InvalidEndpoint(url.to_owned()));
    }
    Ok(())
}

/// The configuration for this page: the endpoint the host page named, if it did (already
/// checked), else `config.json` at `config_url` (beside the app's files).
pub async fn load_config(
    endpoint: Option<String>,
    config_url: String,
) -> Result<AppConfig, ConfigError> {
    if let Some(endpoint) = endpoint {
        return Ok(AppConfig {
            inquiry_endpoint: endpoint,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        });
    }
    let text = fetch_text(&config_url)
        .await
        .ok_or(ConfigError::Unreachable)?;
    parse_config(&text)
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(path: &str) -> Option<String> {
    let res = gloo_net::http::Request::get(path).send().await.ok()?;
    if !res.ok() {
        return None;
    }
    res.text().await.ok()
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(_: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_config_is_read() {
        let c = parse_config(r#"{"inquiry_endpoint": "http://127.0.0.1:8787/inquiries"}"#).unwrap();
        assert_eq!(c.inquiry_endpoint, "http://127.0.0.1:8787/inquiries");
        assert_eq!(c.timeout_ms, DEFAULT_TIMEOUT_MS);
        let c = parse_config(
            r#"{"inquiry_endpoint": " https://www.pref.example/api ", "timeout_ms": 2000}"#,
        )
        .unwrap();
        assert_eq!(
            (c.inquiry_endpoint.as_str(), c.timeout_ms),
            ("https://www.pref.example/api", 2000)
        );
    }

    #[test]
    fn a_missing_or_bad_endpoint_is_an_error_not_a_silent_failure() {
        assert_eq!(parse_config("{}"), Err(ConfigError::MissingEndpoint));
        assert_eq!(
            parse_config(r#"{"inquiry_endpoint": "  "}"#),
            Err(ConfigError::MissingEndpoint)
        );
        for bad in [
            "ftp://x/y",
            "javascript:alert(1)",
            "/inquiries",
            "http://",
            "https://a b/",
        ] {
            let json = serde_json::json!({ "inquiry_endpoint": bad }).to_string();
            assert_eq!(
                parse_config(&json),
                Err(ConfigError::InvalidEndpoint(bad.into())),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_config("not json"),
            Err(ConfigError::Malformed(_))
        ));
        assert!(matches!(
            parse_config(r#"{"endpoint": "http://x"}"#),
            Err(ConfigError::Malformed(_))
        ));
    }

    #[test]
    fn an_absurd_timeout_falls_back_to_the_default() {
        let c = parse_config(r#"{"inquiry_endpoint": "http://x/", "timeout_ms": 5}"#).unwrap();
        assert_eq!(c.timeout_ms, DEFAULT_TIMEOUT_MS);
    }
}
