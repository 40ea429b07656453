//! The numbering plan of operative paragraphs: which number each paragraph should
//! carry, shared by NUM001 (sequence), NUM009 (section style) and the renumbering
//! fix.
//!
//! Numbering runs per composite part (each part starts at 1, DOC010). Inside a part,
//! roman sections either all restart at 1 or all continue (NUM009): the style is
//! read from the second numbered segment and every later section is held to it.
//! Annex paragraphs are numbered per annex; a paragraph numbered 1 always starts a
//! new list there, because annexes nest their own lists under headings.

use crate::syntax::{LineShape, Role, SegmentKind, Span, Tree};

use super::cross_refs::{CrossRef, Targets};
use super::diagnostic::Edit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberedParagraph {
    pub line: usize,
    pub number: u32,
    /// The digits (without the full stop).
    pub digits: Span,
    pub segment: u32,
    /// Index of the first paragraph of the run this one is renumbered with.
    run: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SequenceFault {
    /// This paragraph alone carries a wrong number; the ones after it are right.
    Misnumbered,
    /// A number is missing before this one.
    Gap,
    /// The number was already used just before.
    Duplicate,
    /// The number is lower than the one before.
    OutOfOrder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    /// Paragraph `index` should carry `expected`.
    Sequence {
        index: usize,
        expected: u32,
        previous: Option<u32>,
        fault: SequenceFault,
    },
    /// The section starting at paragraph `index` restarts (or continues) its
    /// numbering while the part's earlier sections do the opposite.
    MixedSectionStyle { index: usize, restarts: bool },
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub paragraphs: Vec<NumberedParagraph>,
    pub issues: Vec<Issue>,
}

fn digits_span(tree: &Tree, line: usize) -> Span {
    match tree.line(line).map(|l| &l.shape) {
        Some(LineShape::Numbered { label, .. }) => Span::new(line, label.start, label.end - 1),
        Some(LineShape::MalformedNumber { label, .. }) => {
            let text = &tree.lines()[line].text[label.start..label.end];
            let start = label.start + text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let end = label.start
                + text
                    .rfind(|c: char| c.is_ascii_digit())
                    .map_or(0, |i| i + 1);
            Span::new(line, start, end)
        }
        _ => Span::point(line, 0),
    }
}

pub fn plan(tree: &Tree) -> Plan {
    let segments = tree.segments();
    let mut by_segment: Vec<Vec<NumberedParagraph>> = vec![Vec::new(); segments.len()];
    for (line, _, role) in tree.iter() {
        let (number, segment) = match role {
            // `5 bis.`: inserted in a rolling text, outside the sequence (NUM012
            // checks where it stands).
            Role::Operative { rank: 1.., .. } => continue,
            Role::Operative {
                number, segment, ..
            }
            | Role::MalformedOperative { number, segment }
            | Role::AnnexParagraph { number, segment } => (number, segment),
            _ => continue,
        };
        if let Some(list) = by_segment.get_mut(segment as usize) {
            list.push(NumberedParagraph {
                line,
                number,
                digits: digits_span(tree, line),
                segment,
                run: 0,
            });
        }
    }
    let mut plan = Plan::default();
    let mut part_state: Option<(u32, Option<bool>, u32)> = None; // (part, restarts, last)
    for (segment_index, list) in by_segment.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let segment = segments[segment_index];
        let base = plan.paragraphs.len();
        if segment.kind == SegmentKind::Annex {
            plan.paragraphs.extend(list);
            check_annex(&mut plan, base);
            continue;
        }
        let first = list[0].number;
        let continue_run = plan.paragraphs.last().map_or(base, |p| p.run);
        let (expected_start, run_start) = match part_state {
            Some((part, style, last)) if part == segment.part => {
                let restarts_here = first == 1;
                let continues_here = first == last + 1;
                // `A`, `B` inside roman section VII going on from its 4 to 5: the
                // lettered subsections share their section's numbering, whatever
                // the roman sections do.
                let lettered_subsection = matches!(
                    tree.role(segment.start_line as usize),
                    Role::PartHeading {
                        composite: false,
                        ..
                    }
                );
                if lettered_subsection && continues_here && !restarts_here {
                    (first, continue_run)
                } else {
                    // The second numbered segment of a part sets the style.
                    let restarts = style.unwrap_or(restarts_here);
                    part_state = Some((part, Some(restarts), last));
                    if restarts && continues_here && !restarts_here {
                        plan.issues.push(Issue::MixedSectionStyle {
                            index: base,
                            restarts: false,
                        });
                        (first, continue_run)
                    } else if !restarts && restarts_here && !continues_here {
                        plan.issues.push(Issue::MixedSectionStyle {
                            index: base,
                            restarts: true,
                        });
                        (1, base)
                    } else if restarts {
                        (1, base)
                    } else {
                        (last + 1, continue_run)
                    }
                }
            }
            _ => {
                part_state = Some((segment.part, None, 0));
                (1, base)
            }
        };
        let mut expected = expected_start;
        let mut previous = None;
        let numbers: Vec<u32> = list.iter().map(|p| p.number).collect();
        for (offset, mut paragraph) in list.into_iter().enumerate() {
            paragraph.run = run_start;
            let number = paragraph.number;
            if number != expected {
                // One paragraph carries a wrong number while the ones after it
                // go on as if it had the right one: only this one is wrong.
                let alone = numbers.get(offset + 1) == Some(&(expected + 1));
                let fault = match previous {
                    _ if alone => SequenceFault::Misnumbered,
                    Some(p) if number == p => SequenceFault::Duplicate,
                    Some(p) if number < p => SequenceFault::OutOfOrder,
                    _ if number < expected => SequenceFault::OutOfOrder,
                    _ => SequenceFault::Gap,
                };
                plan.issues.push(Issue::Sequence {
                    index: base + offset,
                    expected,
                    previous,
                    fault,
                });
                // Resynchronize, so that a gap or a swap is reported once.
                if !alone {
                    expected = number.max(previous.unwrap_or(0));
                }
            }
            expected += 1;
            previous = Some(number);
            plan.paragraphs.push(paragraph);
        }
        if let Some((part, style, _)) = part_state {
            part_state = Some((part, style, previous.unwrap_or(0)));
        }
    }
    plan
}

