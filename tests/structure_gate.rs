//! The structure gate: every adopted resolution is parsed, exported as AKN4UN,
//! and its structure compared, kind by kind in document order, with the UN's
//! official XML it was rendered from (`akn/NAME.xml`): preambular paragraphs,
//! operative paragraphs with their numbers, subparagraphs with their labels,
//! footnote references by their marker and the words before them, parts,
//! annexes and sections. See `src/syntax/akn/kinds.rs` for how the official
//! markup is read.
//!
//! Targets: recall and precision ≥ 99.5 % for each kind and ≥ 97 % of the
//! documents exactly equal, over the 300 texts of `data/corpus` and (when
//! `../shared/data/extended` is present) the 3,279 more. Where the official
//! markup itself is wrong, the case is listed with its reason in
//! `tests/corpus/structure_justified.tsv` and left out of both sides.
//!
//! `UNRES_GATE_SHOW=NAME` prints the differences of one document;
//! `UNRES_GATE_WORST=N` lists the N documents with most differences.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use unres::syntax::Tree;
use unres::syntax::akn::export;
use unres::syntax::akn::kinds::{Item, Kind, structure};

const MIN_RECALL: f64 = 0.995;
const MIN_PRECISION: f64 = 0.995;
const MIN_EXACT_DOCUMENTS: f64 = 0.97;

/// A case where the official markup is wrong: (file, kind, key).
type Justified = HashSet<(String, String, String)>;

fn justified() -> Justified {
    let text = std::fs::read_to_string("tests/corpus/structure_justified.tsv")
        .expect("tests/corpus/structure_justified.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "bad line: {line}");
            (
                cells[0].to_owned(),
                cells[1].to_owned(),
                cells[2].to_owned(),
            )
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    matched: usize,
    official: usize,
    ours: usize,
}

struct DocumentResult {
    name: String,
    differences: usize,
    /// Per kind: official keys not matched, our keys not matched.
    missing: Vec<(Kind, String)>,
    extra: Vec<(Kind, String)>,
}

fn keys(items: &[Item], kind: Kind) -> Vec<&str> {
    items
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| i.key.as_str())
        .collect()
}

