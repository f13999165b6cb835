//! The page for any unknown path: in every language at once, since the URL cannot tell
//! which one the reader reads.

use leptos::prelude::*;

use super::bilingual::BilingualPage;

/// The bilingual not-found page, with a link to each home page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <BilingualPage
            heading=|ed| ed.ui.not_found.title.as_ref()
            body=|ed| ed.ui.not_found.body.as_ref()
            class="hcnf-main hcnf-not-found"
        />
    }
}
