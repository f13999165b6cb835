//! A link to another site, which says so.

use hcnf_content::Link;
use leptos::prelude::*;

use super::words;
use crate::i18n::{seam, CurrentLocale};

/// A link whose words end with "(external site)" when it leads away from the prefecture's
/// site, so that no reader is taken elsewhere unawares.
#[component]
pub fn ExternalLink(
    /// Where it leads, and its words.
    link: &'static Link,
) -> impl IntoView {
    let marker = link.is_external().then(|| {
        let said = expect_context::<CurrentLocale>().0.external_link();
        // An empty text would leave hydration without its node: none rather than "".
        let space = Some(seam(&link.label, said)).filter(|s| !s.is_empty());
        view! {
            {space}
            <span class="hcnf-external">{words(said)}</span>
        }
    });
    view! { <a href=link.href.as_ref()>{words(&link.label)}{marker}</a> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use hcnf_content::{Link, Text};

    use super::*;
    use crate::i18n::Locale;

    fn shown(locale: Locale, href: &'static str) -> String {
        static LABEL: &str = "Map";
        let link: &'static Link = Box::leak(Box::new(Link {
            label: Text::Borrowed(LABEL),
            href: Text::Borrowed(href),
        }));
        Owner::new().with(|| {
            provide_context(CurrentLocale(locale));
            view! { <ExternalLink link /> }.to_html().replace("<!>", "")
        })
    }

    #[test]
    fn a_link_off_the_prefectures_site_says_so_in_the_readers_language() {
        for locale in Locale::all() {
            let html = shown(locale, "https://www.who.int/");
            let said = hcnf_content::ruby::plain(locale.external_link()).into_owned();
            assert!(html.contains(&said), "{html}");
            assert!(
                html.starts_with("<a href=\"https://www.who.int/\">Map"),
                "{html}"
            );
        }
    }

    #[test]
    fn a_link_on_the_prefectures_site_says_nothing_more() {
        let html = shown(Locale::fallback(), "https://www.pref.kanagawa.jp/");
        assert_eq!(html, "<a href=\"https://www.pref.kanagawa.jp/\">Map</a>");
    }
}
