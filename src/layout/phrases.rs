//! Line breaks between Japanese phrases: a browser breaks Japanese anywhere, even inside a
//! word (シンポ／ジウム). Marking where phrases end lets a heading break only there.

use hcnf_content::ruby::{segments, Segment};
use leptos::prelude::*;

use super::words::words;

/// Particles and endings after which a Japanese phrase ends when a new word follows; the
/// middle dot joins the parts of a name (ヘルスケア・ニューフロンティア), and a line may break
/// after it.
const PHRASE_ENDS: &[char] = &[
    'の', 'を', 'に', 'へ', 'で', 'は', 'が', 'も', 'や', 'と', 'て', '、', '・',
];

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// Katakana letters and the long-vowel mark, not the middle dot.
fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '々'
}

/// Whether a line may break between `before` and `after`, the last and first letters of
/// two neighbouring words as read.
fn phrase_ends_between(before: char, after: char) -> bool {
    (PHRASE_ENDS.contains(&before) && !is_hiragana(after) && !after.is_ascii())
        // Where kanji meet katakana one word ends and the next begins
        // (神奈川県／ヘルスケア, 国際／シンポジウム): a phrase longer than the line
        // then breaks there rather than inside a word.
        || (is_kanji(before) && is_katakana(after))
        || (is_katakana(before) && is_kanji(after))
}

/// `text` in phrases: each ends after a particle (or a comma) that a word which is not
/// hiragana follows, and where kanji meet katakana, so `国内外の大学との共同シンポジウムの開催`
/// becomes `国内外の`, `大学との`, `共同`, `シンポジウムの`, `開催`. Text without such
/// endings, English among it, is one phrase. A word with its reading (`{大学|だいがく}`) is
/// never cut, and counts as the word it reads.
pub(crate) fn phrases(text: &str) -> Vec<&str> {
    // Each unit a line could end after: a letter, or a word with its reading as a whole;
    // with where it ends in `text` and its first and last letters as read.
    let mut units: Vec<(usize, char, char)> = Vec::new();
    let mut at = 0;
    for part in segments(text) {
        match part {
            Segment::Text(t) => {
                for c in t.chars() {
                    at += c.len_utf8();
                    units.push((at, c, c));
                }
            }
            Segment::Ruby { base, reading } => {
                at += base.len() + reading.len() + 3;
                if let (Some(first), Some(last)) = (base.chars().next(), base.chars().last()) {
                    units.push((at, first, last));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for pair in units.windows(2) {
        let [(end, _, last), (_, first, _)] = pair else {
            continue;
        };
        if phrase_ends_between(*last, *first) {
            out.push(&text[start..*end]);
            start = *end;
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
    fn japanese_headings_split_after_their_particles_and_between_scripts() {
        assert_eq!(
            phrases("国内外の大学・研究機関等との共同シンポジウムの開催"),
            [
                "国内外の",
                "大学・",
                "研究機関等との",
                "共同",
                "シンポジウムの",
                "開催"
            ]
        );
        assert_eq!(
            phrases("神奈川県ヘルスケア・ニューフロンティア講座"),
            ["神奈川県", "ヘルスケア・", "ニューフロンティア", "講座"]
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

    #[cfg(feature = "ssr")]
    #[test]
    fn a_word_with_its_reading_keeps_the_kana_after_it_on_its_line() {
        let html = view! { <h2><Phrased text="これまでに{開|ひら}いた{国際|こくさい}シンポジウム" /></h2> }
            .to_html()
            .replace("<!>", "");
        assert_eq!(
            html,
            "<h2>これまでに<wbr><span class=\"hcnf-nobr\"><ruby>開<rt>ひら</rt></ruby>い</span>\
             た<ruby>国際<rt>こくさい</rt></ruby><wbr>シンポジウム</h2>"
        );
    }
}
