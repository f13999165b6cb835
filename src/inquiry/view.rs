//! The inquiry form's view: fill in, check answers, send, confirmation. The rules are
//! `hcnf_inquiry::validate`; the words are the edition's; sending is `client::send_draft`.

use hcnf_content::InquiryPage;
use hcnf_inquiry::{char_count, validate, validate_field, Category, Draft, Field, FieldError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::client::{send_draft, RetryPolicy, SendError};
use super::http::{BrowserSleep, BrowserTransport};
use super::messages::{category_label, characters_left, field_text, problem_message, send_failure};
use super::saved::{new_key, set_text, SavedDraft};
use crate::browser;
use crate::config::{load_config, AppConfig, ConfigError};
use crate::host::HostOptions;
use crate::i18n::CurrentLocale;
use crate::layout::ContactDetails;

/// Where the reader is in the journey.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Edit,
    Check,
    Sending,
    Failed(SendError),
    Done(String),
}

/// The id of a field's control; `{id}-hint` and `{id}-error` describe it.
fn input_id(field: Field) -> String {
    format!("hcnf-inquiry-{}", field.as_str())
}

fn text_of(d: &Draft, field: Field) -> &str {
    match field {
        Field::Name => &d.name,
        Field::Email => &d.email,
        Field::Phone => &d.phone,
        Field::Category => &d.category,
        Field::Subject => &d.subject,
        Field::Message => &d.message,
        Field::Consent => "",
    }
}

/// The form's reactive state, shared by its parts.
#[derive(Clone, Copy)]
struct FormState {
    page: &'static InquiryPage,
    draft: RwSignal<Draft>,
    errors: RwSignal<Vec<FieldError>>,
}

impl FormState {
    fn error_for(self, field: Field) -> Option<String> {
        self.errors.with(|errs| {
            errs.iter()
                .find(|e| e.field == field)
                .map(|e| problem_message(&self.page.form, field, e.problem))
        })
    }

    /// Checks one field when it loses focus: only once it has a value or already shows an
    /// error, so tabbing through an empty form does not scold.
    fn blur(self, field: Field) {
        let d = self.draft.get_untracked();
        let empty = field != Field::Consent && text_of(&d, field).trim().is_empty();
        let shown = self
            .errors
            .with_untracked(|e| e.iter().any(|x| x.field == field));
        if empty && !shown {
            return;
        }
        let result = validate_field(field, &d);
        self.errors.update(|errs| {
            errs.retain(|e| e.field != field);
            if let Err(problem) = result {
                errs.push(FieldError { field, problem });
                errs.sort_by_key(|e| Field::ALL.iter().position(|f| *f == e.field));
            }
        });
    }

    /// While typing, re-checks a field that shows an error, so the error goes as soon as it
    /// is mended. Doing it here rather than on blur means the page does not shift under the
    /// pointer when the reader clicks the next control.
    fn input(self, field: Field) {
        if self
            .errors
            .with_untracked(|e| e.iter().any(|x| x.field == field))
        {
            self.blur(field);
        }
    }

