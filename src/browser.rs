//! Every call into the browser, in one place, so the components also build natively
//! (for tests now, and for prerendering later). Natively each call does nothing.

/// Where the reader's language choice is kept between visits.
const LOCALE_KEY: &str = "hcnf.locale";

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn local_storage() -> Option<web_sys::Storage> {
        // Storage can be refused (privacy settings); the site then simply forgets.
        web_sys::window()?.local_storage().ok()?
    }

    pub fn stored(key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok()?
    }

    pub fn store(key: &str, value: &str) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn preferred_languages() -> Vec<String> {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let mut tags: Vec<String> = nav
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        if tags.is_empty() {
            tags.extend(nav.language());
        }
        tags
    }

    pub fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    pub fn focus(selector: &str) {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn stored(_: &str) -> Option<String> {
        None
    }
    pub fn store(_: &str, _: &str) {}
    pub fn preferred_languages() -> Vec<String> {
        Vec::new()
    }
    pub fn origin() -> String {
        String::new()
    }
    pub fn focus(_: &str) {}
}

/// The language the reader chose last time, if storage allows.
pub fn stored_locale() -> Option<String> {
    imp::stored(LOCALE_KEY)
}

/// Remembers the reader's language choice.
pub fn store_locale(code: &str) {
    imp::store(LOCALE_KEY, code)
}

/// `navigator.languages`, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    imp::preferred_languages()
}

/// `https://host:port` of the page, for absolute alternate links.
pub fn origin() -> String {
    imp::origin()
}

/// Moves keyboard and screen-reader focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    imp::focus(selector)
}
