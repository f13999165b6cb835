//! A page's `h1`, which the navigation script focuses after each page it brings in, as a
//! page load would put the reader at the top of the new content (`src/prerender/nav/`).

use leptos::prelude::*;

/// A page's `h1`: focusable by script (`tabindex="-1"`), not by Tab.
#[component]
pub fn PageHeading(
    /// The heading's text.
    children: Children,
) -> impl IntoView {
    view! {
        <h1 class="hcnf-page__title" tabindex="-1">
            {children()}
        </h1>
    }
}
