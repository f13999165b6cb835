//! The binary's arguments: the test-only fault flags exist only with the `test-faults`
//! feature, so a release build can neither be told to inject faults nor mentions them.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hcnf-endpoint");

/// What the binary says, on stderr, when asked for its usage.
fn usage() -> String {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8(out.stderr).unwrap()
}

#[cfg(not(feature = "test-faults"))]
#[test]
fn a_release_build_refuses_the_fault_flags_and_does_not_contain_them() {
    let help = usage();
    assert!(help.starts_with("usage: hcnf-endpoint"), "{help}");
    assert!(!help.contains("fault"), "{help}");
    for flag in ["--test-faults", "--fault-delay-ms"] {
        // Refused before the database is opened or the port bound.
        let out = Command::new(BIN).arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("unknown argument {flag}\n")),
            "{stderr}"
        );
    }
    let binary = std::fs::read(BIN).unwrap();
    for needle in ["--test-faults", "/_test/faults", "/_test/count"] {
        assert!(
            !binary.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "the binary contains {needle}"
        );
    }
}

#[cfg(feature = "test-faults")]
#[test]
fn a_test_build_lists_the_fault_flags() {
    let help = usage();
    assert!(help.starts_with("usage: hcnf-endpoint"), "{help}");
    assert!(
        help.contains("[--test-faults] [--fault-delay-ms 20000]"),
        "{help}"
    );
}
