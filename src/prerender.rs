//! Prerendering: every page of the route table in every bundled locale, rendered natively
//! by the same components to the HTML that the wasm then hydrates, so a page's words reach
//! the reader with its HTML instead of after the WebAssembly.
//!
//! The list of pages comes from the route table in `app.rs` (leptos_router's
//! [`RouteList`]) with `:lang` filled in by each locale, so a new section or locale is
//! prerendered without a change here.

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
use crate::routes::SiteOrigin;
use crate::App;

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
/// site's root where it is empty.
pub fn render(template: &str, path: &str, origin: &str) -> Result<String, PrerenderError> {
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
        let body = view! { <App /> }.to_html();
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

/// The app's markup alone for the page at `path` (below the base), as a host page that
/// embeds the app under `base` shows it: the host keeps its document and its own `<main>`.
/// A host puts it inside its `data-hcnf-app` element, marked `data-hcnf-prerendered`, so
/// that embedded readers also see the words before the wasm arrives.
pub fn render_fragment(base: &str, path: &str) -> String {
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
/// `fragments/ja/symposia/index.html`, mirroring the page's own address.
pub fn fragment_file(page: &Page) -> Option<PathBuf> {
    (page.path != NOT_FOUND_PATH && page.path != "/")
        .then(|| PathBuf::from("fragments").join(&page.file))
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
mod tests {
    use hcnf_content::PageId;

    use super::*;
    use crate::routes::href_under;

    /// trunk's page, reduced to what the renderer relies on.
    const TEMPLATE: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
        <script type=\"module\">import init from '/app.js'; init();</script></head>\
        <body><div data-hcnf-app data-hcnf-manage-document=\"true\"></div></body></html>";

    /// The page at `path` as rendered, without the empty comments hydration places
    /// between views: what a reader's browser shows.
    fn rendered(path: &str, origin: &str) -> String {
        render(TEMPLATE, path, origin).unwrap().replace("<!>", "")
    }

    /// Text as HTML writes it.
    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The markup of the first `tag` element.
    fn element<'a>(html: &'a str, tag: &str) -> &'a str {
        let start = html
            .find(&format!("<{tag}"))
            .unwrap_or_else(|| panic!("no <{tag}>"));
        let end = html[start..].find(&format!("</{tag}>")).unwrap() + start;
        &html[start..end]
    }

    #[test]
    fn every_section_of_every_locale_is_listed_with_the_root_and_the_not_found_page() {
        let pages = pages().unwrap();
        let mut listed: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        let mut expected = vec!["/".to_owned(), NOT_FOUND_PATH.to_owned()];
        for locale in Locale::all() {
            expected.extend(PageId::ALL.map(|page| href_under("", locale, page)));
        }
        let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        listed.sort_unstable();
        expected.sort_unstable();
        assert_eq!(listed, expected);
    }

    #[test]
    fn each_page_is_written_where_a_server_finds_its_address() {
        for page in pages().unwrap() {
            let expected = match page.path.as_str() {
                "/" => PathBuf::from("index.html"),
                NOT_FOUND_PATH => PathBuf::from("404.html"),
                path => PathBuf::from(path.trim_matches('/')).join("index.html"),
            };
            assert_eq!(page.file, expected, "{}", page.path);
        }
    }

    #[test]
    fn a_section_carries_its_words_title_language_description_and_alternates() {
        for locale in Locale::all() {
            let ed = locale.edition();
            for page in PageId::ALL {
                let path = href_under("", locale, page);
                let html = rendered(&path, "");
                let head = ed.pages.head(page);
                assert!(
                    html.contains(&format!("<html lang=\"{}\"", locale.code())),
                    "{path}"
                );
                assert!(
                    html.contains(&format!(
                        "<title>{}</title>",
                        escaped(&ed.ui.document_title(&head.title))
                    )),
                    "{path}: title"
                );
                assert!(
                    html.contains(&format!(
                        "<meta name=\"description\" content=\"{}\"",
                        escaped(&head.summary)
                    )),
                    "{path}: description"
                );
                assert!(
                    element(&html, "h1").contains(&escaped(&head.title)),
                    "{path}: h1"
                );
                for other in Locale::all() {
                    let alternate = format!(
                        "<link href=\"{}\" hreflang=\"{}\" rel=\"alternate\">",
                        href_under("", other, page),
                        other.code()
                    );
                    assert!(html.contains(&alternate), "{path}: {alternate}");
                }
                // Every section's own text is in the page, not only its heading.
                assert!(
                    element(&html, "main").contains(&escaped(&head.title)),
                    "{path}: main"
                );
            }
        }
    }

    #[test]
    fn alternates_are_absolute_under_the_sites_origin_when_it_is_given() {
        let html = rendered("/ja/symposia", "https://www.example.jp/");
        for locale in Locale::all() {
            let href = href_under("", locale, PageId::Symposia);
            assert!(html.contains(&format!(
                "<link href=\"https://www.example.jp{href}\" hreflang=\"{}\" rel=\"alternate\">",
                locale.code()
            )));
        }
        assert!(html.contains(
            "<link href=\"https://www.example.jp/\" hreflang=\"x-default\" rel=\"alternate\">"
        ));
    }

    #[test]
    fn the_markup_starts_right_inside_the_marked_element_before_the_scripts_run() {
        let html = render(TEMPLATE, "/en/", "").unwrap();
        assert!(html.contains(&format!(
            "<div {MOUNT_ATTRIBUTE} data-hcnf-manage-document=\"true\" {PRERENDERED_ATTRIBUTE}><div id=\"hcnf-app\""
        )));
        // The data hydration reads is defined before the app's module script.
        let data = html.find("__RESOLVED_RESOURCES").unwrap();
        assert!(data < html.find("import init").unwrap());
    }

    #[test]
    fn the_root_offers_every_language_home_page() {
        let html = rendered("/", "");
        let main = element(&html, "main");
        for locale in Locale::all() {
            let ed = locale.edition();
            assert!(main.contains(&escaped(&ed.ui.site_title)));
            assert!(main.contains(&format!(
                "href=\"{}\" hreflang=\"{}\">{}</a>",
                href_under("", locale, PageId::Overview),
                locale.code(),
                escaped(&ed.ui.not_found.home_link)
            )));
        }
    }

    #[test]
    fn the_not_found_page_speaks_every_language() {
        let html = rendered(NOT_FOUND_PATH, "");
        for locale in Locale::all() {
            let nf = &locale.edition().ui.not_found;
            assert!(element(&html, "h1").contains(&escaped(&nf.title)));
            assert!(element(&html, "main").contains(&escaped(&nf.body)));
        }
    }

    #[test]
    fn the_inquiry_page_also_offers_telephone_and_fax_for_readers_without_script() {
        for locale in Locale::all() {
            let ed = locale.edition();
            let html = rendered(&href_under("", locale, PageId::Inquiry), "");
            let notice = element(&html, "main");
            let notice = &notice[notice.find("hcnf-notice--without-script").unwrap()..];
            assert!(notice.contains(&escaped(&ed.pages.inquiry.unavailable.heading)));
            assert!(notice.contains(&escaped(&ed.contact.tel.display)));
            assert!(notice.contains(&escaped(&ed.contact.fax.display)));
            let form = element(&html, "form");
            assert!(
                form.contains("class=\"hcnf-form\""),
                "and the form for the app"
            );
            // Until the app runs, a submit would put the answers in the page's address.
            let button = element(form, "button");
            let tag = &button[..button.find('>').unwrap()];
            assert!(tag.contains(" disabled"), "{tag}");
        }
    }

    #[test]
    fn a_fragment_is_the_app_alone_under_the_hosts_base_beside_the_hosts_main() {
        for locale in Locale::all() {
            let ed = locale.edition();
            for page in PageId::ALL {
                let path = href_under("", locale, page);
                let html = render_fragment("/hcnf", &path).replace("<!>", "");
                assert!(
                    html.starts_with("<div id=\"hcnf-app\""),
                    "{path}: the app's root first"
                );
                assert!(element(&html, "h1").contains(&escaped(&ed.pages.head(page).title)));
                assert!(
                    !html.contains("<main"),
                    "{path}: the host's <main> stays the only one"
                );
                assert!(
                    !html.contains("<title"),
                    "{path}: the host's document stays its own"
                );
                // Every link of the app's leads below the host's base.
                for href in html
                    .split("href=\"")
                    .skip(1)
                    .filter_map(|h| h.split('"').next())
                {
                    assert!(
                        href.starts_with("/hcnf/")
                            || href.starts_with('#')
                            || !href.starts_with('/'),
                        "{path}: {href}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_section_has_a_fragment_mirroring_its_address() {
        let files: Vec<PathBuf> = pages().unwrap().iter().filter_map(fragment_file).collect();
        assert_eq!(files.len(), Locale::all().count() * PageId::ALL.len());
        assert!(files.contains(&PathBuf::from("fragments/ja/symposia/index.html")));
        assert!(files.contains(&PathBuf::from("fragments/en/index.html")));
    }

    #[test]
    fn a_template_without_an_empty_mount_element_is_refused() {
        let plain = "<html><head></head><body></body></html>";
        assert_eq!(render(plain, "/", ""), Err(PrerenderError::NoMountElement));
        let done = rendered("/en/", "");
        assert_eq!(
            render(&done, "/en/", ""),
            Err(PrerenderError::NoMountElement)
        );
    }
}
