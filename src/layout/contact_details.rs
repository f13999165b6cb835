//! The office's contact details, shared by the footer and the contact and inquiry pages.

use leptos::prelude::*;

use super::external_link::ExternalLink;
use crate::i18n::use_edition;

/// Office, address, the telephone as a `tel:` link, the fax as text (tapping a link to it
/// would dial a fax machine), and optionally the map, marked as another site.
#[component]
pub fn ContactDetails(
    /// Whether to link to the office building map.
    with_map: bool,
) -> impl IntoView {
    let edition = use_edition();
    let c = &edition.contact;
    view! {
        <div class="hcnf-contact">
            <p class="hcnf-contact__office">{c.office.as_str()}</p>
            <dl class="hcnf-contact__list">
                <div class="hcnf-contact__row">
                    <dt>{c.address_label.as_str()}</dt>
                    <dd>
                        <address class="hcnf-contact__address">
                            {c
                                .address
                                .iter()
                                .map(|line| view! { <span>{line.as_str()}</span> })
                                .collect_view()}
                        </address>
                    </dd>
                </div>
                <div class="hcnf-contact__row">
                    <dt>{c.tel.label.as_str()}</dt>
                    <dd>
                        <a class="hcnf-contact__phone" href=c.tel.href.as_str()>
                            {c.tel.display.as_str()}
                        </a>
                    </dd>
                </div>
                <div class="hcnf-contact__row">
                    <dt>{c.fax.label.as_str()}</dt>
                    <dd class="hcnf-contact__phone">{c.fax.display.as_str()}</dd>
                </div>
            </dl>
            {with_map
                .then(|| {
                    view! {
                        <p class="hcnf-contact__map">
                            <ExternalLink link=&c.map />
                        </p>
                    }
                })}
        </div>
    }
}
