//! The site's URLs: `{base}/{lang}/` and `{base}/{lang}/{page}`, built in one place so
//! links and route matching cannot drift apart. `base` is the path the host page gives the
//! app (`/hcnf`), or `""` at the site root: the host's options in context carry it.

use hcnf_content::PageId;

use crate::host::HostOptions;
use crate::i18n::Locale;

/// The scheme and host the site is published at (`https://www.example.jp`), for the
/// absolute addresses of alternate-language links. The prerenderer, which has no address
/// of its own, provides it as context; in the browser the page's own origin is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SiteOrigin(pub String);

impl SiteOrigin {
    /// The origin in context, else the page's.
    pub fn current() -> String {
        leptos::prelude::use_context::<SiteOrigin>()
            .map_or_else(crate::browser::page::origin, |o| o.0)
    }
}

/// The base path of the app in context: `""` or `/hcnf`, without a trailing slash (see
/// [`crate::host::normalize_base`]); `""` outside the app.
pub(crate) fn base() -> String {
    leptos::prelude::with_context(|host: &HostOptions| host.base.clone()).unwrap_or_default()
}

/// The path of `page` in `locale`: `/en/`, `/hcnf/ja/symposia`.
pub(crate) fn page_href(locale: Locale, page: PageId) -> String {
    href_under(&base(), locale, page)
}

/// The path of `page` in `locale` under `base`.
pub(crate) fn href_under(base: &str, locale: Locale, page: PageId) -> String {
    format!("{base}/{}/{}", locale.code(), page.slug())
}

/// The inquiry page in `locale`: `/en/inquiry`.
pub fn inquiry_page_href(locale: Locale) -> String {
    page_href(locale, PageId::Inquiry)
}

/// Where the inquiry form posts when the app does not run: `/en/inquiry/answers`. The
/// site's server passes these posts to the endpoint, which answers with the form's pages.
pub fn inquiry_answers_href(locale: Locale) -> String {
    format!("{}/{INQUIRY_ANSWERS}", page_href(locale, PageId::Inquiry))
}

/// The confirmation page the endpoint redirects a sent form to, with the reference:
/// `/en/inquiry/sent?reference=HCNF-000001`.
pub fn inquiry_sent_href(locale: Locale, reference: &str) -> String {
    format!(
        "{}/{INQUIRY_SENT}?reference={reference}",
        page_href(locale, PageId::Inquiry)
    )
}

/// The last segments of the endpoint's answer pages under a language's inquiry page.
pub const INQUIRY_ANSWERS: &str = "answers";
pub const INQUIRY_SENT: &str = "sent";

/// The path that chooses a language for the reader: `/` or `/hcnf/`.
pub(crate) fn root_href() -> String {
    format!("{}/", base())
}

/// Whether `path` belongs to the app: the base itself or anything below it. `/hcnf-news`
/// is not under `/hcnf`.
pub(crate) fn is_under(base: &str, path: &str) -> bool {
    match path.strip_prefix(base) {
        Some(rest) => base.is_empty() || rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// The language a path under `base` is in, from its first segment: `/hcnf/ja/…` → `ja`.
pub(crate) fn locale_of_path(base: &str, path: &str) -> Option<Locale> {
    if !is_under(base, path) {
        return None;
    }
    let rest = &path[base.len()..];
    Locale::from_code(rest.trim_start_matches('/').split('/').next()?)
}

/// The section a path under `base` shows, from its segment after the language:
/// `/hcnf/ja/symposia` → `Symposia`, `/ja/` → `Overview`; `None` for anything else.
pub(crate) fn page_of_path(base: &str, path: &str) -> Option<PageId> {
    locale_of_path(base, path)?;
    let rest = path[base.len()..].trim_start_matches('/');
    let mut segments = rest.split('/').skip(1);
    let slug = segments.next().unwrap_or_default();
    // `/en/symposia/` is the same page as `/en/symposia`; anything deeper is not a page.
    if segments.any(|s| !s.is_empty()) {
        return None;
    }
    PageId::from_slug(slug)
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
    fn paths_lead_back_to_their_page() {
        for base in ["", "/hcnf"] {
            for locale in Locale::all() {
                for page in PageId::ALL {
                    let href = href_under(base, locale, page);
                    assert_eq!(page_of_path(base, &href), Some(page), "{href}");
                    assert_eq!(locale_of_path(base, &href), Some(locale), "{href}");
                }
            }
        }
    }

    #[test]
    fn unknown_languages_and_pages_are_no_page() {
        assert_eq!(page_of_path("", "/fr/"), None);
        assert_eq!(page_of_path("", "/en/nowhere"), None);
        assert_eq!(page_of_path("", "/EN/"), None);
        assert_eq!(page_of_path("", "/en/symposia/more"), None);
        assert_eq!(page_of_path("", "/"), None);
        assert_eq!(page_of_path("/hcnf", "/en/symposia"), None);
        assert_eq!(page_of_path("", "/en/symposia/"), Some(PageId::Symposia));
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
