//! How mail is sent: the relay, its TLS and credentials, the sender, the office's
//! addresses, the receipt limits and the retry schedule. Given by flags or the environment;
//! anything that cannot work stops the endpoint at start with one line saying what to fix.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;

use super::outbox::ReceiptLimits;

/// How the connection to the relay is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    /// `smtp://`: STARTTLS, required (the default port 587).
    StartTls,
    /// `smtps://`: TLS from the first byte (the default port 465).
    Implicit,
    /// `smtp://…?tls=none`: none, for a relay on the same machine or a closed network.
    None,
}

/// The relay: where and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relay {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
}

impl fmt::Display for Relay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tls = match self.tls {
            Tls::StartTls => "STARTTLS",
            Tls::Implicit => "TLS",
            Tls::None => "no TLS",
        };
        write!(f, "{}:{} ({tls})", self.host, self.port)
    }
}

/// A user name and password for AUTH, read from a file; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    pub user: String,
    pub password: String,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// When a message that failed for now is tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry {
    /// After the first failure; doubled after each one, with jitter.
    pub first: Duration,
    /// The longest wait between two attempts.
    pub max: Duration,
    /// How long after the inquiry a message is still tried; then it is marked failed.
    pub give_up: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            first: Duration::from_secs(30),
            max: Duration::from_secs(15 * 60),
            give_up: Duration::from_secs(72 * 3600),
        }
    }
}

/// Mail, ready to use.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub relay: Relay,
    pub credentials: Option<Secret>,
    /// Certificates (PEM) the relay's may be signed by, besides the system's: a relay on the
    /// prefecture's own network often has a certificate from its own authority.
    pub ca: Option<Vec<u8>>,
    pub from: Mailbox,
    pub office: Vec<Mailbox>,
    /// The edition the office's copy is written in.
    pub office_locale: String,
    pub receipts: ReceiptLimits,
    pub retry: Retry,
    /// How long one SMTP exchange may take.
    pub timeout: Duration,
}

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

/// The mail flags as given, before they are checked; each falls back to its variable.
#[derive(Clone, Debug, Default)]
pub struct MailArgs {
    url: Option<String>,
    credentials: Option<PathBuf>,
    ca_file: Option<PathBuf>,
    from: Option<String>,
    office: Vec<String>,
    office_locale: Option<String>,
    receipts: ReceiptLimits,
    retry: Retry,
    timeout: Option<Duration>,
    /// A limit or schedule flag was given, which means nothing with mail off.
    tuned: bool,
}

/// What [`MailArgs::take`] makes of a flag.
pub type Taken = Result<bool, String>;

impl MailArgs {
    /// Usage text of the mail flags, with their defaults.
    pub fn usage() -> String {
        let (r, l) = (Retry::default(), ReceiptLimits::default());
        format!(
            "[--smtp-url smtp://HOST[:PORT]] [--smtp-credentials-file PATH] [--smtp-ca-file PEM] [--mail-from ADDR] \
[--mail-office ADDR]... [--mail-office-locale ja] [--receipts-per-address {}] \
[--receipts-per-client {}] [--mail-retry-first-secs {}] [--mail-retry-max-secs {}] \
[--mail-give-up-hours {}]",
            l.per_address,
            l.per_client,
            r.first.as_secs(),
            r.max.as_secs(),
            r.give_up.as_secs() / 3600
        )
    }

    /// Takes `flag` if it is a mail flag, with its value from `value`; false if it is not one.
    pub fn take(&mut self, flag: &str, value: &mut dyn FnMut() -> Result<String, String>) -> Taken {
        let count = |v: String| -> Result<u64, String> {
            v.parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(format!("{flag}: {v:?} is not a whole number of at least 1"))
        };
        let small = |n: u64| u32::try_from(n).map_err(|_| format!("{flag}: {n} is too large"));
        match flag {
            "--smtp-url" => self.url = Some(value()?),
            "--smtp-credentials-file" => self.credentials = Some(value()?.into()),
            "--smtp-ca-file" => self.ca_file = Some(value()?.into()),
            "--mail-from" => self.from = Some(value()?),
            "--mail-office" => self.office.push(value()?),
            "--mail-office-locale" => self.office_locale = Some(value()?),
            "--receipts-per-address" => self.receipts.per_address = small(count(value()?)?)?,
            "--receipts-per-client" => self.receipts.per_client = small(count(value()?)?)?,
            "--mail-retry-first-secs" => self.retry.first = Duration::from_secs(count(value()?)?),
            "--mail-retry-max-secs" => self.retry.max = Duration::from_secs(count(value()?)?),
            "--mail-give-up-hours" => {
                self.retry.give_up = Duration::from_secs(count(value()?)?.saturating_mul(3600))
            }
            "--smtp-timeout-secs" => self.timeout = Some(Duration::from_secs(count(value()?)?)),
            _ => return Ok(false),
        }
        self.tuned |= !matches!(flag, "--smtp-url");
        Ok(true)
    }

