//! The office's contact details, shared by the footer and the contact and inquiry pages.

use leptos::prelude::*;

use super::external_link::ExternalLink;
use super::words;
use crate::i18n::CurrentLocale;

/// Office, address, the telephone as a `tel:` link, the fax as text (tapping a link to it
/// would dial a fax machine), and, where the content gives one, the prefecture's own map
/// of the office.
#[component]
pub fn ContactDetails(
    /// Whether to link to the office building map, if there is one.
    with_map: bool,
) -> impl IntoView {
    // Not through the whole edition: the form shows these too, and its wasm carries only
    // what it reads (i18n.rs).
    let c = expect_context::<CurrentLocale>().0.contact();
    view! {
        <div class="hcnf-contact">
            <p class="hcnf-contact__office">{words(&c.office)}</p>
            <dl class="hcnf-contact__list">
                <div class="hcnf-contact__row">
                    <dt>{words(&c.address_label)}</dt>
                    <dd>
                        <address class="hcnf-contact__address">
                            {c
                                .address
                                .iter()
                                .map(|line| view! { <span>{words(line)}</span> })
                                .collect_view()}
                        </address>
                    </dd>
                </div>
                <div class="hcnf-contact__row">
                    <dt>{words(&c.tel.label)}</dt>
                    <dd>
                        <a class="hcnf-contact__phone" href=c.tel.href.as_ref()>
                            {words(&c.tel.display)}
                        </a>
                    </dd>
                </div>
                <div class="hcnf-contact__row">
                    <dt>{words(&c.fax.label)}</dt>
                    <dd class="hcnf-contact__phone">{words(&c.fax.display)}</dd>
                </div>
            </dl>
            {c
                .map
                .as_ref()
                .filter(|_| with_map)
                .map(|map| {
                    view! {
                        <p class="hcnf-contact__map">
                            <ExternalLink link=map />
                        </p>
                    }
                })}
        </div>
    }
}
