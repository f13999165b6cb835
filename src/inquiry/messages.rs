//! Words for the form's fields and problems, from the reader's edition.

use hcnf_content::{FieldText, FormText, Sending};
use hcnf_inquiry::{Category, Field, Problem};

use super::client::SendError;

/// A field's label and hint.
pub fn field_text(form: &FormText, field: Field) -> &FieldText {
    match field {
        Field::Name => &form.name,
        Field::Email => &form.email,
        Field::Phone => &form.phone,
        Field::Category => &form.category,
        Field::Subject => &form.subject,
        Field::Message => &form.message,
        Field::Consent => &form.consent,
    }
}

/// A category's label.
pub fn category_label(form: &FormText, category: Category) -> &str {
    let c = &form.categories;
    match category {
        Category::MedicalInnovationSchool => &c.medical_innovation_school,
        Category::Symposia => &c.symposia,
        Category::HcnfCourse => &c.hcnf_course,
        Category::Other => &c.other,
    }
}

/// What to tell the reader about `problem` in `field`, saying what to do.
pub fn problem_message(form: &FormText, field: Field, problem: Problem) -> String {
    let e = &form.errors;
    let label = &field_text(form, field).label;
    let fill = |t: &str| {
        t.replace("{label}", label)
            .replace("{max}", &field.limit().unwrap_or_default().to_string())
    };
    match (problem, field) {
        (Problem::Required, Field::Name) => e.name_required.to_string(),
        (Problem::Required, Field::Email) => e.email_required.to_string(),
        (Problem::Required, Field::Category) => e.category_required.to_string(),
        (Problem::Required, Field::Subject) => e.subject_required.to_string(),
        (Problem::Required, _) => e.message_required.to_string(),
        (Problem::TooLong, _) => fill(&e.too_long),
        (Problem::ControlCharacters, _) => fill(&e.control_characters),
        (Problem::EmailInvalid, _) => e.email_invalid.to_string(),
        (Problem::PhoneInvalid, _) => e.phone_invalid.to_string(),
        (Problem::CategoryInvalid, _) => e.category_invalid.to_string(),
        (Problem::ConsentRequired, _) => e.consent_required.to_string(),
    }
}

/// The live count under the message box.
pub fn characters_left(form: &FormText, typed: usize) -> String {
    let max = Field::Message.limit().unwrap_or_default();
    match max.checked_sub(typed) {
        Some(left) => form.characters_left.replace("{n}", &left.to_string()),
        None => form
            .characters_over
            .replace("{n}", &(typed - max).to_string()),
    }
}

/// Why sending failed, in the reader's language.
pub fn send_failure(s: &Sending, err: &SendError) -> String {
    match err {
        SendError::Timeout => s.timeout.to_string(),
        SendError::Network => s.network.to_string(),
        SendError::Server(_) => s.server.to_string(),
        SendError::RateLimited(secs) => s.rate_limited.replace("{seconds}", &secs.to_string()),
        SendError::Malformed => s.malformed.to_string(),
        SendError::TooLarge => s.too_large.to_string(),
        SendError::KeyReused => s.key_reused.to_string(),
        SendError::Invalid(_) => s.invalid.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use hcnf_inquiry::{validate, Draft};

    use hcnf_content::ruby::plain;

    use super::*;
    use crate::i18n::Locale;

    fn form(code: &str) -> &'static FormText {
        &Locale::from_code(code)
            .expect("that edition ships")
            .edition()
            .pages
            .inquiry
            .form
    }

    #[test]
    fn every_problem_of_every_field_has_a_message_in_every_language() {
        for locale in Locale::all() {
            let form = &locale.edition().pages.inquiry.form;
            for field in Field::ALL {
                for problem in Problem::ALL {
                    let m = problem_message(form, field, problem);
                    assert!(
                        !m.trim().is_empty() && !plain(&m).contains('{'),
                        "{} {field:?} {problem:?}: {m}",
                        locale.code()
                    );
                }
            }
        }
    }

    #[test]
    fn a_too_long_answer_is_told_its_fields_name_and_limit() {
        for locale in Locale::all() {
            let form = &locale.edition().pages.inquiry.form;
            for field in Field::ALL {
                let Some(max) = field.limit() else { continue };
                let m = problem_message(form, field, Problem::TooLong);
                let label = &field_text(form, field).label;
                assert!(
                    m.contains(label.as_ref()) && m.contains(&max.to_string()),
                    "{} {field:?}: {m}",
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn an_empty_draft_gets_one_required_message_per_required_field() {
        for code in ["en", "ja"] {
            let form = form(code);
            let msgs: Vec<String> = validate(&Draft::default())
                .unwrap_err()
                .iter()
                .map(|e| problem_message(form, e.field, e.problem))
                .collect();
            let required = Field::ALL.iter().filter(|f| !f.is_optional()).count();
            assert_eq!(msgs.len(), required);
            assert!(msgs.contains(&form.errors.message_required.to_string()));
            assert!(msgs.contains(&form.errors.consent_required.to_string()));
        }
    }

    #[test]
    fn the_count_says_how_many_characters_are_left_or_how_many_too_many() {
        let max = Field::Message.limit().unwrap();
        for locale in Locale::all() {
            let form = &locale.edition().pages.inquiry.form;
            let fresh = characters_left(form, 0);
            assert!(fresh.contains(&max.to_string()), "{fresh}");
            let near = characters_left(form, max - 10);
            assert!(near.contains("10") && !plain(&near).contains('{'), "{near}");
            let over = characters_left(form, max + 3);
            assert!(
                over.contains('3') && over != characters_left(form, max - 3),
                "{over}"
            );
            assert_eq!(over, form.characters_over.replace("{n}", "3"));
        }
    }

    #[test]
    fn every_send_failure_has_words_in_every_language() {
        for locale in Locale::all() {
            let s = &locale.edition().pages.inquiry.sending;
            for err in [
                SendError::Timeout,
                SendError::Network,
                SendError::Server(500),
                SendError::RateLimited(30),
                SendError::Malformed,
                SendError::TooLarge,
                SendError::KeyReused,
                SendError::Invalid(vec![]),
            ] {
                let m = send_failure(s, &err);
                assert!(!m.is_empty() && !plain(&m).contains('{'), "{m}");
            }
            assert!(send_failure(s, &SendError::RateLimited(30)).contains("30"));
        }
    }
}
