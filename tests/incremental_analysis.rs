//! Diagnostics after a sequence of edits equal those of a fresh analysis of the
//! final text.
//!
//! Edits are what a typist makes in the body of a resolution — characters typed
//! and deleted inside paragraphs, a paragraph split or joined, a marker, a
//! number, a footnote reference — applied the way the server applies an LSP
//! change (`SourceText::apply_edit`, the edited lines read back, one
//! `Tree::apply_edit`), and the document is analyzed after every edit as the
//! server does while one types, with one [`AnalysisMemo`] kept across the versions
//! as the server keeps one per document. Whatever the analysis keeps between
//! versions, the diagnostics of every version must be exactly those of
//! `analyze` on `Tree::parse` of that version's text. (`tests/incremental.rs` checks the trees
//! with harsher edits; this checks what the user sees.)

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use unres::analysis::{AnalysisMemo, Catalog, Config, Diagnostic, analyze_with, analyze_with_memo};
use unres::syntax::Tree;
use unres::syntax::generate::omnibus;
use unres::text::{LinePosition, PositionEncoding, SourceText};

fn corpus(file: &str) -> String {
    let path = format!("{}/data/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A General Assembly text with footnotes, a Security Council text with
/// subparagraphs and an annex, a composite resolution in three parts, and a
/// generated resolution of 60 paragraphs.
static TEXTS: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| {
    let mut texts: Vec<(&str, String)> = [
        "A_RES_74_102.txt",
        "S_RES_1481(2003).txt",
        "A_RES_78_254_A-C.txt",
    ]
    .into_iter()
    .map(|file| (file, corpus(file)))
    .collect();
    texts.push(("omnibus(60)", omnibus(60)));
    texts
});

/// What a typist inserts: letters, spaces, punctuation the rules read, a line
/// break (a paragraph split), openings, markers, numbers and footnote marks.
const TYPED: &[&str] = &[
    "e",
    "s",
    " ",
    ",",
    ";",
    ":",
    ".",
    "\n",
    "\t",
    "Also ",
    "further ",
    "Decides ",
    "Recalling ",
    "1.",
    "(a)\t",
    "2",
    "resolution 70/1",
    "15 September 2015",
    "per cent",
    "organisation",
    // Lines that change roles and document facts: a blank line, a heading, a
    // section number, an annex, the Council's organ line, French articles.
    "\n\n",
    "\nFinancing of the programme\n",
    "\nII\n",
    "\nAnnex\n",
    "\nThe Security Council,\n",
    "Organisation for the Prohibition of Chemical Weapons",
    " de la de la de la de la de la ",
    // What the memo keeps per line besides the openings: symbols (well and
    // badly written: the symbol defects, SYM001–SYM003 as line rules), the
    // style lists' forms and figures (the style walk).
    "A/RES/68/230",
    " A/RES/068/230",
    "A/DEC/12",
    "E/RES/5/2013",
    "resolution 68-230",
    "resolution 2012 A",
    "resolutions 1 (I) and 2",
    "12,500",
    "Viet Nam",
    "programme",
    "\u{201c}",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Type `text` at a place given as fractions of the line count and of
    /// the line's length.
    Type {
        line: u16,
        column: u16,
        text: String,
    },
    /// Delete up to `length` characters from that place (across a line end
    /// when the line is shorter: a join).
    Delete { line: u16, column: u16, length: u8 },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<u16>(), any::<u16>(), prop::sample::select(TYPED))
            .prop_map(|(line, column, text)| Edit::Type { line, column, text: text.to_owned() }),
        2 => (any::<u16>(), any::<u16>(), 1u8..8)
            .prop_map(|(line, column, length)| Edit::Delete { line, column, length }),
    ]
}

/// A place in the current text: a line, and a UTF-16 column inside it.
fn place(source: &SourceText, line: u16, column: u16) -> LinePosition {
    let line = line as usize % source.line_count().max(1);
    let width = source.line(line).encode_utf16().count();
    let column = column as usize % (width + 1);
    LinePosition::new(line as u32, column as u32)
}

