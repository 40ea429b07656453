//! The clean text (`unres clean`, the `unres.cleanText` command): an agreed
//! rolling text turned into a final one (spec NUM012, NUM013;
//! docs/NEGOTIATION.md).
//!
//! Labels (`PP3`, `OP5 bis`), attributions, facilitator notes and `agreed ad
//! ref` markers are removed; `[deleted]` paragraphs are dropped; the operative
//! paragraphs (`5 bis.` and those written with an `OP` label only) are
//! numbered in sequence; every internal cross-reference ("paragraph 5 bis
//! above", "paragraphs 3 to 5") is rewritten to the new numbers; the footnotes
//! are renumbered in order of first appearance. Every other character stays.
//! While square brackets or alternatives remain, nothing is written: the
//! refusal lists where each one is.
//!
//! Pure: text in, text out.

use std::collections::HashMap;

use crate::syntax::negotiation::LabelPart;
use crate::syntax::{LineShape, Role, SegmentKind, Span, Tree};

use super::cross_refs;
use super::diagnostic::Edit;
use super::numbering::renumber_footnotes;

/// Why the text cannot be cleaned yet: a bracket or an alternative left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remains {
    pub span: Span,
    pub what: String,
}

/// The clean text of `text`, or what still needs agreement.
pub fn clean(text: &str) -> Result<String, Vec<Remains>> {
    let tree = Tree::parse(text);
    let remains = remaining_negotiation(&tree);
    if !remains.is_empty() {
        return Err(remains);
    }
    let (edits, dropped) = cleaning_edits(&tree);
    let first = apply(&tree, edits, &dropped);
    // Footnotes in order of first appearance, on the text without the
    // negotiation's marks.
    let tree = Tree::parse(&first);
    let edits = renumber_footnotes(&tree);
    Ok(apply(&tree, edits, &[]))
}

/// The brackets and alternatives that stop the cleaning.
pub fn remaining_negotiation(tree: &Tree) -> Vec<Remains> {
    let mut out: Vec<Remains> = Vec::new();
    for bracket in &tree.negotiation().brackets {
        if bracket.open || bracket.partner.is_none() {
            let what = match bracket.partner {
                Some(_) => "square-bracketed language",
                None if bracket.open => "an unclosed bracket",
                None => "a bracket that closes nothing",
            };
            out.push(Remains {
                span: bracket.at,
                what: what.to_owned(),
            });
        }
    }
    for (index, line, _) in tree.iter() {
        if let Some(label) = line.label.filter(|l| l.alt.is_some()) {
            out.push(Remains {
                span: Span::new(index, label.start, label.end),
                what: "an alternative paragraph".to_owned(),
            });
        }
        if let Some(marks) = line.negotiation.as_deref() {
            for alt in &marks.alternatives {
                out.push(Remains {
                    span: Span::in_line(index, alt.range),
                    what: "an alternative".to_owned(),
                });
            }
        }
    }
    out.sort_by_key(|r| (r.span.line, r.span.start));
    out.dedup_by_key(|r| (r.span.line, r.span.start));
    out
}

/// An operative paragraph to number: its line, the number and rank it was
/// known by, and where its number is (or goes).
struct Numbering {
    line: usize,
    old: Option<(u32, u8)>,
    /// The written number (`5 bis`), or the point where the new one goes.
    span: Span,
    segment: u32,
    has_number: bool,
}

