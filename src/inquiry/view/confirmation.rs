//! The confirmation, with the reference the endpoint returned.

use hcnf_content::PageId;
use leptos::either::Either;
use leptos::prelude::*;

use super::state::FormState;
use crate::i18n::CurrentLocale;
use crate::inquiry::flow::Focus;
use crate::layout::words;
use crate::routes::page_href;

/// The reference to quote, what happens next, and a way to send another inquiry.
#[component]
pub(super) fn Confirmation(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// The reference the endpoint stored the inquiry under.
    reference: String,
    /// Called when the reader asks to send another inquiry.
    on_again: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = &state.page.confirmation;
    let shown = reference.clone();
    // Without the app, another inquiry is the form page itself.
    let again = if state.answered.is_some() {
        let locale = expect_context::<CurrentLocale>().0;
        Either::Left(
            view! { <a href=page_href(locale, PageId::Inquiry)>{words(&c.new_inquiry)}</a> },
        )
    } else {
        Either::Right(view! {
            <button type="button" class="hcnf-link-button" on:click=move |_| on_again()>
                {words(&c.new_inquiry)}
            </button>
        })
    };
    view! {
        <div
            class="hcnf-panel"
            id="hcnf-inquiry-confirmation"
            tabindex="-1"
            role="status"
            node_ref=state.targets.confirmation
            autofocus=state.autofocus(Focus::Confirmation)
        >
            <h2 class="hcnf-panel__title">{words(&c.title)}</h2>
            <p class="hcnf-panel__body">
                {words(&c.reference_label)} <br />
                <strong class="hcnf-panel__reference" data-reference=reference.clone()>
                    {shown}
                </strong>
            </p>
        </div>
        <p>{words(&c.body)}</p>
        <p>{again}</p>
    }
}
