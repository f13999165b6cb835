//! A link to another site, which says so.

use hcnf_content::Link;
use leptos::prelude::*;

use super::words;
use crate::i18n::{seam, CurrentLocale};

/// A link whose words end with "(external site)" when it leads away from the prefecture's
/// site, so that no reader is taken elsewhere unawares.
#[component]
pub fn ExternalLink(
    /// Where it leads, and its words.
    link: &'static Link,
) -> impl IntoView {
    let marker = link.is_external().then(|| {
        let said = expect_context::<CurrentLocale>().0.external_link();
        // An empty text would leave hydration without its node: none rather than "".
        let space = Some(seam(&link.label, said)).filter(|s| !s.is_empty());
        view! {
            {space}
            <span class="hcnf-external">{words(said)}</span>
        }
    });
    view! { <a href=link.href.as_ref()>{words(&link.label)}{marker}</a> }
}
