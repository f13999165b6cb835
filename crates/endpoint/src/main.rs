//! Runs the reference endpoint, or one of the office's commands on its database.
//!
//! `hcnf-endpoint [--listen ADDR] [--db PATH] [--allow-origin URL]... [limits]` serves;
//! `hcnf-endpoint export …` and `hcnf-endpoint purge …` read and trim the database (see
//! [`usage`]). Built with the `test-faults` feature (for the end-to-end tests only), the
//! server also takes `[--test-faults] [--fault-delay-ms MS]`.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Duration;

use axum::Router;
use hcnf_endpoint::mail::words::Words;
use hcnf_endpoint::mail::{self, MailArgs, MailConfig, MailHook, Mailer};
use hcnf_endpoint::{export, router, serve, Config, Format, Limits, Store, DEFAULT_RETENTION_DAYS};

/// What the binary says when asked, with each limit's default.
fn usage() -> String {
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
enum Command {
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

struct Args {
    listen: SocketAddr,
    db: PathBuf,
    origins: Vec<String>,
    limits: Limits,
    mail: MailArgs,
    /// The built site (`dist/`), for the plain form's answer pages.
    site: Option<PathBuf>,
    #[cfg(feature = "test-faults")]
    test_faults: bool,
    #[cfg(feature = "test-faults")]
    fault_delay: Duration,
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

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Command, String> {
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
fn mail_config(args: MailArgs, words: &Words) -> Result<Option<MailConfig>, String> {
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

fn main() -> ExitCode {
    let command = match parse(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Serve(args) => run_server(*args),
        Command::Export { db, since, format } => run_export(&db, &since, format),
        Command::Purge { db, days } => run_purge(&db, days),
        Command::Outbox { db, retry } => run_outbox(&db, retry),
        Command::CheckMail { to, mail } => run_check_mail(&to, mail),
    }
}

fn run_outbox(db: &std::path::Path, retry: Option<i64>) -> ExitCode {
    let result = Store::open_existing(db)
        .map_err(|e| e.to_string())
        .and_then(|store| {
            if let Some(id) = retry {
                match store.retry_failed(id) {
                    Ok(true) => println!("message {id} is queued again"),
                    Ok(false) => return Err(format!("no failed message has the id {id}")),
                    Err(e) => return Err(e.to_string()),
                }
            }
            let report = mail::commands::outbox_report(&store).map_err(|e| e.to_string())?;
            print!("{report}");
            Ok(())
        });
    finish(db, result)
}

#[tokio::main(flavor = "current_thread")]
async fn run_check_mail(to: &str, args: MailArgs) -> ExitCode {
    let words = Words::embedded();
    let to = match to.parse() {
        Ok(to) => to,
        Err(_) => {
            eprintln!("--to: {to:?} is not an email address");
            return ExitCode::from(2);
        }
    };
    let mailer = match mail_config(args, &words) {
        Ok(Some(config)) => Mailer::new(config, words),
        Ok(None) => {
            eprintln!("check-mail needs --smtp-url (or HCNF_SMTP_URL) and the other mail settings");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let result = match mailer {
        Ok(m) => mail::commands::check_mail(&m, to).await,
        Err(e) => Err(e.to_string()),
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(line) => {
            eprintln!("{line}");
            ExitCode::FAILURE
        }
    }
}

fn run_export(db: &std::path::Path, since: &str, format: Format) -> ExitCode {
    let result = Store::open_existing(db)
        .and_then(|store| store.received_since(since))
        .map_err(|e| e.to_string())
        .and_then(|records| {
            let mut out = std::io::stdout().lock();
            export(&records, format, &mut out)
                .and_then(|()| out.flush())
                .map_err(|e| e.to_string())
        });
    finish(db, result)
}

fn run_purge(db: &std::path::Path, days: u32) -> ExitCode {
    let result = Store::open_existing(db)
        .and_then(|store| store.purge_older_than(days))
        .map(|n| println!("purged {n} inquiries received more than {days} days ago"))
        .map_err(|e| e.to_string());
    finish(db, result)
}

fn finish(db: &std::path::Path, result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", db.display());
            ExitCode::FAILURE
        }
    }
}

#[tokio::main]
async fn run_server(mut args: Args) -> ExitCode {
    // Listening for SIGTERM from the start, so a stop sent while starting is not lost.
    let mut terminate =
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot listen for SIGTERM: {e}");
                return ExitCode::FAILURE;
            }
        };
    let words = Words::embedded();
    let mail = match mail_config(std::mem::take(&mut args.mail), &words) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let site = match &args.site {
        None => None,
        Some(dir) => match load_site(dir) {
            Ok(site) => Some(site),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
    };
    let form_line = match &args.site {
        None => "plain form off".to_owned(),
        Some(dir) => format!("plain form pages from {}", dir.display()),
    };
    let store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot open {}: {e}", args.db.display());
            return ExitCode::FAILURE;
        }
    };
    let mail_line = match &mail {
        None => "mail off".to_owned(),
        Some(m) => format!(
            "mail to {} office address(es) through {}",
            m.office.len(),
            m.relay
        ),
    };
    let hook = mail.as_ref().map(MailHook::new);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = match mail {
        None => None,
        Some(config) => match Mailer::new(config, words) {
            Ok(mailer) => {
                let wake = hook.as_ref().map(|h| h.wake.clone()).unwrap_or_default();
                let run =
                    mail::worker::run(store.clone(), std::sync::Arc::new(mailer), wake, stopped);
                Some(tokio::spawn(run))
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
    };
    let config = Config {
        allowed_origins: args.origins.clone(),
        limits: args.limits.clone(),
        mail: hook,
        site,
    };
    let app = build_router(store, config, &args);
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    // The address bound, not the one asked for: with port 0 the system picks a free one,
    // and this line is how whoever started the process learns it.
    let bound = listener.local_addr().unwrap_or(args.listen);
    println!(
        "inquiry endpoint on http://{bound}/inquiries (database {}, origins {}; {mail_line}; {form_line})",
        args.db.display(),
        args.origins.join(" ")
    );
    let shutdown = async move {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
    };
    serve(listener, app, &args.limits, shutdown).await;
    // The sends in flight finish (within the shutdown time); the rest stay in the outbox.
    if let Some(worker) = worker {
        let _ = stop.send(true);
        if tokio::time::timeout(args.limits.shutdown_timeout, worker)
            .await
            .is_err()
        {
            eprintln!("mail: sends still in flight at shutdown are tried again at the next start");
        }
    }
    ExitCode::SUCCESS
}

/// The page template the site's build left for the answer pages, checked.
fn load_site(dir: &std::path::Path) -> Result<hcnf_endpoint::Site, String> {
    use hcnf_site::prerender::{AnswerTemplate, ANSWER_TEMPLATE_FILE};
    let file = dir.join(ANSWER_TEMPLATE_FILE);
    let template = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "--site: cannot read {} ({e}); give the built site (scripts/build.sh writes it)",
            file.display()
        )
    })?;
    AnswerTemplate::new(template)
        .map(hcnf_endpoint::Site::new)
        .map_err(|e| format!("--site: {}: {e}", file.display()))
}

#[cfg(not(feature = "test-faults"))]
fn build_router(store: Store, config: Config, _: &Args) -> Router {
    router(store, config)
}

#[cfg(feature = "test-faults")]
fn build_router(store: Store, config: Config, args: &Args) -> Router {
    if args.test_faults {
        let faults = hcnf_endpoint::Faults::new(args.fault_delay);
        hcnf_endpoint::router_with_faults(store, config, faults)
    } else {
        router(store, config)
    }
}

#[cfg(test)]
mod tests {
    use hcnf_content::ruby::plain;
    use hcnf_endpoint::mail::words::Words;
    use hcnf_endpoint::DEFAULT_RETENTION_DAYS;

    /// The whole numbers written in `text`, in digits.
    fn numbers(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    }

    #[test]
    fn the_privacy_notice_keeps_an_inquiry_as_long_as_purge_does() {
        // What each edition's notice promises is what `purge` with no number deletes past:
        // change one, and this fails until the other says the same.
        let words = Words::embedded();
        let mut stated_at = Vec::new();
        for code in words.codes() {
            let items = &words.edition(code).pages.inquiry.privacy.items;
            let stating: Vec<usize> = (0..items.len())
                .filter(|&i| {
                    numbers(&plain(&items[i].detail)).contains(&DEFAULT_RETENTION_DAYS.into())
                })
                .collect();
            assert_eq!(
                stating.len(),
                1,
                "{code}: one entry of the privacy notice should say inquiries are kept \
                 {DEFAULT_RETENTION_DAYS} days, as `purge` keeps them: {items:#?}"
            );
            stated_at.push((code.to_owned(), stating[0]));
        }
        assert!(stated_at.len() >= 3, "{stated_at:?}");
        assert!(
            stated_at.windows(2).all(|w| w[0].1 == w[1].1),
            "the editions state the retention in different entries: {stated_at:?}"
        );
    }
}
