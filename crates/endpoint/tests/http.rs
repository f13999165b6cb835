//! The endpoint over real HTTP on loopback: the contract, idempotency, limits, CORS,
//! durability across a restart, the database kept private (its files' mode, a digest for
//! replays, older databases migrated), and the test-only faults (with the `test-faults`
//! feature; without it, that they are absent). The limits on clients and connections are
//! in `limits.rs`.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use axum::Router;
use hcnf_endpoint::{router, Config, Store};
use hcnf_inquiry::{validate, Accepted, Draft, ErrorBody, ErrorKind, Field, FieldError, Problem};
use reqwest::StatusCode;
use serde_json::json;

mod fixture;

use fixture::{Server, ORIGIN};

fn config() -> Config {
    Config {
        allowed_origins: vec![ORIGIN.into()],
        ..Config::default()
    }
}

async fn start(db: &Path) -> Server {
    serve(router(Store::open(db).unwrap(), config())).await
}

async fn serve(app: Router) -> Server {
    Server::start(app, config().limits).await
}

/// The shared draft with its email and telephone typed in full-width characters, as a
/// Japanese keyboard may: the endpoint stores them normalised.
fn draft() -> Draft {
    Draft {
        email: "ｔａｒｏ＠example.jp".into(),
        phone: "０４５－２８５－０７７７".into(),
        ..fixture::draft()
    }
}

const KEY: &str = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";

async fn send(base: &str, key: &str, body: &impl serde::Serialize) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/inquiries"))
        .header("Origin", ORIGIN)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

fn rows(db: &Path) -> u64 {
    Store::open(db).unwrap().count().unwrap()
}

#[tokio::test]
async fn a_valid_inquiry_is_stored_and_answered_with_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    let body: Accepted = res.json().await.unwrap();
    assert_eq!(body.reference, "HCNF-000001");
    assert_eq!(rows(&db), 1);
}

#[tokio::test]
async fn field_errors_come_back_per_field_with_cors_headers() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let mut d = draft();
    d.email = "not-an-address".into();
    d.consent = false;
    let res = send(&s.base, KEY, &d).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    let body: ErrorBody = res.json().await.unwrap();
    assert_eq!(body.error, ErrorKind::Invalid);
    assert_eq!(
        body.fields,
        [
            FieldError {
                field: Field::Email,
                problem: Problem::EmailInvalid
            },
            FieldError {
                field: Field::Consent,
                problem: Problem::ConsentRequired
            }
        ]
    );
}

#[tokio::test]
async fn a_repeated_key_gets_the_first_reference_and_stores_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    let first: Accepted = send(&s.base, KEY, &draft()).await.json().await.unwrap();
    let mut retry = draft();
    retry.elapsed_ms += 5_000;
    let res = send(&s.base, KEY, &retry).await;
    assert_eq!(res.status(), StatusCode::OK);
    let again: Accepted = res.json().await.unwrap();
    assert_eq!(again, first);
    assert_eq!(rows(&db), 1);

    let mut other = draft();
    other.subject = "別の件".into();
    let res = send(&s.base, KEY, &other).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(rows(&db), 1);
}

#[tokio::test]
async fn requests_without_a_uuid_key_or_with_bad_json_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    for key in ["", "not-a-uuid", "6f1c2b9e3d4a4e5f8a7b1c2d3e4f5a6b"] {
        let res = send(&s.base, key, &draft()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{key:?}");
        assert_eq!(
            res.json::<ErrorBody>().await.unwrap().error,
            ErrorKind::Malformed
        );
    }
    let res = send(&s.base, KEY, &json!({"name": "x", "is_admin": true})).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(rows(&db), 0);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    let mut d = draft();
    d.message = "あ".repeat(20_000);
    let res = send(&s.base, KEY, &d).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    assert_eq!(
        res.json::<ErrorBody>().await.unwrap().error,
        ErrorKind::TooLarge
    );
    assert_eq!(rows(&db), 0);
}

