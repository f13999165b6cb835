//! The office's contact details, shared by the footer and the contact and inquiry pages.

use leptos::prelude::*;

use crate::i18n::use_edition;

/// Office, address, telephone and fax (as `tel:` links), and optionally the map link.
#[component]
pub fn ContactDetails(
    /// Whether to link to the office building map.
    with_map: bool,
) -> impl IntoView {
    let c = &use_edition().contact;
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
                {[&c.tel, &c.fax]
                    .into_iter()
                    .map(|phone| {
                        view! {
                            <div class="hcnf-contact__row">
                                <dt>{phone.label.as_str()}</dt>
                                <dd>
                                    <a class="hcnf-contact__phone" href=phone.href.as_str()>
                                        {phone.display.as_str()}
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            {with_map
                .then(|| {
                    view! {
                        <p class="hcnf-contact__map">
                            <a href=c.map.href.as_str()>{c.map.label.as_str()}</a>
                        </p>
                    }
                })}
        </div>
    }
}
