//! Text from an edition as a reader sees it: any reading over a kanji word
//! (`{漢字|かんじ}`, see [`hcnf_content::ruby`]) shown as `<ruby>`. Places that cannot hold
//! markup (the title, attributes, `<option>`) use [`hcnf_content::ruby::plain`] instead.

use hcnf_content::ruby::{segments, Segment};
use leptos::either::Either;
use leptos::prelude::*;

/// `text` with its readings as ruby. Text without readings is one text node, as before.
pub fn words(text: &str) -> impl IntoView + use<> {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => Either::Left(t.to_owned()),
            Segment::Ruby { base, reading } => {
                let (base, reading) = (base.to_owned(), reading.to_owned());
                Either::Right(view! { <ruby>{base} <rt>{reading}</rt></ruby> })
            }
        })
        .collect_view()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        let text = text.to_owned();
        view! { <p>{words(&text)}</p> }.to_html().replace("<!>", "")
    }

    #[test]
    fn readings_become_ruby() {
        assert_eq!(
            html("{質問|しつもん}を{送|おく}る"),
            "<p><ruby>質問<rt>しつもん</rt></ruby>を<ruby>送<rt>おく</rt></ruby>る</p>"
        );
    }

    #[test]
    fn markup_in_content_is_shown_as_text_never_run() {
        // A content file is ours, but a slip (or a compromised editor) must still only
        // ever show text: in the words, in a reading's base and in its reading.
        let hostile =
            "<script>alert(1)</script>{<img src=x onerror=alert(1)>|\"><svg onload=alert(1)>} & co";
        let out = html(hostile);
        for raw in ["<script", "<img", "<svg", "\">"] {
            assert!(!out.contains(raw), "{raw} in {out}");
        }
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("&amp; co"), "{out}");
    }
}
