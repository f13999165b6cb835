//! The app's own calls into the browser, each written once with its native stand-in
//! inside it, so the components also build natively (for the prerenderer and the native
//! tests), where each call does nothing.
//!
//! What is here: storage ([`storage`]), the page's links and address ([`links`]),
//! framing ([`frames`]), timers ([`timers`]), focus by id, the console and the reader's
//! languages ([`page`]). What is not, and why:
//! - the DOM the app renders, and focusing the elements it holds by `NodeRef`: Leptos's;
//! - code that exists only in the browser and so calls `web-sys` or gloo-net directly,
//!   each behind a `cfg` with its native stand-in beside it: mounting (`mount.rs`),
//!   reading the prerendered form before the app starts (`inquiry/saved.rs`), and the two
//!   HTTP calls, the configuration's GET (`config.rs`) and the inquiry's POST
//!   (`inquiry/http.rs`).

pub mod frames;
pub mod links;
pub mod page;
pub mod storage;
pub mod timers;
