//! The endpoint's command line: serves, or runs one of the office's commands on its
//! database. In the library, so that a test crate can build the same binary with the
//! features it needs (the end-to-end suites' fault injection).
//!
//! `hcnf-endpoint [--listen ADDR] [--db PATH] [--allow-origin URL]... [limits]` serves;
//! `hcnf-endpoint export …` and `hcnf-endpoint purge …` read and trim the database (see
//! [`args::usage`]). Built with the `test-faults` feature (for the end-to-end tests only),
//! the server also takes `[--test-faults] [--fault-delay-ms MS]`.
//!
//! The command line is read in `args`, the server started in `server`, and the office's
//! commands run in `office`.

mod args;
mod office;
mod server;

use std::process::ExitCode;

use args::{parse, Command};
use office::{run_check_mail, run_export, run_outbox, run_purge};
use server::run_server;

/// Reads the process's arguments and runs what they ask for.
pub fn main() -> ExitCode {
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
