//! The maintainers' comments in `index.html`, left out of the pages: every reader would
//! download them, in the HTML the first paint waits for.

/// The marker leptos_meta puts each page's head after; it stays.
const HEAD_MARKER: &str = "<!--HEAD-->";

/// `html` (the page template) without its comments, but for the head marker. The contents
/// of `<script>` and `<style>` are copied as they are: `<!--` there is not a comment.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = [rest.find("<!--"), rest.find("<script"), rest.find("<style")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with(HEAD_MARKER) {
            out.push_str(HEAD_MARKER);
            rest = &rest[HEAD_MARKER.len()..];
        } else if rest.starts_with("<!--") {
            // An unclosed comment runs to the end, as a browser reads it.
            let end = rest[4..].find("-->").map_or(rest.len(), |e| e + 4 + 3);
            rest = &rest[end..];
            // The line the comment stood on, if nothing else was on it.
            let line_start = out.trim_end_matches(' ').len();
            if out[..line_start].ends_with('\n') && rest.starts_with('\n') {
                out.truncate(line_start);
                rest = &rest[1..];
            }
        } else {
            let close = if rest.starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            let end = rest.find(close).map_or(rest.len(), |e| e + close.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_with_their_lines_and_the_head_marker_stays() {
        let template = "<head>\n    <meta charset=\"utf-8\" />\n    <!-- Why the next line:\n         two lines. -->\n    <link rel=\"icon\" />\n    <!--HEAD-->\n  </head>\n  <body>\n    <!-- The app. --><div data-hcnf-app></div>\n  </body>";
        assert_eq!(
            without_comments(template),
            "<head>\n    <meta charset=\"utf-8\" />\n    <link rel=\"icon\" />\n    <!--HEAD-->\n  </head>\n  <body>\n    <div data-hcnf-app></div>\n  </body>"
        );
    }

    #[test]
    fn scripts_and_styles_are_copied_as_they_are() {
        let html = "<style>a::after { content: \"<!-- x -->\" }</style><script>let s = '<!-- y -->';</script><!-- z -->";
        assert_eq!(
            without_comments(html),
            "<style>a::after { content: \"<!-- x -->\" }</style><script>let s = '<!-- y -->';</script>"
        );
        // An unclosed comment ends the document, as in a browser.
        assert_eq!(without_comments("<p>a</p><!-- open"), "<p>a</p>");
    }
}
