//! The footer: how to reach the office, which office owns the page, the accessibility
//! statement, and, on paper, the page's address.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use hcnf_content::PageId;

use super::words;
use super::ContactDetails;
use crate::i18n::{seam, CurrentLocale};
use crate::routes::{page_href, SiteOrigin};

/// The page footer.
#[component]
pub fn Footer(
    /// The section shown: the footer's link to it is marked current.
    page: Memo<PageId>,
) -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let ed = locale.edition();
    let pathname = use_location().pathname;
    let origin = SiteOrigin::current();
    let label = ed.ui.footer.address_label.as_ref();
    // On paper a reader needs an address they can type. The navigation script writes in
    // the address the page was read at, origin included, which on a host page is the
    // host's; without script, the path, after the build's origin when it was given one.
    let address = move || format!("{origin}{}", pathname.get());
    // The label and what goes between it and the address, which starts with `/` or a
    // scheme on every page.
    let lead = format!("{label}{}", seam(label, "/"));
    view! {
        <footer class="hcnf-footer">
            <div class="hcnf-width">
                <h2 class="hcnf-footer__heading">{words(&ed.contact.heading)}</h2>
                <ContactDetails with_map=false />
                <p class="hcnf-footer__owner">{words(&ed.ui.footer.owner)}</p>
                <p class="hcnf-footer__links">
                    <a
                        href=page_href(locale, PageId::Accessibility)
                        aria-current=move || {
                            (page.get() == PageId::Accessibility).then_some("page")
                        }
                    >
                        {words(&ed.pages.accessibility.head.nav_label)}
                    </a>
                </p>
                <p class="hcnf-footer__address">
                    {words(&lead)} <span class="hcnf-footer__url">{address}</span>
                </p>
            </div>
        </footer>
    }
}
