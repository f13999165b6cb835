//! The real app, mounted in a real browser (Chromium and Firefox), checked as a reader
//! would see it. Expected text comes from the same editions the app renders, so a wording
//! change never breaks a test and a missing translation always does.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hcnf_content::PageId;
use hcnf_site::host::HostOptions;
use hcnf_site::i18n::Locale;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Shows `path` as a reader arriving there would see it, the app on a page of its own.
async fn open(path: &str) -> Mounted {
    common::open(path, HostOptions::default()).await
}

fn focused_text() -> String {
    document()
        .active_element()
        .map(|e| read(&e))
        .unwrap_or_default()
}

/// The entries marked current: the navigation's, or the footer's for the pages it links.
fn current_nav_labels() -> Vec<String> {
    query_all(".hcnf-nav a[aria-current=\"page\"], .hcnf-footer a[aria-current=\"page\"]")
        .iter()
        .map(read)
        .collect()
}

fn alternates() -> Vec<(String, String)> {
    query_all("head link[rel=\"alternate\"]")
        .iter()
        .map(|l| {
            (
                l.get_attribute("hreflang").unwrap(),
                l.get_attribute("href").unwrap(),
            )
        })
        .collect()
}

/// Checks everything a reader and their browser see of `page` in `locale`.
async fn assert_shows(locale: Locale, page: PageId) {
    let ed = locale.edition();
    let head = ed.pages.head(page);
    let where_ = format!("{} {:?}", locale.code(), page);
    wait_until(&format!("{where_} shows its h1"), || {
        text_of("main h1") == plain(&head.title)
    })
    .await;
    assert_eq!(
        document().title(),
        plain(
            &ed.ui
                .title_template
                .replace("{page}", &head.title)
                .replace("{site}", &ed.ui.site_title)
        ),
        "{where_}: title"
    );
    assert_eq!(html_lang(), locale.code(), "{where_}: <html lang>");
    assert_eq!(
        query(".hcnf").unwrap().get_attribute("lang").as_deref(),
        Some(locale.code())
    );
    assert_eq!(
        current_nav_labels(),
        vec![plain(&head.nav_label)],
        "{where_}: aria-current"
    );
    let expected: Vec<(String, String)> = Locale::all()
        .map(|l| (l.code().to_owned(), path_of(l, page)))
        .chain([("x-default".to_owned(), "/".to_owned())])
        .collect();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let found: Vec<(String, String)> = alternates()
        .into_iter()
        .map(|(l, h)| (l, h.trim_start_matches(&origin).to_owned()))
        .collect();
    assert_eq!(found, expected, "{where_}: hreflang alternates");
    let description =
        query("head meta[name=\"description\"]").and_then(|m| m.get_attribute("content"));
    assert_eq!(
        description.as_deref(),
        Some(plain(&head.summary).as_str()),
        "{where_}: description"
    );
}

#[wasm_bindgen_test]
async fn every_page_is_reached_by_its_link_and_its_heading_takes_focus() {
    for locale in Locale::all() {
        let _app = open(&path_of(locale, PageId::Overview)).await;
        assert_shows(locale, PageId::Overview).await;
        for page in PageId::ALL {
            let label = &locale.edition().pages.head(page).nav_label;
            let link = query_all(".hcnf-nav a, .hcnf-footer__links a")
                .into_iter()
                .find(|a| read(a) == plain(label))
                .unwrap_or_else(|| panic!("no navigation link {label}"));
            click(&link);
            assert_shows(locale, page).await;
            assert_eq!(pathname(), path_of(locale, page));
            if page != PageId::Overview {
                // Focus moves to the new page's heading, as on a full page load.
                let title = &locale.edition().pages.head(page).title;
                wait_until("focus reaches the h1", || focused_text() == plain(title)).await;
            }
        }
    }
}

#[wasm_bindgen_test]
async fn every_deep_link_renders_its_page_and_content() {
    for locale in Locale::all() {
        let ed = locale.edition();
        for page in PageId::ALL {
            let _app = open(&path_of(locale, page)).await;
            assert_shows(locale, page).await;
            let main = text_of("main");
            let lead = match page {
                PageId::Overview => &ed.pages.overview.lead,
                PageId::MedicalInnovationSchool => &ed.pages.medical_innovation_school.lead,
                PageId::Symposia => &ed.pages.symposia.lead,
                PageId::HcnfCourse => &ed.pages.hcnf_course.lead,
                PageId::Contact => &ed.pages.contact.lead,
                PageId::Inquiry => &ed.pages.inquiry.lead,
                PageId::Accessibility => &ed.pages.accessibility.lead,
            };
            assert!(
                main.contains(&plain(lead)),
                "{} {page:?}: lead missing",
                locale.code()
            );
            assert!(text_of("footer").contains(&plain(&ed.ui.footer.owner)));
        }
    }
}

