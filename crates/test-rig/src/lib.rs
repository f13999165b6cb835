//! What the endpoint's tests and the end-to-end suites (`e2e/`) both start: the endpoint's
//! binary on a port it picks itself, a real mail server, and the plain HTML form's posts.

pub mod endpoint;
pub mod form;
pub mod mailserver;

use std::path::PathBuf;

/// The directory for the tests' scratch files in the build's target directory (what Cargo
/// calls `CARGO_TARGET_TMPDIR`, which only a test binary's own crate is given). A test
/// binary runs from `<target>/<profile>/deps/`.
pub fn target_tmp() -> PathBuf {
    target_dir().join("tmp")
}

/// A binary Cargo built for the running test, in `<target>/<profile>/` beside `deps/`:
/// how a test finds another package's binary, which `CARGO_BIN_EXE_*` does not name.
pub fn built_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("a test binary under <target>/<profile>/deps/");
    let bin = profile.join(name);
    assert!(
        bin.exists(),
        "{} is missing: Cargo builds it with the package's tests",
        bin.display()
    );
    bin
}

fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.ancestors()
        .nth(3)
        .expect("a test binary under <target>/<profile>/deps/")
        .to_path_buf()
}
