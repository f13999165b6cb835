//! The site header: who runs the site, its name, and the language switch.

use hcnf_content::PageId;
use leptos::prelude::*;

use super::language_switch::LanguageSwitch;
use super::words;
use crate::i18n::CurrentLocale;
use crate::routes::page_href;

/// The banner at the top of every page.
#[component]
pub fn Header(
    /// The section being shown; the home link is current on the overview.
    page: Memo<PageId>,
) -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let ui = &locale.edition().ui;
    view! {
        <header class="hcnf-header">
            <div class="hcnf-header__inner hcnf-width">
                <a class="hcnf-header__home" href=page_href(locale, PageId::Overview)>
                    <span class="hcnf-header__owner">{words(&ui.site_owner)}</span>
                    <span class="hcnf-header__title">{words(&ui.site_title)}</span>
                </a>
                <LanguageSwitch page />
            </div>
        </header>
    }
}
