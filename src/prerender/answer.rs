//! The endpoint's answer pages: a language's inquiry page rendered natively by the same
//! components, with the form at the step a plain post of it reached ([`Answered`]). No app
//! runs on them, so they carry the navigation script alone, and no wasm.

use hcnf_content::PageId;
use leptos::prelude::provide_context;

use super::{nav_script, page_scripts, render_with, PrerenderError};
use crate::i18n::Locale;
use crate::inquiry::answered::Answered;
use crate::routes::href_under;

/// The file, beside the pages in `dist/`, that holds the template the endpoint renders its
/// answer pages into: trunk's page as the build compacted it for every other page.
pub const ANSWER_TEMPLATE_FILE: &str = "hcnf-answer-template.html";

/// A checked page template for [`answer_page`].
#[derive(Clone, Debug)]
pub struct AnswerTemplate(String);

impl AnswerTemplate {
    /// `template` if a page can be rendered into it (an empty mount element and a head).
    pub fn new(template: String) -> Result<AnswerTemplate, PrerenderError> {
        render_with(&template, "/", "", || {})?;
        Ok(AnswerTemplate(template))
    }

    /// The text of each `<style>` the pages carry inline, as a policy hashes it.
    pub fn inline_styles(&self) -> Vec<&str> {
        self.0
            .split("<style")
            .skip(1)
            .filter_map(|rest| Some(rest.split_once('>')?.1.split_once("</style>")?.0))
            .collect()
    }
}

/// The inquiry page in `locale` with the form as `answered` holds it. Its alternate links
/// are relative, as the endpoint does not know where the site is published.
pub fn answer_page(template: &AnswerTemplate, locale: Locale, answered: Answered) -> String {
    let path = href_under("", locale, PageId::Inquiry);
    // The template was checked when it was made: the same checks cannot fail here.
    let html =
        render_with(&template.0, &path, "", move || provide_context(answered)).unwrap_or_default();
    page_scripts(&html, &nav_script(), false)
}
