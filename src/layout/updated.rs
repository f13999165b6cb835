//! The day a page's words last changed, at the end of the page, as prefectural pages show
//! it (更新日): taken from the content, so it says how old the text is, not the build.

use hcnf_content::PageId;
use leptos::prelude::*;

use super::words;
use crate::i18n::use_edition;

/// "Last updated: 7 December 2026" for the page shown, the day in a `<time>`.
#[component]
pub fn PageUpdated(
    /// The section shown.
    page: Memo<PageId>,
) -> impl IntoView {
    let ed = use_edition();
    // The content check holds `{date}` exactly once in the label.
    let (before, after) = ed
        .ui
        .updated
        .split_once("{date}")
        .unwrap_or((&ed.ui.updated, ""));
    move || {
        let day = ed.pages.head(page.get()).updated;
        view! {
            <p class="hcnf-updated">
                {words(before)}
                <time datetime=day.to_string()>{words(&ed.ui.format_day(day))}</time> {words(after)}
            </p>
        }
    }
}
