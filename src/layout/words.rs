//! Text from an edition as a reader sees it: any reading over a kanji word
//! (`{漢字|かんじ}`, see [`hcnf_content::ruby`]) shown as `<ruby>`. Places that cannot hold
//! markup (the title, attributes, `<option>`) use [`hcnf_content::ruby::plain`] instead.

use hcnf_content::ruby::{is_hiragana, segments, Segment};
use leptos::either::Either;
use leptos::prelude::*;

/// `text` with its readings as ruby. Text without readings is one text node, as before.
/// A word with its reading is kept on one line with the kana right after it (開い|た):
/// browsers may break a line after a `<ruby>` box whatever `word-break` says (Firefox
/// does), which left 開 at the end of a heading's line and いた at the start of the next.
/// In headings the kana after the first stay with it by `keep-all`; body text may break
/// between kana, as Japanese text does.
pub fn words(text: &str) -> impl IntoView + use<> {
    let parts = segments(text);
    let mut views = Vec::with_capacity(parts.len());
    // Bytes of a text part already shown with the word before it.
    let mut taken = 0;
    for (i, part) in parts.iter().enumerate() {
        match *part {
            Segment::Text(t) => {
                let t = &t[taken..];
                taken = 0;
                if !t.is_empty() {
                    views.push(Either::Left(t.to_owned()));
                }
            }
            Segment::Ruby { base, reading } => {
                let kana = match parts.get(i + 1) {
                    Some(Segment::Text(t)) => t.chars().next().filter(|&c| is_hiragana(c)),
                    _ => None,
                };
                views.push(Either::Right(match kana {
                    Some(c) => {
                        taken = c.len_utf8();
                        view! { <span class="hcnf-nobr">{ruby(base, reading)}{c.to_string()}</span> }
                        .into_any()
                    }
                    None => ruby(base, reading).into_any(),
                }));
            }
        }
    }
    views
}

fn ruby(base: &str, reading: &str) -> impl IntoView + use<> {
    let (base, reading) = (base.to_owned(), reading.to_owned());
    view! { <ruby>{base} <rt>{reading}</rt></ruby> }
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
            html("{神奈川県|かながわけん}ヘルスケア"),
            "<p><ruby>神奈川県<rt>かながわけん</rt></ruby>ヘルスケア</p>"
        );
    }

    #[test]
    fn a_word_with_its_reading_keeps_the_kana_after_it_on_its_line() {
        assert_eq!(
            html("{質問|しつもん}を{送|おく}る"),
            "<p><span class=\"hcnf-nobr\"><ruby>質問<rt>しつもん</rt></ruby>を</span>\
             <span class=\"hcnf-nobr\"><ruby>送<rt>おく</rt></ruby>る</span></p>"
        );
        // Only the first kana: the rest keep to the text's own line breaking.
        assert_eq!(
            html("{開|ひら}いた"),
            "<p><span class=\"hcnf-nobr\"><ruby>開<rt>ひら</rt></ruby>い</span>た</p>"
        );
        // Two words in a row, a word at the end, katakana after a word: nothing to keep.
        assert_eq!(
            html("{神奈川県|かながわけん}{横浜市|よこはまし}"),
            "<p><ruby>神奈川県<rt>かながわけん</rt></ruby><ruby>横浜市<rt>よこはまし</rt></ruby></p>"
        );
        assert_eq!(
            html("{国際|こくさい}シンポジウム"),
            "<p><ruby>国際<rt>こくさい</rt></ruby>シンポジウム</p>"
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
