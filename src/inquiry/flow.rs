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
    /// Send this draft (the action's input); the step is now `Sending`.
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
mod tests {
    use hcnf_inquiry::Problem;

    use super::*;

    fn complete() -> Draft {
        Draft {
            name: "山田 太郎".into(),
            email: "taro@example.jp".into(),
            category: "symposia".into(),
            subject: "次回の日程".into(),
            message: "次回のシンポジウムの日程を教えてください。".into(),
            consent: true,
            ..Draft::default()
        }
    }

    fn valid() -> ValidInquiry {
        validate(&complete()).unwrap()
    }

    fn at(step: Step) -> Flow {
        Flow {
            step,
            errors: Vec::new(),
        }
    }

    fn accepted() -> Result<Accepted, Failure> {
        Ok(Accepted {
            reference: "HCNF-000042".into(),
        })
    }

    #[test]
    fn continuing_with_a_complete_draft_checks_the_validated_answers() {
        let mut flow = Flow::default();
        let mut draft = complete();
        draft.name = " ﾔﾏﾀﾞ ".into();
        assert_eq!(flow.submit(&draft), [Command::Focus(Focus::CheckHeading)]);
        let Step::Checking(answers) = &flow.step else {
            panic!("{:?}", flow.step)
        };
        assert_eq!(answers, &validate(&draft).unwrap(), "carried, normalised");
        assert_eq!(answers.name, "ヤマダ");
    }

