//! `unres compare` on real successive resolutions: General Assembly texts of
//! sessions 74–80 that carry the same title (the Assembly readopts most of its
//! resolutions every year or two, revised). Pairs come from `../shared/data`
//! (corpus and extended texts, titles from the catalog); when that folder is
//! absent the test prints a note and passes, and fails under `CI=true`.
//!
//! It prints the figures quoted in docs/COMPARE.md: how the paragraphs were
//! aligned, and what a plain line diff (`similar`, lines) marks on the same
//! pairs. Run with `--nocapture` to see them.
//!
//! Real pairs have no answer key, so a second test makes one: it revises each
//! General Assembly text of the project's corpus (`data/corpus`, always here)
//! in known ways — one operative paragraph deleted, one moved, one added, one
//! reworded, the rest renumbered — and checks that the comparison reports
//! exactly those.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use similar::{ChangeTag, TextDiff};
use unres::analysis::compare::{Similarities, Status, compare, paragraphs::paragraphs};
use unres::syntax::{LineShape, Role, Tree};

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
    pairs.sort_by_key(|(old, _)| (old.session, old.number));
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
    /// For each new paragraph paired with an old one: its score, and the best
    /// score of any other old paragraph (the strongest wrong candidate).
    paired_scores: Vec<f64>,
    runner_up_scores: Vec<f64>,
    /// Paired paragraphs that another old paragraph scores higher.
    outscored: usize,
}

fn percentiles(scores: &mut [f64]) -> String {
    scores.sort_by(f64::total_cmp);
    let at = |share: f64| scores[((scores.len() - 1) as f64 * share).round() as usize];
    format!(
        "1 % {:.2}, 5 % {:.2}, median {:.2}, 95 % {:.2}, 99 % {:.2}",
        at(0.01),
        at(0.05),
        at(0.5),
        at(0.95),
        at(0.99)
    )
}

