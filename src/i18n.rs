//! Which editions exist, which one a reader gets, and the current one in context.
//!
//! A small module of our own rather than leptos_i18n: our content is typed structs from
//! serde, checked at build time by `build.rs`, so a key-per-string macro layer would add
//! wasm size and a second source of truth without catching anything more.

use hcnf_content::{ContactInfo, Edition, InquiryPage};
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/editions.rs"));

/// The locale a reader gets when nothing they prefer is on offer.
const DEFAULT_CODE: &str = "en";

/// One of the editions bundled into the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale(usize);

impl Locale {
    /// Every bundled locale, ordered by code.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LOCALE_COUNT).map(Locale)
    }

    /// The locale whose code is `code` exactly (`en`, `ja`).
    pub fn from_code(code: &str) -> Option<Locale> {
        SOURCES.iter().position(|(c, _)| *c == code).map(Locale)
    }

    /// The fallback: English.
    pub fn fallback() -> Locale {
        Locale::from_code(DEFAULT_CODE).unwrap_or(Locale(0))
    }

    /// The BCP 47 code, also the URL prefix.
    pub fn code(self) -> &'static str {
        SOURCES[self.0].0
    }

    /// The language's name for itself (`English`, `日本語`), without parsing its edition.
    pub fn name(self) -> &'static str {
        SOURCES[self.0].1
    }

    /// This locale's content: data in the build, nothing to parse or build at run time.
    pub fn edition(self) -> &'static Edition {
        // build.rs checked the content with the same model and wrote it as a static.
        &EDITIONS[self.0]
    }

    /// This locale's inquiry page: the same words as the edition's, in a static of their
    /// own, so the form's wasm carries them without every other page's (build.rs).
    pub fn inquiry(self) -> &'static InquiryPage {
        &INQUIRY[self.0]
    }

    /// This locale's contact details, apart like [`Locale::inquiry`].
    pub fn contact(self) -> &'static ContactInfo {
        &CONTACT[self.0]
    }

    /// The words that mark a link to another site, apart like [`Locale::inquiry`].
    pub fn external_link(self) -> &'static str {
        &EXTERNAL_LINK[self.0]
    }
}

/// What goes between two pieces of text joined on screen: a space where both sides are
/// of a script that spaces its words ("Error:" and "Send an inquiry"), nothing where
/// either is Japanese, whose brackets and colons carry their own room (「エラー：」).
pub(crate) fn seam(before: &str, after: &str) -> &'static str {
    use hcnf_content::ruby::plain;
    let spaced = |c: Option<char>| c.is_some_and(|c| c.is_ascii());
    // Judged on the text as read: a reading's closing brace is no letter.
    if spaced(plain(before).chars().next_back()) && spaced(plain(after).chars().next()) {
        " "
    } else {
        ""
    }
}

/// The locale of the page being shown, provided by the layout.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CurrentLocale(pub Locale);

/// The current page's edition; panics outside the layout, which is a programming error.
pub(crate) fn use_edition() -> &'static Edition {
    expect_context::<CurrentLocale>().0.edition()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_text_is_spaced_only_between_spaced_scripts() {
        assert_eq!(seam("Error:", "Send an inquiry"), " ");
        assert_eq!(seam("Map (OpenStreetMap)", "(external site)"), " ");
        assert_eq!(seam("エラー：", "お問い合わせ"), "");
        assert_eq!(seam("地図（OpenStreetMap）", "（外部サイト）"), "");
        assert_eq!(seam("アドレス：", "https://example.jp/"), "");
        assert_eq!(seam("", "x"), "");
        assert_eq!(seam("{住所|じゅうしょ}", "https://example.jp/"), "");
    }

    #[test]
    fn every_bundled_edition_is_its_content_file_as_the_model_reads_it() {
        for l in Locale::all() {
            let file = format!("{}/content/{}.json", env!("CARGO_MANIFEST_DIR"), l.code());
            let json = std::fs::read_to_string(&file).unwrap();
            let parsed = hcnf_content::parse_edition(&file, l.code(), &json).unwrap();
            // Every field compared, through the model's Debug.
            assert_eq!(
                format!("{:?}", l.edition()),
                format!("{parsed:?}"),
                "{file}"
            );
        }
    }

    #[test]
    fn the_parts_the_form_reads_apart_are_its_editions_own() {
        for l in Locale::all() {
            let ed = l.edition();
            assert_eq!(
                format!("{:?}", l.inquiry()),
                format!("{:?}", ed.pages.inquiry),
                "{}",
                l.code()
            );
            assert_eq!(
                format!("{:?}", l.contact()),
                format!("{:?}", ed.contact),
                "{}",
                l.code()
            );
            assert_eq!(l.external_link(), ed.ui.external_link, "{}", l.code());
        }
    }

    #[test]
    fn every_bundled_edition_parses_and_matches_its_code() {
        for l in Locale::all() {
            assert_eq!(l.edition().locale.code, l.code());
            assert_eq!(l.edition().locale.name, l.name());
        }
        // Adding a locale is adding a file, so only the two the site promises are required.
        for code in ["en", "ja"] {
            assert!(Locale::from_code(code).is_some(), "{code} ships");
        }
    }
}
