//! The footer: how to reach the office, which office owns the page, and, on paper, the
//! page's address.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::ContactDetails;
use crate::i18n::{seam, use_edition};
use crate::routes::SiteOrigin;

/// The page footer.
#[component]
pub fn Footer() -> impl IntoView {
    let ed = use_edition();
    let pathname = use_location().pathname;
    let origin = SiteOrigin::current();
    let label = ed.ui.footer.address_label.as_str();
    let address = move || {
        let address = format!("{origin}{}", pathname.get());
        format!("{label}{}{address}", seam(label, &address))
    };
    view! {
        <footer class="hcnf-footer">
            <div class="hcnf-width">
                <h2 class="hcnf-footer__heading">{ed.contact.heading.as_str()}</h2>
                <ContactDetails with_map=false />
                <p class="hcnf-footer__owner">{ed.ui.footer.owner.as_str()}</p>
                <p class="hcnf-footer__address">{address}</p>
            </div>
        </footer>
    }
}
