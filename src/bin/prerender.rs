//! Writes every page of the site as static HTML into a trunk build:
//! `prerender [DIST]` (default `dist`) reads `DIST/index.html`, trunk's page with the app's
//! files, and writes `DIST/index.html`, `DIST/{lang}/index.html`,
//! `DIST/{lang}/{section}/index.html` and `DIST/404.html`; and for host pages that embed
//! the app, each section's markup alone under `DIST/fragments/`, rendered for the base
//! `HCNF_EMBED_BASE` (default `/hcnf`, as in docs/embedding.md). `HCNF_SITE_ORIGIN`
//! (`https://www.example.jp`), where the site is published, makes the pages' alternate
//! links absolute, as search engines want them; without it they are relative. Scripts the
//! pages would run inline (trunk's loader, the hydration data) are written to files of
//! their own, `hcnf-start-<hash>.js` and `hcnf-data-<hash>.js`, so a strict
//! Content-Security-Policy needs no exception for them. The stylesheet, inline and in
//! `hcnf.css`, loses its comments and indentation; the pages with the form carry the
//! form's rules in a second `<style>`. The template itself, so compacted and with the
//! form's rules, is kept as `DIST/hcnf-answer-template.html` for the endpoint's answer
//! pages; and `DIST/{lang}/inquiry/unreachable.html` is the answer the site's server
//! gives when the endpoint does not.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use hcnf_site::host::normalize_base;
use hcnf_site::i18n::Locale;
use hcnf_site::inquiry::answered::{Answered, Unanswered};
use hcnf_site::prerender::{
    answer_page, compact, compact_inline_style, externalize_scripts, fragment_document,
    fragment_file, host_loader, host_script, nav_script, pages, render, render_fragment, site_page,
    unreachable_file, with_form_style, without_comments, AnswerTemplate, ANSWER_TEMPLATE_FILE,
};

/// The base path the embedding fragments are rendered for when none is given.
const EMBED_BASE: &str = "/hcnf";

fn main() -> ExitCode {
    let dist = env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    match run(&dist) {
        Ok(count) => {
            println!("prerendered {count} pages into {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path) -> Result<usize, String> {
    let template_path = dist.join("index.html");
    let template = fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "cannot read {} ({e}); run trunk build first",
            template_path.display()
        )
    })?;
    // The stylesheet without its comments, inline in every page and as host pages' hcnf.css;
    // the page without index.html's own comments.
    let template = without_comments(&compact_inline_style(&template));
    // The endpoint renders its answer pages, which hold the form, into the same template
    // with the form's rules (`--site`).
    let answer_template = with_form_style(&template);
    write(&dist.join(ANSWER_TEMPLATE_FILE), &answer_template)?;
    let host_css = dist.join("hcnf.css");
    if let Ok(css) = fs::read_to_string(&host_css) {
        write(&host_css, &compact(&css))?;
    }
    // Checked as a host's data-hcnf-base is: it goes into every fragment and into hcnf.js.
    let raw = env::var("HCNF_EMBED_BASE").unwrap_or_else(|_| EMBED_BASE.to_owned());
    let base = normalize_base(&raw).ok_or_else(|| {
        format!(
            "HCNF_EMBED_BASE={raw:?} is not a path such as /hcnf (ASCII letters, digits and \
             -._~!$&()*+,;=@ only)"
        )
    })?;
    let base = base.as_str();
    let origin = env::var("HCNF_SITE_ORIGIN").unwrap_or_default();
    let pages = pages().map_err(|e| e.to_string())?;
    let nav = nav_script();
    write(&dist.join(&nav.name), &nav.body)?;
    let mut scripts = vec![nav.name.clone()];
    for page in &pages {
        let html =
            render(&template, &page.path, &origin).map_err(|e| format!("{}: {e}", page.path))?;
        // No script inline: the Content-Security-Policy allows the site's own files only.
        let (html, files) = externalize_scripts(&site_page(&html, &nav), "");
        write(&dist.join(&page.file), &html)?;
        for file in files {
            if !scripts.contains(&file.name) {
                write(&dist.join(&file.name), &file.body)?;
                scripts.push(file.name);
            }
        }
        if let Some(fragment) = fragment_file(page) {
            let markup = render_fragment(base, &page.path);
            write(
                &dist.join(fragment),
                &fragment_document(&html, &markup, base),
            )?;
        }
    }
    // What the site's server answers, in the reader's language, when the endpoint behind the
    // plain form does not (deploy/nginx/hcnf-site.conf): the form, saying that the answers
    // did not arrive and that Back has them.
    let answers = AnswerTemplate::new(answer_template).map_err(|e| e.to_string())?;
    for locale in Locale::all() {
        let unanswered = Answered::unanswered(Unanswered::NotRead, 0);
        let html = answer_page(&answers, "", locale, unanswered);
        write(&dist.join(unreachable_file(locale)), &html)?;
    }
    // The loader a host page links, beside the files it names.
    let host = host_script(&nav);
    write(&dist.join(&host.name), &host.body)?;
    let loader = host_loader(&template, &host, base)
        .ok_or("index.html names no hcnf-site-….js and …_bg.wasm to preload; is it trunk's?")?;
    write(&dist.join("hcnf.js"), &loader)?;
    Ok(pages.len())
}

fn write(file: &Path, html: &str) -> Result<(), String> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {} ({e})", dir.display()))?;
    }
    fs::write(file, html).map_err(|e| format!("cannot write {} ({e})", file.display()))
}
