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
    // Hydration keeps the prerendered text, whose origin is the build's (none, unless it
    // was given one), and updates a text only when its value changes: while the app takes
    // the page over it computes the address without an origin, and once it runs, with the
    // page's own, so paper always carries an address a reader can type.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let address = move || {
        let origin = if running.get() || cfg!(feature = "ssr") {
            origin.as_str()
        } else {
            ""
        };
        let address = format!("{origin}{}", pathname.get());
        format!("{label}{}{address}", seam(label, &address))
    };
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
                <p class="hcnf-footer__address">{move || words(&address())}</p>
            </div>
        </footer>
    }
}
