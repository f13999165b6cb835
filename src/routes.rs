//! The site's URLs: `{base}/{lang}/` and `{base}/{lang}/{page}`, built in one place so
//! links and route matching cannot drift apart. `base` is the path the host page gives the
//! app (`/hcnf`), or `""` at the site root; it is set once, when the app mounts.

use std::cell::Cell;

use hcnf_content::PageId;

use crate::i18n::Locale;

thread_local! {
    static BASE: Cell<&'static str> = const { Cell::new("") };
}

/// Sets the base path for every URL the app builds: `""` or `/hcnf`, without a trailing
/// slash (see [`crate::host::normalize_base`]). Called once per mount.
pub fn set_base(base: &str) {
    // Leaked once per mount, which happens once per page load.
    BASE.with(|b| b.set(Box::leak(base.to_owned().into_boxed_str())));
}

/// The base path in use: `""` or `/hcnf`.
pub fn base() -> &'static str {
    BASE.with(Cell::get)
}

/// The path of `page` in `locale`: `/en/`, `/hcnf/ja/symposia`.
pub fn page_href(locale: Locale, page: PageId) -> String {
    href_under(base(), locale, page)
}

/// The path of `page` in `locale` under `base`.
pub fn href_under(base: &str, locale: Locale, page: PageId) -> String {
    format!("{base}/{}/{}", locale.code(), page.slug())
}

/// The path that chooses a language for the reader: `/` or `/hcnf/`.
pub fn root_href() -> String {
    format!("{}/", base())
}

/// Whether `path` belongs to the app: the base itself or anything below it. `/hcnf-news`
/// is not under `/hcnf`.
pub fn is_under(base: &str, path: &str) -> bool {
    match path.strip_prefix(base) {
        Some(rest) => base.is_empty() || rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// The language a path under `base` is in, from its first segment: `/hcnf/ja/…` → `ja`.
pub fn locale_of_path(base: &str, path: &str) -> Option<Locale> {
    if !is_under(base, path) {
        return None;
    }
    let rest = &path[base.len()..];
    Locale::from_code(rest.trim_start_matches('/').split('/').next()?)
}

/// Reads the `:lang` and `:page?` route parameters; `None` where either names nothing we have.
pub fn resolve(lang: Option<&str>, page: Option<&str>) -> Option<(Locale, PageId)> {
    let locale = Locale::from_code(lang?)?;
    let page = PageId::from_slug(page.unwrap_or_default())?;
    Some((locale, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_a_path_under_each_language() {
        let en = Locale::from_code("en").unwrap();
        let ja = Locale::from_code("ja").unwrap();
        assert_eq!(page_href(en, PageId::Overview), "/en/");
        assert_eq!(page_href(ja, PageId::Symposia), "/ja/symposia");
        assert_eq!(
            page_href(ja, PageId::MedicalInnovationSchool),
            "/ja/medical-innovation-school"
        );
        assert_eq!(page_href(en, PageId::HcnfCourse), "/en/hcnf-course");
    }

    #[test]
    fn paths_resolve_back_to_their_page() {
        for locale in Locale::all() {
            for page in PageId::ALL {
                let href = page_href(locale, page);
                let mut parts = href.trim_start_matches('/').splitn(2, '/');
                let (lang, slug) = (parts.next(), parts.next().filter(|s| !s.is_empty()));
                assert_eq!(resolve(lang, slug), Some((locale, page)), "{href}");
            }
        }
    }

    #[test]
    fn unknown_languages_and_pages_resolve_to_nothing() {
        assert_eq!(resolve(Some("fr"), None), None);
        assert_eq!(resolve(Some("en"), Some("nowhere")), None);
        assert_eq!(resolve(Some("EN"), None), None);
        assert_eq!(resolve(None, None), None);
    }

    #[test]
    fn paths_under_a_base_carry_it() {
        let ja = Locale::from_code("ja").unwrap();
        assert_eq!(
            href_under("/hcnf", ja, PageId::Symposia),
            "/hcnf/ja/symposia"
        );
        assert_eq!(href_under("/hcnf", ja, PageId::Overview), "/hcnf/ja/");
    }

    #[test]
    fn only_the_base_and_what_is_below_it_belong_to_the_app() {
        assert!(is_under("/hcnf", "/hcnf"));
        assert!(is_under("/hcnf", "/hcnf/"));
        assert!(is_under("/hcnf", "/hcnf/ja/symposia"));
        assert!(!is_under("/hcnf", "/hcnf-news/"));
        assert!(!is_under("/hcnf", "/"));
        assert!(!is_under("/hcnf", "/other/hcnf/"));
        assert!(is_under("", "/anything"));
    }

    #[test]
    fn the_language_of_a_path_is_its_first_segment_below_the_base() {
        let ja = Locale::from_code("ja");
        assert_eq!(locale_of_path("/hcnf", "/hcnf/ja/symposia"), ja);
        assert_eq!(locale_of_path("", "/ja/"), ja);
        assert_eq!(locale_of_path("/hcnf", "/ja/"), None);
        assert_eq!(locale_of_path("/hcnf", "/hcnf/"), None);
        assert_eq!(locale_of_path("/hcnf", "/hcnf/fr/"), None);
    }
}
