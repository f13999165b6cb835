//! The prerendered pages: the list from the route table, and what each page's HTML holds.

use std::path::PathBuf;

use hcnf_content::PageId;

use super::fragment::fragment_markup;
use super::loaders::HOST_IMPORT;
use super::pages::NOT_FOUND_PATH;
use super::*;
use crate::i18n::Locale;
use crate::inquiry::island::FORM_ATTRIBUTE;
use crate::routes::href_under;

/// trunk's page, reduced to what the renderer relies on.
const TEMPLATE: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
    <script type=\"module\">import init from '/app.js'; init();</script></head>\
    <body><div data-hcnf-app data-hcnf-manage-document=\"true\"></div></body></html>";

/// The page at `path` as rendered, as [`as_read`] gives it.
fn rendered(path: &str, origin: &str) -> String {
    as_read(&render(TEMPLATE, path, origin).unwrap())
}

/// `html` without the empty comments the form keeps for hydration, the invisible
/// line-break opportunities between phrases, the spans that keep a word with its kana on
/// one line, and the readings over kanji: the words a reader's browser shows, as
/// [`escaped`] writes them.
fn as_read(html: &str) -> String {
    let html = html.replace("<!---->", "").replace("<wbr>", "");
    // A kept-together span holds a <ruby> and a letter, never another span.
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<span class=\"hcnf-nobr\">") {
        out.push_str(&rest[..start]);
        rest = &rest[start + "<span class=\"hcnf-nobr\">".len()..];
        let end = rest.find("</span>").expect("a closed span");
        out.push_str(&rest[..end]);
        rest = &rest[end + "</span>".len()..];
    }
    out.push_str(rest);
    without_readings(&out)
}

/// `html` with each `<ruby>` reduced to its base text.
fn without_readings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<rt>") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</rt>").expect("a closed <rt>") + start;
        rest = &rest[end + "</rt>".len()..];
    }
    out.push_str(rest);
    out.replace("<ruby>", "").replace("</ruby>", "")
}

