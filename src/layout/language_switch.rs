//! Links to the same page in every other language. The navigation script keeps the
//! reader's choice (`data-hcnf-locale`) for `/`.

use hcnf_content::ruby::plain;
use hcnf_content::PageId;
use leptos::prelude::*;

use super::words;
use crate::i18n::{CurrentLocale, Locale};
use crate::routes::page_href;

/// The language switch: each other edition's name, in that language, linking to this page there.
#[component]
pub fn LanguageSwitch(
    /// The section being shown, which each language's link keeps.
    page: Memo<PageId>,
) -> impl IntoView {
    let current = expect_context::<CurrentLocale>().0;
    let others: Vec<Locale> = Locale::all().filter(|l| *l != current).collect();
    view! {
        <nav class="hcnf-lang" aria-label=plain(&current.edition().ui.language_label).into_owned()>
            <ul class="hcnf-lang__list">
                {others
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a
                                    class="hcnf-lang__link"
                                    href=move || page_href(l, page.get())
                                    hreflang=l.code()
                                    lang=l.code()
                                    data-hcnf-locale=l.code()
                                >
                                    {words(l.name())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
