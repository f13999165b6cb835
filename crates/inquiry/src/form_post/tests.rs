use super::*;

#[test]
fn a_full_post_reads_every_field_as_typed() {
    let body = "name=%E7%A5%9E%E5%A5%88%E5%B7%9D+%E8%8A%B1%E5%AD%90&email=hanako%40example.jp\
                &phone=&category=course&subject=Q+%26+A&message=line+1%0D%0Aline+2\
                &consent=yes&website=&started=1700000000000&action=continue";
    let post = parse_form(body.as_bytes()).unwrap();
    assert_eq!(post.draft.name, "神奈川 花子");
    assert_eq!(post.draft.email, "hanako@example.jp");
    assert_eq!(post.draft.phone, "");
    assert_eq!(post.draft.category, "course");
    assert_eq!(post.draft.subject, "Q & A");
    assert_eq!(post.draft.message, "line 1\r\nline 2");
    assert!(post.draft.consent);
    assert_eq!(post.action, FormAction::Continue);
    assert_eq!(post.key, None);
    assert_eq!(post.started_ms, Some(1_700_000_000_000));
}

#[test]
fn an_empty_form_is_an_empty_draft_and_an_unticked_box() {
    let post = parse_form(b"name=&email=&action=continue").unwrap();
    assert_eq!(post.draft, Draft::default());
}

#[test]
fn every_action_reads_back_from_its_value() {
    let mut all = vec![FormAction::Continue, FormAction::Send];
    all.extend(Field::ALL.map(FormAction::Change));
    for action in all {
        assert_eq!(FormAction::parse(&action.value()), Some(action));
    }
    assert_eq!(FormAction::parse("change-website"), None);
    assert_eq!(FormAction::parse("delete"), None);
}

#[test]
fn a_post_the_form_could_not_have_made_is_refused() {
    let cases: [(&[u8], FormPostError); 6] = [
        (b"name=a", FormPostError::NoAction),
        (b"action=publish", FormPostError::NoAction),
        (
            b"name=a&name=b&action=send",
            FormPostError::Repeated("name".into()),
        ),
        (
            b"admin=1&action=send",
            FormPostError::UnknownName("admin".into()),
        ),
        (
            b"consent=on&action=send",
            FormPostError::BadValue("consent"),
        ),
        (b"name=\xff&action=send", FormPostError::NotUtf8),
    ];
    for (body, error) in cases {
        assert_eq!(
            parse_form(body),
            Err(error),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    assert_eq!(
        parse_form(b"started=soon&action=send"),
        Err(FormPostError::BadValue("started"))
    );
}

#[test]
fn the_key_is_carried_as_given() {
    let post = parse_form(b"key=0f8e2f4c-6c1a-4d7e-9b59-3d1c1f7e2a10&action=send").unwrap();
    assert_eq!(
        post.key.as_deref(),
        Some("0f8e2f4c-6c1a-4d7e-9b59-3d1c1f7e2a10")
    );
    assert_eq!(post.action, FormAction::Send);
}
