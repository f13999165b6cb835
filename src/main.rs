//! Entry point of the client build: report panics to the console, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(hcnf_site::App);
}
