//! Text normalisation shared by both sides.

/// NFKC: full-width letters and digits become ASCII, half-width katakana become full-width.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfkc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().collect()
}

/// NFKC, by the browser's own `String.prototype.normalize`.
#[cfg(target_arch = "wasm32")]
pub fn nfkc(s: &str) -> String {
    js_sys::JsString::from(s)
        .normalize("NFKC")
        .as_string()
        .unwrap_or_else(|| s.to_owned())
}

/// Length as a reader counts it: one per character, whatever its UTF-8 width.
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}
