//! The noise gate: every rule over every adopted text we have — the 300 of
//! `data/corpus` always, and the 3,279 of `../shared/data/extended` when that
//! folder is beside the crate (a note is printed and they are skipped when it is
//! not; under `CI=true` that is a failure). Every error or warning must be
//! listed with its verdict in one of `tests/corpus/justified*.tsv`: `defect` (a
//! real defect of the adopted text, checked against the official XML) or any
//! other verdict (a finding that is not a defect of the text: `open`,
//! `renderer` …). The target is at most 2 findings per 100 texts that are not
//! defects; until the parser's remaining causes are fixed the gate holds the
//! count where it stands ([`NOT_DEFECTS_CEILING`]), so it can only go down.
//!
//! Fails on findings without a row (printed as rows ready to paste, verdict
//! and reason to fill in), on rows no finding matches any more, and above the
//! ceiling. Prints the figures: texts, findings, defects, non-defects per 100
//! texts, and findings per rule. See docs/NOISE.md.

mod common;

use std::collections::{BTreeMap, BTreeSet};

/// The target: at most this many findings per 100 texts that are not defects
/// (issue 8). Printed with the figures, met or not.
const TARGET_NOT_DEFECTS_PER_100: usize = 2;

/// The most findings that are not defects the gate accepts now: the count on
/// all 3,579 texts when it was last lowered. Lower it whenever a cause is fixed;
/// the target is 71 or fewer (met since the French closing lines were read).
const NOT_DEFECTS_CEILING: usize = 67;

#[test]
fn adopted_texts_stay_silent_but_for_listed_findings() {
    let mut files = common::texts(&common::project_corpus());
    if let Some(extended) = common::extended_corpus("noise_gate") {
        files.extend(common::texts(&extended));
    }
    let scanned: BTreeSet<String> = files
        .iter()
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(str::to_owned))
        .collect();
    let verdicts = common::verdicts();
    let findings = common::adopted_findings(&files);

    let mut matched = BTreeSet::new();
    let mut unlisted = Vec::new();
    let mut per_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut defects, mut not_defects) = (0, 0);
    for finding in &findings {
        if verdicts.contains_key(&finding.key) {
            matched.insert(&finding.key);
        }
        if !finding.serious {
            continue;
        }
        let tally = per_rule.entry(&finding.key.2).or_default();
        tally.0 += 1;
        match verdicts.get(&finding.key) {
            Some(v) if v.verdict == "defect" => defects += 1,
            Some(_) => {
                not_defects += 1;
                tally.1 += 1;
            }
            None => unlisted.push(format!(
                "{}\t{}\t{}\t?\t{}",
                finding.key.0, finding.key.1, finding.key.2, finding.message
            )),
        }
    }
    let serious = per_rule.values().map(|t| t.0).sum::<usize>();
    let texts = files.len();
    println!(
        "noise gate: {texts} texts, {serious} errors or warnings: {defects} defects, \
         {not_defects} not defects ({:.2} per 100 texts; target at most {TARGET_NOT_DEFECTS_PER_100}: {}; \
         ceiling {NOT_DEFECTS_CEILING}), {} unlisted",
        not_defects as f64 * 100.0 / texts as f64,
        if not_defects * 100 <= TARGET_NOT_DEFECTS_PER_100 * texts {
            "met"
        } else {
            "not met"
        },
        unlisted.len()
    );
    let rules: Vec<String> = per_rule
        .iter()
        .map(|(code, (all, not))| format!("{code} {all} ({not} not defects)"))
        .collect();
    println!("by rule: {}", rules.join(", "));

    let stale: Vec<String> = verdicts
        .iter()
        .filter(|(key, _)| scanned.contains(&key.0) && !matched.contains(key))
        .map(|(key, v)| format!("{}: {}\t{}\t{}", v.file, key.0, key.1, key.2))
        .collect();
    // Every problem is printed before the test fails, so one run shows them all.
    let mut problems = Vec::new();
    if !unlisted.is_empty() {
        problems.push(format!(
            "{} errors or warnings on adopted texts have no verdict in tests/corpus/justified*.tsv \
             (rows to paste; write the verdict and a reason checked against the official XML):\n{}",
            unlisted.len(),
            unlisted.join("\n")
        ));
    }
    if !stale.is_empty() {
        problems.push(format!(
            "{} rows that no finding matches any more (remove them):\n{}",
            stale.len(),
            stale.join("\n")
        ));
    }
    if not_defects > NOT_DEFECTS_CEILING {
        problems.push(format!(
            "{not_defects} findings that are not defects of the text in {texts} texts: \
             more than the ceiling of {NOT_DEFECTS_CEILING} (target at most \
             {TARGET_NOT_DEFECTS_PER_100} per 100)"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
