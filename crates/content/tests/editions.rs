//! The shipped editions pass every check, and each kind of content fault is reported with
//! the file, the key path and the locale.

use std::path::Path;

use hcnf_content::ruby::plain;
use hcnf_content::{
    check_editions, read_content_dir, ContentError, ContentErrorKind, Edition, PageId, SourceFile,
};
use serde_json::Value;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn shipped() -> Vec<(String, String)> {
    read_content_dir(content_dir())
        .expect("content/ is readable")
        .into_iter()
        .map(|f| (f.locale, f.json))
        .collect()
}

fn check(files: &[(String, String)]) -> Result<Vec<Edition>, Vec<ContentError>> {
    let labels: Vec<String> = files
        .iter()
        .map(|(l, _)| format!("content/{l}.json"))
        .collect();
    let sources: Vec<SourceFile<'_>> = files
        .iter()
        .zip(&labels)
        .map(|((locale, json), path)| SourceFile { path, locale, json })
        .collect();
    check_editions(&sources)
}

/// The shipped files with one edition's JSON changed by `edit`.
fn with_edit(locale: &str, edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut files = shipped();
    let (_, json) = files
        .iter_mut()
        .find(|(l, _)| l == locale)
        .expect("that locale ships");
    let mut v: Value = serde_json::from_str(json).unwrap();
    edit(&mut v);
    *json = serde_json::to_string_pretty(&v).unwrap();
    files
}

fn errors_of(files: &[(String, String)]) -> Vec<ContentError> {
    check(files).expect_err("the edit must be refused")
}

#[test]
fn english_and_japanese_editions_ship() {
    let locales: Vec<String> = shipped().into_iter().map(|(l, _)| l).collect();
    // More may be added by adding a file; these two the site promises.
    for code in ["en", "ja"] {
        assert!(
            locales.iter().any(|l| l == code),
            "{code} ships: {locales:?}"
        );
    }
}

#[test]
fn every_shipped_edition_passes_every_check() {
    if let Err(errors) = check(&shipped()) {
        panic!(
            "content errors:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn every_route_has_a_title_a_navigation_label_and_a_summary_in_every_locale() {
    for ed in check(&shipped()).unwrap() {
        for page in PageId::ALL {
            let head = ed.pages.head(page);
            for text in [&head.title, &head.nav_label, &head.summary] {
                assert!(!text.trim().is_empty(), "{} {:?}", ed.locale.code, page);
            }
        }
        let titles: std::collections::HashSet<_> = PageId::ALL
            .iter()
            .map(|p| &ed.pages.head(*p).nav_label)
            .collect();
        assert_eq!(
            titles.len(),
            PageId::ALL.len(),
            "navigation labels must differ in {}",
            ed.locale.code
        );
    }
}

#[test]
fn japanese_edition_uses_the_official_names() {
    let ja = check(&shipped())
        .unwrap()
        .into_iter()
        .find(|e| e.locale.code == "ja")
        .unwrap();
    let (_, ja_json) = shipped().into_iter().find(|(l, _)| l == "ja").unwrap();
    let json = serde_json::to_string(&serde_json::from_str::<Value>(&ja_json).unwrap()).unwrap();
    // The names as read, should the edition ever give readings over their kanji.
    let all = plain(&json);
    for name in [
        "ヘルスケア・ニューフロンティア構想",
        "健康寿命日本一",
        "国家戦略特別区域（国家戦略特区）",
        "メディカル・イノベーションスクール",
        "世界保健機関（WHO）",
        "慶應義塾大学",
        "早稲田大学",
        "東京工業大学",
        "東京科学大学",
        "ヘルスケア・ニューフロンティア推進本部室",
        "神奈川県横浜市中区日本大通1",
    ] {
        assert!(all.contains(name), "the Japanese edition never says {name}");
    }
    assert_eq!(ja.contact.tel.display, "045-285-0777");
    assert_eq!(ja.contact.fax.display, "045-210-8865");
}

#[test]
fn dates_are_data_and_format_per_locale() {
    for ed in check(&shipped()).unwrap() {
        // Every Japanese edition writes a month as 2015年10月; English as October 2015.
        let expected = if ed.locale.code.starts_with("ja") {
            "2015年10月"
        } else {
            "October 2015"
        };
        // As read: an edition that gives readings writes its pattern {year}{年|ねん}…, so the
        // month it formats carries them (2015{年|ねん}10{月|がつ}), shown over the kanji.
        let event = plain(&ed.ui.format_month(ed.pages.symposia.events[0].date)).into_owned();
        let since = plain(&ed.ui.format_month(ed.pages.hcnf_course.since)).into_owned();
        assert_eq!(
            (event.as_str(), since.as_str()),
            (expected, expected),
            "{}",
            ed.locale.code
        );
    }
}

#[test]
fn the_telephone_is_a_tel_link_in_every_locale() {
    for ed in check(&shipped()).unwrap() {
        assert_eq!(ed.contact.tel.href, "tel:+81-45-285-0777");
    }
}

#[test]
fn a_link_for_the_fax_is_refused_since_tapping_it_would_dial_a_fax_machine() {
    let files = with_edit("en", |v| {
        v["contact"]["fax"]["href"] = "tel:+81-45-210-8865".into();
    });
    let errors = errors_of(&files);
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.kind, ContentErrorKind::Malformed(_)) && e.path.contains("fax")),
        "{errors:?}"
    );
}

