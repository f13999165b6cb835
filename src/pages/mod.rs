//! One module per page; the route table in `app.rs` names each page's component.

mod accessibility;
mod bilingual;
mod contact;
mod hcnf_course;
mod inquiry;
mod localized;
mod medical_innovation_school;
mod not_found;
mod overview;
mod prose;
mod root;
mod symposia;

pub use accessibility::Accessibility;
pub use contact::Contact;
pub use hcnf_course::HcnfCourse;
pub use inquiry::Inquiry;
pub use localized::LocalizedLayout;
pub use medical_innovation_school::MedicalInnovationSchool;
pub use not_found::NotFound;
pub use overview::Overview;
pub use root::LanguageChoice;
pub use symposia::Symposia;
