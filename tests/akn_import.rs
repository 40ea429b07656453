//! The AKN4UN import gate. Every text of `../shared/data/corpus` and
//! `../shared/data/extended` was rendered from the official XML beside it
//! (`akn/NAME.xml`); importing that XML must give the text back byte for byte. A text
//! that cannot come back must be listed in `tests/corpus/import_differences.tsv`
//! (file, first differing line, reason); a listed text that now comes back is an
//! error too, so the list stays true.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use unres::syntax::akn::import::import;

const SETS: [&str; 2] = ["corpus", "extended"];

/// Written to stderr directly, so that it shows even when the test passes.
fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// The sets, or `None` (after a note) when `../shared/data` is absent; under
/// `CI=true` their absence fails.
fn shared_sets() -> Option<Vec<PathBuf>> {
    let root = Path::new("../shared/data");
    let sets: Vec<PathBuf> = SETS.iter().map(|set| root.join(set)).collect();
    if sets.iter().all(|set| set.join("akn").is_dir()) {
        return Some(sets);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/data/{{corpus,extended}}/akn is missing: the AKN import gate cannot run"
    );
    note("note: ../shared/data/{corpus,extended}/akn not found; the AKN import gate is skipped");
    None
}

/// `tests/corpus/import_differences.tsv`: (file, line) → reason.
fn listed_differences() -> BTreeMap<(String, usize), String> {
    let text = std::fs::read_to_string("tests/corpus/import_differences.tsv")
        .expect("tests/corpus/import_differences.tsv");
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 3, "bad line in import_differences.tsv: {line}");
            let number = cells[1].parse().expect("a line number");
            ((cells[0].to_owned(), number), cells[2].to_owned())
        })
        .collect()
}

/// The first line (1-based) where two texts differ, with both versions of it.
fn first_difference<'a>(expected: &'a str, got: &'a str) -> (usize, &'a str, &'a str) {
    let mut expected_lines = expected.split('\n');
    let mut got_lines = got.split('\n');
    let mut number = 1;
    loop {
        match (expected_lines.next(), got_lines.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (a, b) => return (number, a.unwrap_or("<end>"), b.unwrap_or("<end>")),
        }
    }
}

#[test]
fn importing_the_official_xml_gives_back_every_text() {
    let Some(sets) = shared_sets() else {
        return;
    };
    let listed = listed_differences();
    let mut total = 0;
    let mut equal = 0;
    let mut xml_bytes = 0;
    let mut spent = Duration::ZERO;
    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut unexplained = Vec::new();
    for set in &sets {
        let set_name = set.file_name().and_then(|n| n.to_str()).expect("set name");
        let mut files: Vec<PathBuf> = std::fs::read_dir(set.join("akn"))
            .expect("akn folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "xml"))
            .collect();
        files.sort();
        for xml_path in files {
            total += 1;
            let stem = xml_path.file_stem().and_then(|s| s.to_str()).expect("name");
            let file = format!("{set_name}/{stem}.txt");
            let xml = std::fs::read_to_string(&xml_path).expect("UTF-8 XML");
            let Ok(expected) = std::fs::read_to_string(set.join(format!("{stem}.txt"))) else {
                unexplained.push(format!("{file}: no text beside the XML"));
                continue;
            };
            xml_bytes += xml.len();
            let started = Instant::now();
            let imported = import(&xml);
            spent += started.elapsed();
            let got = match imported {
                Ok(text) => text,
                Err(error) => {
                    unexplained.push(format!("{file}: not imported: {error}"));
                    continue;
                }
            };
            if got == expected {
                equal += 1;
                continue;
            }
            let (line, wanted, produced) = first_difference(&expected, &got);
            let key = (file.clone(), line);
            match listed.get(&key) {
                Some(reason) => {
                    *by_reason.entry(reason.as_str()).or_default() += 1;
                    seen.insert(key);
                }
                None => unexplained.push(format!(
                    "{file}:{line}: the text has {wanted:?}, the import {produced:?}"
                )),
            }
        }
    }
    note(&format!(
        "AKN import: {equal}/{total} texts exactly equal; {} MB of XML imported in {:.0} ms ({} build)",
        xml_bytes / 1_000_000,
        spent.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    ));
    for (reason, count) in &by_reason {
        note(&format!("  {count} differ (listed): {reason}"));
    }
    let stale: Vec<String> = listed
        .keys()
        .filter(|key| !seen.contains(*key))
        .map(|(file, line)| format!("{file}:{line}"))
        .collect();
    assert!(total > 0, "no XML found under ../shared/data");
    assert!(
        unexplained.is_empty(),
        "{} texts do not come back from their XML and are not listed in \
         tests/corpus/import_differences.tsv:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    assert!(
        stale.is_empty(),
        "listed in tests/corpus/import_differences.tsv but no longer differing there:\n{}",
        stale.join("\n")
    );
}

/// One whole official file (shipped in `tests/fixtures/akn`), imported: it must be the
/// text of the corpus, and the snapshot shows the layout at a glance.
#[test]
fn snapshot_of_one_full_import() {
    let xml = std::fs::read_to_string("tests/fixtures/akn/A_RES_74_259.xml").expect("fixture");
    let text = import(&xml).expect("imports");
    let corpus = std::fs::read_to_string("data/corpus/A_RES_74_259.txt").expect("corpus text");
    assert_eq!(text, corpus);
    insta::assert_snapshot!("import_A_RES_74_259", text);
}

fn unres(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .output()
        .expect("run unres");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_import_command_writes_the_text_to_stdout_or_a_file() {
    let corpus = std::fs::read_to_string("data/corpus/A_RES_74_259.txt").expect("corpus text");
    let (code, stdout, stderr) = unres(&["import", "tests/fixtures/akn/A_RES_74_259.xml"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, corpus);

    let out = std::env::temp_dir().join(format!("unres-import-{}.txt", std::process::id()));
    let out_arg = out.to_str().expect("UTF-8 temp path");
    let (code, stdout, stderr) = unres(&[
        "import",
        "tests/fixtures/akn/A_RES_74_259.xml",
        "-o",
        out_arg,
    ]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).expect("written"), corpus);
    let _ = std::fs::remove_file(&out);
}

#[test]
fn the_import_command_says_what_is_wrong() {
    let (code, stdout, stderr) = unres(&["import", "tests/fixtures/akn/PROVENANCE.md"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("unres: tests/fixtures/akn/PROVENANCE.md: not well-formed XML: "),
        "{stderr}"
    );
    let (code, _, stderr) = unres(&["import", "tests/fixtures/akn/missing.xml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}
