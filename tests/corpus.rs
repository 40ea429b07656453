//! The corpus gate: every real adopted resolution in `data/corpus` is analyzed, and
//! every diagnostic that remains is listed in a reviewed snapshot together with its
//! justification from `tests/corpus/justified.tsv` (`defect` = a real defect of the
//! adopted text; `open` = a known false positive of the parser, to be fixed).
//! A new error or warning on an adopted text fails the test until it is justified.

use std::collections::BTreeMap;
use std::path::Path;

use unres::analysis::{Config, Severity, analyze};
use unres::syntax::Tree;

fn justifications() -> BTreeMap<(String, usize, String), (String, String)> {
    // The rulebook rules keep their verdicts apart until they are folded in.
    let text = [
        "tests/corpus/justified.tsv",
        "tests/corpus/justified_citations.tsv",
        "tests/corpus/justified_style.tsv",
        "tests/corpus/justified_footnotes.tsv",
        "tests/corpus/justified_rulebook.tsv",
        "tests/corpus/justified_verbs.tsv",
    ]
    .map(|path| std::fs::read_to_string(path).expect("justifications"))
    .join("\n");
    text.lines()
        .filter(|l| !l.starts_with("file\t"))
        .filter(|l| {
            let file = l.split('\t').next().unwrap_or_default();
            Path::new("data/corpus").join(file).exists()
        })
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "bad justification line: {line}");
            (
                (
                    cells[0].to_owned(),
                    cells[1].parse().expect("line number"),
                    cells[2].to_owned(),
                ),
                (cells[3].to_owned(), cells[4].to_owned()),
            )
        })
        .collect()
}

#[test]
fn adopted_resolutions_stay_nearly_silent() {
    let mut files: Vec<_> = std::fs::read_dir("data/corpus")
        .expect("data/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 300, "the corpus has 300 resolutions");
    let justified = justifications();
    let mut used = Vec::new();
    let mut unjustified = Vec::new();
    let mut report = String::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("utf-8 corpus file");
        let tree = Tree::parse(&text);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        for diagnostic in analyze(&tree, &Config::default()) {
            *counts.entry(diagnostic.code).or_default() += 1;
            let line = diagnostic.span.line + 1;
            let key = (name.clone(), line, diagnostic.code.to_owned());
            let verdict = match justified.get(&key) {
                Some((verdict, reason)) => {
                    used.push(key.clone());
                    format!("{verdict}: {reason}")
                }
                None if diagnostic.severity <= Severity::Warning => {
                    unjustified.push(format!(
                        "{name}\t{line}\t{}\t{}",
                        diagnostic.code, diagnostic.message
                    ));
                    "UNJUSTIFIED".to_owned()
                }
                None => "hint/information, not reviewed".to_owned(),
            };
            report.push_str(&format!(
                "{name}:{line} {} {}: {}\n    -> {verdict}\n",
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message
            ));
        }
    }
    let summary: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
    report.insert_str(
        0,
        &format!("{} files; by rule: {}\n\n", files.len(), summary.join(", ")),
    );
    insta::assert_snapshot!("corpus_diagnostics", report);
    assert!(
        unjustified.is_empty(),
        "errors or warnings on adopted texts without a justification in tests/corpus/justified.tsv:\n{}",
        unjustified.join("\n")
    );
    let stale: Vec<_> = justified.keys().filter(|k| !used.contains(k)).collect();
    assert!(
        stale.is_empty(),
        "justifications that no longer match a diagnostic: {stale:?}"
    );
}

#[test]
fn the_seed_has_no_warning_or_error() {
    let text = std::fs::read_to_string(Path::new("data/examples/A_RES_68_230.txt")).expect("seed");
    let tree = Tree::parse(&text);
    let serious: Vec<_> = analyze(&tree, &Config::default())
        .into_iter()
        .filter(|d| d.severity <= Severity::Warning)
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
}
