//! What one keystroke costs compared with parsing the whole document again.
//!
//! For the largest corpus text and a generated 5,000-paragraph resolution this
//! prints the median and 90th percentile of a full parse (alone and with
//! `analyze`) and of one keystroke applied the way the server applies it (an
//! insertion in the middle of an operative paragraph near the middle of the
//! document, then its undo, alternating: `SourceText::apply_edit`, re-lexing the
//! edited lines, `Tree::apply_edit`, alone and with `analyze`), and the ratio of
//! the medians. It is a small custom harness rather than criterion or divan
//! because the number we care about is a ratio between two measurements taken in
//! the same run on the same machine, which neither reports, and medians and p90
//! of plain samples are all we need. Run it with `cargo bench --bench keystroke`
//! (the optimized `bench` profile; the measurements take 10 to 20 seconds).

use std::hint::black_box;
use std::time::{Duration, Instant};

use unres::analysis::{Config, analyze};
use unres::syntax::generate::omnibus;
use unres::syntax::{Role, Tree};
use unres::text::{LinePosition, PositionEncoding, SourceText};

const WARM_UP_FULL: usize = 3;
const FULL_RUNS: usize = 51;
const WARM_UP_KEYSTROKES: usize = 20;
const KEYSTROKES: usize = 501;

#[derive(Debug, Clone, Copy)]
struct Stats {
    median: Duration,
    p90: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort_unstable();
    let n = samples.len();
    Stats {
        median: samples[n / 2],
        // Nearest rank.
        p90: samples[(n * 9).div_ceil(10) - 1],
    }
}

fn sample(runs: usize, warm_up: usize, mut run: impl FnMut()) -> Stats {
    for _ in 0..warm_up {
        run();
    }
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    stats(samples)
}

/// The document under test and the place where the keystrokes happen.
struct Subject {
    name: String,
    text: String,
    lines: usize,
    paragraphs: usize,
    subparagraphs: usize,
    /// Where the character is typed (UTF-16 column).
    at: LinePosition,
}

impl Subject {
    fn new(name: &str, text: String) -> Subject {
        let tree = Tree::parse(&text);
        let paragraphs = tree
            .roles()
            .iter()
            .filter(|r| matches!(r, Role::Preambular) || r.operative_number().is_some())
            .count();
        let subparagraphs = tree
            .roles()
            .iter()
            .filter(|r| matches!(r, Role::Subparagraph { .. }))
            .count();
        // The operative paragraph nearest to the middle of the document.
        let middle = tree.line_count() / 2;
        let line = (0..tree.line_count())
            .filter(|&i| matches!(tree.role(i), Role::Operative { .. }))
            .min_by_key(|&i| i.abs_diff(middle))
            .expect("an operative paragraph");
        let lexed = tree.line(line).expect("line");
        // The middle of the paragraph text, as a UTF-16 column.
        let body = &lexed.text[lexed.body_start..lexed.content_end];
        let mut byte = lexed.body_start + body.len() / 2;
        while !lexed.text.is_char_boundary(byte) {
            byte += 1;
        }
        let column = lexed.text[..byte].encode_utf16().count() as u32;
        Subject {
            name: name.to_owned(),
            lines: tree.line_count(),
            paragraphs,
            subparagraphs,
            at: LinePosition::new(line as u32, column),
            text,
        }
    }
}

struct Results {
    parse: Stats,
    parse_analyze: Stats,
    analyze: Stats,
    update: Stats,
    update_analyze: Stats,
}

/// One keystroke as the server handles it; `odd` keystrokes undo the one before.
fn keystroke(source: &mut SourceText, tree: &mut Tree, at: LinePosition, undo: bool) {
    let encoding = PositionEncoding::Utf16;
    let edited = if undo {
        let after = LinePosition::new(at.line, at.character + 1);
        source.apply_edit(Some((at, after)), "", encoding)
    } else {
        source.apply_edit(Some((at, at)), "e", encoding)
    };
    let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
        .map(|i| source.line(i).into_owned())
        .collect();
    tree.apply_edit(edited, &new_lines);
}

