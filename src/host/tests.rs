//! The form's attributes of the host's element read as a web team would write them, good
//! and bad; and the base path the build is given. (The navigation script's are checked by
//! tools/nav.test.mjs.)

use super::*;
use std::collections::HashMap;

fn read(pairs: &[(&str, &str)]) -> (HostOptions, Vec<HostOptionError>) {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    HostOptions::from_attributes(|name| map.get(name).cloned())
}

#[test]
fn the_documented_snippet_reads_as_written() {
    let (options, errors) = read(&[
        (MOUNT_ATTRIBUTE, ""),
        (
            ENDPOINT_ATTRIBUTE,
            "https://inquiries.example.jp/hcnf/inquiries",
        ),
        (MANAGE_DOCUMENT_ATTRIBUTE, "false"),
        (ASSETS_ATTRIBUTE, "https://cdn.example.jp/hcnf-app/"),
    ]);
    assert_eq!(errors, vec![]);
    assert_eq!(
        options.endpoint.as_deref(),
        Some("https://inquiries.example.jp/hcnf/inquiries")
    );
    assert!(!options.manage_document);
    assert_eq!(
        options.config_url(),
        "https://cdn.example.jp/hcnf-app/config.json"
    );
}

#[test]
fn an_element_with_no_options_leaves_the_document_to_the_host() {
    let (options, errors) = read(&[(MOUNT_ATTRIBUTE, "")]);
    assert!(errors.is_empty());
    assert!(!options.manage_document);
    assert_eq!(options.base, "");
    assert_eq!(options.endpoint, None);
    assert_eq!(options.config_url(), "/config.json");
}

#[test]
fn managing_the_document_is_asked_for_explicitly() {
    for on in ["true", "TRUE", " true ", ""] {
        assert!(
            read(&[(MANAGE_DOCUMENT_ATTRIBUTE, on)]).0.manage_document,
            "{on:?}"
        );
    }
    assert!(
        !read(&[(MANAGE_DOCUMENT_ATTRIBUTE, "false")])
            .0
            .manage_document
    );
    // Anything else is "no". The navigation script names it in the console
    // (tools/nav.test.mjs); the form, reading the same attribute, adds no second message.
    let (options, errors) = read(&[(MANAGE_DOCUMENT_ATTRIBUTE, "yes please")]);
    assert!(!options.manage_document);
    assert_eq!(errors, vec![]);
}

#[test]
fn base_paths_are_normalised_however_they_are_typed() {
    for (typed, base) in [
        ("/hcnf/", "/hcnf"),
        ("/hcnf", "/hcnf"),
        ("hcnf/", "/hcnf"),
        (" /kenko/hcnf/ ", "/kenko/hcnf"),
        ("/hcnf+2026/", "/hcnf+2026"),
        ("/", ""),
        ("", ""),
    ] {
        assert_eq!(normalize_base(typed).as_deref(), Some(base), "{typed:?}");
    }
    for bad in [
        "https://example.jp/hcnf/",
        "//example.jp/hcnf",
        "/hcnf/?x=1",
        "/hcnf/#top",
        "/hcnf/../admin",
        "/a//b",
        "/with space",
        "/健康/",
        "/%E5%81%A5/",
    ] {
        assert_eq!(normalize_base(bad), None, "{bad:?}");
    }
}

#[test]
fn unusable_attributes_are_reported_and_ignored() {
    let (options, errors) = read(&[
        (ENDPOINT_ATTRIBUTE, "/inquiries"),
        (ASSETS_ATTRIBUTE, "hcnf-app"),
        (MANAGE_DOCUMENT_ATTRIBUTE, "sometimes"),
    ]);
    assert_eq!(
        options,
        HostOptions {
            manage_document: false,
            // Kept, for the form to refuse: not swapped for another endpoint.
            endpoint: Some("/inquiries".into()),
            ..HostOptions::default()
        }
    );
    assert_eq!(
        errors,
        vec![
            HostOptionError::Endpoint("/inquiries".into(), UrlProblem::NotHttp),
            HostOptionError::Assets("hcnf-app".into()),
        ]
    );
    assert!(errors[0]
        .to_string()
        .contains("the inquiry form will be unavailable"));
}

#[test]
fn an_endpoint_with_a_password_is_reported_and_kept_for_the_form_to_refuse() {
    let url = "https://web:secret@inquiries.example.jp/hcnf/inquiries";
    let (options, errors) = read(&[(ENDPOINT_ATTRIBUTE, url)]);
    assert_eq!(options.endpoint.as_deref(), Some(url));
    assert_eq!(
        errors,
        vec![HostOptionError::Endpoint(url.into(), UrlProblem::UserInfo)]
    );
}
