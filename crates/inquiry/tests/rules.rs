//! Every validation rule, and properties that must hold for any input at all.

use hcnf_inquiry::{
    validate, validate_field, Category, Draft, ErrorKind, Field, FieldError, Problem, LIMITS,
};
use proptest::prelude::*;

fn good() -> Draft {
    Draft {
        name: "山田 太郎".into(),
        email: "taro@example.jp".into(),
        phone: String::new(),
        category: "symposia".into(),
        subject: "シンポジウムについて".into(),
        message: "次回の開催予定を教えてください。".into(),
        consent: true,
        website: String::new(),
        elapsed_ms: 30_000,
        locale: "ja".into(),
    }
}

fn problem(field: Field, edit: impl FnOnce(&mut Draft)) -> Option<Problem> {
    let mut d = good();
    edit(&mut d);
    validate_field(field, &d).err()
}

fn value(field: Field, edit: impl FnOnce(&mut Draft)) -> Option<String> {
    let mut d = good();
    edit(&mut d);
    validate_field(field, &d).expect("valid")
}

#[test]
fn a_complete_draft_is_valid_and_normalised() {
    let mut d = good();
    d.name = "  ﾔﾏﾀﾞ　太郎 ".into();
    d.email = "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ".into();
    d.phone = "０４５－２８５－０７７７".into();
    let v = validate(&d).unwrap();
    assert_eq!(v.name, "ヤマダ 太郎");
    assert_eq!(v.email, "taro@example.jp");
    assert_eq!(v.phone.as_deref(), Some("045-285-0777"));
    assert_eq!(v.category, Category::Symposia);
}

#[test]
fn required_fields_refuse_empty_and_blank_values() {
    assert_eq!(
        problem(Field::Name, |d| d.name = " \u{3000} ".into()),
        Some(Problem::Required)
    );
    assert_eq!(
        problem(Field::Email, |d| d.email.clear()),
        Some(Problem::Required)
    );
    assert_eq!(
        problem(Field::Subject, |d| d.subject = "\n".into()),
        Some(Problem::Required)
    );
    assert_eq!(
        problem(Field::Message, |d| d.message = "  \n\t ".into()),
        Some(Problem::Required)
    );
    assert_eq!(
        problem(Field::Category, |d| d.category.clear()),
        Some(Problem::Required)
    );
    assert_eq!(
        problem(Field::Consent, |d| d.consent = false),
        Some(Problem::ConsentRequired)
    );
}

#[test]
fn the_telephone_is_optional() {
    assert_eq!(value(Field::Phone, |d| d.phone = "   ".into()), None);
    assert_eq!(validate(&good()).unwrap().phone, None);
}

#[test]
fn lengths_are_counted_in_characters_not_bytes() {
    let at_limit = "あ".repeat(LIMITS.message);
    assert_eq!(
        value(Field::Message, |d| d.message = at_limit.clone()).unwrap(),
        at_limit
    );
    assert_eq!(
        problem(Field::Message, |d| d.message =
            "あ".repeat(LIMITS.message + 1)),
        Some(Problem::TooLong)
    );
    assert_eq!(
        problem(Field::Name, |d| d.name = "x".repeat(LIMITS.name + 1)),
        Some(Problem::TooLong)
    );
    assert_eq!(
        problem(Field::Subject, |d| d.subject =
            "件".repeat(LIMITS.subject + 1)),
        Some(Problem::TooLong)
    );
    assert!(problem(Field::Subject, |d| d.subject = "件".repeat(LIMITS.subject)).is_none());
}

