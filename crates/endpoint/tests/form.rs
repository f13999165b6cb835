//! The plain HTML form over real HTTP, in every edition: what a reader without the app
//! sees after each post (the page, its language and title, the problems, the answers
//! kept), that a Send stores one inquiry however often it is repeated, and that posts from
//! other sites are refused with a page. The journeys in real browsers are in `site.rs`.

use std::path::Path;

use hcnf_endpoint::{router, Config, Limits, Store};
use hcnf_site::prerender::AnswerTemplate;
use hcnf_test_rig::form::encode;
use reqwest::StatusCode;

mod fixture;

use fixture::{Server, ORIGIN};

/// trunk's page template, which the build compacts into the one the endpoint reads.
fn site() -> hcnf_endpoint::Site {
    let template =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../index.html")).unwrap();
    hcnf_endpoint::Site::new(AnswerTemplate::new(template).unwrap())
}

async fn start(db: &Path) -> Server {
    start_with(db, Limits::default()).await
}

async fn start_with(db: &Path, limits: Limits) -> Server {
    let config = Config {
        allowed_origins: vec![ORIGIN.into()],
        site: Some(site()),
        limits,
        ..Config::default()
    };
    Server::start(
        router(Store::open(db).unwrap(), config.clone()),
        config.limits,
    )
    .await
}

/// The form as a reader fills it in, with a subject that must be escaped.
fn fields(action: &str) -> Vec<(&'static str, String)> {
    hcnf_test_rig::form::fields("講座 & <日程>", "", action)
}

struct Answer {
    status: StatusCode,
    location: Option<String>,
    headers: reqwest::header::HeaderMap,
    body: String,
}

async fn post(base: &str, lang: &str, origin: Option<&str>, body: String) -> Answer {
    let origin: Vec<_> = origin.map(|o| ("Origin", o)).into_iter().collect();
    post_with(base, lang, &origin, body).await
}

