//! The pages to write: each route of the table in `app.rs` (leptos_router's
//! [`RouteList`]) with `:lang` filled in by each locale, and the not-found page.

use std::path::PathBuf;

use leptos::prelude::*;
use leptos_router::{PathSegment, RouteList};

use super::{with_renderer, PrerenderError};
use crate::i18n::Locale;
use crate::App;

/// The route parameter the locales fill in.
const LANG_PARAM: &str = "lang";
/// An address no route matches, rendered as the not-found page.
pub(super) const NOT_FOUND_PATH: &str = "/404.html";

/// One file to write: the address it answers and where it goes under `dist/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The address the page is rendered at: `/`, `/ja/`, `/en/symposia`.
    pub path: String,
    /// The file, relative to `dist/`: `index.html`, `ja/index.html`, `404.html`.
    pub file: PathBuf,
}

/// Every page to write: each route for each locale, and the not-found page.
pub fn pages() -> Result<Vec<Page>, PrerenderError> {
    let routes = with_renderer("/", || RouteList::generate(|| view! { <App /> }))
        .ok_or(PrerenderError::NoRoutes)?;
    let mut pages = Vec::new();
    for route in routes.iter() {
        for path in expand(route.path())? {
            // `/index.html` names the file `/` is written to; it is not a page of its own.
            if path.ends_with(".html") {
                continue;
            }
            let dir = path.trim_matches('/');
            let file = if dir.is_empty() {
                PathBuf::from("index.html")
            } else {
                PathBuf::from(dir).join("index.html")
            };
            // A section's page keeps the address the site links to (`/en/symposia`); a
            // language's home page is a folder (`/en/`).
            pages.push(Page { path, file });
        }
    }
    pages.push(Page {
        path: NOT_FOUND_PATH.to_owned(),
        file: PathBuf::from("404.html"),
    });
    Ok(pages)
}

/// The addresses one route stands for: one per locale where it has `:lang`.
fn expand(segments: &[PathSegment]) -> Result<Vec<String>, PrerenderError> {
    let mut paths = vec![String::new()];
    let raw: Vec<&str> = segments.iter().map(PathSegment::as_raw_str).collect();
    for segment in segments {
        match segment {
            PathSegment::Unit => {}
            PathSegment::Static(s) => {
                let s = s.trim_matches('/');
                if !s.is_empty() {
                    for p in &mut paths {
                        p.push('/');
                        p.push_str(s);
                    }
                }
            }
            PathSegment::Param(name) if name == LANG_PARAM => {
                paths = paths
                    .iter()
                    .flat_map(|p| Locale::all().map(move |l| format!("{p}/{}", l.code())))
                    .collect();
            }
            other => {
                return Err(PrerenderError::UnknownParameter(
                    raw.join("/"),
                    other.as_raw_str().to_owned(),
                ))
            }
        }
    }
    // A language's home page ends in `/`, as the site's links write it.
    let home = segments
        .last()
        .is_some_and(|s| matches!(s, PathSegment::Param(name) if name == LANG_PARAM));
    Ok(paths
        .into_iter()
        .map(|p| {
            if p.is_empty() || home {
                format!("{p}/")
            } else {
                p
            }
        })
        .collect())
}
