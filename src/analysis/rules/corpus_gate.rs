//! Corpus checks for the opening and punctuation rules, run by hand:
//!
//! ```text
//! UNRES_CORPUS=data/corpus cargo test corpus_gate::corpus_gate -- --ignored --nocapture --exact
//! UNRES_CORPUS=data/corpus cargo test corpus_mutations -- --ignored --nocapture
//! UNRES_SEED=…/A_RES_68_230.txt cargo test seed_yields -- --ignored
//! ```
//!
//! The gate counts the PUN and VRB diagnostics on the adopted texts (they must
//! stay almost quiet; `UNRES_SHOW=VRB013` prints one rule's findings). The
//! mutation check introduces one defect at a time into adopted texts (a wrong
//! final mark, a gerund for a finite verb, a finite verb in the preamble,
//! "Calls on", a dropped "Also") and tallies whether exactly that line is
//! reported and nothing else changes.

use std::collections::BTreeMap;

use crate::analysis::agreed_language::{OpeningKind, is_head};
use crate::analysis::{Config, Severity, analyze};
use crate::syntax::Tree;

fn ours(code: &str) -> bool {
    code.starts_with("PUN") || code.starts_with("VRB")
}

#[test]
#[ignore = "reads the corpus from disk"]
fn corpus_gate() {
    let dir = std::env::var("UNRES_CORPUS").unwrap_or_else(|_| "data/corpus".to_owned());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let show: Option<String> = std::env::var("UNRES_SHOW").ok();
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("text");
        let tree = Tree::parse(&text);
        for d in analyze(&tree, &Config::default()) {
            if !ours(d.code) {
                continue;
            }
            *counts.entry((d.code, d.severity)).or_default() += 1;
            if show.as_deref().is_some_and(|s| s == d.code || s == "all") {
                let line = &tree.lines()[d.span.line].text;
                let start = d.span.start.min(line.len());
                let from = line.floor_char_boundary(start.saturating_sub(40));
                let to = line.ceil_char_boundary((start + 20).min(line.len()));
                println!(
                    "{} {}:{} {} | {}",
                    d.code,
                    path.file_name().and_then(|f| f.to_str()).unwrap_or(""),
                    d.span.line + 1,
                    d.message,
                    &line[from..to]
                );
            }
        }
    }
    println!("{} files", files.len());
    for ((code, severity), count) in &counts {
        println!("{code}\t{}\t{count}", severity.as_str());
    }
    let loud: usize = counts
        .iter()
        .filter(|((_, s), _)| *s <= Severity::Warning)
        .map(|(_, c)| c)
        .sum();
    assert!(loud <= files.len() / 20, "{loud} errors and warnings");
}

/// Spec Appendix C: the seed A/RES/68/230 yields only the two PUN010 infos of
/// the opening and punctuation rules.
#[test]
#[ignore = "reads the seed from disk"]
fn seed_yields_only_whitespace_infos() {
    let path =
        std::env::var("UNRES_SEED").unwrap_or_else(|_| "data/examples/A_RES_68_230.txt".to_owned());
    let text = std::fs::read_to_string(path).expect("seed");
    let tree = Tree::parse(&text);
    let found: Vec<(usize, &str)> = analyze(&tree, &Config::default())
        .iter()
        .filter(|d| ours(d.code))
        .map(|d| (d.span.line, d.code))
        .collect();
    assert_eq!(found, vec![(5, "PUN010"), (28, "PUN010")]);
}

