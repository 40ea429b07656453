//! The incremental parser agrees with a full parse.
//!
//! Edits are applied exactly as the server applies an LSP change
//! (`server/documents.rs`): `SourceText::apply_edit` on the rope, then the edited
//! lines are read back from the rope and handed to `Tree::apply_edit`. After a
//! sequence of edits the tree must equal `Tree::parse` of the whole text.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use unres::syntax::Tree;
use unres::syntax::generate::omnibus;
use unres::text::{LinePosition, PositionEncoding, SourceText};

/// One document to edit, parsed once.
struct Fixture {
    name: String,
    text: String,
    tree: Tree,
}

impl Fixture {
    fn new(name: impl Into<String>, text: String) -> Fixture {
        let tree = Tree::parse(&text);
        Fixture {
            name: name.into(),
            text,
            tree,
        }
    }
}

fn corpus(file: &str) -> String {
    let path = format!("{}/data/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Documents of different kinds: a General Assembly resolution with footnotes, a
/// Security Council resolution with subparagraphs and an annex, a composite
/// resolution in three parts with a table, a short one with roman
/// subparagraphs, the same Security Council text with CRLF line ends, and two
/// generated ones (one small, with `\n`, `\r\n` and `\r` line ends).
static FIXTURES: LazyLock<Vec<Fixture>> = LazyLock::new(|| {
    let mut fixtures: Vec<Fixture> = [
        "A_RES_74_102.txt",
        "S_RES_1481(2003).txt",
        "A_RES_78_254_A-C.txt",
        "A_RES_74_265.txt",
    ]
    .into_iter()
    .map(|file| Fixture::new(file, corpus(file)))
    .collect();
    fixtures.push(Fixture::new(
        "S_RES_1481(2003).txt with CRLF",
        corpus("S_RES_1481(2003).txt").replace('\n', "\r\n"),
    ));
    fixtures.push(Fixture::new("omnibus(200)", omnibus(200)));
    // Few lines, so that edits meet, with all three line ends.
    let mixed: String = omnibus(4)
        .split('\n')
        .enumerate()
        .map(|(i, line)| format!("{line}{}", ["\n", "\r\n", "\r"][i % 3]))
        .collect();
    fixtures.push(Fixture::new("omnibus(4) with mixed line ends", mixed));
    fixtures
});

/// Snippets that change line structure, shapes, markers and column arithmetic.
const SNIPPETS: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "\t12.\t",
    "(a)\t",
    ",3",
    "Also ",
    "قرار",
    "联合国",
    "𠮷",
    "👍🏽",
    "x",
    " ",
    "\t",
    "1.",
    ";",
    ":",
    "_______________",
    "71st plenary meeting",
    "20 December 2013",
    "\tThe General Assembly,",
    "4 Ibid.",
    "II",
    "B\t",
    "Annex",
    "[^2]",
    "¹",
];

/// A position chosen before the document is known: a line picked relative to the
/// current line count (or past the end), and a column that may be past the end of
/// the line or inside a surrogate pair.
#[derive(Debug, Clone, Copy)]
struct Pos {
    line: u32,
    past_end: bool,
    column: u32,
}

impl Pos {
    fn resolve(self, line_count: usize) -> LinePosition {
        let line = if self.past_end {
            line_count as u32 + self.line % 3
        } else {
            self.line % line_count as u32
        };
        LinePosition::new(line, self.column)
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Insert {
        at: Pos,
        text: String,
    },
    /// `lines` lines further down (the range may be reversed).
    Delete {
        from: Pos,
        lines: u32,
        column: u32,
        reversed: bool,
    },
    Replace {
        from: Pos,
        lines: u32,
        column: u32,
        text: String,
    },
    /// A change without a range: the whole text replaced.
    ReplaceAll {
        text: String,
    },
}

fn pos() -> impl Strategy<Value = Pos> {
    (
        any::<u32>(),
        prop::bool::weighted(0.05),
        prop_oneof![
            6 => 0u32..120,
            1 => 0u32..2000,
            1 => Just(u32::MAX),
        ],
    )
        .prop_map(|(line, past_end, column)| Pos {
            line,
            past_end,
            column,
        })
}

fn snippet_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SNIPPETS), 1..4).prop_map(|p| p.concat())
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        10 => (pos(), snippet_text()).prop_map(|(at, text)| Edit::Insert { at, text }),
        6 => (pos(), 0u32..4, 0u32..200, any::<bool>()).prop_map(|(from, lines, column, reversed)| {
            Edit::Delete { from, lines, column, reversed }
        }),
        4 => (pos(), 0u32..3, 0u32..200, snippet_text()).prop_map(|(from, lines, column, text)| {
            Edit::Replace { from, lines, column, text }
        }),
        1 => snippet_text().prop_map(|text| Edit::ReplaceAll { text }),
    ]
}