#[tokio::test]
async fn preflight_is_answered_for_allowed_origins_and_refused_for_others() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let client = reqwest::Client::new();
    let preflight = |origin: &'static str| {
        client
            .request(reqwest::Method::OPTIONS, format!("{}/inquiries", s.base))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type,idempotency-key",
            )
            .send()
    };
    let ok = preflight(ORIGIN).await.unwrap();
    assert!(ok.status().is_success());
    assert_eq!(ok.headers()["access-control-allow-origin"], ORIGIN);
    let allowed = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("idempotency-key") && allowed.contains("content-type"),
        "{allowed}"
    );

    let refused = preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let res = client
        .post(format!("{}/inquiries", s.base))
        .header("Origin", "https://evil.example")
        .header("Idempotency-Key", KEY)
        .json(&draft())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_accepted_inquiry_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let first: Accepted = {
        let s = start(&db).await;
        let accepted = send(&s.base, KEY, &draft()).await.json().await.unwrap();
        s.stop().await;
        accepted
    };
    let s = start(&db).await;
    assert_eq!(rows(&db), 1);
    let replay: Accepted = send(&s.base, KEY, &draft()).await.json().await.unwrap();
    assert_eq!(replay, first, "the key is remembered across the restart");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (name, email, phone): (String, String, String) = conn
        .query_row("SELECT name, email, phone FROM inquiries", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        (name.as_str(), email.as_str(), phone.as_str()),
        ("山田 太郎", "taro@example.jp", "045-285-0777")
    );
}