/// Longest common subsequence of two key sequences, as the unmatched indices of
/// each side.
fn unmatched<'a>(a: &[&'a str], b: &[&'a str]) -> (Vec<usize>, Vec<usize>) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (n, m) = (a_mid.len(), b_mid.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * (m + 1) + j] = if a_mid[i] == b_mid[j] {
                table[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                table[(i + 1) * (m + 1) + j].max(table[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    while i < n || j < m {
        if i < n && j < m && a_mid[i] == b_mid[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
            only_a.push(prefix + i);
            i += 1;
        } else {
            only_b.push(prefix + j);
            j += 1;
        }
    }
    (only_a, only_b)
}

fn compare(
    text_path: &Path,
    justified: &Justified,
    tallies: &mut BTreeMap<Kind, Tally>,
) -> DocumentResult {
    let name = text_path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name")
        .to_owned();
    let xml_path = common::official_xml(text_path);
    let official_xml = std::fs::read_to_string(&xml_path)
        .unwrap_or_else(|e| panic!("{}: {e}", xml_path.display()));
    let text = std::fs::read_to_string(text_path).expect("utf-8 text");
    let ours_xml = export(&Tree::parse(&text));
    let official = structure(&official_xml).expect("official XML parses");
    let ours = structure(&ours_xml).unwrap_or_else(|e| panic!("{name}: export is not XML: {e}"));
    let keep = |items: Vec<Item>| -> Vec<Item> {
        items
            .into_iter()
            .filter(|i| {
                !justified.contains(&(name.clone(), format!("{:?}", i.kind), i.key.clone()))
            })
            .collect()
    };
    let (official, ours) = (keep(official), keep(ours));
    let mut result = DocumentResult {
        name,
        differences: 0,
        missing: Vec::new(),
        extra: Vec::new(),
    };
    for kind in Kind::ALL {
        let (a, b) = (keys(&official, kind), keys(&ours, kind));
        let (only_official, only_ours) = unmatched(&a, &b);
        let tally = tallies.entry(kind).or_default();
        tally.official += a.len();
        tally.ours += b.len();
        tally.matched += a.len() - only_official.len();
        result.differences += only_official.len() + only_ours.len();
        result
            .missing
            .extend(only_official.iter().map(|&i| (kind, a[i].to_owned())));
        result
            .extra
            .extend(only_ours.iter().map(|&i| (kind, b[i].to_owned())));
    }
    result
}

fn run_gate(label: &str, files: &[PathBuf]) {
    let justified = justified();
    let mut tallies: BTreeMap<Kind, Tally> = BTreeMap::new();
    let mut results: Vec<DocumentResult> = files
        .iter()
        .map(|path| compare(path, &justified, &mut tallies))
        .collect();
    let exact = results.iter().filter(|r| r.differences == 0).count();
    let exact_share = exact as f64 / results.len().max(1) as f64;
    println!(
        "structure gate, {label}: {} documents, {exact} exactly equal ({:.2} %)",
        results.len(),
        100.0 * exact_share
    );
    println!(
        "{:<22} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "kind", "official", "unres", "matched", "recall", "precision"
    );
    let mut failures = Vec::new();
    for (kind, tally) in &tallies {
        let recall = if tally.official == 0 {
            1.0
        } else {
            tally.matched as f64 / tally.official as f64
        };
        let precision = if tally.ours == 0 {
            1.0
        } else {
            tally.matched as f64 / tally.ours as f64
        };
        println!(
            "{:<22} {:>8} {:>8} {:>8} {:>7.2} % {:>7.2} %",
            kind.name(),
            tally.official,
            tally.ours,
            tally.matched,
            100.0 * recall,
            100.0 * precision
        );
        if recall < MIN_RECALL || precision < MIN_PRECISION {
            failures.push(format!(
                "{}: recall {:.2} %, precision {:.2} %",
                kind.name(),
                100.0 * recall,
                100.0 * precision
            ));
        }
    }
    // Every difference, for whoever works on the parser.
    let mut report = String::new();
    for result in results.iter().filter(|r| r.differences > 0) {
        report.push_str(&format!("{}\n", result.name));
        for (kind, key) in &result.missing {
            report.push_str(&format!("  official only  {kind:?}  {key}\n"));
        }
        for (kind, key) in &result.extra {
            report.push_str(&format!("  unres only     {kind:?}  {key}\n"));
        }
    }
    let report_path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("structure-gate-{}.txt", label.replace('/', "-")));
    if std::fs::write(&report_path, report).is_ok() {
        println!("differences written to {}", report_path.display());
    }
    if let Ok(show) = std::env::var("UNRES_GATE_SHOW") {
        for result in results.iter().filter(|r| r.name.starts_with(&show)) {
            println!("\n{}:", result.name);
            for (kind, key) in &result.missing {
                println!("  official only  {kind:?}  {key}");
            }
            for (kind, key) in &result.extra {
                println!("  unres only     {kind:?}  {key}");
            }
        }
    }
    results.sort_by(|a, b| b.differences.cmp(&a.differences).then(a.name.cmp(&b.name)));
    let worst: usize = std::env::var("UNRES_GATE_WORST")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    println!("documents with most differences:");
    for result in results.iter().take(worst).filter(|r| r.differences > 0) {
        println!("  {:>4}  {}", result.differences, result.name);
    }
    if exact_share < MIN_EXACT_DOCUMENTS {
        failures.push(format!(
            "{:.2} % of the documents exactly equal (target {:.0} %)",
            100.0 * exact_share,
            100.0 * MIN_EXACT_DOCUMENTS
        ));
    }
    assert!(
        failures.is_empty(),
        "structure gate ({label}) below target:\n{}",
        failures.join("\n")
    );
}

#[test]
fn structure_matches_the_official_markup_on_the_corpus() {
    run_gate("data/corpus", &common::texts(&common::project_corpus()));
}

#[test]
fn structure_matches_the_official_markup_on_the_extended_corpus() {
    let Some(dir) = common::extended_corpus("structure gate") else {
        return;
    };
    run_gate("extended", &common::texts(&dir));
}
