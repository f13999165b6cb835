//! `/` (the base path): a link to each language's home page, which is all a reader without
//! JavaScript needs. With it, the navigation script sends the reader on to the language
//! they chose before or their browser prefers (`pickLanguage` in `src/prerender/nav/`).

use leptos::prelude::*;

use super::bilingual::BilingualPage;

/// Offers every edition.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    view! {
        <BilingualPage
            heading=|ed| ed.ui.site_title.as_ref()
            class="hcnf-main hcnf-language-choice"
        />
    }
}
