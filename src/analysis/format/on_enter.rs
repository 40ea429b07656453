//! What a new line starts with after Enter (on-type formatting): the next
//! operative number, the next subparagraph label, the first label of a list a
//! colon opens, the next footnote number, a tab for a paragraph of the
//! preamble. The same choices as the VS Code extension's Enter key
//! (`editors/vscode/src/continuation.ts`), made from the tree's roles, so
//! `(i)` after `(h)` is a letter or a numeral as the structure decided.

use crate::syntax::structure::{successor_letter, successor_roman};
use crate::syntax::{LexedLine, LineShape, Role, Tree};

/// The text to write, from `start` to `end` (line, byte); may span the line
/// break Enter made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnterEdit {
    pub start: (usize, usize),
    pub end: (usize, usize),
    pub new_text: String,
}

/// The edit after Enter made `line` (the cursor is on it), if the line above
/// carries a label to continue. Only a new line holding nothing but spaces and
/// tabs (the editor's indentation) is filled: Enter inside a paragraph splits
/// it and adds nothing. A line above that holds only a label ends the list: the
/// label goes, with the line break, as in the VS Code extension.
pub fn on_enter(tree: &Tree, line: usize) -> Option<EnterEdit> {
    let above_index = line.checked_sub(1)?;
    let new_line = tree.line(line)?;
    if !new_line.text.chars().all(|c| c == ' ' || c == '\t') {
        return None;
    }
    let above = tree.line(above_index)?;
    let fill = |text: String| EnterEdit {
        start: (line, 0),
        end: (line, new_line.text.len()),
        new_text: text,
    };
    let end_list = || EnterEdit {
        start: (above_index, above.indent),
        end: (line, new_line.text.len()),
        new_text: String::new(),
    };
    let opens_list = above.final_char().is_some_and(|(_, c)| c == ':');
    let empty = above.body().trim().is_empty();
    match (tree.role(above_index), &above.shape) {
        (Role::Organ | Role::Preambular, _) => Some(fill("\t".to_owned())),
        (Role::Operative { number, .. }, LineShape::Numbered { label, .. }) => {
            if empty {
                return Some(end_list());
            }
            let next = if opens_list {
                "(a)".to_owned()
            } else {
                format!("{}.", number.checked_add(1)?)
            };
            Some(fill(continued(above, label.start, label.end, &next)))
        }
        (Role::Subparagraph { level, .. }, LineShape::Subparagraph { label, range, .. }) => {
            if empty {
                return Some(end_list());
            }
            let next = match level {
                1 if opens_list => "i".to_owned(),
                1 => successor_letter(label)?,
                2 => successor_roman(label)?,
                _ => return None,
            };
            Some(fill(continued(
                above,
                range.start,
                range.end,
                &format!("({next})"),
            )))
        }
        (Role::FootnoteText { number }, shape) => {
            let (label, next) = match shape {
                LineShape::FootnoteDefinition { label, .. } => {
                    (label, format!("[^{}]:", number.checked_add(1)?))
                }
                LineShape::FootnoteCandidate { label, .. } => {
                    (label, number.checked_add(1)?.to_string())
                }
                _ => return None,
            };
            if empty {
                return Some(end_list());
            }
            Some(fill(continued(above, label.start, label.end, &next)))
        }
        _ => None,
    }
}

/// `next` in place of the label at `start..end`, with the line's indentation
/// and the whitespace it puts after the label (a tab if none).
fn continued(above: &LexedLine, start: usize, end: usize, next: &str) -> String {
    let text = &above.text;
    let indent = text.get(..start).unwrap_or("");
    let separator = text
        .get(end..)
        .map(|rest| {
            let trimmed = rest.trim_start_matches([' ', '\t']);
            &rest[..rest.len() - trimmed.len()]
        })
        .filter(|s| !s.is_empty())
        .unwrap_or("\t");
    format!("{indent}{next}{separator}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after pressing Enter at the end of `text` (and typing
    /// `indentation`, as an editor's auto-indent does).
    fn enter(text: &str, indentation: &str) -> String {
        let typed = format!("{text}\n{indentation}");
        let tree = Tree::parse(&typed);
        let last = tree.line_count() - 1;
        let Some(edit) = on_enter(&tree, last) else {
            return typed;
        };
        let mut lines: Vec<String> = typed.split('\n').map(str::to_owned).collect();
        let (start, end) = (edit.start, edit.end);
        let tail = lines[end.0][end.1..].to_owned();
        lines[start.0].replace_range(start.1.., &format!("{}{tail}", edit.new_text));
        lines.truncate(start.0 + 1);
        lines.join("\n")
    }

    const HEAD: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,";

    fn after_head(rest: &str) -> String {
        format!("{HEAD}\n{rest}")
    }

    #[test]
    fn the_next_number_or_label() {
        let cases = [
            ("\t1.\tDecides to act;", "\t1.\tDecides to act;\n\t2.\t"),
            ("\t1.\tDecides to act:", "\t1.\tDecides to act:\n\t(a)\t"),
            (
                "\t1.\tDecides:\n\t(a)\tTo report;",
                "\t1.\tDecides:\n\t(a)\tTo report;\n\t(b)\t",
            ),
            (
                "\t1.\tDecides:\n\t(a)\tTo report on:",
                "\t1.\tDecides:\n\t(a)\tTo report on:\n\t(i)\t",
            ),
            (
                "\t1.\tDecides:\n\t(a)\tTo report on:\n\t(i)\tThe budget;",
                "\t1.\tDecides:\n\t(a)\tTo report on:\n\t(i)\tThe budget;\n\t(ii)\t",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                enter(&after_head(text), "\t"),
                after_head(expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn preamble_lines_start_with_a_tab() {
        assert_eq!(enter(HEAD, ""), format!("{HEAD}\n\t"));
        assert_eq!(enter(HEAD, "  "), format!("{HEAD}\n\t"));
    }

    #[test]
    fn a_line_with_only_a_label_ends_the_list() {
        let text = after_head("\t1.\tDecides;\n\t2.\t");
        assert_eq!(enter(&text, "\t"), after_head("\t1.\tDecides;\n\t"));
    }

    #[test]
    fn enter_inside_a_paragraph_adds_nothing() {
        let tree = Tree::parse(&after_head("\t1.\tDecides\nto act;"));
        assert_eq!(on_enter(&tree, 3), None);
        assert_eq!(on_enter(&tree, 0), None);
        assert_eq!(on_enter(&tree, 99), None);
    }

    #[test]
    fn footnotes_continue() {
        let text = after_head("\t1.\tDecides;1\n\n1 A/68/212.");
        assert_eq!(enter(&text, ""), format!("{text}\n2 "));
    }
}