/// Text as HTML writes it, as read (without the readings the edition may give).
fn escaped(text: &str) -> String {
    hcnf_content::ruby::plain(text)
        .replace('&', "&amp;")
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
fn every_section_says_in_its_own_words_the_day_its_content_last_changed() {
    let expected = [
        (
            "en",
            "Last updated: <time datetime=\"2026-12-07\">7 December 2026</time>",
        ),
        (
            "ja",
            "更新日：<time datetime=\"2026-12-07\">2026年12月7日</time>",
        ),
    ];
    for locale in Locale::all() {
        let ed = locale.edition();
        for page in PageId::ALL {
            let path = href_under("", locale, page);
            let html = rendered(&path, "");
            let main = element(&html, "main");
            let day = ed.pages.head(page).updated;
            let label = escaped(&ed.ui.updated).replace(
                "{date}",
                &format!(
                    "<time datetime=\"{day}\">{}</time>",
                    escaped(&ed.ui.format_day(day))
                ),
            );
            assert!(main.contains(&label), "{path}: {label} in {main}");
        }
    }
    // As a reader sees it, from the content's day and not the build's.
    for (code, shown) in expected {
        let path = href_under("", Locale::from_code(code).unwrap(), PageId::Contact);
        assert!(rendered(&path, "").contains(shown), "{path}: {shown}");
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
fn the_inquiry_page_is_a_form_that_sends_without_script() {
    for locale in Locale::all() {
        let html = rendered(&href_under("", locale, PageId::Inquiry), "");
        let form = element(&html, "form");
        let tag = &form[..form.find('>').unwrap()];
        assert!(tag.contains("method=\"post\""), "{tag}");
        assert!(
            tag.contains(&format!("action=\"/{}/inquiry/answers\"", locale.code())),
            "{tag}"
        );
        for name in [
            "name", "email", "phone", "category", "subject", "message", "consent",
        ] {
            assert!(form.contains(&format!("name=\"{name}\"")), "{name}");
        }
        // Sendable from the first paint, before any script has run.
        let button = element(form, "button");
        let tag = &button[..button.find('>').unwrap()];
        assert!(tag.contains("type=\"submit\""), "{tag}");
        assert!(!tag.contains("disabled"), "{tag}");
        assert!(tag.contains("value=\"continue\""), "{tag}");
    }
}

#[test]
fn a_fragment_is_the_app_alone_under_the_hosts_base_beside_the_hosts_main() {
    for locale in Locale::all() {
        let ed = locale.edition();
        for page in PageId::ALL {
            let path = href_under("", locale, page);
            let html = as_read(&render_fragment("/hcnf", &path));
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
                    href.starts_with("/hcnf/") || href.starts_with('#') || !href.starts_with('/'),
                    "{path}: {href}"
                );
            }
        }
    }
}

#[test]
fn every_section_has_a_fragment_mirroring_its_address() {
    let files: Vec<PathBuf> = pages().unwrap().iter().filter_map(fragment_file).collect();
    // And the not-found page's, for an address under the base that is no page.
    assert_eq!(files.len(), Locale::all().count() * PageId::ALL.len() + 1);
    assert!(files.contains(&PathBuf::from("fragments/ja/symposia/index.html")));
    assert!(files.contains(&PathBuf::from("fragments/en/index.html")));
    assert!(files.contains(&PathBuf::from("fragments/404.html")));
}

#[test]
fn a_fragment_carries_its_pages_title_language_and_base() {
    let path = href_under("", Locale::from_code("ja").unwrap(), PageId::Symposia);
    let page = render(TEMPLATE, &path, "").unwrap();
    let markup = render_fragment("/hcnf", &path);
    let doc = fragment_document(&page, &markup, "/hcnf");
    let ja = Locale::from_code("ja").unwrap().edition();
    let title = ja.ui.document_title(&ja.pages.symposia.head.title);
    assert!(
        doc.starts_with(&format!(
            "<div data-hcnf-page data-hcnf-title=\"{}\" lang=\"ja\" ",
            escaped(&title)
        )),
        "{doc:.300}"
    );
    assert!(doc.contains("data-hcnf-fragment-base=\"/hcnf\""));
    assert!(doc.ends_with(&format!("{markup}</div>")));
}

#[test]
fn the_host_loader_names_the_forms_files_the_script_and_every_language() {
    let nav = nav_script();
    let host = host_script(&nav);
    let loader = host_loader(TEMPLATE_WITH_WASM, &host, "/hcnf").unwrap();
    for part in [
        "glue: \"hcnf-site-1.js\"",
        "wasm: \"hcnf-site-1_bg.wasm\"",
        "fragmentBase: \"/hcnf\"",
        "fallback: \"en\"",
    ] {
        assert!(loader.contains(part), "{part} in {loader}");
    }
    for l in Locale::all() {
        assert!(loader.contains(&format!("\"{}\"", l.code())), "{loader}");
    }
    assert!(loader.ends_with(&format!("await import(\"./{}\");\n", host.name)));
    // The host module brings the navigation script by its file's name, and only that.
    assert!(host.body.contains(&format!("from './{}';", nav.name)));
    assert!(!host.body.contains(HOST_IMPORT));
    assert!(
        host.name.starts_with("hcnf-host-")
            && host.name
                != host_script(&ScriptFile {
                    name: "hcnf-nav-other.js".into(),
                    body: String::new(),
                })
                .name,
        "named by what it imports too"
    );
    // A template without the form's files cannot make one.
    assert_eq!(host_loader(TEMPLATE, &host, "/hcnf"), None);
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

/// Any link a page gives to another site, whichever component wrote it, says so
/// (`ExternalLink`'s own tests show the words it adds).
#[test]
fn every_link_to_another_site_says_so_on_every_page() {
    for page in pages().unwrap() {
        let html = rendered(&page.path, "");
        let locale = page
            .path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        let markers: Vec<String> = Locale::all()
            .map(|l| escaped(&l.edition().ui.external_link))
            .collect();
        for link in html.split("<a ").skip(1) {
            let Some(href) = link
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
            else {
                continue;
            };
            if hcnf_content::is_external(href) {
                let words = &link[..link.find("</a>").unwrap_or(link.len())];
                assert!(
                    markers.iter().any(|m| words.contains(m.as_str())),
                    "{} ({locale}): the link to {href} does not say it leaves the site",
                    page.path
                );
            }
        }
    }
}

#[test]
fn the_overview_lists_the_initiatives_not_the_ways_to_get_in_touch() {
    for locale in Locale::all() {
        let html = rendered(&href_under("", locale, PageId::Overview), "");
        let cards = &html[html.find("hcnf-cards").expect("the list of initiatives")..];
        let cards = &cards[..cards.find("</ul>").unwrap()];
        for page in [PageId::Contact, PageId::Inquiry] {
            let href = format!("href=\"{}\"", href_under("", locale, page));
            assert!(
                !cards.contains(&href),
                "{}: {page:?} listed as an initiative",
                locale.code()
            );
        }
        let listed = cards.matches("class=\"hcnf-card\"").count();
        assert!(listed >= 1, "{}: no initiative listed", locale.code());
    }
}

#[test]
fn the_footer_writes_out_the_pages_address_for_paper() {
    for locale in Locale::all() {
        let path = href_under("", locale, PageId::Symposia);
        let html = rendered(&path, "https://www.pref.example");
        let footer = element(&html, "footer");
        let label = escaped(&locale.edition().ui.footer.address_label);
        let at = footer.find(&label).expect("the address label");
        assert!(
            footer[at..].contains(&format!("https://www.pref.example{path}")),
            "{}: {footer}",
            locale.code()
        );
    }
}

#[test]
fn japanese_headings_mark_where_their_phrases_end() {
    let ja = Locale::from_code("ja").unwrap();
    let html = render(TEMPLATE, &href_under("", ja, PageId::Symposia), "").unwrap();
    let h1 = element(&html, "h1");
    let title = &ja.edition().pages.symposia.head.title;
    let phrases = crate::layout::phrases_of(title);
    assert!(phrases.len() > 1, "{phrases:?}");
    assert!(h1.contains(&phrases.join("<wbr>")), "{h1}");
    let en = Locale::from_code("en").unwrap();
    let html = rendered(&href_under("", en, PageId::Symposia), "");
    assert!(
        !render(TEMPLATE, &href_under("", en, PageId::Symposia), "")
            .unwrap()
            .contains("<wbr>"),
        "English headings are left alone: {}",
        element(&html, "h1")
    );
}

#[test]
fn every_page_links_the_accessibility_statement_from_the_footer_not_the_navigation() {
    for locale in Locale::all() {
        let href = href_under("", locale, PageId::Accessibility);
        for page in PageId::ALL {
            let html = rendered(&href_under("", locale, page), "");
            let link = format!("href=\"{href}\"");
            assert!(element(&html, "footer").contains(&link), "{}", page.slug());
            assert!(!element(&html, "nav").contains(&link), "{}", page.slug());
        }
    }
}

#[test]
fn the_accessibility_page_states_each_recorded_result_or_that_there_is_none() {
    let runs = crate::audit::last_run();
    for locale in Locale::all() {
        let ed = locale.edition();
        let words = &ed.pages.accessibility.results;
        let html = rendered(&href_under("", locale, PageId::Accessibility), "");
        assert!(html.contains(&escaped(&words.heading)), "{}", locale.code());
        assert_eq!(
            html.contains(&escaped(&words.none_recorded)),
            runs.is_empty(),
            "{}",
            locale.code()
        );
        assert_eq!(
            html.matches("<table").count(),
            crate::audit::by_browser().len()
        );
        for run in runs {
            let caption = words
                .caption
                .replace("{browser}", run.browser.name())
                .replace("{version}", &run.browser_version);
            let (before_date, _) = caption.split_once("{date}").unwrap();
            assert!(html.contains(&escaped(before_date)), "{caption}");
            assert!(html.contains(&escaped(&ed.ui.format_day(run.day))));
            let check = words.checks.get(run.check);
            let tool = check
                .tool
                .replace("{version}", run.tool_version.as_deref().unwrap_or(""));
            let scope = check.scope.replace("{n}", &run.covered.to_string());
            let row = format!(
                "<th scope=\"row\">{}</th><td>{}</td><td class=\"hcnf-table__number\">{}</td>",
                escaped(tool.trim_end()),
                escaped(&scope),
                run.problems
            );
            assert!(html.contains(&row), "{row}");
        }
    }
}

#[test]
fn readings_show_as_ruby_and_their_notation_never_reaches_a_reader() {
    let mut ruby = 0;
    for page in pages().unwrap() {
        let html = render(TEMPLATE, &page.path, "").unwrap();
        // The notation, `{base|reading}`, anywhere in the page: text, title or attribute.
        let notation = html.match_indices('{').find(|(at, _)| {
            let rest = &html[at + 1..];
            let end = rest.find(['{', '}']).unwrap_or(rest.len());
            rest[..end].contains('|') && rest[end..].starts_with('}')
        });
        assert_eq!(notation, None, "{}", page.path);
        ruby += html.matches("<ruby>").count();
    }
    let easy = Locale::all().filter(|l| l.edition().locale.kanji_readings);
    for locale in easy {
        let html = render(TEMPLATE, &href_under("", locale, PageId::Overview), "").unwrap();
        let h1 = element(&html, "h1");
        assert!(h1.contains("<ruby>") && h1.contains("<rt>"), "{h1}");
        assert!(ruby > 0);
    }
}

#[test]
fn no_page_runs_an_inline_script_or_styles_an_element_in_place() {
    // What a strict Content-Security-Policy refuses: inline scripts (the build moves them
    // into files) and style attributes; the one inline stylesheet is allowed by its hash.
    let template = include_str!("../../index.html");
    for page in pages().unwrap() {
        let (html, _) = super::externalize_scripts(&render(template, &page.path, "").unwrap(), "");
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<script") {
            let tag_end = rest[at..].find('>').unwrap() + at;
            assert!(
                rest[at..tag_end].contains(" src="),
                "{}: an inline script: {}",
                page.path,
                &rest[at..tag_end + 1]
            );
            rest = &rest[tag_end..];
        }
        assert!(
            !html.contains(" style="),
            "{}: a style attribute",
            page.path
        );
    }
}

#[test]
fn the_nginx_policy_allows_the_inline_stylesheets_by_their_hashes_and_nothing_inline_else() {
    use base64::Engine as _;
    use sha2::Digest as _;
    // trunk inlines styles/site.css and the prerenderer compacts it, and adds the form's
    // rules where the form is; the browser hashes the text between the tags.
    let hash =
        |css: &str| base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css));
    let site = hash(&super::compact(include_str!("../../styles/site.css")));
    let form = hash(&super::form_style());
    let conf = include_str!("../../deploy/nginx/hcnf-site.conf");
    let policy = conf
        .lines()
        .find(|l| l.starts_with("set $hcnf_csp"))
        .expect("the policy");
    assert!(
        policy.contains(&format!(
            "style-src 'self' 'sha256-{site}' 'sha256-{form}';"
        )),
        "deploy/nginx/hcnf-site.conf must allow the stylesheets as they now are: \
         style-src 'self' 'sha256-{site}' 'sha256-{form}'"
    );
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
}

