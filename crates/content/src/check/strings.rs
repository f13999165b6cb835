//! The faults one string of an edition can have on its own: readings that are not kana
//! over kanji, or missing where the edition gives them, and links to a scheme a government
//! page should not send a reader to.

use super::ContentErrorKind;

/// URL schemes a content link may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["https", "http", "tel", "mailto"];

/// What is wrong with the readings in `text`: each must be kana over a word with kanji;
/// where the edition gives `readings`, no kanji may go without one, and elsewhere none is
/// given.
pub(super) fn reading_faults(text: &str, readings: bool) -> Vec<ContentErrorKind> {
    use crate::ruby::{is_kana, is_kanji, segments, Segment};
    let mut faults = Vec::new();
    for segment in segments(text) {
        match segment {
            Segment::Text(t) if readings && t.chars().any(is_kanji) => {
                faults.push(ContentErrorKind::KanjiWithoutReading(t.to_owned()));
            }
            Segment::Text(_) => {}
            Segment::Ruby { base, .. } if !readings => {
                faults.push(ContentErrorKind::UnexpectedReading(base.to_owned()));
            }
            Segment::Ruby { base, reading } => {
                if !reading.chars().all(is_kana) {
                    faults.push(ContentErrorKind::ReadingNotKana {
                        base: base.to_owned(),
                        reading: reading.to_owned(),
                    });
                }
                if !base.chars().any(is_kanji) {
                    faults.push(ContentErrorKind::ReadingWithoutKanji(base.to_owned()));
                }
            }
        }
    }
    faults
}

pub(super) fn has_allowed_scheme(href: &str) -> bool {
    href.split_once(':').is_some_and(|(scheme, rest)| {
        ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) && !rest.trim().is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_kana_over_kanji_and_cover_every_kanji_where_the_edition_gives_them() {
        use ContentErrorKind::*;
        assert_eq!(reading_faults("{質問|しつもん}を{送|おく}る", true), []);
        assert_eq!(reading_faults("Send {n} answers", true), []);
        assert_eq!(
            reading_faults("{質問|しつもん}を送る", true),
            [KanjiWithoutReading("を送る".into())]
        );
        assert_eq!(
            reading_faults("{質問|shitsumon}", true),
            [ReadingNotKana {
                base: "質問".into(),
                reading: "shitsumon".into()
            }]
        );
        assert_eq!(
            reading_faults("{かな|かな}", true),
            [ReadingWithoutKanji("かな".into())]
        );
        assert_eq!(reading_faults("質問を送る", false), []);
        assert_eq!(
            reading_faults("{質問|しつもん}", false),
            [UnexpectedReading("質問".into())]
        );
    }

    #[test]
    fn allowed_schemes_are_exactly_the_four() {
        for ok in [
            "https://example.org",
            "http://example.org",
            "tel:+81452850777",
            "mailto:a@b.jp",
            "HTTPS://x",
        ] {
            assert!(has_allowed_scheme(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "data:text/html,x",
            "/en/contact",
            "example.org",
            "tel:",
            "https:",
        ] {
            assert!(!has_allowed_scheme(bad), "{bad}");
        }
    }
}
