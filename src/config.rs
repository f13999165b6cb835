//! Run-time configuration: `config.json`, served beside the app, says where inquiries go
//! and which endpoints the site trusts; changing it needs no rebuild. A host page may pick
//! another endpoint with `data-hcnf-endpoint`, but only one on an origin `config.json`
//! allows: whatever a web team copies into a page, inquiries (readers' names, addresses,
//! health questions) can only go where the site says, and only encrypted.

mod origin;

use crate::json::Json;

pub use origin::{parse_origin, parse_url, Origin, UrlProblem};

/// How long one inquiry request may take before it is aborted.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The configuration the app runs with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppConfig {
    /// The absolute URL the inquiry form posts to, checked and normalised.
    pub inquiry_endpoint: String,
    /// Milliseconds before a request is aborted.
    pub timeout_ms: u32,
}

/// Why the configuration cannot be used; the form is then shown disabled with the
/// telephone and fax alternatives, and the message goes to the console for the web team.
/// Values are quoted by hand, not with `{:?}`: the release wasm has no Debug formatting.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be fetched; serve it beside hcnf.js")]
    Unreachable,
    /// Not a fault of the configuration: the reader left the form before it was loaded.
    #[error("the form was left before config.json was loaded")]
    Left,
    #[error("config.json is not valid: {0}")]
    Malformed(String),
    #[error("config.json names no inquiry_endpoint; add the https:// URL inquiries go to")]
    MissingEndpoint,
    #[error(
        "the inquiry endpoint \"{url}\" cannot be used: {problem}; write it as \
         https://host/path"
    )]
    InvalidEndpoint { url: String, problem: UrlProblem },
    #[error(
        "allowed_endpoint_origins in config.json lists \"{origin}\": {problem}; write each \
         as https://host or https://host:port"
    )]
    InvalidAllowedOrigin { origin: String, problem: UrlProblem },
    #[error(
        "the inquiry endpoint \"{0}\" is plain http://, which would send readers' personal \
         data unencrypted; use https:// (http:// is accepted only when both this page and \
         the endpoint are on a loopback address, for testing)"
    )]
    Insecure(String),
    #[error(
        "the inquiry endpoint \"{url}\" is not on an origin config.json allows ({allowed}); \
         add its origin to allowed_endpoint_origins in config.json, or name an endpoint on \
         one of those"
    )]
    NotAllowed { url: String, allowed: String },
}

/// `config.json` as written, before any rule is applied.
struct RawConfig {
    inquiry_endpoint: Option<String>,
    allowed_endpoint_origins: Option<Vec<String>>,
    timeout_ms: Option<u32>,
}

impl RawConfig {
    const MEMBERS: [&'static str; 3] =
        ["inquiry_endpoint", "allowed_endpoint_origins", "timeout_ms"];

    /// Reads the members, refusing any other (a misspelt member would otherwise be
    /// ignored without a word) and any of the wrong type.
    fn read(text: &str) -> Result<RawConfig, String> {
        let json = Json::parse(text).map_err(|e| e.to_string())?;
        if !json.is_object() {
            return Err("not an object of members".into());
        }
        if let Some(unknown) = json
            .keys()
            .into_iter()
            .find(|k| !Self::MEMBERS.contains(&k.as_str()))
        {
            return Err(format!(
                "unknown member `{unknown}`; the members are {}",
                Self::MEMBERS.join(", ")
            ));
        }
        let allowed_endpoint_origins = match json.get("allowed_endpoint_origins") {
            None => None,
            Some(list) => Some(
                list.items()
                    .and_then(|items| items.iter().map(Json::as_str).collect())
                    .ok_or("`allowed_endpoint_origins` must be a list of strings")?,
            ),
        };
        let timeout_ms = match json.get("timeout_ms") {
            None => None,
            Some(n) => Some(
                n.as_whole()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or("`timeout_ms` must be a whole number of milliseconds")?,
            ),
        };
        Ok(RawConfig {
            inquiry_endpoint: json.optional_str("inquiry_endpoint")?,
            allowed_endpoint_origins,
            timeout_ms,
        })
    }
}

/// `config.json`, read and checked: the site's endpoint and the origins it trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    /// The endpoint inquiries go to unless the page picks another; its URL as written.
    endpoint: Option<String>,
    /// `allowed_endpoint_origins`, or else the origin of `inquiry_endpoint` alone.
    allowed: Vec<Origin>,
    timeout_ms: u32,
}

