//! Kanagawa Prefecture's Healthcare New Frontier site.
//!
//! Content flows one way: `content/*.json` → [`hcnf_content::Edition`] → components → DOM.

// Rendering to HTML (the `ssr` feature) nests the layout's view types deeper than the
// compiler's default limit allows.
#![recursion_limit = "256"]

mod app;
mod audit;
mod browser;
mod config;
pub mod host;
pub mod i18n;
pub mod inquiry;
pub mod json;
mod layout;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;

pub use app::App;

/// The inquiry form as the site's wasm runs it, for the browser tests to mount.
#[cfg(target_arch = "wasm32")]
pub use inquiry::island::form;
/// Takes over the inquiry form on a prerendered page (the site's wasm entry).
pub use inquiry::island::start_form;
