//! The stylesheet as pages carry it: without the comments and indentation that are there
//! for whoever maintains it. That is 2 KB brotli of every page's 6–8 KB, read before the
//! first paint. A few lines of our own rather than a CSS minifier: dropping comments and
//! the space around lines cannot change what a rule means, and the policy's hash of the
//! inline stylesheet (deploy/nginx) stays computable from the source by a native test.

/// `css` without comments, blank lines, or space at either end of a line; quoted strings
/// are kept as written.
pub fn compact(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                kept.push(c);
                if c == '\\' {
                    kept.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = None;
                for d in chars.by_ref() {
                    if previous == Some('*') && d == '/' {
                        break;
                    }
                    previous = Some(d);
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                kept.push(c);
            }
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
    fn what_is_quoted_is_kept_as_written() {
        let css =
            "a::after { content: \" /* not a comment */ \"; }\nb::before { content: '\\'/*'; }";
        assert_eq!(compact(css), css);
        assert_eq!(compact("/*/ still a comment */x"), "x");
        assert_eq!(compact("x /* never closed"), "x");
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
}
