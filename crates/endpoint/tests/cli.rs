//! The binary's arguments: the test-only fault flags exist only with the `test-faults`
//! feature, so a release build can neither be told to inject faults nor mentions them.

use std::process::Command;

/// The endpoint's binary, as Cargo built it for these tests.
const BIN: &str = env!("CARGO_BIN_EXE_hcnf-endpoint");

/// What the binary says, on stderr, when asked for its usage.
fn usage() -> String {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8(out.stderr).unwrap()
}

#[cfg(not(feature = "test-faults"))]
#[test]
fn a_release_build_refuses_the_fault_flags_and_does_not_contain_them() {
    let help = usage();
    assert!(help.starts_with("usage: hcnf-endpoint"), "{help}");
    assert!(!help.contains("fault"), "{help}");
    for flag in ["--test-faults", "--fault-delay-ms"] {
        // Refused before the database is opened or the port bound.
        let out = Command::new(BIN).arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("unknown argument {flag}\n")),
            "{stderr}"
        );
    }
    let binary = std::fs::read(BIN).unwrap();
    for needle in ["--test-faults", "/_test/faults", "/_test/count"] {
        assert!(
            !binary.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "the binary contains {needle}"
        );
    }
}

#[cfg(feature = "test-faults")]
#[test]
fn a_test_build_lists_the_fault_flags() {
    let help = usage();
    assert!(help.starts_with("usage: hcnf-endpoint"), "{help}");
    assert!(
        help.contains("[--test-faults] [--fault-delay-ms 20000]"),
        "{help}"
    );
}

#[test]
fn the_usage_lists_every_limit_and_the_office_commands() {
    let help = usage();
    for flag in [
        "--trust-proxy ADDR",
        "--rate-per-minute 60",
        "--rate-burst 30",
        "--max-in-flight 128",
        "--min-free-disk-mb 100",
        "--header-timeout-secs 10",
        "--body-timeout-secs 10",
        "--request-timeout-secs 30",
        "--max-connections 1024",
        "--max-connections-per-client 32",
        "--shutdown-timeout-secs 10",
        "hcnf-endpoint export --db PATH --since YYYY-MM-DD [--format csv|json]",
        "hcnf-endpoint purge --db PATH [--older-than 365]",
    ] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
}

#[test]
fn limits_that_would_refuse_everything_or_cannot_be_read_are_refused() {
    for args in [
        ["--rate-burst", "0"],
        ["--max-in-flight", "0"],
        ["--trust-proxy", "proxy.example"],
        ["--header-timeout-secs", "soon"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(args[0]), "{stderr}");
    }
}

#[test]
fn mail_settings_that_cannot_work_stop_the_start_with_one_line_saying_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let db = db.to_str().unwrap();
    let relay = ["--smtp-url", "smtp://127.0.0.1:2525?tls=none"];
    let from = ["--mail-from", "hcnf@pref.example.jp"];
    let office = ["--mail-office", "office@pref.example.jp"];
    let cases: [(Vec<&str>, &str); 6] = [
        (
            [&relay[..], &from[..]].concat(),
            "no office address is given: add --mail-office",
        ),
        (
            [&relay[..], &office[..]].concat(),
            "no sender is given: add --mail-from",
        ),
        (
            [
                &["--smtp-url", "mail.example.jp:25"][..],
                &from[..],
                &office[..],
            ]
            .concat(),
            "cannot be read: write smtp://HOST[:PORT]",
        ),
        (
            [
                &relay[..],
                &from[..],
                &office[..],
                &["--smtp-credentials-file", "/nonexistent/c"][..],
            ]
            .concat(),
            "--smtp-credentials-file /nonexistent/c: cannot be read",
        ),
        (
            [
                &["--smtp-url", "smtp://hcnf:pw@relay.example.jp"][..],
                &from[..],
                &office[..],
            ]
            .concat(),
            "put them in the file named by --smtp-credentials-file",
        ),
        ([&from[..], &office[..]].concat(), "without --smtp-url"),
    ];
    for (args, says) in cases {
        let out = Command::new(BIN)
            .args(["--listen", "127.0.0.1:0", "--db", db])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("pw@"), "{stderr}");
    }
    // Nothing was started or written for a refused start.
    assert!(!std::path::Path::new(db).exists());
}

