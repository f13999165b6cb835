//! `config.json` and endpoints as web teams write them, and as a careless or hostile page
//! might.

use super::*;

/// A page on the prefecture's site.
const PAGE: &str = "https://www.example.jp";
/// The local demo's page.
const LOOPBACK_PAGE: &str = "http://127.0.0.1:8090";

fn config(json: serde_json::Value) -> SiteConfig {
    parse_config(&json.to_string()).unwrap()
}

/// The endpoint used on `page` when `config.json` is `json` and the page picks `picked`.
fn chosen(
    json: serde_json::Value,
    picked: Option<&str>,
    page: &str,
) -> Result<String, ConfigError> {
    config(json)
        .choose(picked, page)
        .map(|c| c.inquiry_endpoint)
}

fn site_only(endpoint: &str) -> serde_json::Value {
    serde_json::json!({ "inquiry_endpoint": endpoint })
}

#[test]
fn a_good_config_is_read() {
    let c = config(site_only("https://inquiries.example.jp/hcnf/inquiries"))
        .choose(None, PAGE)
        .unwrap();
    assert_eq!(
        c.inquiry_endpoint,
        "https://inquiries.example.jp/hcnf/inquiries"
    );
    assert_eq!(c.timeout_ms, DEFAULT_TIMEOUT_MS);
    let c = parse_config(
        r#"{"inquiry_endpoint": " https://www.pref.example/api ", "timeout_ms": 2000}"#,
    )
    .unwrap()
    .choose(None, PAGE)
    .unwrap();
    assert_eq!(
        (c.inquiry_endpoint.as_str(), c.timeout_ms),
        ("https://www.pref.example/api", 2000)
    );
}

#[test]
fn https_endpoints_are_used_on_any_page() {
    for page in [PAGE, LOOPBACK_PAGE, "null", ""] {
        assert_eq!(
            chosen(site_only("https://inquiries.example.jp/x"), None, page),
            Ok("https://inquiries.example.jp/x".into()),
            "{page}"
        );
    }
}

#[test]
fn plain_http_is_used_only_when_the_page_and_the_endpoint_are_both_on_loopback() {
    for (page, endpoint) in [
        (LOOPBACK_PAGE, "http://127.0.0.1:8787/inquiries"),
        ("http://localhost:8080", "http://127.0.0.1:8787/inquiries"),
        ("http://[::1]:8080", "http://localhost:8787/inquiries"),
        ("http://127.1.2.3", "http://[::1]:8787/inquiries"),
        ("https://localhost", "http://127.0.0.1/"),
    ] {
        assert_eq!(
            chosen(site_only(endpoint), None, page),
            Ok(endpoint.into()),
            "{page} → {endpoint}"
        );
    }
    for (page, endpoint) in [
        // A public page posting to a loopback endpoint, or the reverse.
        (PAGE, "http://127.0.0.1:8787/inquiries"),
        (LOOPBACK_PAGE, "http://inquiries.example.jp/x"),
        (PAGE, "http://inquiries.example.jp/x"),
        // Names that only look like loopback.
        (LOOPBACK_PAGE, "http://127.0.0.1.example.jp/x"),
        (LOOPBACK_PAGE, "http://localhost.example.jp/x"),
        (LOOPBACK_PAGE, "http://128.0.0.1/x"),
        ("http://127.0.0.1.example.jp", "http://127.0.0.1/x"),
        // No page origin known (a sandboxed frame, a file).
        ("null", "http://127.0.0.1/x"),
        ("", "http://127.0.0.1/x"),
    ] {
        assert_eq!(
            chosen(site_only(endpoint), None, page),
            Err(ConfigError::Insecure(endpoint.into())),
            "{page} → {endpoint}"
        );
    }
}

#[test]
fn a_user_name_or_password_in_an_endpoint_is_refused() {
    for url in [
        "https://user:pass@inquiries.example.jp/x",
        "https://user@inquiries.example.jp/x",
        "https://inquiries.example.jp@evil.example/x",
        "https://:@inquiries.example.jp/",
    ] {
        assert_eq!(
            parse_config(&site_only(url).to_string()),
            Err(ConfigError::InvalidEndpoint {
                url: url.into(),
                problem: UrlProblem::UserInfo
            }),
            "{url}"
        );
    }
    // Picked by the page, on an allowed host, it is refused all the same.
    let allowed = serde_json::json!({
        "inquiry_endpoint": "https://inquiries.example.jp/x",
    });
    assert!(matches!(
        chosen(
            allowed,
            Some("https://me:secret@inquiries.example.jp/x"),
            PAGE
        ),
        Err(ConfigError::InvalidEndpoint {
            problem: UrlProblem::UserInfo,
            ..
        })
    ));
}