/// trunk's page with the wasm's preloads, as the site's build writes it.
const TEMPLATE_WITH_WASM: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
    <link rel=\"icon\" href=\"/favicon-1.svg\">\
    <link rel=\"modulepreload\" href=\"/hcnf-site-1.js\" crossorigin=\"anonymous\">\
    <link rel=\"preload\" href=\"/hcnf-site-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
    <script type=\"module\">import init from '/hcnf-site-1.js'; init();</script></head>\
    <body><div data-hcnf-app data-hcnf-manage-document=\"true\"></div></body></html>";

#[test]
fn only_a_page_with_the_form_loads_the_wasm_and_every_page_the_navigation() {
    let nav = nav_script();
    assert!(nav.name.starts_with("hcnf-nav-") && nav.body.contains("pushState"));
    for locale in Locale::all() {
        for page in PageId::ALL {
            let path = href_under("", locale, page);
            let html = site_page(&render(TEMPLATE_WITH_WASM, &path, "").unwrap(), &nav);
            let head = &html[..html.find("</head>").unwrap()];
            let form = page == PageId::Inquiry;
            assert_eq!(html.contains(FORM_ATTRIBUTE), form, "{path}");
            assert!(!head.contains("modulepreload"), "{path}");
            assert_eq!(head.contains("hcnf-site-1.js"), form, "{path}");
            assert_eq!(head.contains("<script>"), form, "{path}: hydration data");
            assert!(head.contains("/favicon-1.svg"), "{path}");
            // Named first, right after the character set, before anything else the head
            // holds (the stylesheet, in the real template).
            let first = &head[head.find("<meta charset=\"utf-8\">").unwrap() + 22..];
            let script = format!("<script type=\"module\" src=\"/{}\"></script>", nav.name);
            let expected = format!("{script}<link rel=\"icon\"");
            assert!(first.starts_with(&expected), "{path}: {first}");
            // Nothing preloads the wasm; the loader starts it once the page has loaded.
            assert!(!head.contains("preload"), "{path}: {head}");
            if form {
                let loader = &head[head.find("<script type=\"module\">").unwrap()..];
                let wait = loader.find("addEventListener(\"load\"").unwrap();
                assert!(wait < loader.find("init(").unwrap(), "{loader}");
            }
        }
    }
}

