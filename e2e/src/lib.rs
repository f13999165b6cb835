//! What the end-to-end suites (`tests/`) share: the site's files and words ([here](self)),
//! helper processes on loopback that end with the test ([`servers`]: the endpoint, nginx
//! for the site and for the demo host), a browser session with waits that say what the
//! page showed when they give up ([`browser`]), and the checkers and the record of what
//! they found ([`checks`], [`audit`]).

pub mod audit;
pub mod browser;
pub mod checks;
pub mod servers;

pub use audit::*;
pub use browser::*;
pub use checks::*;
pub use servers::*;

use std::path::{Path, PathBuf};

use hcnf_content::{parse_edition, Edition};
use serde_json::Value;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The release build the tests drive.
pub fn dist() -> PathBuf {
    let dist = root().join("dist");
    assert!(
        dist.join("404.html").exists() && dist.join("hcnf.js").exists(),
        "build the site first: scripts/build.sh"
    );
    dist
}

/// The codes of the editions the site publishes, from the content files (`en`, `ja`, …).
pub fn locales() -> Vec<String> {
    hcnf_content::read_content_dir(&root().join("content"))
        .expect("content/ is readable")
        .into_iter()
        .map(|f| f.locale)
        .collect()
}

/// The edition `code` as a reader reads it: every text without the readings a
/// plain-Japanese edition gives its kanji (they show as ruby, above the line).
pub fn edition(code: &str) -> Edition {
    fn read(v: &mut Value) {
        match v {
            Value::String(s) => *s = hcnf_content::ruby::plain(s).into_owned(),
            Value::Array(items) => items.iter_mut().for_each(read),
            Value::Object(map) => map.values_mut().for_each(read),
            _ => {}
        }
    }
    let json = std::fs::read_to_string(root().join(format!("content/{code}.json"))).unwrap();
    let mut tree: Value = serde_json::from_str(&json).unwrap();
    read(&mut tree);
    parse_edition(code, code, &tree.to_string()).unwrap()
}

/// A script function, `read(element)`: the element's text without the readings over its
/// kanji (`<rt>`), as [`edition`] gives the words.
pub const READ_JS: &str = "const read = e => { if (!e) return e; const c = e.cloneNode(true); \
    c.querySelectorAll('rt').forEach(r => r.remove()); return c.textContent; };";
