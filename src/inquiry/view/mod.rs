//! The inquiry form's view: what the reader sees at each step of [`Flow`]. The steps and
//! rules are plain Rust elsewhere; here the state is held in signals, the flow's commands
//! are carried out, and each step has a file of its own.

mod check;
mod confirmation;
mod edit;
mod fields;
mod notices;
mod state;

pub use notices::NeedsAppNotice;

use hcnf_inquiry::{Accepted, Draft, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::answered::Answered;
use super::delivery::{deliver, ConfigSource};
use super::flow::{Command, Failure, Flow, Step};
use super::saved::{new_key, SavedDraft};
use crate::browser;
use crate::config::{AppConfig, ConfigError};
use crate::host::HostOptions;
use crate::i18n::{CurrentLocale, Locale};
use crate::layout::ShowsErrors;
use crate::routes::inquiry_answers_href;
use check::CheckAnswers;
use confirmation::Confirmation;
use edit::EditForm;
use state::{focus_after_render, AnsweredFocus, FocusTargets, FormState};

/// What carries out the flow's commands: the state, the draft's key and start time, and
/// the configuration. Tasks set the configuration once loaded and a send's outcome, rather
/// than Leptos's LocalResource and Action, which measured 9.4 KB and 2.4 KB (brotli) more
/// wasm for every reader (docs/size.md); the flow already allows one request at a time.
#[derive(Clone, Copy)]
struct Form {
    state: FormState,
    locale: Locale,
    key: StoredValue<String>,
    started: StoredValue<f64>,
    /// The draft as last saved or taken up: only a change from it, that is, the reader's
    /// typing, is saved.
    saved: StoredValue<Draft>,
    source: StoredValue<ConfigSource>,
    config: RwSignal<Option<Result<AppConfig, ConfigError>>>,
    outcome: RwSignal<Option<Result<Accepted, Failure>>>,
}

impl Form {
    /// Runs one transition of the flow and carries out what it asks for.
    fn dispatch(self, transition: impl FnOnce(&mut Flow) -> Vec<Command>) {
        let mut commands = Vec::new();
        self.state.flow.update(|flow| commands = transition(flow));
        for command in commands {
            self.carry_out(command);
        }
    }

    fn carry_out(self, command: Command) {
        match command {
            Command::Focus(target) => focus_after_render(self.state.targets, target),
            Command::Send => self.send(),
            Command::NewKey => {
                let mut saved = SavedDraft::load();
                saved.key = new_key();
                saved.save();
                self.key.set_value(saved.key);
            }
            Command::ForgetDraft => SavedDraft::forget(),
            Command::FreshDraft => {
                let fresh = SavedDraft::fresh();
                self.key.set_value(fresh.key);
                self.started.set_value(fresh.started_ms);
                self.saved.set_value(fresh.draft.clone());
                self.state.draft.set(fresh.draft);
            }
        }
    }

    /// The configuration: as loaded, or loaded now; the reader is told the form is
    /// unavailable if it cannot be used.
    async fn configuration(self) -> Result<AppConfig, ConfigError> {
        // This runs a task later than it was asked for: the reader may have left the page by
        // then, and the form's state with it. Reading a disposed signal would abort the wasm
        // (a trap, with the allocator or a borrow left half done), so nothing is read then.
        let (Some(loaded), Some(source)) =
            (self.config.try_get_untracked(), self.source.try_get_value())
        else {
            return Err(ConfigError::Left);
        };
        if let Some(loaded) = loaded {
            return loaded;
        }
        // A refusal is logged, with its reason, where the configuration is checked.
        let loaded = source.load().await;
        // `try_set`: the reader may have left the page by then.
        self.config.try_set(Some(loaded.clone()));
        loaded
    }

    fn send(self) {
        let mut body = self.state.draft.get_untracked();
        body.locale = self.locale.code().to_owned();
        body.elapsed_ms = (browser::timers::now_ms() - self.started.get_value()).max(0.0) as u64;
        let key = self.key.get_value();
        spawn_local(async move {
            let result = deliver(self.configuration().await, key, body).await;
            let stored = result.is_ok();
            if self.outcome.try_set(Some(result)).is_some() && stored {
                // The reader left the page while it was sent; a stored inquiry's draft goes
                // all the same.
                SavedDraft::forget();
            }
        });
    }
}

/// The inquiry form and everything after it, up to the confirmation. On a page the
/// endpoint answered ([`Answered`] in context), it starts from that step and those answers.
#[component]
pub fn InquiryForm() -> impl IntoView {
    let locale = expect_context::<CurrentLocale>().0;
    let answered = use_context::<Answered>();
    // Empty at first, as the prerendered form is, so hydration finds the markup it expects.
    let fresh = SavedDraft::fresh();
    let (draft, flow, key, started_ms) = match answered.clone() {
        Some(a) => (a.draft, a.flow, a.key, a.started_ms as f64),
        None => (fresh.draft, Flow::default(), fresh.key, fresh.started_ms),
    };
    let host = HostOptions::current();
    let key = StoredValue::new(key);
    let started = StoredValue::new(started_ms);
    let form = Form {
        state: FormState {
            page: locale.inquiry(),
            draft: RwSignal::new(draft),
            flow: RwSignal::new(flow),
            targets: FocusTargets::default(),
            discarded: RwSignal::new(false),
            key,
            started,
            action: StoredValue::new(inquiry_answers_href(locale)),
            answered: answered.as_ref().map(|a| AnsweredFocus {
                focus: a.focus,
                notice: a.notice,
            }),
        },
        locale,
        key,
        started,
        saved: StoredValue::new(Draft::default()),
        source: StoredValue::new(ConfigSource {
            endpoint: host.endpoint.clone(),
            url: host.config_url(),
        }),
        config: RwSignal::new(None),
        outcome: RwSignal::new(None),
    };
    let state = form.state;
    let unconfigured = Signal::derive(move || matches!(form.config.get(), Some(Err(_))));
    // Marks the form once the app has taken it over (`data-hcnf-live`), for host scripts and
    // tests: before then it is the plain form, sendable all the same.
    let live = RwSignal::new(false);

    // Effects run only in the browser, once the form is on the page: load the configuration
    // once per visit, and take up this tab's saved draft. Created before the effect that
    // saves, so that one never saves the empty draft over a saved one.
    Effect::new(move |_| {
        spawn_local(async move {
            let _ = form.configuration().await;
        });
        let saved = SavedDraft::load();
        form.key.set_value(saved.key);
        form.started.set_value(saved.started_ms);
        form.saved.set_value(saved.draft.clone());
        state.draft.set(saved.draft);
        live.set(true);
    });
    // Keep every keystroke in this tab's storage until a confirmed success; nothing is
    // stored before the first one.
    Effect::new(move |_| {
        let draft = state.draft.get();
        let typed = form.saved.with_value(|saved| *saved != draft);
        if typed && state.flow.with_untracked(Flow::keeps_draft) {
            SavedDraft {
                key: form.key.get_value(),
                draft: draft.clone(),
                started_ms: form.started.get_value(),
                touched_ms: browser::timers::now_ms(),
            }
            .save();
            form.saved.set_value(draft);
        }
    });
    // While the form shows problems, the page's title says so first (on an answer page,
    // the shell knows from the start).
    if let Some(ShowsErrors(shown)) = use_context::<ShowsErrors>() {
        Effect::new(move |_| {
            let showing = state
                .flow
                .with(|flow| flow.step == Step::Editing && !flow.errors.is_empty());
            shown.set(showing);
        });
        on_cleanup(move || {
            shown.try_set(false);
        });
    }
    Effect::new(move |_| {
        if let Some(outcome) = form.outcome.get() {
            form.dispatch(|flow| flow.sent(outcome));
        }
    });

    let on_continue = move || {
        let draft = state.draft.get_untracked();
        form.dispatch(|flow| flow.submit(&draft));
    };
    let on_change = move |field: Field| form.dispatch(|flow| flow.change(field));
    let on_discard = move || {
        form.dispatch(Flow::discard);
        state.discarded.set(true);
    };
    let on_send = move || form.dispatch(Flow::send);
    // Only the step's kind and answers redraw the form; problems are shown in place.
    let step = Memo::new(move |_| state.flow.with(|flow| flow.step.clone()));
    view! {
        <div class="hcnf-inquiry">
            {move || match step.get() {
                Step::Editing => {
                    view! { <EditForm state live unconfigured on_continue on_discard /> }.into_any()
                }
                Step::Confirmed(reference) => {
                    view! {
                        <Confirmation
                            state
                            reference
                            on_again=move || form.dispatch(Flow::start_again)
                        />
                    }
                        .into_any()
                }
                checking => {
                    let (answers, sending, failed) = checking
                        .check_step()
                        .expect("every other step shows the answers");
                    view! { <CheckAnswers state answers sending failed on_send on_change /> }
                        .into_any()
                }
            }}
        </div>
    }
}
