//! The site's URLs: `/{lang}/` and `/{lang}/{page}`, built in one place so links and
//! route matching cannot drift apart.

use hcnf_content::PageId;

use crate::i18n::Locale;

/// The path of `page` in `locale`: `/en/`, `/ja/symposia`.
pub fn page_href(locale: Locale, page: PageId) -> String {
    format!("/{}/{}", locale.code(), page.slug())
}

/// The path that chooses a language for the reader.
pub const ROOT: &str = "/";

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
}
