//! Local storage for the reader's language, session storage for a draft in progress.
//! Storage can be refused (privacy settings); the site then simply forgets.

/// Where the reader's language choice is kept between visits.
const LOCALE_KEY: &str = "hcnf.locale";

#[cfg(target_arch = "wasm32")]
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(target_arch = "wasm32")]
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The language the reader chose last time, if storage allows.
pub fn stored_locale() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return local()?.get_item(LOCALE_KEY).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Remembers the reader's language choice.
pub fn store_locale(code: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = local() {
        let _ = s.set_item(LOCALE_KEY, code);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (LOCALE_KEY, code);
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
