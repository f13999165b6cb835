//! Runs the reference endpoint.
//!
//! `hcnf-endpoint [--listen ADDR] [--db PATH] [--allow-origin URL]...`; built with the
//! `test-faults` feature (for the end-to-end tests only), also
//! `[--test-faults] [--fault-delay-ms MS]`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
#[cfg(feature = "test-faults")]
use std::time::Duration;

use axum::Router;
use hcnf_endpoint::{router, Config, Store};

macro_rules! usage {
    () => {
        "usage: hcnf-endpoint [--listen 127.0.0.1:8787] [--db inquiries.sqlite3] \
[--allow-origin http://127.0.0.1:8080]..."
    };
}

#[cfg(not(feature = "test-faults"))]
const USAGE: &str = usage!();
#[cfg(feature = "test-faults")]
const USAGE: &str = concat!(usage!(), " [--test-faults] [--fault-delay-ms 20000]");

struct Args {
    listen: SocketAddr,
    db: PathBuf,
    origins: Vec<String>,
    #[cfg(feature = "test-faults")]
    test_faults: bool,
    #[cfg(feature = "test-faults")]
    fault_delay: Duration,
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        listen: ([127, 0, 0, 1], 8787).into(),
        db: PathBuf::from("inquiries.sqlite3"),
        origins: Vec::new(),
        #[cfg(feature = "test-faults")]
        test_faults: false,
        #[cfg(feature = "test-faults")]
        fault_delay: Duration::from_secs(20),
    };
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--listen" => args.listen = value()?.parse().map_err(|e| format!("--listen: {e}"))?,
            "--db" => args.db = value()?.into(),
            "--allow-origin" => args.origins.push(value()?),
            #[cfg(feature = "test-faults")]
            "--test-faults" => args.test_faults = true,
            #[cfg(feature = "test-faults")]
            "--fault-delay-ms" => {
                args.fault_delay = Duration::from_millis(
                    value()?
                        .parse()
                        .map_err(|e| format!("--fault-delay-ms: {e}"))?,
                )
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
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

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot open {}: {e}", args.db.display());
            return ExitCode::FAILURE;
        }
    };
    let config = Config {
        allowed_origins: args.origins.clone(),
    };
    let app = build_router(store, config, &args);
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "inquiry endpoint on http://{}/inquiries (database {}, origins {})",
        args.listen,
        args.db.display(),
        args.origins.join(" ")
    );
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
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
