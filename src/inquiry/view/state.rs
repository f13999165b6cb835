//! The state the form's parts share: its words, the draft, the flow, and where focus goes.

use hcnf_content::InquiryPage;
use hcnf_inquiry::{Draft, Field};
use leptos::html;
use leptos::prelude::*;

use crate::browser;
use crate::inquiry::answered::Unanswered;
use crate::inquiry::flow::{Flow, Focus};
use crate::inquiry::messages::problem_message;

/// The form's reactive state, shared by its parts.
#[derive(Clone, Copy)]
pub(super) struct FormState {
    pub(super) page: &'static InquiryPage,
    /// What the reader typed, saved in the tab on every change.
    pub(super) draft: RwSignal<Draft>,
    pub(super) flow: RwSignal<Flow>,
    /// The elements focus moves to after a step changes.
    pub(super) targets: FocusTargets,
    /// True from discarding the draft until the reader types again: the form says so.
    pub(super) discarded: RwSignal<bool>,
    /// The draft's idempotency key, which the check step carries.
    pub(super) key: StoredValue<String>,
    /// When the draft was started (milliseconds since the Unix epoch).
    pub(super) started: StoredValue<f64>,
    /// Where the plain form posts: the endpoint's answer pages on the site's own origin.
    pub(super) action: StoredValue<String>,
    /// On a page the endpoint answered (no app runs there): what takes focus as it loads.
    pub(super) answered: Option<AnsweredFocus>,
}

/// What an answer page focuses as it loads (`autofocus`), having no script to move focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct AnsweredFocus {
    pub(super) focus: Option<Focus>,
    /// Why the form is shown empty, if its post's answers could not be used.
    pub(super) notice: Option<Unanswered>,
}

/// The elements a step change moves focus to; each is on the page only in its step.
#[derive(Clone, Copy, Default)]
pub(super) struct FocusTargets {
    pub(super) error_summary: NodeRef<html::Div>,
    pub(super) check_heading: NodeRef<html::H2>,
    pub(super) failure: NodeRef<html::Div>,
    pub(super) confirmation: NodeRef<html::Div>,
}

/// The id of a field's control; `{id}-hint` and `{id}-error` describe it, and the error
/// summary's links and "Change" lead to it.
pub(super) fn input_id(field: Field) -> String {
    format!("hcnf-inquiry-{}", field.as_str())
}

impl FormState {
    /// The message for `field`'s problem, if it shows one.
    pub(super) fn problem(self, field: Field) -> Option<String> {
        let form = &self.page.form;
        self.flow.with(|flow| {
            flow.error_for(field)
                .map(|e| problem_message(form, field, e.problem))
        })
    }

    pub(super) fn has_problem(self, field: Field) -> bool {
        self.flow.with(|flow| flow.error_for(field).is_some())
    }

    /// Takes what the reader typed into `field`, and mends a problem it showed.
    pub(super) fn typed(self, field: Field, value: String) {
        self.discarded.set(false);
        self.draft.update(|d| field.set_text(d, value));
        let draft = self.draft.get_untracked();
        self.flow.update(|flow| flow.typed(field, &draft));
    }

    pub(super) fn left(self, field: Field) {
        let draft = self.draft.get_untracked();
        self.flow.update(|flow| flow.left_field(field, &draft));
    }

    pub(super) fn text(self, field: Field) -> String {
        self.draft
            .with(|d| field.text(d).unwrap_or_default().to_owned())
    }

    /// `aria-describedby`: the hint, the problem, and any other description of the control.
    pub(super) fn described_by(
        self,
        field: Field,
        has_hint: bool,
        extra: Option<&str>,
    ) -> Option<String> {
        let id = input_id(field);
        let mut parts = Vec::new();
        if has_hint {
            parts.push(format!("{id}-hint"));
        }
        if self.has_problem(field) {
            parts.push(format!("{id}-error"));
        }
        parts.extend(extra.map(str::to_owned));
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// Whether `target` takes focus as the page loads: only on an answer page.
    pub(super) fn autofocus(self, target: Focus) -> bool {
        self.answered.is_some_and(|a| a.focus == Some(target))
    }

    /// The field's text as the page first shows it, as an attribute (`None` when empty, so
    /// the prerendered form carries no empty values).
    pub(super) fn initial_text(self, field: Field) -> Option<String> {
        self.draft
            .with_untracked(|d| field.text(d).map(str::to_owned))
            .filter(|t| !t.is_empty())
    }

    pub(super) fn invalid(self, field: Field) -> Option<&'static str> {
        self.has_problem(field).then_some("true")
    }
}

/// Moves focus to `target` once the step that shows it is on the page.
pub(super) fn focus_after_render(targets: FocusTargets, target: Focus) {
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