fn check_annex(plan: &mut Plan, base: usize) {
    for index in base..plan.paragraphs.len() {
        let number = plan.paragraphs[index].number;
        let previous = (index > base).then(|| plan.paragraphs[index - 1]);
        match previous {
            Some(previous) if number != 1 => {
                plan.paragraphs[index].run = previous.run;
                let p = previous.number;
                if number != p + 1 {
                    let fault = if number == p {
                        SequenceFault::Duplicate
                    } else if number < p {
                        SequenceFault::OutOfOrder
                    } else {
                        SequenceFault::Gap
                    };
                    plan.issues.push(Issue::Sequence {
                        index,
                        expected: p + 1,
                        previous: Some(p),
                        fault,
                    });
                }
            }
            _ => plan.paragraphs[index].run = index,
        }
    }
}

impl Plan {
    /// Edits that renumber the run of paragraph `index` consecutively from it on,
    /// starting at `first_number`, and rewrite the cross-references ("paragraph 5
    /// above") to the paragraphs that move, so that each still points at the
    /// paragraph it meant. References to a number that several paragraphs of
    /// the run carry are left alone: which one they meant is unknown.
    pub fn renumber_from(
        &self,
        tree: &Tree,
        index: usize,
        first_number: u32,
        references: &[CrossRef],
    ) -> Vec<Edit> {
        let Some(start) = self.paragraphs.get(index) else {
            return Vec::new();
        };
        let mut edits = Vec::new();
        // The line of each paragraph that moves, and its new number.
        let mut moves: Vec<(usize, u32)> = Vec::new();
        for (number, paragraph) in (first_number..).zip(&self.paragraphs[index..]) {
            if paragraph.run != start.run {
                break;
            }
            if paragraph.number != number {
                edits.push(Edit::new(paragraph.digits, number.to_string()));
                moves.push((paragraph.line, number));
            }
        }
        let run: Vec<u32> = self
            .paragraphs
            .iter()
            .filter(|p| p.run == start.run)
            .map(|p| p.number)
            .collect();
        let targets = Targets::new(tree);
        for reference in references {
            let unique = run.iter().filter(|&&n| n == reference.number).count() == 1;
            let target =
                targets.paragraph(reference.number, reference.span.line, reference.direction);
            let moved = moves.iter().find(|(line, _)| Some(*line) == target);
            if let (true, Some(&(_, new))) = (unique, moved) {
                edits.push(Edit::new(reference.span, new.to_string()));
            }
        }
        edits
    }

    /// The first paragraph of the run of paragraph `index` (the part, or the
    /// section where sections restart) and the number it should carry.
    pub fn run_start(&self, index: usize) -> Option<(usize, u32)> {
        let first = self.paragraphs.get(index)?.run;
        let expected = self.issues.iter().find_map(|issue| match *issue {
            Issue::Sequence {
                index, expected, ..
            } if index == first => Some(expected),
            _ => None,
        });
        Some((
            first,
            expected.unwrap_or(self.paragraphs.get(first)?.number),
        ))
    }

    /// Edits that renumber the whole run of paragraph `index` in document
    /// order: right when a paragraph was moved, not only where one is missing.
    pub fn renumber_run(&self, tree: &Tree, index: usize, references: &[CrossRef]) -> Vec<Edit> {
        match self.run_start(index) {
            Some((first, number)) => self.renumber_from(tree, first, number, references),
            None => Vec::new(),
        }
    }
}

