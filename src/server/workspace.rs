//! Reading resolution files of the workspace folders (the server's I/O).
//!
//! Files are `*.unres`, `*.txt` files that look like resolutions, and official
//! AKN4UN `*.xml` files, read through the import as the plain text they render
//! to (read-only: for hover and the workspace index). Only
//! regular files are read: a FIFO, a device (`/dev/zero`) or a socket is refused
//! before a byte is read (the type is checked on the opened file, opened without
//! blocking, so a FIFO cannot stall the open either). Reads are bounded in size
//! and, through [`read_text_file`] and the indexing, in time. A binary or
//! unreadable file is skipped with a line in the log, never a crash; invalid
//! UTF-8 is read with replacement characters.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::analysis::workspace::looks_like_resolution;
use crate::syntax::Tree;
use crate::syntax::akn::import::import;

pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Catalog files (`unres.catalogs`) may be larger than resolutions.
pub const MAX_CATALOG_BYTES: u64 = 64 * 1024 * 1024;
/// One file read, or one walk of the workspace folders, may take this long.
pub const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// Folders are walked this deep at most, and these names are never entered.
const MAX_DEPTH: usize = 8;
const SKIPPED_DIRS: [&str; 5] = [".git", "target", "node_modules", ".hg", ".svn"];
/// A scan stops listing files after this many.
const MAX_FILES: usize = 20_000;

/// What reading one file gave.
pub enum FileRead {
    Resolution(Box<Tree>),
    /// Not a resolution (a `.txt` that does not look like one).
    Skipped,
    /// Could not be used; the message says why.
    Problem(String),
}

pub fn is_candidate(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("unres") | Some("txt") | Some("xml")
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

/// The bytes of a regular file of at most `limit` bytes.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let mut file = open_without_blocking(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !meta.file_type().is_file() {
        return Err(format!("skipped {shown}: not a regular file"));
    }
    if meta.len() > limit {
        return Err(format!(
            "skipped {shown}: {} bytes is more than the {limit}-byte limit",
            meta.len()
        ));
    }
    // The file may grow after the check: never read past the limit.
    let mut bytes = Vec::new();
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("skipped {shown}: more than the {limit}-byte limit"));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::File::open(path)
}

/// Read and parse one file.
pub fn read(path: &Path) -> FileRead {
    let bytes = match read_regular_file(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(problem) => return FileRead::Problem(problem),
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return FileRead::Problem(format!("skipped {}: binary file", path.display()));
    }
    let text = String::from_utf8_lossy(&bytes);
    if path.extension().is_some_and(|e| e == "xml") {
        return read_akn(path, &text);
    }
    let is_unres = path.extension().is_some_and(|e| e == "unres");
    if !is_unres && !looks_like_resolution(&text) {
        return FileRead::Skipped;
    }
    FileRead::Resolution(Box::new(Tree::parse(&text)))
}

/// Read and parse one file the user named (to compare with): any text file,
/// a resolution or not; an AKN4UN file through the import.
pub fn read_any(path: &Path) -> Result<Tree, String> {
    let bytes = read_regular_file(path, MAX_FILE_BYTES)?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(format!("cannot compare {}: binary file", path.display()));
    }
    let text = String::from_utf8_lossy(&bytes);
    if path.extension().is_some_and(|e| e == "xml") && text.contains("akomaNtoso") {
        return match read_akn(path, &text) {
            FileRead::Resolution(tree) => Ok(*tree),
            FileRead::Problem(problem) => Err(problem),
            FileRead::Skipped => Err(format!("cannot read {}", path.display())),
        };
    }
    Ok(Tree::parse(&text))
}

/// An XML file is a resolution when it is Akoma Ntoso; the import gives its
/// text, or says why it cannot.
fn read_akn(path: &Path, xml: &str) -> FileRead {
    if !xml.contains("akomaNtoso") {
        return FileRead::Skipped;
    }
    match import(xml) {
        Ok(text) => FileRead::Resolution(Box::new(Tree::parse(&text))),
        Err(error) => FileRead::Problem(format!(
            "skipped {}: not readable as AKN4UN: {error}",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_akn_files_are_read_through_the_import() {
        let dir = std::env::temp_dir().join(format!("unres-ws-akn-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let official = dir.join("A_RES_74_259.xml");
        std::fs::copy("data/corpus/akn/A_RES_74_259.xml", &official).unwrap();
        let broken = dir.join("broken.xml");
        std::fs::write(&broken, "<akomaNtoso><unclosed").unwrap();
        let other = dir.join("pom.xml");
        std::fs::write(&other, "<project/>").unwrap();
        let FileRead::Resolution(tree) = read(&official) else {
            panic!("the official file is not read as a resolution");
        };
        let summary = crate::analysis::workspace::summarize(&tree).expect("a summary");
        assert_eq!(summary.symbol, "A/RES/74/259");
        assert!(matches!(read(&broken), FileRead::Problem(p) if p.contains("AKN4UN")));
        assert!(matches!(read(&other), FileRead::Skipped));
        std::fs::remove_dir_all(&dir).ok();
    }

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

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        for special in ["/dev/zero", "/dev/null", "/"] {
            let problem = read_regular_file(Path::new(special), 10).unwrap_err();
            assert!(
                problem.contains("not a regular file"),
                "{special}: {problem}"
            );
        }
        let dir = std::env::temp_dir().join(format!("unres-fifo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("x.unres");
        let path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
        assert!(matches!(read(&fifo), FileRead::Problem(p) if p.contains("not a regular file")));
        let big = dir.join("big.unres");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        assert!(read_regular_file(&big, 99).is_err());
        assert_eq!(read_regular_file(&big, 100).unwrap().len(), 100);
        std::fs::remove_dir_all(&dir).ok();
    }
}
