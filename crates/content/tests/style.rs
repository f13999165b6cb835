//! The content reads as an office would sign it off: each kind of mistake an editor found
//! once has a check here, so it cannot come back.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use hcnf_content::ruby::{plain, segments, Segment};
use hcnf_content::{parse_edition, read_content_dir, Edition, PageId};
use serde_json::Value;

/// Each shipped edition, with every string it holds (key path and text).
fn editions() -> Vec<(Edition, Vec<(String, String)>)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    read_content_dir(dir)
        .expect("content/ is readable")
        .into_iter()
        .map(|f| {
            let edition = parse_edition(&f.locale, &f.locale, &f.json).expect("it parses");
            let mut texts = Vec::new();
            strings(&serde_json::from_str(&f.json).unwrap(), "", &mut texts);
            (edition, texts)
        })
        .collect()
}

fn strings(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let sep = if path.is_empty() { "" } else { "." };
                strings(item, &format!("{path}{sep}{k}"), out);
            }
        }
        _ => {}
    }
}

/// The strings a reader reads (not link targets, codes or patterns), as read: a word's
/// reading (`{漢字|かんじ}`) is shown over it, not in the sentence, so it is left out.
fn prose(texts: &[(String, String)]) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
    shown(texts).map(|(path, text)| (path, plain(text)))
}

/// The same strings as they are written, readings and all.
fn shown(texts: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    texts
        .iter()
        .filter(|(path, _)| {
            !(path.ends_with("href")
                || path.starts_with("to_confirm")
                || path.starts_with("locale.code")
                || path.contains("date")
                || path.ends_with(".since"))
        })
        .map(|(path, text)| (path.as_str(), text.as_str()))
}

fn is_japanese(code: &str) -> bool {
    code == "ja" || code.starts_with("ja-")
}

