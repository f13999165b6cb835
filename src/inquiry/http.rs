//! The browser's transport: gloo-net's fetch, aborted by an `AbortController` at the timeout.

use hcnf_inquiry::Draft;

use super::client::{Reply, Sleep, Transport, TransportError};

/// POSTs with gloo-net and gives up after `timeout_ms`.
pub struct BrowserTransport {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Read by the browser's transport.
    pub timeout_ms: u32,
}

/// Waits with the browser's timer.
pub struct BrowserSleep;

impl Sleep for BrowserSleep {
    async fn sleep(&self, ms: u32) {
        crate::browser::timers::sleep(ms).await
    }
}

#[cfg(target_arch = "wasm32")]
impl Transport for BrowserTransport {
    async fn post(&self, url: &str, key: &str, draft: &Draft) -> Result<Reply, TransportError> {
        use std::cell::Cell;
        use std::rc::Rc;

        use hcnf_inquiry::IDEMPOTENCY_HEADER;

        use crate::browser::timers;

        let controller = web_sys::AbortController::new().map_err(|_| TransportError::Network)?;
        let signal = controller.signal();
        let timed_out = Rc::new(Cell::new(false));
        let flag = timed_out.clone();
        let timer = timers::after(self.timeout_ms, move || {
            flag.set(true);
            controller.abort();
        });
        let failed = |_| {
            if timed_out.get() {
                TransportError::Timeout
            } else {
                TransportError::Network
            }
        };
        let result = async {
            let res = gloo_net::http::Request::post(url)
                .header(IDEMPOTENCY_HEADER, key)
                .abort_signal(Some(&signal))
                .header("content-type", "application/json")
                .body(super::json::draft_to_json(draft).finish())
                .map_err(|_| TransportError::Network)?
                .send()
                .await
                .map_err(failed)?;
            let status = res.status();
            let retry_after = res.headers().get("retry-after");
            let body = res.text().await.map_err(failed)?;
            Ok(Reply {
                status,
                retry_after,
                body,
            })
        }
        .await;
        timer.cancel();
        result
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Transport for BrowserTransport {
    async fn post(&self, _: &str, _: &str, _: &Draft) -> Result<Reply, TransportError> {
        Err(TransportError::Network)
    }
}
