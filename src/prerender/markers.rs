//! Hydration's markers, as a reader is served them. Leptos writes a comment wherever the
//! hydrating wasm must find a view that has no element of its own: `<!>` for an empty view
//! or between two texts, `<!--<() />-->` after a view that renders nothing; leptos_meta
//! leaves `<!--HEAD-->` in the head. Only the inquiry form is ever hydrated
//! (`inquiry/island.rs`): everywhere else these are bytes nothing reads, and `<!>` is a
//! parse error besides ("bogus comment"). So they go, but inside the form's element on a
//! page whose form runs, where each `<!>` is spelled `<!---->`: the parser makes the same
//! empty comment node of either, which is what the hydrator walks.

use crate::inquiry::island::FORM_ATTRIBUTE;

/// Whether the page's form is taken over by the wasm, and so keeps what hydration needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// A page or fragment of the site: the wasm hydrates its form, if it has one.
    Hydrates,
    /// An answer page of the endpoint, which no wasm runs on.
    Static,
}

/// The empty comment as valid HTML writes it.
const EMPTY_COMMENT: &str = "<!---->";

/// Elements whose content is text up to their end tag, never markup, copied as it is.
const TEXT_ELEMENTS: [&str; 4] = ["script", "style", "textarea", "title"];

/// `html` (as the renderer wrote it) without hydration's comments, but for those in the
/// form's element where `form` says it hydrates, which stay, valid.
pub(super) fn without_markers(html: &str, form: Form) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // How many `<div>`s are open in the form's element, itself included (0: outside it).
    let mut in_form = 0usize;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!>") {
            if in_form > 0 {
                out.push_str(EMPTY_COMMENT);
            }
            rest = after;
        } else if rest.starts_with("<!--") {
            // An unclosed comment runs to the end, as a browser reads it.
            let end = rest[4..].find("-->").map_or(rest.len(), |e| e + 4 + 3);
            if in_form > 0 {
                out.push_str(&rest[..end]);
            }
            rest = &rest[end..];
        } else {
            let end = tag_end(rest);
            let tag = &rest[..end];
            out.push_str(tag);
            rest = &rest[end..];
            let name = tag_name(tag);
            if TEXT_ELEMENTS.contains(&name.as_str()) && !tag.ends_with("/>") {
                let close = format!("</{name}");
                let text_end = find_ignoring_case(rest, &close).unwrap_or(rest.len());
                out.push_str(&rest[..text_end]);
                rest = &rest[text_end..];
            } else if name == "div" {
                if in_form > 0 {
                    in_form += 1;
                } else if form == Form::Hydrates && has_attribute(tag, FORM_ATTRIBUTE) {
                    in_form = 1;
                }
            } else if name == "/div" {
                in_form = in_form.saturating_sub(1);
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the tag (or doctype) `html` starts with, through its `>`; a `>` inside a
/// quoted attribute value does not end it.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            (None, _) => {}
        }
    }
    html.len()
}

/// The tag's name in lower case, with the `/` of an end tag: `div`, `/div`, `!doctype`.
fn tag_name(tag: &str) -> String {
    let (slash, rest) = match tag[1..].strip_prefix('/') {
        Some(rest) => ("/", rest),
        None => ("", &tag[1..]),
    };
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    format!("{slash}{}", rest[..end].to_ascii_lowercase())
}

/// Whether the start tag `tag` has the attribute `name`, with a value or none.
fn has_attribute(tag: &str, name: &str) -> bool {
    tag.match_indices(name).any(|(at, _)| {
        let before = tag[..at].chars().next_back();
        let after = tag[at + name.len()..].chars().next();
        before.is_some_and(|c| c.is_ascii_whitespace())
            && after.is_some_and(|c| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
    })
}

/// Where `needle` (ASCII) first is in `haystack`, in any case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_outside_the_form_and_are_spelled_validly_in_it() {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\"><!--HEAD--><title>a<!>b</title></head>\
            <body><!--<() />--><p>a<!>b</p>\
            <div data-hcnf-form><div class=\"x\"><!>a<!>b<!--<() />--></div><!></div>\
            <p>c<!>d</p></body></html>";
        assert_eq!(
            without_markers(html, Form::Hydrates),
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>a<!>b</title></head>\
             <body><p>ab</p>\
             <div data-hcnf-form><div class=\"x\"><!---->a<!---->b<!--<() />--></div><!----></div>\
             <p>cd</p></body></html>"
        );
        // Where no wasm runs, none stays.
        assert_eq!(
            without_markers(html, Form::Static),
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>a<!>b</title></head>\
             <body><p>ab</p>\
             <div data-hcnf-form><div class=\"x\">ab</div></div>\
             <p>cd</p></body></html>"
        );
    }

    #[test]
    fn text_and_attribute_values_are_copied_as_they_are() {
        let html = "<script>if (a <!> b) x('<!-- y -->');</script>\
            <style>p::after { content: \"<!>\" }</style>\
            <textarea name=\"m\"><!> typed</textarea>\
            <input value='a > <!> b' data-hcnf-form-like><!>\
            <div data-hcnf-former><!></div>";
        assert_eq!(
            without_markers(html, Form::Hydrates),
            "<script>if (a <!> b) x('<!-- y -->');</script>\
             <style>p::after { content: \"<!>\" }</style>\
             <textarea name=\"m\"><!> typed</textarea>\
             <input value='a > <!> b' data-hcnf-form-like>\
             <div data-hcnf-former></div>"
        );
    }
}