#[test]
fn japanese_sentences_have_no_half_width_spaces_between_japanese_words() {
    let mut checked = 0;
    for (ed, texts) in editions() {
        if !is_japanese(&ed.locale.code) {
            continue;
        }
        for (path, text) in prose(&texts) {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                assert!(
                    !(w[1] == ' ' && !w[0].is_ascii() && !w[2].is_ascii()),
                    "{}: {path}: a half-width space inside a Japanese sentence: {text}",
                    ed.locale.code
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} Japanese strings");
}

#[test]
fn full_names_come_before_their_abbreviations() {
    for (ed, texts) in editions() {
        let pairs: &[(&str, &str)] = if is_japanese(&ed.locale.code) {
            &[
                ("国家戦略特別区域", "国家戦略特区"),
                ("世界保健機関", "WHO"),
            ]
        } else {
            &[
                ("Healthcare New Frontier", "HCNF"),
                ("Medical Innovation School", "MIS"),
                ("World Health Organization", "WHO"),
            ]
        };
        let all: String = prose(&texts).map(|(_, t)| t).collect::<Vec<_>>().join("\n");
        for (full, short) in pairs {
            let first_short = all.find(short);
            let first_full = all.find(full);
            if let Some(short_at) = first_short {
                let full_at = first_full.unwrap_or_else(|| {
                    panic!("{}: {short} is never written out as {full}", ed.locale.code)
                });
                assert!(
                    full_at <= short_at,
                    "{}: {short} appears before {full}",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn english_keeps_to_one_spelling_standard() {
    // American spelling, as the symposium's own name ("on Aging") has it.
    let british = [
        "realise",
        "organise",
        "recognise",
        "prioritise",
        "ageing",
        "programme",
        "centre",
        "colour",
        "behaviour",
        "licence",
        "favour",
    ];
    for (ed, texts) in editions() {
        if ed.locale.code != "en" {
            continue;
        }
        for (path, text) in prose(&texts) {
            let lower = text.to_lowercase();
            for word in british {
                assert!(!lower.contains(word), "{path}: {word:?} in {text}");
            }
            // One style of quotes too: the straight ones a keyboard types, as in "Prefecture's".
            for curly in ['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}'] {
                assert!(
                    !text.contains(curly),
                    "{path}: {curly:?} in {text}: write straight quotes, ' and \""
                );
            }
        }
    }
}

#[test]
fn no_technical_jargon_reaches_a_reader() {
    let jargon = [
        "control character",
        "制御文字",
        "unicode",
        "utf-8",
        "null",
        "http",
    ];
    for (ed, texts) in editions() {
        for (path, text) in prose(&texts) {
            let lower = text.to_lowercase();
            for word in jargon {
                assert!(
                    !lower.contains(word),
                    "{}: {path}: {word:?} in {text}",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn examples_never_use_the_offices_own_numbers() {
    for (ed, texts) in editions() {
        let own: Vec<String> = [&ed.contact.tel.display, &ed.contact.fax.display]
            .into_iter()
            .map(|n| n.chars().filter(char::is_ascii_digit).collect::<String>())
            .map(|digits| {
                digits
                    .trim_start_matches("81")
                    .trim_start_matches('0')
                    .to_owned()
            })
            .collect();
        for (path, text) in prose(&texts) {
            if !(path.contains(".hint") || path.contains(".errors.")) {
                continue;
            }
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            for number in &own {
                assert!(
                    !digits.contains(number.as_str()),
                    "{}: {path}: {text}",
                    ed.locale.code
                );
            }
        }
    }
}

/// The telephone numbers written in `text` (digits in groups joined by `-` or a space, with
/// `+81` or a leading 0), each as its groups.
fn telephone_numbers(text: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut groups: Vec<String> = vec![String::new()];
    let mut flush = |groups: &mut Vec<String>| {
        groups.retain(|g| !g.is_empty());
        let digits: usize = groups.iter().map(|g| g.trim_start_matches('+').len()).sum();
        let national = groups
            .first()
            .is_some_and(|g| g.starts_with('0') || g == "+81");
        if groups.len() >= 3 && digits >= 10 && national {
            found.push(std::mem::take(groups));
        }
        *groups = vec![String::new()];
    };
    for c in text.chars() {
        match c {
            '0'..='9' | '+' => groups.last_mut().unwrap().push(c),
            '-' | ' ' if !groups.last().unwrap().is_empty() => groups.push(String::new()),
            _ => flush(&mut groups),
        }
    }
    flush(&mut groups);
    found
}

#[test]
fn example_telephone_numbers_can_reach_no_one() {
    // After the area code a Japanese number's local part never starts with 0 (0 is the
    // trunk prefix), so 045-000-0000 is nobody's; 03-1234-5678 may well be someone's.
    assert_eq!(telephone_numbers("例：03-1234-5678）").len(), 1);
    assert_eq!(
        telephone_numbers("like 045-000-0000 or +81 45 000 0000").len(),
        2
    );
    // The national digits of a number, without +81 or the trunk 0.
    let national = |n: &str| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        let digits = digits.strip_prefix("81").unwrap_or(&digits);
        digits.trim_start_matches('0').to_owned()
    };
    for (ed, texts) in editions() {
        let own = [
            national(&ed.contact.tel.display),
            national(&ed.contact.fax.display),
        ];
        for (path, text) in prose(&texts) {
            for groups in telephone_numbers(&text) {
                if own.contains(&national(&groups.concat())) {
                    continue;
                }
                let local = if groups[0] == "+81" {
                    &groups[2]
                } else {
                    &groups[1]
                };
                assert!(
                    local.starts_with('0'),
                    "{}: {path}: {} could be someone's number; write an example such as \
                     045-000-0000",
                    ed.locale.code,
                    groups.join("-")
                );
            }
        }
    }
}

/// How each day of the month is said, the 1st to the 31st: the first ten, the 14th, 20th
/// and 24th in native numbers, which no rule of the digits gives.
const DAYS_SAID: [&str; 31] = [
    "ついたち",
    "ふつか",
    "みっか",
    "よっか",
    "いつか",
    "むいか",
    "なのか",
    "ようか",
    "ここのか",
    "とおか",
    "じゅういちにち",
    "じゅうににち",
    "じゅうさんにち",
    "じゅうよっか",
    "じゅうごにち",
    "じゅうろくにち",
    "じゅうしちにち",
    "じゅうはちにち",
    "じゅうくにち",
    "はつか",
    "にじゅういちにち",
    "にじゅうににち",
    "にじゅうさんにち",
    "にじゅうよっか",
    "にじゅうごにち",
    "にじゅうろくにち",
    "にじゅうしちにち",
    "にじゅうはちにち",
    "にじゅうくにち",
    "さんじゅうにち",
    "さんじゅういちにち",
];

#[test]
fn a_day_of_the_month_is_read_as_it_is_said() {
    for (ed, texts) in editions() {
        let code = ed.locale.code.as_ref();
        for (n, word) in ed.ui.date.days.iter().enumerate() {
            let day = n + 1;
            let expected = match code {
                "en" => day.to_string(),
                "ja" => format!("{day}日"),
                _ if ed.locale.kanji_readings => format!("{{{day}日|{}}}", DAYS_SAID[n]),
                _ => continue,
            };
            assert_eq!(word, &expected, "{code}: ui.date.days[{n}]");
        }
        // A day written as digits and a reading of 日 alone reads 1日 as いちにち.
        if ed.locale.kanji_readings {
            for (path, text) in &texts {
                let after_digit = text
                    .match_indices("{日|")
                    .any(|(at, _)| text[..at].ends_with(|c: char| c.is_ascii_digit() || c == '}'));
                assert!(
                    !after_digit,
                    "{code}: {path}: {text}: write the day from ui.date.days"
                );
            }
        }
    }
}

#[test]
fn consent_is_asked_for_as_consent() {
    // "I have read it; that is fine" is not consent: the box and the check page say 同意.
    for (ed, _) in editions() {
        if !is_japanese(&ed.locale.code) {
            continue;
        }
        let form = &ed.pages.inquiry.form;
        for (what, text) in [
            ("label", &form.consent.label),
            ("consent_given", &ed.pages.inquiry.check.consent_given),
        ] {
            assert!(
                plain(text).contains("同意"),
                "{}: the consent {what} should say 同意: {text}",
                ed.locale.code
            );
        }
    }
}

#[test]
fn a_fields_error_names_no_other_field() {
    for (ed, _) in editions() {
        let form = &ed.pages.inquiry.form;
        let e = &form.errors;
        let by_field = [
            ("name", vec![&e.name_required]),
            ("email", vec![&e.email_required, &e.email_invalid]),
            ("phone", vec![&e.phone_invalid]),
            ("category", vec![&e.category_required, &e.category_invalid]),
            ("subject", vec![&e.subject_required]),
            ("message", vec![&e.message_required]),
        ];
        let labels = [
            ("name", &form.name.label),
            ("email", &form.email.label),
            ("phone", &form.phone.label),
            ("category", &form.category.label),
            ("subject", &form.subject.label),
            ("message", &form.message.label),
        ];
        for (field, messages) in &by_field {
            for (other, label) in labels {
                // A one-word label, as a word of the message (so "subjects" counts too).
                if other == *field || label.contains(' ') {
                    continue;
                }
                let label = plain(label);
                for message in messages {
                    assert!(
                        !plain(message)
                            .to_lowercase()
                            .contains(&label.to_lowercase()),
                        "{}: the {field} error names {other}: {message}",
                        ed.locale.code
                    );
                }
            }
        }
    }
}

#[test]
fn leads_and_paragraphs_end_as_sentences_do() {
    for (ed, texts) in editions() {
        let end = if is_japanese(&ed.locale.code) {
            '。'
        } else {
            '.'
        };
        for (path, text) in &texts {
            if path.ends_with(".lead") || path.contains(".paragraphs[") {
                assert!(
                    plain(text).ends_with(end),
                    "{}: {path}: {text}",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn the_menu_has_no_two_entries_one_could_take_for_the_other() {
    for (ed, _) in editions() {
        let labels: Vec<String> = PageId::ALL
            .into_iter()
            .map(|p| {
                plain(&ed.pages.head(p).nav_label)
                    .trim_start_matches('お')
                    .to_lowercase()
            })
            .collect();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(
                    !a.contains(b.as_str()) && !b.contains(a.as_str()),
                    "{}: {a:?} and {b:?} read alike in the menu",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn the_privacy_notice_names_who_handles_the_data_not_a_recipient() {
    // 「提供先」 ("given to") beside "given to no third party" contradicts itself.
    for (ed, _) in editions() {
        for item in ed.pages.inquiry.privacy.items.iter() {
            assert!(
                !plain(&item.term).contains("提供先"),
                "{}: {}",
                ed.locale.code,
                item.term
            );
        }
    }
}

#[test]
fn an_edition_that_gives_readings_reads_each_word_one_way() {
    // Words written alike that are different words, each read its own way in its sentences.
    let read_more_ways: &[(&str, &[&str])] = &[
        // 行く (to go) and 行 (a line of text): ページの内容へ行く, 文字や行の間.
        ("行", &["い", "ぎょう"]),
        // 日 (a day) and the counter of a date: 生まれた日, {day}日.
        ("日", &["ひ", "にち"]),
    ];
    let mut checked = 0;
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        // Every string, patterns and month names too: a date reads 月 as the prose does.
        let mut readings: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (_, text) in &texts {
            for segment in segments(text) {
                if let Segment::Ruby { base, reading } = segment {
                    readings.entry(base).or_default().insert(reading);
                }
            }
        }
        assert!(!readings.is_empty(), "{}: no readings", ed.locale.code);
        for (base, found) in &readings {
            if found.len() == 1 {
                continue;
            }
            let allowed = read_more_ways
                .iter()
                .find(|(word, _)| word == base)
                .map_or(&[][..], |(_, ways)| *ways);
            assert!(
                found.iter().all(|r| allowed.contains(r)),
                "{}: {base} is read as {found:?}; one word has one reading",
                ed.locale.code
            );
        }
        checked += 1;
    }
    assert!(
        checked > 0,
        "no edition gives readings (locale.kanji_readings)"
    );
}

/// `text` as sentences, each with its full stop.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['。', '？', '！'])
}

#[test]
fn the_privacy_notice_names_the_act_the_retention_rule_and_the_requests() {
    // What an office's notice says, in every edition: the law it handles the data under
    // (the Act, which applies to prefectures since 1 April 2023), that it gives the data to
    // no one except where this is based on laws and regulations (法令に基づく場合, no more
    // and no less: not only "the law requires it", nor "the law permits it"), how long an
    // inquiry is kept as a rule one can check (a number of days from receipt, as
    // `hcnf-endpoint purge` counts them), and the three requests the Act gives the person
    // the data is about.
    for (ed, _) in editions() {
        let code = ed.locale.code.as_ref();
        let notice: String = ed
            .pages
            .inquiry
            .privacy
            .items
            .iter()
            .map(|item| format!("{}\n{}\n", plain(&item.term), plain(&item.detail)))
            .collect();
        // Each entry: what the notice must say, in any one of these words.
        let says: &[(&str, &[&str])] = match code {
            "en" => &[
                (
                    "the Act",
                    &["Act on the Protection of Personal Information"],
                ),
                ("its number", &["Act No. 57 of 2003"]),
                ("since when it applies", &["1 April 2023"]),
                (
                    "every case the law provides for",
                    &["based on laws and regulations"],
                ),
                ("days from receipt", &[" days from the day we receive"]),
                ("the disclosure request", &["disclosure request"]),
                ("the correction request", &["correction request"]),
                ("the request to stop its use", &["request to stop"]),
            ],
            "ja" => &[
                ("the Act", &["個人情報の保護に関する法律"]),
                ("its number", &["平成15年法律第57号"]),
                ("since when it applies", &["2023年4月1日"]),
                (
                    "every case the law provides for",
                    &["法令に基づく場合を除き"],
                ),
                ("days from receipt", &["受け付けた日から"]),
                ("the disclosure request", &["開示請求"]),
                ("the correction request", &["訂正請求"]),
                ("the request to stop its use", &["利用停止請求"]),
            ],
            _ => &[
                ("the Act", &["個人情報の保護に関する法律"]),
                ("its number", &["平成15年法律第57号"]),
                ("since when it applies", &["2023年4月1日"]),
                (
                    "every case the law provides for",
                    &["法令（法律などの決まり）に基づく"],
                ),
                ("days from receipt", &["受け取った日から"]),
                ("the disclosure request", &["開示請求"]),
                ("the correction request", &["訂正請求"]),
                ("the request to stop its use", &["利用停止請求"]),
            ],
        };
        for (what, words) in says {
            assert!(
                words.iter().any(|w| notice.contains(w)),
                "{code}: the privacy notice should name {what} (as {words:?}):\n{notice}"
            );
        }
        // A number of days, not "as long as the rules require".
        let days = if is_japanese(code) { "日間" } else { " days" };
        let counted = notice
            .match_indices(days)
            .any(|(at, _)| notice[..at].ends_with(|c: char| c.is_ascii_digit()));
        assert!(
            counted,
            "{code}: the privacy notice should say how many days an inquiry is kept:\n{notice}"
        );
        assert!(
            !notice.contains("unless the law requires"),
            "{code}: 法令に基づく場合 is where a law permits or requires it:\n{notice}"
        );
    }
}

#[test]
fn the_accessibility_policy_has_the_parts_public_bodies_publish() {
    // The ウェブアクセシビリティ方針 of 総務省「みんなの公共サイト運用ガイドライン」: its scope,
    // the level aimed at and the degree claimed (準拠, 一部準拠 or 配慮, explained), when it
    // applies from, what it excepts; worded as a practice, not as a guarantee.
    for (ed, _) in editions() {
        let code = ed.locale.code.as_ref();
        let page = &ed.pages.accessibility;
        let headings: Vec<String> = page
            .sections
            .iter()
            .map(|s| plain(&s.heading).into_owned())
            .collect();
        let text: String = page
            .sections
            .iter()
            .flat_map(|s| std::iter::once(&s.heading).chain(s.paragraphs.iter()))
            .chain([&page.lead])
            .map(|t| format!("{}\n", plain(t)))
            .collect();
        let (parts, says, promises): (&[&str], &[&str], &[&str]) = match code {
            "en" => (
                &[
                    "Scope",
                    "Target level and degree of conformance",
                    "Start date",
                    "Exceptions",
                ],
                &[
                    "JIS X 8341-3:2016",
                    "level AA",
                    "WCAG",
                    "conforms",
                    "partially conforms",
                    "takes the standard into consideration",
                    "embed",
                    "inquiry form",
                ],
                &[
                    "every change",
                    "always",
                    "guarantee",
                    "is not published until",
                ],
            ),
            "ja" => (
                &[
                    "対象範囲",
                    "目標とする適合レベル及び対応度",
                    "対応開始日",
                    "例外事項",
                ],
                &[
                    "JIS X 8341-3:2016",
                    "適合レベルAA",
                    "WCAG",
                    "準拠",
                    "一部準拠",
                    "配慮",
                    "埋め込",
                    "お問い合わせフォーム",
                ],
                &["必ず", "保証"],
            ),
            // Plain Japanese keeps the official names and explains them, in its own headings.
            _ => (
                &["対象範囲", "適合レベル", "対応度", "対応開始日", "例外事項"],
                &[
                    "JIS X 8341-3:2016",
                    "レベルAA",
                    "WCAG",
                    "準拠",
                    "一部準拠",
                    "配慮",
                    "質問を送るページ",
                ],
                &["必ず", "保証"],
            ),
        };
        for part in parts {
            let named = if is_japanese(code) && ed.locale.kanji_readings {
                text.contains(part)
            } else {
                headings.iter().any(|h| h == part)
            };
            assert!(
                named,
                "{code}: the accessibility policy has no part {part:?}: {headings:?}"
            );
        }
        for word in says {
            assert!(
                text.contains(word),
                "{code}: the accessibility policy should say {word:?}:\n{text}"
            );
        }
        let lower = text.to_lowercase();
        for word in promises {
            assert!(
                !lower.contains(word),
                "{code}: {word:?} promises what a test cannot; say what the office does:\n{text}"
            );
        }
    }
}

#[test]
fn plain_japanese_says_an_exception_in_a_sentence_of_its_own() {
    // 「法律で決まっているとき以外は、渡しません」 asks the reader to undo a negative. Plain
    // Japanese says it positively in two sentences: 渡しません。決まっているときだけ、渡します。
    let exceptions = ["以外", "除いて", "除き", "除く", "のほかは"];
    let negatives = ["ません", "ない", "なく", "ずに"];
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        for (path, text) in prose(&texts) {
            for sentence in sentences(&text) {
                for exception in exceptions {
                    let Some(at) = sentence.find(exception) else {
                        continue;
                    };
                    let rest = &sentence[at..];
                    assert!(
                        !negatives.iter().any(|n| rest.contains(n)),
                        "{}: {path}: an exception inside a negative: {sentence}: say what is \
                         done, then the exception, each in its own sentence",
                        ed.locale.code
                    );
                }
            }
        }
    }
}

/// The page names a text gives: 「問い合わせ先」のページ, "the Contact page".
fn pages_named(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("」のページ") {
        if let Some(open) = text[..at].rfind('「') {
            names.push(text[open + '「'.len_utf8()..at].to_owned());
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        if word.trim_end_matches(|c: char| c.is_ascii_punctuation()) != "page" {
            continue;
        }
        let mut from = i;
        while from > 0 && words[from - 1].starts_with(|c: char| c.is_ascii_uppercase()) {
            from -= 1;
        }
        if from < i && from > 0 && words[from - 1].eq_ignore_ascii_case("the") {
            names.push(words[from..i].join(" "));
        }
    }
    names
}

#[test]
fn a_page_is_called_by_one_name() {
    assert_eq!(
        pages_named("「問い合わせ先」のページにあります。"),
        ["問い合わせ先"]
    );
    assert_eq!(
        pages_named("are on the Contact page, and the previous page"),
        ["Contact"]
    );
    for (ed, texts) in editions() {
        let code = ed.locale.code.as_ref();
        // In Japanese the contact page's menu entry, title and the contact block's heading
        // are one name: a reader looks for the words the menu gave them.
        if is_japanese(code) {
            let head = &ed.pages.contact.head;
            let name = plain(&head.nav_label);
            for (what, text) in [
                ("title", &head.title),
                ("contact.heading", &ed.contact.heading),
            ] {
                assert_eq!(
                    plain(text),
                    name,
                    "{code}: the contact page is {name:?} in the menu but its {what} says {text}"
                );
            }
        }
        // The inquiry page is one name in every edition: its menu entry is its title, and
        // a text that points a reader to it uses that name, not another one for the form.
        let inquiry = &ed.pages.inquiry.head;
        let name = plain(&inquiry.nav_label);
        assert_eq!(
            plain(&inquiry.title),
            name,
            "{code}: the inquiry page is {name:?} in the menu but its title says {}",
            inquiry.title
        );
        let others: &[&str] = match code {
            "en" => &[
                "online inquiry form",
                "online form",
                "inquiry page",
                "inquiry form",
            ],
            "ja" => &[
                "お問い合わせページ",
                "お問い合わせのページ",
                "お問い合わせフォーム",
                "問い合わせフォーム",
            ],
            _ => &[],
        };
        let name = name.to_lowercase();
        for (path, text) in prose(&texts) {
            // A text may be its own name (the menu entry, the title) or hold it: another name
            // is looked for outside it, unless it holds the name ("online inquiry form").
            let lower = text.to_lowercase();
            let rest = lower.replace(&name, "\u{0}");
            for other in others.iter().filter(|o| **o != name) {
                let within = if other.contains(&name) { &lower } else { &rest };
                assert!(
                    !within.contains(other),
                    "{code}: {path}: calls the inquiry page {other:?}, which the menu calls \
                     {name:?}: {text}"
                );
            }
        }
        let menu: Vec<String> = PageId::ALL
            .into_iter()
            .map(|p| plain(&ed.pages.head(p).nav_label).into_owned())
            .collect();
        for (path, text) in prose(&texts) {
            for name in pages_named(&text) {
                assert!(
                    menu.contains(&name),
                    "{code}: {path}: names a page {name:?}, which the menu calls none of {menu:?}"
                );
            }
        }
    }
}

#[test]
fn plain_japanese_writes_a_word_in_kanji_with_its_reading_not_half_in_kana() {
    // 活やく (half kanji, half kana) is neither the word a reader learns nor one they can
    // look up: with a reading over every kanji, the whole word is written, {活躍|かつやく}.
    let mixed = [
        ("活やく", "{活躍|かつやく}"),
        ("育せい", "{育成|いくせい}"),
        ("破たん", "{破綻|はたん}"),
        ("改ざん", "{改竄|かいざん}"),
        ("ねつ造", "{捏造|ねつぞう}"),
        ("進ちょく", "{進捗|しんちょく}"),
        ("ひっ迫", "{逼迫|ひっぱく}"),
        ("けん引", "{牽引|けんいん}"),
    ];
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        for (path, text) in prose(&texts) {
            for (half, whole) in mixed {
                assert!(
                    !text.contains(half),
                    "{}: {path}: {half} is half kana: write {whole}: {text}",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn plain_japanese_explains_an_official_name_where_it_first_names_it() {
    // Official names are kept, and said in plain words the first time: the string that
    // writes the full name out also says what it is, in a sentence of the form 「…は、…です。」.
    let official = [("国家戦略特別区域", "国家戦略特区")];
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        for (full, short) in official {
            let first = prose(&texts).find(|(_, t)| t.contains(full));
            let Some((path, text)) = first else {
                continue;
            };
            let explained = sentences(&text).any(|s| {
                (s.contains(&format!("{full}は")) || s.contains(&format!("{short}は")))
                    && s.ends_with("です。")
            });
            assert!(
                explained,
                "{}: {path}: {full} is named but not explained (say 「{short}は、…です。」): {text}",
                ed.locale.code
            );
        }
    }
}

/// The part of an edition a key path belongs to: a page (`pages.inquiry`), or the frame, the
/// contact block or the mail.
fn part_of(path: &str) -> String {
    let mut keys = path.split(['.', '[']);
    match (keys.next(), keys.next()) {
        (Some("pages"), Some(page)) => format!("pages.{page}"),
        (Some(top), _) => top.to_owned(),
        _ => String::new(),
    }
}

/// The numbers, codes and Latin names in `text` (`JIS`, `8341-3:2016`, `320`, `400%`), which
/// every language writes alike; `{placeholders}` left out.
fn latin_words(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.extend(latin_words_in(&rest[..open]));
        rest = &rest[close..];
    }
    out.extend(latin_words_in(rest));
    out
}

fn latin_words_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || ".%:_-/@+".contains(c)))
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '%'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
}

#[test]
fn plain_japanese_leaves_out_nothing_the_japanese_edition_says() {
    assert_eq!(
        latin_words("JIS X 8341-3:2016の{label}は320ピクセル（400%）。"),
        ["320", "400%", "8341-3:2016", "JIS", "X"]
            .map(String::from)
            .into()
    );
    // Words a shorter rewording once dropped, each with the words plain Japanese may say
    // it in, in the same part of the site.
    let carried: &[(&str, &str, &[&str])] = &[
        ("pages.medical_innovation_school", "大学院", &["大学院"]),
        ("pages.accessibility", "拡大", &["拡大", "大きく"]),
        (
            "pages.accessibility",
            "お問い合わせフォーム",
            &["質問を送るページ"],
        ),
        ("pages.symposia", "研究機関", &["研究をする所"]),
    ];
    let all = editions();
    let by_part = |code: &str| {
        let (_, texts) = all
            .iter()
            .find(|(ed, _)| ed.locale.code == code)
            .expect("the edition is shipped");
        let mut parts: BTreeMap<String, String> = BTreeMap::new();
        for (path, text) in prose(texts) {
            let part = parts.entry(part_of(path)).or_default();
            part.push_str(&text);
            part.push('\n');
        }
        parts
    };
    let ja = by_part("ja");
    for (ed, _) in &all {
        if !ed.locale.kanji_readings || !is_japanese(&ed.locale.code) {
            continue;
        }
        let easy = by_part(&ed.locale.code);
        for (part, text) in &ja {
            let ours = easy.get(part).map_or("", String::as_str);
            let missing: Vec<String> = latin_words(text)
                .difference(&latin_words(ours))
                .cloned()
                .collect();
            assert!(
                missing.is_empty(),
                "{}: {part} leaves out {missing:?}, which the Japanese edition says there",
                ed.locale.code
            );
        }
        for (part, word, ours) in carried {
            if !ja.get(*part).is_some_and(|t| t.contains(word)) {
                continue;
            }
            let text = easy.get(*part).map_or("", String::as_str);
            assert!(
                ours.iter().any(|w| text.contains(w)),
                "{}: {part} says nothing of {word} (write {ours:?}), which the Japanese \
                 edition says there",
                ed.locale.code
            );
        }
    }
}

/// `text` with each word that carries a reading written `{漢字}`, its reading left out, so
/// a word in kanji can be told from the same word in kana (`{今}` and `いま`).
fn marked(text: &str) -> String {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Ruby { base, .. } => format!("{{{base}}}"),
            Segment::Text(text) => text.to_owned(),
        })
        .collect()
}

#[test]
fn plain_japanese_says_things_positively() {
    // 「全部の問題は見つかりません」 may be read as "no problem is found" as well as "not every
    // one"; 「このサイトではない部分は、対象になりません」 asks the reader to undo two negatives.
    // Plain Japanese says what is so: 「見つからない問題もあります」, 「ほかの部分は…」.
    let wholes = ["全部", "すべて", "全て", "みんな"];
    let negatives = ["ません", "ない", "なかっ", "なく"];
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        for (path, text) in prose(&texts) {
            for sentence in sentences(&text) {
                // 「かもしれません」 says "may", not "not".
                let said = sentence.replace("かもしれません", "かもしれる");
                let denied: usize = negatives.iter().map(|n| said.matches(n).count()).sum();
                let whole = wholes.iter().find(|w| said.contains(*w));
                assert!(
                    !(denied > 0 && whole.is_some()),
                    "{}: {path}: {} with a negative reads as \"none\" as well as \"not all\": \
                     {sentence}: say what is done (「一部だけ」, 「…もあります」)",
                    ed.locale.code,
                    whole.unwrap_or(&""),
                );
                assert!(
                    denied < 2,
                    "{}: {path}: two negatives in one sentence: {sentence}: say it positively",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn plain_japanese_writes_each_word_one_way() {
    // A reader who learns {選|えら}ぶ does not know that えらぶ is the same word: each word is
    // written one way throughout, in kanji with its reading or in kana. The first group is
    // the writing this edition uses; either group is a fault only beside the other.
    let ways: &[(&str, &[&str], &[&str])] = &[
        ("一番", &["{一番}"], &["いちばん"]),
        (
            "今",
            &["{今}"],
            &["いま{", "いまの", "いまは", "いま、", "いままで", "いまも"],
        ),
        (
            "選ぶ",
            &["{選}"],
            &["えらん", "えらぶ", "えらび", "えらべ", "えらば"],
        ),
        (
            "届く",
            &["{届}"],
            &["とどい", "とどく", "とどか", "とどき", "とどけ"],
        ),
        ("間違える", &["{間違}"], &["まちが"]),
        (
            "何",
            &["{何}"],
            &["なにも", "なにが", "なにを", "なにか", "なに{"],
        ),
        ("言葉", &["ことば"], &["{言葉}"]),
        // とき, as 公用文 writes a word that says when: {時間|じかん} is another word.
        ("時", &["とき"], &["{時}"]),
        // A place or a part: {研究|けんきゅう}をする{所|ところ}, {直|なお}す{所|ところ}.
        ("所", &["{所}"], &["ところ"]),
        // Numbers written plainly, as figures.
        (
            "1つ, 2つ, 3つ",
            &["1つ", "2つ", "3つ", "4つ"],
            &["{一}つ", "{二}つ", "{三}つ", "{四}つ"],
        ),
        // 国際的な医療人材, named one way, and as people who work in medicine: 「医療の人」
        // says nothing of what they do.
        (
            "世界で活躍できる医療の仕事をする人",
            &["{世界}で{活躍}できる{医療}の{仕事}をする{人}"],
            &[
                "{外国}とつながる{医療}の{人}",
                "{国際的}な{医療}",
                "{医療}の{人}",
            ],
        ),
    ];
    for (ed, texts) in editions() {
        if !ed.locale.kanji_readings {
            continue;
        }
        let shown: Vec<(&str, String)> = shown(&texts)
            .map(|(path, text)| (path, marked(text)))
            .collect();
        for (word, ours, theirs) in ways {
            let find = |forms: &[&str]| {
                shown.iter().find_map(|(path, text)| {
                    forms
                        .iter()
                        .find(|f| text.contains(*f))
                        .map(|f| format!("{f} at {path}"))
                })
            };
            if let (Some(one), Some(other)) = (find(ours), find(theirs)) {
                panic!(
                    "{}: {word} is written two ways, {one} and {other}: write it as {ours:?} \
                     throughout",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn japanese_writes_each_loanword_one_way() {
    // ブラウザ in one sentence and ブラウザー in the next look like two things. Each word
    // (the first) is written one way in every Japanese edition, never as the second.
    let ways = [
        ("ブラウザ", "ブラウザー"),
        ("サーバー", "サーバ"),
        ("コンピューター", "コンピュータ"),
    ];
    // The places `word` is written, not counting it as the start of a longer one (サーバー).
    let written = |text: &str, word: &str| {
        text.match_indices(word)
            .any(|(at, _)| !text[at + word.len()..].starts_with('ー'))
    };
    for (ed, texts) in editions() {
        if !is_japanese(&ed.locale.code) {
            continue;
        }
        for (path, text) in prose(&texts) {
            for (word, not) in ways {
                assert!(
                    !written(&text, not),
                    "{}: {path}: {not} is written {word} on this site: {text}",
                    ed.locale.code
                );
            }
        }
    }
}

#[test]
fn a_failed_sends_heading_agrees_with_every_message_under_it() {
    // The heading over every reason a send failed: above 「送信できたかどうか確認できません」
    // it cannot say 「まだ送信されていません」, nor that the sending 「完了できませんでした」.
    // It says what is true in every case: that the sending could not be confirmed.
    for (ed, _) in editions() {
        let code = ed.locale.code.as_ref();
        let s = &ed.pages.inquiry.sending;
        let under = [
            &s.timeout,
            &s.network,
            &s.server,
            &s.rate_limited,
            &s.malformed,
            &s.too_large,
            &s.key_reused,
            &s.invalid,
            &s.refused_origin,
            &s.not_read,
        ];
        let (unsure, denials): (&[&str], &[&str]) = if is_japanese(code) {
            (
                &["かどうか", "か分かりません", "か確認できません"],
                &[
                    "送信されていません",
                    "送信されませんでした",
                    "送信できませんでした",
                    "送信していません",
                    "送られていません",
                    "送ることができていません",
                    "送ることができませんでした",
                    "送れていません",
                    "送れませんでした",
                    "まだ送",
                ],
            )
        } else {
            (
                &["whether", "cannot tell if"],
                &[
                    "not been sent",
                    "not sent",
                    "n't been sent",
                    "n't sent",
                    "failed to send",
                ],
            )
        };
        let heading = plain(&s.failed_heading).to_lowercase();
        // What is true under every reason: that the sending could not be confirmed.
        let (confirmed, completed): (&[&str], &[&str]) = match code {
            "en" => (
                &["could not be confirmed", "cannot be confirmed"],
                &["could not be completed", "was not completed"],
            ),
            _ if ed.locale.kanji_readings => (
                &["確かめられません", "確かめることができません"],
                &["終わりませんでした", "完了しませんでした"],
            ),
            _ => (
                &["確認できません"],
                &["完了できませんでした", "完了しませんでした"],
            ),
        };
        assert!(
            confirmed.iter().any(|c| heading.contains(c)),
            "{code}: the heading {:?} should say that the sending could not be confirmed \
             (as {confirmed:?}), which is true under every message",
            s.failed_heading
        );
        for word in completed {
            assert!(
                !heading.contains(word),
                "{code}: the heading {:?} says the sending failed ({word:?}), over messages \
                 that cannot tell: say it could not be confirmed",
                s.failed_heading
            );
        }
        for message in under {
            let message = plain(message);
            if !unsure.iter().any(|u| message.contains(u)) {
                continue;
            }
            for denial in denials {
                assert!(
                    !heading.contains(denial),
                    "{code}: the heading {:?} says the inquiry was not sent, over a message \
                     that cannot tell: {message}: say the sending could not be completed",
                    s.failed_heading
                );
            }
        }
    }
}

#[test]
fn english_calls_the_easy_edition_by_the_name_the_language_switch_gives() {
    // The switch offers 「やさしい日本語」; English calls it "Easy Japanese (やさしい日本語)" the
    // first time and "Easy Japanese" after, never "plain Japanese", which names nothing a
    // reader can find.
    let all = editions();
    let easy = all
        .iter()
        .find(|(ed, _)| ed.locale.kanji_readings)
        .map(|(ed, _)| plain(&ed.locale.name).into_owned())
        .expect("an edition gives readings");
    for (ed, texts) in &all {
        if ed.locale.code != "en" {
            continue;
        }
        let mut first = true;
        for (path, text) in prose(texts) {
            assert!(
                !text.to_lowercase().contains("plain japanese"),
                "en: {path}: write \"Easy Japanese\", as the language switch has it: {text}"
            );
            for (at, name) in text.match_indices("Easy Japanese") {
                let introduced = text[at + name.len()..].starts_with(&format!(" ({easy})"));
                assert_eq!(
                    introduced, first,
                    "en: {path}: write \"Easy Japanese ({easy})\" the first time, and \
                     \"Easy Japanese\" after: {text}"
                );
                first = false;
            }
        }
    }
}

/// `text` as English sentences, each with its full stop ("WCAG 2.0" is not cut).
fn english_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(". ").map(str::trim)
}

#[test]
fn the_accessibility_page_tells_its_testing_as_a_practice() {
    // "Each time the site is updated, a test suite opens every page" is a promise the
    // results can belie (results older than the words they are said to cover). The page
    // says what the office does as a rule: "As a rule, before a change is published…".
    for (ed, texts) in editions() {
        let code = ed.locale.code.as_ref();
        let (absolutes, updates, rule): (&[&str], &[&str], &str) = match code {
            "en" => (
                &["each time", "every time", "whenever"],
                &["update", "change"],
                "As a rule",
            ),
            _ if ed.locale.kanji_readings => (
                &["たびに", "毎回", "その都度"],
                &["変える", "変えた", "変えて"],
                "ふつうは",
            ),
            _ => (
                &["たびに", "毎回", "その都度"],
                &["更新", "変更"],
                "原則として",
            ),
        };
        for (path, text) in prose(&texts) {
            if part_of(path) != "pages.accessibility" || path.contains(".head.") {
                continue;
            }
            let said: Vec<&str> = if is_japanese(code) {
                sentences(&text).collect()
            } else {
                english_sentences(&text).collect()
            };
            for sentence in said {
                let lower = sentence.to_lowercase();
                for word in absolutes {
                    assert!(
                        !lower.contains(word),
                        "{code}: {path}: {word:?} promises a test on every update: {sentence}: \
                         say it as a practice ({rule:?}, before a change is published)"
                    );
                }
                if updates.iter().any(|u| lower.contains(u)) {
                    assert!(
                        sentence.contains(rule),
                        "{code}: {path}: what is done when the site changes is said as a \
                         practice, with {rule:?}: {sentence}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_retention_says_what_becomes_of_the_offices_copy_by_email() {
    // The form's store deletes an inquiry after so many days; the copy the office receives
    // by email is not reached by that deletion. The retention item says so: that email, as
    // any record the office keeps, follows the Prefecture's rules on administrative documents.
    for (ed, _) in editions() {
        let code = ed.locale.code.as_ref();
        let (days, email, rules): (&str, &str, &[&str]) = match code {
            "en" => (" days", "email", &["rules on administrative documents"]),
            _ if ed.locale.kanji_readings => ("日間", "メール", &["県の決まり"]),
            _ => ("日間", "メール", &["行政文書の管理に関する規則"]),
        };
        let retention = ed
            .pages
            .inquiry
            .privacy
            .items
            .iter()
            .map(|item| plain(&item.detail).into_owned())
            .find(|d| {
                d.match_indices(days)
                    .any(|(at, _)| d[..at].ends_with(|c: char| c.is_ascii_digit()))
            })
            .unwrap_or_else(|| panic!("{code}: no privacy item says how many days"));
        let about_email = if is_japanese(code) {
            sentences(&retention)
                .filter(|s| s.contains(email))
                .collect::<Vec<_>>()
        } else {
            english_sentences(&retention)
                .filter(|s| s.contains(email))
                .collect()
        };
        assert!(
            about_email
                .iter()
                .any(|s| rules.iter().any(|r| s.contains(r))),
            "{code}: the retention item should say that the email the office receives is kept \
             and disposed of under {rules:?}: {retention}"
        );
    }
}

#[test]
fn the_draft_is_said_to_go_when_the_form_is_next_opened() {
    // The age of a saved draft is checked only when the form loads: nothing on the screen
    // changes at two hours. The notice says that a draft last typed into more than two hours
    // ago is discarded the next time the form is opened, not that it "is no longer shown".
    for (ed, _) in editions() {
        let code = ed.locale.code.as_ref();
        let (hours, opened, shown): (&str, &str, &[&str]) = match code {
            "en" => (
                "two hours",
                "the form is opened",
                &["no longer shown", "disappear", "hidden"],
            ),
            _ if ed.locale.kanji_readings => {
                ("2時間", "フォームを開く", &["見えなくな", "見えなくな"])
            }
            _ => ("2時間", "フォームを開", &["表示されなくな", "見えなくな"]),
        };
        let details: Vec<String> = ed
            .pages
            .inquiry
            .privacy
            .items
            .iter()
            .map(|item| plain(&item.detail).to_lowercase())
            .filter(|d| d.contains(hours))
            .collect();
        assert!(
            !details.is_empty(),
            "{code}: no privacy item says {hours:?}"
        );
        for detail in &details {
            let said: Vec<&str> = if is_japanese(code) {
                sentences(detail).filter(|s| s.contains(hours)).collect()
            } else {
                english_sentences(detail)
                    .filter(|s| s.contains(hours))
                    .collect()
            };
            for sentence in said {
                for word in shown {
                    assert!(
                        !sentence.contains(word),
                        "{code}: {sentence}: nothing changes on the screen at {hours}: say \
                         the draft is discarded the next time the form is opened"
                    );
                }
                assert!(
                    sentence.contains(opened),
                    "{code}: {sentence}: say when the draft goes: {opened:?}"
                );
            }
        }
    }
}

#[test]
fn editions_give_the_same_example_telephone_numbers() {
    // An example in English of an international number (+81 45 000 0000) tells a reader
    // abroad the form takes one; a Japanese edition without it tells them nothing. Each
    // hint and message gives the same examples, national and international, in every edition.
    let all = editions();
    let examples = |texts: &[(String, String)]| -> BTreeMap<String, BTreeSet<(bool, String)>> {
        prose(texts)
            .filter(|(path, _)| path.contains(".hint") || path.contains(".errors."))
            .map(|(path, text)| {
                let numbers = telephone_numbers(&text)
                    .into_iter()
                    .map(|groups| {
                        let international = groups[0].starts_with('+');
                        let digits: String = groups
                            .concat()
                            .chars()
                            .filter(char::is_ascii_digit)
                            .collect();
                        let digits = if international {
                            digits.strip_prefix("81").unwrap_or(&digits).to_owned()
                        } else {
                            digits.trim_start_matches('0').to_owned()
                        };
                        (international, digits)
                    })
                    .collect();
                (path.to_owned(), numbers)
            })
            .collect()
    };
    let (first, first_texts) = &all[0];
    let theirs = examples(first_texts);
    for (ed, texts) in &all[1..] {
        let ours = examples(texts);
        for (path, numbers) in &theirs {
            let Some(own) = ours.get(path) else { continue };
            assert_eq!(
                own, numbers,
                "{} and {}: {path} gives different example numbers (international or not)",
                ed.locale.code, first.locale.code
            );
        }
    }
}

#[test]
fn editions_agree_on_naming_the_time_zone() {
    // A receipt may be read abroad: if one edition says "Japan Standard Time", every
    // edition says which clock is meant in the same place (日本時間), or none does.
    let zone = ["Japan Standard Time", "JST", "日本時間", "日本の時間"];
    let mut named: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for (ed, texts) in editions() {
        for (path, text) in prose(&texts) {
            named.entry(path.to_owned()).or_default().push((
                ed.locale.code.to_string(),
                zone.iter().any(|z| text.contains(z)),
            ));
        }
    }
    for (path, by_edition) in named {
        let says = by_edition.iter().filter(|(_, n)| *n).count();
        assert!(
            says == 0 || says == by_edition.len(),
            "{path}: only some editions name the time zone: {by_edition:?}"
        );
    }
}

#[test]
fn the_required_marker_suits_every_field_it_marks() {
    // The marker stands by the category list and the consent box too, where nothing is
    // written: it cannot say "write" (書く) or "type".
    for (ed, _) in editions() {
        let marker = plain(&ed.pages.inquiry.form.required).to_lowercase();
        for word in ["書", "記入", "type", "write"] {
            assert!(
                !marker.contains(word),
                "{}: the required marker {marker:?} says {word:?}, but it also marks a list \
                 and a box",
                ed.locale.code
            );
        }
    }
}

#[test]
fn wording_that_repeats_a_fact_to_confirm_is_confirmed_with_it() {
    // `to_confirm` lists the office's name (contact.office) and the degree of conformance
    // claimed; a text that repeats either changes with it, so it is listed too.
    for (ed, texts) in editions() {
        let code = ed.locale.code.as_ref();
        let listed: BTreeSet<&str> = ed.to_confirm.iter().map(|p| p.as_ref()).collect();
        let (office, degree) = if is_japanese(code) {
            ("推進本部室", "配慮")
        } else {
            (
                "Promotion Headquarters Office",
                "takes the standard into consideration",
            )
        };
        for (path, text) in prose(&texts) {
            let repeats = text.contains(office)
                || (part_of(path) == "pages.accessibility"
                    && path.contains(".sections[")
                    && text.contains(degree));
            assert!(
                !repeats || listed.contains(path),
                "{code}: {path} repeats the office's name or the degree claimed, but is not \
                 on to_confirm: {text}"
            );
        }
    }
}
