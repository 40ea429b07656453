//! `unres export`: the parsed structure of a file, as AKN4UN XML or as an
//! outline a person reads.

use std::path::Path;
use std::process::ExitCode;

use super::check::read_text;
use crate::syntax::akn::export;
use crate::syntax::{Role, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// AKN4UN (Akoma Ntoso) XML with the element names of the UN's files.
    Akn,
    /// One line per line of the text with the role the parser gave it.
    Outline,
}

pub fn run(path: &Path, format: ExportFormat) -> ExitCode {
    let (text, warning) = match read_text(path) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("unres: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(warning) = warning {
        eprintln!("unres: {warning}");
    }
    let tree = Tree::parse(&text);
    match format {
        ExportFormat::Akn => say!("{}", export(&tree).trim_end()),
        ExportFormat::Outline => {
            let footnotes = tree.footnotes();
            for (index, line, role) in tree.iter() {
                if role == Role::Blank {
                    continue;
                }
                let text: String = line.text.trim().chars().take(70).collect();
                let markers: Vec<String> = footnotes
                    .refs
                    .iter()
                    .filter(|r| r.span.line == index)
                    .map(|r| format!("{}@{}", r.number, r.span.start))
                    .collect();
                let markers = if markers.is_empty() {
                    String::new()
                } else {
                    format!("  [footnotes {}]", markers.join(" "))
                };
                say!(
                    "{:>5}  {:<40} {text}{markers}",
                    index + 1,
                    format!("{role:?}")
                );
            }
        }
    }
    ExitCode::SUCCESS
}
