//! Kanagawa Prefecture's Healthcare New Frontier site.
//!
//! Content flows one way: `content/*.json` → [`hcnf_content::Edition`] → components → DOM.

mod app;
pub mod browser;
pub mod config;
pub mod host;
pub mod i18n;
pub mod inquiry;
mod layout;
pub mod mount;
mod pages;
pub mod routes;

pub use app::App;
