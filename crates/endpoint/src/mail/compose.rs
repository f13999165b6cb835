//! The two messages of an inquiry, as plain UTF-8 text with no HTML and no attachments.
//!
//! The office's copy carries the whole inquiry as typed, Reply-To the sender. The receipt
//! carries only what the prefecture wrote: its words, the reference and the time, never the
//! sender's name, subject or message. Nothing typed goes into a header but the sender's
//! address as Reply-To, which the shared rules and lettre's parser both checked; lettre
//! encodes every header (RFC 2047) and the body (quoted-printable or base64) itself.

use hcnf_content::{ruby, Edition};
use hcnf_inquiry::Category;
use lettre::message::header::{ContentType, MIME_VERSION_1_0};
use lettre::message::Mailbox;
use lettre::Message;

use super::config::MailConfig;
use super::outbox::{Due, Inquiry, Kind};
use super::words::{fill, received, Words};

/// Why a message could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("the sender's address cannot be used in a message")]
    Recipient,
    #[error("the message cannot be built: {0}")]
    Build(#[from] lettre::error::Error),
}

/// The message `due` stands for.
pub fn compose(words: &Words, config: &MailConfig, due: &Due) -> Result<Message, ComposeError> {
    match due.kind {
        Kind::Office => office(words, config, &due.message_id, &due.inquiry),
        Kind::Receipt => receipt(words, config, &due.message_id, &due.inquiry),
    }
}

/// The sender's address as a mailbox without a display name (the name is typed text).
fn sender(inq: &Inquiry) -> Option<Mailbox> {
    inq.email.parse().ok().map(|a| Mailbox::new(None, a))
}

fn office(
    words: &Words,
    config: &MailConfig,
    message_id: &str,
    inq: &Inquiry,
) -> Result<Message, ComposeError> {
    let ed = words.edition(&config.office_locale);
    let sent_in = words.edition(&inq.locale);
    let text = &ed.mail.office;
    let form = &ed.pages.inquiry.form;
    let category = category_label(ed, &inq.category);
    let mut lines = vec![plain(&text.intro), String::new()];
    let mut field = |label: &str, value: &str| lines.push(format!("{}: {value}", plain(label)));
    field(
        &ed.pages.inquiry.confirmation.reference_label,
        &inq.reference,
    );
    field(&text.received_label, &received(ed, inq.received_jst));
    field(
        &text.edition_label,
        &format!("{} ({})", plain(&sent_in.locale.name), inq.locale),
    );
    field(&form.name.label, &inq.name);
    field(&form.email.label, &inq.email);
    let phone = inq.phone.clone().unwrap_or_else(|| plain(&text.not_given));
    field(&form.phone.label, &phone);
    field(&form.category.label, &category);
    field(&form.subject.label, &inq.subject);
    if inq.suspected_spam {
        lines.push(String::new());
        lines.push(plain(&text.automated));
    }
    lines.push(String::new());
    lines.push(format!("{}:", plain(&form.message.label)));
    lines.push(inq.message.clone());
    let subject = fill(
        &text.subject,
        &[("reference", &inq.reference), ("category", &category)],
    );
    let mut builder = Message::builder()
        .from(config.from.clone())
        .subject(subject)
        .message_id(Some(message_id.to_owned()))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN);
    for to in &config.office {
        builder = builder.to(to.clone());
    }
    // The office's copy is never dropped: an address lettre cannot use only loses Reply-To.
    if let Some(reply_to) = sender(inq) {
        builder = builder.reply_to(reply_to);
    }
    Ok(builder.body(crlf(&lines.join("\n")))?)
}

fn receipt(
    words: &Words,
    config: &MailConfig,
    message_id: &str,
    inq: &Inquiry,
) -> Result<Message, ComposeError> {
    let ed = words.edition(&inq.locale);
    let text = &ed.mail.receipt;
    let to = sender(inq).ok_or(ComposeError::Recipient)?;
    let contact = &ed.contact;
    let mut lines = vec![plain(&text.intro), String::new()];
    lines.push(format!(
        "{}: {}",
        plain(&ed.pages.inquiry.confirmation.reference_label),
        inq.reference
    ));
    lines.push(format!(
        "{}: {}",
        plain(&text.received_label),
        received(ed, inq.received_jst)
    ));
    for paragraph in [&text.next, &text.contact, &text.not_sent_by_you] {
        lines.push(String::new());
        lines.push(plain(paragraph));
    }
    lines.push(String::new());
    lines.push("--".into());
    lines.push(plain(&contact.office));
    lines.extend(contact.address.iter().map(|l| plain(l)));
    lines.push(format!(
        "{}: {}",
        plain(&contact.tel.label),
        contact.tel.display
    ));
    lines.push(format!(
        "{}: {}",
        plain(&contact.fax.label),
        contact.fax.display
    ));
    let subject = fill(&text.subject, &[("reference", &inq.reference)]);
    Ok(Message::builder()
        .from(config.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id.to_owned()))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(crlf(&lines.join("\n")))?)
}

/// The category's label in `ed`, or its wire name if the build no longer has it.
fn category_label(ed: &Edition, wire: &str) -> String {
    let c = &ed.pages.inquiry.form.categories;
    let label = match Category::parse(wire) {
        Some(Category::MedicalInnovationSchool) => &c.medical_innovation_school,
        Some(Category::Symposia) => &c.symposia,
        Some(Category::HcnfCourse) => &c.hcnf_course,
        Some(Category::Other) => &c.other,
        None => return wire.to_owned(),
    };
    plain(label)
}

fn plain(text: &str) -> String {
    ruby::bracketed(text)
}

/// Mail's line ends, whatever the text had.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}