fn cleaning_edits(tree: &Tree) -> (Vec<Edit>, Vec<usize>) {
    let mut edits = Vec::new();
    let mut dropped = Vec::new();
    let mut paragraphs: Vec<Numbering> = Vec::new();
    for (index, line, role) in tree.iter() {
        let marks = line.negotiation.as_deref();
        // A whole-line note, a `[deleted]` paragraph: the line goes.
        let whole_note = marks.is_some_and(|m| {
            m.notes
                .iter()
                .any(|n| n.start <= line.body_start && n.end >= line.content_end)
        });
        if marks.is_some_and(|m| m.deleted) || whole_note {
            dropped.push(index);
            continue;
        }
        let numbered = match &line.shape {
            LineShape::Numbered {
                number,
                label,
                rank,
            } if matches!(role, Role::Operative { .. }) => Some((
                *number,
                *rank,
                Span::new(index, label.start, label.end.saturating_sub(1)),
            )),
            _ => None,
        };
        if let Some(label) = line.label {
            // The label goes (with the whitespace after it); an `OP` label
            // without a number leaves its number's place.
            let to = match &line.shape {
                LineShape::Numbered { label: digits, .. } => digits.start,
                _ => line.body_start.max(label.end),
            };
            edits.push(Edit::new(Span::new(index, label.start, to), ""));
            if numbered.is_none() && label.part == LabelPart::Operative && role.is_operative() {
                paragraphs.push(Numbering {
                    line: index,
                    old: Some((label.number, label.rank)),
                    span: Span::new(index, to, to),
                    segment: segment_of(tree, index),
                    has_number: false,
                });
            }
        }
        if let Some((number, rank, span)) = numbered {
            let Role::Operative { segment, .. } = role else {
                continue;
            };
            paragraphs.push(Numbering {
                line: index,
                old: Some((number, rank)),
                span,
                segment,
                has_number: true,
            });
        }
        if let Some(marks) = marks {
            let removed = marks
                .attributions
                .iter()
                .map(|a| a.range)
                .chain(marks.notes.iter().copied())
                .chain(marks.ad_ref.iter().copied());
            for range in removed {
                // With the space before it (`to act; (EU)` → `to act;`), or
                // after it at the start of the paragraph.
                let before = line.text[..range.start].trim_end_matches(' ');
                let (start, end) = if before.len() > line.body_start.min(before.len())
                    && range.start > before.len()
                {
                    (before.len(), range.end)
                } else {
                    let after = &line.text[range.end..];
                    (
                        range.start,
                        range.end + after.len() - after.trim_start_matches(' ').len(),
                    )
                };
                edits.push(Edit::new(Span::new(index, start, end), ""));
            }
        }
    }
    // New numbers: in sequence per segment; a section whose first paragraph
    // was numbered 1 restarts, one that went on goes on.
    let mut new_numbers: HashMap<(u32, u32, u8), u32> = HashMap::new();
    let mut next = 1;
    let mut current_segment = None;
    for paragraph in &paragraphs {
        if current_segment != Some(paragraph.segment) {
            let restarts = paragraph.old.is_none_or(|(n, _)| n == 1)
                || tree
                    .segments()
                    .get(paragraph.segment as usize)
                    .is_some_and(|s| s.kind == SegmentKind::Body);
            if restarts {
                next = 1;
            }
            current_segment = Some(paragraph.segment);
        }
        let new = next;
        next += 1;
        if let Some((number, rank)) = paragraph.old {
            new_numbers
                .entry((paragraph.segment, number, rank))
                .or_insert(new);
        }
        let written = tree.lines()[paragraph.line]
            .text
            .get(paragraph.span.start..paragraph.span.end)
            .unwrap_or_default();
        if paragraph.has_number {
            if written != new.to_string() {
                edits.push(Edit::new(paragraph.span, new.to_string()));
            }
        } else {
            edits.push(Edit::new(paragraph.span, format!("{new}.\t")));
        }
    }
    // Cross-references to the paragraphs' old numbers.
    for reference in cross_refs::collect(tree) {
        let segment = segment_of(tree, reference.span.line);
        let Some(&new) = new_numbers.get(&(segment, reference.number, reference.rank)) else {
            continue;
        };
        let written =
            &tree.lines()[reference.span.line].text[reference.written.start..reference.written.end];
        if written != new.to_string() {
            edits.push(Edit::new(reference.written, new.to_string()));
        }
    }
    (edits, dropped)
}

/// The numbering segment a line stands in (the last segment started at or
/// before it).
fn segment_of(tree: &Tree, line: usize) -> u32 {
    tree.segments()
        .iter()
        .rposition(|s| s.start_line as usize <= line)
        .unwrap_or(0) as u32
}

/// The text with `edits` applied and the `dropped` lines (and a blank line
/// left after them) removed; line ends as the text writes them (`\r\n` if its
/// first line ends so).
fn apply(tree: &Tree, mut edits: Vec<Edit>, dropped: &[usize]) -> String {
    let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
    edits.sort_by_key(|e| std::cmp::Reverse((e.span.line, e.span.start, e.span.end)));
    let mut last: Option<Span> = None;
    for edit in edits {
        // Overlapping edits: the first applied (the later one) wins.
        if last.is_some_and(|l| l.line == edit.span.line && edit.span.end > l.start) {
            continue;
        }
        if let Some(line) = lines.get_mut(edit.span.line) {
            let end = edit.span.end.min(line.len());
            let start = edit.span.start.min(end);
            line.replace_range(start..end, &edit.new_text);
        }
        last = Some(edit.span);
    }
    let mut out = Vec::with_capacity(lines.len());
    for (index, line) in lines.into_iter().enumerate() {
        if dropped.contains(&index) {
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_a_rolling_text() {
        let rolling = "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tPP1 bis\tNoting the report,1 (EU)\n\tOP1\t1.\tDecides to act in line with paragraph 2 bis below;\n\tOP2\t2.\tRequests a report; (agreed ad ref)\n\tFacilitator’s note: to be discussed on Monday.\n\tOP2 bis\t2 bis.\tInvites States to act; [G77: retain]\n\tOP3\t[deleted]\n\tOP4\t4.\tDecides to consider paragraphs 2 to 2 bis above at its next session.\n1 A/64/1.";
        let clean = clean(rolling).expect("agreed");
        assert_eq!(
            clean,
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\tNoting the report,1\n\t1.\tDecides to act in line with paragraph 3 below;\n\t2.\tRequests a report;\n\t3.\tInvites States to act;\n\t4.\tDecides to consider paragraphs 2 to 3 above at its next session.\n1 A/64/1."
        );
    }

    #[test]
    fn numbers_op_labels_without_numbers() {
        let clean = clean("\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tOP1\tDecides to act;\n\tOP1 bis\tRequests a report.").expect("agreed");
        assert_eq!(
            clean,
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tRequests a report."
        );
    }

    #[test]
    fn refuses_while_brackets_or_alternatives_remain() {
        let remains = clean("\tThe General Assembly,\n\t1.\tDecides [to act];\n\tOP2 alt\tRequests a report.\n\t3.\t[Alt 1: Invites;] [Alt 2: Urges;]")
            .expect_err("not agreed");
        let places: Vec<_> = remains
            .iter()
            .map(|r| (r.span.line, r.span.start))
            .collect();
        assert_eq!(
            places,
            vec![(1, 12), (2, 1), (3, 4), (3, 5), (3, 22), (3, 23)]
        );
    }
}
