//! The plain HTML form's posts, as a browser without JavaScript sends them.

/// A filled form as a Japanese reader sends it, with `subject`, `phone` and the button
/// pressed (`action`: `continue`, `send`, `change-email`, …).
pub fn fields(subject: &str, phone: &str, action: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "山田 太郎".into()),
        ("email", "taro@example.jp".into()),
        ("phone", phone.into()),
        ("category", "hcnf_course".into()),
        ("subject", subject.into()),
        ("message", "次回の講座の日程を\r\n教えてください。".into()),
        ("consent", "yes".into()),
        ("website", String::new()),
        ("action", action.into()),
    ]
}

/// `fields` as an `application/x-www-form-urlencoded` body.
pub fn encode(fields: &[(&str, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter().map(|(k, v)| (*k, v.as_str())))
        .finish()
}
