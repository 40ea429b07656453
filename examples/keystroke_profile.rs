//! Profiling harness (not a benchmark): types and deletes one character in the
//! middle operative paragraph of a document `N` times, as benches/lsp.rs's
//! in-process part does, so `perf record` sees only the keystroke path.
//! `cargo run --profile bench --example keystroke_profile -- FILE [N] [full]`
//! (`full` profiles full parse + analysis instead).

use std::hint::black_box;
use std::time::Instant;

use unres::analysis::{AnalysisMemo, Catalog, Config, analyze_with, analyze_with_memo};
use unres::syntax::{Role, Tree};
use unres::text::{LinePosition, PositionEncoding, SourceText};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let n: usize = args.next().map(|s| s.parse().unwrap()).unwrap_or(400);
    let full = args.next().as_deref() == Some("full");
    let text = std::fs::read_to_string(path).unwrap();
    let config = Config::default();
    let catalog = Catalog::embedded();
    if full {
        let started = Instant::now();
        for _ in 0..n {
            let tree = Tree::parse(black_box(&text));
            black_box(analyze_with(&tree, &config, &catalog));
        }
        eprintln!(
            "full: {:.3} ms each",
            started.elapsed().as_secs_f64() * 1e3 / n as f64
        );
        return;
    }
    let mut tree = Tree::parse(&text);
    let middle = tree.line_count() / 2;
    let line = (0..tree.line_count())
        .filter(|&i| matches!(tree.role(i), Role::Operative { .. }))
        .min_by_key(|&i| i.abs_diff(middle))
        .unwrap();
    let lexed = tree.line(line).unwrap();
    let mut byte = lexed.body_start + (lexed.content_end - lexed.body_start) / 2;
    while !lexed.text.is_char_boundary(byte) {
        byte += 1;
    }
    let at = LinePosition::new(
        line as u32,
        lexed.text[..byte].encode_utf16().count() as u32,
    );
    let mut source = SourceText::new(&text);
    let mut memo = AnalysisMemo::default();
    analyze_with_memo(&tree, &config, &catalog, &mut memo);
    let mut samples = Vec::new();
    for k in 0..n {
        let started = Instant::now();
        let edited = if k % 2 == 1 {
            let after = LinePosition::new(at.line, at.character + 1);
            source.apply_edit(Some((at, after)), "", PositionEncoding::Utf16)
        } else {
            source.apply_edit(Some((at, at)), "e", PositionEncoding::Utf16)
        };
        let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
            .map(|i| source.line(i).into_owned())
            .collect();
        tree.apply_edit(edited, &new_lines);
        black_box(analyze_with_memo(&tree, &config, &catalog, &mut memo));
        samples.push(started.elapsed());
    }
    samples.sort();
    eprintln!(
        "keystroke median {:.3} ms p99 {:.3} ms",
        samples[n / 2].as_secs_f64() * 1e3,
        samples[(n * 99).div_ceil(100) - 1].as_secs_f64() * 1e3
    );
}
