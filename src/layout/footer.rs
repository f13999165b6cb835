//! The footer: how to reach the office, and which office owns the page.

use leptos::prelude::*;

use super::ContactDetails;
use crate::i18n::use_edition;

/// The page footer.
#[component]
pub fn Footer() -> impl IntoView {
    let ed = use_edition();
    view! {
        <footer class="hcnf-footer">
            <div class="hcnf-width">
                <h2 class="hcnf-footer__heading">{ed.contact.heading.as_str()}</h2>
                <ContactDetails with_map=false />
                <p class="hcnf-footer__owner">{ed.ui.footer.owner.as_str()}</p>
            </div>
        </footer>
    }
}
