//! Valid HTML as served: the Nu HTML Checker over the bytes a reader's browser receives,
//! before any script has run (`accessibility.rs` checks the DOM once the app has run).
//! Every file of the build that nginx serves as HTML, fetched through nginx with the
//! production rules: the pages, the not-found page, each edition's page for an endpoint
//! that does not answer, and each host fragment, checked inside a host page of the least
//! a valid document needs. And every kind of answer page of the plain form in every
//! edition, as the endpoint sends it, at the site's root and under a host's base. No error
//! is allowed; warnings are listed. Run by `scripts/test.sh` after the build:
//!
//! `cargo test -p hcnf-e2e --test served_html -- --ignored --nocapture`

use std::collections::BTreeMap;
use std::path::Path;

use hcnf_inquiry::form_post::parse_form;
use hcnf_site::i18n::Locale;
use hcnf_site::inquiry::answered::Answered;
use hcnf_site::inquiry::client::SendError;
use hcnf_site::inquiry::flow::Failure;
use hcnf_site::prerender::{answer_page, AnswerTemplate, ANSWER_TEMPLATE_FILE};
use hcnf_test_rig::form::encode;
use reqwest::StatusCode;

/// One document for the checker: what it is (`page en/symposia/index.html`, `answer ja
/// check`), and its bytes as served.
struct Served {
    name: String,
    html: String,
}

/// What the checker said of a set of documents.
#[derive(Default)]
struct Report {
    /// `name: line N: message`, less the CSS it does not know ([`e2e::CHECKER_CSS_GAPS`]).
    errors: Vec<String>,
    /// The same, for warnings.
    warnings: Vec<String>,
    /// Each message of the CSS it does not know and each informational message, with how
    /// many documents or places it was given for.
    set_aside: BTreeMap<String, usize>,
}

/// The Nu HTML Checker once over all of `docs` ([`e2e::nu_messages`]), sorted.
fn check(docs: &[Served]) -> Report {
    let pages: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.name.as_str(), d.html.as_str()))
        .collect();
    let mut found = Report::default();
    for m in e2e::nu_messages(&pages, false) {
        match (m.kind.as_str(), m.sub_type.as_str()) {
            ("error", _) if m.is_css_gap() => *found.set_aside.entry(m.message).or_default() += 1,
            ("info", "warning") => found.warnings.push(m.line),
            ("info", _) => *found.set_aside.entry(m.message).or_default() += 1,
            // Errors, and anything else (a file it could not read).
            _ => found.errors.push(m.line),
        }
    }
    found
}

/// A fragment as a host page holds it: inside the host's element in its `<main>`, in a
/// document of the least the checker asks of one, so that what it reports is the
/// fragment's.
fn in_host_page(fragment: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
         <title>A host page</title></head><body><main>\
         <div data-hcnf-app data-hcnf-prerendered>{fragment}</div></main></body></html>"
    )
}

/// Every `.html` file under `dir`, as paths relative to it, sorted.
fn html_files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                let rel = path.strip_prefix(root).unwrap();
                out.push(rel.to_str().unwrap().to_owned());
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    files
}

/// A body and status, as a browser gets them.
struct Answer {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

async fn answer(req: reqwest::RequestBuilder) -> Answer {
    let res = req.send().await.unwrap();
    Answer {
        status: res.status(),
        location: res
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned()),
        body: res.text().await.unwrap(),
    }
}

/// The form as a reader fills it in, about `subject`.
fn fields(subject: &str, action: &str) -> Vec<(&'static str, String)> {
    hcnf_test_rig::form::fields(subject, "045-000-0000", action)
}