/// As [`post`], with `headers`.
async fn post_with(base: &str, lang: &str, headers: &[(&str, &str)], body: String) -> Answer {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client
        .post(format!("{base}/{lang}/inquiry/answers"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.unwrap();
    Answer {
        status: res.status(),
        location: res
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned()),
        headers: res.headers().clone(),
        body: res.text().await.unwrap(),
    }
}

/// The value of the hidden field `name` on a page.
fn hidden(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no hidden {name} in {page}"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// The stored inquiries, as the office's export reads them.
fn rows(db: &Path) -> Vec<hcnf_endpoint::Record> {
    Store::open_existing(db)
        .unwrap()
        .received_since("")
        .unwrap()
}

#[tokio::test]
async fn an_empty_form_comes_back_with_every_problem_and_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let body = encode(&[("name", "山田 <b>".into()), ("action", "continue".into())]);
    let a = post(&s.base, "en", Some(ORIGIN), body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains("<html lang=\"en\""), "{}", a.body);
    assert!(a.body.contains("<title>Error: "), "{}", a.body);
    assert!(a.body.contains("id=\"hcnf-inquiry-error-summary\""));
    assert!(a.body.contains("autofocus"));
    // What was typed, kept and escaped; the summary names the missing email.
    assert!(a.body.contains("value=\"山田 &lt;b&gt;\""), "{}", a.body);
    assert!(a.body.contains("href=\"#hcnf-inquiry-email\""));
    // No app runs on an answer page: nothing but the navigation script.
    assert!(!a.body.contains("_bg.wasm"));
    assert!(a.body.contains("action=\"/en/inquiry/answers\""));
}

#[tokio::test]
async fn the_same_journey_in_every_edition_stores_one_inquiry() {
    for (lang, error_title) in [
        ("en", "<title>Error: "),
        ("ja", "<title>エラー："),
        ("ja-x-easy", "<title>エラー："),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("i.sqlite3");
        let s = start(&db).await;
        // Problems first, in the edition's words.
        let a = post(
            &s.base,
            lang,
            Some(ORIGIN),
            encode(&[("action", "continue".into())]),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{lang}");
        assert!(a.body.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(a.body.contains(error_title), "{lang}: {}", a.body);
        // The check page: the answers, Change for each, Send, and the key.
        let check = post(&s.base, lang, Some(ORIGIN), encode(&fields("continue"))).await;
        assert_eq!(check.status, StatusCode::OK, "{lang}");
        assert!(check.body.contains("value=\"change-subject\""));
        assert!(check.body.contains("value=\"send\""));
        assert!(
            check.body.contains("講座 &amp; &lt;日程&gt;"),
            "{}",
            check.body
        );
        let key = hidden(&check.body, "key");
        assert_eq!(key.len(), 36);
        // A reload of the same post shows the same key.
        let again = post(&s.base, lang, Some(ORIGIN), encode(&fields("continue"))).await;
        assert_eq!(hidden(&again.body, "key"), key);
        // Send: stored, and sent on to the confirmation with the reference.
        let mut send = fields("send");
        send.push(("key", key.clone()));
        send.push(("started", hidden(&check.body, "started")));
        let sent = post(&s.base, lang, Some(ORIGIN), encode(&send)).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{lang}: {}", sent.body);
        let location = sent.location.unwrap();
        assert_eq!(
            location,
            format!("/{lang}/inquiry/sent?reference=HCNF-000001")
        );
        // Send again, or Back and Send: the same reference, still one row.
        let twice = post(&s.base, lang, Some(ORIGIN), encode(&send)).await;
        assert_eq!(twice.location.as_deref(), Some(location.as_str()));
        let stored = rows(&db);
        assert_eq!(stored.len(), 1, "{lang}");
        let row = &stored[0];
        assert_eq!(row.reference, "HCNF-000001");
        // Sent a moment after the check page, as a test does: that alone is no sign of a
        // machine, since the time spent typing before the first post is not known.
        assert!(!row.suspected_spam);
        assert_eq!(row.locale, lang);
        assert_eq!(row.name, "山田 太郎");
        assert_eq!(row.subject, "講座 & <日程>");
        assert_eq!(row.message, "次回の講座の日程を\n教えてください。");
        // The confirmation.
        let page = reqwest::get(format!("{}{location}", s.base)).await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(page.contains("data-reference=\"HCNF-000001\""), "{page}");
        assert!(page.contains(&format!("<html lang=\"{lang}\"")));
        assert!(page.contains(&format!("href=\"/{lang}/inquiry\"")));
    }
}

/// Every site-rooted address a page links to or posts to.
fn addresses(page: &str) -> Vec<&str> {
    ["href=\"/", "action=\"/"]
        .iter()
        .flat_map(|attr| page.split(attr).skip(1))
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[tokio::test]
async fn under_a_hosts_base_the_pages_and_the_redirect_lead_back_to_the_hosts_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    // As the host's server passes on a post to /kenko/hcnf/ja/inquiry/answers.
    let host = [("Origin", ORIGIN), ("X-Forwarded-Prefix", "/kenko/hcnf/")];
    let check = post_with(&s.base, "ja", &host, encode(&fields("continue"))).await;
    assert_eq!(check.status, StatusCode::OK);
    let linked = addresses(&check.body);
    assert!(
        linked.contains(&"kenko/hcnf/ja/inquiry/answers"),
        "{linked:?}"
    );
    assert!(linked.contains(&"kenko/hcnf/en/inquiry"), "{linked:?}");
    assert!(
        linked.iter().all(|a| a.starts_with("kenko/hcnf/")),
        "every link leads to the host's pages: {linked:?}"
    );
    // The site's files are not at the host's root: the page names none.
    assert!(!check.body.contains("<script"), "{}", check.body);
    assert!(!check.body.contains("rel=\"icon\""));
    let mut send = fields("send");
    send.push(("key", hidden(&check.body, "key")));
    let sent = post_with(&s.base, "ja", &host, encode(&send)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let location = sent.location.unwrap();
    assert_eq!(
        location,
        "/kenko/hcnf/ja/inquiry/sent?reference=HCNF-000001"
    );
    // The confirmation, asked for through the host.
    let path = location.trim_start_matches("/kenko/hcnf");
    let page = reqwest::Client::new()
        .get(format!("{}{path}", s.base))
        .header("X-Forwarded-Prefix", "/kenko/hcnf")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("data-reference=\"HCNF-000001\""));
    let linked = addresses(&page);
    assert!(linked.contains(&"kenko/hcnf/ja/"), "{linked:?}");
    assert!(
        linked.iter().all(|a| a.starts_with("kenko/hcnf/")),
        "{linked:?}"
    );
    // A prefix that is no plain path is not used: the site's own pages, at its root.
    for prefix in [
        "//elsewhere.example",
        "/a b",
        "/x\"onmouseover=\"alert(1)",
        "/../up",
    ] {
        let headers = [("Origin", ORIGIN), ("X-Forwarded-Prefix", prefix)];
        let a = post_with(&s.base, "en", &headers, encode(&fields("continue"))).await;
        assert_eq!(a.status, StatusCode::OK, "{prefix}");
        assert!(
            a.body.contains("action=\"/en/inquiry/answers\""),
            "{prefix}: {}",
            a.body
        );
        assert!(a.body.contains("<script"), "{prefix}: the site's own page");
    }
    assert_eq!(rows(&db).len(), 1);
}

#[tokio::test]
async fn change_returns_to_the_form_at_that_field_with_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let a = post(&s.base, "ja", Some(ORIGIN), encode(&fields("change-email"))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("value=\"taro@example.jp\""));
    assert!(a.body.contains("教えてください。</textarea>"), "{}", a.body);
    let input = a.body.find("id=\"hcnf-inquiry-email\"").unwrap();
    let tag_end = input + a.body[input..].find('>').unwrap();
    assert!(
        a.body[input..tag_end].contains("autofocus"),
        "{}",
        &a.body[input..tag_end]
    );
    assert!(!a.body.contains("<title>エラー"));
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_with_a_page_that_repeats_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    for origin in [Some("https://elsewhere.example"), None] {
        let a = post(&s.base, "en", origin, encode(&fields("send"))).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        assert!(a.body.contains("not part of this site"), "{}", a.body);
        assert!(!a.body.contains("taro@example.jp"));
    }
    assert!(rows(&db).is_empty());
}

#[tokio::test]
async fn a_same_origin_post_without_origin_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let res = reqwest::Client::new()
        .post(format!("{}/en/inquiry/answers", s.base))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "same-origin")
        .body(encode(&fields("continue")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_post_the_form_could_not_make_gets_the_empty_form() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let a = post(&s.base, "en", Some(ORIGIN), "admin=1&action=send".into()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("action=\"/en/inquiry/answers\""));
    let big = format!("message={}&action=continue", "a".repeat(70 * 1024));
    let a = post(&s.base, "en", Some(ORIGIN), big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.body.contains("did not reach us"), "{}", a.body);
    assert!(!a.body.contains("role=\"alert\""));
    // An unknown language or a made-up reference leads nowhere harmful.
    let res = reqwest::get(format!("{}/fr/inquiry/sent?reference=HCNF-000001", s.base))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/en/inquiry/sent?reference=CALL+US", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/en/inquiry");
}

#[tokio::test]
async fn without_a_site_there_are_no_form_pages() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        allowed_origins: vec![ORIGIN.into()],
        ..Config::default()
    };
    let s = Server::start(
        router(
            Store::open(&dir.path().join("i.sqlite3")).unwrap(),
            config.clone(),
        ),
        config.limits,
    )
    .await;
    let a = post(&s.base, "en", Some(ORIGIN), encode(&fields("continue"))).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_message_at_its_limit_in_japanese_reaches_the_check_page_and_a_longer_one_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let mut at_limit = fields("continue");
    at_limit[5].1 = "あ".repeat(2000);
    let a = post(&s.base, "ja", Some(ORIGIN), encode(&at_limit)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("value=\"send\""));
    // Over the limit: the form again, saying so, with every character kept.
    let mut over = fields("continue");
    over[5].1 = "あ".repeat(2500);
    let a = post(&s.base, "ja", Some(ORIGIN), encode(&over)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains(&"あ".repeat(2500)));
    assert!(a.body.contains("href=\"#hcnf-inquiry-message\""));
}

