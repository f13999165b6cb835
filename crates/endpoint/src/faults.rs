//! Faults the endpoint can be told to inject, for tests only: the app's handling of each
//! is tested end to end against the real server.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Deserialize;

/// One injected fault, applied to the next inquiry request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// Answer 500.
    ServerError,
    /// Answer 429 with `Retry-After: 1`.
    RateLimited,
    /// Wait longer than the app's timeout, then answer normally.
    Delay,
    /// Answer 200 with a body that is not the contract.
    Malformed,
}

/// The queue of faults still to inject; `None` when faults are switched off.
#[derive(Clone, Default)]
pub struct Faults(Option<Arc<Mutex<VecDeque<Fault>>>>);

impl Faults {
    /// Faults switched on, with nothing queued.
    pub fn enabled() -> Faults {
        Faults(Some(Arc::default()))
    }

    /// Whether the test-only fault routes exist.
    pub fn is_enabled(&self) -> bool {
        self.0.is_some()
    }

    /// Queues `faults` for the next requests.
    pub fn push(&self, faults: &[Fault]) {
        if let Some(q) = &self.0 {
            q.lock().unwrap_or_else(|e| e.into_inner()).extend(faults);
        }
    }

    /// The fault for this request, if any.
    pub fn next(&self) -> Option<Fault> {
        self.0
            .as_ref()?
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
    }
}
