//! What the form tells the reader besides the questions: that it cannot send (and how else
//! to inquire), why a send failed, and the privacy notice.

use hcnf_content::InquiryPage;
use leptos::prelude::*;

use super::state::FormState;
use crate::i18n::CurrentLocale;
use crate::inquiry::flow::{Failure, Focus};
use crate::inquiry::messages::send_failure;
use crate::layout::words;
use crate::layout::ContactDetails;

/// The notice that the form cannot send, with the telephone and fax, announced at once:
/// for a form whose configuration the app found unusable.
#[component]
pub(super) fn UnavailableNotice(
    /// The inquiry page's words in the reader's language.
    page: &'static InquiryPage,
) -> impl IntoView {
    view! {
        <div class="hcnf-notice" role="alert">
            {unavailable(page)}
        </div>
    }
}

/// The same words, with the page from the start: for a page where only the app can send
/// the form (a host page whose server does not pass the plain form's posts on), shown by
/// the stylesheet if the app could not start. Beside the form's island, not in it, so the
/// wasm carries none of it.
#[component]
pub fn NeedsAppNotice() -> impl IntoView {
    let page = expect_context::<CurrentLocale>().0.inquiry();
    view! { <div class="hcnf-notice hcnf-needs-app">{unavailable(page)}</div> }
}

fn unavailable(page: &'static InquiryPage) -> impl IntoView {
    view! {
        <h2 class="hcnf-notice__heading">{words(&page.unavailable.heading)}</h2>
        <p>{words(&page.unavailable.body)}</p>
        <ContactDetails with_map=false />
    }
}

/// Why the inquiry was not sent, and how else to send it; takes focus when it appears.
#[component]
pub(super) fn FailureAlert(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// Why the inquiry was not sent.
    failure: Failure,
) -> impl IntoView {
    let page = state.page;
    let (heading, reason, alternative) = match &failure {
        Failure::Send(error) => (
            page.sending.failed_heading.as_ref(),
            send_failure(&page.sending, error),
            Some(page.sending.phone_alternative.as_ref()),
        ),
        // The site's own problem: the form cannot send at all, whatever the reader does.
        Failure::Unconfigured => (
            page.unavailable.heading.as_ref(),
            page.unavailable.body.to_string(),
            None,
        ),
    };
    view! {
        <div
            class="hcnf-alert"
            id="hcnf-inquiry-failure"
            role="alert"
            tabindex="-1"
            node_ref=state.targets.failure
            autofocus=state.autofocus(Focus::Failure)
        >
            <h3 class="hcnf-alert__heading">{words(heading)}</h3>
            <p>{words(&reason)}</p>
            {alternative.map(|text| view! { <p>{words(text)}</p> })}
            <ContactDetails with_map=false />
        </div>
    }
}

/// Who receives the inquiry, what for, for how long, and whom to ask.
#[component]
pub(super) fn PrivacyNotice(
    /// The inquiry page's words in the reader's language.
    page: &'static InquiryPage,
) -> impl IntoView {
    view! {
        <section class="hcnf-privacy" aria-labelledby="hcnf-inquiry-privacy">
            <h2 class="hcnf-privacy__heading" id="hcnf-inquiry-privacy">
                {words(&page.privacy.heading)}
            </h2>
            <dl class="hcnf-facts">
                {page
                    .privacy
                    .items
                    .iter()
                    .map(|t| {
                        view! {
                            <div class="hcnf-facts__row">
                                <dt>{words(&t.term)}</dt>
                                <dd>{words(&t.detail)}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