#[test]
fn wording_to_confirm_must_name_text_of_the_edition() {
    for ed in check(&shipped()).unwrap() {
        assert!(
            !ed.to_confirm.is_empty(),
            "{}: the promises await the office",
            ed.locale.code
        );
    }
    let files = with_edit("ja", |v| {
        v["to_confirm"][0] = "pages.inquiry.privacy.items[9].detail".into();
    });
    let errors = errors_of(&files);
    assert!(
        errors.iter().any(|e| e.locale == "ja"
            && e.path == "to_confirm[0]"
            && matches!(&e.kind, ContentErrorKind::UnknownPath(p) if p.contains("items[9]"))),
        "{errors:?}"
    );
}

#[test]
fn a_missing_key_names_the_file_the_path_and_the_locale() {
    let files = with_edit("ja", |v| {
        v["pages"]["symposia"]["events"][0]
            .as_object_mut()
            .unwrap()
            .remove("hosts");
    });
    let errors = errors_of(&files);
    let missing = errors
        .iter()
        .find(|e| matches!(e.kind, ContentErrorKind::MissingKey(_)))
        .expect("a missing-key error");
    assert_eq!(missing.file, "content/ja.json");
    assert_eq!(missing.locale, "ja");
    assert_eq!(missing.path, "pages.symposia.events[0].hosts");
    assert_eq!(missing.kind, ContentErrorKind::MissingKey("en".into()));
    let text = missing.to_string();
    for part in ["content/ja.json", "ja", "pages.symposia.events[0].hosts"] {
        assert!(text.contains(part), "{text}");
    }
}

#[test]
fn a_key_only_one_locale_has_is_reported_against_the_other() {
    let files = with_edit("en", |v| {
        v["ui"]["extra_button"] = Value::String("Extra".into());
    });
    let errors = errors_of(&files);
    assert!(errors.iter().any(|e| e.file == "content/ja.json"
        && e.path == "ui.extra_button"
        && e.kind == ContentErrorKind::MissingKey("en".into())));
    // And the typed model refuses the unknown key itself, so a typo cannot ship.
    assert!(errors.iter().any(|e| e.file == "content/en.json"
        && matches!(&e.kind, ContentErrorKind::Malformed(m) if m.contains("extra_button"))));
}

#[test]
fn an_empty_string_is_refused_with_its_path() {
    let files = with_edit("en", |v| {
        v["pages"]["overview"]["sections"][1]["heading"] = Value::String("  ".into())
    });
    let errors = errors_of(&files);
    assert!(errors.contains(&ContentError {
        file: "content/en.json".into(),
        locale: "en".into(),
        path: "pages.overview.sections[1].heading".into(),
        kind: ContentErrorKind::EmptyString,
    }));
}

#[test]
fn a_link_with_another_scheme_is_refused() {
    for href in [
        "javascript:alert(1)",
        "ftp://example.org/map",
        "/ja/contact",
        "data:text/html,hi",
    ] {
        let files = with_edit("ja", |v| {
            v["contact"]["tel"]["href"] = Value::String(href.into())
        });
        let errors = errors_of(&files);
        assert!(
            errors.contains(&ContentError {
                file: "content/ja.json".into(),
                locale: "ja".into(),
                path: "contact.tel.href".into(),
                kind: ContentErrorKind::LinkScheme(href.into()),
            }),
            "{href}: {errors:?}"
        );
    }
}

#[test]
fn malformed_json_names_the_file() {
    let mut files = shipped();
    let (_, ja) = files.iter_mut().find(|(l, _)| l == "ja").unwrap();
    *ja = ja.replacen("\"ui\": {", "\"ui\": {,", 1);
    let errors = errors_of(&files);
    assert!(errors.iter().any(|e| e.file == "content/ja.json"
        && e.locale == "ja"
        && matches!(e.kind, ContentErrorKind::Malformed(_))));
}