#[test]
fn a_missing_or_bad_endpoint_is_an_error_not_a_silent_failure() {
    assert_eq!(
        config(serde_json::json!({})).choose(None, PAGE),
        Err(ConfigError::MissingEndpoint)
    );
    assert_eq!(
        config(site_only("  ")).choose(None, PAGE),
        Err(ConfigError::MissingEndpoint)
    );
    for (bad, problem) in [
        ("ftp://x/y", UrlProblem::NotHttp),
        ("javascript:alert(1)", UrlProblem::NotHttp),
        ("https:inquiries.example.jp", UrlProblem::NotHttp),
        ("/inquiries", UrlProblem::NotHttp),
        ("//inquiries.example.jp/x", UrlProblem::NotHttp),
        ("http://", UrlProblem::BadHost),
        ("https:///evil.example/", UrlProblem::BadHost),
        ("https://a b/", UrlProblem::BadCharacter),
        (
            "https://evil.example\\@inquiries.example.jp/",
            UrlProblem::BadCharacter,
        ),
        ("https://inquiries.example.jp:99999/", UrlProblem::BadHost),
        ("https://inquiries.example.jp:44x/", UrlProblem::BadHost),
        ("https://inquiries%2eexample.jp/", UrlProblem::BadHost),
        ("https://問い合わせ.example.jp/", UrlProblem::BadHost),
        ("https://[::1/", UrlProblem::BadHost),
    ] {
        assert_eq!(
            parse_config(&site_only(bad).to_string()),
            Err(ConfigError::InvalidEndpoint {
                url: bad.into(),
                problem
            }),
            "{bad}"
        );
    }
    assert!(matches!(
        parse_config("not json"),
        Err(ConfigError::Malformed(_))
    ));
    assert!(matches!(
        parse_config(r#"{"endpoint": "https://x"}"#),
        Err(ConfigError::Malformed(_))
    ));
}

#[test]
fn an_absurd_timeout_falls_back_to_the_default() {
    let c = parse_config(r#"{"inquiry_endpoint": "https://x/", "timeout_ms": 5}"#)
        .unwrap()
        .choose(None, PAGE)
        .unwrap();
    assert_eq!(c.timeout_ms, DEFAULT_TIMEOUT_MS);
}

/// A site with two endpoints it trusts, sending to the first unless the page picks.
fn two_allowed() -> serde_json::Value {
    serde_json::json!({
        "inquiry_endpoint": "https://inquiries.example.jp/hcnf/inquiries",
        "allowed_endpoint_origins": ["https://inquiries.example.jp", "https://backup.example.jp:8443/"],
    })
}

#[test]
fn the_page_may_pick_an_endpoint_on_an_allowed_origin() {
    assert_eq!(
        chosen(
            two_allowed(),
            Some("https://backup.example.jp:8443/hcnf"),
            PAGE
        ),
        Ok("https://backup.example.jp:8443/hcnf".into())
    );
    assert_eq!(
        chosen(
            two_allowed(),
            Some(" https://inquiries.example.jp/other "),
            PAGE
        ),
        Ok("https://inquiries.example.jp/other".into())
    );
    // Without a list, the site's own endpoint's origin is the one allowed.
    assert_eq!(
        chosen(
            site_only("https://inquiries.example.jp/a"),
            Some("https://inquiries.example.jp/b?x=1#y"),
            PAGE
        ),
        Ok("https://inquiries.example.jp/b?x=1#y".into())
    );
}

#[test]
fn the_page_cannot_add_an_origin() {
    for evil in [
        "https://evil.example/inquiries",
        "https://inquiries.example.jp.evil.example/x",
        "https://evil.example/inquiries.example.jp",
        "https://evil.example?https://inquiries.example.jp",
        // Another port, or another scheme, is another origin.
        "https://inquiries.example.jp:8443/x",
        "https://backup.example.jp/hcnf",
        "http://inquiries.example.jp/x",
    ] {
        assert!(
            matches!(
                chosen(two_allowed(), Some(evil), PAGE),
                Err(ConfigError::NotAllowed { .. })
            ),
            "{evil}"
        );
    }
    let refused = chosen(
        site_only("https://inquiries.example.jp/a"),
        Some("https://evil.example/"),
        PAGE,
    )
    .unwrap_err()
    .to_string();
    assert!(
        refused.contains("\"https://evil.example/\"")
            && refused.contains("(https://inquiries.example.jp)")
            && refused.contains("allowed_endpoint_origins"),
        "{refused}"
    );
    // A list that leaves out the site's own endpoint: nothing is sent there either.
    let json = serde_json::json!({
        "inquiry_endpoint": "https://old.example.jp/x",
        "allowed_endpoint_origins": ["https://inquiries.example.jp"],
    });
    assert!(matches!(
        chosen(json, None, PAGE),
        Err(ConfigError::NotAllowed { .. })
    ));
    // An empty list allows nothing.
    let json = serde_json::json!({
        "inquiry_endpoint": "https://inquiries.example.jp/x",
        "allowed_endpoint_origins": [],
    });
    let refused = chosen(json, None, PAGE).unwrap_err();
    assert!(refused.to_string().contains("(none)"), "{refused}");
}

#[test]
fn a_picked_endpoint_without_a_site_origin_is_refused() {
    // No inquiry_endpoint and no list: there is nothing a page may pick.
    assert!(matches!(
        chosen(
            serde_json::json!({}),
            Some("https://inquiries.example.jp/x"),
            PAGE
        ),
        Err(ConfigError::NotAllowed { .. })
    ));
    // A list alone lets the page pick, and sends nothing when it does not.
    let json = serde_json::json!({ "allowed_endpoint_origins": ["https://inquiries.example.jp"] });
    assert_eq!(
        chosen(json.clone(), Some("https://inquiries.example.jp/x"), PAGE),
        Ok("https://inquiries.example.jp/x".into())
    );
    assert_eq!(chosen(json, None, PAGE), Err(ConfigError::MissingEndpoint));
}

#[test]
fn schemes_and_hosts_are_compared_in_lower_case_and_sent_so() {
    let json = serde_json::json!({
        "inquiry_endpoint": "HTTPS://Inquiries.Example.JP/Hcnf/Inquiries",
        "allowed_endpoint_origins": ["https://INQUIRIES.example.jp"],
    });
    // The path keeps its case: servers may tell them apart.
    assert_eq!(
        chosen(json.clone(), None, PAGE),
        Ok("https://inquiries.example.jp/Hcnf/Inquiries".into())
    );
    assert_eq!(
        chosen(json, Some("Https://inquiries.EXAMPLE.jp/x"), PAGE),
        Ok("https://inquiries.example.jp/x".into())
    );
    assert_eq!(
        chosen(
            site_only("http://LOCALHOST:8787/x"),
            None,
            "HTTP://LocalHost:8080"
        ),
        Ok("http://localhost:8787/x".into())
    );
}

#[test]
fn ports_are_part_of_the_origin_and_default_ports_are_no_port() {
    let origin = |raw: &str| parse_origin(raw).map(|o| o.as_str().to_owned());
    assert_eq!(
        origin("https://a.example.jp:443"),
        Ok("https://a.example.jp".into())
    );
    assert_eq!(
        origin("https://a.example.jp:0443/"),
        Ok("https://a.example.jp".into())
    );
    assert_eq!(
        origin("http://a.example.jp:80"),
        Ok("http://a.example.jp".into())
    );
    assert_eq!(
        origin("https://a.example.jp:"),
        Ok("https://a.example.jp".into())
    );
    assert_eq!(
        origin("http://a.example.jp:443"),
        Ok("http://a.example.jp:443".into())
    );
    assert_eq!(
        origin("https://[::1]:8443"),
        Ok("https://[::1]:8443".into())
    );
    assert_eq!(
        origin("https://a.example.jp/hcnf"),
        Err(UrlProblem::NotAnOrigin)
    );
    assert_eq!(
        origin("https://a.example.jp?x"),
        Err(UrlProblem::NotAnOrigin)
    );

    let json = serde_json::json!({
        "inquiry_endpoint": "https://inquiries.example.jp:443/x",
        "allowed_endpoint_origins": ["https://inquiries.example.jp", "http://127.0.0.1:8787"],
    });
    assert_eq!(
        chosen(json.clone(), None, PAGE),
        Ok("https://inquiries.example.jp/x".into())
    );
    assert_eq!(
        chosen(json.clone(), Some("http://127.0.0.1:8787/i"), LOOPBACK_PAGE),
        Ok("http://127.0.0.1:8787/i".into())
    );
    for other_port in [
        "http://127.0.0.1:8788/i",
        "http://127.0.0.1/i",
        "https://inquiries.example.jp:8443/x",
    ] {
        assert!(
            matches!(
                chosen(json.clone(), Some(other_port), LOOPBACK_PAGE),
                Err(ConfigError::NotAllowed { .. })
            ),
            "{other_port}"
        );
    }
}

#[test]
fn a_bad_allowed_origin_makes_the_config_invalid() {
    for (bad, problem) in [
        ("inquiries.example.jp", UrlProblem::NotHttp),
        (
            "https://inquiries.example.jp/hcnf/",
            UrlProblem::NotAnOrigin,
        ),
        ("https://user@inquiries.example.jp", UrlProblem::UserInfo),
        ("*", UrlProblem::NotHttp),
    ] {
        let json = serde_json::json!({
            "inquiry_endpoint": "https://inquiries.example.jp/x",
            "allowed_endpoint_origins": [bad],
        });
        assert_eq!(
            parse_config(&json.to_string()),
            Err(ConfigError::InvalidAllowedOrigin {
                origin: bad.into(),
                problem
            }),
            "{bad}"
        );
    }
}

#[test]
fn every_refusal_says_what_to_do() {
    let insecure = ConfigError::Insecure("http://x.example/".into()).to_string();
    assert!(insecure.contains("use https://"), "{insecure}");
    let invalid = ConfigError::InvalidEndpoint {
        url: "https://u@x".into(),
        problem: UrlProblem::UserInfo,
    }
    .to_string();
    assert!(
        invalid.contains("user:pass@") && invalid.contains("write it as"),
        "{invalid}"
    );
}