fn apply(source: &mut SourceText, tree: &mut Tree, edit: &Edit) {
    let (range, text) = match edit {
        Edit::Type { line, column, text } => {
            let at = place(source, *line, *column);
            ((at, at), text.as_str())
        }
        Edit::Delete {
            line,
            column,
            length,
        } => {
            let start = place(source, *line, *column);
            let width = source.line(start.line as usize).encode_utf16().count() as u32;
            let end = if start.character + u32::from(*length) <= width {
                LinePosition::new(start.line, start.character + u32::from(*length))
            } else {
                LinePosition::new(start.line + 1, 0)
            };
            ((start, end), "")
        }
    };
    let edited = source.apply_edit(Some(range), text, PositionEncoding::Utf16);
    let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
        .map(|i| source.line(i).into_owned())
        .collect();
    tree.apply_edit(edited, &new_lines);
}

/// Analyze `tree` with the memo kept across versions and `source`'s text
/// afresh: `None` when they agree, else the first difference.
fn compare_with_fresh(source: &SourceText, tree: &Tree, memo: &mut AnalysisMemo) -> Option<String> {
    let (config, catalog) = (Config::default(), Catalog::embedded());
    let incremental = analyze_with_memo(tree, &config, &catalog, memo);
    let fresh = analyze_with(
        &Tree::parse(&source.to_string_lossless()),
        &config,
        &catalog,
    );
    (incremental != fresh).then(|| first_difference(&incremental, &fresh))
}

/// The first diagnostic that differs, for the failure message.
fn first_difference(incremental: &[Diagnostic], fresh: &[Diagnostic]) -> String {
    let at = incremental
        .iter()
        .zip(fresh)
        .position(|(a, b)| a != b)
        .unwrap_or(incremental.len().min(fresh.len()));
    format!(
        "{} diagnostics after the edits, {} fresh; first difference at {at}:\n  after edits: {:?}\n  fresh:       {:?}",
        incremental.len(),
        fresh.len(),
        incremental.get(at),
        fresh.get(at)
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn diagnostics_after_edits_equal_a_fresh_analysis(
        which in 0usize..4,
        edits in prop::collection::vec(edit(), 1..16),
    ) {
        let config = Config::default();
        let catalog = Catalog::embedded();
        let (name, text) = &TEXTS[which];
        let mut source = SourceText::new(text);
        let mut tree = Tree::parse(text);
        let mut memo = AnalysisMemo::default();
        analyze_with_memo(&tree, &config, &catalog, &mut memo);
        for (step, edit) in edits.iter().enumerate() {
            apply(&mut source, &mut tree, edit);
            let difference = compare_with_fresh(&source, &tree, &mut memo);
            prop_assert!(
                difference.is_none(),
                "{name}, after edit {step} ({edit:?}): {}",
                difference.unwrap_or_default()
            );
        }
    }
}

/// Every text of the corpus, by file name.
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = format!("{}/data/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let text = corpus(&file);
            (file, text)
        })
        .collect()
});

/// Drafts, which some document rules read alone (the draft's title, symbols
/// of superseded drafts), with repeated openings, lettered lists and Council
/// citations.
const DRAFTS: &[&str] = &[
    "A/C.3/78/L.12/Rev.1\nJapan: draft resolution\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\tRecalling also Security Council resolution 1325 (2000),\n\tFurther recalling resolution 2242,\n\t1.\tRequests the Secretary-General to report;\n\t2.\tRequests the Secretary-General to act;\n\t3.\tFurther requests the Secretary-General to consult:\n\t(a)\tOn progress;\n\t(b)\tOn challenges;\n\t(d)\tOn resources;\n\t4.\tAlso decides to consider draft resolution A/C.3/78/L.12 at its next session.\n",
    "Japan: draft resolution\nReports\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note with appreciation of the comprehensive reports of the Secretary-General;\n\t2.\tTakes note with appreciation of the comprehensive reports of the Special Rapporteur;\n\t3.\tDecides to remain seized of the matter.\n",
    "Japan: draft resolution\nThe UNGA and the work of UNDP\n\tThe General Assembly,\n\tRecalls its resolution 64/222,\n\tThe Assembly noting the report,\n\t1.\tRequesting the Secretary-General to report;\n\t2.\tAcquests Member States to act, decides to continue;\n\t3.\tAlso requests the Committee to consult.\n",
];

