//! What the command line asks for: the server's flags, or one of the office's commands
//! with its own.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::mail::words::Words;
use crate::mail::{MailArgs, MailConfig};
use crate::{Format, Limits, DEFAULT_RETENTION_DAYS};

/// What the binary says when asked, with each limit's default.
pub(crate) fn usage() -> String {
    let d = Limits::default();
    #[cfg(feature = "test-faults")]
    let faults = " [--test-faults] [--fault-delay-ms 20000]";
    #[cfg(not(feature = "test-faults"))]
    let faults = "";
    format!(
        "usage: hcnf-endpoint [--listen 127.0.0.1:8787] [--db inquiries.sqlite3] \
[--allow-origin http://127.0.0.1:8080]... [--site DIST] [--trust-proxy ADDR]... \
[--rate-per-minute {}] [--rate-burst {}] [--max-in-flight {}] [--min-free-disk-mb {}] \
[--header-timeout-secs {}] [--body-timeout-secs {}] [--request-timeout-secs {}] \
[--max-connections {}] [--max-connections-per-client {}] [--shutdown-timeout-secs {}] \
{}{faults}
       hcnf-endpoint export --db PATH --since YYYY-MM-DD [--format csv|json]
       hcnf-endpoint purge --db PATH [--older-than {DEFAULT_RETENTION_DAYS}]
       hcnf-endpoint outbox --db PATH [--retry ID]
       hcnf-endpoint check-mail --to ADDR [mail flags]",
        d.rate_per_minute,
        d.rate_burst,
        d.max_in_flight,
        d.min_free_disk_mb,
        d.header_timeout.as_secs(),
        d.body_timeout.as_secs(),
        d.request_timeout.as_secs(),
        d.max_connections,
        d.max_connections_per_client,
        d.shutdown_timeout.as_secs(),
        MailArgs::usage(),
    )
}

/// What the command line asks for.
pub(crate) enum Command {
    Serve(Box<Args>),
    Export {
        db: PathBuf,
        since: String,
        format: Format,
    },
    Purge {
        db: PathBuf,
        days: u32,
    },
    Outbox {
        db: PathBuf,
        retry: Option<i64>,
    },
    CheckMail {
        to: String,
        mail: MailArgs,
    },
}

pub(crate) struct Args {
    pub(crate) listen: SocketAddr,
    pub(crate) db: PathBuf,
    pub(crate) origins: Vec<String>,
    pub(crate) limits: Limits,
    pub(crate) mail: MailArgs,
    /// The built site (`dist/`), for the plain form's answer pages.
    pub(crate) site: Option<PathBuf>,
    #[cfg(feature = "test-faults")]
    pub(crate) test_faults: bool,
    #[cfg(feature = "test-faults")]
    pub(crate) fault_delay: Duration,
}

fn number<T: FromStr>(flag: &str, value: String) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e| format!("{flag}: {e}"))
}

fn seconds(flag: &str, value: String) -> Result<Duration, String> {
    number(flag, value).map(Duration::from_secs)
}

pub(crate) fn parse(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut argv = argv.by_ref().peekable();
    match argv.peek().map(String::as_str) {
        Some("export") => parse_export(argv.skip(1)),
        Some("purge") => parse_purge(argv.skip(1)),
        Some("outbox") => parse_outbox(argv.skip(1)),
        Some("check-mail") => parse_check_mail(argv.skip(1)),
        _ => parse_serve(argv).map(|a| Command::Serve(Box::new(a))),
    }
}