#[test]
fn successive_resolutions_are_aligned() {
    let Some(data) = shared_data() else {
        return;
    };
    let all_pairs = successive_pairs(&texts(&data));
    assert!(
        all_pairs.len() > 100,
        "found only {} pairs",
        all_pairs.len()
    );
    // Unoptimized builds parse slowly: every fifth pair there; `cargo test
    // --release` evaluates them all (the figures in docs/COMPARE.md).
    let step = if cfg!(debug_assertions) { 5 } else { 1 };
    let pairs: Vec<&(Text, Text)> = all_pairs.iter().step_by(step).collect();
    if step > 1 {
        println!(
            "note: debug build, {} of {} pairs evaluated; --release evaluates all",
            pairs.len(),
            all_pairs.len()
        );
    }
    let mut totals = Totals::default();
    let mut slowest = (0.0f64, String::new(), 0usize);
    let started = Instant::now();
    let mut compare_seconds = 0.0;
    for (old, new) in pairs {
        let old_text = std::fs::read_to_string(&old.path).expect("old text");
        let new_text = std::fs::read_to_string(&new.path).expect("new text");
        let timer = Instant::now();
        let old_tree = Tree::parse(&old_text);
        let new_tree = Tree::parse(&new_text);
        let comparison = compare(&old_tree, &new_tree);
        let elapsed = timer.elapsed().as_secs_f64();
        compare_seconds += elapsed;
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

        let old_paragraphs = paragraphs(&old_tree);
        let new_paragraphs = paragraphs(&new_tree);
        let scores = Similarities::new(&old_paragraphs, &new_paragraphs);
        let index_of = |all: &[unres::analysis::compare::Paragraph], line: usize| {
            all.iter().position(|p| p.line == line).expect("paragraph")
        };
        for entry in &comparison.entries {
            let (Some(old_side), Some(new_side)) = (&entry.old, &entry.new) else {
                continue;
            };
            let (i, j) = (
                index_of(&old_paragraphs, old_side.line),
                index_of(&new_paragraphs, new_side.line),
            );
            let runner_up = (0..old_paragraphs.len())
                .filter(|&other| other != i)
                .map(|other| scores.score(other, j))
                .fold(0.0, f64::max);
            let score = scores.score(i, j);
            totals.outscored += usize::from(runner_up > score);
            totals.paired_scores.push(score);
            totals.runner_up_scores.push(runner_up);
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
        "score of paired paragraphs: {}",
        percentiles(&mut totals.paired_scores)
    );
    println!(
        "best score of another old paragraph for the same new one: {}; higher than the partner's for {} paired paragraphs",
        percentiles(&mut totals.runner_up_scores),
        totals.outscored
    );
    let t = &totals;
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
        "time (this build): parse both + compare {:.2} s for the pairs evaluated, {:.2} s with this evaluation; slowest pair {} ({} bytes): {:.1} ms",
        compare_seconds,
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

/// A small deterministic generator (64-bit LCG), so the revisions are the same
/// on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// What the revision did to each operative paragraph, by its text in the
/// revised version (`None` for the deleted one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    Unchanged,
    Changed,
    Moved,
    Added,
    Deleted,
}

/// The operative paragraph lines of a text with one numbering sequence, each a
/// paragraph of its own (no subparagraphs), or `None` when the text is not
/// shaped so.
fn single_line_operatives(tree: &Tree) -> Option<Vec<usize>> {
    if tree.segments().len() != 1 {
        return None;
    }
    let roles = tree.roles();
    let operative: Vec<usize> = (0..roles.len())
        .filter(|&i| matches!(roles[i], Role::Operative { .. }))
        .collect();
    let has_items = roles
        .iter()
        .any(|r| matches!(r, Role::Subparagraph { .. } | Role::Continuation { .. }));
    // The revised text rewrites the operative part as one block: no heading or
    // other line may stand between its paragraphs.
    let contiguous = (*operative.first()?..=*operative.last()?)
        .all(|i| matches!(roles[i], Role::Operative { .. } | Role::Blank));
    (operative.len() >= 8 && !has_items && contiguous).then_some(operative)
}

fn body_of(tree: &Tree, line: usize) -> String {
    tree.line(line).expect("line").body().to_owned()
}

#[test]
fn synthetic_revisions_are_recovered() {
    let corpus = Path::new("data/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .expect("data/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("A_RES_"))
        })
        .collect();
    files.sort();
    let donors: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let tree = Tree::parse(&std::fs::read_to_string(path).ok()?);
            let lines = single_line_operatives(&tree)?;
            Some(body_of(&tree, lines[lines.len() / 2]))
        })
        .collect();
    let mut random = Lcg(12);
    let (mut texts, mut exact, mut expected, mut found) = (0, 0, [0usize; 5], [0usize; 5]);
    let mut misses = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("text");
        let tree = Tree::parse(&text);
        let Some(operative) = single_line_operatives(&tree) else {
            continue;
        };
        let n = operative.len();
        // The operative paragraphs' texts, revised: one deleted, one moved at
        // least three places, one added from another resolution, one reworded.
        let mut revised: Vec<(String, Truth)> = operative
            .iter()
            .map(|&line| (body_of(&tree, line), Truth::Unchanged))
            .collect();
        let deleted = random.below(n);
        let deleted_text = revised.remove(deleted).0;
        let from = random.below(revised.len());
        let mut to = random.below(revised.len());
        if from.abs_diff(to) < 3 {
            to = (from + 3 + random.below(revised.len() - 3)) % revised.len();
            if from.abs_diff(to) < 3 {
                to = if from >= 3 { 0 } else { revised.len() - 1 };
            }
        }
        let moved = revised.remove(from);
        revised.insert(to, (moved.0, Truth::Moved));
        let donor = donors[random.below(donors.len())].clone();
        if revised.iter().any(|(t, _)| *t == donor) || donor == deleted_text {
            continue;
        }
        revised.insert(random.below(revised.len() + 1), (donor, Truth::Added));
        let unchanged: Vec<usize> = (0..revised.len())
            .filter(|&i| revised[i].1 == Truth::Unchanged && revised[i].0.split(' ').count() > 12)
            .collect();
        let reworded = unchanged[random.below(unchanged.len())];
        let mut words: Vec<String> = revised[reworded].0.split(' ').map(str::to_owned).collect();
        let at = 2 + random.below(words.len() - 4);
        words[at] = "further".to_owned();
        words.insert(at + 3, "also".to_owned());
        revised[reworded] = (words.join(" "), Truth::Changed);

        // Write the revised text: the same lines, the operative part replaced and
        // numbered in order.
        let mut out: Vec<String> = Vec::new();
        for (index, line, _) in tree.iter() {
            if index == operative[0] {
                for (number, (body, _)) in revised.iter().enumerate() {
                    out.push(format!("\t{}.\t{body}", number + 1));
                }
            }
            if !operative.contains(&index) {
                out.push(line.text.clone());
            }
        }
        let new_tree = Tree::parse(&out.join("\n"));
        let comparison = compare(&tree, &new_tree);
        texts += 1;

        let mut all_right = true;
        let mut truth_of = |status: Status, truth: Truth| {
            expected[truth as usize] += 1;
            let right = matches!(
                (status, truth),
                (Status::Unchanged, Truth::Unchanged)
                    | (Status::Changed, Truth::Changed)
                    | (Status::Moved, Truth::Moved)
                    | (Status::Added, Truth::Added)
                    | (Status::Deleted, Truth::Deleted)
            );
            found[truth as usize] += usize::from(right);
            right
        };
        for entry in &comparison.entries {
            let is_operative = |p: &Option<unres::analysis::compare::Paragraph>| {
                p.as_ref().is_some_and(|p| {
                    matches!(new_tree.role(p.line), Role::Operative { .. })
                        || matches!(tree.role(p.line), Role::Operative { .. })
                })
            };
            if !is_operative(&entry.new) && !is_operative(&entry.old) {
                all_right &= entry.status == Status::Unchanged;
                continue;
            }
            let truth = match &entry.new {
                Some(paragraph) => {
                    let number = match new_tree.line(paragraph.line).map(|l| &l.shape) {
                        Some(LineShape::Numbered { number, .. }) => *number as usize,
                        _ => 0,
                    };
                    revised
                        .get(number.wrapping_sub(1))
                        .map_or(Truth::Unchanged, |r| r.1)
                }
                None => {
                    let is_deleted = entry
                        .old
                        .as_ref()
                        .is_some_and(|p| p.line == operative[deleted]);
                    if is_deleted {
                        Truth::Deleted
                    } else {
                        Truth::Unchanged
                    }
                }
            };
            let right = truth_of(entry.status, truth);
            if !right {
                misses.push(format!(
                    "{}: {:?} reported {} ({:?} → {:?})",
                    path.display(),
                    truth,
                    entry.status.as_str(),
                    entry.old.as_ref().map(|p| p.label.clone()),
                    entry.new.as_ref().map(|p| p.label.clone())
                ));
            }
            all_right &= right;
        }
        exact += usize::from(all_right);
    }
    println!(
        "synthetic revisions: {texts} texts revised (data/corpus GA texts with one numbering and no subparagraphs); all outcomes right in {exact}"
    );
    for (name, truth) in [
        ("unchanged (renumbered)", Truth::Unchanged),
        ("changed", Truth::Changed),
        ("moved", Truth::Moved),
        ("added", Truth::Added),
        ("deleted", Truth::Deleted),
    ] {
        println!(
            "  {name}: {} of {} reported so",
            found[truth as usize], expected[truth as usize]
        );
    }
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(texts >= 20, "only {texts} texts could be revised");
    assert!(
        exact * 10 >= texts * 9,
        "{exact} of {texts} recovered exactly"
    );
}