fn keystrokes(subject: &Subject, with_analysis: bool) -> Stats {
    let config = Config::default();
    let mut source = SourceText::new(&subject.text);
    let mut tree = Tree::parse(&subject.text);
    let mut undo = false;
    let stats = sample(KEYSTROKES, WARM_UP_KEYSTROKES, || {
        keystroke(&mut source, &mut tree, subject.at, undo);
        if with_analysis {
            black_box(analyze(black_box(&tree), &config));
        } else {
            black_box(&tree);
        }
        undo = !undo;
    });
    // The incremental tree is still the tree of the text.
    assert!(tree == Tree::parse(&source.to_string_lossless()));
    stats
}

fn measure(subject: &Subject) -> Results {
    let config = Config::default();
    let text = subject.text.as_str();
    let parse = sample(FULL_RUNS, WARM_UP_FULL, || {
        black_box(Tree::parse(black_box(text)));
    });
    let parse_analyze = sample(FULL_RUNS, WARM_UP_FULL, || {
        let tree = Tree::parse(black_box(text));
        black_box(analyze(&tree, &config));
    });
    let tree = Tree::parse(text);
    let analyze = sample(FULL_RUNS, WARM_UP_FULL, || {
        black_box(analyze(black_box(&tree), &config));
    });
    Results {
        parse,
        parse_analyze,
        analyze,
        update: keystrokes(subject, false),
        update_analyze: keystrokes(subject, true),
    }
}

fn format_duration(d: Duration) -> String {
    let micros = d.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

fn ratio(full: Duration, incremental: Duration) -> String {
    format!(
        "{:.1}×",
        full.as_secs_f64() / incremental.as_secs_f64().max(1e-9)
    )
}

fn main() {
    let largest = "S_RES_2231(2015).txt";
    let path = format!("{}/data/corpus/{largest}", env!("CARGO_MANIFEST_DIR"));
    let corpus_text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let subjects = [
        Subject::new(largest, corpus_text),
        Subject::new("omnibus(5000)", omnibus(5000)),
    ];

    println!(
        "keystroke benchmark: {FULL_RUNS} full runs, {KEYSTROKES} keystrokes (insert/undo \
         alternating), after warm-up; UTF-16 positions"
    );
    println!();
    println!(
        "{:<22} {:>9} {:>7} {:>11} {:>14} {:>12}",
        "document", "bytes", "lines", "paragraphs", "subparagraphs", "typed at"
    );
    for s in &subjects {
        println!(
            "{:<22} {:>9} {:>7} {:>11} {:>14} {:>12}",
            s.name,
            s.text.len(),
            s.lines,
            s.paragraphs,
            s.subparagraphs,
            format!("{}:{}", s.at.line + 1, s.at.character)
        );
    }

    for subject in &subjects {
        let started = Instant::now();
        let r = measure(subject);
        println!();
        println!("{:<40} {:>10} {:>10}", subject.name, "median", "p90");
        let rows = [
            ("full: parse", r.parse),
            ("full: parse + analyze", r.parse_analyze),
            ("analyze alone", r.analyze),
            ("keystroke: tree update", r.update),
            ("keystroke: tree update + analyze", r.update_analyze),
        ];
        for (label, s) in rows {
            println!(
                "  {:<38} {:>10} {:>10}",
                label,
                format_duration(s.median),
                format_duration(s.p90)
            );
        }
        println!(
            "  {:<38} {:>10}",
            "ratio parse / tree update",
            ratio(r.parse.median, r.update.median)
        );
        println!(
            "  {:<38} {:>10}",
            "ratio full / keystroke (with analyze)",
            ratio(r.parse_analyze.median, r.update_analyze.median)
        );
        println!(
            "  {:<38} {:>10}",
            "(measured in)",
            format!("{:.1} s", started.elapsed().as_secs_f64())
        );
    }
}
