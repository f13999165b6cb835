//! Entry point of the client build: report panics to the console, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    hcnf_site::mount::start();
}
