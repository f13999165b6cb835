//! The limits that keep the endpoint up on the open internet, over real connections on
//! loopback, each with limits small enough to reach in a test: a client's rate, requests
//! in flight, free disk, the time to send headers, a body and a whole request, and the
//! number of connections. Other loopback addresses (127.0.0.2, …) stand for other clients.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::time::{Duration, Instant};

use hcnf_endpoint::{router, Config, Limits, Store};
use hcnf_inquiry::{ErrorBody, ErrorKind};
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

mod fixture;

use fixture::{draft, key, Server, ORIGIN};

async fn start(db: &Path, limits: Limits) -> Server {
    let config = Config {
        allowed_origins: vec![ORIGIN.into()],
        limits,
        ..Config::default()
    };
    let app = router(Store::open(db).unwrap(), config.clone());
    Server::start(app, config.limits).await
}

/// A client whose connections come from `from`.
fn client_from(from: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(from.parse::<IpAddr>().unwrap())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

async fn send(client: &reqwest::Client, s: &Server, n: u32) -> reqwest::Response {
    client
        .post(s.url())
        .header("Origin", ORIGIN)
        .header("Idempotency-Key", key(n))
        .json(&draft())
        .send()
        .await
        .unwrap()
}

fn rows(db: &Path) -> u64 {
    Store::open(db).unwrap().count().unwrap()
}

/// A raw connection from `from`, for clients that misbehave as no HTTP library would.
async fn connect_from(from: &str, s: &Server) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket
        .bind(SocketAddr::new(from.parse().unwrap(), 0))
        .unwrap();
    socket.connect(s.addr).await.unwrap()
}

/// The head of a POST of the draft, and its body.
fn raw_post(n: u32) -> (String, Vec<u8>) {
    let body = serde_json::to_vec(&draft()).unwrap();
    let head = format!(
        "POST /inquiries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {}\r\nContent-Length: {}\r\n\r\n",
        key(n),
        body.len()
    );
    (head, body)
}

/// Reads until the server closes the connection or `limit` passes; what came, and
/// whether it closed.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut got = Vec::new();
    let closed = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    (String::from_utf8_lossy(&got).into_owned(), closed)
}

async fn error_of(res: reqwest::Response) -> ErrorKind {
    res.json::<ErrorBody>().await.unwrap().error
}

#[tokio::test]
async fn a_client_over_its_rate_gets_429_with_retry_after_and_others_are_still_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            rate_burst: 3,
            rate_per_minute: 1,
            ..Limits::default()
        },
    )
    .await;
    let flooder = client_from("127.0.0.1");
    for n in 0..3 {
        assert_eq!(send(&flooder, &s, n).await.status(), StatusCode::CREATED);
    }
    let res = send(&flooder, &s, 3).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers()["access-control-allow-origin"], ORIGIN);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(error_of(res).await, ErrorKind::RateLimited);
    // Claiming to be someone else does not help when nobody's forwarding is trusted.
    let res = flooder
        .post(s.url())
        .header("Idempotency-Key", key(4))
        .header("X-Forwarded-For", "203.0.113.9")
        .json(&draft())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // The health check is never counted.
    let health = format!("http://{}/health", s.addr);
    assert_eq!(flooder.get(&health).send().await.unwrap().status(), 200);

    let other = client_from("127.0.0.2");
    assert_eq!(send(&other, &s, 5).await.status(), StatusCode::CREATED);
    assert_eq!(rows(&db), 4);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            rate_burst: 1,
            rate_per_minute: 1,
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..Limits::default()
        },
    )
    .await;
    let proxy = client_from("127.0.0.1");
    let via = |n: u32, client: &str| {
        proxy
            .post(s.url())
            .header("Idempotency-Key", key(n))
            .header("X-Forwarded-For", format!("198.51.100.{client}"))
            .json(&draft())
            .send()
    };
    assert_eq!(via(0, "1").await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(via(1, "2").await.unwrap().status(), StatusCode::CREATED);
    assert_eq!(
        via(2, "1").await.unwrap().status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(rows(&db), 2);
}

#[tokio::test]
async fn past_the_cap_on_requests_in_flight_a_request_gets_503_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            max_in_flight: 1,
            ..Limits::default()
        },
    )
    .await;
    // One request in flight: its body has not all come yet.
    let (head, body) = raw_post(0);
    let mut slow = connect_from("127.0.0.3", &s).await;
    slow.write_all(head.as_bytes()).await.unwrap();
    slow.write_all(&body[..10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    let res = send(&client_from("127.0.0.1"), &s, 1).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()["retry-after"], "1");
    assert_eq!(error_of(res).await, ErrorKind::Server);

    slow.write_all(&body[10..]).await.unwrap();
    let (reply, _) = read_until_closed(&mut slow, Duration::from_secs(2)).await;
    assert!(reply.starts_with("HTTP/1.1 201"), "{reply}");
    assert_eq!(send(&client_from("127.0.0.1"), &s, 1).await.status(), 201);
    assert_eq!(rows(&db), 2);
}

