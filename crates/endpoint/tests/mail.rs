//! Mail from the endpoint binary to a real mail server (exim, `mailserver/`): the office's
//! copy and the receipt as a mail client reads them, and delivery through the faults a
//! relay and a server process meet: a relay that is down, 451 then 250, 550, a SIGKILL
//! between storing and sending, a SIGTERM in the middle of a send. Each inquiry's messages
//! arrive exactly once. Against a relay with TLS and AUTH, as a prefecture's is: STARTTLS and
//! TLS from the first byte, and nothing sent where the relay cannot be trusted or offers no
//! TLS.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use hcnf_content::{parse_edition, ruby, Edition};
use hcnf_inquiry::Draft;
use hcnf_test_rig::endpoint::Running;
use hcnf_test_rig::mailserver::{MailServer, RELAY_PASSWORD, RELAY_USER};
use mail_parser::{Message, MessageParser, MimeHeaders};

mod fixture;

use fixture::{draft, key, ORIGIN};

/// The endpoint's binary, as Cargo built it for these tests.
const BIN: &str = env!("CARGO_BIN_EXE_hcnf-endpoint");

const OFFICE: &str = "office@pref.example.jp";
const FROM: &str = "hcnf-noreply@pref.example.jp";

fn edition(code: &str) -> Edition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../content/{code}.json"));
    parse_edition(code, code, &std::fs::read_to_string(path).unwrap()).unwrap()
}

/// As the messages write a content text: readings in brackets.
fn plain(text: &str) -> String {
    ruby::bracketed(text)
}

/// The endpoint sending through `mail`, retrying after a second, with `extra` flags.
fn endpoint(db: &Path, mail: &MailServer, extra: &[&str]) -> Running {
    endpoint_at(db, &mail.url(), extra)
}

/// As [`endpoint`], through the relay at `url`.
fn endpoint_at(db: &Path, url: &str, extra: &[&str]) -> Running {
    let mut flags = vec![
        "--allow-origin",
        ORIGIN,
        "--trust-proxy",
        "127.0.0.1",
        "--smtp-url",
        url,
        "--mail-from",
        FROM,
        "--mail-office",
        OFFICE,
        "--mail-retry-first-secs",
        "1",
        "--mail-retry-max-secs",
        "2",
        "--smtp-timeout-secs",
        "5",
    ];
    flags.extend(extra);
    Running::start(BIN, db, &flags)
}

/// POSTs `d` under key `n` as client 10.0.x.y; the reference.
fn send(base: &str, n: u32, d: &Draft) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let res = reqwest::Client::new()
            .post(format!("{base}/inquiries"))
            .header("Origin", ORIGIN)
            .header("Idempotency-Key", key(n))
            .header(
                "X-Forwarded-For",
                format!("10.0.{}.{}", n / 250, n % 250 + 1),
            )
            .json(d)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{}", res.status());
        let body: serde_json::Value = res.json().await.unwrap();
        body["reference"].as_str().unwrap().to_owned()
    })
}

fn parse(bytes: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .expect("a message a mail parser reads")
}

