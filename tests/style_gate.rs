//! The style gate: the STY rules over every adopted text we have — the 300 of
//! `data/corpus` always, and the 3,279 of `../shared/data/extended` when the
//! shared folder is beside the crate (a note is printed and they are skipped
//! when it is not; under `CI=true` that is a failure). Every STY error or warning
//! must be listed with its verdict in `tests/corpus/justified_style.tsv`
//! (`defect` = a real defect of the adopted text; anything else is a false
//! alarm), and false alarms stay at most 1 per 100 texts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use unres::analysis::{Config, Severity, analyze};
use unres::syntax::Tree;

const JUSTIFIED: &str = "tests/corpus/justified_style.tsv";
const EXTENDED: &str = "../shared/data/extended";

type Key = (String, usize, String);

fn justifications() -> BTreeMap<Key, (String, String)> {
    let text = std::fs::read_to_string(JUSTIFIED).expect("justifications");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "bad justification line: {line}");
            let key = (
                cells[0].to_owned(),
                cells[1].parse().expect("line number"),
                cells[2].to_owned(),
            );
            (key, (cells[3].to_owned(), cells[4].to_owned()))
        })
        .collect()
}

fn texts(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("a folder of texts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Every STY error or warning of the files: (file, 1-based line, code, message
/// with the flagged text).
fn serious_findings(files: &[PathBuf]) -> Vec<(String, usize, String, String)> {
    let chunk = files.len().div_ceil(2).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for path in part {
                        let text = std::fs::read_to_string(path).expect("utf-8 text");
                        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
                        let tree = Tree::parse(&text);
                        for d in analyze(&tree, &Config::default()) {
                            if d.code.starts_with("STY") && d.severity <= Severity::Warning {
                                let line = &tree.lines()[d.span.line].text;
                                let context = |from: usize, to: usize| {
                                    let mut from = from.min(line.len());
                                    let mut to = to.min(line.len());
                                    while !line.is_char_boundary(from) {
                                        from -= 1;
                                    }
                                    while !line.is_char_boundary(to) {
                                        to += 1;
                                    }
                                    line[from..to].replace('\t', " ")
                                };
                                out.push((
                                    name.to_owned(),
                                    d.span.line + 1,
                                    d.code.to_owned(),
                                    format!(
                                        "{} [{}[{}]{}]",
                                        d.message,
                                        context(d.span.start.saturating_sub(50), d.span.start),
                                        context(d.span.start, d.span.end),
                                        context(d.span.end, d.span.end + 50)
                                    ),
                                ));
                            }
                        }
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    })
}

#[test]
fn style_rules_stay_nearly_silent_on_adopted_texts() {
    let mut sets = vec![("corpus", texts(Path::new("data/corpus")))];
    if Path::new(EXTENDED).is_dir() {
        sets.push(("extended", texts(Path::new(EXTENDED))));
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{EXTENDED} is missing under CI"
        );
        eprintln!("note: {EXTENDED} is absent: the style gate checks data/corpus only");
    }
    let justified = justifications();
    let mut used: BTreeSet<Key> = BTreeSet::new();
    let mut unjustified = Vec::new();
    let mut false_alarms = 0;
    let mut texts_checked = 0;
    let mut checked_files: BTreeSet<String> = BTreeSet::new();
    for (label, files) in &sets {
        texts_checked += files.len();
        checked_files.extend(
            files
                .iter()
                .filter_map(|p| p.file_name()?.to_str().map(str::to_owned)),
        );
        let mut per_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (name, line, code, message) in serious_findings(files) {
            let key = (name.clone(), line, code.clone());
            let counts = per_rule.entry(code.clone()).or_default();
            counts.0 += 1;
            match justified.get(&key) {
                Some((verdict, _)) => {
                    if verdict != "defect" {
                        false_alarms += 1;
                        counts.1 += 1;
                    }
                    used.insert(key);
                }
                None => unjustified.push(format!("{name}\t{line}\t{code}\t{message}")),
            }
        }
        let figures: Vec<String> = per_rule
            .iter()
            .map(|(code, (all, alarms))| format!("{code} {all} ({alarms} not defects)"))
            .collect();
        eprintln!(
            "style gate, {label} ({} texts): errors and warnings by rule: {}",
            files.len(),
            if figures.is_empty() {
                "none".to_owned()
            } else {
                figures.join(", ")
            }
        );
    }
    // Deduplicate: one line with several findings of one rule is one key.
    unjustified.sort();
    unjustified.dedup_by(|a, b| {
        a.split('\t').take(3).collect::<Vec<_>>() == b.split('\t').take(3).collect::<Vec<_>>()
    });
    if !unjustified.is_empty() {
        // The list to review, in the format of the justification file.
        let review = "target/style_gate_unjustified.tsv";
        let rows: Vec<String> = unjustified
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row.splitn(4, '\t').collect();
                format!("{}\t{}\t{}\t?\t{}", cells[0], cells[1], cells[2], cells[3])
            })
            .collect();
        if std::fs::write(review, rows.join("\n") + "\n").is_ok() {
            eprintln!("the findings to review are in {review}");
        }
    }
    assert!(
        unjustified.is_empty(),
        "{} STY errors or warnings on adopted texts without a verdict in {JUSTIFIED}:\n{}",
        unjustified.len(),
        unjustified.join("\n")
    );
    let stale: Vec<&Key> = justified
        .keys()
        // The file also holds the DOC rows of the noise gate.
        .filter(|k| k.2.starts_with("STY") && checked_files.contains(&k.0) && !used.contains(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "justifications that no longer match: {stale:?}"
    );
    let limit = texts_checked / 100;
    eprintln!("style gate: {false_alarms} false alarms in {texts_checked} texts (limit {limit})");
    assert!(
        false_alarms <= limit,
        "{false_alarms} STY errors or warnings that are not defects in {texts_checked} texts (at most {limit})"
    );
}
