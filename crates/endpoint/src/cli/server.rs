//! Starts the endpoint: the mail settings, the site's answer pages and the database
//! checked first, then the delivery worker, the retention rule and the listener, until
//! SIGTERM or Ctrl-C.

use std::process::ExitCode;

use crate::mail::words::Words;
use crate::mail::{self, MailHook, Mailer};
use crate::{router, serve, Config, Store};
use axum::Router;

use super::args::{mail_config, Args};

#[tokio::main]
pub(crate) async fn run_server(mut args: Args) -> ExitCode {
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
    let retention = tokio::spawn(crate::retention::run(store.clone(), stop.subscribe()));
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
    let _ = stop.send(true);
    let _ = retention.await;
    // The sends in flight finish (within the shutdown time); the rest stay in the outbox.
    if let Some(worker) = worker {
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
fn load_site(dir: &std::path::Path) -> Result<crate::Site, String> {
    use hcnf_site::prerender::{AnswerTemplate, ANSWER_TEMPLATE_FILE};
    let file = dir.join(ANSWER_TEMPLATE_FILE);
    let template = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "--site: cannot read {} ({e}); give the built site (scripts/build.sh writes it)",
            file.display()
        )
    })?;
    AnswerTemplate::new(template)
        .map(crate::Site::new)
        .map_err(|e| format!("--site: {}: {e}", file.display()))
}

#[cfg(not(feature = "test-faults"))]
fn build_router(store: Store, config: Config, _: &Args) -> Router {
    router(store, config)
}

#[cfg(feature = "test-faults")]
fn build_router(store: Store, config: Config, args: &Args) -> Router {
    if args.test_faults {
        let faults = crate::Faults::new(args.fault_delay);
        crate::router_with_faults(store, config, faults)
    } else {
        router(store, config)
    }
}
