//! Finding the edition files on disk, for the build script and the native tests.

use std::path::{Path, PathBuf};
use std::{fs, io};

use crate::SourceFile;

/// An edition file read from disk: its locale is its file stem (`ja.json` is `ja`).
#[derive(Clone, Debug)]
pub struct ContentFile {
    pub path: PathBuf,
    pub locale: String,
    pub json: String,
}

impl ContentFile {
    /// Borrows this file for [`crate::check_editions`], labelled `label`.
    pub fn source<'a>(&'a self, label: &'a str) -> SourceFile<'a> {
        SourceFile {
            path: label,
            locale: &self.locale,
            json: &self.json,
        }
    }
}

/// Reads every `*.json` in `dir`, ordered by locale code so builds are reproducible.
pub fn read_content_dir(dir: &Path) -> io::Result<Vec<ContentFile>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let locale = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let json = fs::read_to_string(&path)?;
            files.push(ContentFile { path, locale, json });
        }
    }
    files.sort_by(|a, b| a.locale.cmp(&b.locale));
    Ok(files)
}
