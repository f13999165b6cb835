//! Prerendering: every page of the route table in every bundled locale, rendered natively
//! by the same components to the HTML that the wasm then hydrates, so a page's words reach
//! the reader with its HTML instead of after the WebAssembly.
//!
//! The list of pages comes from the route table in `app.rs` (leptos_router's
//! [`RouteList`]) with `:lang` filled in by each locale, so a new section or locale is
//! prerendered without a change here.

use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::host::{HostOptions, MOUNT_ATTRIBUTE, PRERENDERED_ATTRIBUTE};
use crate::routes::SiteOrigin;
use crate::App;

mod answer;
mod comments;
mod css;
mod fragment;
mod loaders;
mod markers;
mod pages;
mod scripts;
pub use answer::{answer_page, unreachable_file, AnswerTemplate, ANSWER_TEMPLATE_FILE};
pub use comments::without_comments;
pub use css::{compact, compact_inline_style, form_style, with_form_style};
pub use fragment::{fragment_document, fragment_file, render_fragment};
pub use loaders::{host_loader, host_script, nav_script, site_page};
use markers::{without_markers, Form};
pub use pages::{pages, Page};
pub use scripts::{externalize_scripts, ScriptFile};

/// Why the site cannot be prerendered.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PrerenderError {
    #[error("the route table could not be read")]
    NoRoutes,
    #[error("route {0:?} has a parameter the prerenderer cannot fill: {1:?}")]
    UnknownParameter(String, String),
    #[error(
        "the page template has no empty <div {MOUNT_ATTRIBUTE} …></div> to render into \
         (is it trunk's index.html, and not already prerendered?)"
    )]
    NoMountElement,
    #[error("the page template has no </head>")]
    NoHead,
}

/// `template` (trunk's `index.html`) with the page at `path` rendered into its mount
/// element, and the page's title, description, language and alternates in its head. The
/// alternates are absolute under `origin` (`https://www.example.jp`), or relative to the
/// site's root where it is empty. Only its form carries hydration's markers.
pub fn render(template: &str, path: &str, origin: &str) -> Result<String, PrerenderError> {
    let html = render_with(template, HostOptions::default(), path, origin, || {})?;
    Ok(without_markers(&html, Form::Hydrates))
}

/// As [`render`], for the app as `options` configure it (`path` under their base), with
/// what `provide` puts in context for the page's components; with every marker the
/// renderer wrote.
fn render_with(
    template: &str,
    options: HostOptions,
    path: &str,
    origin: &str,
    provide: impl FnOnce(),
) -> Result<String, PrerenderError> {
    let open = format!("<div {MOUNT_ATTRIBUTE}");
    let start = template.find(&open).ok_or(PrerenderError::NoMountElement)?;
    let tag_end = start
        + template[start..]
            .find('>')
            .ok_or(PrerenderError::NoMountElement)?;
    if !template[tag_end + 1..].starts_with("</div>") {
        return Err(PrerenderError::NoMountElement);
    }
    let head_end = template.find("</head>").ok_or(PrerenderError::NoHead)?;
    if head_end > start {
        return Err(PrerenderError::NoHead);
    }
    // The data goes before the head's first script, so any script may read it.
    let data_at = template[..head_end].find("<script").unwrap_or(head_end);
    with_renderer(path, || {
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(SiteOrigin(origin.trim_end_matches('/').to_owned()));
        provide();
        let body = view! { <App options /> }.to_html();
        let data = hydration_data();
        // Nothing may come between the element's tag and the markup: hydration walks the
        // element's children from the first, and a text node there would be taken for it.
        let doc = [
            &template[..data_at],
            "<script>",
            &data,
            "</script>",
            &template[data_at..tag_end],
            " ",
            PRERENDERED_ATTRIBUTE,
            ">",
            &body,
            &template[tag_end + 1..],
        ]
        .concat();
        Ok(futures::executor::block_on(async move {
            meta_output
                .inject_meta_context(futures::stream::iter([doc]))
                .await
                .collect::<String>()
                .await
        }))
    })
}

/// Runs `f` as the server would for a request of `path`: in a fresh root owner with the
/// server's shared context and the address for the router.
fn with_renderer<T>(path: &str, f: impl FnOnce() -> T) -> T {
    // The renderer drives a few futures (leptos_meta's head injection); a second call to
    // initialise the executor is harmless and reports an error we do not need.
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        f()
    })
}

/// The script the hydrating wasm reads first: resources and errors resolved while
/// rendering (none today, but the wasm expects the globals to exist).
fn hydration_data() -> String {
    let Some(shared) = Owner::current_shared_context() else {
        return String::new();
    };
    match shared.pending_data() {
        Some(stream) => futures::executor::block_on(stream.collect::<Vec<String>>()).concat(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
