//! Reading resolution files of the workspace folders (the server's I/O).
//!
//! Files are `*.unres`, and `*.txt` files that look like resolutions. A file larger
//! than [`MAX_FILE_BYTES`], a binary file or an unreadable one is skipped with a
//! line in the log, never a crash; invalid UTF-8 is read with replacement
//! characters and said in the log.

use std::path::{Path, PathBuf};

use crate::analysis::workspace::looks_like_resolution;
use crate::syntax::Tree;

pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Folders are walked this deep at most, and these names are never entered.
const MAX_DEPTH: usize = 8;
const SKIPPED_DIRS: [&str; 5] = [".git", "target", "node_modules", ".hg", ".svn"];
/// A scan stops listing files after this many.
const MAX_FILES: usize = 20_000;

/// What reading one file gave.
pub enum FileRead {
    Resolution(Tree),
    /// Not a resolution (a `.txt` that does not look like one).
    Skipped,
    /// Could not be used; the message says why.
    Problem(String),
}

pub fn is_candidate(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("unres") | Some("txt")
    )
}

/// The candidate files under `roots`, in a stable order.
pub fn list_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<(PathBuf, usize)> = roots.iter().map(|r| (r.clone(), 0)).collect();
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let name = entry.file_name();
                let hidden = name.to_string_lossy().starts_with('.');
                if depth < MAX_DEPTH && !hidden && !SKIPPED_DIRS.iter().any(|s| name == *s) {
                    stack.push((path, depth + 1));
                }
            } else if kind.is_file() && is_candidate(&path) {
                out.push(path);
                if out.len() >= MAX_FILES {
                    return out;
                }
            }
        }
    }
    out
}

/// Read and parse one file.
pub fn read(path: &Path) -> FileRead {
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(error) => return FileRead::Problem(format!("cannot read {}: {error}", path.display())),
    };
    if size > MAX_FILE_BYTES {
        return FileRead::Problem(format!(
            "skipped {}: {size} bytes is more than the {MAX_FILE_BYTES}-byte limit",
            path.display()
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return FileRead::Problem(format!("cannot read {}: {error}", path.display())),
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return FileRead::Problem(format!("skipped {}: binary file", path.display()));
    }
    let text = String::from_utf8_lossy(&bytes);
    let is_unres = path.extension().is_some_and(|e| e == "unres");
    if !is_unres && !looks_like_resolution(&text) {
        return FileRead::Skipped;
    }
    FileRead::Resolution(Tree::parse(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_reads_and_skips() {
        let dir = std::env::temp_dir().join(format!("unres-ws-{}", std::process::id()));
        let nested = dir.join("drafts");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::create_dir_all(dir.join("target")).unwrap();
        std::fs::write(
            nested.join("a.unres"),
            "\tThe General Assembly,\n\t1.\tDecides.",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), "shopping list").unwrap();
        std::fs::write(dir.join("binary.unres"), b"\x00\x01\x02").unwrap();
        std::fs::write(dir.join("target").join("x.unres"), "ignored").unwrap();
        let files = list_files(std::slice::from_ref(&dir));
        assert_eq!(files.len(), 3, "{files:?}");
        let outcomes: Vec<&str> = files
            .iter()
            .map(|f| match read(f) {
                FileRead::Resolution(_) => "resolution",
                FileRead::Skipped => "skipped",
                FileRead::Problem(_) => "problem",
            })
            .collect();
        assert_eq!(outcomes, ["problem", "skipped", "resolution"]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
