//! `unres compare OLD NEW`: the paragraphs of two versions aligned by content.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::check::read_text;
use crate::analysis::compare::{self, render};
use crate::syntax::Tree;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Every paragraph under its labels, additions **bold**, deletions ~~struck~~.
    Text,
    /// The stable shape documented in docs/COMPARE.md.
    Json,
    /// A standalone page with the two versions side by side.
    Html,
}

fn parse(path: &Path) -> Result<Tree, String> {
    let (text, warning) = read_text(path)?;
    if let Some(warning) = warning {
        eprintln!("unres: {warning}");
    }
    Ok(Tree::parse(&text))
}

/// Exit status as `diff`'s: 0 when no paragraph differs, 1 when some do, 2 on
/// trouble.
pub fn run(old: &Path, new: &Path, format: CompareFormat, output: Option<&PathBuf>) -> ExitCode {
    let trees = parse(old).and_then(|old| Ok((old, parse(new)?)));
    let (old_tree, new_tree) = match trees {
        Ok(trees) => trees,
        Err(message) => {
            eprintln!("unres: {message}");
            return ExitCode::from(2);
        }
    };
    let comparison = compare::compare(&old_tree, &new_tree);
    let (old_name, new_name) = (old.display().to_string(), new.display().to_string());
    let rendered = match format {
        CompareFormat::Text => render::text(&comparison, &old_name, &new_name),
        CompareFormat::Html => render::html(&comparison, &old_name, &new_name),
        CompareFormat::Json => {
            let document = compare::JsonDocument::new(&comparison, &old_name, &new_name);
            let mut json = serde_json::to_string_pretty(&document).expect("serializable");
            json.push('\n');
            json
        }
    };
    match output {
        Some(path) => {
            if let Err(error) = std::fs::write(path, rendered) {
                eprintln!("unres: --output {}: cannot write: {error}", path.display());
                return ExitCode::from(2);
            }
        }
        None => say!("{}", rendered.trim_end_matches('\n')),
    }
    if comparison.summary.differing() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
