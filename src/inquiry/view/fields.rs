//! The form's controls, each with its label, hint and problem, in the GOV.UK pattern: the
//! problem between the label and the control, tied to it by `aria-describedby`. The
//! message box, with its count of the characters left, is in `message`.

mod message;

use hcnf_content::ruby::plain;
use hcnf_content::FormText;
use hcnf_inquiry::form_post::CONSENT_VALUE;
use hcnf_inquiry::{Category, Field};
use leptos::prelude::*;

pub(super) use message::MessageInput;

use super::state::{input_id, FormState};
use crate::inquiry::flow::Focus;
use crate::inquiry::messages::{category_label, field_text};
use crate::layout::words;

/// Says in words whether a field must be answered: a badge on required ones, "(optional)"
/// on the others.
fn marker(form: &'static FormText, field: Field) -> impl IntoView {
    if field.is_optional() {
        view! { <span class="hcnf-field__optional">{words(&form.optional)}</span> }.into_any()
    } else {
        view! { <span class="hcnf-field__required">{words(&form.required)}</span> }.into_any()
    }
}

/// A field's label, hint and problem around its control.
#[component]
fn FieldFrame(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// The field this control is for.
    field: Field,
    /// The control itself.
    children: Children,
) -> impl IntoView {
    let form = &state.page.form;
    let text = field_text(form, field);
    let id = input_id(field);
    let marker = marker(form, field);
    view! {
        <div class="hcnf-field" class=("hcnf-field--error", move || state.has_problem(field))>
            <label class="hcnf-field__label" for=id.clone()>
                {words(&text.label)}
                {marker}
            </label>
            {text
                .hint
                .as_deref()
                .map(|h| {
                    view! {
                        <p class="hcnf-field__hint" id=format!("{id}-hint")>
                            {words(h)}
                        </p>
                    }
                })}
            <ProblemMessage state field />
            {children()}
        </div>
    }
}

/// A field's problem, with a visually hidden "Error:" before it, while it has one.
#[component]
fn ProblemMessage(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// The field this control is for.
    field: Field,
) -> impl IntoView {
    let prefix = state.page.form.error_prefix.as_ref();
    let id = format!("{}-error", input_id(field));
    move || {
        state.problem(field).map(|msg| {
            view! {
                <p class="hcnf-field__error" id=id.clone()>
                    <span class="hcnf-visually-hidden">{words(prefix)}</span>
                    " "
                    {words(&msg)}
                </p>
            }
        })
    }
}

/// A one-line text field.
#[component]
pub(super) fn TextInput(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
    /// The field this control is for.
    field: Field,
    /// The input's `type`: `text`, `email`, `tel`.
    input_type: &'static str,
    /// The input's `autocomplete` token.
    autocomplete: &'static str,
) -> impl IntoView {
    let has_hint = field_text(&state.page.form, field).hint.is_some();
    view! {
        <FieldFrame state field>
            <input
                class="hcnf-input"
                id=input_id(field)
                name=field.as_str()
                type=input_type
                autocomplete=autocomplete
                spellcheck="false"
                value=state.initial_text(field)
                autofocus=state.autofocus(Focus::Field(field))
                prop:value=move || state.text(field)
                aria-invalid=move || state.invalid(field)
                aria-describedby=move || state.described_by(field, has_hint, None)
                on:input=move |ev| state.typed(field, event_target_value(&ev))
                on:blur=move |_| state.left(field)
            />
        </FieldFrame>
    }
}

/// The category select, its options from the edition.
#[component]
pub(super) fn CategorySelect(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    let form = &state.page.form;
    let field = Field::Category;
    let has_hint = form.category.hint.is_some();
    let chosen = move |value: &'static str| state.draft.with(|d| d.category == value);
    view! {
        <FieldFrame state field>
            <select
                class="hcnf-select"
                id=input_id(field)
                name=field.as_str()
                autofocus=state.autofocus(Focus::Field(field))
                aria-invalid=move || state.invalid(field)
                aria-describedby=move || state.described_by(field, has_hint, None)
                on:change=move |ev| state.typed(field, event_target_value(&ev))
                on:blur=move |_| state.left(field)
            >
                <option value="" selected=move || chosen("")>
                    {plain(&form.category_placeholder).into_owned()}
                </option>
                {Category::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || chosen(c.as_str())>
                                // An option holds text only: no ruby.
                                {plain(category_label(form, c)).into_owned()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// A field that people and screen readers never meet; robots that fill every input do.
#[component]
pub(super) fn Honeypot(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    view! {
        <div class="hcnf-honeypot" aria-hidden="true">
            <input
                type="text"
                name="website"
                tabindex="-1"
                autocomplete="off"
                value=state
                    .draft
                    .with_untracked(|d| Some(d.website.clone()).filter(|w| !w.is_empty()))
                prop:value=move || state.draft.with(|d| d.website.clone())
                on:input=move |ev| state.draft.update(|d| d.website = event_target_value(&ev))
            />
        </div>
    }
}

/// Consent to the privacy notice.
#[component]
pub(super) fn ConsentCheckbox(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    let field = Field::Consent;
    let form = &state.page.form;
    let id = input_id(field);
    view! {
        <div
            class="hcnf-field hcnf-field--checkbox"
            class=("hcnf-field--error", move || state.has_problem(field))
        >
            <ProblemMessage state field />
            <div class="hcnf-checkbox">
                <input
                    class="hcnf-checkbox__input"
                    type="checkbox"
                    id=id.clone()
                    name=field.as_str()
                    value=CONSENT_VALUE
                    checked=state.draft.with_untracked(|d| d.consent)
                    autofocus=state.autofocus(Focus::Field(field))
                    prop:checked=move || state.draft.with(|d| d.consent)
                    aria-invalid=move || state.invalid(field)
                    aria-describedby=move || state.described_by(field, false, None)
                    on:change=move |ev| {
                        state.draft.update(|d| d.consent = event_target_checked(&ev));
                        state.left(field);
                    }
                />
                <label class="hcnf-checkbox__label" for=id>
                    {words(&form.consent.label)}
                    {marker(form, field)}
                </label>
            </div>
        </div>
    }
}
