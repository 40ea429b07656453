//! `unres import`: an official AKN4UN XML file laid out as the plain text of a
//! resolution.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::syntax::akn::import::import;

pub fn run(file: &Path, output: Option<&Path>) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("unres: {}: cannot read: {error}", file.display());
            return ExitCode::from(2);
        }
    };
    let Ok(xml) = String::from_utf8(bytes) else {
        eprintln!("unres: {}: not UTF-8; AKN4UN files are", file.display());
        return ExitCode::from(2);
    };
    let text = match import(&xml) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("unres: {}: {error}", file.display());
            return ExitCode::from(2);
        }
    };
    match output {
        Some(path) => {
            if let Err(error) = std::fs::write(path, text) {
                eprintln!("unres: {}: cannot write: {error}", path.display());
                return ExitCode::from(2);
            }
        }
        None => {
            if let Err(error) = std::io::stdout().lock().write_all(text.as_bytes()) {
                if error.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("unres: cannot write to standard output: {error}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    ExitCode::SUCCESS
}
