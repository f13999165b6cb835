//! `/{lang}/inquiry`: the online inquiry form.

use leptos::prelude::*;

use super::prose::PageIntro;
use crate::i18n::use_edition;
use crate::inquiry::{InquiryForm, NeedsAppNotice};

/// The inquiry page.
#[component]
pub fn Inquiry() -> impl IntoView {
    let p = &use_edition().pages.inquiry;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            // The one part of the site the wasm runs (inquiry::island).
            <div data-hcnf-form>
                <InquiryForm />
            </div>
            <NeedsAppNotice />
        </article>
    }
}
