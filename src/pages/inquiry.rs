//! `/{lang}/inquiry`: until the online form exists, how to inquire by telephone and fax.

use hcnf_content::PageId;
use leptos::prelude::*;

use super::prose::{PageIntro, Paragraphs};
use crate::i18n::CurrentLocale;
use crate::layout::ContactDetails;
use crate::routes::page_href;

/// The inquiry page.
#[component]
pub fn Inquiry() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let p = &locale.edition().pages.inquiry;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <Paragraphs paragraphs=&p.paragraphs />
            <ContactDetails with_map=false />
            <p class="hcnf-page__next">
                <a href=page_href(locale, PageId::Contact)>{p.contact_page_link.as_str()}</a>
            </p>
        </article>
    }
}
