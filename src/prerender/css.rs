//! The stylesheet as pages carry it: without the comments and indentation that are there
//! for whoever maintains it. That is 2 KB brotli of every page's 6–8 KB, read before the
//! first paint. A few lines of our own rather than a CSS minifier: dropping comments and
//! the space around lines cannot change what a rule means, and the policy's hash of the
//! inline stylesheet (deploy/nginx) stays computable from the source by a native test.

/// `css` without comments, blank lines, or space at either end of a line. What the
/// tokenizer reads is kept as written: quoted strings, escapes, unquoted `url(…)`, and a
/// comment between two tokens that nothing else separates (`.a/**/.b` is one compound
/// selector; `.a .b` would not be), which stays as `/**/`. Not handled, as the stylesheet
/// has none: a string continued over a line with a backslash.
pub fn compact(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            kept.push(c);
            if c == '\\' {
                kept.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\\' => {
                kept.push(c);
                kept.extend(chars.next());
            }
            '"' | '\'' => {
                quote = Some(c);
                kept.push(c);
            }
            '(' if kept.to_ascii_lowercase().ends_with("url") => {
                // An unquoted URL may hold `/*`; it runs to its `)`.
                kept.push(c);
                if !matches!(chars.peek(), Some('"' | '\'')) {
                    for d in chars.by_ref() {
                        kept.push(d);
                        if d == ')' {
                            break;
                        }
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = None;
                for d in chars.by_ref() {
                    if previous == Some('*') && d == '/' {
                        break;
                    }
                    previous = Some(d);
                }
                let separated = |c: Option<char>| c.is_none_or(char::is_whitespace);
                if !separated(kept.chars().last()) && !separated(chars.peek().copied()) {
                    kept.push_str("/**/");
                }
            }
            _ => kept.push(c),
        }
    }
    kept.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `html` with the body of its first `<style>` element compacted; unchanged without one.
pub fn compact_inline_style(html: &str) -> String {
    const OPEN: &str = "<style>";
    let Some(start) = html.find(OPEN).map(|at| at + OPEN.len()) else {
        return html.to_owned();
    };
    let Some(end) = html[start..].find("</style>").map(|at| at + start) else {
        return html.to_owned();
    };
    format!(
        "{}{}{}",
        &html[..start],
        compact(&html[start..end]),
        &html[end..]
    )
}

/// The inquiry form's rules (`styles/form.css`) as the pages that hold the form carry them,
/// in a `<style>` of their own after the site's: 1 KB brotli the other pages' first paint
/// does not wait for.
pub fn form_style() -> String {
    compact(include_str!("../../styles/form.css"))
}

/// `html` with the form's rules inline after its first `<style>` element; unchanged
/// without one, or when they are there already.
pub fn with_form_style(html: &str) -> String {
    const CLOSE: &str = "</style>";
    let style = form_style();
    if html.contains(&style) {
        return html.to_owned();
    }
    match html.find(CLOSE).map(|at| at + CLOSE.len()) {
        Some(end) => format!("{}<style>{style}</style>{}", &html[..end], &html[end..]),
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_rules_stay() {
        let css =
            "/* The root.\n   Two lines. */\n#a {\n  color: red; /* why */\n\n  margin: 0;\n}\n";
        assert_eq!(compact(css), "#a {\ncolor: red;\nmargin: 0;\n}");
    }

    #[test]
    fn what_the_tokenizer_reads_is_kept_as_written() {
        let css =
            "a::after { content: \" /* not a comment */ \"; }\nb::before { content: '\\'/*'; }";
        assert_eq!(compact(css), css);
        assert_eq!(compact("/*/ still a comment */x"), "x");
        assert_eq!(compact("x /* never closed"), "x");
        // Between two tokens a comment keeps them apart, and stays, emptied.
        assert_eq!(compact(".a/* both */.b{}"), ".a/**/.b{}");
        assert_eq!(compact("margin: 0/**/auto;"), "margin: 0/**/auto;");
        assert_eq!(compact(".a /* c */ .b{}"), ".a  .b{}");
        // Escapes and unquoted URLs are read as the tokenizer reads them: no comment here.
        for css in [
            r#".a\"b::after{content:"/* kept */"}"#,
            r".a\/*b*/{}",
            r"i{background:url(/x/*y.png)}",
            r#"i{background:url("/*.png")}"#,
        ] {
            assert_eq!(compact(css), css);
        }
    }

    #[test]
    fn only_the_style_element_is_compacted() {
        let html =
            "<head>\n  <!-- kept -->\n  <style>/* c */\n  p { margin: 0; }\n</style>\n</head>";
        assert_eq!(
            compact_inline_style(html),
            "<head>\n  <!-- kept -->\n  <style>p { margin: 0; }</style>\n</head>"
        );
        assert_eq!(compact_inline_style("<p>no style</p>"), "<p>no style</p>");
    }

    #[test]
    fn the_forms_rules_follow_the_sites_once() {
        let page = "<head><style>p{}</style><link rel=\"icon\"></head>";
        let with = with_form_style(page);
        let style = format!("<style>{}</style>", form_style());
        assert_eq!(
            with,
            format!("<head><style>p{{}}</style>{style}<link rel=\"icon\"></head>")
        );
        assert_eq!(with_form_style(&with), with);
        assert_eq!(with_form_style("<p>no style</p>"), "<p>no style</p>");
        assert!(form_style().contains(".hcnf-form") && !form_style().contains("/*"));
    }

    #[test]
    fn the_site_stylesheet_loses_its_comments_and_a_fifth_of_its_bytes() {
        let css = include_str!("../../styles/site.css");
        let compacted = compact(css);
        assert!(!compacted.contains("/*"), "a comment is left");
        assert!(
            compacted.len() * 5 < css.len() * 4,
            "{} of {} bytes",
            compacted.len(),
            css.len()
        );
        assert_eq!(compact(&compacted), compacted, "nothing more to take out");
        let count = |c: char| compacted.chars().filter(|x| *x == c).count();
        assert_eq!(count('{'), count('}'), "every rule closed");
    }

    #[test]
    fn the_host_reset_reaches_only_the_apps_own_elements() {
        // host.css goes into host pages (hcnf.css), ahead of the app's rules: a selector
        // not under the app's root would restyle the host's own page.
        let css = compact(include_str!("../../styles/host.css"));
        let selectors: Vec<&str> = css
            .split('}')
            .filter_map(|rule| rule.split_once('{').map(|(s, _)| s))
            .flat_map(|s| s.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        assert!(selectors.len() >= 4, "{selectors:?}");
        for selector in selectors {
            assert!(
                selector.starts_with("#hcnf-app#hcnf-app.hcnf "),
                "{selector}"
            );
        }
    }
}