#[test]
fn control_characters_and_bidi_overrides_are_refused() {
    for bad in [
        "a\u{0000}b",
        "a\u{0007}b",
        "a\u{202E}b",
        "a\u{2066}b",
        "a\nb",
    ] {
        assert_eq!(
            problem(Field::Name, |d| d.name = bad.into()),
            Some(Problem::ControlCharacters),
            "{bad:?}"
        );
        assert_eq!(
            problem(Field::Subject, |d| d.subject = bad.into()),
            Some(Problem::ControlCharacters)
        );
    }
    assert_eq!(
        problem(Field::Message, |d| d.message = "a\u{0008}b".into()),
        Some(Problem::ControlCharacters)
    );
    // The message may span lines and use tabs; CRLF becomes LF.
    assert_eq!(
        value(Field::Message, |d| d.message =
            "一行目\r\n二行目\tです".into())
        .unwrap(),
        "一行目\n二行目\tです"
    );
}

#[test]
fn the_message_keeps_what_was_typed() {
    assert_eq!(
        value(Field::Message, |d| d.message = "ＡＢＣ①ｶﾅ".into()).unwrap(),
        "ＡＢＣ①ｶﾅ"
    );
}

#[test]
fn email_addresses_are_checked() {
    for ok in [
        "a@example.jp",
        "first.last+tag@mail.pref.kanagawa.jp",
        "ｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
        "x@例え.jp",
    ] {
        assert!(
            problem(Field::Email, |d| d.email = ok.into()).is_none(),
            "{ok}"
        );
    }
    for bad in [
        "plain",
        "@example.jp",
        "a@",
        "a@localhost",
        "a b@example.jp",
        "a@exa mple.jp",
        "a..b@example.jp",
        ".a@example.jp",
        "a@-x.jp",
        "a@x..jp",
        "山田@example.jp",
    ] {
        assert_eq!(
            problem(Field::Email, |d| d.email = bad.into()),
            Some(Problem::EmailInvalid),
            "{bad}"
        );
    }
    let long = format!("{}@example.jp", "a".repeat(250));
    assert_eq!(
        problem(Field::Email, |d| d.email = long),
        Some(Problem::TooLong)
    );
}

#[test]
fn japanese_telephone_numbers_as_people_type_them() {
    let cases = [
        ("045-285-0777", "045-285-0777"),
        ("０４５－２８５－０７７７", "045-285-0777"),
        ("０４５ー２８５ー０７７７", "045-285-0777"),
        ("045−285−0777", "045-285-0777"),
        ("(045) 285-0777", "045285-0777"),
        ("09012345678", "09012345678"),
        ("+81-45-285-0777", "+81-45-285-0777"),
        ("＋８１ ４５ ２８５ ０７７７", "+81452850777"),
        // The examples the form gives, which reach no one.
        ("045-000-0000", "045-000-0000"),
        ("+81 45 000 0000", "+81450000000"),
    ];
    for (typed, stored) in cases {
        assert_eq!(
            value(Field::Phone, |d| d.phone = typed.into()).as_deref(),
            Some(stored),
            "{typed}"
        );
    }
    for bad in [
        "12345",
        "045-285-077",
        "045-285-07777-1",
        "tel:0452850777",
        "0452850777x",
        "+81",
        "45-285-0777",
    ] {
        assert_eq!(
            problem(Field::Phone, |d| d.phone = bad.into()),
            Some(Problem::PhoneInvalid),
            "{bad}"
        );
    }
}

#[test]
fn only_known_categories_are_accepted() {
    for c in Category::ALL {
        assert!(problem(Field::Category, |d| d.category = c.as_str().into()).is_none());
    }
    assert_eq!(
        problem(Field::Category, |d| d.category = "spam".into()),
        Some(Problem::CategoryInvalid)
    );
}

#[test]
fn every_problem_is_reported_in_form_order() {
    let errors = validate(&Draft::default()).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Email,
            Field::Category,
            Field::Subject,
            Field::Message,
            Field::Consent
        ]
    );
}

#[test]
fn each_field_reads_and_writes_its_own_part_of_the_draft() {
    let mut d = Draft::default();
    for field in Field::ALL {
        field.set_text(&mut d, format!("typed into {}", field.as_str()));
    }
    for field in Field::ALL {
        let expected = format!("typed into {}", field.as_str());
        let want = (field != Field::Consent).then_some(expected.as_str());
        assert_eq!(field.text(&d), want, "{field:?}");
    }
    assert!(!d.consent, "the consent box holds no text");
}

