//! The form as the reader fills it in: the summary of problems, the fields, the privacy
//! notice and "Continue".

use hcnf_inquiry::form_post::{FormAction, ACTION_NAME, STARTED_NAME};
use hcnf_inquiry::{Draft, Field};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{CategorySelect, ConsentCheckbox, Honeypot, MessageInput, TextInput};
use super::notices::{PrivacyNotice, UnavailableNotice};
use super::state::{input_id, FormState};
use crate::browser;
use crate::inquiry::answered::Unanswered;
use crate::inquiry::flow::Focus;
use crate::inquiry::messages::problem_message;
use crate::layout::words;

/// The form: a plain HTML form that posts to the endpoint's answer pages, until the app runs
/// and takes it over; `unconfigured` once the app knows its configuration is unusable,
/// which disables the form and says how else to inquire.
#[component]
pub(super) fn EditForm(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// True once the app has taken the form over.
    live: RwSignal<bool>,
    /// True once the configuration is known to be unusable.
    unconfigured: Signal<bool>,
    /// Called when the reader asks to continue to checking.
    on_continue: impl Fn() + Copy + 'static,
    /// Called when the reader asks to discard the draft.
    on_discard: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let page = state.page;
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_continue();
    };
    view! {
        {move || unconfigured.get().then(|| view! { <UnavailableNotice page /> })}
        <form
            class="hcnf-form"
            method="post"
            action=state.action.get_value()
            data-hcnf-live=move || live.get().then_some("")
            novalidate
            on:submit=submit
        >
            <ErrorSummary state />
            {state
                .answered
                .and_then(|a| a.notice)
                .map(|why| view! { <UnansweredNotice state why /> })}
            <fieldset class="hcnf-form__fieldset" disabled=unconfigured>
                // The group's name for assistive technology; the page's h1 says it on screen.
                <legend class="hcnf-visually-hidden">{words(&page.head.title)}</legend>
                <TextInput state field=Field::Name input_type="text" autocomplete="name" />
                <TextInput state field=Field::Email input_type="email" autocomplete="email" />
                <TextInput state field=Field::Phone input_type="tel" autocomplete="tel" />
                <CategorySelect state />
                <TextInput state field=Field::Subject input_type="text" autocomplete="off" />
                <MessageInput state />
                <Honeypot state />
                <PrivacyNotice page />
                <ConsentCheckbox state />
                // When the reader started, for the endpoint to judge (empty until it says).
                <input
                    type="hidden"
                    name=STARTED_NAME
                    value=state.answered.map(|_| (state.started.get_value() as u64).to_string())
                />
                <button
                    type="submit"
                    class="hcnf-button"
                    name=ACTION_NAME
                    value=FormAction::Continue.value()
                >
                    {words(&page.form.continue_button)}
                </button>
                // Offered once there is something to discard, where the app runs to do it.
                {move || {
                    (state.answered.is_none() && state.draft.with(|d| *d != Draft::default()))
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="hcnf-link-button hcnf-form__discard"
                                    on:click=move |_| on_discard()
                                >
                                    {words(&page.form.discard_button)}
                                </button>
                            }
                        })
                }}
                <p class="hcnf-form__status" role="status">
                    {move || state.discarded.get().then(|| words(&page.form.discarded))}
                </p>
            </fieldset>
        </form>
    }
}

/// Why an answer page shows the form empty. It takes focus as the page loads, which is
/// what a screen reader announces; a live-region role as well would announce it twice.
#[component]
fn UnansweredNotice(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    why: Unanswered,
) -> impl IntoView {
    let sending = &state.page.sending;
    let text = match why {
        Unanswered::OtherSite => &sending.refused_origin,
        Unanswered::NotRead => &sending.not_read,
    };
    view! {
        <div class="hcnf-alert" tabindex="-1" autofocus>
            <h2 class="hcnf-alert__heading">{words(&sending.failed_heading)}</h2>
            <p>{words(text)}</p>
        </div>
    }
}

/// Every problem, linked to its field; takes focus on a failed submit.
#[component]
fn ErrorSummary(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    let form = &state.page.form;
    move || {
        let errors = state.flow.with(|flow| flow.errors.clone());
        (!errors.is_empty()).then(|| {
            view! {
                <div
                    class="hcnf-error-summary"
                    id="hcnf-inquiry-error-summary"
                    tabindex="-1"
                    role="alert"
                    aria-labelledby="hcnf-inquiry-error-summary-title"
                    node_ref=state.targets.error_summary
                    autofocus=state.autofocus(Focus::ErrorSummary)
                >
                    <h2 class="hcnf-error-summary__title" id="hcnf-inquiry-error-summary-title">
                        {words(&form.error_summary_title)}
                    </h2>
                    <ul class="hcnf-error-summary__list">
                        {errors
                            .into_iter()
                            .map(|e| {
                                let id = input_id(e.field);
                                let target = id.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                browser::page::focus_by_id(&target);
                                            }
                                        >
                                            {words(&problem_message(form, e.field, e.problem))}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
