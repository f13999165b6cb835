use super::*;

fn args(flags: &[&str]) -> Result<Option<MailConfig>, MailConfigError> {
    let mut a = MailArgs::default();
    let mut it = flags.iter().map(|s| s.to_string());
    while let Some(flag) = it.next() {
        let mut next = || it.next().ok_or("missing".to_string());
        assert!(a.take(&flag, &mut next).unwrap(), "{flag}");
    }
    a.resolve(&|_| None, &["en", "ja", "ja-x-easy"])
}

const BASE: [&str; 4] = [
    "--mail-from",
    "hcnf@pref.example.jp",
    "--mail-office",
    "office@pref.example.jp",
];

#[test]
fn no_relay_is_mail_off_and_settings_without_one_are_refused() {
    assert!(args(&[]).unwrap().is_none());
    assert_eq!(args(&BASE).unwrap_err(), MailConfigError::NoRelay);
}

#[test]
fn each_scheme_names_its_protection_and_default_port() {
    for (url, host, port, tls) in [
        (
            "smtp://relay.example.jp",
            "relay.example.jp",
            587,
            Tls::StartTls,
        ),
        (
            "smtps://relay.example.jp",
            "relay.example.jp",
            465,
            Tls::Implicit,
        ),
        (
            "smtp://127.0.0.1:2525?tls=none",
            "127.0.0.1",
            2525,
            Tls::None,
        ),
        ("smtp://[::1]:25?tls=required", "::1", 25, Tls::StartTls),
    ] {
        let mut flags = vec!["--smtp-url", url];
        flags.extend(BASE);
        let c = args(&flags).unwrap().unwrap();
        assert_eq!(
            c.relay,
            Relay {
                host: host.into(),
                port,
                tls
            },
            "{url}"
        );
        assert_eq!(c.office_locale, "ja");
    }
}

#[test]
fn what_cannot_work_is_refused_with_what_to_fix() {
    let with = |extra: &[&str]| {
        let mut flags = extra.to_vec();
        flags.extend(BASE);
        args(&flags).unwrap_err().to_string()
    };
    for url in [
        "relay.example.jp",
        "http://relay",
        "smtps://relay?tls=none",
        "smtp://relay/x",
    ] {
        assert!(
            with(&["--smtp-url", url]).contains("cannot be read"),
            "{url}"
        );
    }
    assert!(with(&["--smtp-url", "smtp://u:p@relay"]).contains("--smtp-credentials-file"));
    assert!(with(&[
        "--smtp-url",
        "smtp://relay",
        "--smtp-credentials-file",
        "/nonexistent/c"
    ])
    .contains("cannot be read"));
    assert!(
        with(&["--smtp-url", "smtp://relay", "--mail-office-locale", "fr"])
            .contains("en, ja, ja-x-easy")
    );
    let no_office = args(&["--smtp-url", "smtp://relay", "--mail-from", "a@example.jp"]);
    assert_eq!(no_office.unwrap_err(), MailConfigError::NoOffice);
    let bad = args(&[
        "--smtp-url",
        "smtp://relay",
        "--mail-from",
        "a@example.jp",
        "--mail-office",
        "not an address",
    ]);
    assert!(matches!(bad.unwrap_err(), MailConfigError::Address { .. }));
}

#[test]
fn credentials_come_from_a_file_and_are_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c");
    std::fs::write(&file, "hcnf\ns3cret-pass\n").unwrap();
    let path = file.to_str().unwrap();
    let mut flags = vec![
        "--smtp-url",
        "smtps://relay",
        "--smtp-credentials-file",
        path,
    ];
    flags.extend(BASE);
    let c = args(&flags).unwrap().unwrap();
    let secret = c.credentials.clone().unwrap();
    assert_eq!(
        (secret.user.as_str(), secret.password.as_str()),
        ("hcnf", "s3cret-pass")
    );
    assert!(!format!("{c:?}").contains("s3cret"));
    std::fs::write(&file, "only-a-user\n").unwrap();
    assert!(matches!(
        args(&flags).unwrap_err(),
        MailConfigError::CredentialsShape(_)
    ));
}

#[test]
fn an_authority_file_must_be_readable_hold_certificates_and_go_with_tls() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ca.pem");
    let path = file.to_str().unwrap();
    let with = |url: &str| {
        let mut flags = vec!["--smtp-url", url, "--smtp-ca-file", path];
        flags.extend(BASE);
        args(&flags)
    };
    assert!(matches!(
        with("smtp://relay").unwrap_err(),
        MailConfigError::CaUnreadable(..)
    ));
    std::fs::write(&file, "hcnf\ns3cret-pass\n").unwrap();
    let refused = with("smtp://relay").unwrap_err();
    assert_eq!(refused, MailConfigError::CaNotCertificates(path.to_owned()));
    assert!(refused.to_string().contains("BEGIN CERTIFICATE"));
    let pem = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    std::fs::write(&file, pem).unwrap();
    let c = with("smtps://relay").unwrap().unwrap();
    assert_eq!(c.ca.as_deref(), Some(pem.as_bytes()));
    assert_eq!(
        with("smtp://relay:25?tls=none").unwrap_err(),
        MailConfigError::CaWithoutTls
    );
}

#[test]
fn the_environment_fills_in_what_no_flag_gives() {
    let env = |name: &str| match name {
        "HCNF_SMTP_URL" => Some("smtp://relay.example.jp".to_string()),
        "HCNF_MAIL_FROM" => Some("hcnf@pref.example.jp".to_string()),
        "HCNF_MAIL_OFFICE" => Some("a@pref.example.jp, b@pref.example.jp".to_string()),
        _ => None,
    };
    let c = MailArgs::default().resolve(&env, &["ja"]).unwrap().unwrap();
    assert_eq!(c.office.len(), 2);
}
