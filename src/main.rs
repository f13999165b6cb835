//! Entry point of the site's wasm: on a prerendered page it runs the inquiry form and
//! nothing else (`inquiry::island`); the pages themselves are HTML, and
//! `src/prerender/nav/` moves between them.

fn main() {
    // A panic that aborts at once (the release build, scripts/build.sh) never reaches a
    // hook; a build that unwinds or formats (HCNF_STABLE_WASM=1, the tests) shows it.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    hcnf_site::start_form();
}