fn addresses(list: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    list.map(|a| {
        a.iter()
            .filter_map(|m| m.address().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

/// The message among `all` addressed to `to`, and only one.
fn to<'a>(all: &'a [Message<'a>], to: &str) -> &'a Message<'a> {
    let found: Vec<_> = all.iter().filter(|m| addresses(m.to()) == [to]).collect();
    assert_eq!(found.len(), 1, "messages to {to}");
    found[0]
}

fn body(m: &Message<'_>) -> String {
    m.body_text(0).expect("a text body").into_owned()
}

/// Every Message-ID of `all`, checked to be there once each.
fn ids_once(all: &[Message<'_>]) -> HashSet<String> {
    let ids: Vec<String> = all
        .iter()
        .map(|m| m.message_id().unwrap().to_owned())
        .collect();
    let set: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "a Message-ID arrived twice: {ids:?}");
    set
}

fn outbox(db: &Path, extra: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("outbox")
        .arg("--db")
        .arg(db)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The messages once `n` have arrived and, over a quiet spell in which a retry or a
/// duplicate would have arrived too, no more.
fn exactly(mail: &MailServer, n: usize, within: Duration) -> Vec<Vec<u8>> {
    mail.wait_for(n, within);
    settle();
    let raw = mail.messages();
    assert_eq!(raw.len(), n, "messages arrived");
    raw
}

/// Quiet for long enough that a retry or a duplicate would have arrived.
fn settle() {
    std::thread::sleep(Duration::from_secs(3));
}

#[test]
fn each_edition_s_sender_gets_a_receipt_in_it_and_the_office_gets_the_inquiry_as_typed() {
    let mail = MailServer::start("editions");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &[]);
    let office = edition("ja");
    let codes = ["en", "ja", "ja-x-easy"];
    let mut sent = Vec::new();
    for (n, code) in codes.iter().enumerate() {
        let d = Draft {
            email: format!("sender{n}@example.jp"),
            locale: (*code).into(),
            name: format!("山田 太郎 {n}"),
            message: format!("一行目\n二行目の質問です {n}。\nSecond line"),
            ..draft()
        };
        sent.push((send(&server.base(), n as u32, &d), d));
    }
    let raw = mail.wait_for(6, Duration::from_secs(20));
    let all: Vec<Message<'_>> = raw.iter().map(|b| parse(b)).collect();
    ids_once(&all);
    let conn = rusqlite::Connection::open(&db).unwrap();
    for ((reference, d), code) in sent.iter().zip(codes) {
        let stored: String = conn
            .query_row(
                "SELECT reference FROM inquiries WHERE email = ?1",
                [&d.email],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(&stored, reference);
        // The receipt: the sender's edition, the reference and the office's words, and
        // nothing the sender typed.
        let ed = edition(code);
        let receipt = to(&all, &d.email);
        let subject = receipt.subject().unwrap();
        assert_eq!(
            subject,
            plain(&ed.mail.receipt.subject).replace("{reference}", reference)
        );
        assert_eq!(addresses(receipt.from()), [FROM]);
        let text = body(receipt);
        for words in [
            &ed.mail.receipt.intro,
            &ed.mail.receipt.next,
            &ed.mail.receipt.not_sent_by_you,
        ] {
            assert!(text.contains(&plain(words)), "{code}: {text}");
        }
        assert!(text.contains(reference.as_str()), "{text}");
        assert!(text.contains(ed.contact.tel.display.as_ref()), "{text}");
        for typed in [&d.name, &d.subject, &d.message, &"二行目".to_string()] {
            assert!(
                !text.contains(typed.as_str()),
                "{code}: the receipt repeats {typed:?}"
            );
            assert!(!subject.contains(typed.as_str()));
        }
        // The office's copy: every answer as typed, Reply-To the sender.
        let copies: Vec<_> = all
            .iter()
            .filter(|m| addresses(m.to()) == [OFFICE] && body(m).contains(reference.as_str()))
            .collect();
        assert_eq!(copies.len(), 1, "{reference}");
        let copy = copies[0];
        assert_eq!(addresses(copy.reply_to()), [d.email.as_str()]);
        let category = plain(&office.pages.inquiry.form.categories.hcnf_course);
        assert_eq!(
            copy.subject().unwrap(),
            plain(&office.mail.office.subject)
                .replace("{reference}", reference)
                .replace("{category}", &category)
        );
        let text = body(copy).replace("\r\n", "\n");
        for typed in [&d.name, &d.email, &d.subject, &d.message] {
            assert!(
                text.contains(typed.as_str()),
                "{typed:?} missing from:\n{text}"
            );
        }
        assert!(text.contains(&plain(&ed.locale.name)), "{text}");
        let ct = copy.content_type().unwrap();
        assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("plain")));
        // One part: no HTML alternative, no attachment.
        assert_eq!(copy.parts.len(), 1);
    }
    // In plain text the easy edition's readings follow their words.
    let easy = to(&all, &sent[2].1.email);
    assert!(
        body(easy).contains("受付番号（うけつけばんごう）"),
        "{}",
        body(easy)
    );
}

#[test]
fn a_relay_that_is_down_when_the_inquiry_arrives_gets_it_once_when_it_is_back() {
    let mut mail = MailServer::start("down");
    mail.down();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &[]);
    // The form's answer does not wait for mail.
    let started = std::time::Instant::now();
    let reference = send(&server.base(), 1, &draft());
    assert!(started.elapsed() < Duration::from_secs(2));
    std::thread::sleep(Duration::from_secs(2));
    let listed = outbox(&db, &[]);
    assert!(
        listed.contains(&format!("{reference}\toffice\tpending")),
        "{listed}"
    );
    assert!(listed.contains("2 pending, 0 failed, 0 sent"), "{listed}");
    // The Message-IDs fixed when the inquiry was stored are the ones that arrive.
    let owed: HashSet<String> = rusqlite::Connection::open(&db)
        .unwrap()
        .prepare("SELECT message_id FROM outbox")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    mail.up();
    let raw = exactly(&mail, 2, Duration::from_secs(20));
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    let arrived: HashSet<String> = ids_once(&all).iter().map(|id| format!("<{id}>")).collect();
    assert_eq!(arrived, owed);
    assert!(outbox(&db, &[]).contains("0 pending, 0 failed, 2 sent"));
}

/// The relay's account, as the file `--smtp-credentials-file` names, in `dir`.
fn relay_credentials(dir: &Path) -> String {
    let file = dir.join("relay-credentials");
    std::fs::write(&file, format!("{RELAY_USER}\n{RELAY_PASSWORD}\n")).unwrap();
    file.to_str().unwrap().to_owned()
}

#[test]
fn through_a_relay_with_tls_and_a_login_both_messages_arrive_by_starttls_and_by_tls() {
    let mail = MailServer::start_tls("tls");
    let dir = tempfile::tempdir().unwrap();
    let credentials = relay_credentials(dir.path());
    let ca = mail.ca();
    let ca = ca.to_str().unwrap();
    let tls_port = mail.tls_port.unwrap();
    for (n, url) in [
        format!("smtp://127.0.0.1:{}", mail.port),
        format!("smtps://127.0.0.1:{tls_port}"),
    ]
    .iter()
    .enumerate()
    {
        let db = dir.path().join(format!("i{n}.sqlite3"));
        let flags = [
            "--smtp-ca-file",
            ca,
            "--smtp-credentials-file",
            &credentials,
        ];
        let server = endpoint_at(&db, url, &flags);
        let reference = send(&server.base(), 1, &draft());
        let raw = mail.wait_for(2 * (n + 1), Duration::from_secs(20));
        let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
        let office = all
            .iter()
            .filter(|m| addresses(m.to()) == [OFFICE])
            .find(|m| m.subject().is_some_and(|s| s.contains(&reference)))
            .unwrap_or_else(|| panic!("{url}: no office copy of {reference}"));
        // exim notes how it was received: ESMTP, over TLS, logged in ("esmtpsa").
        let received = office.header_raw("Received").unwrap_or_default();
        assert!(received.contains("with esmtpsa"), "{url}: {received}");
        assert!(
            outbox(&db, &[]).contains("0 pending, 0 failed, 2 sent"),
            "{url}"
        );
        drop(server);
    }
    // The password crossed the wire inside TLS only, and no log of the endpoint's holds it.
    assert!(!mail.log().contains(RELAY_PASSWORD));
}

#[test]
fn a_relay_whose_certificate_is_not_trusted_or_that_offers_no_tls_is_sent_nothing() {
    let tls = MailServer::start_tls("untrusted");
    let plain = MailServer::start("no-starttls");
    let dir = tempfile::tempdir().unwrap();
    let credentials = relay_credentials(dir.path());
    for (n, url, why) in [
        // The relay's authority is not among the system's and is not given.
        (0, format!("smtp://127.0.0.1:{}", tls.port), "certificate"),
        (
            1,
            format!("smtps://127.0.0.1:{}", tls.tls_port.unwrap()),
            "certificate",
        ),
        // STARTTLS is required: a relay that does not offer it gets no plain text.
        (2, format!("smtp://127.0.0.1:{}", plain.port), "starttls"),
    ] {
        let db = dir.path().join(format!("i{n}.sqlite3"));
        let server = endpoint_at(&db, &url, &["--smtp-credentials-file", &credentials]);
        let reference = send(&server.base(), 1, &draft());
        std::thread::sleep(Duration::from_secs(3));
        let listed = outbox(&db, &[]);
        assert!(
            listed.contains(&format!("{reference}\toffice\tpending")),
            "{url}: {listed}"
        );
        assert!(
            listed.contains("2 pending, 0 failed, 0 sent"),
            "{url}: {listed}"
        );
        assert!(listed.to_lowercase().contains(why), "{url}: {listed}");
        drop(server);
    }
    assert!(tls.messages().is_empty() && plain.messages().is_empty());
    assert!(!plain.log().contains(RELAY_PASSWORD));
}

#[test]
fn a_451_is_tried_again_and_the_message_arrives_once() {
    let mail = MailServer::start("defer");
    mail.set("defer-once");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &[]);
    let reference = send(&server.base(), 1, &draft());
    exactly(&mail, 2, Duration::from_secs(20));
    assert!(
        mail.log().contains("451 4.3.0 try again later"),
        "{}",
        mail.log()
    );
    // One log line per attempt, with the reply's code and nothing personal: a message the
    // server deferred was tried again and accepted; each kind was accepted once.
    let log = server.stderr.lock().unwrap().clone();
    let attempts: Vec<&str> = log.lines().filter(|l| l.starts_with("mail: ")).collect();
    let d = draft();
    for line in &attempts {
        assert!(line.starts_with(&format!("mail: {reference} ")), "{line}");
        for personal in [&d.name, &d.email, &d.subject, &d.message] {
            assert!(!line.contains(personal.as_str()), "{line}");
        }
    }
    let deferred: Vec<&&str> = attempts
        .iter()
        .filter(|l| l.contains("attempt 1: failed for now (451)"))
        .collect();
    assert!(!deferred.is_empty(), "{log}");
    assert_eq!(attempts.len(), 2 + deferred.len(), "{log}");
    for kind in ["office", "receipt"] {
        let sent = attempts
            .iter()
            .filter(|l| l.contains(&format!(" {kind} attempt ")) && l.ends_with("sent (250)"))
            .count();
        assert_eq!(sent, 1, "{log}");
    }
    let all: Vec<_> = mail.messages();
    let all: Vec<_> = all.iter().map(|b| parse(b)).collect();
    ids_once(&all);
}

#[test]
fn a_550_is_recorded_as_failed_shown_by_outbox_and_can_be_retried() {
    let mail = MailServer::start("reject");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &[]);
    let d = Draft {
        email: "reject@example.jp".into(),
        ..draft()
    };
    let reference = send(&server.base(), 1, &d);
    // The office's copy arrives; the receipt is refused for good.
    let raw = mail.wait_for(1, Duration::from_secs(20));
    settle();
    assert_eq!(addresses(parse(&mail.messages()[0]).to()), [OFFICE]);
    let listed = outbox(&db, &[]);
    let line = listed
        .lines()
        .find(|l| l.contains(&format!("{reference}\treceipt\tfailed")))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(line.contains("550"), "{line}");
    assert!(listed.contains("0 pending, 1 failed, 1 sent"), "{listed}");
    let id = line.split('\t').next().unwrap();
    assert!(outbox(&db, &["--retry", id]).contains(&format!("message {id} is queued again")));
    drop(raw);
}

