//! The inquiry form's view: what the reader sees at each step of [`Flow`]. The steps and
//! rules are plain Rust elsewhere; here the state is held in signals, commands from the
//! flow are carried out, and each step has a file of its own.

mod check;
mod confirmation;
mod edit;
mod fields;
mod notices;

use hcnf_content::InquiryPage;
use hcnf_inquiry::{Accepted, Draft, Field};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::delivery::{deliver, ConfigSource, Delivery};
use super::flow::{Command, Failure, Flow, Focus, Step};
use super::saved::{new_key, SavedDraft};
use crate::browser;
use crate::config::{AppConfig, ConfigError};
use crate::host::HostOptions;
use crate::i18n::CurrentLocale;
use check::CheckAnswers;
use confirmation::Confirmation;
use edit::EditForm;

/// The form's reactive state, shared by its parts.
#[derive(Clone, Copy)]
struct FormState {
    page: &'static InquiryPage,
    /// What the reader typed, saved in the tab on every change.
    draft: RwSignal<Draft>,
    flow: RwSignal<Flow>,
    /// The elements focus moves to after a step changes.
    targets: FocusTargets,
}

#[derive(Clone, Copy, Default)]
struct FocusTargets {
    error_summary: NodeRef<html::Div>,
    check_heading: NodeRef<html::H2>,
    failure: NodeRef<html::Div>,
    confirmation: NodeRef<html::Div>,
}

/// The id of a field's control; `{id}-hint` and `{id}-error` describe it.
fn input_id(field: Field) -> String {
    format!("hcnf-inquiry-{}", field.as_str())
}

