use super::*;
use crate::submit::tests::inquiry;

fn meta(key: &str) -> Meta<'_> {
    Meta {
        key,
        fingerprint: "f",
        locale: "ja",
        suspected_spam: false,
        elapsed_ms: 10_000,
        outbound: None,
    }
}

#[test]
fn a_lock_poisoned_by_a_panic_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("i.sqlite3")).unwrap();
    let held = store.clone();
    let panicked = std::thread::spawn(move || {
        let _conn = held.conn.lock().unwrap();
        panic!("a bug while holding the connection");
    })
    .join();
    assert!(panicked.is_err() && store.conn.is_poisoned());
    assert_eq!(
        store.insert(&inquiry(), &meta("k")).unwrap(),
        Stored::New("HCNF-000001".into())
    );
    assert_eq!(store.count().unwrap(), 1);
}

#[test]
fn two_connections_writing_at_once_both_succeed() {
    // Two stores on one file are two connections, as two processes would have.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("i.sqlite3");
    let stores = [Store::open(&path).unwrap(), Store::open(&path).unwrap()];
    let writers: Vec<_> = stores
        .iter()
        .enumerate()
        .map(|(n, store)| {
            let store = store.clone();
            std::thread::spawn(move || {
                (0..40)
                    .map(|i| store.insert(&inquiry(), &meta(&format!("{n}-{i}"))))
                    .filter(|r| !matches!(r, Ok(Stored::New(_))))
                    .map(|r| format!("{r:?}"))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for w in writers {
        let failures = w.join().unwrap();
        assert!(failures.is_empty(), "{failures:?}");
    }
    assert_eq!(stores[0].count().unwrap(), 80);
}