/// Parses and checks `config.json`. Whether an endpoint may be used on this page is for
/// [`SiteConfig::choose`] to say.
pub fn parse_config(json: &str) -> Result<SiteConfig, ConfigError> {
    let raw = RawConfig::read(json).map_err(ConfigError::Malformed)?;
    let endpoint = raw
        .inquiry_endpoint
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    let endpoint_origin = endpoint.as_deref().map(endpoint_origin).transpose()?;
    let allowed = match raw.allowed_endpoint_origins {
        Some(listed) => listed
            .iter()
            .map(|o| {
                parse_origin(o.trim()).map_err(|problem| ConfigError::InvalidAllowedOrigin {
                    origin: o.clone(),
                    problem,
                })
            })
            .collect::<Result<_, _>>()?,
        None => endpoint_origin.into_iter().collect(),
    };
    let timeout_ms = raw
        .timeout_ms
        .filter(|t| (100..=120_000).contains(t))
        .unwrap_or(DEFAULT_TIMEOUT_MS);
    Ok(SiteConfig {
        endpoint,
        allowed,
        timeout_ms,
    })
}

impl SiteConfig {
    /// The endpoint for a page at `page_origin`: the one the page picked (its
    /// `data-hcnf-endpoint`), else the site's. Used only if it is https (or http with the
    /// page and the endpoint both on loopback) and on an allowed origin.
    pub fn choose(
        &self,
        picked: Option<&str>,
        page_origin: &str,
    ) -> Result<AppConfig, ConfigError> {
        let url = picked
            .map(str::trim)
            .or(self.endpoint.as_deref())
            .ok_or(ConfigError::MissingEndpoint)?;
        let (origin, normalised) = parse_url(url).map_err(|problem| invalid(url, problem))?;
        if !self.allowed.contains(&origin) {
            let allowed: Vec<&str> = self.allowed.iter().map(Origin::as_str).collect();
            return Err(ConfigError::NotAllowed {
                url: url.to_owned(),
                allowed: if allowed.is_empty() {
                    "none".to_owned()
                } else {
                    allowed.join(", ")
                },
            });
        }
        let page_is_loopback = parse_origin(page_origin).is_ok_and(|p| p.is_loopback());
        let encrypted_or_local = origin.is_https() || (origin.is_loopback() && page_is_loopback);
        if !encrypted_or_local {
            return Err(ConfigError::Insecure(url.to_owned()));
        }
        Ok(AppConfig {
            inquiry_endpoint: normalised,
            timeout_ms: self.timeout_ms,
        })
    }
}

fn invalid(url: &str, problem: UrlProblem) -> ConfigError {
    ConfigError::InvalidEndpoint {
        url: url.to_owned(),
        problem,
    }
}

fn endpoint_origin(url: &str) -> Result<Origin, ConfigError> {
    parse_url(url)
        .map(|(origin, _)| origin)
        .map_err(|problem| invalid(url, problem))
}

/// The configuration for this page: `config.json` at `config_url` (beside the app's
/// files), always, and the endpoint the host page picked, if it did, among those it allows.
/// A failure goes to the console as an error: the site is broken until the web team acts.
pub async fn load_config(
    picked: Option<String>,
    config_url: String,
) -> Result<AppConfig, ConfigError> {
    let loaded = match fetch_text(&config_url).await {
        Some(text) => parse_config(&text)
            .and_then(|c| c.choose(picked.as_deref(), &crate::browser::page::origin())),
        None => Err(ConfigError::Unreachable),
    };
    if let Err(error) = &loaded {
        crate::browser::page::error(&format!("HCNF: the inquiry form is unavailable: {error}"));
    }
    loaded
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
mod tests;