#[test]
fn an_endpoint_killed_between_storing_and_sending_sends_once_after_a_restart() {
    let mut mail = MailServer::start("sigkill");
    mail.down();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let mut server = endpoint(&db, &mail, &[]);
    send(&server.base(), 1, &draft());
    server.child.kill().unwrap(); // SIGKILL: no chance to send or tidy up
    server.child.wait().unwrap();
    mail.up();
    let _restarted = endpoint(&db, &mail, &[]);
    let raw = exactly(&mail, 2, Duration::from_secs(20));
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    ids_once(&all);
}

#[test]
fn two_endpoints_on_one_database_send_each_message_once_and_the_second_takes_over() {
    let mut mail = MailServer::start("two-senders");
    mail.down();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let mut first = endpoint(&db, &mail, &[]);
    let second = endpoint(&db, &mail, &[]);
    // Both take inquiries while the relay is down, so that each message is due again and
    // again, in both processes' reach, when it comes back.
    // Each from its own sender, so that no receipt is held back by the daily limits.
    let from = |n: u32| Draft {
        email: format!("sender{n}@example.jp"),
        ..draft()
    };
    for n in 1..=6 {
        let base = if n % 2 == 0 {
            second.base()
        } else {
            first.base()
        };
        send(&base, n, &from(n));
    }
    std::thread::sleep(Duration::from_secs(3));
    mail.up();
    let raw = exactly(&mail, 12, Duration::from_secs(30));
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    ids_once(&all);
    let waiting = second.stderr.lock().unwrap().clone();
    assert!(
        waiting.contains("another endpoint sends this database's mail"),
        "{waiting}"
    );
    // The sender ends as a crash would end it: the other sends from then on.
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    send(&second.base(), 7, &from(7));
    let raw = exactly(&mail, 14, Duration::from_secs(30));
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    ids_once(&all);
    let log = second.stderr.lock().unwrap().clone();
    assert!(
        log.contains("sends the database's mail from now on"),
        "{log}"
    );
}

