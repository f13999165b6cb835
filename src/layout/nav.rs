//! The primary navigation, with the current page marked for assistive technology.

use hcnf_content::PageId;
use leptos::prelude::*;

use crate::i18n::CurrentLocale;
use crate::routes::page_href;

/// One link per page, in order; the current one carries `aria-current="page"`.
#[component]
pub fn PrimaryNav(
    /// The section being shown, marked as the current entry.
    page: Memo<PageId>,
) -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let ed = locale.edition();
    view! {
        <nav class="hcnf-nav" aria-label=ed.ui.nav_label.as_str()>
            <div class="hcnf-width">
                <ul class="hcnf-nav__list">
                    {PageId::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <li class="hcnf-nav__item">
                                    <a
                                        class="hcnf-nav__link"
                                        href=page_href(locale, p)
                                        aria-current=move || (page.get() == p).then_some("page")
                                    >
                                        {ed.pages.head(p).nav_label.as_str()}
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
