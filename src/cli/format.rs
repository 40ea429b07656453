//! `unres format`: the layout fixes of the formatter, on files.

use std::path::PathBuf;
use std::process::ExitCode;

use super::check::read_text;
use crate::analysis::format::format;
use crate::syntax::Tree;
use crate::text::split_lines;

pub fn run(files: &[PathBuf], check_only: bool) -> ExitCode {
    let mut would_change = 0;
    let mut failed = false;
    for path in files {
        let (text, warning) = match read_text(path) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("unres: {message}");
                failed = true;
                continue;
            }
        };
        if warning.is_some() {
            // Writing back replacement characters would lose the user's bytes.
            eprintln!("unres: {}: not valid UTF-8; not formatted", path.display());
            failed = true;
            continue;
        }
        let tree = Tree::parse(&text);
        let edits = format(&tree);
        if edits.is_empty() {
            continue;
        }
        would_change += 1;
        if check_only {
            say!("{}: {} lines would change", path.display(), edits.len());
            continue;
        }
        // Rebuild the text line by line, keeping every original line ending.
        let mut replacements: Vec<Option<String>> = vec![None; tree.line_count()];
        for edit in edits {
            replacements[edit.span.line] = Some(edit.new_text);
        }
        let mut out = String::with_capacity(text.len());
        for (line, replacement) in split_lines(&text).into_iter().zip(replacements) {
            let end = line.as_ptr() as usize - text.as_ptr() as usize + line.len();
            let rest = &text[end..];
            let ending = if rest.starts_with("\r\n") {
                "\r\n"
            } else if rest.starts_with(['\n', '\r']) {
                &rest[..1]
            } else {
                ""
            };
            out.push_str(replacement.as_deref().unwrap_or(line));
            out.push_str(ending);
        }
        if let Err(error) = std::fs::write(path, out) {
            eprintln!("unres: {}: cannot write: {error}", path.display());
            failed = true;
        }
    }
    if failed {
        ExitCode::from(2)
    } else if check_only && would_change > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
