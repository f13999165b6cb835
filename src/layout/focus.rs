//! Moves focus to the new page's heading after each client-side navigation, so screen-reader
//! and keyboard users start at the new content as they would after a full page load.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether the reader has navigated inside the app since it loaded.
#[derive(Clone, Copy)]
pub struct Navigated(RwSignal<bool>);

impl Navigated {
    /// Puts the flag in context; call above both the router and the pages.
    pub fn provide() {
        provide_context(Navigated(RwSignal::new(false)));
    }
}

/// Watches the location and records the first navigation; lives beside the routes, so it
/// outlives every route change.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let Navigated(navigated) = expect_context::<Navigated>();
    let pathname = use_location().pathname;
    Effect::new(move |seen: Option<()>| {
        // Read, not just `track()`ed: a memo that is never read is never recomputed, so a
        // track-only subscription never hears of the next change.
        pathname.with(|_| ());
        // Once is enough: setting it again would only wake its readers for nothing.
        if seen.is_some() && !navigated.get_untracked() {
            navigated.set(true);
        }
    });
}

/// A page's `h1`: it takes focus when it appears after a navigation, but not on first load,
/// where the reader's place is the top of the document.
///
/// Focusing when the heading is mounted, not on the location change, means the new heading
/// is the one focused.
#[component]
pub fn PageHeading(
    /// The heading's text.
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    let navigated = use_context::<Navigated>().map(|n| n.0);
    Effect::new(move |_| {
        // Tracked while unset, so the first navigation still focuses if this heading rendered
        // before the location watcher ran; untracked once set. A signal keeps every effect
        // that read it until that effect runs again, and this one ends with its page: each
        // page's heading subscribed to the app-wide flag would stay allocated for good (48
        // bytes of wasm heap a route change, and the flag's list of readers grows with them).
        if navigated.is_some_and(|n| n.get_untracked() || n.get()) {
            // The router's outlet may build the page before it puts it in the document,
            // and a detached element cannot take focus: wait until it is in place.
            request_animation_frame(move || {
                // The reader may have moved on within the frame, taking this heading away.
                if let Some(Some(h1)) = heading.try_get_untracked() {
                    let _ = h1.focus();
                }
            });
        }
    });
    view! {
        <h1 class="hcnf-page__title" tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}