#[test]
fn a_sigterm_in_the_middle_of_a_send_finishes_it_and_nothing_is_sent_twice() {
    let mail = MailServer::start("sigterm");
    mail.set("slow");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let mut server = endpoint(&db, &mail, &[]);
    send(&server.base(), 1, &draft());
    // Both messages are in exim's two-second DATA hold when the endpoint is told to stop.
    std::thread::sleep(Duration::from_millis(800));
    let pid = rustix::process::Pid::from_child(&server.child);
    let told = std::time::Instant::now();
    rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    // It waited for the relay's answer rather than leaving the sends to a restart.
    assert!(
        told.elapsed() >= Duration::from_millis(500),
        "{:?}",
        told.elapsed()
    );
    mail.clear("slow");
    assert_eq!(mail.wait_for(2, Duration::from_secs(5)).len(), 2);
    assert!(outbox(&db, &[]).contains("0 pending, 0 failed, 2 sent"));
    // A restart finds nothing owed.
    let _restarted = endpoint(&db, &mail, &[]);
    settle();
    assert_eq!(mail.messages().len(), 2);
}

#[test]
fn receipts_past_the_daily_limits_are_skipped_and_counted_but_the_office_gets_every_inquiry() {
    let mail = MailServer::start("limits");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &["--receipts-per-address", "2"]);
    for n in 1..=4 {
        send(&server.base(), n, &draft());
    }
    let raw = exactly(&mail, 6, Duration::from_secs(20));
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    let office = all.iter().filter(|m| addresses(m.to()) == [OFFICE]).count();
    let receipts = all
        .iter()
        .filter(|m| addresses(m.to()) == [draft().email])
        .count();
    assert_eq!((office, receipts), (4, 2));
    assert!(outbox(&db, &[]).contains("2 receipts skipped by the daily limits"));
}

