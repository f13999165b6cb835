//! The accessibility suite's records of its last run, baked in by `build.rs` from
//! `content/audit/`, which the test command fills: the accessibility page reports them.

use hcnf_content::{Browser, CheckRun};

include!(concat!(env!("OUT_DIR"), "/audit.rs"));

/// Every record of the last run, by browser then check; empty before any run.
pub(crate) fn last_run() -> &'static [CheckRun] {
    &RUNS
}

/// The last run's records grouped by browser, in order.
pub(crate) fn by_browser() -> Vec<(Browser, &'static [CheckRun])> {
    last_run()
        .chunk_by(|a, b| a.browser == b.browser)
        .map(|runs| (runs[0].browser, runs))
        .collect()
}
