//! `/{lang}/medical-innovation-school`: why the HCNF concepts need the school.

use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::i18n::use_edition;

/// The Medical Innovation School page.
#[component]
pub fn MedicalInnovationSchool() -> impl IntoView {
    let p = &use_edition().pages.medical_innovation_school;
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <Sections sections=&p.sections />
        </article>
    }
}