#[tokio::test]
async fn below_the_free_disk_floor_an_inquiry_gets_503_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            // More than any disk has.
            min_free_disk_mb: 1 << 40,
            ..Limits::default()
        },
    )
    .await;
    let res = send(&client_from("127.0.0.1"), &s, 0).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(error_of(res).await, ErrorKind::Server);
    assert_eq!(rows(&db), 0);
}

#[tokio::test]
async fn a_client_sending_headers_a_byte_at_a_time_is_disconnected_after_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(
        &dir.path().join("i.sqlite3"),
        Limits {
            header_timeout: Duration::from_secs(1),
            ..Limits::default()
        },
    )
    .await;
    let (head, _) = raw_post(0);
    let mut slow = connect_from("127.0.0.1", &s).await;
    let started = Instant::now();
    let mut cut_off = None;
    for byte in head.as_bytes().iter().cycle().take(100) {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if slow.write_all(&[*byte]).await.is_err() {
            cut_off = Some(started.elapsed());
            break;
        }
        // A closed connection shows as end of stream before a write fails.
        let mut buf = [0u8; 64];
        if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_millis(1), slow.read(&mut buf)).await
        {
            cut_off = Some(started.elapsed());
            break;
        }
    }
    let cut_off = cut_off.expect("still connected after 5 s");
    assert!(
        cut_off >= Duration::from_millis(900) && cut_off < Duration::from_secs(3),
        "{cut_off:?}"
    );
    // A silent connection goes the same way.
    let mut silent = connect_from("127.0.0.1", &s).await;
    let (_, closed) = read_until_closed(&mut silent, Duration::from_secs(3)).await;
    assert!(closed);
}

#[tokio::test]
async fn a_body_that_trickles_in_is_refused_with_408_after_the_body_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            body_timeout: Duration::from_secs(1),
            ..Limits::default()
        },
    )
    .await;
    let (head, body) = raw_post(0);
    let mut slow = connect_from("127.0.0.1", &s).await;
    slow.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let trickle = async {
        for byte in body.iter().take(100) {
            if slow.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    // Sends for 10 s unless cut off; the reply is read after.
    let _ = tokio::time::timeout(Duration::from_secs(3), trickle).await;
    let (reply, _) = read_until_closed(&mut slow, Duration::from_secs(1)).await;
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(reply.contains(r#""error":"malformed""#), "{reply}");
    assert!(started.elapsed() < Duration::from_secs(4));
    assert_eq!(rows(&db), 0);
}

#[tokio::test]
async fn a_request_past_its_deadline_gets_503() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            body_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(1),
            ..Limits::default()
        },
    )
    .await;
    let (head, body) = raw_post(0);
    let mut slow = connect_from("127.0.0.1", &s).await;
    slow.write_all(head.as_bytes()).await.unwrap();
    slow.write_all(&body[..5]).await.unwrap();
    let started = Instant::now();
    let (reply, _) = read_until_closed(&mut slow, Duration::from_secs(3)).await;
    assert!(reply.starts_with("HTTP/1.1 503"), "{reply}");
    assert!(
        reply.to_ascii_lowercase().contains("retry-after: 1"),
        "{reply}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(rows(&db), 0);
}

#[tokio::test]
async fn connections_past_one_clients_cap_are_closed_and_others_are_still_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            max_connections: 16,
            max_connections_per_client: 4,
            // Long enough that no idle connection is closed by the header timeout here.
            header_timeout: Duration::from_secs(30),
            ..Limits::default()
        },
    )
    .await;
    let mut hoard = Vec::new();
    for _ in 0..10 {
        hoard.push(connect_from("127.0.0.2", &s).await);
    }
    let mut closed = 0;
    for conn in &mut hoard {
        let (_, was_closed) = read_until_closed(conn, Duration::from_millis(300)).await;
        closed += usize::from(was_closed);
    }
    assert_eq!(closed, 6, "all past the first 4 are closed");
    let started = Instant::now();
    assert_eq!(send(&client_from("127.0.0.1"), &s, 0).await.status(), 201);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(rows(&db), 1);
}

#[tokio::test]
async fn past_the_connection_cap_a_new_connection_waits_until_one_closes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let s = start(
        &db,
        Limits {
            max_connections: 2,
            header_timeout: Duration::from_secs(30),
            ..Limits::default()
        },
    )
    .await;
    let mut idle = vec![
        connect_from("127.0.0.2", &s).await,
        connect_from("127.0.0.3", &s).await,
    ];
    let client = client_from("127.0.0.1");
    let waiting = tokio::spawn({
        let (client, url) = (client.clone(), s.url());
        async move {
            client
                .post(url)
                .header("Idempotency-Key", key(0))
                .json(&draft())
                .send()
                .await
                .map(|r| r.status())
        }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "served past the cap");
    assert_eq!(rows(&db), 0);
    idle.pop();
    let status = tokio::time::timeout(Duration::from_secs(3), waiting)
        .await
        .expect("served once a connection closed")
        .unwrap()
        .unwrap();
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(rows(&db), 1);
}