/// The inquiry form and everything after it, up to the confirmation.
#[component]
pub fn InquiryForm() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    // Empty at first, as the prerendered form is, so hydration finds the markup it expects.
    let fresh = SavedDraft::fresh();
    let key = StoredValue::new(fresh.key);
    let started = StoredValue::new(fresh.started_ms);
    let state = FormState {
        page: &locale.edition().pages.inquiry,
        draft: RwSignal::new(fresh.draft),
        flow: RwSignal::new(Flow::default()),
        targets: FocusTargets::default(),
    };
    // Until the app runs, the prerendered form's button would submit it to the page's own
    // address, putting the answers in the URL and losing them: it is disabled until then.
    let live = RwSignal::new(false);
    let host = HostOptions::current();
    let source = StoredValue::new(ConfigSource {
        endpoint: host.endpoint.clone(),
        url: host.config_url(),
    });
    // The configuration once loaded, and the last send's outcome, each set by a task of
    // its own. Not a LocalResource and an Action: measured, they add 3 to 9 KB (brotli) to
    // the wasm every reader downloads; the flow already keeps to one request at a time; and
    // a stored inquiry's draft must go even if the reader has left the page, when an
    // action's value would have no one to read it.
    let config = RwSignal::new(None::<Result<AppConfig, ConfigError>>);
    let outcome = RwSignal::new(None::<Result<Accepted, Failure>>);
    let unconfigured = Signal::derive(move || matches!(config.get(), Some(Err(_))));
    Effect::new(move |_| {
        if let Some(Err(error)) = config.get() {
            browser::page::warn(&format!("HCNF: the inquiry form is unavailable: {error}"));
        }
    });

    // Effects run only in the browser, once the form is on the page: load the configuration
    // once per visit, and take up this tab's saved draft. Created before the effect that
    // saves, so that one never saves the empty draft over a saved one.
    Effect::new(move |_| {
        let source = source.get_value();
        // `try_set`: the reader may have left the page by then.
        spawn_local(async move {
            config.try_set(Some(source.load().await));
        });
        let saved = SavedDraft::load();
        key.set_value(saved.key);
        started.set_value(saved.started_ms);
        state.draft.set(saved.draft);
        live.set(true);
    });
    // Keep every keystroke in this tab's storage until a confirmed success.
    Effect::new(move |_| {
        let draft = state.draft.get();
        if state.flow.with_untracked(Flow::keeps_draft) {
            SavedDraft {
                key: key.get_value(),
                draft,
                started_ms: started.get_value(),
            }
            .save();
        }
    });

    let apply = move |commands: Vec<Command>| {
        for command in commands {
            match command {
                Command::Focus(target) => focus_after_render(state.targets, target),
                Command::Send => {
                    let mut body = state.draft.get_untracked();
                    body.locale = locale.code().to_owned();
                    body.elapsed_ms =
                        (browser::timers::now_ms() - started.get_value()).max(0.0) as u64;
                    let delivery = Delivery {
                        config: config.get_untracked(),
                        source: source.get_value(),
                        key: key.get_value(),
                        body,
                    };
                    spawn_local(async move {
                        let result = deliver(delivery).await;
                        let stored = result.is_ok();
                        if outcome.try_set(Some(result)).is_some() && stored {
                            // The reader left the page while it was sent; the draft of a
                            // stored inquiry goes all the same.
                            SavedDraft::forget();
                        }
                    });
                }
                Command::NewKey => {
                    let mut saved = SavedDraft::load();
                    saved.key = new_key();
                    saved.save();
                    key.set_value(saved.key);
                }
                Command::ForgetDraft => SavedDraft::forget(),
                Command::FreshDraft => {
                    let fresh = SavedDraft::fresh();
                    key.set_value(fresh.key);
                    started.set_value(fresh.started_ms);
                    state.draft.set(fresh.draft);
                }
            }
        }
    };
    let event = move |transition: fn(&mut Flow) -> Vec<Command>| {
        let mut commands = Vec::new();
        state.flow.update(|flow| commands = transition(flow));
        apply(commands);
    };
    Effect::new(move |_| {
        if let Some(outcome) = outcome.get() {
            let mut commands = Vec::new();
            state.flow.update(|flow| commands = flow.sent(outcome));
            apply(commands);
        }
    });

    let on_continue = move || {
        let draft = state.draft.get_untracked();
        let mut commands = Vec::new();
        state.flow.update(|flow| commands = flow.submit(&draft));
        apply(commands);
    };
    let on_change = move |field: Field| {
        let mut commands = Vec::new();
        state.flow.update(|flow| commands = flow.change(field));
        apply(commands);
    };
    // Only the step's kind and answers redraw the form; problems are shown in place.
    let step = Memo::new(move |_| state.flow.with(|flow| flow.step.clone()));
    view! {
        <div class="hcnf-inquiry">
            {move || match step.get() {
                Step::Editing => {
                    view! { <EditForm state live unconfigured on_continue /> }.into_any()
                }
                Step::Checking(answers) => {
                    view! {
                        <CheckAnswers
                            state
                            answers
                            failed=None
                            sending=false
                            on_send=move || event(Flow::send)
                            on_change
                        />
                    }
                        .into_any()
                }
                Step::Sending(answers) => {
                    view! {
                        <CheckAnswers
                            state
                            answers
                            failed=None
                            sending=true
                            on_send=move || event(Flow::send)
                            on_change
                        />
                    }
                        .into_any()
                }
                Step::Failed(answers, failure) => {
                    view! {
                        <CheckAnswers
                            state
                            answers
                            failed=Some(failure)
                            sending=false
                            on_send=move || event(Flow::send)
                            on_change
                        />
                    }
                        .into_any()
                }
                Step::Confirmed(reference) => {
                    view! {
                        <Confirmation state reference on_again=move || event(Flow::start_again) />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Moves focus to `target` once the step that shows it is on the page.
fn focus_after_render(targets: FocusTargets, target: Focus) {
    request_animation_frame(move || {
        // The reader may have moved on within the frame, taking the element away.
        let element: Option<web_sys::HtmlElement> = match target {
            Focus::ErrorSummary => targets
                .error_summary
                .try_get_untracked()
                .flatten()
                .map(Into::into),
            Focus::CheckHeading => targets
                .check_heading
                .try_get_untracked()
                .flatten()
                .map(Into::into),
            Focus::Failure => targets
                .failure
                .try_get_untracked()
                .flatten()
                .map(Into::into),
            Focus::Confirmation => targets
                .confirmation
                .try_get_untracked()
                .flatten()
                .map(Into::into),
            Focus::Field(field) => return browser::page::focus_by_id(&input_id(field)),
        };
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