#[tokio::test]
async fn the_plain_router_has_no_test_routes() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let client = reqwest::Client::new();
    let res = client
        .post(format!("{}/_test/faults", s.base))
        .json(&json!(["server_error"]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = client
        .get(format!("{}/_test/count", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[cfg(feature = "test-faults")]
#[tokio::test]
async fn injected_faults_happen_once_each_after_the_key_and_size_checks() {
    use std::time::Duration;

    use hcnf_endpoint::{router_with_faults, Faults};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let faults = Faults::new(Duration::from_millis(300));
    let s = serve(router_with_faults(
        Store::open(&db).unwrap(),
        config(),
        faults,
    ))
    .await;
    let client = reqwest::Client::new();
    let res = client
        .post(format!("{}/_test/faults", s.base))
        .json(&json!([
            "server_error",
            "rate_limited",
            "malformed",
            "delay"
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // Refused before a fault is spent, as without faults.
    let res = send(&s.base, "not-a-uuid", &draft()).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let mut huge = draft();
    huge.message = "あ".repeat(20_000);
    let res = send(&s.base, KEY, &huge).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    assert_eq!(
        res.json::<ErrorBody>().await.unwrap().error,
        ErrorKind::Server
    );
    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers()["retry-after"], "1");
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    assert_eq!(
        res.json::<ErrorBody>().await.unwrap().error,
        ErrorKind::RateLimited
    );
    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.json::<Accepted>().await.is_err(),
        "the malformed reply is not the contract"
    );
    let started = std::time::Instant::now();
    let res = send(&s.base, KEY, &draft()).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(rows(&db), 1);
    let count: u64 = client
        .get(format!("{}/_test/count", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_draft_whose_locale_is_not_a_language_tag_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    for locale in ["", "=HYPERLINK(\"x\")", "ja\u{0}", &"a".repeat(40)] {
        let mut d = draft();
        d.locale = locale.into();
        let res = send(&s.base, KEY, &d).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{locale:?}");
        assert_eq!(
            res.json::<ErrorBody>().await.unwrap().error,
            ErrorKind::Malformed
        );
    }
    let mut easy = draft();
    easy.locale = "ja-x-easy".into();
    assert_eq!(
        send(&s.base, KEY, &easy).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(rows(&db), 1);
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test]
async fn the_database_and_its_journal_files_are_readable_by_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    // A file left readable by everyone, as an older build or a copy may have left it.
    std::fs::write(&db, b"").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let s = start(&db).await;
    assert_eq!(
        send(&s.base, KEY, &draft()).await.status(),
        StatusCode::CREATED
    );
    for suffix in ["", "-wal", "-shm"] {
        let file = dir.path().join(format!("i.sqlite3{suffix}"));
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[tokio::test]
async fn a_replay_is_recognised_by_a_digest_not_a_second_copy_of_the_inquiry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(&db).await;
    assert_eq!(
        send(&s.base, KEY, &draft()).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(send(&s.base, KEY, &draft()).await.status(), StatusCode::OK);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let fingerprint: String = conn
        .query_row("SELECT fingerprint FROM inquiries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fingerprint.len(), 64, "{fingerprint}");
    assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
}

#[tokio::test]
async fn a_database_from_before_the_digest_is_migrated_and_its_keys_still_replay() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    // The schema and fingerprint (the inquiry's JSON) as the first release wrote them.
    let old_fingerprint = serde_json::to_string(&validate(&draft()).unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE inquiries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL,
                reference TEXT,
                received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                locale TEXT NOT NULL,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                phone TEXT,
                category TEXT NOT NULL,
                subject TEXT NOT NULL,
                message TEXT NOT NULL,
                suspected_spam INTEGER NOT NULL,
                elapsed_ms INTEGER NOT NULL
            );",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO inquiries (idempotency_key, fingerprint, reference, locale, name, email,
                phone, category, subject, message, suspected_spam, elapsed_ms)
             VALUES (?1, ?2, 'HCNF-000001', 'ja', '山田 太郎', 'taro@example.jp',
                '045-285-0777', 'hcnf_course', '講座について', 'x', 0, 45000)",
            [KEY, old_fingerprint.as_str()],
        )
        .unwrap();
    }
    let s = start(&db).await;
    let res = send(&s.base, KEY, &draft()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<Accepted>().await.unwrap().reference,
        "HCNF-000001"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (fingerprint, version): (String, u32) = conn
        .query_row(
            "SELECT fingerprint, (SELECT user_version FROM pragma_user_version) FROM inquiries",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(fingerprint, hcnf_endpoint::digest(&old_fingerprint));
    assert_eq!(version, 3);
    assert_eq!(rows(&db), 1);
    // Version 2's outbox is there, empty while mail is off.
    let outbox: u32 = conn
        .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(outbox, 0);
    // Version 3's secret is 32 random bytes.
    let secret: Vec<u8> = conn
        .query_row(
            "SELECT value FROM secrets WHERE name = 'form_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(secret.len(), 32);
    assert_ne!(secret, vec![0; 32]);
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&db).err().expect("refused");
    assert!(err.to_string().contains("99"), "{err}");
}

#[tokio::test]
async fn every_answer_is_kept_by_no_cache_and_sniffed_by_no_browser() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(&dir.path().join("i.sqlite3")).await;
    let accepted = send(&s.base, KEY, &draft()).await;
    let mut bad = draft();
    bad.email = "not-an-address".into();
    let invalid = send(&s.base, "0d7a1c52-93f4-4b0e-a1d6-2f8e9c3b4a71", &bad).await;
    let refused = reqwest::Client::new()
        .post(format!("{}/inquiries", s.base))
        .header("Origin", "https://evil.example")
        .json(&draft())
        .send()
        .await
        .unwrap();
    let health = reqwest::get(format!("{}/health", s.base)).await.unwrap();
    for (what, res) in [
        ("accepted", &accepted),
        ("invalid", &invalid),
        ("refused", &refused),
        ("health", &health),
    ] {
        assert_eq!(res.headers()["cache-control"], "no-store", "{what}");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff", "{what}");
    }
    assert_eq!(
        (accepted.status(), invalid.status(), refused.status()),
        (
            StatusCode::CREATED,
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::FORBIDDEN
        )
    );
}
