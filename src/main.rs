//! Entry point of the site's wasm: on a prerendered page it runs the inquiry form and
//! nothing else (`inquiry::island`); the pages themselves are HTML, and
//! `src/prerender/nav.js` moves between them.

fn main() {
    console_error_panic_hook::set_once();
    hcnf_site::start_form();
}
