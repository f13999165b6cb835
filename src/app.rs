//! The app shell: meta context, the host's options and the route table.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, StaticSegment};

use crate::host::HostOptions;
use crate::layout::AppRoot;
use crate::pages::{
    Accessibility, Contact, HcnfCourse, Inquiry, LanguageChoice, LocalizedLayout,
    MedicalInnovationSchool, NotFound, Overview, Symposia,
};

/// The whole site, as the host page configured it (on a page of its own by default).
#[component]
pub fn App(
    /// How the host page configured the app; a page of its own by default.
    #[prop(optional)]
    options: HostOptions,
) -> impl IntoView {
    let base = options.base.clone();
    provide_meta_context();
    // The one source of the host's settings, base path included, for every component.
    provide_context(options);
    view! {
        <Router base>
            <AppRoot>
                // The prerenderer lists its pages from this table (`crate::prerender`), so a
                // section added here is prerendered in every locale.
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LanguageChoice />
                    // Host sites often link a folder's page as `…/index.html`.
                    <Route path=path!("/index.html") view=LanguageChoice />
                    <ParentRoute path=path!("/:lang") view=LocalizedLayout>
                        <Route path=path!("") view=Overview />
                        <Route
                            path=section(PageId::MedicalInnovationSchool)
                            view=MedicalInnovationSchool
                        />
                        <Route path=section(PageId::Symposia) view=Symposia />
                        <Route path=section(PageId::HcnfCourse) view=HcnfCourse />
                        <Route path=section(PageId::Contact) view=Contact />
                        <Route path=section(PageId::Inquiry) view=Inquiry />
                        <Route path=section(PageId::Accessibility) view=Accessibility />
                    </ParentRoute>
                </Routes>
            </AppRoot>
        </Router>
    }
}

/// A section's route below `/:lang`, from the slug the content model gives it, so links
/// and routes share one spelling.
fn section(page: PageId) -> (StaticSegment<&'static str>,) {
    (StaticSegment(page.slug()),)
}
