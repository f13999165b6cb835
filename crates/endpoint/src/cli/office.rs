//! The office's commands on the database: export, purge, the outbox's report and retry,
//! and a test message through the relay.

use std::io::Write;
use std::process::ExitCode;

use crate::mail::words::Words;
use crate::mail::{self, MailArgs, Mailer};
use crate::{export, Format, Store};

use super::args::mail_config;

pub(crate) fn run_export(db: &std::path::Path, since: &str, format: Format) -> ExitCode {
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

pub(crate) fn run_purge(db: &std::path::Path, days: u32) -> ExitCode {
    let result = Store::open_existing(db)
        .and_then(|store| store.purge_older_than(days))
        .map(|n| println!("purged {n} inquiries received more than {days} days ago"))
        .map_err(|e| e.to_string());
    finish(db, result)
}

pub(crate) fn run_outbox(db: &std::path::Path, retry: Option<i64>) -> ExitCode {
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
pub(crate) async fn run_check_mail(to: &str, args: MailArgs) -> ExitCode {
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

fn finish(db: &std::path::Path, result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", db.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mail::words::Words;
    use crate::DEFAULT_RETENTION_DAYS;
    use hcnf_content::ruby::plain;

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