fn encoding() -> impl Strategy<Value = PositionEncoding> {
    prop_oneof![
        8 => Just(PositionEncoding::Utf16),
        1 => Just(PositionEncoding::Utf8),
        1 => Just(PositionEncoding::Utf32),
    ]
}

/// The range and text of an edit against the document as it is now.
fn resolve(edit: &Edit, source: &SourceText) -> (Option<(LinePosition, LinePosition)>, String) {
    let lines = source.line_count();
    match edit {
        Edit::Insert { at, text } => {
            let at = at.resolve(lines);
            (Some((at, at)), text.clone())
        }
        Edit::Delete {
            from,
            lines: down,
            column,
            reversed,
        } => {
            let start = from.resolve(lines);
            let end = LinePosition::new(start.line.saturating_add(*down), *column);
            let range = if *reversed {
                (end, start)
            } else {
                (start, end)
            };
            (Some(range), String::new())
        }
        Edit::Replace {
            from,
            lines: down,
            column,
            text,
        } => {
            let start = from.resolve(lines);
            let end = LinePosition::new(start.line.saturating_add(*down), *column);
            (Some((start, end)), text.clone())
        }
        Edit::ReplaceAll { text } => (None, text.clone()),
    }
}

/// Apply one change the way `server/documents.rs` does.
fn apply(
    source: &mut SourceText,
    tree: &mut Tree,
    range: Option<(LinePosition, LinePosition)>,
    text: &str,
    encoding: PositionEncoding,
) {
    let edited = source.apply_edit(range, text, encoding);
    let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
        .map(|i| source.line(i).into_owned())
        .collect();
    tree.apply_edit(edited, &new_lines);
}

