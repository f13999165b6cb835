//! The primary navigation, with the current page marked for assistive technology. On a
//! narrow screen it folds behind a Menu button, so a phone shows the page's heading first.

use hcnf_content::ruby::plain;
use hcnf_content::PageId;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::words;
use crate::i18n::CurrentLocale;
use crate::routes::page_href;

/// One link per page, in order; the current one carries `aria-current="page"`.
///
/// The Menu button is a `<details>`'s summary: it opens and closes without script, and
/// the stylesheet shows the list beside it only while it is open (and always on a wide
/// screen, where the button is hidden).
#[component]
pub fn PrimaryNav(
    /// The section being shown, marked as the current entry.
    page: Memo<PageId>,
) -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let ed = locale.edition();
    let menu = NodeRef::<html::Details>::new();
    // After choosing a page, the menu folds away again, as a new page load would leave it.
    let pathname = use_location().pathname;
    Effect::new(move |seen: Option<()>| {
        pathname.with(|_| ());
        if seen.is_some() {
            if let Some(Some(details)) = menu.try_get_untracked() {
                details.set_open(false);
            }
        }
    });
    view! {
        <nav class="hcnf-nav" aria-label=plain(&ed.ui.nav_label).into_owned()>
            <div class="hcnf-width">
                <details class="hcnf-menu" node_ref=menu>
                    <summary class="hcnf-menu__button">{words(&ed.ui.menu)}</summary>
                </details>
                <ul class="hcnf-nav__list">
                    {PageId::NAVIGATION
                        .into_iter()
                        .map(|p| {
                            view! {
                                <li class="hcnf-nav__item">
                                    <a
                                        class="hcnf-nav__link"
                                        href=page_href(locale, p)
                                        aria-current=move || (page.get() == p).then_some("page")
                                    >
                                        {words(&ed.pages.head(p).nav_label)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </nav>
    }
}
