//! `unres clean`: an agreed rolling text turned into a final one
//! (`analysis::clean`, docs/NEGOTIATION.md).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::read_text;
use crate::analysis::clean::clean;

/// Write the clean text to standard output, `output`, or back to the file
/// (`in_place`). Exit 1, writing nothing, while brackets or alternatives
/// remain (each listed as `file:line:column: …`); 2 when the file cannot be
/// read or written.
pub fn run(file: &Path, output: Option<&PathBuf>, in_place: bool) -> ExitCode {
    let (text, warning) = match read_text(file) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("unres: {message}");
            return ExitCode::from(2);
        }
    };
    if warning.is_some() && (in_place || output.is_some()) {
        eprintln!("unres: {}: not valid UTF-8; not cleaned", file.display());
        return ExitCode::from(2);
    }
    let cleaned = match clean(&text) {
        Ok(cleaned) => cleaned,
        Err(remains) => {
            let lines: Vec<&str> = crate::text::split_lines(&text);
            for remain in &remains {
                let line = lines.get(remain.span.line).copied().unwrap_or_default();
                let column = line
                    .get(..remain.span.start.min(line.len()))
                    .map_or(0, |before| before.chars().count())
                    + 1;
                eprintln!(
                    "{}:{}:{}: {} remains: agree it before cleaning",
                    file.display(),
                    remain.span.line + 1,
                    column,
                    remain.what
                );
            }
            eprintln!(
                "unres: {}: not cleaned, {} place(s) still under negotiation",
                file.display(),
                remains.len()
            );
            return ExitCode::from(1);
        }
    };
    let target = if in_place {
        Some(file)
    } else {
        output.map(PathBuf::as_path)
    };
    match target {
        Some(path) => {
            if let Err(error) = std::fs::write(path, cleaned) {
                eprintln!("unres: {}: cannot write: {error}", path.display());
                return ExitCode::from(2);
            }
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(cleaned.as_bytes()).is_err() {
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
