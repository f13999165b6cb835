//! Line breaks between Japanese phrases: a browser breaks Japanese anywhere, even inside a
//! word (シンポ／ジウム). Marking where phrases end lets a heading break only there.

use leptos::prelude::*;

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
/// is one phrase.
pub(crate) fn phrases(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if PHRASE_ENDS.contains(&c) && next.is_some_and(|n| !is_hiragana(n) && !n.is_ascii()) {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
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
                {part}
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
}