    /// The settings checked, with `env` (a variable's value by name) for what no flag
    /// gave, and `locales` the editions there are: `None` is mail off.
    pub fn resolve(
        mut self,
        env: &dyn Fn(&str) -> Option<String>,
        locales: &[&str],
    ) -> Result<Option<MailConfig>, MailConfigError> {
        self.url = self.url.or_else(|| env("HCNF_SMTP_URL"));
        self.credentials = self
            .credentials
            .or_else(|| env("HCNF_SMTP_CREDENTIALS_FILE").map(PathBuf::from));
        self.ca_file = self
            .ca_file
            .or_else(|| env("HCNF_SMTP_CA_FILE").map(PathBuf::from));
        self.from = self.from.or_else(|| env("HCNF_MAIL_FROM"));
        if self.office.is_empty() {
            if let Some(list) = env("HCNF_MAIL_OFFICE") {
                self.office = list.split(',').map(|a| a.trim().to_owned()).collect();
                self.office.retain(|a| !a.is_empty());
            }
        }
        self.office_locale = self
            .office_locale
            .or_else(|| env("HCNF_MAIL_OFFICE_LOCALE"));
        let Some(url) = self.url.filter(|u| !u.is_empty()) else {
            let given = self.credentials.is_some()
                || self.ca_file.is_some()
                || self.from.is_some()
                || !self.office.is_empty()
                || self.office_locale.is_some()
                || self.tuned;
            return if given {
                Err(MailConfigError::NoRelay)
            } else {
                Ok(None)
            };
        };
        let relay = relay(&url)?;
        let from = self.from.ok_or(MailConfigError::NoFrom)?;
        let from = mailbox("--mail-from", &from)?;
        if self.office.is_empty() {
            return Err(MailConfigError::NoOffice);
        }
        let office = self
            .office
            .iter()
            .map(|a| mailbox("--mail-office", a))
            .collect::<Result<_, _>>()?;
        let office_locale = self.office_locale.unwrap_or_else(|| "ja".into());
        if !locales.contains(&office_locale.as_str()) {
            return Err(MailConfigError::Locale(office_locale, locales.join(", ")));
        }
        let credentials = self.credentials.map(|p| secret(&p)).transpose()?;
        let ca = self.ca_file.map(|p| authority(&p)).transpose()?;
        if ca.is_some() && relay.tls == Tls::None {
            return Err(MailConfigError::CaWithoutTls);
        }
        Ok(Some(MailConfig {
            relay,
            credentials,
            ca,
            from,
            office,
            office_locale,
            receipts: self.receipts,
            retry: self.retry,
            timeout: self.timeout.unwrap_or(Duration::from_secs(30)),
        }))
    }
}

fn mailbox(flag: &'static str, value: &str) -> Result<Mailbox, MailConfigError> {
    value.parse().map_err(|_| MailConfigError::Address {
        flag,
        value: value.to_owned(),
    })
}