#[wasm_bindgen_test]
async fn the_language_switch_keeps_the_section_and_remembers_the_choice() {
    for from in Locale::all() {
        for page in PageId::ALL {
            let _app = open(&path_of(from, page)).await;
            assert_shows(from, page).await;
            for to in Locale::all().filter(|l| *l != from) {
                let link = query(&format!(".hcnf-lang a[hreflang=\"{}\"]", to.code()))
                    .unwrap_or_else(|| panic!("no switch to {}", to.code()));
                assert_eq!(link.get_attribute("lang").as_deref(), Some(to.code()));
                assert_eq!(read(&link), plain(&to.edition().locale.name));
                click(&link);
                // Two editions may title a page alike: wait for the address first.
                wait_until("the other edition's address", || {
                    pathname() == path_of(to, page)
                })
                .await;
                assert_shows(to, page).await;
                let stored = web_sys::window()
                    .unwrap()
                    .local_storage()
                    .unwrap()
                    .unwrap()
                    .get_item("hcnf.locale")
                    .unwrap();
                assert_eq!(stored.as_deref(), Some(to.code()));
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_root_goes_to_the_stored_language() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for locale in Locale::all() {
        storage.set_item("hcnf.locale", locale.code()).unwrap();
        let _app = open("/").await;
        wait_until("the root redirects", || {
            pathname() == path_of(locale, PageId::Overview)
        })
        .await;
        assert_shows(locale, PageId::Overview).await;
    }
    storage.remove_item("hcnf.locale").unwrap();
}

#[wasm_bindgen_test]
async fn the_root_without_a_stored_choice_follows_the_browser() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("hcnf.locale")
        .unwrap();
    let languages: Vec<String> = web_sys::window()
        .unwrap()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    // The first of the browser's languages the site publishes, by its primary subtag
    // (`ja-JP` is `ja`); the fallback if none is.
    let expected = languages
        .iter()
        .find_map(|tag| {
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            Locale::all().find(|l| l.code() == primary)
        })
        .unwrap_or_else(Locale::fallback);
    let _app = open("/").await;
    wait_until("the root redirects", || {
        pathname() == path_of(expected, PageId::Overview)
    })
    .await;
    assert_shows(expected, PageId::Overview).await;
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_the_bilingual_not_found_page() {
    for path in ["/nowhere", "/fr/", "/en/nowhere", "/ja/symposia/extra"] {
        let _app = open(path).await;
        let first = Locale::fallback().edition().ui.not_found.title.clone();
        wait_until(&format!("{path} shows not found"), || {
            text_of("main h1").contains(first.as_ref())
        })
        .await;
        for locale in Locale::all() {
            let nf = &locale.edition().ui.not_found;
            assert!(text_of("main h1").contains(&plain(&nf.title)), "{path}");
            assert!(
                document().title().contains(&plain(&nf.title)),
                "{path}: title {}",
                document().title()
            );
            let home = query(&format!(
                "main a[href=\"{}\"]",
                path_of(locale, PageId::Overview)
            ))
            .unwrap_or_else(|| panic!("{path}: no link home in {}", locale.code()));
            assert_eq!(read(&home), plain(&nf.home_link));
            assert_eq!(
                home.closest("[lang]")
                    .unwrap()
                    .unwrap()
                    .get_attribute("lang")
                    .as_deref(),
                Some(locale.code())
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_telephone_is_a_link_to_call_the_fax_is_text_the_map_says_it_is_another_site() {
    for locale in Locale::all() {
        let c = &locale.edition().contact;
        let _app = open(&path_of(locale, PageId::Contact)).await;
        assert_shows(locale, PageId::Contact).await;
        let link = query(&format!("main a[href=\"{}\"]", c.tel.href)).expect("a tel: link in main");
        assert_eq!(read(&link), plain(&c.tel.display));
        assert!(text_of("main .hcnf-contact").contains(&plain(&c.fax.display)));
        assert!(
            query_all("main a")
                .iter()
                .all(|a| read(a) != plain(&c.fax.display)),
            "the fax number is no link"
        );
        let map = query(&format!("main a[href=\"{}\"]", c.map.href)).expect("the map link");
        let external = &locale.edition().ui.external_link;
        let space = if external.starts_with(|c: char| c.is_ascii()) {
            " "
        } else {
            ""
        };
        assert_eq!(
            read(&map),
            plain(&format!("{}{space}{external}", c.map.label))
        );
        for line in c.address.iter() {
            assert!(text_of("main address").contains(&plain(line)));
        }
    }
}

#[wasm_bindgen_test]
async fn dates_show_in_the_readers_format() {
    for locale in Locale::all() {
        let ed = locale.edition();
        let _app = open(&path_of(locale, PageId::Symposia)).await;
        assert_shows(locale, PageId::Symposia).await;
        let time = query("main time").expect("a <time>");
        let event = &ed.pages.symposia.events[0];
        let (year, month) = (event.date.year(), event.date.month());
        assert_eq!(
            time.get_attribute("datetime").unwrap(),
            format!("{year:04}-{month:02}"),
            "machine-readable"
        );
        // The edition's own pattern and month names, filled in here.
        let date = &ed.ui.date;
        let expected = date
            .pattern
            .replace("{year}", &year.to_string())
            .replace("{month_number}", &month.to_string())
            .replace("{month}", &date.months[usize::from(month) - 1]);
        assert_eq!(read(&time), plain(&expected));
    }
}

#[wasm_bindgen_test]
async fn the_skip_link_moves_focus_to_the_main_content() {
    let en = Locale::fallback();
    let _app = open(&path_of(en, PageId::Symposia)).await;
    assert_shows(en, PageId::Symposia).await;
    let skip = query(".hcnf-skip-link").unwrap();
    assert_eq!(read(&skip), en.edition().ui.skip_link);
    click(&skip);
    wait_until("focus on the main content", || {
        document().active_element().map(|e| e.id()).as_deref() == Some("hcnf-main")
    })
    .await;
    assert_eq!(
        pathname(),
        path_of(en, PageId::Symposia),
        "the skip link is not a navigation"
    );
}

#[wasm_bindgen_test]
async fn without_a_configured_endpoint_the_form_is_disabled_and_offers_telephone_and_fax() {
    // The test server has no config.json, as a misconfigured host would not.
    for locale in Locale::all() {
        let ed = locale.edition();
        let _app = open(&path_of(locale, PageId::Inquiry)).await;
        assert_shows(locale, PageId::Inquiry).await;
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
    let _app = open(&path_of(Locale::fallback(), PageId::Inquiry)).await;
    assert_shows(Locale::fallback(), PageId::Inquiry).await;
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
        let _app = open(&path_of(locale, PageId::Inquiry)).await;
        assert_shows(locale, PageId::Inquiry).await;
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
        let _app = common::open(&path_of(locale, PageId::Inquiry), options.clone()).await;
        assert_shows(locale, PageId::Inquiry).await;
        let prefix = &ed.pages.inquiry.form.error_prefix;
        wait_until("the form is live", || {
            query("#hcnf-app form button[type='submit']")
                .is_some_and(|b| !b.has_attribute("disabled"))
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
    let _app = open(&path_of(locale, PageId::Inquiry)).await;
    assert_shows(locale, PageId::Inquiry).await;
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
        query("#hcnf-app form button[type='submit']").is_some_and(|b| !b.has_attribute("disabled"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_only_once_typed_and_the_reader_can_discard_it() {
    for locale in Locale::all() {
        let form = &locale.edition().pages.inquiry.form;
        let _app = common::open(&path_of(locale, PageId::Inquiry), with_an_endpoint()).await;
        assert_shows(locale, PageId::Inquiry).await;
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
    let path = path_of(Locale::fallback(), PageId::Inquiry);
    let old = draft("Left long ago", now - two_hours - 60_000.0);
    let _app = open_with_session(&path, with_an_endpoint(), &[(DRAFT_KEY, &old)]).await;
    wait_for_a_live_form().await;
    assert_eq!(value_of("#hcnf-inquiry-name"), "", "not restored");
    assert_eq!(stored_draft(), None, "and removed from the browser");
    drop(_app);
    let recent = draft("Typed a minute ago", now - 60_000.0);
    let _app = open_with_session(&path, with_an_endpoint(), &[(DRAFT_KEY, &recent)]).await;
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
