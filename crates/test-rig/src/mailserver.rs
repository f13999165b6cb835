//! A real mail server for the tests: Debian's exim (`exim4-daemon-light`, which
//! `scripts/setup.sh` installs), on a free loopback port, delivering every message into a
//! Maildir under `target/`. It runs without root: as root the test starts it as the
//! `Debian-exim` user, otherwise as the user running the test.
//!
//! Its ACLs give the faults a test asks for: a recipient whose local part is `reject` is
//! refused with 550; while the file `defer-once` exists, the next recipient is answered 451
//! and the file is removed (so 451, then 250); while `slow` exists, each message's data is
//! held for two seconds before it is accepted (a send in flight long enough to signal).
//!
//! [`MailServer::start_tls`] makes it a relay as a prefecture's would be: a certificate for
//! 127.0.0.1 from an authority of its own (made with `openssl`), STARTTLS on `port`, TLS from
//! the first byte on `tls_port`, and mail taken only after AUTH over TLS as [`RELAY_USER`].

use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::chown;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXIM: &str = "/usr/sbin/exim4";

/// The configuration `scripts/mailserver.sh` uses too.
const TEMPLATE: &str = include_str!("../../../tools/exim/exim.conf.in");

/// The account the TLS relay takes mail from, and its password.
pub const RELAY_USER: &str = "hcnf-relay";
pub const RELAY_PASSWORD: &str = "relay-pass-4e1f";

/// A running exim, ended when dropped.
pub struct MailServer {
    child: Option<Child>,
    pub port: u16,
    /// With TLS, the port of TLS from the first byte.
    pub tls_port: Option<u16>,
    pub dir: PathBuf,
    owner: Option<(u32, u32)>,
}

/// The uid and gid exim runs as when the test runs as root.
fn exim_owner() -> Option<(u32, u32)> {
    if rustix::process::geteuid().is_root() {
        let id = |flag: &str| -> u32 {
            let out = Command::new("id")
                .args([flag, "Debian-exim"])
                .output()
                .expect("id");
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .expect("no Debian-exim user: install exim4-daemon-light (scripts/setup.sh does)")
        };
        Some((id("-u"), id("-g")))
    } else {
        None
    }
}

impl MailServer {
    /// A new server, with an empty Maildir of its own under `target/`.
    pub fn start(name: &str) -> MailServer {
        MailServer::make(name, false)
    }

    /// A relay with TLS and AUTH (see the module), with an empty Maildir of its own.
    pub fn start_tls(name: &str) -> MailServer {
        MailServer::make(name, true)
    }

    fn make(name: &str, tls: bool) -> MailServer {
        assert!(
            Path::new(EXIM).exists(),
            "{EXIM} is missing: install exim4-daemon-light (scripts/setup.sh does)"
        );
        let dir = crate::target_tmp()
            .join("mail")
            .join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut server = MailServer {
            child: None,
            port: 0,
            tls_port: tls.then_some(0),
            dir,
            owner: exim_owner(),
        };
        for sub in ["", "spool", "log", "Maildir"] {
            let d = server.dir.join(sub);
            std::fs::create_dir_all(&d).unwrap();
            server.give(&d);
        }
        if tls {
            server.certificates();
        }
        server.up_on_a_free_port();
        server
    }

    fn give(&self, path: &Path) {
        if let Some((uid, gid)) = self.owner {
            chown(path, Some(uid), Some(gid)).unwrap();
        }
    }

