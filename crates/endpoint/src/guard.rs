//! What keeps one client, or all of them at once, from taking the endpoint down: a token
//! bucket per client, a cap on requests in flight, and a deadline for each request. The
//! limits on connections (their number, and the time to send headers) are in `serve`.
//!
//! The buckets are `governor`'s keyed GCRA limiter, used directly rather than through
//! `tower_governor`: its ready-made key extractors either ignore proxies or believe
//! `X-Forwarded-For` from anyone, and its refusals are not the contract's JSON body.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use tokio::sync::Semaphore;

use crate::Rejection;

/// Limits on what one client, and all of them together, may ask of the endpoint. The
/// defaults let a person, or a few behind one address, send as many inquiries as they
/// ever would, and an end-to-end test a few dozen.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Requests a client may make per minute, once its burst is spent.
    pub rate_per_minute: u32,
    /// Requests a client may make at once before the rate applies.
    pub rate_burst: u32,
    /// Proxies whose `X-Forwarded-For` names the client; everyone else is their own peer.
    pub trusted_proxies: Vec<IpAddr>,
    /// Requests being answered at once, over all clients; more are answered 503.
    pub max_in_flight: usize,
    /// Below this much free disk, inquiries are answered 503 before anything is written.
    pub min_free_disk_mb: u64,
    /// The most time a client has to send its request headers.
    pub header_timeout: Duration,
    /// The most time a client has to send a request body.
    pub body_timeout: Duration,
    /// The most time one request may take, its body included.
    pub request_timeout: Duration,
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
    /// Connections open at once from one address (a trusted proxy has no such cap);
    /// more are closed as they arrive.
    pub max_connections_per_client: usize,
    /// How long requests in flight may take to finish once shutdown is asked for.
    pub shutdown_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            rate_per_minute: 60,
            rate_burst: 30,
            trusted_proxies: Vec::new(),
            max_in_flight: 128,
            min_free_disk_mb: 100,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 1024,
            max_connections_per_client: 32,
            shutdown_timeout: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// Whether `peer` is one of the proxies whose forwarding headers are believed.
    pub(crate) fn trusts(&self, peer: IpAddr) -> bool {
        let peer = canonical(peer);
        self.trusted_proxies.iter().any(|&p| canonical(p) == peer)
    }
}

/// The shared state of the request guards.
pub(crate) struct Guard {
    limits: Limits,
    buckets: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
    /// When idle clients were last dropped from `buckets`, and how often they are.
    last_cleanup: Mutex<Instant>,
    cleanup_every: Duration,
    pub(crate) in_flight: Arc<Semaphore>,
}

impl Guard {
    pub(crate) fn new(limits: &Limits) -> Guard {
        let burst = NonZeroU32::new(limits.rate_burst).unwrap_or(NonZeroU32::MIN);
        let per_minute = NonZeroU32::new(limits.rate_per_minute).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::per_minute(per_minute).allow_burst(burst);
        // A client whose bucket has refilled is no different from one never seen, so it
        // can be forgotten once a full refill has passed: the table holds only the
        // clients of the last minute or so.
        let refill = quota.replenish_interval() * burst.get();
        Guard {
            buckets: DefaultKeyedRateLimiter::hashmap(quota),
            clock: DefaultClock::default(),
            last_cleanup: Mutex::new(Instant::now()),
            cleanup_every: refill.max(Duration::from_secs(1)),
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight.max(1))),
            limits: limits.clone(),
        }
    }

    /// Takes a token from `client`'s bucket, or says how many seconds until one is there.
    pub(crate) fn take(&self, client: IpAddr) -> Result<(), u64> {
        self.forget_idle_clients();
        self.buckets.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            // Whole seconds, rounded up: a client that waits as told is let in.
            (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
        })
    }

    fn forget_idle_clients(&self) {
        let mut last = self
            .last_cleanup
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if last.elapsed() >= self.cleanup_every {
            *last = Instant::now();
            self.buckets.retain_recent();
            self.buckets.shrink_to_fit();
        }
    }

    /// How many clients the limiter remembers.
    #[cfg(test)]
    fn tracked_clients(&self) -> usize {
        self.buckets.len()
    }
}

/// The client a request is counted against, as the rate limiter keys it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Client(pub IpAddr);

/// Refuses a client over its rate with 429 and `Retry-After`.
pub(crate) async fn limit_rate(
    State(guard): State<Arc<Guard>>,
    mut req: Request,
    next: Next,
) -> Result<Response, Rejection> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let client = client_of(peer, req.headers(), &guard.limits);
    guard.take(client).map_err(Rejection::RateLimited)?;
    // The same key limits the receipts a client can have sent.
    req.extensions_mut().insert(Client(client));
    Ok(next.run(req).await)
}

/// Refuses a request with 503 when too many are in flight, and ends one that takes longer
/// than the deadline with 503 too: both say "busy, try again" to the app, which retries
/// with the same key, so an inquiry stored just as its deadline passed is replayed, not
/// stored twice.
pub(crate) async fn shed_load(
    State(guard): State<Arc<Guard>>,
    req: Request,
    next: Next,
) -> Result<Response, Rejection> {
    let _slot = guard
        .in_flight
        .clone()
        .try_acquire_owned()
        .map_err(|_| Rejection::Unavailable(1))?;
    tokio::time::timeout(guard.limits.request_timeout, next.run(req))
        .await
        .map_err(|_| Rejection::Unavailable(1))
}

/// The client a request counts against: its peer, or, when the peer is a trusted proxy,
/// the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (each proxy
/// appends the address it saw, so the addresses further left are whatever the client
/// claimed). No peer (a request handed to the router directly) counts as one client.
pub(crate) fn client_of(peer: Option<IpAddr>, headers: &HeaderMap, limits: &Limits) -> IpAddr {
    let Some(mut client) = peer else {
        return IpAddr::from([0, 0, 0, 0]);
    };
    if limits.trusts(client) {
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        for hop in hops.into_iter().rev() {
            match hop.trim().parse::<IpAddr>() {
                Ok(addr) if limits.trusts(addr) => client = addr,
                Ok(addr) => {
                    client = addr;
                    break;
                }
                // Unreadable: the last address known good stands.
                Err(_) => break,
            }
        }
    }
    client_key(client)
}

/// An IPv4 address as itself; an IPv6 one by its /64, which one subscriber usually holds
/// whole, so cycling through it does not buy new buckets.
pub(crate) fn client_key(addr: IpAddr) -> IpAddr {
    match canonical(addr) {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

/// An IPv4-mapped IPv6 address (from a dual-stack socket) as the IPv4 address it is.
pub(crate) fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests;
