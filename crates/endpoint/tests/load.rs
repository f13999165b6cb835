//! The endpoint binary under load over loopback: a flood from one client is held to its
//! rate while another client is still served; a flood from many clients behind a trusted
//! proxy is served; and every accepted inquiry is stored exactly once. Each run is bounded
//! in requests and time.
//!
//! The figures in crates/endpoint/README.md come from the ignored benchmark at the end, on
//! a release build: `cargo test --release -p hcnf-endpoint --test load -- --ignored
//! --nocapture`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fixture::{draft, key};
use hcnf_endpoint::Store;
use hcnf_inquiry::Accepted;

mod fixture;

use hcnf_test_rig::endpoint::Running;

/// The endpoint's binary, as Cargo built it for these tests.
const BIN: &str = env!("CARGO_BIN_EXE_hcnf-endpoint");

/// The most memory the endpoint's process has held, from the kernel's account of it.
fn peak_rss_kib(e: &Running) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", e.child.id())).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// What one request got.
struct Outcome {
    n: u32,
    status: u16,
    reference: Option<String>,
    latency: Duration,
}

/// Sends `count` inquiries from `workers` concurrent tasks over one client (whose
/// connections come from `from`). Request `n` has key `key(first + n)`, and its client
/// is named by `forwarded_for(n)` when that is given; `deadline` bounds the whole run.
async fn flood(
    base: &str,
    from: &str,
    first: u32,
    count: u32,
    workers: usize,
    forwarded_for: Option<fn(u32) -> String>,
    deadline: Duration,
) -> Vec<Outcome> {
    let client = reqwest::Client::builder()
        .local_address(from.parse::<std::net::IpAddr>().unwrap())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let next = Arc::new(AtomicU32::new(0));
    let body = Arc::new(serde_json::to_vec(&draft()).unwrap());
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let (client, next, body, url) = (
            client.clone(),
            next.clone(),
            body.clone(),
            format!("{base}/inquiries"),
        );
        tasks.spawn(async move {
            let mut got = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= count {
                    return got;
                }
                let mut req = client
                    .post(&url)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key(first + n))
                    .body(body.as_ref().clone());
                if let Some(f) = forwarded_for {
                    req = req.header("X-Forwarded-For", f(n));
                }
                let started = Instant::now();
                let res = req.send().await.unwrap();
                let status = res.status().as_u16();
                let reference = res.json::<Accepted>().await.ok().map(|a| a.reference);
                got.push(Outcome {
                    n,
                    status,
                    reference,
                    latency: started.elapsed(),
                });
            }
        });
    }
    let all = tokio::time::timeout(deadline, tasks.join_all())
        .await
        .expect("the flood finished in time");
    all.into_iter().flatten().collect()
}

fn count(outcomes: &[Outcome], status: u16) -> usize {
    outcomes.iter().filter(|o| o.status == status).count()
}

fn rows(db: &Path) -> u64 {
    Store::open(db).unwrap().count().unwrap()
}

#[tokio::test]
async fn a_flood_from_one_client_is_held_to_its_rate_while_another_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    // The default limits, as deployed.
    let e = Running::start(BIN, &db, &[]);
    let base = e.base();
    let flooding = flood(
        &base,
        "127.0.0.1",
        0,
        300,
        16,
        None,
        Duration::from_secs(30),
    );
    let other = async {
        let mut got = Vec::new();
        for n in 0..5 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            got.extend(
                flood(
                    &base,
                    "127.0.0.2",
                    10_000 + n,
                    1,
                    1,
                    None,
                    Duration::from_secs(10),
                )
                .await,
            );
        }
        got
    };
    let (flooded, other) = tokio::join!(flooding, other);
    let (created, limited) = (count(&flooded, 201), count(&flooded, 429));
    assert_eq!(created + limited, 300, "only 201 or 429");
    // The burst, plus what refilled during the run at 1 a second.
    assert!(
        created >= 30 && limited >= 200,
        "{created} accepted, {limited} limited"
    );
    assert!(
        other.iter().all(|o| o.status == 201),
        "the other client was served"
    );
    assert_eq!(rows(&db), (created + other.len()) as u64);
}

#[tokio::test]
async fn a_flood_from_many_clients_behind_a_proxy_is_served_and_each_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let e = Running::start(BIN, &db, &["--trust-proxy", "127.0.0.1"]);
    let base = e.base();
    // 100 clients, 4 inquiries each, every one sent twice (a retry after a lost reply).
    let client_of: fn(u32) -> String = |n| format!("198.51.100.{}", n % 100);
    let first = flood(
        &base,
        "127.0.0.1",
        0,
        400,
        16,
        Some(client_of),
        Duration::from_secs(40),
    )
    .await;
    let again = flood(
        &base,
        "127.0.0.1",
        0,
        400,
        16,
        Some(|n| format!("203.0.113.{}", n % 100)),
        Duration::from_secs(40),
    )
    .await;
    assert_eq!(count(&first, 201), 400);
    assert_eq!(count(&again, 200), 400, "retries replay");
    let references: HashSet<_> = first.iter().filter_map(|o| o.reference.clone()).collect();
    assert_eq!(references.len(), 400);
    for o in &again {
        let original = first.iter().find(|f| f.n == o.n).unwrap();
        assert_eq!(o.reference, original.reference);
    }
    assert_eq!(rows(&db), 400);
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(what: &str, outcomes: &[Outcome], took: Duration) {
    let mut latencies: Vec<Duration> = outcomes.iter().map(|o| o.latency).collect();
    latencies.sort();
    println!(
        "{what}: {} requests in {:.2} s = {:.0}/s; p50 {:.2} ms, p99 {:.2} ms",
        outcomes.len(),
        took.as_secs_f64(),
        outcomes.len() as f64 / took.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
    );
}

#[tokio::test]
#[ignore = "a benchmark: run on a release build, see the module docs"]
async fn benchmark() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite3");
    let e = Running::start(
        BIN,
        &db,
        &["--trust-proxy", "127.0.0.1", "--rate-burst", "1000"],
    );
    let base = e.base();
    let (requests, workers) = (5_000, 32);
    let started = Instant::now();
    let stored = flood(
        &base,
        "127.0.0.1",
        0,
        requests,
        workers,
        Some(|n| format!("10.{}.{}.{}", n >> 16 & 255, n >> 8 & 255, n & 255)),
        Duration::from_secs(300),
    )
    .await;
    report(
        "accepted and stored (fsync each)",
        &stored,
        started.elapsed(),
    );
    assert_eq!(count(&stored, 201), requests as usize);

    // One client: its burst of 1000 is stored, then every request is refused.
    let started = Instant::now();
    let refused = flood(
        &base,
        "127.0.0.1",
        requests,
        20_000,
        workers,
        Some(|_| "192.0.2.1".into()),
        Duration::from_secs(300),
    )
    .await;
    report(
        "one client over its rate (429)",
        &refused,
        started.elapsed(),
    );
    println!("server peak RSS (VmHWM): {} KiB", peak_rss_kib(&e));
    assert!(count(&refused, 429) > 18_000);
}
