//! Corpus gate for the opening and punctuation rules: adopted texts must stay
//! (almost) quiet. Run by hand:
//!
//! ```text
//! UNRES_CORPUS=data/corpus cargo test corpus_gate -- --ignored --nocapture
//! ```

use std::collections::BTreeMap;

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
    let path = std::env::var("UNRES_SEED")
        .unwrap_or_else(|_| "data/examples/A_RES_68_230.txt".to_owned());
    let text = std::fs::read_to_string(path).expect("seed");
    let tree = Tree::parse(&text);
    let found: Vec<(usize, &str)> = analyze(&tree, &Config::default())
        .iter()
        .filter(|d| ours(d.code))
        .map(|d| (d.span.line, d.code))
        .collect();
    assert_eq!(found, vec![(5, "PUN010"), (28, "PUN010")]);
}
