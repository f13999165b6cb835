//! Web addresses read as strictly as an inquiry endpoint needs: an absolute `http(s)://`
//! URL without a user name or password, whose origin (scheme, host, port) can be compared
//! with the ones `config.json` allows. Hand-written rather than the `url` crate, whose
//! internationalised-domain tables would cost every reader kilobytes of wasm; anything
//! this reader is unsure of (a backslash, a `%` in the host, a non-ASCII host) is refused,
//! so it never sees a different host from the one the browser would connect to.

/// Why an address cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    #[error("it is not an absolute http:// or https:// URL")]
    NotHttp,
    #[error("it has a space, a control character or a backslash")]
    BadCharacter,
    #[error(
        "it carries a user name or password (user:pass@), which would be sent to every reader"
    )]
    UserInfo,
    #[error("its host or port cannot be read (write a non-ASCII host in its xn-- form)")]
    BadHost,
    #[error("an origin is a scheme, a host and a port, with no path, query or fragment")]
    NotAnOrigin,
}

/// Scheme, host and port, lowercased, the scheme's default port left out:
/// `https://inquiries.example.jp`, `http://127.0.0.1:8787`, as `location.origin` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    serialized: String,
    https: bool,
    host: String,
}

impl Origin {
    pub fn as_str(&self) -> &str {
        &self.serialized
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    /// `localhost`, `[::1]` or 127.0.0.0/8: a machine talking to itself, where plain http
    /// crosses no network.
    pub fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self.host == "[::1]"
            || self
                .host
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

/// Reads an absolute URL: its origin, and the URL rebuilt from that origin, so that what
/// is fetched is exactly what was checked.
pub fn parse_url(raw: &str) -> Result<(Origin, String), UrlProblem> {
    if raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(UrlProblem::BadCharacter);
    }
    let (scheme, rest) = raw.split_once("://").ok_or(UrlProblem::NotHttp)?;
    let https = match scheme.to_ascii_lowercase().as_str() {
        "https" => true,
        "http" => false,
        _ => return Err(UrlProblem::NotHttp),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.contains('@') {
        return Err(UrlProblem::UserInfo);
    }
    let (host, port) = split_port(authority)?;
    let host = checked_host(host)?;
    let default_port = if https { 443 } else { 80 };
    let serialized = match port {
        Some(port) if port != default_port => format!("{}://{host}:{port}", scheme_name(https)),
        _ => format!("{}://{host}", scheme_name(https)),
    };
    let url = format!("{serialized}{path}");
    let origin = Origin {
        serialized,
        https,
        host,
    };
    Ok((origin, url))
}

/// Reads an origin, as `config.json` lists them; a trailing `/` is forgiven.
pub fn parse_origin(raw: &str) -> Result<Origin, UrlProblem> {
    let (origin, url) = parse_url(raw)?;
    match &url[origin.as_str().len()..] {
        "" | "/" => Ok(origin),
        _ => Err(UrlProblem::NotAnOrigin),
    }
}

fn scheme_name(https: bool) -> &'static str {
    if https {
        "https"
    } else {
        "http"
    }
}

/// `host:port` → host and port; the colons inside `[…]` belong to an IPv6 host.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), UrlProblem> {
    let after_host = if authority.starts_with('[') {
        authority.find(']').ok_or(UrlProblem::BadHost)? + 1
    } else {
        authority.find(':').unwrap_or(authority.len())
    };
    let (host, port) = authority.split_at(after_host);
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => None,
        None => return Err(UrlProblem::BadHost),
        // `host:` is the default port, as browsers read it.
        Some("") => None,
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            Some(digits.parse().map_err(|_| UrlProblem::BadHost)?)
        }
        Some(_) => return Err(UrlProblem::BadHost),
    };
    Ok((host, port))
}

/// A host name of ASCII letters, digits, `-` and `.`, or an IPv6 address in brackets,
/// lowercased.
fn checked_host(host: &str) -> Result<String, UrlProblem> {
    let ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => {
            v6.contains(':')
                && v6
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || ".:".contains(c))
        }
        None => {
            !host.is_empty()
                && !host.starts_with('.')
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        }
    };
    if ok {
        Ok(host.to_ascii_lowercase())
    } else {
        Err(UrlProblem::BadHost)
    }
}