#[test]
fn a_bad_date_names_its_path() {
    let files = with_edit("en", |v| {
        v["pages"]["hcnf_course"]["since"] = Value::String("2015-13".into())
    });
    let errors = errors_of(&files);
    let e = errors
        .iter()
        .find(|e| e.path == "pages.hcnf_course.since")
        .expect("date error");
    assert_eq!(e.file, "content/en.json");
    assert!(
        matches!(&e.kind, ContentErrorKind::Malformed(m) if m.contains("month")),
        "{e}"
    );
}

#[test]
fn a_list_of_entries_must_correspond_across_locales() {
    let files = with_edit("ja", |v| {
        v["pages"]["hcnf_course"]["universities"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    let errors = errors_of(&files);
    assert!(errors.iter().any(|e| e.file == "content/ja.json"
        && e.path == "pages.hcnf_course.universities"
        && e.kind
            == ContentErrorKind::LengthMismatch {
                other: "en".into(),
                ours: 2,
                theirs: 3
            }));
}

#[test]
fn a_file_whose_code_disagrees_with_its_name_is_refused() {
    let files = with_edit("ja", |v| v["locale"]["code"] = Value::String("jp".into()));
    let errors = errors_of(&files);
    assert!(errors.iter().any(|e| e.path == "locale.code"
        && e.kind
            == ContentErrorKind::LocaleCode {
                expected: "ja".into(),
                found: "jp".into()
            }));
}

#[test]
fn a_page_without_its_last_change_is_refused_with_what_to_write() {
    // Taken from every edition, so no other edition's key hides the fault as a mismatch.
    let mut files = shipped();
    for (_, json) in &mut files {
        let mut v: Value = serde_json::from_str(json).unwrap();
        v["pages"]["symposia"]["head"]
            .as_object_mut()
            .unwrap()
            .remove("updated");
        *json = serde_json::to_string_pretty(&v).unwrap();
    }
    let errors = errors_of(&files);
    for locale in ["en", "ja", "ja-x-easy"] {
        let e = errors
            .iter()
            .find(|e| e.locale == locale && e.kind == ContentErrorKind::PageUndated)
            .unwrap_or_else(|| panic!("{locale}: {errors:?}"));
        assert_eq!(e.file, format!("content/{locale}.json"));
        assert_eq!(e.path, "pages.symposia.head.updated");
        assert!(e.to_string().contains(r#""updated": "YYYY-MM-DD""#), "{e}");
    }
}

#[test]
fn a_last_change_that_is_no_calendar_day_is_refused() {
    for (bad, why) in [
        ("2026-02-30", "no calendar day"),
        ("7 Dec 2026", "YYYY-MM-DD"),
    ] {
        let files = with_edit("ja", |v| {
            v["pages"]["contact"]["head"]["updated"] = Value::String(bad.into())
        });
        let errors = errors_of(&files);
        assert!(
            errors.iter().any(|e| e.path == "pages.contact.head.updated"
                && matches!(&e.kind, ContentErrorKind::Malformed(m) if m.contains(why))),
            "{bad}: {errors:?}"
        );
    }
}

#[test]
fn the_last_change_label_must_show_the_day() {
    let files = with_edit("en", |v| {
        v["ui"]["updated"] = Value::String("Last updated".into())
    });
    let errors = errors_of(&files);
    assert!(errors.contains(&ContentError {
        file: "content/en.json".into(),
        locale: "en".into(),
        path: "ui.updated".into(),
        kind: ContentErrorKind::Placeholder("{date}"),
    }));
}

/// The shipped files with `contact.map` set to `href` in every edition.
fn with_map(href: &str) -> Vec<(String, String)> {
    let mut files = shipped();
    for (_, json) in &mut files {
        let mut v: Value = serde_json::from_str(json).unwrap();
        v["contact"]["map"] = serde_json::json!({ "label": "Map", "href": href });
        *json = serde_json::to_string_pretty(&v).unwrap();
    }
    files
}

#[test]
fn the_office_map_is_the_prefectures_own_page_or_none() {
    // Shipped without one: the seed names the prefecture's map but gives no address for
    // it, and the postal address says where the office is.
    for ed in check(&shipped()).unwrap() {
        assert!(ed.contact.map.is_none(), "{}", ed.locale.code);
    }
    let guessed = "https://www.openstreetmap.org/?mlat=35.44764&mlon=139.64246";
    let errors = errors_of(&with_map(guessed));
    for locale in ["en", "ja", "ja-x-easy"] {
        assert!(
            errors.iter().any(|e| e.locale == locale
                && e.path == "contact.map.href"
                && e.kind == ContentErrorKind::MapElsewhere(guessed.into())),
            "{locale}: {errors:?}"
        );
    }
    let own = "https://www.pref.kanagawa.jp/docs/example/map.html";
    let eds = check(&with_map(own)).expect("a map on the prefecture's site is taken");
    assert!(eds
        .iter()
        .all(|ed| ed.contact.map.as_ref().unwrap().href == own));
}
