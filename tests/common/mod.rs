//! What several integration tests share: where the corpora are, the findings
//! of a text, the verdicts on adopted texts (the noise and style gates), and
//! the tally of injected defects (the mutation tests).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use unres::analysis::{Config, Severity, analyze};
use unres::syntax::Tree;

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

/// How many findings of each rule and severity each line has.
pub type Findings =
    std::collections::BTreeMap<(usize, &'static str, unres::analysis::Severity), usize>;

/// The findings of a text, counted per line, rule and severity.
pub fn findings_of(text: &str) -> Findings {
    findings_of_tree(&unres::syntax::Tree::parse(text))
}

/// The findings of a parsed text, counted per line, rule and severity.
pub fn findings_of_tree(tree: &unres::syntax::Tree) -> Findings {
    let mut out = Findings::new();
    for d in unres::analysis::analyze(tree, &unres::analysis::Config::default()) {
        *out.entry((d.span.line, d.code, d.severity)).or_default() += 1;
    }
    out
}

/// An adopted text ready for mutation: its lines, its tree and its findings
/// before any defect is injected.
pub struct MutationText {
    pub name: String,
    pub lines: Vec<String>,
    pub tree: unres::syntax::Tree,
    pub before: Findings,
}

/// The texts the anatomy and style mutation tests inject defects into:
/// `data/corpus`, and `../shared/data/extended` too with
/// `UNRES_MUTATE_EXTENDED=1` (minutes more).
pub fn mutation_texts() -> Vec<MutationText> {
    let mut paths = texts(&project_corpus());
    if std::env::var_os("UNRES_MUTATE_EXTENDED").is_some() {
        if let Some(extended) = extended_corpus("mutations over the extended corpus") {
            paths.extend(texts(&extended));
        }
    }
    paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let tree = unres::syntax::Tree::parse(&text);
            MutationText {
                name: path
                    .file_name()
                    .expect("file name")
                    .to_string_lossy()
                    .into_owned(),
                lines: text.split('\n').map(str::to_owned).collect(),
                before: findings_of_tree(&tree),
                tree,
            }
        })
        .collect()
}

/// The findings `after` has more of than `before`.
pub fn added(
    before: &Findings,
    after: &Findings,
) -> Vec<(usize, &'static str, unres::analysis::Severity)> {
    after
        .iter()
        .filter(|(key, n)| before.get(*key).is_none_or(|m| m < *n))
        .map(|(key, _)| *key)
        .collect()
}

/// The outcome of one kind of injected defect over many texts: how often the
/// expected rule reported it on its line, and how often the injection added an
/// error or warning anywhere else.
#[derive(Default)]
pub struct Recall {
    pub tried: usize,
    pub found: usize,
    pub misses: Vec<String>,
    pub noise: Vec<String>,
}

