//! Pieces every page is made of: its heading and lead, and headed sections of prose.

use hcnf_content::SectionText;
use leptos::prelude::*;

use crate::layout::words;
use crate::layout::{PageHeading, Phrased};

/// The page's `h1` and its lead paragraph.
#[component]
pub fn PageIntro(
    /// The page's heading.
    title: &'static str,
    /// The paragraph under the heading.
    lead: &'static str,
) -> impl IntoView {
    view! {
        <PageHeading>
            <Phrased text=title />
        </PageHeading>
        <p class="hcnf-page__lead">{words(lead)}</p>
    }
}

/// Headed runs of paragraphs, each an `h2` section.
#[component]
pub fn Sections(
    /// The sections, each with a heading and paragraphs.
    sections: &'static [SectionText],
) -> impl IntoView {
    sections
        .iter()
        .map(|s| {
            view! {
                <section class="hcnf-section">
                    <h2 class="hcnf-section__heading">
                        <Phrased text=s.heading.as_ref() />
                    </h2>
                    <Paragraphs paragraphs=&s.paragraphs />
                </section>
            }
        })
        .collect_view()
}

/// Paragraphs of body text.
#[component]
pub fn Paragraphs(
    /// The paragraphs, in order.
    paragraphs: &'static [hcnf_content::Text],
) -> impl IntoView {
    paragraphs
        .iter()
        .map(|p| view! { <p>{words(p)}</p> })
        .collect_view()
}
