//! What each rule costs: `analyze` on the largest corpus text and a generated
//! 5,000-paragraph resolution, for each rule
//!
//! - alone: with only that rule on, less `analyze` with every rule off (the
//!   footnotes and citations every analysis collects); this includes the shared
//!   views the rule is the first to ask for (own text, paragraphs, units, the
//!   style scan), which the full analysis pays once;
//! - marginal: all rules, less all rules but this one (what it adds to a full
//!   analysis; small figures are within noise);
//!
//! and for each family, all rules less all rules but the family's. Each figure
//! is the fastest of its runs, the least disturbed by other work on the
//! machine; run it with `cargo bench --bench rules`,
//! or `cargo bench --bench rules -- STY` for the rules and families whose code
//! starts with `STY`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use unres::analysis::{Config, RULES, analyze};
use unres::syntax::Tree;
use unres::syntax::generate::omnibus;

/// Each measurement runs for about this long (at least `MIN_RUNS` runs).
const BUDGET: Duration = Duration::from_millis(400);
const MIN_RUNS: usize = 7;

fn fastest(tree: &Tree, config: &Config) -> Duration {
    for _ in 0..2 {
        black_box(analyze(tree, config));
    }
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < MIN_RUNS || started.elapsed() < BUDGET {
        let start = Instant::now();
        black_box(analyze(black_box(tree), config));
        samples.push(start.elapsed());
    }
    samples.into_iter().min().expect("at least one run")
}

/// A configuration with only the rules `on` accepts switched on.
fn only(on: impl Fn(&str) -> bool) -> Config {
    let mut config = Config::default();
    for rule in RULES {
        let code = rule.meta().code;
        if !on(code) {
            config.severities.insert(code.to_owned(), None);
        }
    }
    config
}

fn format_duration(d: Duration) -> String {
    let micros = d.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

/// `a - b`, or zero when noise makes it negative.
fn less(a: Duration, b: Duration) -> Duration {
    a.saturating_sub(b)
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a code prefix.
    let prefix = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_default();
    let largest = "S_RES_2231(2015).txt";
    let path = format!("{}/data/corpus/{largest}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let subjects = [
        (largest, Tree::parse(&text)),
        ("omnibus(5000)", Tree::parse(&omnibus(5000))),
    ];
    let mut families: Vec<&str> = RULES.iter().map(|r| &r.meta().code[..3]).collect();
    families.dedup();
    for (name, tree) in &subjects {
        let none = fastest(tree, &only(|_| false));
        let all = fastest(tree, &Config::default());
        println!();
        println!(
            "{name}: analyze {}, with every rule off {}",
            format_duration(all),
            format_duration(none)
        );
        println!(
            "  {:<8} {:>10} {:>10} {:>8}",
            "rule", "alone", "marginal", "share"
        );
        let share = |d: Duration| format!("{:.1} %", 100.0 * d.as_secs_f64() / all.as_secs_f64());
        for rule in RULES
            .iter()
            .map(|r| r.meta().code)
            .filter(|c| c.starts_with(&prefix))
        {
            let alone = less(fastest(tree, &only(|code| code == rule)), none);
            let marginal = less(all, fastest(tree, &only(|code| code != rule)));
            println!(
                "  {rule:<8} {:>10} {:>10} {:>8}",
                format_duration(alone),
                format_duration(marginal),
                share(marginal)
            );
        }
        for family in families
            .iter()
            .filter(|f| f.starts_with(&prefix) || prefix.starts_with(*f))
        {
            let without = fastest(tree, &only(|code| !code.starts_with(family)));
            let cost = less(all, without);
            println!(
                "  {:<8} {:>10} {:>10} {:>8}  (analyze without it: {})",
                format!("{family}*"),
                "",
                format_duration(cost),
                share(cost),
                format_duration(without)
            );
        }
    }
}