/// The relay an `smtp://` or `smtps://` URL names.
fn relay(text: &str) -> Result<Relay, MailConfigError> {
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
fn authority(path: &std::path::Path) -> Result<Vec<u8>, MailConfigError> {
    let shown = path.display().to_string();
    let pem = std::fs::read(path)
        .map_err(|e| MailConfigError::CaUnreadable(shown.clone(), e.to_string()))?;
    let marked = String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----");
    if !marked || lettre::transport::smtp::client::Certificate::from_pem(&pem).is_err() {
        return Err(MailConfigError::CaNotCertificates(shown));
    }
    Ok(pem)
}

fn secret(path: &std::path::Path) -> Result<Secret, MailConfigError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(flags: &[&str]) -> Result<Option<MailConfig>, MailConfigError> {
        let mut a = MailArgs::default();
        let mut it = flags.iter().map(|s| s.to_string());
        while let Some(flag) = it.next() {
            let mut next = || it.next().ok_or("missing".to_string());
            assert!(a.take(&flag, &mut next).unwrap(), "{flag}");
        }
        a.resolve(&|_| None, &["en", "ja", "ja-x-easy"])
    }

    const BASE: [&str; 4] = [
        "--mail-from",
        "hcnf@pref.example.jp",
        "--mail-office",
        "office@pref.example.jp",
    ];

    #[test]
    fn no_relay_is_mail_off_and_settings_without_one_are_refused() {
        assert!(args(&[]).unwrap().is_none());
        assert_eq!(args(&BASE).unwrap_err(), MailConfigError::NoRelay);
    }

    #[test]
    fn each_scheme_names_its_protection_and_default_port() {
        for (url, host, port, tls) in [
            (
                "smtp://relay.example.jp",
                "relay.example.jp",
                587,
                Tls::StartTls,
            ),
            (
                "smtps://relay.example.jp",
                "relay.example.jp",
                465,
                Tls::Implicit,
            ),
            (
                "smtp://127.0.0.1:2525?tls=none",
                "127.0.0.1",
                2525,
                Tls::None,
            ),
            ("smtp://[::1]:25?tls=required", "::1", 25, Tls::StartTls),
        ] {
            let mut flags = vec!["--smtp-url", url];
            flags.extend(BASE);
            let c = args(&flags).unwrap().unwrap();
            assert_eq!(
                c.relay,
                Relay {
                    host: host.into(),
                    port,
                    tls
                },
                "{url}"
            );
            assert_eq!(c.office_locale, "ja");
        }
    }

    #[test]
    fn what_cannot_work_is_refused_with_what_to_fix() {
        let with = |extra: &[&str]| {
            let mut flags = extra.to_vec();
            flags.extend(BASE);
            args(&flags).unwrap_err().to_string()
        };
        for url in [
            "relay.example.jp",
            "http://relay",
            "smtps://relay?tls=none",
            "smtp://relay/x",
        ] {
            assert!(
                with(&["--smtp-url", url]).contains("cannot be read"),
                "{url}"
            );
        }
        assert!(with(&["--smtp-url", "smtp://u:p@relay"]).contains("--smtp-credentials-file"));
        assert!(with(&[
            "--smtp-url",
            "smtp://relay",
            "--smtp-credentials-file",
            "/nonexistent/c"
        ])
        .contains("cannot be read"));
        assert!(
            with(&["--smtp-url", "smtp://relay", "--mail-office-locale", "fr"])
                .contains("en, ja, ja-x-easy")
        );
        let no_office = args(&["--smtp-url", "smtp://relay", "--mail-from", "a@example.jp"]);
        assert_eq!(no_office.unwrap_err(), MailConfigError::NoOffice);
        let bad = args(&[
            "--smtp-url",
            "smtp://relay",
            "--mail-from",
            "a@example.jp",
            "--mail-office",
            "not an address",
        ]);
        assert!(matches!(bad.unwrap_err(), MailConfigError::Address { .. }));
    }

    #[test]
    fn credentials_come_from_a_file_and_are_never_printed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c");
        std::fs::write(&file, "hcnf\ns3cret-pass\n").unwrap();
        let path = file.to_str().unwrap();
        let mut flags = vec![
            "--smtp-url",
            "smtps://relay",
            "--smtp-credentials-file",
            path,
        ];
        flags.extend(BASE);
        let c = args(&flags).unwrap().unwrap();
        let secret = c.credentials.clone().unwrap();
        assert_eq!(
            (secret.user.as_str(), secret.password.as_str()),
            ("hcnf", "s3cret-pass")
        );
        assert!(!format!("{c:?}").contains("s3cret"));
        std::fs::write(&file, "only-a-user\n").unwrap();
        assert!(matches!(
            args(&flags).unwrap_err(),
            MailConfigError::CredentialsShape(_)
        ));
    }

    #[test]
    fn an_authority_file_must_be_readable_hold_certificates_and_go_with_tls() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ca.pem");
        let path = file.to_str().unwrap();
        let with = |url: &str| {
            let mut flags = vec!["--smtp-url", url, "--smtp-ca-file", path];
            flags.extend(BASE);
            args(&flags)
        };
        assert!(matches!(
            with("smtp://relay").unwrap_err(),
            MailConfigError::CaUnreadable(..)
        ));
        std::fs::write(&file, "hcnf\ns3cret-pass\n").unwrap();
        let refused = with("smtp://relay").unwrap_err();
        assert_eq!(refused, MailConfigError::CaNotCertificates(path.to_owned()));
        assert!(refused.to_string().contains("BEGIN CERTIFICATE"));
        let pem = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
        std::fs::write(&file, pem).unwrap();
        let c = with("smtps://relay").unwrap().unwrap();
        assert_eq!(c.ca.as_deref(), Some(pem.as_bytes()));
        assert_eq!(
            with("smtp://relay:25?tls=none").unwrap_err(),
            MailConfigError::CaWithoutTls
        );
    }

    #[test]
    fn the_environment_fills_in_what_no_flag_gives() {
        let env = |name: &str| match name {
            "HCNF_SMTP_URL" => Some("smtp://relay.example.jp".to_string()),
            "HCNF_MAIL_FROM" => Some("hcnf@pref.example.jp".to_string()),
            "HCNF_MAIL_OFFICE" => Some("a@pref.example.jp, b@pref.example.jp".to_string()),
            _ => None,
        };
        let c = MailArgs::default().resolve(&env, &["ja"]).unwrap().unwrap();
        assert_eq!(c.office.len(), 2);
    }
}