    /// An authority (`tls/ca.pem`) and the relay's certificate for 127.0.0.1 signed by it
    /// (`tls/cert.pem`, `tls/key.pem`, readable by exim alone).
    fn certificates(&self) {
        let tls = self.dir.join("tls");
        std::fs::create_dir_all(&tls).unwrap();
        std::fs::write(
            tls.join("leaf.ext"),
            "subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n\
             extendedKeyUsage = serverAuth\n",
        )
        .unwrap();
        let key = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
        let steps = [
            format!(
                "req -x509 {key} -keyout ca.key -out ca.pem -days 2 -subj /CN=hcnf-test-authority"
            ),
            format!("req {key} -keyout key.pem -out leaf.csr -subj /CN=127.0.0.1"),
            "x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
             -extfile leaf.ext -out cert.pem"
                .to_owned(),
        ];
        for step in steps {
            let args: Vec<&str> = step.split_whitespace().collect();
            let out = Command::new("openssl")
                .args(&args)
                .current_dir(&tls)
                .output()
                .expect("openssl (scripts/setup.sh installs it)");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for file in ["", "cert.pem", "key.pem"] {
            self.give(&tls.join(file));
        }
    }

    /// The authority the TLS relay's certificate is signed by, for `--smtp-ca-file`.
    pub fn ca(&self) -> PathBuf {
        self.dir.join("tls/ca.pem")
    }

    fn config(&self) -> PathBuf {
        let id = |flag: &str| {
            let out = Command::new("id").arg(flag).output().expect("id");
            String::from_utf8_lossy(&out.stdout).trim().to_owned()
        };
        let (user, group) = match self.owner {
            Some(_) => ("Debian-exim".to_owned(), "Debian-exim".to_owned()),
            None => (id("-un"), id("-gn")),
        };
        let text = TEMPLATE
            .replace("@DIR@", &self.dir.display().to_string())
            .replace("@PORT@", &self.port.to_string())
            .replace("@USER@", &user)
            .replace("@GROUP@", &group)
            .replace("@TLS@", &self.tls_macros());
        let path = self.dir.join("exim.conf");
        std::fs::write(&path, text).unwrap();
        self.give(&path);
        path
    }

    /// The lines that make the configuration a TLS relay's, or none.
    fn tls_macros(&self) -> String {
        match self.tls_port {
            Some(port) => format!(
                "TLS_DIR = {}\nTLS_PORT = {port}\nTLS_PASSWORD = {RELAY_PASSWORD}",
                self.dir.join("tls").display()
            ),
            None => String::new(),
        }
    }

    fn up_on_a_free_port(&mut self) {
        let free = || {
            TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        };
        for _ in 0..5 {
            self.port = free();
            if self.tls_port.is_some() {
                self.tls_port = Some(free());
            }
            if self.try_up() {
                return;
            }
        }
        panic!("exim did not start; see {}", self.dir.join("log").display());
    }

    /// Starts exim again on the same port, after [`MailServer::down`].
    pub fn up(&mut self) {
        assert!(
            self.try_up(),
            "exim did not start again on port {}",
            self.port
        );
    }

    fn try_up(&mut self) -> bool {
        let config = self.config();
        let mut cmd = match self.owner {
            Some(_) => {
                let mut c = Command::new("setpriv");
                c.args([
                    "--reuid=Debian-exim",
                    "--regid=Debian-exim",
                    "--clear-groups",
                    EXIM,
                ]);
                c
            }
            None => Command::new(EXIM),
        };
        let mut child = cmd
            .arg("-C")
            .arg(&config)
            .args(["-bdf", "-odi"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start exim");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let listening = |port: u16| TcpStream::connect(("127.0.0.1", port)).is_ok();
            if listening(self.port) && self.tls_port.is_none_or(listening) {
                self.child = Some(child);
                return true;
            }
            if let Ok(Some(_)) = child.try_wait() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        false
    }

    /// Stops exim: its port refuses connections until [`MailServer::up`].
    pub fn down(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The endpoint's `--smtp-url` for this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    /// Sets a fault: `defer-once` or `slow` (see the module).
    pub fn set(&self, fault: &str) {
        let path = self.dir.join(fault);
        std::fs::write(&path, "").unwrap();
        self.give(&path);
    }

    pub fn clear(&self, fault: &str) {
        let _ = std::fs::remove_file(self.dir.join(fault));
    }

    /// Every message delivered so far, as the bytes of its file.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|d| std::fs::read_dir(self.dir.join("Maildir").join(d)).ok())
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
    }

    /// The messages once there are at least `n`, or a panic after `within`.
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<Vec<u8>> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} messages arrived in {within:?}; exim's log:\n{}",
                got.len(),
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// exim's main log.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log/mainlog")).unwrap_or_default()
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        self.down();
    }
}
