//! The app shell: meta context and the route table.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::layout::{FocusOnNavigate, LocalizedPage, Navigated};
use crate::pages::{NotFound, RootRedirect};

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Navigated::provide();
    view! {
        <Router>
            <FocusOnNavigate />
            <Routes fallback=NotFound>
                <Route path=path!("/") view=RootRedirect />
                <Route path=path!("/:lang/:page?") view=LocalizedPage />
            </Routes>
        </Router>
    }
}
