//! Each mail setting checked as it is read: the relay's URL, an address, the credentials
//! file and the authority's certificates; and what to fix when one cannot work.

use lettre::message::Mailbox;

use super::{Relay, Secret, Tls};

/// Why the mail settings cannot work.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MailConfigError {
    #[error("--smtp-url {0:?} cannot be read: write smtp://HOST[:PORT] (STARTTLS), smtps://HOST[:PORT] (TLS) or smtp://HOST:PORT?tls=none")]
    Url(String),
    #[error("--smtp-url carries a user or password: put them in the file named by --smtp-credentials-file instead")]
    UrlCredentials,
    #[error("mail is on but no office address is given: add --mail-office ADDRESS (or HCNF_MAIL_OFFICE)")]
    NoOffice,
    #[error("mail is on but no sender is given: add --mail-from ADDRESS (or HCNF_MAIL_FROM)")]
    NoFrom,
    #[error("{flag}: {value:?} is not an email address")]
    Address { flag: &'static str, value: String },
    #[error("--smtp-credentials-file {0}: cannot be read ({1})")]
    CredentialsUnreadable(String, String),
    #[error("--smtp-credentials-file {0}: write the user name on the first line and the password on the second")]
    CredentialsShape(String),
    #[error("--smtp-ca-file {0}: cannot be read ({1})")]
    CaUnreadable(String, String),
    #[error("--smtp-ca-file {0}: holds no certificate: give the PEM file (-----BEGIN CERTIFICATE-----) of the authority that signed the relay's")]
    CaNotCertificates(String),
    #[error("--smtp-ca-file is given but the relay is used without TLS (tls=none): leave it out, or drop tls=none")]
    CaWithoutTls,
    #[error("--mail-office-locale {0:?} is no edition of this build: use one of {1}")]
    Locale(String, String),
    #[error("mail settings were given without --smtp-url (or HCNF_SMTP_URL): give the relay, or leave them out for mail off")]
    NoRelay,
}

pub(super) fn mailbox(flag: &'static str, value: &str) -> Result<Mailbox, MailConfigError> {
    value.parse().map_err(|_| MailConfigError::Address {
        flag,
        value: value.to_owned(),
    })
}

/// The relay an `smtp://` or `smtps://` URL names.
pub(super) fn relay(text: &str) -> Result<Relay, MailConfigError> {
    let bad = || MailConfigError::Url(text.to_owned());
    let url = url::Url::parse(text).map_err(|_| bad())?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(MailConfigError::UrlCredentials);
    }
    let host = url.host_str().filter(|h| !h.is_empty()).ok_or_else(bad)?;
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    if !matches!(url.path(), "" | "/") || url.fragment().is_some() {
        return Err(bad());
    }
    let mut tls = match url.scheme() {
        "smtp" => Tls::StartTls,
        "smtps" => Tls::Implicit,
        _ => return Err(bad()),
    };
    for (key, value) in url.query_pairs() {
        match (key.as_ref(), value.as_ref(), tls) {
            ("tls", "none", Tls::StartTls) => tls = Tls::None,
            ("tls", "required", Tls::StartTls) => {}
            _ => return Err(bad()),
        }
    }
    let port = url.port().unwrap_or(match tls {
        Tls::Implicit => 465,
        _ => 587,
    });
    Ok(Relay { host, port, tls })
}

/// The PEM certificates in the file at `path`, checked as the TLS client will read them.
pub(super) fn authority(path: &std::path::Path) -> Result<Vec<u8>, MailConfigError> {
    let shown = path.display().to_string();
    let pem = std::fs::read(path)
        .map_err(|e| MailConfigError::CaUnreadable(shown.clone(), e.to_string()))?;
    let marked = String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----");
    if !marked || lettre::transport::smtp::client::Certificate::from_pem(&pem).is_err() {
        return Err(MailConfigError::CaNotCertificates(shown));
    }
    Ok(pem)
}

pub(super) fn secret(path: &std::path::Path) -> Result<Secret, MailConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| MailConfigError::CredentialsUnreadable(shown.clone(), e.to_string()))?;
    let mut lines = text.lines();
    match (
        lines.next(),
        lines.next(),
        lines.all(|l| l.trim().is_empty()),
    ) {
        (Some(user), Some(password), true) if !user.is_empty() && !password.is_empty() => {
            Ok(Secret {
                user: user.to_owned(),
                password: password.to_owned(),
            })
        }
        _ => Err(MailConfigError::CredentialsShape(shown)),
    }
}
