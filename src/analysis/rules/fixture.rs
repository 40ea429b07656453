//! Test fixtures with inline expectations.
//!
//! A fixture is a small resolution text. A line made of optional whitespace,
//! carets and a rule code states a diagnostic on the line above it, under the
//! carets' columns (characters, a tab counting as one):
//!
//! ```text
//! \t3.\tRequests the Secretary-General to report.
//! \t^^ NUM001
//! ```
//!
//! Several annotation lines may follow one text line. `check` fails unless the
//! diagnostics of the families under test are exactly the annotated ones.

use crate::analysis::{Config, Diagnostic, analyze};
use crate::syntax::Tree;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    line: usize,
    start: usize,
    end: usize,
    code: String,
}

/// Split a fixture into its text and its expectations.
fn parse_fixture(fixture: &str) -> (String, Vec<Expected>) {
    let mut text_lines: Vec<&str> = Vec::new();
    let mut expected = Vec::new();
    for line in fixture.split('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.starts_with('^') && !text_lines.is_empty() {
            let indent = line.chars().count() - trimmed.chars().count();
            let carets = trimmed.chars().take_while(|&c| c == '^').count();
            let code = trimmed[carets..].trim().to_owned();
            expected.push(Expected {
                line: text_lines.len() - 1,
                start: indent,
                end: indent + carets,
                code,
            });
        } else {
            text_lines.push(line);
        }
    }
    (text_lines.join("\n"), expected)
}

fn actual(tree: &Tree, diagnostics: &[Diagnostic]) -> Vec<Expected> {
    diagnostics
        .iter()
        .map(|d| {
            let text = &tree.lines()[d.span.line].text;
            let start = text[..d.span.start].chars().count();
            let end = text[..d.span.end.max(d.span.start)].chars().count();
            Expected {
                line: d.span.line,
                start,
                // A zero-width diagnostic is annotated with one caret.
                end: end.max(start + 1),
                code: d.code.to_owned(),
            }
        })
        .collect()
}

/// The rule family of the test calling a fixture: `PUN` for a test in
/// `rules/pun001_preambular_comma.rs`.
fn caller_family(location: &std::panic::Location<'_>) -> Option<String> {
    let stem = std::path::Path::new(location.file())
        .file_stem()?
        .to_str()?;
    let (family, rest) = stem.split_at_checked(3)?;
    (family.chars().all(|c| c.is_ascii_lowercase())
        && rest.starts_with(|c: char| c.is_ascii_digit()))
    .then(|| family.to_ascii_uppercase())
}

/// Analyze the fixture with `config`; return the diagnostics after asserting they
/// are exactly the annotated ones.
///
/// A test in a rule's file checks that rule's family (`PUN`, `VRB`, `NUM` …) and
/// any family it annotates: other families have fixtures of their own, and the
/// corpus gate and the mutation tests check all rules together.
#[track_caller]
pub fn check_with(config: &Config, fixture: &str) -> Vec<Diagnostic> {
    let caller = caller_family(std::panic::Location::caller());
    let (text, mut expected) = parse_fixture(fixture);
    let mut families: Vec<String> = expected
        .iter()
        .map(|e| e.code[..3.min(e.code.len())].to_owned())
        .collect();
    families.extend(caller);
    let tree = Tree::parse(&text);
    let diagnostics: Vec<Diagnostic> = analyze(&tree, config)
        .into_iter()
        .filter(|d| families.is_empty() || families.iter().any(|f| d.code.starts_with(f.as_str())))
        .collect();
    let mut got = actual(&tree, &diagnostics);
    expected.sort();
    got.sort();
    assert_eq!(
        got,
        expected,
        "diagnostics differ from the annotations; messages: {:#?}",
        diagnostics
            .iter()
            .map(|d| format!("{}:{} {} {}", d.span.line, d.span.start, d.code, d.message))
            .collect::<Vec<_>>()
    );
    diagnostics
}

#[track_caller]
pub fn check(fixture: &str) -> Vec<Diagnostic> {
    check_with(&Config::default(), fixture)
}

/// Apply the first fix of the only diagnostic with `code` and return the new text.
pub fn apply_fix(fixture: &str, code: &str) -> String {
    let (text, _) = parse_fixture(fixture);
    let tree = Tree::parse(&text);
    let diagnostics = analyze(&tree, &Config::default());
    let diagnostic = diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} diagnostic"));
    let fix = diagnostic.fixes.first().expect("a fix");
    let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
    let mut edits = fix.edits.clone();
    // Apply from the end so earlier spans stay valid.
    edits.sort_by_key(|e| std::cmp::Reverse(e.span));
    for edit in edits {
        let line = &mut lines[edit.span.line];
        line.replace_range(edit.span.start..edit.span.end, &edit.new_text);
    }
    lines.join("\n")
}
