//! What several integration tests share: where the corpora are.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The 3,279 adopted resolutions of `../shared/data/extended` (with their
/// official XML in `akn/`), when that folder is beside the project. Absent, the
/// caller's test prints a note and passes; under `CI=true` it fails, since CI is
/// meant to run the full gates.
pub fn extended_corpus(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extended");
    if dir.join("MANIFEST.tsv").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{test}: ../shared/data/extended is missing, and CI=true requires it"
    );
    println!("note: {test} skipped the extended corpus: ../shared/data/extended is not here");
    eprintln!("note: {test} skipped the extended corpus: ../shared/data/extended is not here");
    None
}

/// The project's own corpus of 300 adopted resolutions.
pub fn project_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

/// The `.txt` files of a corpus folder, sorted by name.
pub fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The official XML beside a corpus text (`akn/NAME.xml`).
pub fn official_xml(text: &Path) -> PathBuf {
    let name = text.file_stem().expect("file name");
    text.parent()
        .expect("folder")
        .join("akn")
        .join(name)
        .with_extension("xml")
}
