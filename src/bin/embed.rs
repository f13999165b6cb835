//! Entry point of the wasm a host page loads through hcnf.js: the whole app, rendered or
//! hydrated in the host's `data-hcnf-app` element.

fn main() {
    console_error_panic_hook::set_once();
    hcnf_site::mount::start();
}
