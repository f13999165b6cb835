//! Inline scripts moved into files of their own, so the site's Content-Security-Policy can
//! allow scripts from the site alone (`script-src 'self'`), with no `'unsafe-inline'` and
//! no per-build hashes: trunk writes its loader into the page, and the prerenderer its
//! hydration data.

use std::borrow::Cow;

/// A script taken out of a page: its file name (under the site's root) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptFile {
    /// `hcnf-start-0123456789abcdef.js`: named by its content, so nginx may let readers
    /// cache it for a year like trunk's own hashed files.
    pub name: String,
    pub body: String,
}

/// `html` with every inline `<script>` replaced by one that loads the same text from a
/// file, and those files. A module stays a module; a classic script becomes `defer`, which
/// keeps it before the module scripts that follow it (both run in document order once the
/// page is parsed) and keeps it from holding up the first paint.
pub fn externalize_scripts(html: &str, base: &str) -> (String, Vec<ScriptFile>) {
    let mut files = Vec::new();
    let out = edit_elements(html, "<script", "</script>", |element| {
        let Some(open_end) = element.find('>') else {
            return Cow::Borrowed(element);
        };
        let tag = &element[..=open_end];
        let body = &element[open_end + 1..element.len() - "</script>".len()];
        if tag.contains(" src=") || body.trim().is_empty() {
            return Cow::Borrowed(element);
        }
        let module = tag.contains("type=\"module\"");
        let kind = if module { "start" } else { "data" };
        let name = format!("hcnf-{kind}-{:016x}.js", fnv1a(body.as_bytes()));
        let attributes = if module { "type=\"module\"" } else { "defer" };
        let replaced = format!("<script {attributes} src=\"{base}/{name}\"></script>");
        if !files.iter().any(|f: &ScriptFile| f.name == name) {
            files.push(ScriptFile {
                name,
                body: body.to_owned(),
            });
        }
        Cow::Owned(replaced)
    });
    (out, files)
}

/// `html` with each element from `open` to the first `close` after it (both included)
/// replaced by what `edit` makes of it. From an element that is never closed on, `html`
/// is kept as it is.
pub(super) fn edit_elements<'a>(
    html: &'a str,
    open: &str,
    close: &str,
    mut edit: impl FnMut(&'a str) -> Cow<'a, str>,
) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let Some(len) = rest[start..].find(close).map(|end| end + close.len()) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&edit(&rest[start..start + len]));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// FNV-1a, 64 bits: enough to give each distinct script its own name; nothing secret
/// rests on it.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_become_files_and_the_rest_is_untouched() {
        let page = "<head><script>window.__DATA=[];</script>\
            <script type=\"module\">import init from '/app.js'; await init();</script>\
            <script type=\"module\" src=\"/hcnf.js\"></script></head><body>x</body>";
        let (html, files) = externalize_scripts(page, "");
        assert_eq!(files.len(), 2);
        assert!(files[0].name.starts_with("hcnf-data-") && files[0].body == "window.__DATA=[];");
        assert!(files[1].name.starts_with("hcnf-start-"));
        assert_eq!(
            html,
            format!(
                "<head><script defer src=\"/{}\"></script>\
                 <script type=\"module\" src=\"/{}\"></script>\
                 <script type=\"module\" src=\"/hcnf.js\"></script></head><body>x</body>",
                files[0].name, files[1].name
            )
        );
        // The same script on every page is one file.
        let (_, again) = externalize_scripts(page, "");
        assert_eq!(again, files);
        let (html, none) = externalize_scripts("<p>no script</p>", "");
        assert_eq!((html.as_str(), none.len()), ("<p>no script</p>", 0));
    }

    #[test]
    fn names_follow_the_content() {
        let (_, a) = externalize_scripts("<script>a()</script>", "");
        let (_, b) = externalize_scripts("<script>b()</script>", "");
        assert_ne!(a[0].name, b[0].name);
        assert!(a[0].name.len() == "hcnf-data-".len() + 16 + ".js".len());
    }
}