    #[test]
    fn continuing_with_problems_stays_and_lists_every_one() {
        let mut flow = Flow::default();
        assert_eq!(
            flow.submit(&Draft::default()),
            [Command::Focus(Focus::ErrorSummary)]
        );
        assert_eq!(flow.step, Step::Editing);
        assert_eq!(flow.errors, validate(&Draft::default()).unwrap_err());
        let fields: Vec<Field> = flow.errors.iter().map(|e| e.field).collect();
        let required: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| !f.is_optional())
            .collect();
        assert_eq!(fields, required);
    }

    #[test]
    fn leaving_an_empty_field_says_nothing_until_it_has_shown_a_problem() {
        let mut flow = Flow::default();
        let mut draft = Draft::default();
        flow.left_field(Field::Email, &draft);
        assert!(flow.errors.is_empty());
        draft.email = "not an address".into();
        flow.left_field(Field::Email, &draft);
        assert_eq!(
            flow.error_for(Field::Email).map(|e| e.problem),
            Some(Problem::EmailInvalid)
        );
        draft.email.clear();
        flow.left_field(Field::Email, &draft);
        assert_eq!(
            flow.error_for(Field::Email).map(|e| e.problem),
            Some(Problem::Required),
            "emptied, it now says so"
        );
    }

    #[test]
    fn typing_mends_a_shown_problem_and_raises_no_new_one() {
        let mut flow = Flow::default();
        let typing = Draft {
            name: "x".into(),
            ..Draft::default()
        };
        flow.typed(Field::Name, &typing);
        assert!(flow.errors.is_empty(), "no problem shown, none raised");
        flow.submit(&Draft::default());
        let draft = complete();
        flow.typed(Field::Message, &draft);
        assert!(flow.error_for(Field::Message).is_none());
        assert!(flow.error_for(Field::Name).is_some(), "others stay");
    }

    #[test]
    fn problems_stay_in_form_order_whatever_order_they_were_found() {
        let mut flow = Flow::default();
        let mut draft = complete();
        draft.message = "\u{7}".into();
        draft.name = "\u{7}".into();
        flow.left_field(Field::Message, &draft);
        flow.left_field(Field::Name, &draft);
        let fields: Vec<Field> = flow.errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Name, Field::Message]);
    }

    #[test]
    fn change_goes_back_to_the_form_at_that_field() {
        for from in [
            Step::Checking(valid()),
            Step::Failed(valid(), Failure::Send(SendError::Network)),
        ] {
            let mut flow = at(from);
            assert_eq!(
                flow.change(Field::Subject),
                [Command::Focus(Focus::Field(Field::Subject))]
            );
            assert_eq!(flow.step, Step::Editing);
        }
        let mut sending = at(Step::Sending(valid()));
        assert_eq!(sending.change(Field::Name), []);
        assert_eq!(sending.step, Step::Sending(valid()), "not while sending");
    }

    #[test]
    fn send_sends_once_from_checking_or_after_a_failure() {
        let mut flow = at(Step::Checking(valid()));
        assert_eq!(flow.send(), [Command::Send]);
        assert_eq!(flow.step, Step::Sending(valid()));
        assert_eq!(flow.send(), [], "a second click sends nothing");
        let mut failed = at(Step::Failed(valid(), Failure::Unconfigured));
        assert_eq!(failed.send(), [Command::Send]);
        let mut editing = Flow::default();
        assert_eq!(editing.send(), []);
        assert_eq!(editing.step, Step::Editing);
    }

    #[test]
    fn success_confirms_with_the_reference_and_forgets_the_draft() {
        let mut flow = at(Step::Sending(valid()));
        assert_eq!(
            flow.sent(accepted()),
            [Command::ForgetDraft, Command::Focus(Focus::Confirmation)]
        );
        assert_eq!(flow.step, Step::Confirmed("HCNF-000042".into()));
        assert!(!flow.keeps_draft());
    }

    #[test]
    fn field_problems_from_the_endpoint_go_back_to_the_form() {
        let mut flow = at(Step::Sending(valid()));
        let refused = vec![
            FieldError {
                field: Field::Message,
                problem: Problem::TooLong,
            },
            FieldError {
                field: Field::Email,
                problem: Problem::EmailInvalid,
            },
        ];
        let effects = flow.sent(Err(Failure::Send(SendError::Invalid(refused))));
        assert_eq!(effects, [Command::Focus(Focus::ErrorSummary)]);
        assert_eq!(flow.step, Step::Editing);
        let fields: Vec<Field> = flow.errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Email, Field::Message], "in form order");
    }

    #[test]
    fn other_failures_keep_the_answers_for_another_try() {
        for failure in [
            Failure::Send(SendError::Timeout),
            Failure::Send(SendError::Network),
            Failure::Send(SendError::Server(500)),
            Failure::Send(SendError::RateLimited(60)),
            Failure::Send(SendError::Malformed),
            Failure::Send(SendError::TooLarge),
            Failure::Unconfigured,
        ] {
            let mut flow = at(Step::Sending(valid()));
            assert_eq!(
                flow.sent(Err(failure.clone())),
                [Command::Focus(Focus::Failure)]
            );
            assert_eq!(flow.step, Step::Failed(valid(), failure));
            assert!(flow.keeps_draft());
        }
    }

    #[test]
    fn a_key_used_for_another_draft_is_replaced_before_the_next_try() {
        let mut flow = at(Step::Sending(valid()));
        let effects = flow.sent(Err(Failure::Send(SendError::KeyReused)));
        assert_eq!(effects, [Command::NewKey, Command::Focus(Focus::Failure)]);
        assert!(matches!(flow.step, Step::Failed(..)));
    }

    #[test]
    fn a_late_answer_changes_nothing() {
        let mut flow = at(Step::Checking(valid()));
        assert_eq!(flow.sent(accepted()), []);
        assert_eq!(flow.step, Step::Checking(valid()));
    }

    #[test]
    fn starting_again_after_the_confirmation_gives_an_empty_form() {
        let mut flow = at(Step::Confirmed("HCNF-000042".into()));
        assert_eq!(flow.start_again(), [Command::FreshDraft]);
        assert_eq!(flow, Flow::default());
        assert!(flow.keeps_draft());
        let mut checking = at(Step::Checking(valid()));
        assert_eq!(checking.start_again(), []);
    }
}