#[test]
fn nothing_typed_in_any_field_adds_a_header_or_a_recipient() {
    let mail = MailServer::start("hostile");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let server = endpoint(&db, &mail, &[]);
    let long = "長".repeat(1500) + "Bcc: x@evil.example";
    let attacks = [
        "=?utf-8?b?QmNjOiBldmlsQGV2aWwuZXhhbXBsZQ==?=",
        "=?ISO-2022-JP?B?GyRCJEgbKEI=?= Bcc: evil@evil.example",
        "name <evil@evil.example>, other@evil.example",
        "Bcc: evil@evil.example Bcc: evil@evil.example Bcc: evil@evil.example Bcc: evil@evil.example x",
    ];
    let mut n = 0;
    for attack in attacks {
        n += 1;
        let d = Draft {
            name: attack.chars().take(100).collect(),
            subject: attack.chars().take(120).collect(),
            email: format!("sender{n}@example.jp"),
            message: format!(
                "{attack}\r\nBcc: evil@evil.example\r\n\r\n.\r\n\u{2028}To: evil@evil.example\n{long}"
            ),
            ..draft()
        };
        send(&server.base(), n, &d);
    }
    // CR or LF in a one-line field is refused by the shared rules before anything is stored.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let breaks = [
        "a\r\nBcc: evil@evil.example",
        "a\nBcc: e@evil.example",
        "a\tb",
        "a\u{2028}Bcc: e@evil.example",
    ];
    for (field, text) in ["name", "subject", "email", "phone"]
        .iter()
        .flat_map(|f| breaks.map(|b| (*f, b)))
    {
        let mut body = serde_json::to_value(draft()).unwrap();
        body[field] = serde_json::json!(text);
        let status = rt.block_on(async {
            reqwest::Client::new()
                .post(format!("{}/inquiries", server.base()))
                .header("Origin", ORIGIN)
                .header("Idempotency-Key", key(100))
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
        });
        assert_eq!(status.as_u16(), 422, "{field}: {text:?}");
    }
    let raw = exactly(&mail, 2 * n as usize, Duration::from_secs(20));
    let known: HashSet<&str> = [
        "return-path",
        "envelope-to",
        "received",
        "from",
        "reply-to",
        "to",
        "subject",
        "message-id",
        "content-type",
        "content-transfer-encoding",
        "date",
        "mime-version",
    ]
    .into();
    for bytes in &raw {
        let m = parse(bytes);
        for h in m.headers() {
            let name = h.name().to_ascii_lowercase();
            assert!(
                known.contains(name.as_str()),
                "header {name} in:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
        let envelope = m.header_raw("Envelope-to").unwrap().trim().to_owned();
        let sender = envelope.starts_with("sender") && envelope.ends_with("@example.jp");
        assert!(envelope == OFFICE || sender, "{envelope}");
        assert!(!String::from_utf8_lossy(bytes)
            .lines()
            .any(|l| l.len() > 998));
    }
    let log = mail.log();
    assert!(
        !log.lines().any(|l| l.contains("=>") && l.contains("evil")),
        "{log}"
    );
}

#[test]
fn check_mail_sends_one_test_message_and_says_what_the_server_answered() {
    let mail = MailServer::start("check");
    let url = mail.url();
    let run = |to: &str| {
        Command::new(BIN)
            .args([
                "check-mail",
                "--to",
                to,
                "--smtp-url",
                &url,
                "--mail-from",
                FROM,
            ])
            .args(["--mail-office", OFFICE])
            .output()
            .unwrap()
    };
    let out = run("someone@example.jp");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("accepted the test message: 250"),
        "{stdout}"
    );
    let raw = mail.wait_for(1, Duration::from_secs(10));
    assert_eq!(addresses(parse(&raw[0]).to()), ["someone@example.jp"]);
    let out = run("reject@example.jp");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refused the test message") && stderr.contains("550"),
        "{stderr}"
    );
}

