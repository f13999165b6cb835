//! Line breaks between Japanese phrases: a browser breaks Japanese anywhere, even inside a
//! word (シンポ／ジウム). Marking where phrases end lets a heading break only there.

use hcnf_content::ruby::{segments, Segment};
use leptos::prelude::*;

use super::words::words;

/// Particles and endings after which a Japanese phrase ends when a new word follows.
const PHRASE_ENDS: &[char] = &[
    'の', 'を', 'に', 'へ', 'で', 'は', 'が', 'も', 'や', 'と', 'て', '、',
];

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// `text` in phrases: each ends after a particle (or a comma) that a word which is not
/// hiragana follows, so `国内外の大学との共同シンポジウムの開催` becomes `国内外の`,
/// `大学との`, `共同シンポジウムの`, `開催`. Text without such endings, English among it,
/// is one phrase. A word with its reading (`{大学|だいがく}`) is never cut, and counts as
/// the word it reads.
pub(crate) fn phrases(text: &str) -> Vec<&str> {
    // Each segment's first character as read, and where it ends in `text`.
    let parts = segments(text);
    let mut spans = Vec::with_capacity(parts.len());
    let mut at = 0;
    for part in &parts {
        let len = match part {
            Segment::Text(t) => t.len(),
            Segment::Ruby { base, reading } => base.len() + reading.len() + 3,
        };
        spans.push((at, part));
        at += len;
    }
    let first_char = |i: usize| -> Option<char> {
        match spans.get(i)?.1 {
            Segment::Text(t) => t.chars().next(),
            Segment::Ruby { base, .. } => base.chars().next(),
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (k, (offset, part)) in spans.iter().enumerate() {
        let Segment::Text(t) = part else { continue };
        let mut chars = t.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n).or_else(|| first_char(k + 1));
            if PHRASE_ENDS.contains(&c) && next.is_some_and(|n| !is_hiragana(n) && !n.is_ascii()) {
                let end = offset + i + c.len_utf8();
                out.push(&text[start..end]);
                start = end;
            }
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `text` with a `<wbr>` after each phrase; the stylesheet keeps Japanese headings from
/// breaking anywhere else (`word-break: keep-all`).
#[component]
pub fn Phrased(
    /// The heading's words.
    text: &'static str,
) -> impl IntoView {
    let parts = phrases(text);
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            view! {
                {words(part)}
                {(i < last).then(|| view! { <wbr /> })}
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_headings_split_after_their_particles() {
        assert_eq!(
            phrases("国内外の大学・研究機関等との共同シンポジウムの開催"),
            [
                "国内外の",
                "大学・研究機関等との",
                "共同シンポジウムの",
                "開催"
            ]
        );
        assert_eq!(
            phrases("国際的医療人材育成機関の設置に向けて"),
            ["国際的医療人材育成機関の", "設置に", "向けて"]
        );
    }

    #[test]
    fn words_ending_in_hiragana_and_english_stay_whole() {
        // "のに" is not two phrases; a particle before hiragana is part of the word.
        assert_eq!(phrases("はじめに"), ["はじめに"]);
        assert_eq!(
            phrases("Joint Symposia with Academic Institutions"),
            ["Joint Symposia with Academic Institutions"]
        );
        assert_eq!(phrases(""), Vec::<&str>::new());
    }

    #[test]
    fn a_word_with_its_reading_is_one_unit_and_starts_a_phrase() {
        assert_eq!(
            phrases("{日本|にほん}や{外国|がいこく}の{大学|だいがく}といっしょに{開|ひら}く"),
            [
                "{日本|にほん}や",
                "{外国|がいこく}の",
                "{大学|だいがく}といっしょに",
                "{開|ひら}く"
            ]
        );
        // Inside a reading, a particle-like kana never ends a phrase.
        assert_eq!(phrases("{神奈川|かながわ}"), ["{神奈川|かながわ}"]);
    }
}
