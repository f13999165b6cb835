//! The scripts a page loads: the navigation script on every page, the wasm only where the
//! form is, and `hcnf.js` with the host module for a host page.

use std::borrow::Cow;

use super::css::with_form_style;
use super::scripts::{self, edit_elements};
use super::ScriptFile;
use crate::i18n::Locale;
use crate::inquiry::island::FORM_ATTRIBUTE;

/// The site's navigation script (`nav.js`), which every page loads: one file from its parts
/// in `nav/` (each part a job; together one ES module, so a page fetches one script).
/// tools/nav.test.mjs reads this list to join them the same way.
const NAV_SCRIPT: &str = concat!(
    include_str!("nav/state.js"),
    include_str!("nav/links.js"),
    include_str!("nav/swap.js"),
    include_str!("nav/forms.js"),
    include_str!("nav/start.js"),
);
/// What only a host page needs of it (`host.js`), which `hcnf.js` loads.
const HOST_SCRIPT: &str = include_str!("host.js");
/// How `host.js` names the navigation script, which the build replaces with its file.
pub(super) const HOST_IMPORT: &str = "'./nav.js'";

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
/// one part of the site it runs, which also carries the form's rules after the site's
/// stylesheet. Call before the scripts are moved out.
///
/// The navigation script is named first in the head, right after `<meta charset>`: the
/// browser then starts fetching it with the page's first bytes, not once it has read
/// through the inline stylesheet (about 4 KB of the compressed page). The wasm is not
/// preloaded, and its loader waits for the page's `load` event: the form sends as a plain
/// form from the first paint, so the 105 KB of the app need not share the network or the
/// main thread with the page's own bytes.
pub fn site_page(html: &str, nav: &ScriptFile) -> String {
    if html.contains(FORM_ATTRIBUTE) {
        page_scripts(&with_form_style(html), nav, true)
    } else {
        page_scripts(html, nav, false)
    }
}

/// Put before trunk's loader: it goes on once the page has loaded (import declarations are
/// hoisted, so the glue's module is still fetched with the page; the wasm is fetched by
/// `init`, after this).
const AFTER_LOAD: &str = "await new Promise((go) => document.readyState === \"complete\" \
    ? go() : addEventListener(\"load\", () => go(), { once: true }));\n";

/// A page with the navigation script, and the wasm where `form` says so.
pub(super) fn page_scripts(html: &str, nav: &ScriptFile, form: bool) -> String {
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
