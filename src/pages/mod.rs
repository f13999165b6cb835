//! One module per page; `render` picks the component for a route.

mod contact;
mod hcnf_course;
mod inquiry;
mod medical_innovation_school;
mod not_found;
mod overview;
mod prose;
mod root;
mod symposia;

use hcnf_content::PageId;
use leptos::prelude::*;

pub use not_found::NotFound;
pub use root::RootRedirect;

/// The page component for `page`.
pub fn render(page: PageId) -> AnyView {
    match page {
        PageId::Overview => view! { <overview::Overview /> }.into_any(),
        PageId::MedicalInnovationSchool => {
            view! { <medical_innovation_school::MedicalInnovationSchool /> }.into_any()
        }
        PageId::Symposia => view! { <symposia::Symposia /> }.into_any(),
        PageId::HcnfCourse => view! { <hcnf_course::HcnfCourse /> }.into_any(),
        PageId::Contact => view! { <contact::Contact /> }.into_any(),
        PageId::Inquiry => view! { <inquiry::Inquiry /> }.into_any(),
    }
}