#[tokio::test]
async fn a_message_that_starts_with_a_line_break_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let mut post_fields = fields("change-message");
    post_fields[5].1 = "\nfirst line".into();
    let a = post(&s.base, "en", Some(ORIGIN), encode(&post_fields)).await;
    // The parser drops the first line break after the tag: the second is the message's.
    let at = a.body.find("<textarea").unwrap();
    let text_at = at + a.body[at..].find('>').unwrap() + 1;
    assert!(
        a.body[text_at..].starts_with("\n\nfirst line</textarea>"),
        "{}",
        &a.body[text_at..text_at + 40]
    );
}

#[tokio::test]
async fn only_send_counts_against_the_rate_and_its_refusal_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let limits = Limits {
        rate_burst: 1,
        rate_per_minute: 1,
        ..Limits::default()
    };
    let s = start_with(&db, limits).await;
    // Checking and changing as often as one likes.
    let mut check = None;
    for _ in 0..5 {
        let a = post(&s.base, "en", Some(ORIGIN), encode(&fields("continue"))).await;
        assert_eq!(a.status, StatusCode::OK);
        check = Some(a);
    }
    let check = check.unwrap();
    let mut send = fields("send");
    send.push(("key", hidden(&check.body, "key")));
    let first = post(&s.base, "en", Some(ORIGIN), encode(&send)).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    // A second inquiry at once is over the rate: the check page, saying when to try again.
    let mut other = send.clone();
    other[4].1 = "Another question".into();
    let a = post(&s.base, "en", Some(ORIGIN), encode(&other)).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = a.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(
        a.body.contains(&format!("Wait {wait} seconds")),
        "{}",
        a.body
    );
    assert!(a.body.contains("Another question"));
    assert!(a.body.contains("value=\"send\""));
    assert_eq!(rows(&db).len(), 1);
}

