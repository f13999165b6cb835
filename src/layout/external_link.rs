//! A link to another site, which says so.

use hcnf_content::Link;
use leptos::prelude::*;

use crate::i18n::use_edition;

/// A link whose words end with "(external site)" when it leads away from the prefecture's
/// site, so that no reader is taken elsewhere unawares.
#[component]
pub fn ExternalLink(
    /// Where it leads, and its words.
    link: &'static Link,
) -> impl IntoView {
    let marker = link.is_external().then(|| {
        let words = use_edition().ui.external_link.as_str();
        // A space before "(external site)"; Japanese brackets carry their own.
        let space = words.starts_with(|c: char| c.is_ascii()).then_some(" ");
        view! {
            {space}
            <span class="hcnf-external">{words}</span>
        }
    });
    view! { <a href=link.href.as_str()>{link.label.as_str()}{marker}</a> }
}
