//! The reference endpoint with the `test-faults` feature, for the end-to-end suites only.

fn main() -> std::process::ExitCode {
    hcnf_endpoint::cli::main()
}
