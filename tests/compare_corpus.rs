//! `unres compare` on real successive resolutions: General Assembly texts of
//! sessions 74–80 that carry the same title (the Assembly readopts most of its
//! resolutions every year or two, revised). Pairs come from `../shared/data`
//! (corpus and extended texts, titles from the catalog); when that folder is
//! absent the test prints a note and passes, and fails under `CI=true`.
//!
//! It prints the figures quoted in docs/COMPARE.md: how the paragraphs were
//! aligned, and what a plain line diff (`similar`, lines) marks on the same
//! pairs. Run with `--nocapture` to see them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use similar::{ChangeTag, TextDiff};
use unres::analysis::compare::{Status, compare, paragraphs::paragraphs};
use unres::syntax::Tree;

const SHARED_DATA: &str = "../shared/data";

fn shared_data() -> Option<PathBuf> {
    let dir = Path::new(SHARED_DATA);
    if dir.join("catalog/ga_resolutions.tsv").is_file() {
        return Some(dir.to_path_buf());
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "compare_corpus: {SHARED_DATA} is missing, and CI=true requires it"
    );
    println!("note: compare_corpus skipped: {SHARED_DATA} is not here");
    eprintln!("note: compare_corpus skipped: {SHARED_DATA} is not here");
    None
}

/// A General Assembly text with its session and title.
#[derive(Debug, Clone)]
struct Text {
    path: PathBuf,
    symbol: String,
    session: u32,
    number: u32,
    title: String,
}

fn texts(data: &Path) -> Vec<Text> {
    let catalog =
        std::fs::read_to_string(data.join("catalog/ga_resolutions.tsv")).expect("catalog");
    let mut titles: HashMap<String, String> = HashMap::new();
    for line in catalog.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        if let (Some(symbol), Some(title)) = (cells.first(), cells.get(7)) {
            if !title.is_empty() {
                titles.insert((*symbol).to_owned(), (*title).to_owned());
            }
        }
    }
    let mut out = Vec::new();
    for folder in ["corpus", "extended"] {
        let dir = data.join(folder);
        let Ok(manifest) = std::fs::read_to_string(dir.join("MANIFEST.tsv")) else {
            continue;
        };
        for line in manifest.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            let (Some(file), Some(symbol)) = (cells.first(), cells.get(1)) else {
                continue;
            };
            // `A/RES/78/92`: regular sessions only; parts (`74/254 B`) have their
            // own numbering of paragraphs and footnotes.
            let Some(rest) = symbol.strip_prefix("A/RES/") else {
                continue;
            };
            let Some((session, number)) = rest.split_once('/') else {
                continue;
            };
            let (Ok(session), Ok(number)) = (session.parse(), number.parse()) else {
                continue;
            };
            let Some(title) = titles.get(*symbol) else {
                continue;
            };
            out.push(Text {
                path: dir.join(file),
                symbol: (*symbol).to_owned(),
                session,
                number,
                title: title.clone(),
            });
        }
    }
    out
}

/// Each text with the next text of the same title in a later session.
fn successive_pairs(texts: &[Text]) -> Vec<(Text, Text)> {
    let mut by_title: HashMap<&str, Vec<&Text>> = HashMap::new();
    for text in texts {
        by_title.entry(&text.title).or_default().push(text);
    }
    let mut pairs = Vec::new();
    for group in by_title.values_mut() {
        group.sort_by_key(|t| (t.session, t.number));
        for window in group.windows(2) {
            if window[0].session < window[1].session {
                pairs.push((window[0].clone(), window[1].clone()));
            }
        }
    }
    pairs.sort_by(|a, b| (a.0.session, a.0.number).cmp(&(b.0.session, b.0.number)));
    pairs
}

#[derive(Debug, Default)]
struct Totals {
    pairs: usize,
    old_paragraphs: usize,
    new_paragraphs: usize,
    unchanged: usize,
    renumbered_unchanged: usize,
    renumbered: usize,
    changed: usize,
    moved: usize,
    added: usize,
    deleted: usize,
    /// Similarity of changed and moved pairs, in tenths.
    similarity_histogram: [usize; 10],
    line_diff_deleted: usize,
    line_diff_inserted: usize,
    /// Lines a line diff marks as inserted that belong to a paragraph the
    /// alignment found unchanged (renumbered, or only a footnote number moved).
    line_diff_inserted_in_unchanged: usize,
    identical_pairs: usize,
}

