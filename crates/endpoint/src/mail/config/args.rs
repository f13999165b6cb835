//! The mail flags as given, each with its variable, and the settings they make once
//! checked.

use std::path::PathBuf;
use std::time::Duration;

use super::check::{authority, mailbox, relay, secret};
use super::{MailConfig, MailConfigError, Retry, Tls};
use crate::mail::outbox::ReceiptLimits;

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