impl Recall {
    /// Records one injection: `added` are the new findings, `expected` says
    /// which of them is the defect reported on its line.
    pub fn record(
        &mut self,
        what: String,
        added: &[(usize, &'static str, unres::analysis::Severity)],
        expected: impl Fn(usize, &str) -> bool,
    ) {
        self.record_excusing(what, added, &expected, &expected);
    }

    /// As `record`, where the findings `excused` says are the same defect seen
    /// from a neighbouring line are not counted as noise.
    pub fn record_excusing(
        &mut self,
        what: String,
        added: &[(usize, &'static str, unres::analysis::Severity)],
        expected: &dyn Fn(usize, &str) -> bool,
        excused: &dyn Fn(usize, &str) -> bool,
    ) {
        self.tried += 1;
        if added.iter().any(|(line, code, _)| expected(*line, code)) {
            self.found += 1;
        } else {
            self.misses.push(format!("{what}: added {added:?}"));
        }
        let elsewhere: Vec<_> = added
            .iter()
            .filter(|(line, code, severity)| {
                *severity <= unres::analysis::Severity::Warning && !excused(*line, code)
            })
            .collect();
        if !elsewhere.is_empty() {
            self.noise.push(format!("{what}: also {elsewhere:?}"));
        }
    }

    /// Found on the line, as a percentage of the injections.
    pub fn recall(&self) -> f64 {
        if self.tried == 0 {
            0.0
        } else {
            100.0 * self.found as f64 / self.tried as f64
        }
    }

    /// Injections that added an error or warning elsewhere, as a percentage.
    pub fn noise_rate(&self) -> f64 {
        if self.tried == 0 {
            0.0
        } else {
            100.0 * self.noise.len() as f64 / self.tried as f64
        }
    }

    /// One line of the report: `label: found of tried (recall), noise`.
    pub fn summary(&self, label: &str) -> String {
        format!(
            "{label}: {} of {} found on their line ({:.1} %), {} with another new error or warning ({:.1} %)",
            self.found,
            self.tried,
            self.recall(),
            self.noise.len(),
            self.noise_rate()
        )
    }

    /// The first misses and noisy injections, for a failure message.
    pub fn details(&self, label: &str) -> String {
        let first = |v: &[String]| {
            v.iter()
                .take(12)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n    ")
        };
        format!(
            "{label}:\n  misses:\n    {}\n  noise:\n    {}",
            first(&self.misses),
            first(&self.noise)
        )
    }
}

/// The gate over several kinds of injected defect: each must have been tried
/// on at least 15 texts, found on its line in at least 95 % of them, and never
/// add an error or warning elsewhere. Prints one line per kind.
pub fn assert_mutation_gate(title: &str, tallies: &[(&str, Recall)]) {
    let mut failures = Vec::new();
    for (label, recall) in tallies {
        if recall.tried < 15 || recall.recall() < 95.0 || !recall.noise.is_empty() {
            failures.push(recall.details(label));
        }
    }
    let report: Vec<String> = tallies.iter().map(|(label, r)| r.summary(label)).collect();
    eprintln!("{title}:\n{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// (file name, 1-based line, rule code).
pub type Key = (String, usize, String);

pub struct Verdict {
    pub verdict: String,
    pub file: String,
}

/// The rows of every `tests/corpus/justified*.tsv`.
pub fn verdicts() -> BTreeMap<Key, Verdict> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut tables: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("justified") && n.ends_with(".tsv"))
        })
        .collect();
    tables.sort();
    let mut rows = BTreeMap::new();
    for table in &tables {
        let file = table
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        let text = std::fs::read_to_string(table).expect("a verdict table");
        for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "{file}: bad row: {line}");
            let key = (
                cells[0].to_owned(),
                cells[1]
                    .parse()
                    .unwrap_or_else(|_| panic!("{file}: bad line number: {line}")),
                cells[2].to_owned(),
            );
            let verdict = Verdict {
                verdict: cells[3].to_owned(),
                file: file.clone(),
            };
            if let Some(earlier) = rows.insert(key.clone(), verdict) {
                panic!("{key:?} is listed twice ({} and {file})", earlier.file);
            }
        }
    }
    rows
}

/// A finding of any severity: its key, whether it is an error or a warning,
/// and its message.
pub struct Finding {
    pub key: Key,
    pub serious: bool,
    /// The message, then the flagged text in its line: `[before[flagged]after]`.
    pub message: String,
}

/// Bytes `from..to` of a line, widened to character boundaries, tabs as spaces.
fn excerpt(line: &str, from: usize, to: usize) -> String {
    let mut from = from.min(line.len());
    let mut to = to.min(line.len());
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    while !line.is_char_boundary(to) {
        to += 1;
    }
    line[from..to].replace('\t', " ")
}

/// Every finding of the adopted texts `files`, on two threads.
pub fn adopted_findings(files: &[PathBuf]) -> Vec<Finding> {
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
                            let line = &tree.lines()[d.span.line].text;
                            out.push(Finding {
                                key: (name.to_owned(), d.span.line + 1, d.code.to_owned()),
                                serious: d.severity <= Severity::Warning,
                                message: format!(
                                    "{} [{}[{}]{}]",
                                    d.message,
                                    excerpt(line, d.span.start.saturating_sub(50), d.span.start),
                                    excerpt(line, d.span.start, d.span.end),
                                    excerpt(line, d.span.end, d.span.end + 50)
                                ),
                            });
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
