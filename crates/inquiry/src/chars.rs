//! Which characters an answer may hold, by their Unicode general category. A one-line
//! answer (a name, a subject, an address) is refused if it holds anything a reader cannot
//! see or that a program may read differently from a person: control and format
//! characters (zero-width spaces, joiners, bidirectional overrides, tag characters), line
//! and paragraph separators, private-use and unassigned code points. Every answer must hold
//! at least one character a person can see.
//!
//! Natively the categories come from the well-kept Unicode tables crate; in the browser
//! from the browser's own (`\p{…}` in a regular expression), so the reader downloads no
//! tables. Both follow the Unicode Standard; the endpoint, which decides, is never more
//! lenient than the form.

/// Whether `s` holds a character a one-line answer may not.
pub fn unusable_in_line(s: &str) -> bool {
    imp::unusable_in_line(s)
}

/// Whether `s` holds a letter, digit, punctuation mark or symbol: something a person sees.
pub fn has_visible(s: &str) -> bool {
    imp::has_visible(s)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use unicode_general_category::{get_general_category, GeneralCategory as G};

    pub fn unusable_in_line(s: &str) -> bool {
        s.chars().any(|c| {
            matches!(
                get_general_category(c),
                G::Control
                    | G::Format
                    | G::LineSeparator
                    | G::ParagraphSeparator
                    | G::PrivateUse
                    | G::Unassigned
                    | G::Surrogate
            )
        })
    }

    pub fn has_visible(s: &str) -> bool {
        s.chars().any(|c| {
            !matches!(
                get_general_category(c),
                G::Control
                    | G::Format
                    | G::LineSeparator
                    | G::ParagraphSeparator
                    | G::SpaceSeparator
                    | G::PrivateUse
                    | G::Unassigned
                    | G::Surrogate
                    | G::NonspacingMark
                    | G::EnclosingMark
                    | G::SpacingMark
            )
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    fn matches(pattern: &str, s: &str) -> bool {
        js_sys::RegExp::new(pattern, "u").test(s)
    }

    pub fn unusable_in_line(s: &str) -> bool {
        matches(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]", s)
    }

    pub fn has_visible(s: &str) -> bool {
        matches(r"[\p{L}\p{N}\p{P}\p{S}]", s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One character of each kind a one-line answer refuses.
    const REFUSED: [char; 12] = [
        '\u{0007}',   // bell (control)
        '\u{200B}',   // zero-width space (format)
        '\u{200D}',   // zero-width joiner (format)
        '\u{2060}',   // word joiner (format)
        '\u{FEFF}',   // byte-order mark (format)
        '\u{202E}',   // right-to-left override (format)
        '\u{E0041}',  // tag latin capital A (format)
        '\u{2028}',   // line separator
        '\u{2029}',   // paragraph separator
        '\u{E000}',   // private use
        '\u{0378}',   // unassigned
        '\u{10FFFF}', // noncharacter, unassigned
    ];

    #[test]
    fn invisible_and_private_characters_are_refused_in_a_line() {
        for c in REFUSED {
            assert!(
                unusable_in_line(&format!("山田{c}太郎")),
                "U+{:04X}",
                c as u32
            );
        }
        for fine in ["山田 太郎", "O'Brien-Smith", "José", "髙橋", "𠮷野", "Ａ"] {
            assert!(!unusable_in_line(fine), "{fine}");
        }
    }

    #[test]
    fn an_answer_needs_something_a_person_can_see() {
        for seen in ["a", "あ", "1", "・", "€", "😀"] {
            assert!(has_visible(seen), "{seen}");
        }
        for unseen in [
            "",
            " ",
            "\u{3000}",
            "\u{0301}\u{0301}",
            "\u{200B}",
            "\u{E000}",
        ] {
            assert!(!has_visible(unseen), "{unseen:?}");
        }
    }
}