    fn described_by(self, field: Field, has_hint: bool) -> Option<String> {
        let id = input_id(field);
        let mut parts = Vec::new();
        if has_hint {
            parts.push(format!("{id}-hint"));
        }
        if self.errors.with(|e| e.iter().any(|x| x.field == field)) {
            parts.push(format!("{id}-error"));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

fn focus_after_render(selector: &'static str) {
    request_animation_frame(move || browser::focus(selector));
}

/// The inquiry form and everything after it, up to the confirmation.
#[component]
pub fn InquiryForm() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let page = &locale.edition().pages.inquiry;
    // Empty at first, as the prerendered form is, so hydration finds the markup it expects.
    let fresh = SavedDraft::fresh();
    let key = StoredValue::new(fresh.key);
    let started = StoredValue::new(fresh.started_ms);
    let state = FormState {
        page,
        draft: RwSignal::new(fresh.draft),
        errors: RwSignal::new(Vec::new()),
    };
    let step = RwSignal::new(Step::Edit);
    // Until the app runs, the prerendered form's button would submit it to the page's own
    // address, putting the answers in the URL and losing them: it is disabled until then.
    let live = RwSignal::new(false);
    let config = RwSignal::new(None::<Result<AppConfig, ConfigError>>);
    let host = StoredValue::new(HostOptions::current());
    // Effects run only in the browser, once the form is on the page: take up this tab's
    // saved draft, then load the configuration once per visit (`try_set`, because the
    // reader may have left the page by then). Created before the effect that saves, so
    // that one never saves the empty draft over a saved one.
    Effect::new(move |_| {
        let saved = SavedDraft::load();
        key.set_value(saved.key);
        started.set_value(saved.started_ms);
        state.draft.set(saved.draft);
        live.set(true);
        spawn_local(async move {
            let loaded = load_config(&host.get_value()).await;
            config.try_set(Some(loaded));
        });
    });
    let unavailable = move || matches!(config.get(), Some(Err(_)));

    // Keep every keystroke in this tab's storage until a confirmed success.
    Effect::new(move |_| {
        let draft = state.draft.get();
        if !matches!(step.get_untracked(), Step::Done(_)) {
            SavedDraft {
                key: key.get_value(),
                draft,
                started_ms: started.get_value(),
            }
            .save();
        }
    });

    let on_continue = move |ev: SubmitEvent| {
        ev.prevent_default();
        match validate(&state.draft.get_untracked()) {
            Ok(_) => {
                state.errors.set(Vec::new());
                step.set(Step::Check);
                focus_after_render("#hcnf-inquiry-check-heading");
            }
            Err(errors) => {
                state.errors.set(errors);
                focus_after_render("#hcnf-inquiry-error-summary");
            }
        }
    };

    let send = move || {
        if step.get_untracked() == Step::Sending {
            return; // One click, one request.
        }
        step.set(Step::Sending);
        spawn_local(async move {
            let config = match config.get_untracked() {
                Some(Ok(c)) => Ok(c),
                _ => load_config(&host.get_value()).await,
            };
            let Ok(config) = config else {
                step.try_set(Step::Failed(SendError::Network));
                return;
            };
            let mut body = state.draft.get_untracked();
            body.locale = locale.code().to_owned();
            body.elapsed_ms = (browser::now_ms() - started.get_value()).max(0.0) as u64;
            let transport = BrowserTransport {
                timeout_ms: config.timeout_ms,
            };
            let result = send_draft(
                &transport,
                &BrowserSleep,
                RetryPolicy::default(),
                &config.inquiry_endpoint,
                &key.get_value(),
                &body,
            )
            .await;
            match result {
                Ok(accepted) => {
                    SavedDraft::forget();
                    step.try_set(Step::Done(accepted.reference));
                    focus_after_render("#hcnf-inquiry-confirmation");
                }
                Err(SendError::Invalid(fields)) => {
                    state.errors.try_set(fields);
                    step.try_set(Step::Edit);
                    focus_after_render("#hcnf-inquiry-error-summary");
                }
                Err(err) => {
                    if err == SendError::KeyReused {
                        // The first key belongs to a draft that differs from this one.
                        let mut saved = SavedDraft::load();
                        saved.key = new_key();
                        saved.save();
                        key.try_set_value(saved.key);
                    }
                    step.try_set(Step::Failed(err));
                    focus_after_render("#hcnf-inquiry-failure");
                }
            }
        });
    };

    let start_again = move || {
        let fresh = SavedDraft::fresh();
        key.set_value(fresh.key);
        started.set_value(fresh.started_ms);
        state.errors.set(Vec::new());
        step.set(Step::Edit);
        state.draft.set(fresh.draft);
    };

    let change = move |field: Field| {
        step.set(Step::Edit);
        request_animation_frame(move || browser::focus(&format!("#{}", input_id(field))));
    };

    view! {
        <div class="hcnf-inquiry">
            {move || match step.get() {
                Step::Done(reference) => view! { <Confirmation page reference on_again=start_again /> }.into_any(),
                Step::Edit => {
                    view! {
                        <Unavailable page show=Signal::derive(unavailable) />
                        <UnavailableNotice page alert=false />
                        <form class="hcnf-form" novalidate on:submit=on_continue>
                            <ErrorSummary state />
                            <fieldset class="hcnf-form__fieldset" disabled=unavailable>
                                <TextInput state field=Field::Name input_type="text" autocomplete="name" />
                                <TextInput state field=Field::Email input_type="email" autocomplete="email" />
                                <TextInput state field=Field::Phone input_type="tel" autocomplete="tel" />
                                <CategorySelect state />
                                <TextInput state field=Field::Subject input_type="text" autocomplete="off" />
                                <MessageInput state />
                                <Honeypot state />
                                <PrivacyNotice page />
                                <ConsentCheckbox state />
                                <button
                                    type="submit"
                                    class="hcnf-button"
                                    disabled=move || !live.get()
                                >
                                    {page.form.continue_button.as_str()}
                                </button>
                            </fieldset>
                        </form>
                    }
                        .into_any()
                }
                current => {
                    let failed = match &current {
                        Step::Failed(e) => Some(e.clone()),
                        _ => None,
                    };
                    let sending = current == Step::Sending;
                    view! { <CheckAnswers state failed sending on_send=send on_change=change /> }.into_any()
                }
            }}
        </div>
    }
}

/// The notice that the form cannot send, with the telephone and fax. As an `alert` it is
/// announced, for a form whose configuration failed; otherwise it is the notice the
/// stylesheet shows in the form's place to a reader whose browser runs no script.
#[component]
fn UnavailableNotice(page: &'static InquiryPage, alert: bool) -> impl IntoView {
    view! {
        <div
            class="hcnf-notice"
            class=("hcnf-notice--without-script", !alert)
            role=alert.then_some("alert")
        >
            <h2 class="hcnf-notice__heading">{page.unavailable.heading.as_str()}</h2>
            <p>{page.unavailable.body.as_str()}</p>
            <ContactDetails with_map=false />
        </div>
    }
}

/// The alert shown when the form cannot send.
#[component]
fn Unavailable(page: &'static InquiryPage, show: Signal<bool>) -> impl IntoView {
    move || {
        show.get()
            .then(|| view! { <UnavailableNotice page alert=true /> })
    }
}

/// Every problem, linked to its field; takes focus on a failed submit.
#[component]
fn ErrorSummary(state: FormState) -> impl IntoView {
    let form = &state.page.form;
    move || {
        let errors = state.errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div
                    class="hcnf-error-summary"
                    id="hcnf-inquiry-error-summary"
                    tabindex="-1"
                    role="alert"
                    aria-labelledby="hcnf-inquiry-error-summary-title"
                >
                    <h2 class="hcnf-error-summary__title" id="hcnf-inquiry-error-summary-title">
                        {form.error_summary_title.as_str()}
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
                                                // Focus the field itself; the router must not see a navigation.
                                                ev.prevent_default();
                                                browser::focus(&format!("#{target}"));
                                            }
                                        >
                                            {problem_message(form, e.field, e.problem)}
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

/// A field's label, hint and error message around its control.
#[component]
fn FieldFrame(state: FormState, field: Field, children: Children) -> impl IntoView {
    let form = &state.page.form;
    let text = field_text(form, field);
    let id = input_id(field);
    let optional = (field == Field::Phone)
        .then(|| view! { <span class="hcnf-field__optional">{form.optional.as_str()}</span> });
    let has_error = move || state.errors.with(|e| e.iter().any(|x| x.field == field));
    view! {
        <div class="hcnf-field" class=("hcnf-field--error", has_error)>
            <label class="hcnf-field__label" for=id.clone()>
                {text.label.as_str()}
                {optional}
            </label>
            {text.hint.as_deref().map(|h| view! { <p class="hcnf-field__hint" id=format!("{id}-hint")>{h}</p> })}
            <ErrorMessage state field />
            {children()}
        </div>
    }
}

/// A field's error, with a visually hidden "Error:" before it, while it has one.
#[component]
fn ErrorMessage(state: FormState, field: Field) -> impl IntoView {
    let prefix = state.page.form.error_prefix.as_str();
    let id = format!("{}-error", input_id(field));
    move || {
        state.error_for(field).map(|msg| {
            view! {
                <p class="hcnf-field__error" id=id.clone()>
                    <span class="hcnf-visually-hidden">{prefix}</span>
                    " "
                    {msg}
                </p>
            }
        })
    }
}

/// A one-line text field.
#[component]
fn TextInput(
    state: FormState,
    field: Field,
    input_type: &'static str,
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
                prop:value=move || state.draft.with(|d| text_of(d, field).to_owned())
                aria-invalid=move || state.error_for(field).is_some().then_some("true")
                aria-describedby=move || state.described_by(field, has_hint)
                on:input=move |ev| {
                    state.draft.update(|d| set_text(d, field, event_target_value(&ev)));
                    state.input(field);
                }
                on:blur=move |_| state.blur(field)
            />
        </FieldFrame>
    }
}

/// The category select, its options from the edition.
#[component]
fn CategorySelect(state: FormState) -> impl IntoView {
    let form = &state.page.form;
    let field = Field::Category;
    let has_hint = form.category.hint.is_some();
    view! {
        <FieldFrame state field>
            <select
                class="hcnf-select"
                id=input_id(field)
                name=field.as_str()
                aria-invalid=move || state.error_for(field).is_some().then_some("true")
                aria-describedby=move || state.described_by(field, has_hint)
                on:change=move |ev| {
                    state.draft.update(|d| d.category = event_target_value(&ev));
                    state.input(field);
                }
                on:blur=move |_| state.blur(field)
            >
                <option value="" selected=move || state.draft.with(|d| d.category.is_empty())>
                    {form.category_placeholder.as_str()}
                </option>
                {Category::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || state.draft.with(|d| d.category == c.as_str())>
                                {category_label(form, c)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// The message box with a live count of the characters left.
#[component]
fn MessageInput(state: FormState) -> impl IntoView {
    let form = &state.page.form;
    let field = Field::Message;
    let id = input_id(field);
    let count_id = format!("{id}-count");
    let typed = move || state.draft.with(|d| char_count(&d.message));
    view! {
        <FieldFrame state field>
            <textarea
                class="hcnf-textarea"
                id=id.clone()
                name=field.as_str()
                rows="8"
                aria-invalid=move || state.error_for(field).is_some().then_some("true")
                aria-describedby={
                    let count_id = count_id.clone();
                    move || {
                        let mut ids = state.described_by(field, true).unwrap_or_default();
                        ids.push(' ');
                        ids.push_str(&count_id);
                        ids
                    }
                }
                prop:value=move || state.draft.with(|d| d.message.clone())
                on:input=move |ev| {
                    state.draft.update(|d| d.message = event_target_value(&ev));
                    state.input(field);
                }
                on:blur=move |_| state.blur(field)
            ></textarea>
            <p
                class="hcnf-field__count"
                class=("hcnf-field__count--over", move || typed() > hcnf_inquiry::LIMITS.message)
                id=count_id.clone()
                aria-live="polite"
            >
                {move || characters_left(form, typed())}
            </p>
        </FieldFrame>
    }
}

/// A field that people and screen readers never meet; robots that fill every input do.
#[component]
fn Honeypot(state: FormState) -> impl IntoView {
    view! {
        <div class="hcnf-honeypot" aria-hidden="true">
            <input
                type="text"
                name="website"
                tabindex="-1"
                autocomplete="off"
                prop:value=move || state.draft.with(|d| d.website.clone())
                on:input=move |ev| state.draft.update(|d| d.website = event_target_value(&ev))
            />
        </div>
    }
}

/// Who receives the inquiry, what for, for how long, and whom to ask.
#[component]
fn PrivacyNotice(page: &'static InquiryPage) -> impl IntoView {
    view! {
        <section class="hcnf-privacy" aria-labelledby="hcnf-inquiry-privacy">
            <h2 class="hcnf-privacy__heading" id="hcnf-inquiry-privacy">{page.privacy.heading.as_str()}</h2>
            <dl class="hcnf-facts">
                {page
                    .privacy
                    .items
                    .iter()
                    .map(|t| {
                        view! {
                            <div class="hcnf-facts__row">
                                <dt>{t.term.as_str()}</dt>
                                <dd>{t.detail.as_str()}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// Consent to the privacy notice.
#[component]
fn ConsentCheckbox(state: FormState) -> impl IntoView {
    let field = Field::Consent;
    let form = &state.page.form;
    let id = input_id(field);
    view! {
        <div
            class="hcnf-field hcnf-field--checkbox"
            class=("hcnf-field--error", move || state.error_for(field).is_some())
        >
            <ErrorMessage state field />
            <div class="hcnf-checkbox">
                <input
                    class="hcnf-checkbox__input"
                    type="checkbox"
                    id=id.clone()
                    name=field.as_str()
                    prop:checked=move || state.draft.with(|d| d.consent)
                    aria-invalid=move || state.error_for(field).is_some().then_some("true")
                    aria-describedby=move || state.described_by(field, false)
                    on:change=move |ev| {
                        state.draft.update(|d| d.consent = event_target_checked(&ev));
                        state.blur(field);
                    }
                />
                <label class="hcnf-checkbox__label" for=id>
                    {form.consent.label.as_str()}
                </label>
            </div>
        </div>
    }
}

/// The answers as they will be sent, each with a way back to change it; then send.
#[component]
fn CheckAnswers(
    state: FormState,
    failed: Option<SendError>,
    sending: bool,
    on_send: impl Fn() + Copy + 'static,
    on_change: impl Fn(Field) + Copy + 'static,
) -> impl IntoView {
    let page = state.page;
    let form = &page.form;
    let check = &page.check;
    // Checked before this step was reached; shown normalised, as the endpoint will store it.
    let valid = validate(&state.draft.get_untracked()).ok();
    let answer = move |field: Field| -> String {
        let Some(v) = &valid else {
            return String::new();
        };
        match field {
            Field::Name => v.name.clone(),
            Field::Email => v.email.clone(),
            Field::Phone => v.phone.clone().unwrap_or_else(|| check.not_given.clone()),
            Field::Category => category_label(form, v.category).to_owned(),
            Field::Subject => v.subject.clone(),
            Field::Message => v.message.clone(),
            Field::Consent => check.consent_given.clone(),
        }
    };
    let button_text = if sending {
        page.sending.in_progress.as_str()
    } else if failed.is_some() {
        page.sending.retry_button.as_str()
    } else {
        check.send_button.as_str()
    };
    view! {
        <section class="hcnf-check" aria-labelledby="hcnf-inquiry-check-heading">
            <h2 class="hcnf-check__heading" id="hcnf-inquiry-check-heading" tabindex="-1">
                {check.heading.as_str()}
            </h2>
            <p>{check.lead.as_str()}</p>
            <dl class="hcnf-summary">
                {Field::ALL
                    .into_iter()
                    .map(|field| {
                        let label = field_text(form, field).label.as_str();
                        view! {
                            <div class="hcnf-summary__row" data-field=field.as_str()>
                                <dt class="hcnf-summary__key">{label}</dt>
                                <dd class="hcnf-summary__value">{answer(field)}</dd>
                                <dd class="hcnf-summary__action">
                                    <button
                                        type="button"
                                        class="hcnf-link-button"
                                        disabled=sending
                                        on:click=move |_| on_change(field)
                                    >
                                        {check.change.as_str()}
                                        <span class="hcnf-visually-hidden">" " {label}</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            {failed
                .map(|err| {
                    view! {
                        <div class="hcnf-alert" id="hcnf-inquiry-failure" role="alert" tabindex="-1">
                            <h3 class="hcnf-alert__heading">{page.sending.failed_heading.as_str()}</h3>
                            <p>{send_failure(&page.sending, &err)}</p>
                            <p>{page.sending.phone_alternative.as_str()}</p>
                            <ContactDetails with_map=false />
                        </div>
                    }
                })}
            <PrivacyNotice page />
            <button
                type="button"
                class="hcnf-button"
                disabled=sending
                aria-disabled=sending.then_some("true")
                on:click=move |_| on_send()
            >
                {button_text}
            </button>
            <p class="hcnf-visually-hidden" role="status">
                {sending.then_some(page.sending.in_progress.as_str())}
            </p>
        </section>
    }
}

/// The confirmation, with the reference the endpoint returned.
#[component]
fn Confirmation(
    page: &'static InquiryPage,
    reference: String,
    on_again: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = &page.confirmation;
    view! {
        <div class="hcnf-panel" id="hcnf-inquiry-confirmation" tabindex="-1" role="status">
            <h2 class="hcnf-panel__title">{c.title.as_str()}</h2>
            <p class="hcnf-panel__body">
                {c.reference_label.as_str()}
                <br />
                <strong class="hcnf-panel__reference" data-reference=reference.clone()>{reference.clone()}</strong>
            </p>
        </div>
        <p>{c.body.as_str()}</p>
        <p>
            <button type="button" class="hcnf-link-button" on:click=move |_| on_again()>
                {c.new_inquiry.as_str()}
            </button>
        </p>
    }
}
