//! Formatting: the layout of the text export, applied to the body.
//!
//! Body paragraphs start with one tab; a number or label is followed by a tab
//! (`\t12.\tText`, `\t(a)\tText`); runs of spaces inside the text become one
//! space; trailing whitespace goes. Header lines, footnote texts, annexes,
//! tables and export trailers are left alone. In the resolution's own
//! paragraphs (where PUN010 looks) a space before `,` `;` `:` `.` `)` goes too,
//! as PUN010's fix removes it. Only whitespace changes, so no text is ever
//! lost, and formatting twice changes nothing. [`format_lines`] does the same
//! for a range of lines (range formatting); [`on_enter`] gives the label a new
//! line starts with (on-type formatting).
//!
//! Layout whitespace is the space and the tab, as the lexer sees it: other
//! spaces (no-break, narrow no-break, ideographic, form feed, …) are the text's
//! own and stay where they are, or formatting would change the line's shape
//! and a second pass would undo the first.

use std::ops::RangeInclusive;

use crate::syntax::{LineShape, Role, Span, Tree};

use super::diagnostic::Edit;

pub mod on_enter;

/// The marks no space precedes (PUN010).
pub const CLOSING_PUNCTUATION: [char; 5] = [',', ';', ':', '.', ')'];

/// One edit per line whose layout differs from the canonical one.
pub fn format(tree: &Tree) -> Vec<Edit> {
    format_lines(tree, 0..=usize::MAX)
}

/// [`format`] for the lines in `lines` only (range formatting): a line's layout
/// depends only on its own role, so the lines outside stay as they are.
pub fn format_lines(tree: &Tree, lines: RangeInclusive<usize>) -> Vec<Edit> {
    let mut edits = Vec::new();
    let own = tree.own_text();
    let (first, last) = (*lines.start(), *lines.end());
    let count = last.saturating_sub(first).saturating_add(1);
    for (index, line, role) in tree.iter().skip(first).take(count) {
        // PUN010's scope: the own text's paragraphs, not the organ line.
        let close_up = own.get(index).copied().unwrap_or(false)
            && (role.is_body_paragraph() || matches!(role, Role::Continuation { .. }));
        let body = |text: &str| {
            let collapsed = collapse(trim_layout(text));
            if close_up {
                close_up_punctuation(&collapsed)
            } else {
                collapsed
            }
        };
        let formatted = match role {
            Role::Organ | Role::Preambular | Role::Continuation { .. } => {
                Some(format!("\t{}", body(&line.text)))
            }
            Role::Operative { .. } | Role::Subparagraph { .. } => {
                let label = match &line.shape {
                    LineShape::Numbered { label, .. } => Some(*label),
                    LineShape::Subparagraph { range, .. } => Some(*range),
                    _ => None,
                };
                label.map(|label| {
                    let number = &line.text[label.start..label.end];
                    let body = body(&line.text[label.end..]);
                    if body.is_empty() {
                        format!("\t{number}")
                    } else {
                        format!("\t{number}\t{body}")
                    }
                })
            }
            _ => None,
        };
        if let Some(formatted) = formatted {
            if formatted != line.text {
                edits.push(Edit::new(Span::new(index, 0, line.text.len()), formatted));
            }
        }
    }
    edits
}

/// Layout whitespace trimmed at both ends.
fn trim_layout(text: &str) -> &str {
    text.trim_matches(LAYOUT)
}

const LAYOUT: [char; 2] = [' ', '\t'];

/// Runs of spaces (and stray tabs) inside a paragraph become one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        if ch == ' ' || ch == '\t' {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

