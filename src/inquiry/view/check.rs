//! Checking the answers before sending, and what the reader sees while it is sent and if
//! it fails.

use hcnf_content::CheckText;
use hcnf_inquiry::form_post::{
    FormAction, ACTION_NAME, CONSENT_VALUE, HONEYPOT_NAME, KEY_NAME, STARTED_NAME,
};
use hcnf_inquiry::{Field, ValidInquiry};
use leptos::either::Either;
use leptos::prelude::*;

use super::notices::{FailureAlert, PrivacyNotice};
use super::state::FormState;
use crate::inquiry::flow::{Failure, Focus};
use crate::inquiry::messages::{category_label, field_text};
use crate::layout::words;

/// The answer to `field` as it will be stored: normalised, with words for the choices.
/// What the reader typed is shown as typed; only the edition's words carry readings.
fn shown_answer(
    answers: &ValidInquiry,
    field: Field,
    form: &'static hcnf_content::FormText,
    check: &'static CheckText,
) -> impl IntoView {
    match field {
        Field::Category => Either::Left(words(category_label(form, answers.category))),
        Field::Consent => Either::Left(words(&check.consent_given)),
        _ => match answers.text(field) {
            Some(typed) => Either::Right(typed.to_owned()),
            None => Either::Left(words(&check.not_given)),
        },
    }
}

/// The answers as they will be sent, each with a way back to change it; then send.
#[component]
pub(super) fn CheckAnswers(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// The validated answers this step carries.
    answers: ValidInquiry,
    /// Why the last attempt failed, if it did.
    failed: Option<Failure>,
    /// Whether a request is on its way.
    sending: bool,
    /// Called when the reader asks to send (or send again).
    on_send: impl Fn() + Copy + 'static,
    /// Called with the field whose answer the reader wants to change.
    on_change: impl Fn(Field) + Copy + 'static,
) -> impl IntoView {
    let page = state.page;
    let form = &page.form;
    let check = &page.check;
    let button_text = if sending {
        page.sending.in_progress.as_ref()
    } else if failed.is_some() {
        page.sending.retry_button.as_ref()
    } else {
        check.send_button.as_ref()
    };
    view! {
        // A form, so that without the app its buttons post the answers back to the endpoint:
        // Change returns to the form at that field, Send stores it under the page's key.
        <form
            class="hcnf-check"
            method="post"
            action=state.action.get_value()
            novalidate
            aria-labelledby="hcnf-inquiry-check-heading"
        >
            <AnswersCarried state />
            <h2
                class="hcnf-check__heading"
                id="hcnf-inquiry-check-heading"
                tabindex="-1"
                node_ref=state.targets.check_heading
                autofocus=state.autofocus(Focus::CheckHeading)
            >
                {words(&check.heading)}
            </h2>
            <p>{words(&check.lead)}</p>
            <dl class="hcnf-summary">
                {Field::ALL
                    .into_iter()
                    .map(|field| {
                        let label = field_text(form, field).label.as_ref();
                        view! {
                            <div class="hcnf-summary__row" data-field=field.as_str()>
                                <dt class="hcnf-summary__key">{words(label)}</dt>
                                <dd class="hcnf-summary__value">
                                    {shown_answer(&answers, field, form, check)}
                                </dd>
                                <dd class="hcnf-summary__action">
                                    <button
                                        type="submit"
                                        class="hcnf-link-button"
                                        name=ACTION_NAME
                                        value=FormAction::Change(field).value()
                                        disabled=sending
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            on_change(field);
                                        }
                                    >
                                        {words(&check.change)}
                                        <span class="hcnf-visually-hidden">" " {words(label)}</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            {failed.map(|failure| view! { <FailureAlert state failure /> })}
            <PrivacyNotice page />
            <button
                type="submit"
                class="hcnf-button"
                name=ACTION_NAME
                value=FormAction::Send.value()
                disabled=sending
                aria-disabled=sending.then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    on_send();
                }
            >
                {words(button_text)}
            </button>
            <p class="hcnf-visually-hidden" role="status">
                {sending.then(|| words(&page.sending.in_progress))}
            </p>
        </form>
    }
}

/// The answers as typed, the key and the start time, as the form's hidden fields: what a
/// post from the check page carries back to the endpoint.
#[component]
fn AnswersCarried(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    let draft = state.draft.get_untracked();
    let texts: Vec<_> = Field::ALL
        .into_iter()
        .filter_map(|f| f.text(&draft).map(|t| (f.as_str(), t.to_owned())))
        .collect();
    view! {
        {texts
            .into_iter()
            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
            .collect_view()}
        {draft
            .consent
            .then(|| {
                view! { <input type="hidden" name=Field::Consent.as_str() value=CONSENT_VALUE /> }
            })}
        <input type="hidden" name=HONEYPOT_NAME value=draft.website />
        <input type="hidden" name=KEY_NAME value=state.key.get_value() />
        <input
            type="hidden"
            name=STARTED_NAME
            value=(state.started.get_value() as u64).to_string()
        />
    }
}
