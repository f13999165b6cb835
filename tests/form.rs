//! The inquiry form as the site's wasm runs it (`hcnf_site::form`), mounted in a real
//! browser (Chromium and Firefox) and checked as a reader would see it. Expected text comes
//! from the same editions the form renders, so a wording change never breaks a test and a
//! missing translation always does. The pages around it are prerendered HTML, checked by
//! the end-to-end suites (e2e/tests/).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn without_a_configured_endpoint_the_form_is_disabled_and_offers_telephone_and_fax() {
    // The test server has no config.json, as a misconfigured host would not.
    for locale in Locale::all() {
        let ed = locale.edition();
        let _form = open(locale, HostOptions::default()).await;
        let heading = &ed.pages.inquiry.unavailable.heading;
        wait_until("the unavailable notice", || {
            text_of(".hcnf-notice[role='alert']").contains(&plain(heading))
        })
        .await;
        let fieldset = query(".hcnf-form fieldset").expect("the form is still shown");
        assert!(fieldset.has_attribute("disabled"), "the form is disabled");
        assert!(query(&format!(
            ".hcnf-notice[role='alert'] a[href=\"{}\"]",
            ed.contact.tel.href
        ))
        .is_some());
        assert!(text_of(".hcnf-notice[role='alert']").contains(&plain(&ed.contact.fax.display)));
    }
}