/// `2009 ,` → `2009,`: the (single, collapsed) space before a closing mark goes.
fn close_up_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let before_mark = chars
            .peek()
            .is_some_and(|next| CLOSING_PUNCTUATION.contains(next));
        if !(ch == ' ' && before_mark) {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str) -> String {
        let tree = Tree::parse(text);
        let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
        for edit in format(&tree) {
            lines[edit.span.line] = edit.new_text;
        }
        lines.join("\n")
    }

    #[test]
    fn typed_layout_becomes_the_export_layout() {
        let typed = "The General Assembly,\n  Recalling its  resolution 64/222, \n1. Decides  to act:\n(a) To report;\n    (b)   To review.\n\n1 A/68/212.";
        let expected = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act:\n\t(a)\tTo report;\n\t(b)\tTo review.\n\n1 A/68/212.";
        assert_eq!(apply(typed), expected);
        assert_eq!(apply(expected), expected, "idempotent");
    }

    #[test]
    fn spaces_before_punctuation_go_in_the_own_text() {
        let typed = "\tThe General Assembly ,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\t1.\tRequests the Secretary-General ; (see annex )\n\nAnnex\n\tA list ;";
        let expected = "\tThe General Assembly ,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tRequests the Secretary-General; (see annex)\n\nAnnex\n\tA list ;";
        assert_eq!(apply(typed), expected);
        assert_eq!(apply(expected), expected, "idempotent");
    }

    #[test]
    fn a_range_formats_its_lines_as_the_document_does() {
        let typed = "The General Assembly,\n  Recalling  its resolution 64/222 ,\n1. Decides  to act:\n(a) To report ;\n    (b)   To review.";
        let tree = Tree::parse(typed);
        let whole = format(&tree);
        for first in 0..5 {
            for last in first..6 {
                let expected: Vec<&Edit> = whole
                    .iter()
                    .filter(|e| (first..=last).contains(&e.span.line))
                    .collect();
                let range = format_lines(&tree, first..=last);
                assert_eq!(
                    range.iter().collect::<Vec<_>>(),
                    expected,
                    "{first}..={last}"
                );
            }
        }
        assert!(format_lines(&tree, 7..=usize::MAX).is_empty());
    }

    #[test]
    fn comment_lines_stay_as_written() {
        let text = "\tThe General Assembly,\n  %%  unres: ignore PUN010  \n\tRecalling its resolution 64/222,";
        assert_eq!(apply(text), text);
    }

    #[test]
    fn other_spaces_are_text_and_formatting_is_idempotent() {
        for space in [
            '\u{a0}', '\u{202f}', '\u{2028}', '\u{3000}', '\u{c}', '\u{b}',
        ] {
            let typed = format!(
                "\tThe General Assembly,\n{space}1.\tDecides;\n\t2.\t{space}Requests{space}a report;\n\t{space}\tNoting,"
            );
            let once = apply(&typed);
            assert_eq!(apply(&once), once, "{space:?}: {once:?}");
            let count = |s: &str| s.matches(space).count();
            assert_eq!(count(&once), count(&typed), "{space:?} kept: {once:?}");
        }
    }

    #[test]
    fn only_whitespace_changes_on_the_corpus() {
        for name in [
            "A_RES_74_209.txt",
            "S_RES_2334(2016).txt",
            "A_RES_77_128_A-B.txt",
            "A_RES_ES-11_1.txt",
        ] {
            let text = std::fs::read_to_string(format!("data/corpus/{name}")).expect("corpus");
            let formatted = apply(&text);
            // Only spaces, tabs and line ends may change.
            let squash = |s: &str| s.replace([' ', '\t', '\r', '\n'], "");
            assert_eq!(squash(&text), squash(&formatted), "{name}");
            assert_eq!(apply(&formatted), formatted, "{name} idempotent");
            // Ranges of lines (every eleventh line to the next ones) likewise.
            let tree = Tree::parse(&text);
            for first in (0..tree.line_count()).step_by(11) {
                for edit in format_lines(&tree, first..=first + 6) {
                    assert!((first..=first + 6).contains(&edit.span.line), "{name}");
                    let line = &tree.lines()[edit.span.line].text;
                    assert_eq!(squash(line), squash(&edit.new_text), "{name}");
                }
            }
        }
    }
}