/// What a typist writes inside a paragraph that the document rules read in
/// parts: marks at its end, words of its opening, figures that may be
/// footnote markers, citations and dates, references to its own paragraphs,
/// quotation marks, brackets.
const TYPED_IN_PARAGRAPHS: &[&str] = &[
    "e",
    "R",
    " ",
    ",",
    ";",
    ":",
    ".",
    "1",
    "3",
    "2015",
    "(",
    ")",
    "[",
    "]",
    "\u{201c}",
    "\u{201d}",
    " and",
    "Also ",
    "also ",
    "Calls upon ",
    "Welcoming ",
    "resolution 70/1",
    " of 25 September 2015",
    "resolutions 1325 (2000) and 2242 (2015)",
    "paragraph 3 above",
    "Vietnam",
    "Viet Nam",
    "the United States",
    "\u{a0}",
    "Recalls ",
    "Requesting ",
    "The Assembly requests ",
    "Acting under Chapter VII of the Charter, ",
    ", decides",
    "the Secretary-General ",
    "resolution 2231",
    "A/C.3/78/L.12",
    "/Rev.2",
    "(a)\t",
];

/// An edit inside one paragraph line: typed at, or deleted from, a place
/// given as fractions of the paragraph lines and of the line's length.
#[derive(Debug, Clone)]
struct ParagraphEdit {
    line: u16,
    column: u16,
    typed: Option<&'static str>,
    deleted: u8,
}

fn paragraph_edit() -> impl Strategy<Value = ParagraphEdit> {
    (
        any::<u16>(),
        any::<u16>(),
        prop::option::weighted(0.7, prop::sample::select(TYPED_IN_PARAGRAPHS)),
        1u8..4,
    )
        .prop_map(|(line, column, typed, deleted)| ParagraphEdit {
            line,
            column,
            typed,
            deleted,
        })
}

/// Apply `edit` to a paragraph line of `tree`; `false` when the text has no
/// paragraph line.
fn apply_in_paragraph(source: &mut SourceText, tree: &mut Tree, edit: &ParagraphEdit) -> bool {
    use unres::syntax::Role;
    let paragraphs: Vec<usize> = (0..tree.line_count())
        .filter(|&i| {
            matches!(
                tree.role(i),
                Role::Preambular
                    | Role::Operative { .. }
                    | Role::UnnumberedOperative { .. }
                    | Role::Subparagraph { .. }
                    | Role::Continuation { .. }
            )
        })
        .collect();
    if paragraphs.is_empty() {
        return false;
    }
    let line = paragraphs[edit.line as usize % paragraphs.len()];
    let width = source.line(line).encode_utf16().count() as u32;
    let at = LinePosition::new(line as u32, u32::from(edit.column) % (width + 1));
    let (range, text) = match edit.typed {
        Some(typed) => ((at, at), typed),
        None => {
            let end = (at.character + u32::from(edit.deleted)).min(width);
            ((at, LinePosition::new(at.line, end)), "")
        }
    };
    let edited = source.apply_edit(Some(range), text, PositionEncoding::Utf16);
    let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
        .map(|i| source.line(i).into_owned())
        .collect();
    tree.apply_edit(edited, &new_lines);
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Typing and deleting inside paragraphs of any corpus text: the edits
    /// whose findings the document rules carry over, where a rule that reads
    /// more than it declares would keep a stale finding.
    #[test]
    fn diagnostics_after_paragraph_edits_equal_a_fresh_analysis(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(paragraph_edit(), 1..12),
    ) {
        let config = Config::default();
        let catalog = Catalog::embedded();
        // About one case in six edits a draft.
        let (name, text) = match which.index(CORPUS.len() * 6 / 5) {
            i if i < CORPUS.len() => (CORPUS[i].0.as_str(), CORPUS[i].1.as_str()),
            i => ("draft", DRAFTS[i % DRAFTS.len()]),
        };
        let mut source = SourceText::new(text);
        let mut tree = Tree::parse(text);
        let mut memo = AnalysisMemo::default();
        analyze_with_memo(&tree, &config, &catalog, &mut memo);
        for (step, edit) in edits.iter().enumerate() {
            if !apply_in_paragraph(&mut source, &mut tree, edit) {
                break;
            }
            let difference = compare_with_fresh(&source, &tree, &mut memo);
            prop_assert!(
                difference.is_none(),
                "{name}, after edit {step} ({edit:?}): {}",
                difference.unwrap_or_default()
            );
        }
    }
}
