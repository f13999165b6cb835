//! The endpoint's binary started for a test on a loopback port it picks itself.
//!
//! A test that picked a free port and passed it on raced with every other test running at
//! the same time: between the test's probe and the binary's bind, another endpoint could
//! take the port, and a test once flooded another test's endpoint. The binary binds port 0
//! and prints the address it got; that line is the only way a test learns it.
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// The endpoint started by [`Running::start`], ended when dropped, pass or fail.
pub struct Running {
    pub child: Child,
    pub addr: SocketAddr,
    /// What it wrote on stderr so far (its first 64 KiB).
    pub stderr: Arc<Mutex<String>>,
}

impl Running {
    /// As [`endpoint`], owned.
    pub fn start(bin: &str, db: &Path, flags: &[&str]) -> Running {
        let (child, addr, stderr) = endpoint_logged(bin, db, flags);
        Running {
            child,
            addr,
            stderr,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the endpoint's binary `bin` storing in `db`, with `flags` (any but `--listen` and `--db`), and
/// waits for the line that names the address it listens on. The caller ends the process.
/// If it never says, the process is ended here and the panic quotes what it wrote on stderr.
pub fn endpoint(bin: &str, db: &Path, flags: &[&str]) -> (Child, SocketAddr) {
    let (child, addr, _) = endpoint_logged(bin, db, flags);
    (child, addr)
}

/// As [`endpoint`], with what the process writes on stderr.
pub fn endpoint_logged(
    bin: &str,
    db: &Path,
    flags: &[&str],
) -> (Child, SocketAddr, Arc<Mutex<String>>) {
    let mut child = Command::new(bin)
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(db)
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the endpoint");
    // Both pipes are read to their end, so that no later line can fill one and stall the
    // server; stderr's first lines are kept to explain a failed start.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = tx.send(lines.next());
        lines.for_each(drop);
    });
    let stderr = child.stderr.take().unwrap();
    let kept = Arc::new(Mutex::new(String::new()));
    let writer = kept.clone();
    let errors = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let mut kept = writer.lock().unwrap();
            if kept.len() < 65536 {
                kept.push_str(&line);
                kept.push('\n');
            }
        }
    });
    let line = rx.recv_timeout(Duration::from_secs(10));
    let addr = match &line {
        Ok(Some(Ok(line))) => address_in(line),
        _ => None,
    };
    match addr {
        Some(addr) => (child, addr, kept),
        None => {
            let _ = child.kill();
            let status = child.wait();
            let _ = errors.join();
            let stderr = kept.lock().unwrap().clone();
            panic!(
                "the endpoint never said where it listens: first line {line:?}, {status:?}, \
                 stderr:\n{stderr}"
            );
        }
    }
}

/// The address in the endpoint's first line, `… on http://ADDR/inquiries …`.
fn address_in(line: &str) -> Option<SocketAddr> {
    line.split_once("http://")
        .and_then(|(_, rest)| rest.split_once("/inquiries"))
        .and_then(|(addr, _)| addr.parse().ok())
}