/// Edits that renumber every operative paragraph consecutively, in document
/// order, each numbering run (the resolution, a composite part, a section that
/// restarts) from 1, rewriting the cross-references to the paragraphs that
/// move (the `unres.renumberParagraphs` command). Annex lists are left alone.
pub fn renumber_operative(tree: &Tree) -> Vec<Edit> {
    let plan = plan(tree);
    let references = super::cross_refs::collect(tree);
    let mut edits: Vec<Edit> = Vec::new();
    for (index, paragraph) in plan.paragraphs.iter().enumerate() {
        let in_annex = tree
            .segments()
            .get(paragraph.segment as usize)
            .is_some_and(|s| s.kind == SegmentKind::Annex);
        if paragraph.run != index || in_annex {
            continue;
        }
        for edit in plan.renumber_from(tree, index, 1, &references) {
            // A reference two runs would rewrite keeps the first rewrite.
            if !edits.iter().any(|e| e.span == edit.span) {
                edits.push(edit);
            }
        }
    }
    edits
}

/// Edits that renumber the footnotes by first appearance (the
/// `unres.renumberFootnotes` command): every reference and the label of every
/// footnote text take the number of the reference's rank, in the reference's
/// own form (`1`, `[^1]`, `¹`). The texts stay where they are.
pub fn renumber_footnotes(tree: &Tree) -> Vec<Edit> {
    let footnotes = tree.footnotes();
    let mut order: Vec<u32> = Vec::new();
    for reference in &footnotes.refs {
        if !order.contains(&reference.number) {
            order.push(reference.number);
        }
    }
    let first = footnotes.first_number.max(1);
    let new_number = |old: u32| {
        order
            .iter()
            .position(|&n| n == old)
            .map(|rank| first + rank as u32)
    };
    let spans = footnotes
        .refs
        .iter()
        .map(|r| (r.span, r.number))
        .chain(footnotes.texts.iter().map(|t| (t.label, t.number)));
    let mut edits = Vec::new();
    for (span, old) in spans {
        let Some(new) = new_number(old).filter(|&new| new != old) else {
            continue;
        };
        let Some(written) = tree
            .line(span.line)
            .and_then(|l| l.text.get(span.start..span.end))
        else {
            continue;
        };
        edits.push(Edit::new(span, with_number(written, new)));
    }
    edits
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// `written` (a marker or a label) with its digits replaced by `number`, in
/// the same kind of digits.
fn with_number(written: &str, number: u32) -> String {
    let superscript = !written.contains(|c: char| c.is_ascii_digit());
    let digits: String = if superscript {
        number
            .to_string()
            .bytes()
            .map(|b| SUPERSCRIPT_DIGITS[usize::from(b - b'0')])
            .collect()
    } else {
        number.to_string()
    };
    let is_digit = |c: char| c.is_ascii_digit() || SUPERSCRIPT_DIGITS.contains(&c);
    let Some(start) = written.find(is_digit) else {
        return written.to_owned();
    };
    let end = written[start..]
        .find(|c: char| !is_digit(c))
        .map_or(written.len(), |at| start + at);
    format!("{}{digits}{}", &written[..start], &written[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, mut edits: Vec<Edit>) -> String {
        let tree = Tree::parse(text);
        let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
        edits.sort_by_key(|e| std::cmp::Reverse((e.span.line, e.span.start)));
        for edit in edits {
            lines[edit.span.line].replace_range(edit.span.start..edit.span.end, &edit.new_text);
        }
        lines.join("\n")
    }

    #[test]
    fn renumbering_the_operative_part_keeps_references() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tDecides;\n\t3.\tRecalls paragraph 4 below;\n\t4.\tRequests a report.";
        let fixed = apply(text, renumber_operative(&Tree::parse(text)));
        assert!(
            fixed.contains("\t2.\tRecalls paragraph 3 below;\n\t3.\tRequests"),
            "{fixed}"
        );
    }

    #[test]
    fn renumbering_footnotes_follows_first_appearance_in_every_form() {
        let text = "\tThe General Assembly,\n\tRecalling the report,2\n\tNoting the note,[^1]\n\t1.\tDecides.\n\n2 A/68/212.\n[^1]: A/68/213.";
        let fixed = apply(text, renumber_footnotes(&Tree::parse(text)));
        assert!(
            fixed.contains("report,1\n\tNoting the note,[^2]"),
            "{fixed}"
        );
        assert!(fixed.ends_with("1 A/68/212.\n[^2]: A/68/213."), "{fixed}");
        assert_eq!(with_number("³", 12), "¹²");
    }
}