/// Where an incrementally updated tree first differs from the full parse.
fn difference(incremental: &Tree, full: &Tree) -> String {
    let first = (0..incremental.line_count().max(full.line_count()))
        .find(|&i| incremental.line(i) != full.line(i) || incremental.role(i) != full.role(i));
    match first {
        Some(i) => format!(
            "{} lines incrementally, {} in a full parse; first difference at line {i}:\n  incremental: {:?} {:?}\n  full parse:  {:?} {:?}",
            incremental.line_count(),
            full.line_count(),
            incremental.line(i),
            incremental.role(i),
            full.line(i),
            full.role(i),
        ),
        None => format!(
            "same lines and roles, different segments:\n  incremental: {:?}\n  full parse:  {:?}",
            incremental.segments(),
            full.segments()
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        // A failure is reported with its minimized input; nothing is written to
        // the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// 512 random sequences of 1 to 16 edits (about 4,350 edits) over seven
    /// documents.
    #[test]
    fn incremental_parse_matches_full_parse(
        fixture in 0..FIXTURES.len(),
        encoding in encoding(),
        edits in prop::collection::vec(edit(), 1..=16),
    ) {
        let fixture = &FIXTURES[fixture];
        let mut source = SourceText::new(&fixture.text);
        let mut tree = fixture.tree.clone();
        for edit in &edits {
            let (range, text) = resolve(edit, &source);
            apply(&mut source, &mut tree, range, &text, encoding);
        }
        let text = source.to_string_lossless();
        let full = Tree::parse(&text);
        prop_assert!(tree == full, "{}: {}", fixture.name, difference(&tree, &full));
    }
}

/// A fixed-seed linear congruential generator for the deterministic replay.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

/// 2,000 deterministic edits on the largest corpus text, checked every 100 edits
/// and at the end. Edits stay near the current line so they interact.
#[test]
fn replay_two_thousand_edits_on_the_largest_text() {
    let file = "S_RES_2231(2015).txt";
    let original = corpus(file);
    let mut source = SourceText::new(&original);
    let mut tree = Tree::parse(&original);
    let mut rng = Lcg(2231);
    let mut line = source.line_count() as u32 / 2;
    let encoding = PositionEncoding::Utf16;
    for step in 1..=2000 {
        let lines = source.line_count() as u32;
        // Mostly stay around the same place, sometimes jump, now and then past
        // the end.
        line = match rng.below(20) {
            0 => rng.below(u64::from(lines)) as u32,
            1 => lines + rng.below(2) as u32,
            _ => (line + rng.below(3) as u32)
                .saturating_sub(1)
                .min(lines - 1),
        };
        let column = match rng.below(10) {
            0 => u32::MAX,
            1..=3 => rng.below(4000) as u32,
            _ => rng.below(80) as u32,
        };
        let start = LinePosition::new(line, column);
        let snippet = SNIPPETS[rng.below(SNIPPETS.len() as u64) as usize];
        let (range, text) = match rng.below(10) {
            0..=4 => ((start, start), snippet),
            5..=7 => {
                let end = LinePosition::new(line + rng.below(3) as u32, rng.below(200) as u32);
                ((start, end), "")
            }
            _ => {
                let end = LinePosition::new(line + rng.below(2) as u32, rng.below(200) as u32);
                ((end, start), snippet)
            }
        };
        apply(&mut source, &mut tree, Some(range), text, encoding);
        if step % 100 == 0 || step == 2000 {
            let full = Tree::parse(&source.to_string_lossless());
            assert!(
                tree == full,
                "{file}, after edit {step} ({range:?}, {text:?}): {}",
                difference(&tree, &full)
            );
        }
    }
    // The edits did something.
    assert_ne!(source.to_string_lossless(), original);
}

/// The margins around an edit: a lone `\r` before it joining an inserted `\n`, a
/// deletion joining a `\r` to the `\n` of the next line, and the reverse.
#[test]
fn line_break_joins_and_splits() {
    /// Text, range start and end (line, UTF-16 column), inserted text.
    type Case = (&'static str, (u32, u32), (u32, u32), &'static str);
    let cases: &[Case] = &[
        ("\t1.\tA;\r\t2.\tB;", (1, 0), (1, 0), "\n"),
        ("\t1.\tA;\r(a)\n\t2.\tB.", (1, 0), (1, 3), ""),
        ("\t1.\tA;\r\n\t2.\tB.", (0, 6), (1, 0), "\r"),
        ("\t1.\tA;\n\n\n", (1, 0), (3, 0), "\r"),
        ("x\r", (1, 0), (1, 0), "\n"),
        ("", (0, 0), (0, 0), "\r\n\r"),
    ];
    for &(text, (l1, c1), (l2, c2), insert) in cases {
        let mut source = SourceText::new(text);
        let mut tree = Tree::parse(text);
        let range = (LinePosition::new(l1, c1), LinePosition::new(l2, c2));
        apply(
            &mut source,
            &mut tree,
            Some(range),
            insert,
            PositionEncoding::Utf16,
        );
        let full = Tree::parse(&source.to_string_lossless());
        assert!(
            tree == full,
            "{text:?} {range:?} {insert:?}: {}",
            difference(&tree, &full)
        );
    }
}

/// Edits that change the structure where it is decided, on every corpus text:
/// at three places in each, a character typed into the line, a numbered
/// paragraph and a subparagraph inserted before it, and the line deleted. The
/// structure update restarts at the checkpoint before the edit and stops at
/// the first after it where the state is the previous one; each result must
/// equal a fresh parse.
#[test]
fn structural_edits_on_every_corpus_text_match_a_full_parse() {
    let directory = format!("{}/data/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&directory)
        .expect("data/corpus")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let encoding = PositionEncoding::Utf16;
    for path in files {
        let original = std::fs::read_to_string(&path).expect("corpus text");
        let mut source = SourceText::new(&original);
        let mut tree = Tree::parse(&original);
        let lines = source.line_count() as u32;
        for place in 1..=3 {
            let line = (lines * place / 4).min(lines.saturating_sub(1));
            let edits: [(LinePosition, LinePosition, &str); 4] = [
                (LinePosition::new(line, 3), LinePosition::new(line, 3), "x"),
                (
                    LinePosition::new(line, 0),
                    LinePosition::new(line, 0),
                    "\t12.\tDecides;\n",
                ),
                (
                    LinePosition::new(line, 0),
                    LinePosition::new(line, 0),
                    "\t(b)\tto act;\n",
                ),
                (
                    LinePosition::new(line, 0),
                    LinePosition::new(line + 1, 0),
                    "",
                ),
            ];
            for (start, end, text) in edits {
                apply(&mut source, &mut tree, Some((start, end)), text, encoding);
                let full = Tree::parse(&source.to_string_lossless());
                assert!(
                    tree == full,
                    "{}, {text:?} at line {line}: {}",
                    path.display(),
                    difference(&tree, &full)
                );
            }
        }
    }
}

/// Numbered lines in the header are checkpoints before the organ line, which
/// sets where the first numbering segment starts: an update that stops before
/// the organ line keeps the start the previous build found there.
#[test]
fn an_update_that_stops_before_the_organ_line_keeps_where_the_body_starts() {
    let original = "Resolution adopted by the General Assembly\n\t12.\tx\na\nb\nc\nd\n\t13.\ty\n\tThe General Assembly,\n\tRecalling its resolution 70/1,\n\t1.\tDecides to act.\n";
    let mut source = SourceText::new(original);
    let mut tree = Tree::parse(original);
    // The edit's window is the line and its neighbours: lines 2 to 4.
    let at = LinePosition::new(3, 1);
    apply(
        &mut source,
        &mut tree,
        Some((at, at)),
        "x",
        PositionEncoding::Utf16,
    );
    let full = Tree::parse(&source.to_string_lossless());
    assert_eq!(full.segments()[0].start_line, 7);
    assert!(tree == full, "{}", difference(&tree, &full));
}