#[test]
fn with_mail_on_the_start_up_line_names_the_relay() {
    let mail = MailServer::start("line");
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("i.sqlite3"))
        .args([
            "--smtp-url",
            &mail.url(),
            "--mail-from",
            FROM,
            "--mail-office",
            OFFICE,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let expected = format!(
        "mail to 1 office address(es) through 127.0.0.1:{} (no TLS); plain form off)",
        mail.port
    );
    assert!(line.trim_end().ends_with(&expected), "{line}");
}

/// Figures for docs/mail.md: `cargo test --release -p hcnf-endpoint --test mail -- --ignored
/// --nocapture`. A burst of 1,000 inquiries from 1,000 clients, with mail off and then on,
/// against the same binary; then each of the burst's 2,000 messages checked in the Maildir.
#[test]
#[ignore = "a load run: scripts/test.sh runs it on its own"]
fn a_burst_of_1000_inquiries_delivers_2000_messages_each_once() {
    const N: u32 = 1000;
    let mail = MailServer::start("burst");
    let dir = tempfile::tempdir().unwrap();
    let rate = ["--rate-burst", "100000", "--max-in-flight", "1024"];
    let off = Running::start(
        BIN,
        &dir.path().join("off.sqlite3"),
        &[
            &["--allow-origin", ORIGIN, "--trust-proxy", "127.0.0.1"][..],
            &rate[..],
        ]
        .concat(),
    );
    let (off_secs, _) = burst(&off.base(), N, 0);
    drop(off);
    let db = dir.path().join("on.sqlite3");
    let on = endpoint(&db, &mail, &rate);
    let quiet = one_at_a_time(&on.base(), &mail, 50, 3 * N);
    let (on_secs, submitted) = burst(&on.base(), N, N);
    let raw = mail.wait_for(2 * N as usize + 100, Duration::from_secs(600));
    let delivered = std::time::SystemTime::now();
    settle();
    let raw_now = mail.messages();
    assert_eq!(
        raw_now.len(),
        2 * N as usize + 100,
        "more messages than owed"
    );
    let all: Vec<_> = raw.iter().map(|b| parse(b)).collect();
    ids_once(&all);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: HashSet<String> = conn
        .prepare("SELECT reference FROM inquiries")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stored.len(), N as usize + 50);
    let office: Vec<_> = all
        .iter()
        .filter(|m| addresses(m.to()) == [OFFICE])
        .collect();
    assert_eq!(office.len(), N as usize + 50);
    for m in office {
        let reference = m
            .subject()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .split('】')
            .next()
            .unwrap();
        assert!(stored.contains(reference), "{reference}");
    }
    // Submit to receipt: each receipt file's time against its inquiry's submit time.
    let mut waits: Vec<Duration> = Vec::new();
    for entry in std::fs::read_dir(mail.dir.join("Maildir/new")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let m = parse(&bytes);
        let to = addresses(m.to());
        if let Some(n) = to[0]
            .strip_prefix("burst")
            .and_then(|r| r.split('@').next())
        {
            let n: usize = n.parse().unwrap();
            let at = std::fs::metadata(&path).unwrap().modified().unwrap();
            waits.push(at.duration_since(submitted[n]).unwrap_or_default());
        }
    }
    assert_eq!(waits.len(), N as usize);
    waits.sort();
    let first = submitted.iter().min().unwrap();
    let spread = delivered.duration_since(*first).unwrap().as_secs_f64();
    println!(
        "figures: {N} inquiries accepted, mail off {:.0}/s, mail on (outbox) {:.0}/s; \
         2,000 messages delivered in {spread:.1} s ({:.0}/s); submit to receipt: \
         median {:.2} s, p99 {:.2} s in the burst; one at a time: median {:.3} s, p99 {:.3} s",
        f64::from(N) / off_secs,
        f64::from(N) / on_secs,
        2.0 * f64::from(N) / spread,
        waits[waits.len() / 2].as_secs_f64(),
        waits[waits.len() * 99 / 100].as_secs_f64(),
        quiet[quiet.len() / 2].as_secs_f64(),
        quiet[quiet.len() * 99 / 100].as_secs_f64(),
    );
}

