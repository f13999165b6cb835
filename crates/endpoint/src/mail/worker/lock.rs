//! Which of the endpoints sharing a database sends its mail: the one holding the lock
//! beside it.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use tokio::sync::watch;

use super::IDLE;
use crate::Store;

/// The right to send a database's mail: an exclusive `flock` on the file beside it,
/// `DB.sender-lock`, held for as long as it is kept. The kernel lets go of it when the
/// process ends, a SIGKILL included, so no lock is ever left behind.
pub struct SenderLock {
    _file: File,
}

impl SenderLock {
    /// The lock of the database at `db`, if no other process holds it.
    pub fn try_take(db: &Path) -> std::io::Result<Option<SenderLock>> {
        let mut name = db.as_os_str().to_owned();
        name.push(".sender-lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(name)?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(Some(SenderLock { _file: file })),
            Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

/// Waits until this process holds the database's sender lock, or `stop` turns true (then
/// `None`). Says once, in the log, that another process sends meanwhile.
pub(super) async fn sender_lock(
    store: &Store,
    stop: &mut watch::Receiver<bool>,
) -> Option<SenderLock> {
    let mut said = false;
    loop {
        match SenderLock::try_take(store.path()) {
            Ok(Some(lock)) => {
                if said {
                    eprintln!("mail: this endpoint sends the database's mail from now on");
                }
                return Some(lock);
            }
            Ok(None) if !said => {
                eprintln!(
                    "mail: another endpoint sends this database's mail; this one stores and \
                     answers, and takes over sending if that one stops"
                );
                said = true;
            }
            Ok(None) => {}
            Err(e) => eprintln!("mail: the sender lock beside the database cannot be taken: {e}"),
        }
        tokio::select! {
            () = tokio::time::sleep(IDLE) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return None;
        }
    }
}