/// trunk's page as the build makes it every page's template.
fn site_template() -> String {
    without_comments(&compact_inline_style(include_str!("../../index.html")))
}

/// `html` in three: before the form's element, the element, and after it (the element
/// empty where there is no form).
fn around_form(html: &str) -> (&str, &str, &str) {
    let Some(start) = html.find(&format!("<div {FORM_ATTRIBUTE}")) else {
        return (html, "", "");
    };
    let mut open = 0;
    let mut at = start;
    loop {
        let next_open = html[at..].find("<div").map(|i| i + at);
        let next_close = html[at..]
            .find("</div>")
            .map(|i| i + at)
            .expect("a closed form");
        match next_open {
            Some(o) if o < next_close => {
                open += 1;
                at = o + 4;
            }
            _ => {
                open -= 1;
                at = next_close + "</div>".len();
                if open == 0 {
                    return (&html[..start], &html[start..at], &html[at..]);
                }
            }
        }
    }
}

/// Every comment in `html` (`<!>` is one, to a browser), outside scripts and styles.
fn comments(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        let skipped = &rest[..at];
        // Inside a script or a style, `<!` is their text.
        let raw = ["script", "style"]
            .into_iter()
            .find(|name| skipped.rfind(&format!("<{name}")) > skipped.rfind(&format!("</{name}>")));
        if let Some(name) = raw {
            let close = format!("</{name}>");
            rest = &rest[at..];
            rest = &rest[rest.find(&close).map_or(rest.len(), |e| e + close.len())..];
            continue;
        }
        rest = &rest[at..];
        let end = if let Some(comment) = rest.strip_prefix("<!--") {
            comment.find("-->").map_or(rest.len(), |e| e + 7)
        } else {
            rest.find('>').map_or(rest.len(), |e| e + 1)
        };
        if !rest[..end].to_ascii_lowercase().starts_with("<!doctype") {
            found.push(&rest[..end]);
        }
        rest = &rest[end..];
    }
    found
}