/// The value of the hidden field `name` on a page.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden {name} in {page}"));
    let rest = &page[at + marker.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[tokio::test]
#[ignore = "needs the built site, nginx, the endpoint and the Nu HTML Checker; run by scripts/test.sh"]
async fn every_page_fragment_and_answer_page_as_served_is_valid_html() {
    let dist = e2e::dist();
    let db = tempfile::tempdir().unwrap();
    let port = e2e::free_port();
    let site = format!("http://127.0.0.1:{port}");
    // Three Sends at once, one an edition; the next is over the rate.
    let (_endpoint, endpoint) = e2e::start_endpoint_with(
        db.path(),
        &[&site],
        &["--rate-burst", "3", "--rate-per-minute", "1"],
    )
    .await;
    let _nginx = e2e::start_site_for(port, None, &endpoint).await;
    // The same rules in front of an endpoint that does not answer.
    let down_port = e2e::free_port();
    let down = format!("http://127.0.0.1:{down_port}");
    let _down = e2e::start_site(down_port, None).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut docs = Vec::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut add = |kind: &'static str, name: String, html: String| {
        *kinds.entry(kind).or_default() += 1;
        docs.push(Served {
            name: format!("{kind} {name}"),
            html,
        });
    };

    // Every HTML file of the build, at its own address; those nginx serves only as its
    // answer to an error are fetched as such below, and the template is for the endpoint.
    let mut not_at_own_address = Vec::new();
    for file in html_files(&dist) {
        let a = answer(http.get(format!("{site}/{file}"))).await;
        let bytes = std::fs::read_to_string(dist.join(&file)).unwrap();
        if a.status != StatusCode::OK {
            assert_eq!(a.status, StatusCode::NOT_FOUND, "{file}");
            not_at_own_address.push(file);
            continue;
        }
        assert_eq!(a.body, bytes, "{file}: nginx serves the file as it is");
        if file.starts_with("fragments/") {
            add("fragment", file, in_host_page(&a.body));
        } else {
            add("page", file, a.body);
        }
    }
    let mut answered_by_nginx = vec![ANSWER_TEMPLATE_FILE.to_owned()];
    let unknown = answer(http.get(format!("{site}/no/such/page"))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(
        unknown.body,
        std::fs::read_to_string(dist.join("404.html")).unwrap()
    );
    add(
        "page",
        "404.html for an unknown address".into(),
        unknown.body,
    );
    answered_by_nginx.push("404.html".into());
    for locale in Locale::all() {
        let code = locale.code();
        let a = answer(
            http.post(format!("{down}/{code}/inquiry/answers"))
                .header("Origin", &down)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(encode(&fields("x", "continue"))),
        )
        .await;
        assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{code}");
        let file = format!("{code}/inquiry/unreachable.html");
        assert_eq!(a.body, std::fs::read_to_string(dist.join(&file)).unwrap());
        add(
            "page",
            format!("{file} for a post the endpoint missed"),
            a.body,
        );
        answered_by_nginx.push(file);
    }

    // The answer pages, from the endpoint itself: nginx passes them on as they are.
    let post = |lang: &str, origin: &str, body: String| {
        http.post(format!("{endpoint}/{lang}/inquiry/answers"))
            .header("Origin", origin.to_owned())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
    };
    for locale in Locale::all() {
        let code = locale.code();
        let a = answer(post(code, &site, encode(&[("action", "continue".into())]))).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        add("answer", format!("{code} with every problem"), a.body);
        let check = answer(post(code, &site, encode(&fields("講座", "continue")))).await;
        assert_eq!(check.status, StatusCode::OK, "{code}");
        let mut send = fields("講座", "send");
        send.push(("key", hidden(&check.body, "key")));
        send.push(("started", hidden(&check.body, "started")));
        add("answer", format!("{code} check"), check.body);
        let a = answer(post(code, &site, encode(&fields("講座", "change-email")))).await;
        assert_eq!(a.status, StatusCode::OK, "{code}");
        add("answer", format!("{code} changing an answer"), a.body);
        let sent = answer(post(code, &site, encode(&send))).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{code}: {}", sent.body);
        let location = sent.location.unwrap();
        let a = answer(http.get(format!("{endpoint}{location}"))).await;
        assert_eq!(a.status, StatusCode::OK, "{code}");
        add("answer", format!("{code} sent"), a.body);
        let a = answer(post(
            code,
            "https://elsewhere.example",
            encode(&fields("講座", "send")),
        ))
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{code}");
        add("answer", format!("{code} from another site"), a.body);
        let a = answer(post(code, &site, "admin=1&action=send".into())).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{code}");
        add("answer", format!("{code} not this form's post"), a.body);
        let big = format!("message={}&action=continue", "a".repeat(70 * 1024));
        let a = answer(post(code, &site, big)).await;
        assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{code}");
        add("answer", format!("{code} too large"), a.body);
        // As a host's server passes the posts of a form embedded under its base on.
        let host =
            |body: String| post(code, &site, body).header("X-Forwarded-Prefix", "/kenko/hcnf");
        let a = answer(host(encode(&[("action", "continue".into())]))).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        add(
            "answer",
            format!("{code} with every problem, under a host's base"),
            a.body,
        );
        let a = answer(host(encode(&fields("講座", "continue")))).await;
        assert_eq!(a.status, StatusCode::OK, "{code}");
        add(
            "answer",
            format!("{code} check, under a host's base"),
            a.body,
        );
        let a = answer(
            http.get(format!("{endpoint}{location}"))
                .header("X-Forwarded-Prefix", "/kenko/hcnf"),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{code}");
        add(
            "answer",
            format!("{code} sent, under a host's base"),
            a.body,
        );
    }
    // Every edition has had its Send: another inquiry now is over the rate.
    for locale in Locale::all() {
        let code = locale.code();
        let check = answer(post(code, &site, encode(&fields("別の件", "continue")))).await;
        let mut send = fields("別の件", "send");
        send.push(("key", hidden(&check.body, "key")));
        let a = answer(post(code, &site, encode(&send))).await;
        assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{code}");
        add("answer", format!("{code} over the rate"), a.body);
    }
    // What the store's failures show, which no request can bring about here: rendered as
    // the endpoint renders every answer (its `page` sends what `answer_page` returns), with
    // the template it reads from the build.
    let template = std::fs::read_to_string(dist.join(ANSWER_TEMPLATE_FILE)).unwrap();
    let template = AnswerTemplate::new(template).unwrap();
    for locale in Locale::all() {
        let code = locale.code();
        for (what, error) in [
            ("store unavailable", SendError::Server(503)),
            ("store failed", SendError::Server(500)),
            ("key used for other answers", SendError::KeyReused),
        ] {
            let post = parse_form(encode(&fields("講座", "send")).as_bytes()).unwrap();
            let checking =
                Answered::after(post, 0, |_| "00000000-0000-4000-8000-000000000001".into());
            let answered = checking.sent(Err(Failure::Send(error)));
            let html = answer_page(&template, "", locale, answered);
            add("answer", format!("{code} {what}"), html);
        }
    }

    let started = std::time::Instant::now();
    let report = check(&docs);
    eprintln!(
        "Nu HTML Checker: {} documents ({}) in {:.1} s: {} errors, {} warnings",
        docs.len(),
        kinds
            .iter()
            .map(|(kind, n)| format!("{n} {kind}s"))
            .collect::<Vec<_>>()
            .join(", "),
        started.elapsed().as_secs_f64(),
        report.errors.len(),
        report.warnings.len()
    );
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for (message, n) in &report.set_aside {
        eprintln!("set aside ({n}×): {message}");
    }
    assert!(docs.len() > 80, "{} documents checked", docs.len());
    if !report.errors.is_empty() {
        // Thousands of one message would hide the rest: each message once per kind of
        // document, with how often and where first.
        let mut by: BTreeMap<String, (usize, &str)> = BTreeMap::new();
        for e in &report.errors {
            let kind = e.split(' ').next().unwrap_or_default();
            let message = e.splitn(3, ": ").nth(2).unwrap_or_default();
            by.entry(format!("{kind}: {message}")).or_insert((0, e)).0 += 1;
        }
        let summary: Vec<String> = by
            .iter()
            .map(|(m, (n, first))| format!("{n}× {m}\n    first: {first}"))
            .collect();
        panic!("{} errors:\n{}", report.errors.len(), summary.join("\n"));
    }
    not_at_own_address.sort();
    answered_by_nginx.sort();
    assert_eq!(
        not_at_own_address, answered_by_nginx,
        "every HTML file of the build is checked as nginx serves it, but the endpoint's template"
    );
}

#[test]
fn the_checker_calls_a_bare_empty_comment_an_error_and_the_spelled_one_none() {
    // So that a pass above means the markers are gone or valid, not that they went unseen.
    let doc = |body: &str| Served {
        name: body.to_owned(),
        html: format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title>\
             </head><body><p>a{body}b</p></body></html>"
        ),
    };
    let report = check(&[doc("<!>"), doc("<!---->"), doc("<!--<() />-->")]);
    assert_eq!(
        report.errors,
        ["<!>: line 1: Bogus comment."],
        "{:?}",
        report.errors
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}
