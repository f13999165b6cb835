//! The locale a draft carries: every edition's code passes, anything else a script could
//! put there does not.

use hcnf_inquiry::is_locale_tag;

#[test]
fn the_editions_codes_are_locale_tags() {
    for tag in ["en", "ja", "ja-x-easy", "zh-Hant-TW", "en-GB"] {
        assert!(is_locale_tag(tag), "{tag}");
    }
}

#[test]
fn text_that_is_not_a_language_tag_is_refused() {
    let long = format!("ja-{}", ["abcdefgh"; 4].join("-"));
    for tag in [
        "",
        "j",
        "-ja",
        "ja-",
        "ja--x",
        "ja_JP",
        "ja x",
        "日本語",
        "ja-abcdefghi",
        "1a",
        "=cmd",
        &long,
    ] {
        assert!(!is_locale_tag(tag), "{tag:?}");
    }
}