#[test]
fn every_answer_lands_under_its_own_field() {
    let mut d = good();
    d.phone = "045-210-1111".into();
    let v = validate(&d).unwrap();
    let mut checked = 0;
    for field in Field::ALL {
        if let Some(answer) = v.text(field) {
            assert_eq!(
                Some(answer.to_owned()),
                value(field, |x| *x = d.clone()),
                "{field:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked, 5,
        "name, email, phone, subject and message are text answers"
    );
}

#[test]
fn typed_fields_take_up_to_their_limit_and_no_more() {
    for field in [Field::Name, Field::Subject, Field::Message] {
        let max = field.limit().expect("a typed field has a limit");
        assert!(
            problem(field, |d| field.set_text(d, "あ".repeat(max))).is_none(),
            "{field:?}"
        );
        assert_eq!(
            problem(field, |d| field.set_text(d, "あ".repeat(max + 1))),
            Some(Problem::TooLong),
            "{field:?}"
        );
    }
    assert_eq!(Field::Email.limit(), Some(LIMITS.email));
    assert_eq!(Field::Phone.limit(), Some(LIMITS.phone));
    assert_eq!(Field::Category.limit(), None);
    let optional: Vec<Field> = Field::ALL.into_iter().filter(|f| f.is_optional()).collect();
    assert_eq!(optional, [Field::Phone]);
    for field in optional {
        assert!(problem(field, |d| field.set_text(d, String::new())).is_none());
    }
}

#[test]
fn the_wire_format_is_the_documented_one() {
    let body = serde_json::to_value(good()).unwrap();
    for key in [
        "name",
        "email",
        "phone",
        "category",
        "subject",
        "message",
        "consent",
        "website",
        "elapsed_ms",
        "locale",
    ] {
        assert!(body.get(key).is_some(), "{key}");
    }
    let err = FieldError {
        field: Field::Email,
        problem: Problem::EmailInvalid,
    };
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        r#"{"field":"email","problem":"email_invalid"}"#
    );
    assert!(
        serde_json::from_str::<Draft>(r#"{"name":"x","admin":true}"#).is_err(),
        "unknown keys are refused"
    );
}

/// Any text at all, in every field: the validator never panics, and either keeps every
/// answer within its field's limit or names each problem once, in form order. Counted, so
/// that it cannot pass without checking both outcomes.
#[test]
fn any_text_is_kept_within_the_limits_or_refused_field_by_field_in_form_order() {
    use std::cell::Cell;

    use proptest::test_runner::TestRunner;

    // A quarter of the time anything at all; otherwise text a person writes (letters,
    // digits, punctuation, symbols and spaces), which often passes: weighted so that many
    // whole drafts pass too.
    let text = |printable: &'static str| prop_oneof![1 => any::<String>(), 3 => printable];
    let drafts = (
        text("[\\pL\\pN\\pP\\pS ]{1,120}"),
        prop_oneof![1 => any::<String>(), 3 => "[a-z]{1,10}@[a-z]{1,8}\\.jp"],
        prop_oneof![
            1 => any::<String>(),
            2 => "0[1-9]{2}-[0-9]{4}-[0-9]{4}",
            1 => Just(String::new())
        ],
        prop_oneof![1 => any::<String>(), 3 => Just("symposia".to_owned())],
        text("[\\pL\\pN\\pP\\pS ]{1,130}"),
        text("[\\pL\\pN\\pP\\pS \n]{1,2100}"),
        any::<bool>(),
    );
    let (kept, refused) = (Cell::new(0), Cell::new(0));
    TestRunner::default()
        .run(
            &drafts,
            |(name, email, phone, category, subject, message, consent)| {
                let d = Draft {
                    name,
                    email,
                    phone,
                    category,
                    subject,
                    message,
                    consent,
                    ..Draft::default()
                };
                match validate(&d) {
                    Ok(v) => {
                        kept.set(kept.get() + 1);
                        for field in Field::ALL {
                            if let (Some(answer), Some(max)) = (v.text(field), field.limit()) {
                                prop_assert!(answer.chars().count() <= max, "{:?}", field);
                            }
                        }
                    }
                    Err(errors) => {
                        refused.set(refused.get() + 1);
                        prop_assert!(!errors.is_empty());
                        prop_assert!(errors
                            .windows(2)
                            .all(|w| w[0].field.position() < w[1].field.position()));
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    assert!(
        kept.get() >= 10,
        "only {} drafts passed: the test says little",
        kept.get()
    );
    assert!(refused.get() >= 10, "only {} drafts failed", refused.get());
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(
        name in "[\\PC&&\\S]\\PC{0,39}", email in "[a-zＡ-Ｚ０-９][a-zＡ-Ｚ０-９_]{0,9}[@＠][a-z]{1,8}[.．]jp",
        phone in "[0０][1-9１-９]{2}[ー－-][0-9０-９]{3,4}[ー－-][0-9０-９]{4}",
        subject in "[\\PC&&\\S]\\PC{0,39}", message in "[\\PC&&\\S](\\PC|\n){0,79}",
    ) {
        let d = Draft { name, email, phone, category: "other".into(), subject, message, consent: true, ..Draft::default() };
        // Only valid drafts say anything here; proptest fails the run if too few are.
        let v = validate(&d);
        prop_assume!(v.is_ok());
        let v = v.unwrap();
        let again = Draft {
            name: v.name.clone(), email: v.email.clone(), phone: v.phone.clone().unwrap_or_default(),
            category: v.category.as_str().into(), subject: v.subject.clone(), message: v.message.clone(),
            consent: true, ..Draft::default()
        };
        prop_assert_eq!(validate(&again), Ok(v));
    }
}

/// A character of each kind a one-line answer refuses: control, format (zero-width
/// space and joiner, word joiner, byte-order mark, bidirectional override, a tag
/// character), line and paragraph separators, private use, unassigned.
const INVISIBLE_OR_PRIVATE: [char; 12] = [
    '\u{0007}',
    '\u{200B}',
    '\u{200D}',
    '\u{2060}',
    '\u{FEFF}',
    '\u{202E}',
    '\u{E0041}',
    '\u{2028}',
    '\u{2029}',
    '\u{E000}',
    '\u{0378}',
    '\u{F0000}',
];

proptest! {
    /// Wherever such a character hides in a name or a subject, the answer is refused with
    /// the message that says some characters cannot be used.
    #[test]
    fn a_hidden_or_private_character_anywhere_in_a_line_is_refused(
        text in "[\\pL\\pN]{2,40}",
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(INVISIBLE_OR_PRIVATE.to_vec()),
    ) {
        // Inside the answer: at either end, spaces and separators are trimmed away.
        let mut chars: Vec<char> = text.chars().collect();
        chars.insert(1 + at.index(chars.len() - 1), c);
        let hidden: String = chars.into_iter().collect();
        for field in [Field::Name, Field::Subject] {
            let found = problem(field, |d| field.set_text(d, hidden.clone()));
            prop_assert_eq!(found, Some(Problem::ControlCharacters), "{:?} {:?}", field, hidden);
        }
    }

    /// An answer with nothing a person can see (spaces, combining marks) is as good as empty.
    #[test]
    fn an_answer_with_nothing_visible_is_required(
        marks in prop::collection::vec(prop::sample::select(vec![' ', '\u{3000}', '\u{0301}', '\u{3099}']), 1..10),
    ) {
        let unseen: String = marks.into_iter().collect();
        for field in [Field::Name, Field::Subject, Field::Message] {
            let found = problem(field, |d| field.set_text(d, unseen.clone()));
            prop_assert_eq!(found, Some(Problem::Required), "{:?} {:?}", field, unseen);
        }
    }
}

#[test]
fn the_message_keeps_emoji_sequences_and_line_breaks() {
    // Free text may hold what one-line answers may not: a family emoji is joined by ZWJ.
    let text = "ありがとうございます👨\u{200D}👩\u{200D}👧\n次回もよろしくお願いします。";
    assert_eq!(
        value(Field::Message, |d| d.message = text.into()).as_deref(),
        Some(text)
    );
}

#[test]
fn email_addresses_are_held_to_their_octet_limits_and_no_leading_dash() {
    let email = |s: String| problem(Field::Email, |d| d.email = s);
    assert_eq!(email("-rf@example.jp".into()), Some(Problem::EmailInvalid));
    assert_eq!(email(format!("{}@example.jp", "a".repeat(64))), None);
    assert_eq!(
        email(format!("{}@example.jp", "a".repeat(65))),
        Some(Problem::EmailInvalid)
    );
    assert_eq!(email(format!("taro@{}.jp", "a".repeat(63))), None);
    assert_eq!(
        email(format!("taro@{}.jp", "a".repeat(64))),
        Some(Problem::EmailInvalid)
    );
    // A label of 21 kana is 63 octets in UTF-8 (3 each), 22 is 66: counted in octets.
    assert_eq!(email(format!("taro@{}.jp", "あ".repeat(21))), None);
    assert_eq!(
        email(format!("taro@{}.jp", "あ".repeat(22))),
        Some(Problem::EmailInvalid)
    );
    // The whole address within 254 octets, however few characters: three labels of 21 kana
    // are 133 characters but 259 octets.
    let kana = vec!["あ".repeat(21); 3].join(".");
    assert_eq!(
        email(format!("{}@{kana}.jp", "a".repeat(64))),
        Some(Problem::EmailInvalid)
    );
    assert_eq!(email(format!("{}@{kana}.jp", "a".repeat(59))), None);
}

#[test]
fn wire_names_are_the_ones_serde_writes() {
    // The app reads replies by these names without serde; they must be serde's.
    fn json(value: impl serde::Serialize) -> String {
        serde_json::to_string(&value).unwrap()
    }
    for p in Problem::ALL {
        assert_eq!(json(p), format!("\"{}\"", p.as_str()));
        assert_eq!(Problem::from_wire(p.as_str()), Some(p));
    }
    for f in Field::ALL {
        assert_eq!(json(f), format!("\"{}\"", f.as_str()));
        assert_eq!(Field::from_wire(f.as_str()), Some(f));
    }
    for k in ErrorKind::ALL {
        assert_eq!(json(k), format!("\"{}\"", k.as_str()));
        assert_eq!(ErrorKind::from_wire(k.as_str()), Some(k));
    }
    assert_eq!(Problem::from_wire("Required"), None);
    assert_eq!(ErrorKind::from_wire(""), None);
}

#[test]
fn every_variant_serde_knows_is_in_all() {
    // serde names every variant when it refuses an unknown one; a variant added to an enum
    // but not to its ALL would read back as no value at all in the app.
    fn serde_names<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let refusal = serde_json::from_str::<T>("\"?\"").unwrap_err().to_string();
        let listed = refusal.split("expected one of ").nth(1).expect(&refusal);
        let listed = listed.split(" at line").next().unwrap();
        listed
            .split(", ")
            .map(|n| n.trim_matches('`').to_owned())
            .collect()
    }
    let ours = |names: Vec<&str>| names.into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        serde_names::<Problem>(),
        ours(Problem::ALL.map(Problem::as_str).to_vec())
    );
    assert_eq!(
        serde_names::<Field>(),
        ours(Field::ALL.map(Field::as_str).to_vec())
    );
    assert_eq!(
        serde_names::<ErrorKind>(),
        ours(ErrorKind::ALL.map(ErrorKind::as_str).to_vec())
    );
}