/// `html` without any comment: what a page holds besides hydration's markers.
fn uncommented(html: &str) -> String {
    let mut out = html.to_owned();
    for comment in comments(html) {
        out = out.replacen(comment, "", 1);
    }
    out
}

#[test]
fn no_page_or_fragment_carries_a_hydration_marker_but_its_form_and_that_one_valid() {
    let template = site_template();
    let mut forms = 0;
    for page in pages().unwrap() {
        let raw = render_with(&template, HostOptions::default(), &page.path, "", || {}).unwrap();
        let mut served = vec![(
            page.path.clone(),
            raw,
            render(&template, &page.path, "").unwrap(),
        )];
        if fragment_file(&page).is_some() {
            served.push((
                format!("the fragment of {}", page.path),
                fragment_markup("/hcnf", &page.path),
                render_fragment("/hcnf", &page.path),
            ));
        }
        for (what, raw, html) in served {
            assert!(
                !comments(&raw).is_empty(),
                "{what}: the renderer wrote markers"
            );
            let (before, form, after) = around_form(&html);
            assert_eq!(comments(before), Vec::<&str>::new(), "{what}");
            assert_eq!(comments(after), Vec::<&str>::new(), "{what}");
            // `<!>` is a parse error, "bogus comment"; `<!---->` the same node, valid.
            assert!(!form.contains("<!>"), "{what}: {form}");
            forms += usize::from(!form.is_empty());
            // Comments are all that went.
            assert_eq!(uncommented(&html), uncommented(&raw), "{what}");
        }
    }
    // Each edition's inquiry page and its fragment.
    assert_eq!(forms, 2 * Locale::all().count());
}

