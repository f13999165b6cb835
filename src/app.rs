//! The app shell: meta context, the host's options and the route table.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::browser;
use crate::host::HostOptions;
use crate::layout::{AppRoot, FocusOnNavigate, LocalizedPage, Navigated, ROOT_ID};
use crate::pages::{NotFound, RootRedirect};
use crate::routes;

/// The whole site, as the host page configured it (on a page of its own by default).
#[component]
pub fn App(#[prop(optional)] options: HostOptions) -> impl IntoView {
    routes::set_base(&options.base);
    browser::leave_host_links_to_the_browser(ROOT_ID, routes::base());
    provide_meta_context();
    Navigated::provide();
    provide_context(options);
    view! {
        // The router claims same-origin link clicks under the base; the host's links are
        // kept from it above.
        <Router base=routes::base()>
            <AppRoot>
                <FocusOnNavigate />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=RootRedirect />
                    // Host sites often link a folder's page as `…/index.html`.
                    <Route path=path!("/index.html") view=RootRedirect />
                    <Route path=path!("/:lang/:page?") view=LocalizedPage />
                </Routes>
            </AppRoot>
        </Router>
    }
}
