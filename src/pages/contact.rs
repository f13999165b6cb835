//! `/{lang}/contact`: the office's telephone, fax, address and map.

use hcnf_content::PageId;
use leptos::prelude::*;

use super::prose::PageIntro;
use crate::i18n::CurrentLocale;
use crate::layout::words;
use crate::layout::ContactDetails;
use crate::routes::page_href;

/// The contact page.
#[component]
pub fn Contact() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let p = &locale.edition().pages.contact;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <ContactDetails with_map=true />
            <p class="hcnf-page__next">
                {words(&p.inquiry_prompt)} " "
                <a href=page_href(locale, PageId::Inquiry)>{words(&p.inquiry_link)}</a>
            </p>
        </article>
    }
}
