//! Memory over many visits to the inquiry page: the site's wasm takes the form over on each
//! visit and lets it go on each departure (`src/inquiry/island.rs`), so whatever the form
//! allocates must go with its reactive owner. Wasm memory never shrinks: anything kept per
//! visit raises it for the rest of the reader's visit. Its own test binary, for its
//! counting allocator.
//!
//! The form is mounted here, not hydrated: hydration needs the prerendered markup, which
//! only the build writes. Taking over and letting go of the prerendered form
//! (`start_form`, `leave_form`) is checked end to end (`e2e/tests/browser.rs`,
//! a form left as soon as it starts, twenty times) and by the benchmark's 1,000 changes
//! between a section and the inquiry page, over which the wasm memory stays flat.
#![cfg(target_arch = "wasm32")]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use common::*;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The system allocator, counting the allocations alive. Counted, not measured in bytes:
/// a count says whether anything is kept per visit, whatever its size.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(1, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(1, Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One visit: the form starts, reads its configuration, takes a keystroke (which saves a
/// draft), and is let go. The keystroke is the name's: one in the message also starts the
/// count's announcement timer, whose closure wasm-bindgen frees only when the browser's
/// garbage collector finalises it, which a test cannot make happen (one allocation a
/// timer, until then).
async fn visit(locale: Locale) {
    let options = HostOptions {
        // An endpoint nothing answers: the form is usable, and nothing here sends.
        endpoint: Some("http://127.0.0.1:9/inquiries".into()),
        assets: "/tests/fixtures/".into(),
        ..HostOptions::default()
    };
    let form = open(locale, options).await;
    wait_until("the form is live", || {
        query("#hcnf-app form[data-hcnf-live] button[type='submit']").is_some()
    })
    .await;
    type_into(&query("#hcnf-inquiry-name").unwrap(), "山田");
    drop(form);
}

#[wasm_bindgen_test]
async fn a_form_let_go_keeps_nothing_of_its_own() {
    let locale = Locale::fallback();
    // Both kinds of one-off growth behind: the allocator's and the reactive arena's.
    for _ in 0..4 {
        visit(locale).await;
    }
    // Whatever the last visit left to finish (its configuration's fetch) has finished.
    sleep(500).await;
    let before = LIVE.load(Relaxed);
    const VISITS: usize = 40;
    for _ in 0..VISITS {
        visit(locale).await;
    }
    sleep(500).await;
    let kept = LIVE.load(Relaxed).saturating_sub(before);
    // A few allocations of slack for one-off growth; one kept per visit is past it.
    assert!(
        kept < VISITS / 4,
        "{VISITS} visits to the form kept {kept} allocations"
    );
}
