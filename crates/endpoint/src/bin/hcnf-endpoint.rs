//! The reference inquiry endpoint; see [`hcnf_endpoint::cli`].

fn main() -> std::process::ExitCode {
    hcnf_endpoint::cli::main()
}
