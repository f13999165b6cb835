//! Every transition of the inquiry flow, natively.

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

#[test]
fn discarding_empties_the_form_forgets_the_draft_and_starts_at_the_first_field() {
    let mut flow = Flow::default();
    flow.submit(&Draft::default());
    assert!(!flow.errors.is_empty());
    assert_eq!(
        flow.discard(),
        [
            Command::ForgetDraft,
            Command::FreshDraft,
            Command::Focus(Focus::Field(Field::Name))
        ]
    );
    assert_eq!(flow, Flow::default(), "no problems left on an empty form");
    let mut checking = at(Step::Checking(valid()));
    assert_eq!(checking.discard(), []);
}

/// Each event in each step: where it leads, or, where it does not belong, that it changes
/// nothing and asks for nothing.
#[test]
fn every_event_in_every_step_leads_where_the_journey_says_or_nowhere() {
    let failed = || Step::Failed(valid(), Failure::Send(SendError::Network));
    let confirmed = || Step::Confirmed("HCNF-000042".into());
    let steps = [
        Step::Editing,
        Step::Checking(valid()),
        Step::Sending(valid()),
        failed(),
        confirmed(),
    ];
    type Event = (&'static str, fn(&mut Flow) -> Vec<Command>);
    let events: [Event; 6] = [
        ("continue", |f| f.submit(&complete())),
        ("change", |f| f.change(Field::Name)),
        ("send", Flow::send),
        ("sent", |f| f.sent(accepted())),
        ("start again", Flow::start_again),
        ("discard", Flow::discard),
    ];
    let mut checked = 0;
    for step in steps {
        for (name, event) in events {
            let mut flow = at(step.clone());
            let commands = event(&mut flow);
            let expected = match (&step, name) {
                (Step::Editing, "continue") => Some(Step::Checking(valid())),
                (Step::Checking(_), "change") => Some(Step::Editing),
                (Step::Failed(..), "change") => Some(Step::Editing),
                (Step::Checking(_), "send") => Some(Step::Sending(valid())),
                (Step::Failed(..), "send") => Some(Step::Sending(valid())),
                (Step::Sending(_), "sent") => Some(confirmed()),
                (Step::Confirmed(_), "start again") => Some(Step::Editing),
                (Step::Editing, "discard") => Some(Step::Editing),
                _ => None,
            };
            match expected {
                Some(next) => {
                    assert_eq!(flow.step, next, "{name} in {step:?}");
                    assert!(
                        !commands.is_empty(),
                        "{name} in {step:?} asks for something"
                    );
                }
                None => {
                    assert_eq!(flow.step, step, "{name} does not belong in {step:?}");
                    assert_eq!(commands, [], "{name} in {step:?}");
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 30);
}
