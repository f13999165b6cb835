//! The app's own calls into the browser, each written once with its native stand-in
//! inside it, so the components also build natively (for the prerenderer and the native
//! tests), where each call does nothing.
//!
//! What is here: storage ([`storage`]), the page's links and address ([`links`]),
//! framing ([`frames`]), timers ([`timers`]), focus and the console ([`page`]). What is
//! not: the DOM the app renders, which is Leptos's; and the two places that exist only in
//! the browser and use `web-sys` directly, mounting the app and the inquiry's transport.

pub mod frames;
pub mod links;
pub mod page;
pub mod storage;
pub mod timers;
