//! Runs the reference endpoint.
//!
//! `hcnf-endpoint [--listen ADDR] [--db PATH] [--allow-origin URL]... [--test-faults]`

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use hcnf_endpoint::{router, Config, Faults, Store};

const USAGE: &str = "usage: hcnf-endpoint [--listen 127.0.0.1:8787] [--db inquiries.sqlite3] \
[--allow-origin http://127.0.0.1:8080]... [--test-faults] [--fault-delay-ms 20000]";

struct Args {
    listen: SocketAddr,
    db: PathBuf,
    origins: Vec<String>,
    test_faults: bool,
    fault_delay: Duration,
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        listen: ([127, 0, 0, 1], 8787).into(),
        db: PathBuf::from("inquiries.sqlite3"),
        origins: Vec::new(),
        test_faults: false,
        fault_delay: Duration::from_secs(20),
    };
    while let Some(flag) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--listen" => args.listen = value()?.parse().map_err(|e| format!("--listen: {e}"))?,
            "--db" => args.db = value()?.into(),
            "--allow-origin" => args.origins.push(value()?),
            "--test-faults" => args.test_faults = true,
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
    let faults = if args.test_faults {
        Faults::enabled()
    } else {
        Faults::default()
    };
    let config = Config {
        allowed_origins: args.origins.clone(),
        faults,
        fault_delay: args.fault_delay,
    };
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
    if let Err(e) = axum::serve(listener, router(store, config))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
