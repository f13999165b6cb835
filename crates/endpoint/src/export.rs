//! Stored inquiries written out for the office: CSV for a spreadsheet, JSON for a program.
//!
//! A CSV cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a
//! carriage return first) gets a leading `'`: the text came from anyone on the internet,
//! and opening the file must not run it. JSON is read by programs, so it is left exact.

use std::io::{self, Write};

use crate::Record;

/// How to write the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// The format named `csv` or `json`.
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// The CSV header, in the order [`csv_row`] writes the cells.
const COLUMNS: [&str; 11] = [
    "reference",
    "received_at",
    "locale",
    "name",
    "email",
    "phone",
    "category",
    "subject",
    "message",
    "suspected_spam",
    "elapsed_ms",
];

/// Writes `records` to `out` in `format`.
pub fn export(records: &[Record], format: Format, out: impl Write) -> io::Result<()> {
    match format {
        Format::Csv => write_csv(records, out),
        Format::Json => {
            let mut out = out;
            serde_json::to_writer_pretty(&mut out, records)?;
            writeln!(out)
        }
    }
}

fn write_csv(records: &[Record], out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for r in records {
        w.write_record(csv_row(r))?;
    }
    w.flush()
}

fn csv_row(r: &Record) -> [String; 11] {
    [
        cell(&r.reference),
        cell(&r.received_at),
        cell(&r.locale),
        cell(&r.name),
        cell(&r.email),
        cell(r.phone.as_deref().unwrap_or_default()),
        cell(&r.category),
        cell(&r.subject),
        cell(&r.message),
        r.suspected_spam.to_string(),
        r.elapsed_ms.to_string(),
    ]
}

/// `text` as a spreadsheet shows it rather than evaluates it.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_openings_are_quoted_and_others_left_alone() {
        for danger in ["=1+1", "+81-45", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(danger), format!("'{danger}"));
        }
        for safe in ["山田", "a=b", "HCNF-000001", "", "'already"] {
            assert_eq!(cell(safe), safe);
        }
    }
}
