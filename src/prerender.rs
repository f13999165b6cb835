//! Prerendering: every page of the route table in every bundled locale, rendered natively
//! by the same components to the HTML that the wasm then hydrates, so a page's words reach
//! the reader with its HTML instead of after the WebAssembly.
//!
//! The list of pages comes from the route table in `app.rs` (leptos_router's
//! [`RouteList`]) with `:lang` filled in by each locale, so a new section or locale is
//! prerendered without a change here.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use leptos_router::{PathSegment, RouteList};

use crate::host::{HostOptions, MOUNT_ATTRIBUTE, PRERENDERED_ATTRIBUTE};
use crate::i18n::Locale;
use crate::inquiry::island::FORM_ATTRIBUTE;
use crate::routes::SiteOrigin;
use crate::App;

mod answer;
mod comments;
mod css;
mod markers;
mod scripts;
pub use answer::{answer_page, unreachable_file, AnswerTemplate, ANSWER_TEMPLATE_FILE};
pub use comments::without_comments;
pub use css::{compact, compact_inline_style};
use markers::{without_markers, Form};
use scripts::edit_elements;
pub use scripts::{externalize_scripts, ScriptFile};

/// The site's navigation script (`nav.js`), which every page loads.
const NAV_SCRIPT: &str = include_str!("prerender/nav.js");
/// What only a host page needs of it (`host.js`), which `hcnf.js` loads.
const HOST_SCRIPT: &str = include_str!("prerender/host.js");
/// How `host.js` names the navigation script, which the build replaces with its file.
const HOST_IMPORT: &str = "'./nav.js'";

/// The route parameter the locales fill in.
const LANG_PARAM: &str = "lang";
/// An address no route matches, rendered as the not-found page.
const NOT_FOUND_PATH: &str = "/404.html";

/// One file to write: the address it answers and where it goes under `dist/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The address the page is rendered at: `/`, `/ja/`, `/en/symposia`.
    pub path: String,
    /// The file, relative to `dist/`: `index.html`, `ja/index.html`, `404.html`.
    pub file: PathBuf,
}

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

/// The navigation script as a file of its own, named by its content like trunk's files.
pub fn nav_script() -> ScriptFile {
    ScriptFile {
        name: format!("hcnf-nav-{:016x}.js", scripts::fnv1a(NAV_SCRIPT.as_bytes())),
        body: NAV_SCRIPT.to_owned(),
    }
}

/// The host module as a file of its own, importing `nav` by its file's name; named by its
/// content, which therefore changes with the navigation script's.
pub fn host_script(nav: &ScriptFile) -> ScriptFile {
    let body = HOST_SCRIPT.replacen(HOST_IMPORT, &format!("'./{}'", nav.name), 1);
    ScriptFile {
        name: format!("hcnf-host-{:016x}.js", scripts::fnv1a(body.as_bytes())),
        body,
    }
}

/// A page of the site as a reader loads it: the navigation script on every page, and the
/// wasm (trunk's loader and the hydration data) only on a page with the inquiry form, the
/// one part of the site it runs. Call before the scripts are moved out.
///
/// The navigation script is named first in the head, right after `<meta charset>`: the
/// browser then starts fetching it with the page's first bytes, not once it has read
/// through the inline stylesheet (about 4 KB of the compressed page). The wasm is not
/// preloaded, and its loader waits for the page's `load` event: the form sends as a plain
/// form from the first paint, so the 105 KB of the app need not share the network or the
/// main thread with the page's own bytes.
pub fn site_page(html: &str, nav: &ScriptFile) -> String {
    page_scripts(html, nav, html.contains(FORM_ATTRIBUTE))
}

/// Put before trunk's loader: it goes on once the page has loaded (import declarations are
/// hoisted, so the glue's module is still fetched with the page; the wasm is fetched by
/// `init`, after this).
const AFTER_LOAD: &str = "await new Promise((go) => document.readyState === \"complete\" \
    ? go() : addEventListener(\"load\", () => go(), { once: true }));\n";

/// A page with the navigation script, and the wasm where `form` says so.
fn page_scripts(html: &str, nav: &ScriptFile, form: bool) -> String {
    let head_end = html.find("</head>").unwrap_or(html.len());
    let (head, rest) = html.split_at(head_end);
    let mut early = String::new();
    let head = edit_elements(head, "<link", ">", |tag| {
        Cow::Borrowed(if tag.contains("hcnf-site-") { "" } else { tag })
    });
    let head = edit_elements(&head, "<script", "</script>", |script| {
        if script.contains(" src=") {
            Cow::Borrowed(script)
        } else if !form {
            Cow::Borrowed("")
        } else if script.contains("type=\"module\"") {
            Cow::Owned(script.replacen('>', &format!(">{AFTER_LOAD}"), 1))
        } else {
            Cow::Borrowed(script)
        }
    });
    early.push_str(&format!(
        "<script type=\"module\" src=\"/{}\"></script>",
        nav.name
    ));
    let at = head
        .find("<meta charset")
        .and_then(|start| head[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(head.len());
    format!("{}{early}{}{rest}", &head[..at], &head[at..])
}

/// The app's markup alone for the page at `path` (below the base), as a host page that
/// embeds the app under `base` shows it: the host keeps its document and its own `<main>`.
/// A host puts it inside its `data-hcnf-app` element, marked `data-hcnf-prerendered`, so
/// that embedded readers also see the words before the wasm arrives. Only its form, which
/// the wasm hydrates there too, carries hydration's markers.
pub fn render_fragment(base: &str, path: &str) -> String {
    without_markers(&fragment_markup(base, path), Form::Hydrates)
}

/// The app's markup for [`render_fragment`], with every marker the renderer wrote.
fn fragment_markup(base: &str, path: &str) -> String {
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

/// `hcnf.js`, the file a host page links: where the app's files are, which the scripts
/// read, then the host module (`host`), which brings the navigation script with it.
/// `template` is trunk's page, which names the form's glue and wasm.
pub fn host_loader(template: &str, host: &ScriptFile, base: &str) -> Option<String> {
    let href = |suffix: &str| {
        template
            .split("href=\"/")
            .skip(1)
            .filter_map(|rest| rest.split_once('"').map(|(href, _)| href))
            .find(|href| href.starts_with("hcnf-site-") && href.ends_with(suffix))
            .map(str::to_owned)
    };
    let (glue, wasm) = (href(".js")?, href("_bg.wasm")?);
    let locales: Vec<String> = Locale::all().map(|l| format!("\"{}\"", l.code())).collect();
    Some(format!(
        "// Starts the HCNF app in the page's element marked data-hcnf-app. Written by the build.\n\
         const here = new URL(\".\", import.meta.url).href;\n\
         window.hcnfEmbed = {{ assets: here, fragmentBase: \"{base}\", glue: \"{glue}\", \
         wasm: \"{wasm}\", locales: [{}], fallback: \"{}\" }};\n\
         await import(\"./{}\");\n",
        locales.join(", "),
        Locale::fallback().code(),
        host.name
    ))
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
