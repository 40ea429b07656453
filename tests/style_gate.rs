//! The style gate: the STY rules over every adopted text we have — the 300 of
//! `data/corpus` always, and the 3,279 of `../shared/data/extended` when the
//! shared folder is beside the crate (a note is printed and they are skipped
//! when it is not; under `CI=true` that is a failure). Every STY error or warning
//! must be listed with its verdict in `tests/corpus/justified_style.tsv`
//! (read with the other verdict tables, as the noise gate reads them)
//! (`defect` = a real defect of the adopted text; anything else is a false
//! alarm), and false alarms stay at most 1 per 100 texts.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Key;

const JUSTIFIED: &str = "tests/corpus/justified_style.tsv";

#[test]
fn style_rules_stay_nearly_silent_on_adopted_texts() {
    let mut sets = vec![("corpus", common::texts(&common::project_corpus()))];
    if let Some(extended) = common::extended_corpus("style gate") {
        sets.push(("extended", common::texts(&extended)));
    }
    let verdicts = common::verdicts();
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
        let style = common::adopted_findings(files)
            .into_iter()
            .filter(|f| f.serious && f.key.2.starts_with("STY"));
        for finding in style {
            let (name, line, code) = &finding.key;
            let counts = per_rule.entry(code.clone()).or_default();
            counts.0 += 1;
            match verdicts.get(&finding.key) {
                Some(v) => {
                    if v.verdict != "defect" {
                        false_alarms += 1;
                        counts.1 += 1;
                    }
                    used.insert(finding.key.clone());
                }
                None => unjustified.push(format!("{name}\t{line}\t{code}\t{}", finding.message)),
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
    let stale: Vec<&Key> = verdicts
        .keys()
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
