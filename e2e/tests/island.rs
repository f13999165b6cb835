//! The inquiry form's hydration markers as the browser parses them. The renderer writes
//! `<!>` where hydration must find a view without an element of its own; the build serves
//! each of them in the form as `<!---->` (src/prerender/markers.rs), which is valid HTML
//! where `<!>` is not. Both must be the same empty comment node, or the wasm would walk
//! other nodes than it expects: checked here, in the browser the suite drives, on every
//! edition's form as served, in its page and in its host fragment. That the wasm then takes
//! the form over is for `site.rs`, `browser.rs` and `embed.rs`. Run by `scripts/test.sh`
//! after the build, once with chromedriver and once with geckodriver:
//!
//! `HCNF_WEBDRIVER=chromedriver cargo test -p hcnf-e2e --test island -- --ignored`

use serde_json::{json, Value};

/// The form's element in `html`, as it stands between the page's bytes before and after it.
fn form_of(html: &str) -> (usize, usize) {
    let start = html
        .find("<div data-hcnf-form")
        .expect("a page with the form");
    let mut open = 0;
    let mut at = start;
    loop {
        let close = html[at..].find("</div>").map(|i| i + at).expect("closed");
        match html[at..].find("<div").map(|i| i + at) {
            Some(o) if o < close => {
                open += 1;
                at = o + "<div".len();
            }
            _ => {
                open -= 1;
                at = close + "</div>".len();
                if open == 0 {
                    return (start, at);
                }
            }
        }
    }
}

/// A function of the page, `nodes(html)`: every node of the document the browser parses
/// from `html`, in document order, as `[depth, type, name, attributes or text]`.
const NODES_JS: &str = "const nodes = (html) => { \
    const doc = new DOMParser().parseFromString(html, 'text/html'); \
    const out = []; \
    const visit = (node, depth) => { \
      const what = node.nodeType === Node.ELEMENT_NODE \
        ? [...node.attributes].map((a) => `${a.name}=${a.value}`).join(' ') \
        : node.nodeValue; \
      out.push([depth, node.nodeType, node.nodeName, what]); \
      for (const child of node.childNodes) visit(child, depth + 1); \
    }; \
    visit(doc.documentElement, 0); \
    return out; \
  };";

#[tokio::test]
#[ignore = "needs the built site and a WebDriver; run by scripts/test.sh"]
async fn the_forms_valid_empty_comments_are_the_nodes_its_placeholders_were() {
    let dist = e2e::dist();
    let (_driver, browser) = e2e::start_browser().await;
    let mut checked = 0;
    for code in e2e::locales() {
        for file in [
            format!("{code}/inquiry/index.html"),
            format!("fragments/{code}/inquiry/index.html"),
        ] {
            let served = std::fs::read_to_string(dist.join(&file)).unwrap();
            let (start, end) = form_of(&served);
            let form = &served[start..end];
            assert!(!form.contains("<!>"), "{file}");
            let comments = form.matches("<!---->").count();
            assert!(
                comments > 10,
                "{file}: {comments} empty comments in the form"
            );
            // The same bytes with the form's markers as the renderer wrote them.
            let written = [
                &served[..start],
                &form.replace("<!---->", "<!>"),
                &served[end..],
            ]
            .concat();
            let found = browser
                .execute(
                    &format!(
                        "{NODES_JS} const [a, b] = [nodes(arguments[0]), nodes(arguments[1])]; \
                         const form = new DOMParser().parseFromString(arguments[0], 'text/html') \
                           .querySelector('[data-hcnf-form]'); \
                         const walker = document.createTreeWalker(form, NodeFilter.SHOW_COMMENT); \
                         let empty = 0; \
                         while (walker.nextNode()) if (walker.currentNode.nodeValue === '') empty += 1; \
                         return [a, b, empty];"
                    ),
                    vec![json!(served), json!(written)],
                )
                .await
                .unwrap();
            let [served_nodes, written_nodes, empty]: [Value; 3] =
                serde_json::from_value(found).unwrap();
            assert_eq!(
                served_nodes, written_nodes,
                "{file}: the served form parses to other nodes"
            );
            // Each one an empty comment node, not text.
            assert_eq!(empty, json!(comments), "{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * e2e::locales().len());
    browser.close().await.unwrap();
}
