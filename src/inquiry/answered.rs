//! The form as the endpoint answers a plain post of it, for a reader whose browser does
//! not run the app: the same steps and rules as [`Flow`], taken one post at a time. The
//! endpoint renders the page with [`Answered`] in context; the form's view then starts
//! from it instead of from an empty draft, and marks where focus belongs with `autofocus`.

use hcnf_inquiry::form_post::{FormAction, FormPost};
use hcnf_inquiry::{Accepted, Draft, ValidInquiry};

use super::flow::{Command, Failure, Flow, Focus, Step};

/// One answer page's form: what the reader typed, the step, and the key a Send carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    /// The answers as typed, kept on every page until the inquiry is stored.
    pub draft: Draft,
    pub flow: Flow,
    /// The idempotency key the check page carries to Send.
    pub key: String,
    /// When the form was first answered (milliseconds since the Unix epoch).
    pub started_ms: u64,
    /// What takes focus when the page loads.
    pub focus: Option<Focus>,
    /// Why the form is shown empty, when the post's answers could not be used.
    pub notice: Option<Unanswered>,
}

/// Why an answer page shows the form empty, with a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// The post came from a page of another site: nothing it carried is shown, so another
    /// site cannot put words on this one's page.
    OtherSite,
    /// The post could not be read (too busy to take it, too long, too slow, or not this
    /// form's): the reader is told to go back, where the browser keeps what they typed.
    NotRead,
}

impl Answered {
    /// What a post of the form shows next. A Send comes back as the check step it was
    /// pressed on, for the endpoint to store and then call [`Answered::sent`]. `key_for`
    /// gives the answers on a check page their idempotency key: the endpoint derives it from
    /// the answers, so a reload of the post, or Back and Continue again, shows the same key
    /// and a Send of it stores the inquiry once.
    pub fn after(
        post: FormPost,
        now_ms: u64,
        key_for: impl FnOnce(&ValidInquiry) -> String,
    ) -> Answered {
        let started_ms = post.started_ms.filter(|t| *t <= now_ms).unwrap_or(now_ms);
        let mut flow = Flow::default();
        let mut focus = focus_of(&flow.submit(&post.draft));
        let checked = match &flow.step {
            Step::Checking(valid) => Some(key_for(valid)),
            _ => None,
        };
        if let FormAction::Change(field) = post.action {
            // Answers that fail the rules stay on the form with their problems.
            if let Some(f) = focus_of(&flow.change(field)) {
                focus = Some(f);
            }
        }
        // The key a check page carried goes with its Send.
        let key = match (post.action, post.key) {
            (FormAction::Send, Some(key)) => key,
            _ => checked.unwrap_or_default(),
        };
        Answered {
            draft: post.draft,
            flow,
            key,
            started_ms,
            focus,
            notice: None,
        }
    }

    /// The empty form, with the notice saying why the post's answers are not on it.
    pub fn unanswered(why: Unanswered, now_ms: u64) -> Answered {
        Answered {
            draft: Draft::default(),
            flow: Flow::default(),
            key: String::new(),
            started_ms: now_ms,
            focus: None,
            notice: Some(why),
        }
    }

    /// The outcome of storing what the check step holds: the confirmation, the form with the
    /// endpoint's problems, or the check step with why it failed.
    pub fn sent(mut self, outcome: Result<Accepted, Failure>) -> Answered {
        self.flow.send();
        let commands = self.flow.sent(outcome);
        self.focus = focus_of(&commands);
        self
    }

    /// The confirmation page of an inquiry stored under `reference`.
    pub fn confirmed(reference: String) -> Answered {
        let mut answered = Answered {
            draft: Draft::default(),
            flow: Flow::default(),
            key: String::new(),
            started_ms: 0,
            focus: Some(Focus::Confirmation),
            notice: None,
        };
        answered.flow.step = Step::Confirmed(reference);
        answered
    }

    /// Whether the page shows problems the reader must fix.
    pub fn shows_errors(&self) -> bool {
        !self.flow.errors.is_empty()
    }
}

fn focus_of(commands: &[Command]) -> Option<Focus> {
    commands.iter().find_map(|c| match c {
        Command::Focus(f) => Some(*f),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
