//! The endpoint's answer pages: a language's inquiry page rendered natively by the same
//! components, with the form at the step a plain post of it reached ([`Answered`]). No app
//! runs on them, so they carry the navigation script alone, no wasm, and no hydration
//! marker.

use hcnf_content::PageId;
use leptos::prelude::provide_context;

use std::borrow::Cow;

use super::loaders::page_scripts;
use super::markers::{without_markers, Form};
use super::scripts::edit_elements;
use super::{nav_script, render_with, PrerenderError};
use crate::host::HostOptions;
use crate::i18n::Locale;
use crate::inquiry::answered::Answered;
use crate::routes::href_under;

/// The file, beside the pages in `dist/`, that holds the template the endpoint renders its
/// answer pages into: trunk's page as the build compacted it for every other page.
pub const ANSWER_TEMPLATE_FILE: &str = "hcnf-answer-template.html";

/// Where, under `dist/`, the build writes the page the site's server shows in `locale` when
/// the endpoint behind the plain form does not answer: `ja/inquiry/unreachable.html`.
pub fn unreachable_file(locale: Locale) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}/inquiry/unreachable.html", locale.code()))
}

/// A checked page template for [`answer_page`].
#[derive(Clone, Debug)]
pub struct AnswerTemplate(String);

impl AnswerTemplate {
    /// `template` if a page can be rendered into it (an empty mount element and a head).
    pub fn new(template: String) -> Result<AnswerTemplate, PrerenderError> {
        render_with(&template, HostOptions::default(), "/", "", || {})?;
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

/// The inquiry page in `locale` with the form as `answered` holds it, for the site under
/// `base`: `""` at the site's root, or a host's base path (`/hcnf`, checked as
/// [`crate::host::normalize_base`] checks one) when the host's server passes the posts of an
/// embedded form on. Its links and its form are under that base; its alternate links are
/// relative, as the endpoint does not know where the site is published.
pub fn answer_page(
    template: &AnswerTemplate,
    base: &str,
    locale: Locale,
    answered: Answered,
) -> String {
    let options = HostOptions {
        base: base.to_owned(),
        ..HostOptions::default()
    };
    let path = href_under(base, locale, PageId::Inquiry);
    // The template was checked when it was made: the same checks cannot fail here.
    let html = render_with(&template.0, options, &path, "", move || {
        provide_context(answered)
    })
    .unwrap_or_default();
    let html = without_markers(&html, Form::Static);
    if base.is_empty() {
        page_scripts(&html, &nav_script(), false)
    } else {
        on_host(&html)
    }
}

/// An answer page at a host's address, where the site's files are not at the root: it names
/// none. Its links load the host's pages as any link does, and the browser shows the host's
/// own icon.
fn on_host(html: &str) -> String {
    let html = edit_elements(html, "<script", "</script>", |_| Cow::Borrowed(""));
    edit_elements(&html, "<link", ">", |tag| {
        Cow::Borrowed(if tag.contains("rel=\"icon\"") {
            ""
        } else {
            tag
        })
    })
}
