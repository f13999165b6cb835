//! Time: the clock, and the one timer everything that waits is built on.

use std::time::Duration;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// A timer that has not fired yet; [`Timer::cancel`] stops it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Set by browser code only.
#[derive(Clone, Copy)]
pub struct Timer(Option<leptos::prelude::TimeoutHandle>);

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl Timer {
    pub fn cancel(self) {
        if let Some(handle) = self.0 {
            handle.clear();
        }
    }
}

/// Runs `f` once, `ms` milliseconds from now. Natively nothing ever fires.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // Set by browser code only.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Timer {
    #[cfg(target_arch = "wasm32")]
    return Timer(
        leptos::prelude::set_timeout_with_handle(f, Duration::from_millis(u64::from(ms))).ok(),
    );
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, f, Duration::ZERO);
        Timer(None)
    }
}

/// Waits `ms` milliseconds; natively it returns at once.
pub async fn sleep(ms: u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            after(ms, move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ms;
}