#[tokio::test]
async fn a_made_up_key_cannot_reach_another_inquiry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    let check = post(&s.base, "en", Some(ORIGIN), encode(&fields("continue"))).await;
    let key = hidden(&check.body, "key");
    let mut send = fields("send");
    send.push(("key", key.clone()));
    let first = post(&s.base, "en", Some(ORIGIN), encode(&send)).await;
    // The same key with other answers is a key this endpoint never issued for them: they
    // are stored as the new inquiry they are, not refused nor taken for the first.
    let mut forged = send.clone();
    forged[4].1 = "A different subject".into();
    let second = post(&s.base, "en", Some(ORIGIN), encode(&forged)).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    assert_ne!(second.location, first.location);
    // And a key made up for the first answers changes nothing either.
    let mut made_up = fields("send");
    made_up.push(("key", "00000000-0000-4000-8000-000000000001".into()));
    let third = post(&s.base, "en", Some(ORIGIN), encode(&made_up)).await;
    assert_eq!(third.location, first.location);
    assert_eq!(rows(&db).len(), 2);
    // The key is the endpoint's own: the same after a restart, as it is kept with the data.
    drop(s);
    let s = start(&db).await;
    let again = post(&s.base, "en", Some(ORIGIN), encode(&fields("continue"))).await;
    assert_eq!(hidden(&again.body, "key"), key);
}

#[tokio::test]
async fn answer_pages_carry_a_policy_that_allows_their_own_styles_and_no_referrer_path() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let a = post(&s.base, "en", Some(ORIGIN), encode(&fields("continue"))).await;
    let policy = a.headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("form-action 'self'"), "{policy}");
    assert!(policy.contains("script-src 'self';"), "{policy}");
    assert!(!policy.contains("unsafe"), "{policy}");
    assert_eq!(
        a.headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    assert_eq!(a.headers["cache-control"], "private, no-cache");
}
