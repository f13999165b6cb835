//! Writes the edition files' JSON Schema (`content/schema/edition.schema.json`) from the
//! content model: `cargo run -p hcnf-content --bin content-schema`, from the repository.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/schema/edition.schema.json");
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&path, hcnf_content::schema::edition_schema()));
    match written {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
