//! Writes every page of the site as static HTML into a trunk build:
//! `prerender [DIST]` (default `dist`) reads `DIST/index.html`, trunk's page with the app's
//! files, and writes `DIST/index.html`, `DIST/{lang}/index.html`,
//! `DIST/{lang}/{section}/index.html` and `DIST/404.html`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use hcnf_site::prerender::{pages, render};

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
    let pages = pages().map_err(|e| e.to_string())?;
    for page in &pages {
        let html = render(&template, &page.path).map_err(|e| format!("{}: {e}", page.path))?;
        let file = dist.join(&page.file);
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {} ({e})", dir.display()))?;
        }
        fs::write(&file, html).map_err(|e| format!("cannot write {} ({e})", file.display()))?;
    }
    Ok(pages.len())
}