#[test]
fn without_mail_settings_the_endpoint_says_mail_is_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("i.sqlite3"))
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
    assert!(
        line.trim_end().ends_with("; mail off; plain form off)"),
        "{line}"
    );
}

mod office {
    //! `export` and `purge` on a database the endpoint wrote.

    use std::path::{Path, PathBuf};
    use std::process::{Command, Output};

    use hcnf_endpoint::{digest, Meta, Store, DEFAULT_RETENTION_DAYS};
    use hcnf_inquiry::{validate, Draft};

    use super::BIN;

    fn draft(name: &str, subject: &str, message: &str) -> Draft {
        Draft {
            name: name.into(),
            email: "taro@example.jp".into(),
            phone: "+81 45 285 0777".into(),
            category: "other".into(),
            subject: subject.into(),
            message: message.into(),
            consent: true,
            website: String::new(),
            elapsed_ms: 45_000,
            locale: "ja".into(),
        }
    }

    /// A database with an inquiry received `days_ago` for each entry, in that order.
    fn database(dir: &Path, inquiries: &[(u32, Draft)]) -> PathBuf {
        let path = dir.join("i.sqlite3");
        let store = Store::open(&path).unwrap();
        for (n, (_, d)) in inquiries.iter().enumerate() {
            let key = format!("k{n}");
            let meta = Meta {
                key: &key,
                fingerprint: &digest(&key),
                locale: &d.locale,
                suspected_spam: false,
                elapsed_ms: d.elapsed_ms,
                outbound: None,
            };
            store.insert(&validate(d).unwrap(), &meta).unwrap();
        }
        let conn = rusqlite::Connection::open(&path).unwrap();
        for (n, (days_ago, _)) in inquiries.iter().enumerate() {
            conn.execute(
                "UPDATE inquiries SET received_at =
                    strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?1) WHERE idempotency_key = ?2",
                [format!("-{days_ago} days"), format!("k{n}")],
            )
            .unwrap();
        }
        path
    }

    fn run(args: &[&str], db: &Path) -> Output {
        Command::new(BIN)
            .args(&args[..1])
            .arg("--db")
            .arg(db)
            .args(&args[1..])
            .output()
            .unwrap()
    }

    fn days_ago(days: i64) -> String {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.query_row("SELECT date('now', ?1)", [format!("-{days} days")], |r| {
            r.get(0)
        })
        .unwrap()
    }

    #[test]
    fn export_writes_csv_a_spreadsheet_cannot_run() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(
            dir.path(),
            &[
                (40, draft("古い 方", "前の件", "古い")),
                (
                    2,
                    draft(
                        "=HYPERLINK(\"http://evil.example\",\"x\")",
                        "@SUM(1+1)",
                        "-1, \"quoted\"\nsecond line",
                    ),
                ),
            ],
        );
        let out = run(&["export", "--since", &days_ago(10)], &db);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
        assert_eq!(
            csv.headers().unwrap().iter().collect::<Vec<_>>(),
            [
                "reference",
                "received_at",
                "locale",
                "name",
                "email",
                "phone",
                "category",
                "subject",
                "message",
                "suspected_spam",
                "elapsed_ms"
            ]
        );
        let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1, "only the inquiry of the last ten days");
        let row = &rows[0];
        assert_eq!(&row[0], "HCNF-000002");
        assert_eq!(&row[3], "'=HYPERLINK(\"http://evil.example\",\"x\")");
        assert_eq!(&row[5], "'+81452850777");
        assert_eq!(&row[7], "'@SUM(1+1)");
        assert_eq!(&row[8], "'-1, \"quoted\"\nsecond line");
        assert_eq!(&row[9], "false");
    }

    #[test]
    fn export_writes_json_exactly_as_stored() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(
            dir.path(),
            &[
                (3, draft("=1+1", "件名", "本文")),
                (1, draft("山田", "件名", "本文")),
            ],
        );
        let out = run(
            &["export", "--since", &days_ago(5), "--format", "json"],
            &db,
        );
        assert!(out.status.success());
        let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let names: Vec<&str> = all
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["=1+1", "山田"]);
        assert!(all[0].get("fingerprint").is_none() && all[0].get("idempotency_key").is_none());
    }

    #[test]
    fn export_refuses_a_date_that_does_not_exist_and_a_database_that_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(dir.path(), &[]);
        for since in ["2025-02-29", "2025-13-01", "25-01-01", "yesterday"] {
            let out = run(&["export", "--since", since], &db);
            assert_eq!(out.status.code(), Some(2), "{since}");
        }
        assert!(run(&["export", "--since", "2024-02-29"], &db)
            .status
            .success());
        let missing = dir.path().join("typo.sqlite3");
        let out = run(&["export", "--since", "2024-01-01"], &missing);
        assert_eq!(out.status.code(), Some(1));
        assert!(!missing.exists(), "no empty database left behind");
    }

    #[test]
    fn purge_removes_what_is_older_and_says_how_many() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(
            dir.path(),
            &[
                (400, draft("一", "件名", "本文")),
                (200, draft("二", "件名", "本文")),
                (10, draft("三", "件名", "本文")),
            ],
        );
        let out = run(&["purge", "--older-than", "90"], &db);
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "purged 2 inquiries received more than 90 days ago\n"
        );
        let store = Store::open(&db).unwrap();
        assert_eq!(store.count().unwrap(), 1);
        let left = store.received_since("2000-01-01").unwrap();
        assert_eq!(left[0].name, "三");
        // Nothing of the purged rows is left in the files.
        for suffix in ["", "-wal"] {
            let mut file = db.as_os_str().to_owned();
            file.push(suffix);
            let bytes = std::fs::read(&file).unwrap_or_default();
            let needle = "二".as_bytes();
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{file:?}"
            );
        }
    }

    #[test]
    fn purge_without_a_number_of_days_keeps_what_the_privacy_notice_says() {
        // The notice: an inquiry is kept for 365 days from its receipt, then deleted.
        let dir = tempfile::tempdir().unwrap();
        let db = database(
            dir.path(),
            &[
                (366, draft("一", "件名", "本文")),
                (364, draft("二", "件名", "本文")),
            ],
        );
        let out = run(&["purge"], &db);
        assert!(out.status.success(), "{out:?}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("purged 1 inquiries received more than {DEFAULT_RETENTION_DAYS} days ago\n")
        );
        let left = Store::open(&db)
            .unwrap()
            .received_since("2000-01-01")
            .unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].name, "二");
        // Without the database it says what it needs and touches nothing.
        let out = Command::new(BIN).arg("purge").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("purge needs --db\n"));
    }

    #[test]
    fn the_running_endpoint_deletes_what_the_notice_no_longer_keeps() {
        // The notice's rule holds without anyone running purge: the endpoint applies it
        // when it starts (and every hour after).
        let dir = tempfile::tempdir().unwrap();
        let db = database(
            dir.path(),
            &[
                (366, draft("一", "件名", "本文")),
                (364, draft("二", "件名", "本文")),
            ],
        );
        let running = hcnf_test_rig::endpoint::Running::start(BIN, &db, &[]);
        let started = std::time::Instant::now();
        let left = loop {
            let left = Store::open(&db)
                .unwrap()
                .received_since("2000-01-01")
                .unwrap();
            if left.len() < 2 || started.elapsed() > std::time::Duration::from_secs(10) {
                break left;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert_eq!(left.len(), 1, "nothing was deleted in 10 s");
        assert_eq!(left[0].name, "二");
        // And says so to whoever reads its log (the line may follow the deletion a little).
        let line = format!(
            "retention: deleted 1 inquiries received more than {DEFAULT_RETENTION_DAYS} days ago"
        );
        let said = loop {
            let said = running.stderr.lock().unwrap().clone();
            if said.contains(&line) || started.elapsed() > std::time::Duration::from_secs(10) {
                break said;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert!(said.contains(&line), "{said}");
    }
}

mod server {
    //! The binary as a service manager runs it: flags that take effect, and SIGTERM.

    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::{Duration, Instant};

    use hcnf_test_rig::endpoint::Running;

    use crate::BIN;

    fn start(dir: &std::path::Path, flags: &[&str]) -> Running {
        Running::start(BIN, &dir.join("i.sqlite3"), flags)
    }

    fn post(n: u32) -> (String, Vec<u8>) {
        let body = r#"{"name":"山田 太郎","email":"taro@example.jp","category":"other","subject":"件名","message":"本文","consent":true,"elapsed_ms":45000,"locale":"ja"}"#.as_bytes();
        let head = format!(
            "POST /inquiries HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Idempotency-Key: 00000000-0000-4000-8000-{n:012}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        (head, body.to_vec())
    }

    fn status_of(s: &Running, n: u32) -> String {
        let mut conn = TcpStream::connect(s.addr).unwrap();
        let (head, body) = post(n);
        conn.write_all(head.as_bytes()).unwrap();
        conn.write_all(&body).unwrap();
        let mut reply = String::new();
        let _ = conn.read_to_string(&mut reply);
        reply.lines().next().unwrap_or_default().to_owned()
    }

    fn terminate(s: &Running) {
        let pid = rustix::process::Pid::from_child(&s.child);
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
    }

    /// Waits up to `limit` for the process to end; its exit code and how long it took.
    fn wait_exit(s: &mut Running, limit: Duration) -> (Option<i32>, Duration) {
        let started = Instant::now();
        loop {
            if let Some(status) = s.child.try_wait().unwrap() {
                return (status.code(), started.elapsed());
            }
            assert!(started.elapsed() < limit, "still running after {limit:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn the_rate_flags_take_effect() {
        let dir = tempfile::tempdir().unwrap();
        let s = start(dir.path(), &["--rate-burst", "1", "--rate-per-minute", "1"]);
        assert_eq!(status_of(&s, 0), "HTTP/1.1 201 Created");
        assert_eq!(status_of(&s, 1), "HTTP/1.1 429 Too Many Requests");
    }

    #[test]
    fn sigterm_lets_a_request_in_flight_finish_then_stops() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = start(dir.path(), &["--shutdown-timeout-secs", "5"]);
        let mut conn = TcpStream::connect(s.addr).unwrap();
        let (head, body) = post(0);
        conn.write_all(head.as_bytes()).unwrap();
        conn.write_all(&body[..10]).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        terminate(&s);
        std::thread::sleep(Duration::from_millis(300));
        // No new connections once stopping...
        assert!(TcpStream::connect(s.addr).is_err());
        // ...but the one in flight is answered.
        conn.write_all(&body[10..]).unwrap();
        let mut reply = String::new();
        conn.read_to_string(&mut reply).unwrap();
        assert!(reply.starts_with("HTTP/1.1 201"), "{reply}");
        let (code, _) = wait_exit(&mut s, Duration::from_secs(3));
        assert_eq!(code, Some(0));
        let stored = hcnf_endpoint::Store::open(&dir.path().join("i.sqlite3"))
            .unwrap()
            .count()
            .unwrap();
        assert_eq!(stored, 1);
    }

    #[test]
    fn sigterm_stops_within_the_shutdown_timeout_even_if_a_request_never_ends() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = start(
            dir.path(),
            &["--shutdown-timeout-secs", "1", "--body-timeout-secs", "60"],
        );
        let mut conn = TcpStream::connect(s.addr).unwrap();
        let (head, body) = post(0);
        conn.write_all(head.as_bytes()).unwrap();
        conn.write_all(&body[..10]).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        terminate(&s);
        let (code, took) = wait_exit(&mut s, Duration::from_secs(4));
        assert_eq!(code, Some(0));
        assert!(took >= Duration::from_millis(800), "{took:?}");
    }
}
