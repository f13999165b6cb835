//! The connection loop: `axum::serve` with the limits it lacks.
//!
//! A client has [`Limits::header_timeout`] to send each request's headers (idle keep-alive
//! connections included), so a slow or silent client cannot hold a connection; at most
//! [`Limits::max_connections`] are open at once (past that, new ones wait in the kernel's
//! queue), and at most [`Limits::max_connections_per_client`] from one address (past that,
//! they are closed at once), so one client cannot fill the server. On shutdown the
//! listener closes, idle connections close, and requests in flight get
//! [`Limits::shutdown_timeout`] to finish.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::guard::client_key;
use crate::Limits;

/// Serves `app` on `listener` until `shutdown` completes, then drains (see the module).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let per_client = PerClient::default();
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = open.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    pause_after(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let claim = if limits.trusts(peer.ip()) {
            None
        } else {
            match per_client.claim(peer.ip(), limits.max_connections_per_client) {
                Some(c) => Some(c),
                // Closed unanswered: cheaper than any reply, and the client has others open.
                None => continue,
            }
        };
        let conn = graceful.watch(http.serve_connection(io(stream), service(&app, peer)));
        tokio::spawn(async move {
            // An error here is the client's (a reset, a timeout); nothing to do about it.
            let _ = conn.await;
            drop((permit, claim));
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!(
            "shutdown: requests still running after {:?} were cut off",
            limits.shutdown_timeout
        );
    }
}

fn io(stream: TcpStream) -> TokioIo<TcpStream> {
    // Replies are small and written whole: no reason to wait for more to send.
    let _ = stream.set_nodelay(true);
    TokioIo::new(stream)
}

/// `app` for one connection, each request told its peer's address, as
/// `into_make_service_with_connect_info` would.
fn service(
    app: &Router,
    peer: SocketAddr,
) -> impl hyper::service::Service<
    Request<Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone {
    let app = app.clone();
    hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        app.clone().oneshot(req.map(axum::body::Body::new))
    })
}

/// After a failed accept: a client that gave up is no matter; running out of file
/// descriptors is, and retrying at once would only spin.
async fn pause_after(e: &io::Error) {
    let client_gave_up = matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    );
    if !client_gave_up {
        eprintln!("accept: {e}");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Open connections per client address; an address leaves the table with its last
/// connection, so the table is never larger than the connections open.
#[derive(Clone, Default)]
struct PerClient(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One open connection counted against its client, until dropped.
struct Claim {
    table: PerClient,
    client: IpAddr,
}

impl PerClient {
    fn claim(&self, peer: IpAddr, max: usize) -> Option<Claim> {
        let client = client_key(peer);
        let mut table = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let open = table.entry(client).or_default();
        if *open >= max {
            if *open == 0 {
                table.remove(&client);
            }
            return None;
        }
        *open += 1;
        Some(Claim {
            table: self.clone(),
            client,
        })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut table = self.table.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(open) = table.get_mut(&self.client) {
            *open -= 1;
            if *open == 0 {
                table.remove(&self.client);
            }
        }
    }
}
