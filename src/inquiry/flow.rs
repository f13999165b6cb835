//! The inquiry's journey as plain Rust: the step the reader is on, the problems shown, and
//! what each event does to them. The view only shows the state and reports events, so
//! every transition is tested natively, without a browser.

use hcnf_inquiry::{validate, validate_field, Accepted, Draft, Field, FieldError, ValidInquiry};

use super::client::SendError;

/// Where the reader is in the journey.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Step {
    /// Filling in the form.
    #[default]
    Editing,
    /// Checking the answers, validated and normalised as they will be stored.
    Checking(ValidInquiry),
    /// The request is on its way; a second click sends nothing.
    Sending(ValidInquiry),
    /// Not sent; the answers are kept for another try.
    Failed(ValidInquiry, Failure),
    /// Stored by the endpoint under this reference.
    Confirmed(String),
}

impl Step {
    /// What the check step shows: the answers, whether they are on their way, and why the
    /// last try failed; `None` for the steps that do not show them.
    pub fn check_step(self) -> Option<(ValidInquiry, bool, Option<Failure>)> {
        match self {
            Step::Checking(answers) => Some((answers, false, None)),
            Step::Sending(answers) => Some((answers, true, None)),
            Step::Failed(answers, failure) => Some((answers, false, Some(failure))),
            Step::Editing | Step::Confirmed(_) => None,
        }
    }
}

/// Why sending failed, as the reader is told it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The endpoint or the network said no.
    Send(SendError),
    /// The site has no usable inquiry endpoint: a configuration problem, not the network's.
    Unconfigured,
}

/// What the view must do after a transition, besides showing the new state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Move focus here once the new step is on the page.
    Focus(Focus),
    /// Send the draft; the step is now `Sending`.
    Send,
    /// Give the draft a new idempotency key: the old one belongs to a different draft.
    NewKey,
    /// Remove the saved draft and every personal detail in it.
    ForgetDraft,
    /// Start a new, empty draft with a new key.
    FreshDraft,
}

/// Where focus goes after a transition, so keyboard and screen-reader users land on what
/// changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    ErrorSummary,
    CheckHeading,
    Failure,
    Confirmation,
    Field(Field),
}

/// The form's state: its step and the problems it shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flow {
    pub step: Step,
    /// Shown in the summary and beside each field, in form order.
    pub errors: Vec<FieldError>,
}

impl Flow {
    /// The problem shown for `field`, if any.
    pub fn error_for(&self, field: Field) -> Option<FieldError> {
        self.errors.iter().copied().find(|e| e.field == field)
    }

    /// "Continue" on the form: to the check step with the validated answers, or back to
    /// the summary of every problem.
    pub fn submit(&mut self, draft: &Draft) -> Vec<Command> {
        if self.step != Step::Editing {
            return Vec::new();
        }
        match validate(draft) {
            Ok(valid) => {
                self.errors.clear();
                self.step = Step::Checking(valid);
                vec![Command::Focus(Focus::CheckHeading)]
            }
            Err(errors) => {
                self.errors = errors;
                vec![Command::Focus(Focus::ErrorSummary)]
            }
        }
    }

    /// A field lost focus: it is checked once it has a value or already shows a problem,
    /// so tabbing through an empty form does not scold.
    pub fn left_field(&mut self, field: Field, draft: &Draft) {
        let empty = field.text(draft).is_some_and(|text| text.trim().is_empty());
        if empty && self.error_for(field).is_none() {
            return;
        }
        self.recheck(field, draft);
    }

    /// A field changed: a problem it shows goes as soon as it is mended. Not checked
    /// otherwise while typing, so the page does not shift under the pointer.
    pub fn typed(&mut self, field: Field, draft: &Draft) {
        if self.error_for(field).is_some() {
            self.recheck(field, draft);
        }
    }

    fn recheck(&mut self, field: Field, draft: &Draft) {
        self.errors.retain(|e| e.field != field);
        if let Err(problem) = validate_field(field, draft) {
            self.errors.push(FieldError { field, problem });
            self.errors.sort_by_key(|e| e.field.position());
        }
    }

    /// "Change" beside an answer: back to the form, at that field.
    pub fn change(&mut self, field: Field) -> Vec<Command> {
        match self.step {
            Step::Checking(_) | Step::Failed(..) => {
                self.step = Step::Editing;
                vec![Command::Focus(Focus::Field(field))]
            }
            _ => Vec::new(),
        }
    }

    /// "Send" (or "Try again"): one request at a time, only from the check step or after a
    /// failure.
    pub fn send(&mut self) -> Vec<Command> {
        match std::mem::take(&mut self.step) {
            Step::Checking(valid) | Step::Failed(valid, _) => {
                self.step = Step::Sending(valid);
                vec![Command::Send]
            }
            other => {
                self.step = other;
                Vec::new()
            }
        }
    }

    /// The request's outcome. Field problems found by the endpoint send the reader back to
    /// the form; a key used for another draft gets a new one for the next try.
    pub fn sent(&mut self, outcome: Result<Accepted, Failure>) -> Vec<Command> {
        if !matches!(self.step, Step::Sending(_)) {
            // An answer to a request this state no longer waits for changes nothing.
            return Vec::new();
        }
        let Step::Sending(valid) = std::mem::take(&mut self.step) else {
            unreachable!("checked above");
        };
        match outcome {
            Ok(accepted) => {
                self.step = Step::Confirmed(accepted.reference);
                vec![Command::ForgetDraft, Command::Focus(Focus::Confirmation)]
            }
            Err(Failure::Send(SendError::Invalid(fields))) => {
                self.step = Step::Editing;
                self.errors = fields;
                self.errors.sort_by_key(|e| e.field.position());
                vec![Command::Focus(Focus::ErrorSummary)]
            }
            Err(failure) => {
                let rekey = failure == Failure::Send(SendError::KeyReused);
                self.step = Step::Failed(valid, failure);
                let focus = Command::Focus(Focus::Failure);
                if rekey {
                    vec![Command::NewKey, focus]
                } else {
                    vec![focus]
                }
            }
        }
    }

    /// "Discard this draft" on the form: an empty form, nothing kept, the reader at its
    /// first field.
    pub fn discard(&mut self) -> Vec<Command> {
        if self.step != Step::Editing {
            return Vec::new();
        }
        self.errors.clear();
        vec![
            Command::ForgetDraft,
            Command::FreshDraft,
            Command::Focus(Focus::Field(Field::ALL[0])),
        ]
    }

    /// "Send another inquiry" after the confirmation: an empty form.
    pub fn start_again(&mut self) -> Vec<Command> {
        if !matches!(self.step, Step::Confirmed(_)) {
            return Vec::new();
        }
        *self = Flow::default();
        vec![Command::FreshDraft]
    }

    /// Whether the draft is worth keeping in the tab: everything before a confirmed success.
    pub fn keeps_draft(&self) -> bool {
        !matches!(self.step, Step::Confirmed(_))
    }
}

#[cfg(test)]
mod tests;
