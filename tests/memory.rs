//! Memory over many route changes: what the app allocates for a page must go with the page.
//! Wasm memory never shrinks, so anything kept per route change raises it for good.
#![cfg(target_arch = "wasm32")]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use common::*;
use hcnf_content::PageId;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The system allocator, counting the allocations alive. Counted, not measured in bytes:
/// what the router keeps per change includes the page's origin, whose length varies with
/// the test server's port.
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

/// What Leptos itself keeps for each change to another address, whatever the app does.
/// leptos_router 0.8: the new address in the stack it detects Back with (its path and
/// origin, two strings), and a dead entry in each of two long-lived owners' lists of
/// children (the outlet's and the routes' preload owner's, each holding the freed owner's
/// allocation): four. leptos_dom's `request_animation_frame`, with which the heading takes
/// focus: a stub the browser's garbage collector frees, which it seldom does within a test.
const LEPTOS_KEEPS: usize = 5;

/// Clicks the navigation's link to `page` and waits until its heading has focus, when the
/// page's effects have run.
async fn change_to(locale: Locale, page: PageId) {
    let href = path_of(locale, page);
    let link = || {
        query_all(".hcnf-nav a")
            .into_iter()
            .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
    };
    wait_until(&format!("a navigation link to {href}"), || link().is_some()).await;
    click(&link().unwrap());
    let title = plain(&locale.edition().pages.head(page).title);
    wait_until("focus reaches the new h1", || {
        document()
            .active_element()
            .is_some_and(|e| read(&e) == title)
    })
    .await;
}

#[wasm_bindgen_test]
async fn route_changes_keep_nothing_of_the_apps_own() {
    let en = Locale::from_code("en").unwrap();
    let pair = [PageId::MedicalInnovationSchool, PageId::Symposia];
    let _app = open(&path_of(en, PageId::Overview), HostOptions::default()).await;
    // Both pages shown once, and the first navigation behind, before counting.
    for page in pair.into_iter().cycle().take(4) {
        change_to(en, page).await;
    }
    let before = LIVE.load(Relaxed);
    const CHANGES: usize = 60;
    for page in pair.into_iter().cycle().take(CHANGES) {
        change_to(en, page).await;
    }
    let kept = LIVE.load(Relaxed).saturating_sub(before);
    // A few allocations of slack for one-off growth; one kept per change is past it.
    assert!(
        kept <= LEPTOS_KEEPS * CHANGES + CHANGES / 4,
        "{CHANGES} route changes kept {kept} allocations; Leptos keeps {} of them",
        LEPTOS_KEEPS * CHANGES
    );
}
