//! Line breaks between Japanese phrases: a browser breaks Japanese anywhere, even inside a
//! word (シンポ／ジウム). Marking where phrases end lets a heading break only there.

use hcnf_content::ruby::{is_hiragana, is_kanji, segments, Segment};
use leptos::prelude::*;

use super::words::words;

/// Particles and endings after which a Japanese phrase ends when a new word follows; the
/// middle dot joins the parts of a name (ヘルスケア・ニューフロンティア), and a line may break
/// after it.
const PHRASE_ENDS: &[char] = &[
    'の', 'を', 'に', 'へ', 'で', 'は', 'が', 'も', 'や', 'と', 'て', '、', '・',
];

/// Katakana letters and the long-vowel mark; not the middle dot, nor ヵ and ヶ, which
/// count in kanji words (一ヶ月, 霞ヶ関).
fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30F4}' | '\u{30F7}'..='\u{30FA}' | 'ー')
}

/// Kanji, and the small ヵ and ヶ that stand inside kanji words.
fn is_kanji_letter(c: char) -> bool {
    is_kanji(c) || matches!(c, 'ヵ' | 'ヶ')
}

/// A place a line could end after: a letter, or a word with its reading as a whole.
struct Unit {
    /// Where it ends in the text.
    end: usize,
    /// Its first and last letters as read.
    first: char,
    last: char,
    /// How many kanji it is, when it is kanji alone.
    kanji: usize,
}

/// `text` in phrases: each ends after a particle (or a comma, or a middle dot) that a word
/// which is not hiragana follows, where kana are followed by kanji, and where a word of two
/// or more kanji meets katakana, so `国内外の大学との共同シンポジウムの開催` becomes
/// `国内外の`, `大学との`, `共同`, `シンポジウムの`, `開催`. A single kanji stays with the katakana beside it
/// (シンポジウム等). Text without such endings, English among it, is one phrase. A word
/// with its reading (`{大学|だいがく}`) is never cut, and counts as the word it reads.
/// Every end is a place the line may break; the browser takes whichever fills the line.
pub(crate) fn phrases(text: &str) -> Vec<&str> {
    let mut units = Vec::new();
    let mut end = 0;
    for part in segments(text) {
        match part {
            Segment::Text(t) => {
                for c in t.chars() {
                    end += c.len_utf8();
                    let kanji = usize::from(is_kanji_letter(c));
                    units.push(Unit {
                        end,
                        first: c,
                        last: c,
                        kanji,
                    });
                }
            }
            Segment::Ruby { base, reading } => {
                end += base.len() + reading.len() + 3;
                if let (Some(first), Some(last)) = (base.chars().next(), base.chars().last()) {
                    let kanji = if base.chars().all(is_kanji_letter) {
                        base.chars().count()
                    } else {
                        0
                    };
                    units.push(Unit {
                        end,
                        first,
                        last,
                        kanji,
                    });
                }
            }
        }
    }
    let kanji_run = |run: &mut dyn Iterator<Item = &Unit>| -> usize {
        run.take_while(|u| u.kanji > 0).map(|u| u.kanji).sum()
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in units.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let after_particle =
            PHRASE_ENDS.contains(&a.last) && !is_hiragana(b.first) && !b.first.is_ascii();
        // Where kanji meet katakana one word ends and the next begins
        // (神奈川県／ヘルスケア, 国際／シンポジウム).
        let at_seam = (is_kanji_letter(a.last)
            && is_katakana(b.first)
            && kanji_run(&mut units[..=i].iter().rev()) >= 2)
            || (is_katakana(a.last)
                && is_kanji_letter(b.first)
                && kanji_run(&mut units[i + 1..].iter()) >= 2);
        // Where kana meet kanji a new word begins (つながる／医療, なれない／部分), but not
        // after an honorific お or ご that starts a word (ご利用).
        let word_starts = is_hiragana(a.last)
            && is_kanji_letter(b.first)
            && !(matches!(a.last, 'お' | 'ご') && (i == 0 || !is_hiragana(units[i - 1].last)));
        if after_particle || at_seam || word_starts {
            out.push(&text[start..a.end]);
            start = a.end;
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
        // A single kanji stays with its katakana; ヶ is part of a kanji word.
        assert_eq!(
            phrases("各シンポジウム等の記録"),
            ["各シンポジウム等の", "記録"]
        );
        assert_eq!(phrases("霞ヶ関ビル"), ["霞ヶ関", "ビル"]);
        // A word after kana; an honorific stays with its word.
        assert_eq!(
            phrases("ご利用になれない部分があったときは"),
            ["ご利用になれない", "部分があったときは"]
        );
        assert_eq!(
            phrases("{外国|がいこく}とつながる{医療|いりょう}の{人|ひと}"),
            [
                "{外国|がいこく}とつながる",
                "{医療|いりょう}の",
                "{人|ひと}"
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

    #[cfg(feature = "ssr")]
    #[test]
    fn a_word_with_its_reading_keeps_the_kana_after_it_on_its_line() {
        let html = view! {
            <h2>
                <Phrased text="これまでに{開|ひら}いた{国際|こくさい}シンポジウム" />
            </h2>
        }
        .to_html()
        .replace("<!>", "");
        assert_eq!(
            html,
            "<h2>これまでに<wbr><span class=\"hcnf-nobr\"><ruby>開<rt>ひら</rt></ruby>い</span>\
             た<wbr><ruby>国際<rt>こくさい</rt></ruby><wbr>シンポジウム</h2>"
        );
    }
}