#[test]
fn the_forms_markers_are_the_renderers_placeholders_each_spelled_as_a_valid_comment() {
    let template = site_template();
    for locale in Locale::all() {
        let path = href_under("", locale, PageId::Inquiry);
        let page = (
            render_with(&template, HostOptions::default(), &path, "", || {}).unwrap(),
            render(&template, &path, "").unwrap(),
        );
        let fragment = (
            fragment_markup("/hcnf", &path),
            render_fragment("/hcnf", &path),
        );
        for (raw, served) in [page, fragment] {
            let (_, raw, _) = around_form(&raw);
            let (_, served, _) = around_form(&served);
            assert!(raw.matches("<!>").count() > 10, "{path}: {raw}");
            // The hydrator walks the same nodes: the browser tests take the form over.
            assert_eq!(served, raw.replace("<!>", "<!---->"), "{path}");
        }
    }
}

#[test]
fn no_answer_page_carries_a_hydration_marker() {
    use crate::inquiry::answered::{Answered, Unanswered};
    use crate::inquiry::client::SendError;
    use crate::inquiry::flow::Failure;
    use hcnf_inquiry::form_post::parse_form;
    let answers = AnswerTemplate::new(site_template()).unwrap();
    let valid = "name=%E5%B1%B1%E7%94%B0&email=taro%40example.jp&category=hcnf_course\
        &subject=x&message=y&consent=yes";
    let post = |action: &str| parse_form(format!("{valid}&action={action}").as_bytes()).unwrap();
    let key = |_: &_| "00000000-0000-4000-8000-000000000001".to_owned();
    let failed = |error| Answered::after(post("send"), 0, key).sent(Err(Failure::Send(error)));
    let kinds = [
        Answered::after(parse_form(b"action=continue").unwrap(), 0, key),
        Answered::after(post("continue"), 0, key),
        Answered::after(post("change-email"), 0, key),
        Answered::confirmed("HCNF-000001".into()),
        Answered::unanswered(Unanswered::OtherSite, 0),
        Answered::unanswered(Unanswered::NotRead, 0),
        failed(SendError::RateLimited(30)),
        failed(SendError::Server(503)),
        failed(SendError::KeyReused),
    ];
    for locale in Locale::all() {
        for base in ["", "/hcnf"] {
            for answered in kinds.clone() {
                let what = format!("{} {base} {:?}", locale.code(), answered.flow.step);
                let html = answer_page(&answers, base, locale, answered);
                assert!(html.contains(FORM_ATTRIBUTE) || html.contains("data-reference"));
                assert_eq!(comments(&html), Vec::<&str>::new(), "{what}");
            }
        }
    }
}