#[test]
fn successive_resolutions_are_aligned() {
    let Some(data) = shared_data() else {
        return;
    };
    let pairs = successive_pairs(&texts(&data));
    assert!(pairs.len() > 100, "found only {} pairs", pairs.len());
    let mut totals = Totals::default();
    let mut slowest = (0.0f64, String::new(), 0usize);
    let started = Instant::now();
    for (old, new) in &pairs {
        let old_text = std::fs::read_to_string(&old.path).expect("old text");
        let new_text = std::fs::read_to_string(&new.path).expect("new text");
        let timer = Instant::now();
        let old_tree = Tree::parse(&old_text);
        let new_tree = Tree::parse(&new_text);
        let comparison = compare(&old_tree, &new_tree);
        let elapsed = timer.elapsed().as_secs_f64();
        let size = old_text.len() + new_text.len();
        if elapsed > slowest.0 {
            slowest = (elapsed, format!("{} → {}", old.symbol, new.symbol), size);
        }

        // Every paragraph of both versions appears exactly once.
        let summary = comparison.summary;
        let old_seen = comparison
            .entries
            .iter()
            .filter(|e| e.old.is_some())
            .count();
        let new_seen = comparison
            .entries
            .iter()
            .filter(|e| e.new.is_some())
            .count();
        assert_eq!(old_seen, summary.old_paragraphs, "{}", old.symbol);
        assert_eq!(new_seen, summary.new_paragraphs, "{}", new.symbol);
        assert_eq!(summary.old_paragraphs, paragraphs(&old_tree).len());

        totals.pairs += 1;
        totals.old_paragraphs += summary.old_paragraphs;
        totals.new_paragraphs += summary.new_paragraphs;
        totals.unchanged += summary.unchanged;
        totals.changed += summary.changed;
        totals.moved += summary.moved;
        totals.added += summary.added;
        totals.deleted += summary.deleted;
        totals.renumbered += summary.renumbered;
        totals.identical_pairs += usize::from(summary.differing() == 0);
        let mut unchanged_lines = vec![false; new_tree.line_count()];
        for entry in &comparison.entries {
            if entry.status == Status::Unchanged {
                totals.renumbered_unchanged += usize::from(entry.renumbered);
                if let Some(paragraph) = &entry.new {
                    unchanged_lines[paragraph.line..=paragraph.last_line].fill(true);
                }
            }
            if matches!(entry.status, Status::Changed | Status::Moved) && entry.text_changed {
                let tenth = (entry.similarity.unwrap_or(0.0) * 10.0).floor() as usize;
                totals.similarity_histogram[tenth.min(9)] += 1;
            }
        }

        let line_diff = TextDiff::from_lines(&old_text, &new_text);
        for change in line_diff.iter_all_changes() {
            match change.tag() {
                ChangeTag::Delete => totals.line_diff_deleted += 1,
                ChangeTag::Insert => {
                    totals.line_diff_inserted += 1;
                    let in_unchanged = change
                        .new_index()
                        .is_some_and(|line| unchanged_lines.get(line).copied().unwrap_or(false));
                    totals.line_diff_inserted_in_unchanged += usize::from(in_unchanged);
                }
                ChangeTag::Equal => {}
            }
        }
    }
    let t = &totals;
    let matched = t.unchanged + t.changed + t.moved;
    println!(
        "compare_corpus: {} pairs of successive GA resolutions (same title, sessions 74–80)",
        t.pairs
    );
    println!(
        "paragraphs: {} before, {} after; matched {matched} ({:.1} % of the old paragraphs): {} unchanged ({} of them renumbered), {} changed, {} moved; {} added, {} deleted; {} pairs identical",
        t.old_paragraphs,
        t.new_paragraphs,
        100.0 * matched as f64 / t.old_paragraphs.max(1) as f64,
        t.unchanged,
        t.renumbered_unchanged,
        t.changed,
        t.moved,
        t.added,
        t.deleted,
        t.identical_pairs,
    );
    println!("paired paragraphs renumbered: {}", t.renumbered);
    println!(
        "similarity of changed and moved pairs, by tenth (0.0–0.1 … 0.9–1.0): {:?}",
        t.similarity_histogram
    );
    println!(
        "line diff (whole texts): {} lines deleted, {} inserted; {} inserted lines lie in paragraphs the alignment found unchanged",
        t.line_diff_deleted, t.line_diff_inserted, t.line_diff_inserted_in_unchanged
    );
    println!(
        "paragraphs that differ (changed + moved + added + deleted): {}; lines a line diff marks: {}",
        t.changed + t.moved + t.added + t.deleted,
        t.line_diff_deleted + t.line_diff_inserted
    );
    println!(
        "time: {:.2} s for all pairs (parse + compare, this build); slowest pair {} ({} bytes): {:.1} ms",
        started.elapsed().as_secs_f64(),
        slowest.1,
        slowest.2,
        slowest.0 * 1000.0
    );
    assert!(
        matched * 10 >= t.old_paragraphs * 8,
        "fewer than 80 % of paragraphs matched"
    );
}
