//! Readings over kanji, as an edition for readers still learning Japanese gives them.
//!
//! A content string marks a word and its reading as `{神奈川県|かながわけん}`; the app shows
//! it as `<ruby>` and everywhere text cannot carry markup (a title, an attribute, an
//! `<option>`) uses [`plain`]. Braces without a bar, such as a template's `{n}`, are text.

use std::borrow::Cow;

/// A piece of a content string: text as it is, or a word with its reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Ruby { base: &'a str, reading: &'a str },
}

/// The annotation starting at the start of `s`, if there is one: `(base, reading, length)`.
fn annotation(s: &str) -> Option<(&str, &str, usize)> {
    let body = s.strip_prefix('{')?;
    let end = body.find(['{', '}'])?;
    if !body[end..].starts_with('}') {
        return None;
    }
    let (base, reading) = body[..end].split_once('|')?;
    if base.is_empty() || reading.is_empty() || reading.contains('|') {
        return None;
    }
    Some((base, reading, end + 2))
}

/// `text` cut into plain runs and annotated words, in order.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(offset) = text[at..].find('{') {
        let start = at + offset;
        match annotation(&text[start..]) {
            Some((base, reading, len)) => {
                if plain_from < start {
                    out.push(Segment::Text(&text[plain_from..start]));
                }
                out.push(Segment::Ruby { base, reading });
                at = start + len;
                plain_from = at;
            }
            None => at = start + 1,
        }
    }
    if plain_from < text.len() {
        out.push(Segment::Text(&text[plain_from..]));
    }
    out
}

/// `text` as read without the readings: `{神奈川県|かながわけん}` is `神奈川県`.
pub fn plain(text: &str) -> Cow<'_, str> {
    let parts = segments(text);
    if parts.iter().all(|p| matches!(p, Segment::Text(_))) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        parts
            .iter()
            .map(|p| match p {
                Segment::Text(t) => *t,
                Segment::Ruby { base, .. } => base,
            })
            .collect(),
    )
}

/// `text` for plain text, where ruby cannot be shown (an email): each reading follows its
/// word in brackets, as printed plain Japanese does: `{神奈川県|かながわけん}` is
/// `神奈川県（かながわけん）`.
pub fn bracketed(text: &str) -> String {
    segments(text)
        .iter()
        .map(|p| match p {
            Segment::Text(t) => (*t).to_owned(),
            Segment::Ruby { base, reading } => format!("{base}（{reading}）"),
        })
        .collect()
}

/// Whether `c` is a kanji (CJK unified ideographs, their extension A, and the iteration
/// mark 々, which takes a reading as its kanji does).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// Whether `c` is hiragana (with its marks and iteration marks).
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Whether `c` may be part of a reading: hiragana, katakana and the long-vowel mark.
pub fn is_kana(c: char) -> bool {
    is_hiragana(c) || matches!(c, '\u{30A0}'..='\u{30FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_plain_text_each_reading_follows_its_word_in_brackets() {
        assert_eq!(
            bracketed("{受付番号|うけつけばんごう}は{n}です"),
            "受付番号（うけつけばんごう）は{n}です"
        );
        assert_eq!(bracketed("no readings"), "no readings");
    }

    #[test]
    fn annotated_words_are_cut_out_of_the_text() {
        assert_eq!(
            segments("{神奈川県|かながわけん}の{病院|びょういん}です"),
            [
                Segment::Ruby {
                    base: "神奈川県",
                    reading: "かながわけん"
                },
                Segment::Text("の"),
                Segment::Ruby {
                    base: "病院",
                    reading: "びょういん"
                },
                Segment::Text("です"),
            ]
        );
    }

    #[test]
    fn braces_that_are_no_annotation_stay_text() {
        for text in [
            "{n}文字",
            "{label}は必須です",
            "{|よみ}",
            "{字|}",
            "{a|b|c}",
            "{開き",
            "{{字|じ}",
        ] {
            let joined: String = segments(text)
                .iter()
                .map(|s| match s {
                    Segment::Text(t) => t.to_string(),
                    Segment::Ruby { base, reading } => format!("[{base}/{reading}]"),
                })
                .collect();
            let expected = if text == "{{字|じ}" {
                "{[字/じ]"
            } else {
                text
            };
            assert_eq!(joined, expected, "{text}");
        }
        assert_eq!(segments(""), []);
    }

    #[test]
    fn plain_text_drops_the_readings_and_keeps_everything_else() {
        assert_eq!(plain("{質問|しつもん}を{送|おく}る"), "質問を送る");
        assert!(matches!(plain("Send {n} inquiries"), Cow::Borrowed(_)));
        assert_eq!(plain("{n}は{数|かず}"), "{n}は数");
    }

    #[test]
    fn kanji_and_kana_are_told_apart() {
        assert!("神奈川県々".chars().all(is_kanji));
        assert!("かながわカナガワー".chars().all(is_kana));
        assert!(!"Aあ1".chars().any(is_kanji));
        assert!(!"漢A1".chars().any(is_kana));
    }
}