/// Sends `n` inquiries one at a time, keys from `first`, each waiting for its receipt to
/// arrive; the sorted times from submit to the receipt's file.
fn one_at_a_time(base: &str, mail: &MailServer, n: u32, first: u32) -> Vec<Duration> {
    let mut waits = Vec::new();
    for i in 0..n {
        let before = mail.messages().len();
        let d = Draft {
            email: format!("quiet{i}@example.jp"),
            ..draft()
        };
        let at = std::time::Instant::now();
        send(base, first + i, &d);
        mail.wait_for(before + 2, Duration::from_secs(20));
        waits.push(at.elapsed());
    }
    waits.sort();
    waits
}

/// POSTs `n` inquiries, keys from `first`, 32 at a time, each from a client of its own and
/// to an address of its own; the seconds taken and each one's submit time.
fn burst(base: &str, n: u32, first: u32) -> (f64, Vec<std::time::SystemTime>) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let client = reqwest::Client::new();
        let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(32));
        let started = std::time::Instant::now();
        let mut tasks = Vec::new();
        for i in 0..n {
            let (client, gate, base) = (client.clone(), gate.clone(), base.to_owned());
            tasks.push(tokio::spawn(async move {
                let _permit = gate.acquire_owned().await.unwrap();
                let d = Draft {
                    email: format!("burst{i}@example.jp"),
                    ..draft()
                };
                let at = std::time::SystemTime::now();
                let res = client
                    .post(format!("{base}/inquiries"))
                    .header("Origin", ORIGIN)
                    .header("Idempotency-Key", key(first + i))
                    .header(
                        "X-Forwarded-For",
                        format!("10.1.{}.{}", i / 250, i % 250 + 1),
                    )
                    .json(&d)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status().as_u16(), 201);
                at
            }));
        }
        let mut times = Vec::new();
        for t in tasks {
            times.push(t.await.unwrap());
        }
        (started.elapsed().as_secs_f64(), times)
    })
}
