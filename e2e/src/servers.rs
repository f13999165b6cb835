//! Helper processes on loopback, each ended when the test ends: the endpoint (with the
//! test-only fault routes), nginx serving the build as production does, and the demo host.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hcnf_test_rig::endpoint;

use crate::{dist, root};

/// The endpoint's binary as this package builds it: with the fault injection these suites
/// need, so `cargo test -p hcnf-e2e` builds and runs the right one.
fn endpoint_bin() -> PathBuf {
    hcnf_test_rig::built_binary("hcnf-endpoint-faults")
}

/// The lowest port [`free_port`] gives, when the system's range leaves room below it.
pub const FREE_PORTS_FROM: u16 = 20_000;

/// A loopback port for a helper that cannot report the port it binds (nginx, a WebDriver):
/// free now, and below the range the system hands out for port 0 and for outgoing
/// connections. A port from that range can be taken again before the helper binds it (by
/// the endpoint, which binds port 0, or by a browser's connections): two picks in a row
/// gave the same port once in about 4,000 tries here, and a race of that kind sent one load
/// test's requests to the other's server. Below the range these picks compete only with
/// programs that bind fixed ports, and they never give the same port twice in one process.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    // The system's range for port 0, from its setting; Linux's default begins at 32768.
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    if ephemeral_low <= FREE_PORTS_FROM + 1_000 {
        // No room below the range: the system's pick, as before.
        return TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
    }
    let span = ephemeral_low - FREE_PORTS_FROM;
    // Each test process starts at its own place, so processes run side by side (another
    // suite, a second checkout) seldom probe the same ports.
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let start = std::process::id() % u32::from(span);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        assert!(n < span, "no free loopback port below {ephemeral_low}");
        // In u32: the sum may pass u16's end when the range begins high.
        let port = FREE_PORTS_FROM + ((start + u32::from(n)) % u32::from(span)) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// A child process ended when the test ends, pass or fail.
pub struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `cmd` started quietly, as a [`Proc`].
pub(crate) fn spawn(cmd: &mut Command) -> Proc {
    Proc(
        cmd.stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a helper process"),
    )
}

pub async fn wait_for_port(port: u16) {
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "nothing listened on {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The endpoint, storing in `dir`, accepting `origins`, with the test-only fault routes.
/// Returns its process and its base URL.
pub async fn start_endpoint(dir: &Path, origins: &[&str]) -> (Proc, String) {
    start_endpoint_with(dir, origins, &[]).await
}

/// As [`start_endpoint`], with `extra` flags (mail settings, say).
pub async fn start_endpoint_with(dir: &Path, origins: &[&str], extra: &[&str]) -> (Proc, String) {
    // The built site, for the plain form's answer pages, behind nginx on this machine.
    let site = dist();
    let mut flags = vec![
        "--test-faults",
        "--fault-delay-ms",
        "2500",
        "--trust-proxy",
        "127.0.0.1",
        "--site",
        site.to_str().unwrap(),
    ];
    for origin in origins {
        flags.extend(["--allow-origin", origin]);
    }
    flags.extend(extra);
    let bin = endpoint_bin();
    let (child, addr) = endpoint::endpoint(
        bin.to_str().unwrap(),
        &dir.join("inquiries.sqlite3"),
        &flags,
    );
    (Proc(child), format!("http://{addr}"))
}

/// The prerendered build behind nginx with the site's production rules
/// (`scripts/nginx.sh`), on `port`; `config` replaces the build's `config.json`. The plain
/// form's posts go to no endpoint (nginx answers them 502).
pub async fn start_site(port: u16, config: Option<&Path>) -> Proc {
    start_site_from(port, &dist(), config, None).await
}

/// As [`start_site`], passing the plain form's posts to the endpoint at `endpoint` (its
/// base URL, as [`start_endpoint`] gives it).
pub async fn start_site_for(port: u16, config: Option<&Path>, endpoint: &str) -> Proc {
    start_site_from(port, &dist(), config, Some(endpoint)).await
}

/// As [`start_site`], serving the build in `dist`.
pub async fn start_site_from(
    port: u16,
    dist: &Path,
    config: Option<&Path>,
    endpoint: Option<&str>,
) -> Proc {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/nginx.sh"))
        .args(["--port", &port.to_string()])
        .arg("--dist")
        .arg(dist);
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    // Nothing listens on port 9 of this machine: a post there fails at once.
    let upstream = endpoint.map_or("127.0.0.1:9", |e| e.trim_start_matches("http://"));
    cmd.args(["--endpoint", upstream]);
    let proc = spawn(&mut cmd);
    wait_for_port(port).await;
    proc
}

/// The demo host (`scripts/demo_host.sh`) on `port`: nginx serving the pages in `demo` as a
/// host site, the release build under `/hcnf-app/`, and each of `pages` for every path
/// under its prefix; `config` replaces the build's `config.json`. The plain form's posts
/// under each prefix go to the endpoint at `endpoint` (its base URL, as [`start_endpoint`]
/// gives it).
pub async fn start_demo_host(
    port: u16,
    demo: &Path,
    pages: &[(&str, PathBuf)],
    config: Option<&Path>,
    endpoint: &str,
) -> Proc {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/demo_host.sh"))
        .args(["--port", &port.to_string()])
        .arg("--dist")
        .arg(dist())
        .arg("--demo")
        .arg(demo);
    for (prefix, page) in pages {
        cmd.arg("--page")
            .arg(format!("{prefix}={}", page.display()));
    }
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    cmd.args(["--endpoint", endpoint.trim_start_matches("http://")]);
    let proc = spawn(&mut cmd);
    wait_for_port(port).await;
    proc
}

/// The inquiries the endpoint storing in `dir` ([`start_endpoint`]) has stored, as the
/// office's export reads them.
pub fn stored_rows(dir: &Path) -> Vec<hcnf_endpoint::Record> {
    hcnf_endpoint::Store::open_existing(&dir.join("inquiries.sqlite3"))
        .unwrap()
        .received_since("")
        .unwrap()
}

/// How many inquiries the endpoint has stored.
pub async fn stored(endpoint: &str) -> u64 {
    reqwest::get(format!("{endpoint}/_test/count"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
