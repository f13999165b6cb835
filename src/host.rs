//! How the app runs on a page: as a site of its own, or in a host page's element. The
//! prerenderer builds the options for each page it writes; in the browser, the form reads
//! the three attributes of the host's element that are its own (the endpoint, where
//! `config.json` is, and whether it may set the title) and checks them here. The
//! navigation script reads and checks the others (`readHostOptions` in `src/prerender/host.js`).
//! Components ask for the options with [`HostOptions::current`].
//!
//! ```html
//! <div data-hcnf-app data-hcnf-locale="ja" data-hcnf-base="/hcnf/"
//!      data-hcnf-endpoint="https://inquiries.example.jp/hcnf/inquiries"></div>
//! ```

use crate::config::{parse_url, UrlProblem};

/// The attribute that marks the element the app mounts into.
pub(crate) const MOUNT_ATTRIBUTE: &str = "data-hcnf-app";
/// Where the inquiry form posts, among the origins `config.json` allows.
pub(crate) const ENDPOINT_ATTRIBUTE: &str = "data-hcnf-endpoint";
/// `true` lets the app set the document's title, `<html lang>` and head links.
pub(crate) const MANAGE_DOCUMENT_ATTRIBUTE: &str = "data-hcnf-manage-document";
/// Where the app's own files are; the loader script fills it in from its own URL.
pub(crate) const ASSETS_ATTRIBUTE: &str = "data-hcnf-assets";
/// Set by the prerenderer on an element whose content is the app's own markup for this
/// address, which the navigation script then keeps as it is.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))] // Written by the prerenderer.
pub(crate) const PRERENDERED_ATTRIBUTE: &str = "data-hcnf-prerendered";
/// Set on the app's element once it runs, from when its links and form are live: by the
/// navigation script, or by the form on a page that has it. Host scripts and the
/// end-to-end tests wait for it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Set in the browser.
pub(crate) const STARTED_ATTRIBUTE: &str = "data-hcnf-started";

/// How the app runs on this page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostOptions {
    /// The base path without its trailing slash: `""` or `/hcnf`.
    pub base: String,
    /// An inquiry endpoint picked by the page, as written: used only if `config.json`
    /// allows its origin (see [`crate::config`]).
    pub endpoint: Option<String>,
    /// Whether the app owns the document: title, `<html lang>`, head links, full height.
    pub manage_document: bool,
    /// The URL of the folder holding the app's files, ending in `/`.
    pub assets: String,
    /// Whether the app's content is the page's `<main>`; not when the host page has its
    /// own (`<main>` or `role="main"`), as a page may have only one.
    pub main_landmark: bool,
}

impl Default for HostOptions {
    /// The app on a page of its own: the site root, the document its own.
    fn default() -> Self {
        HostOptions {
            base: String::new(),
            endpoint: None,
            manage_document: true,
            assets: "/".to_owned(),
            main_landmark: true,
        }
    }
}

/// An attribute the app could not use; it then runs as if the attribute were absent.
/// Values are quoted by hand, not with `{:?}`: the release wasm is built without Debug
/// formatting (scripts/build.sh), which would leave them out of the console message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum HostOptionError {
    #[error(
        "{ENDPOINT_ATTRIBUTE}=\"{0}\" cannot be used: {1}; the inquiry form will be unavailable"
    )]
    Endpoint(String, UrlProblem),
    #[error("{ASSETS_ATTRIBUTE}=\"{0}\" is not a folder URL ending in \"/\"; \"/\" is used")]
    Assets(String),
}

impl HostOptions {
    /// The options the app was mounted with, from the context `App` provides; a component
    /// rendered without it runs as on a page of its own.
    pub(crate) fn current() -> HostOptions {
        leptos::prelude::use_context::<HostOptions>().unwrap_or_default()
    }

    /// Reads the form's options from the host element's attributes, `get` returning each
    /// one's value. An attribute that is absent takes its embedded default: the document is
    /// the host's. An unusable endpoint or assets place is reported and then ignored, so the
    /// form still starts; the navigation script reports the element's other attributes,
    /// the title switch among them.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Called when mounting.
    pub(crate) fn from_attributes(
        get: impl Fn(&str) -> Option<String>,
    ) -> (HostOptions, Vec<HostOptionError>) {
        let mut errors = Vec::new();
        let mut options = HostOptions {
            manage_document: false,
            ..HostOptions::default()
        };
        let present = |name| get(name).map(|v| v.trim().to_owned());

        if let Some(url) = present(ENDPOINT_ATTRIBUTE).filter(|u| !u.is_empty()) {
            // Kept even when unusable: the form then refuses it, rather than sending to
            // another endpoint than the page asked for.
            if let Err(problem) = parse_url(&url) {
                errors.push(HostOptionError::Endpoint(url.clone(), problem));
            }
            options.endpoint = Some(url);
        }
        // A bare attribute (`data-hcnf-manage-document`) reads as "yes", and anything but
        // "true" as "no"; the navigation script reports a value other than "false".
        options.manage_document = present(MANAGE_DOCUMENT_ATTRIBUTE)
            .is_some_and(|flag| flag.is_empty() || flag.eq_ignore_ascii_case("true"));
        if let Some(assets) = present(ASSETS_ATTRIBUTE).filter(|a| !a.is_empty()) {
            if is_folder_url(&assets) {
                options.assets = assets;
            } else {
                errors.push(HostOptionError::Assets(assets));
            }
        }
        (options, errors)
    }

    /// Where `config.json` is: beside the app's files.
    pub(crate) fn config_url(&self) -> String {
        format!("{}config.json", self.assets)
    }
}

/// `/hcnf/`, `/hcnf` and `hcnf` all mean `/hcnf`; `/` and `""` mean the site root (`""`).
/// `None` for what cannot be a path of this site: a query, a fragment, a scheme, `..`.
pub fn normalize_base(raw: &str) -> Option<String> {
    let raw = raw.trim();
    // The characters a browser leaves as they are in `location.pathname` (letters, digits
    // and `-._~!$&()*+,;=@`); a base written with any other would be compared, encoded,
    // with what was typed, and never match.
    let bad_char = |c: char| !(c.is_ascii_alphanumeric() || "-._~!$&()*+,;=@/".contains(c));
    if raw.starts_with("//") || raw.chars().any(bad_char) {
        return None;
    }
    let segments: Vec<&str> = raw.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return None;
    }
    // A doubled slash inside (`/a//b`) is a typing slip a browser would not keep.
    if raw.trim_matches('/').contains("//") {
        return None;
    }
    Some(segments.iter().map(|s| format!("/{s}")).collect())
}

/// An absolute `http(s)://…/` URL, or a path from the site root, ending in `/`.
fn is_folder_url(url: &str) -> bool {
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    let rooted = url.starts_with('/') && !url.starts_with("//");
    (absolute || rooted) && url.ends_with('/') && !url.chars().any(|c| c.is_whitespace())
}

#[cfg(test)]
mod tests;