fn parse_serve(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        listen: ([127, 0, 0, 1], 8787).into(),
        db: PathBuf::from("inquiries.sqlite3"),
        origins: Vec::new(),
        limits: Limits::default(),
        mail: MailArgs::default(),
        site: std::env::var_os("HCNF_SITE_DIR").map(PathBuf::from),
        #[cfg(feature = "test-faults")]
        test_faults: false,
        #[cfg(feature = "test-faults")]
        fault_delay: Duration::from_secs(20),
    };
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        let l = &mut args.limits;
        match flag.as_str() {
            "--listen" => args.listen = number(&flag, value()?)?,
            "--db" => args.db = value()?.into(),
            "--allow-origin" => args.origins.push(value()?),
            "--site" => args.site = Some(value()?.into()),
            "--trust-proxy" => l.trusted_proxies.push(number(&flag, value()?)?),
            "--rate-per-minute" => l.rate_per_minute = positive(&flag, value()?)?,
            "--rate-burst" => l.rate_burst = positive(&flag, value()?)?,
            "--max-in-flight" => l.max_in_flight = positive(&flag, value()?)?,
            "--min-free-disk-mb" => l.min_free_disk_mb = number(&flag, value()?)?,
            "--header-timeout-secs" => l.header_timeout = seconds(&flag, value()?)?,
            "--body-timeout-secs" => l.body_timeout = seconds(&flag, value()?)?,
            "--request-timeout-secs" => l.request_timeout = seconds(&flag, value()?)?,
            "--max-connections" => l.max_connections = positive(&flag, value()?)?,
            "--max-connections-per-client" => {
                l.max_connections_per_client = positive(&flag, value()?)?
            }
            "--shutdown-timeout-secs" => l.shutdown_timeout = seconds(&flag, value()?)?,
            #[cfg(feature = "test-faults")]
            "--test-faults" => args.test_faults = true,
            #[cfg(feature = "test-faults")]
            "--fault-delay-ms" => {
                args.fault_delay = Duration::from_millis(number(&flag, value()?)?)
            }
            "-h" | "--help" => return Err(usage()),
            other => {
                if !args.mail.take(other, &mut value)? {
                    return Err(format!("unknown argument {other}\n{}", usage()));
                }
            }
        }
    }
    if args.origins.is_empty() {
        // The app as `scripts/serve.sh` serves it.
        args.origins = vec![
            "http://127.0.0.1:8080".into(),
            "http://localhost:8080".into(),
        ];
    }
    Ok(args)
}

/// A count that must be at least 1: a limit of 0 would refuse everything.
fn positive<T: FromStr + PartialEq + Default>(flag: &str, value: String) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    let n: T = number(flag, value)?;
    if n == T::default() {
        return Err(format!("{flag}: must be at least 1"));
    }
    Ok(n)
}

fn parse_export(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut db, mut since, mut format) = (None, None, Format::Csv);
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => db = Some(PathBuf::from(value()?)),
            "--since" => {
                let v = value()?;
                if !is_date(&v) {
                    return Err(format!("--since: {v} is not a date (YYYY-MM-DD)"));
                }
                since = Some(v);
            }
            "--format" => {
                let v = value()?;
                format = Format::parse(&v).ok_or(format!("--format: {v} is not csv or json"))?;
            }
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    match (db, since) {
        (Some(db), Some(since)) => Ok(Command::Export { db, since, format }),
        _ => Err(format!("export needs --db and --since\n{}", usage())),
    }
}

/// `purge --db PATH [--older-than DAYS]`: without `--older-than`, the retention the privacy
/// notice states, so the command the office runs keeps the notice's promise as it is.
fn parse_purge(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut db, mut days) = (None, DEFAULT_RETENTION_DAYS);
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => db = Some(PathBuf::from(value()?)),
            "--older-than" => days = number(&flag, value()?)?,
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    let db = db.ok_or(format!("purge needs --db\n{}", usage()))?;
    Ok(Command::Purge { db, days })
}

fn parse_outbox(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut db, mut retry) = (None, None);
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => db = Some(PathBuf::from(value()?)),
            "--retry" => retry = Some(number(&flag, value()?)?),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    let db = db.ok_or(format!("outbox needs --db\n{}", usage()))?;
    Ok(Command::Outbox { db, retry })
}

fn parse_check_mail(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut to, mut mail) = (None, MailArgs::default());
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--to" => to = Some(value()?),
            other => {
                if !mail.take(other, &mut value)? {
                    return Err(format!("unknown argument {other}\n{}", usage()));
                }
            }
        }
    }
    let to = to.ok_or(format!("check-mail needs --to\n{}", usage()))?;
    Ok(Command::CheckMail { to, mail })
}

/// The mail settings checked against the environment and this build's editions; `Err` is
/// the one line that says what to fix.
pub(crate) fn mail_config(args: MailArgs, words: &Words) -> Result<Option<MailConfig>, String> {
    args.resolve(&|name| std::env::var(name).ok(), &words.codes())
        .map_err(|e| e.to_string())
}

/// `YYYY-MM-DD`, a day that exists.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse::<u32>().ok())?
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&d)
}