#[wasm_bindgen_test]
async fn every_field_is_labelled_and_described_the_count_starts_full_the_honeypot_hidden() {
    use hcnf_inquiry::Field;
    let ed = Locale::fallback().edition();
    let form = &ed.pages.inquiry.form;
    let _form = open(Locale::fallback(), HostOptions::default()).await;
    let labels = [
        (Field::Name, &form.name.label),
        (Field::Email, &form.email.label),
        (Field::Phone, &form.phone.label),
        (Field::Category, &form.category.label),
        (Field::Subject, &form.subject.label),
        (Field::Message, &form.message.label),
        (Field::Consent, &form.consent.label),
    ];
    let listed: Vec<Field> = labels.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        listed,
        Field::ALL,
        "every field of the contract, in its order"
    );
    for (field, label) in labels {
        let control = format!("hcnf-inquiry-{}", field.as_str());
        assert!(query(&format!("#{control}")).is_some(), "{field:?} control");
        let label_text = text_of(&format!("label[for=\"{control}\"]"));
        assert!(
            label_text.starts_with(&plain(label)),
            "{field:?}: {label_text}"
        );
    }
    let email = query("#hcnf-inquiry-email").unwrap();
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("hcnf-inquiry-email-hint")
    );
    assert_eq!(
        text_of("#hcnf-inquiry-email-hint"),
        ed.pages.inquiry.form.email.hint.clone().unwrap()
    );
    let count = text_of("#hcnf-inquiry-message-count");
    assert_eq!(
        count,
        form.characters_left
            .replace("{n}", &Field::Message.limit().unwrap().to_string())
    );
    let honeypot = query(".hcnf-honeypot").unwrap();
    assert_eq!(
        honeypot.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_form_marks_required_and_optional_fields_in_words_and_asks_browsers_to_autofill() {
    use hcnf_inquiry::Field;
    for locale in Locale::all() {
        let form = &locale.edition().pages.inquiry.form;
        let _form = open(locale, HostOptions::default()).await;
        for field in Field::ALL {
            let label = text_of(&format!("label[for=\"hcnf-inquiry-{}\"]", field.as_str()));
            let word = if field.is_optional() {
                &form.optional
            } else {
                &form.required
            };
            assert!(label.contains(&plain(word)), "{}: {label}", locale.code());
        }
        for (field, token) in [
            (Field::Name, "name"),
            (Field::Email, "email"),
            (Field::Phone, "tel"),
        ] {
            let control = query(&format!("#hcnf-inquiry-{}", field.as_str())).unwrap();
            assert_eq!(
                control.get_attribute("autocomplete").as_deref(),
                Some(token)
            );
        }
    }
}

#[wasm_bindgen_test]
async fn while_errors_show_the_title_says_so_first() {
    // An endpoint nothing answers: the form is usable, and nothing here sends.
    let options = HostOptions {
        endpoint: Some("http://127.0.0.1:9/inquiries".into()),
        assets: "/tests/fixtures/".into(),
        ..HostOptions::default()
    };
    for locale in Locale::all() {
        let ed = locale.edition();
        let _form = open(locale, options.clone()).await;
        let prefix = &ed.pages.inquiry.form.error_prefix;
        wait_until("the form is live", || {
            query("#hcnf-app form[data-hcnf-live] button[type='submit']").is_some()
        })
        .await;
        click(&query("#hcnf-app form button[type='submit']").unwrap());
        wait_until("the title starts with the error prefix", || {
            document().title().starts_with(&plain(prefix))
        })
        .await;
        fill_in(&complete_draft());
        click(&query("#hcnf-app form button[type='submit']").unwrap());
        wait_until("the check step", || {
            query("#hcnf-inquiry-check-heading").is_some()
        })
        .await;
        wait_until("the title without the prefix", || {
            !document().title().starts_with(&plain(prefix))
        })
        .await;
    }
}

#[wasm_bindgen_test]
async fn the_count_is_shown_at_once_and_announced_once_typing_pauses() {
    use hcnf_inquiry::Field;
    let locale = Locale::fallback();
    let form = &locale.edition().pages.inquiry.form;
    let _form = open(locale, with_an_endpoint()).await;
    wait_for_a_live_form().await;
    let count = query("#hcnf-inquiry-message-count").unwrap();
    assert!(
        count.get_attribute("aria-live").is_none(),
        "the visible count is not announced"
    );
    let live = query("#hcnf-app .hcnf-field [aria-live='polite']").expect("a polite live region");
    type_into(&query("#hcnf-inquiry-message").unwrap(), "あいう");
    let left = Field::Message.limit().unwrap() - 3;
    let expected = form.characters_left.replace("{n}", &left.to_string());
    wait_until("the visible count", || {
        text_of("#hcnf-inquiry-message-count") == expected
    })
    .await;
    assert_eq!(read(&live), "", "not announced while typing");
    wait_until("the announcement after the pause", || {
        read(&live) == expected
    })
    .await;
}

/// Where the form keeps its draft in the tab (`src/inquiry/saved.rs`).
const DRAFT_KEY: &str = "hcnf.inquiry.draft";

fn stored_draft() -> Option<String> {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.get_item(DRAFT_KEY).unwrap()
}

fn value_of(selector: &str) -> String {
    let control = query(selector).unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::get(&control, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// A form that can send: an endpoint nothing answers (nothing here sends).
fn with_an_endpoint() -> HostOptions {
    HostOptions {
        endpoint: Some("http://127.0.0.1:9/inquiries".into()),
        assets: "/tests/fixtures/".into(),
        ..HostOptions::default()
    }
}

async fn wait_for_a_live_form() {
    wait_until("the form is live", || {
        query("#hcnf-app form[data-hcnf-live] button[type='submit']").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_only_once_typed_and_the_reader_can_discard_it() {
    for locale in Locale::all() {
        let form = &locale.edition().pages.inquiry.form;
        let _form = open(locale, with_an_endpoint()).await;
        wait_for_a_live_form().await;
        assert_eq!(
            stored_draft(),
            None,
            "nothing is kept before the first keystroke"
        );
        assert!(
            query(".hcnf-form__discard").is_none(),
            "nothing to discard yet"
        );
        type_into(&query("#hcnf-inquiry-name").unwrap(), "山田 太郎");
        wait_until("the draft is kept once typed", || {
            stored_draft().is_some_and(|d| d.contains("山田 太郎"))
        })
        .await;
        let discard = query(".hcnf-form__discard").expect("offered once there is a draft");
        assert_eq!(read(&discard), plain(&form.discard_button));
        click(&discard);
        wait_until("the form is empty", || {
            value_of("#hcnf-inquiry-name").is_empty()
        })
        .await;
        assert_eq!(stored_draft(), None, "nothing is left in the browser");
        wait_until("the form says so", || {
            text_of(".hcnf-form__status") == plain(&form.discarded)
        })
        .await;
        wait_until("the reader is at the first field", || {
            document().active_element().map(|e| e.id()).as_deref() == Some("hcnf-inquiry-name")
        })
        .await;
        assert!(query(".hcnf-form__discard").is_none());
        // The form goes on working: the next draft is kept, and the notice goes.
        type_into(&query("#hcnf-inquiry-name").unwrap(), "佐藤 花子");
        wait_until("the next draft is kept", || {
            stored_draft().is_some_and(|d| d.contains("佐藤 花子"))
        })
        .await;
        assert_eq!(text_of(".hcnf-form__status"), "");
    }
}

#[wasm_bindgen_test]
async fn a_draft_left_for_two_hours_is_gone_a_recent_one_is_restored() {
    let now = js_sys::Date::now();
    let draft = |name: &str, touched_ms: f64| {
        serde_json::json!({
            "key": "2b3c1e0a-8f5d-4c4e-9b1a-6a2f0c9d7e11",
            "draft": hcnf_inquiry::Draft { name: name.into(), ..hcnf_inquiry::Draft::default() },
            "started_ms": touched_ms,
            "touched_ms": touched_ms,
        })
        .to_string()
    };
    let two_hours = 2.0 * 60.0 * 60.0 * 1000.0;
    let old = draft("Left long ago", now - two_hours - 60_000.0);
    let _form =
        open_with_session(Locale::fallback(), with_an_endpoint(), &[(DRAFT_KEY, &old)]).await;
    wait_for_a_live_form().await;
    assert_eq!(value_of("#hcnf-inquiry-name"), "", "not restored");
    assert_eq!(stored_draft(), None, "and removed from the browser");
    drop(_form);
    let recent = draft("Typed a minute ago", now - 60_000.0);
    let _form = open_with_session(
        Locale::fallback(),
        with_an_endpoint(),
        &[(DRAFT_KEY, &recent)],
    )
    .await;
    wait_for_a_live_form().await;
    wait_until("the recent draft is restored", || {
        value_of("#hcnf-inquiry-name") == "Typed a minute ago"
    })
    .await;
}

#[wasm_bindgen_test]
fn the_browser_refuses_the_same_hidden_characters_the_endpoint_does() {
    // The contract's rules, run here with the browser's Unicode tables: the same answers
    // as the endpoint's (crates/inquiry/tests/rules.rs).
    use hcnf_inquiry::{validate_field, Draft, Field, Problem};
    let refused = [
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
    let name = |text: String| {
        let draft = Draft {
            name: text,
            ..Draft::default()
        };
        validate_field(Field::Name, &draft)
    };
    for c in refused {
        assert_eq!(
            name(format!("山田{c}太郎")),
            Err(Problem::ControlCharacters),
            "U+{:04X}",
            c as u32
        );
    }
    assert_eq!(name("\u{3000}\u{0301}".into()), Err(Problem::Required));
    assert_eq!(name("山田 太郎".into()), Ok(Some("山田 太郎".into())));
    assert_eq!(name("𠮷野 家".into()), Ok(Some("𠮷野 家".into())));
}
