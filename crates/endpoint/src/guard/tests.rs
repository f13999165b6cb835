use axum::http::HeaderValue;

use super::*;

fn limits(trusted: &[&str]) -> Limits {
    Limits {
        trusted_proxies: trusted.iter().map(|a| a.parse().unwrap()).collect(),
        ..Limits::default()
    }
}

fn forwarded(values: &[&str]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for v in values {
        h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
    }
    h
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    let h = forwarded(&["203.0.113.7"]);
    let peer = Some(ip("198.51.100.1"));
    assert_eq!(client_of(peer, &h, &limits(&[])), ip("198.51.100.1"));
    assert_eq!(
        client_of(peer, &h, &limits(&["198.51.100.1"])),
        ip("203.0.113.7")
    );
}

#[test]
fn a_client_cannot_choose_its_address_by_prepending_one() {
    // The client sent "1.2.3.4"; the first proxy appended the address it saw, and the
    // second (the peer) the first proxy's.
    let h = forwarded(&["1.2.3.4, 203.0.113.7", "10.0.0.2"]);
    let l = limits(&["10.0.0.1", "10.0.0.2"]);
    assert_eq!(client_of(Some(ip("10.0.0.1")), &h, &l), ip("203.0.113.7"));
    let garbage = forwarded(&["1.2.3.4, not-an-address"]);
    assert_eq!(
        client_of(Some(ip("10.0.0.1")), &garbage, &l),
        ip("10.0.0.1")
    );
}

#[test]
fn an_ipv6_subscriber_is_one_client_across_its_64() {
    let l = limits(&[]);
    let a = client_of(Some(ip("2001:db8:1:2::1")), &HeaderMap::new(), &l);
    let b = client_of(Some(ip("2001:db8:1:2:ffff::9")), &HeaderMap::new(), &l);
    let other = client_of(Some(ip("2001:db8:1:3::1")), &HeaderMap::new(), &l);
    assert_eq!(a, b);
    assert_ne!(a, other);
    let mapped = client_of(Some(ip("::ffff:192.0.2.1")), &HeaderMap::new(), &l);
    assert_eq!(mapped, ip("192.0.2.1"));
}

#[test]
fn a_spent_bucket_says_how_long_to_wait() {
    let guard = Guard::new(&Limits {
        rate_per_minute: 1,
        rate_burst: 2,
        ..Limits::default()
    });
    let client = ip("192.0.2.1");
    assert_eq!(guard.take(client), Ok(()));
    assert_eq!(guard.take(client), Ok(()));
    let wait = guard.take(client).unwrap_err();
    assert!((59..=60).contains(&wait), "{wait}");
    assert_eq!(guard.take(ip("192.0.2.2")), Ok(()), "another client");
}

#[test]
fn clients_whose_buckets_refilled_are_forgotten() {
    // 6000 a minute with a burst of 1 refills in 10 ms; cleanup runs at most each second.
    let guard = Guard::new(&Limits {
        rate_per_minute: 6000,
        rate_burst: 1,
        ..Limits::default()
    });
    for n in 0..50u8 {
        guard.take(IpAddr::from([192, 0, 2, n])).unwrap();
    }
    assert_eq!(guard.tracked_clients(), 50);
    std::thread::sleep(Duration::from_millis(1100));
    guard.take(ip("198.51.100.1")).unwrap();
    assert_eq!(guard.tracked_clients(), 1);
}
