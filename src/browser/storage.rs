//! Session storage for a draft in progress. Storage can be refused (privacy settings);
//! the form then simply forgets.

#[cfg(target_arch = "wasm32")]
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// This tab's saved value for `key` (session storage: gone when the tab closes).
pub fn session_get(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return session()?.get_item(key).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Saves `value` for this tab.
pub fn session_set(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// Removes this tab's value for `key`.
pub fn session_remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