/// A defect introduced into one line of an adopted text.
fn mutations(line: &str, role: crate::syntax::Role) -> Vec<(&'static str, String)> {
    use crate::syntax::Role;
    let mut out = Vec::new();
    let trimmed = line.trim_end();
    let body = trimmed.trim_start_matches('\t');
    let numbered = matches!(role, Role::Operative { .. });
    let first_word_start = if numbered {
        trimmed.find(".\t").map(|i| i + 2)
    } else {
        Some(trimmed.len() - body.len())
    };
    let Some(start) = first_word_start else {
        return out;
    };
    let rest = &trimmed[start..];
    let word_end = rest.find(' ').unwrap_or(rest.len());
    let word = &rest[..word_end];
    // Final marks.
    if let Some(last) = trimmed.chars().next_back() {
        let swap = match (role, last) {
            (Role::Preambular, ',') => Some(';'),
            (Role::Operative { .. }, ';') => Some('.'),
            (Role::Operative { .. }, '.') => Some(';'),
            _ => None,
        };
        if let Some(swap) = swap {
            out.push(("mark", format!("{}{swap}", &trimmed[..trimmed.len() - 1])));
        }
        let other = match (role, last) {
            (Role::Preambular, ',') | (Role::Operative { .. }, ';') => Some(':'),
            (Role::Subparagraph { .. }, ';') => Some('.'),
            (Role::Subparagraph { .. }, '.') => Some(';'),
            _ => None,
        };
        if let Some(other) = other {
            out.push((
                "other mark",
                format!("{}{other}", &trimmed[..trimmed.len() - 1]),
            ));
        }
    }
    if numbered {
        if let Some(stem) = word.strip_suffix('s') {
            if word.len() > 4 && !word.ends_with("ss") {
                let stem = stem
                    .strip_suffix('e')
                    .filter(|s| !s.ends_with('e'))
                    .unwrap_or(stem);
                out.push((
                    "gerund",
                    format!("{}{stem}ing{}", &trimmed[..start], &rest[word_end..]),
                ));
            }
        }
        if rest.starts_with("Calls upon ") {
            out.push((
                "calls on",
                format!("{}Calls on{}", &trimmed[..start], &rest[10..]),
            ));
        }
        if let Some(after) = rest.strip_prefix("Also ") {
            let mut chars = after.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            out.push((
                "drop also",
                format!("{}{first}{}", &trimmed[..start], chars.as_str()),
            ));
        }
    } else if matches!(role, Role::Preambular) {
        if let Some(stem) = word.strip_suffix("ing") {
            let finite = [format!("{stem}s"), format!("{stem}es")]
                .into_iter()
                .find(|f| is_head(OpeningKind::Operative, f));
            if let Some(finite) = finite {
                out.push((
                    "finite",
                    format!("{}{finite}{}", &trimmed[..start], &rest[word_end..]),
                ));
            }
        }
        if rest.starts_with("Recalling also ") || rest.starts_with("Reaffirming also ") {
            out.push(("drop also", trimmed.replacen(" also", "", 1)));
        }
    }
    out
}

#[test]
#[ignore = "reads the corpus from disk"]
fn corpus_mutations() {
    let dir = std::env::var("UNRES_CORPUS").unwrap_or_else(|_| "data/corpus".to_owned());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let verbose = std::env::var("UNRES_SHOW").is_ok();
    let mut tally: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (n, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("text");
        let tree = Tree::parse(&text);
        let key = |d: &crate::analysis::Diagnostic| (d.span.line, d.code);
        let before: Vec<_> = analyze(&tree, &Config::default()).iter().map(key).collect();
        let lines: Vec<&str> = text.split('\n').collect();
        let mut done: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, line, role) in tree.iter() {
            for (kind, mutated) in mutations(&line.text, role) {
                let count = done.entry(kind).or_default();
                // A few lines per file and kind, spread over the text.
                if *count >= 2 || (index + n) % 3 != 0 {
                    continue;
                }
                *count += 1;
                let mut changed = lines.clone();
                changed[index] = &mutated;
                let new_text = changed.join("\n");
                let new_tree = Tree::parse(&new_text);
                let after: Vec<_> = analyze(&new_tree, &Config::default())
                    .iter()
                    .map(key)
                    .collect();
                let added: Vec<_> = after.iter().filter(|k| !before.contains(k)).collect();
                let removed: Vec<_> = before.iter().filter(|k| !after.contains(k)).collect();
                let hit = added.iter().any(|(l, c)| *l == index && ours(c));
                let noise = added.iter().any(|(l, _)| *l != index) || !removed.is_empty();
                let outcome = match (hit, noise) {
                    (true, false) => "clean",
                    (true, true) => "hit+noise",
                    (false, false) => "missed",
                    (false, true) => "missed+noise",
                };
                *tally.entry((kind, outcome)).or_default() += 1;
                if verbose && outcome != "clean" {
                    println!(
                        "{kind} {outcome} {}:{} {:?} {:?} | {}",
                        path.file_name().and_then(|f| f.to_str()).unwrap_or(""),
                        index + 1,
                        added,
                        removed,
                        mutated.chars().take(90).collect::<String>()
                    );
                }
            }
        }
    }
    for ((kind, outcome), count) in &tally {
        println!("{kind}\t{outcome}\t{count}");
    }
}
