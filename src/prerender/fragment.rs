//! The app's markup alone, for a host page that embeds the app: what the build writes
//! under `fragments/`.

use std::path::PathBuf;

use leptos::prelude::*;

use super::markers::{without_markers, Form};
use super::{with_renderer, Page};
use crate::host::HostOptions;
use crate::App;

/// The app's markup alone for the page at `path` (below the base), as a host page that
/// embeds the app under `base` shows it: the host keeps its document and its own `<main>`.
/// A host puts it inside its `data-hcnf-app` element, marked `data-hcnf-prerendered`, so
/// that embedded readers also see the words before the wasm arrives. Only its form, which
/// the wasm hydrates there too, carries hydration's markers.
pub fn render_fragment(base: &str, path: &str) -> String {
    without_markers(&fragment_markup(base, path), Form::Hydrates)
}

/// The app's markup for [`render_fragment`], with every marker the renderer wrote.
pub(super) fn fragment_markup(base: &str, path: &str) -> String {
    let options = HostOptions {
        base: base.to_owned(),
        manage_document: false,
        main_landmark: false,
        ..HostOptions::default()
    };
    with_renderer(&format!("{base}{path}"), || {
        view! { <App options /> }.to_html()
    })
}

/// Where the fragment of the page at `path` goes under `dist/`: `fragments/ja/index.html`,
/// `fragments/ja/symposia/index.html`, mirroring the page's own address, and
/// `fragments/404.html`. `/` has none: on a host page the script picks the language.
pub fn fragment_file(page: &Page) -> Option<PathBuf> {
    (page.path != "/").then(|| PathBuf::from("fragments").join(&page.file))
}

/// A fragment as the build writes it: the app's markup in an element that says what a
/// host's document would say of the page (`data-hcnf-title`, `lang`,
/// `data-hcnf-description`, from the page's own prerendered HTML) and the base its links
/// were written for, so the script can set the title of a host that lets it, and write
/// the links for another base.
pub fn fragment_document(page_html: &str, fragment: &str, base: &str) -> String {
    let between = |start: &str, end: &str| {
        page_html
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map_or("", |(inner, _)| inner)
    };
    let title = between("<title>", "</title>");
    let lang = between("<html lang=\"", "\"");
    let description = between("<meta name=\"description\" content=\"", "\"");
    // The title is text in the page and goes into an attribute here.
    let title = title.replace('"', "&quot;");
    format!(
        "<div data-hcnf-page data-hcnf-title=\"{title}\" lang=\"{lang}\" \
         data-hcnf-description=\"{description}\" data-hcnf-fragment-base=\"{base}\">\
         {fragment}</div>"
    )
}
