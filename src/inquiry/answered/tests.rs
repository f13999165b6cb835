use hcnf_inquiry::form_post::{FormAction, FormPost};
use hcnf_inquiry::{Accepted, Draft, Field, Problem};

use super::*;
use crate::inquiry::client::SendError;

fn valid() -> Draft {
    Draft {
        name: "神奈川 花子".into(),
        email: "hanako@example.jp".into(),
        category: "hcnf_course".into(),
        subject: "受講について".into(),
        message: "次回の開講はいつですか。".into(),
        consent: true,
        ..Draft::default()
    }
}

fn post(draft: Draft, action: FormAction, key: Option<&str>) -> FormPost {
    FormPost {
        draft,
        action,
        key: key.map(str::to_owned),
        started_ms: Some(1_000),
    }
}

fn key_of(valid: &ValidInquiry) -> String {
    format!("key-for-{}", valid.name)
}

#[test]
fn continue_with_problems_keeps_the_answers_and_focuses_the_summary() {
    let draft = Draft {
        email: "not an address".into(),
        ..valid()
    };
    let a = Answered::after(
        post(draft.clone(), FormAction::Continue, None),
        5_000,
        key_of,
    );
    assert_eq!(a.draft, draft);
    assert_eq!(a.flow.step, Step::Editing);
    assert_eq!(
        a.flow.error_for(Field::Email).unwrap().problem,
        Problem::EmailInvalid
    );
    assert_eq!(a.focus, Some(Focus::ErrorSummary));
    assert!(a.shows_errors());
    assert_eq!(a.key, "");
    assert_eq!(a.started_ms, 1_000);
}

#[test]
fn continue_with_good_answers_checks_them_under_the_key_the_answers_give() {
    let a = Answered::after(
        post(valid(), FormAction::Continue, Some("old")),
        5_000,
        key_of,
    );
    assert!(matches!(a.flow.step, Step::Checking(_)));
    assert_eq!(a.key, "key-for-神奈川 花子");
    assert_eq!(a.focus, Some(Focus::CheckHeading));
    assert!(!a.shows_errors());
}

#[test]
fn change_goes_back_to_the_form_at_that_field() {
    let a = Answered::after(
        post(valid(), FormAction::Change(Field::Subject), Some("k")),
        5_000,
        key_of,
    );
    assert_eq!(a.flow.step, Step::Editing);
    assert_eq!(a.focus, Some(Focus::Field(Field::Subject)));
    assert_eq!(a.draft, valid());
}

#[test]
fn send_keeps_the_check_pages_key_and_its_outcome_decides_the_page() {
    let a = Answered::after(post(valid(), FormAction::Send, Some("k-1")), 5_000, key_of);
    assert_eq!(a.key, "k-1");
    let done = a.clone().sent(Ok(Accepted {
        reference: "HCNF-000007".into(),
    }));
    assert_eq!(done.flow.step, Step::Confirmed("HCNF-000007".into()));
    assert_eq!(done.focus, Some(Focus::Confirmation));
    let busy = a.sent(Err(Failure::Send(SendError::RateLimited(30))));
    assert!(matches!(busy.flow.step, Step::Failed(_, _)));
    assert_eq!(busy.focus, Some(Focus::Failure));
}

#[test]
fn a_start_time_in_the_future_is_not_believed() {
    let mut p = post(valid(), FormAction::Continue, None);
    p.started_ms = Some(9_999_999);
    assert_eq!(Answered::after(p, 5_000, key_of).started_ms, 5_000);
}

#[test]
fn an_unanswered_post_shows_nothing_it_carried() {
    let a = Answered::unanswered(Unanswered::OtherSite, 5_000);
    assert_eq!(a.notice, Some(Unanswered::OtherSite));
    assert!(!a.shows_errors());
    assert_eq!(a.draft, Draft::default());
    assert_eq!(a.flow.step, Step::Editing);
}
