//! The form's own calls into the browser, each written once with its native stand-in
//! inside it, so the components also build natively (for the prerenderer and the native
//! tests), where each call does nothing.
//!
//! What is here: session storage ([`storage`]), timers ([`timers`]), the page's origin,
//! focus by id and the console ([`page`]). What is not, and why:
//! - the DOM the form renders, and focusing the elements it holds by `NodeRef`: Leptos's;
//! - code that exists only in the browser and so calls `web-sys` or gloo-net directly,
//!   each behind a `cfg` with its native stand-in beside it: taking over the form
//!   (`inquiry/island.rs`), reading the prerendered form before it starts
//!   (`inquiry/saved.rs`), and the two HTTP calls, the configuration's GET (`config.rs`)
//!   and the inquiry's POST (`inquiry/http.rs`).
//!
//! Moving between pages, the language choice and framing are the navigation script's
//! (`src/prerender/nav/`).

pub mod page;
pub mod storage;
pub mod timers;
