//! Which marker candidates are footnote references, and where footnote texts are.
//!
//! The lexer finds candidates in all three forms; whether a glued number such as
//! `session3` is a footnote reference depends on the whole document (TXT005 step 3):
//! it is accepted when a footnote text with that number exists, or when it is the
//! next new number in order of appearance (so a reference whose text is still
//! missing is found too). Bracketed `[^n]` and superscript markers are always
//! references.

use super::Span;
use super::lex::{LexedLine, LineShape, MarkerCandidate, MarkerForm};
use super::structure::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FootnoteRef {
    pub number: u32,
    pub span: Span,
    pub marker: MarkerCandidate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteText {
    pub number: u32,
    /// The number (or `[^n]:`) at the start of the line.
    pub label: Span,
    pub line: usize,
    /// The last line of the text (continuation lines included).
    pub last_line: usize,
    /// The text after the label (first line only).
    pub body: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footnotes {
    /// In document order.
    pub refs: Vec<FootnoteRef>,
    /// In document order.
    pub texts: Vec<FootnoteText>,
    /// The number footnotes start at: 1, except in a later part of a composite
    /// resolution issued on its own (`74/254 B`), which goes on from part A.
    pub first_number: u32,
}

/// Lines whose markers count as references.
fn carries_references(role: Role) -> bool {
    !matches!(
        role,
        Role::Blank
            | Role::Comment
            | Role::Header
            | Role::FootnoteText { .. }
            | Role::FootnoteContinuation
            | Role::Separator
            | Role::Artifact
            | Role::Trailer
            | Role::Furniture
            | Role::ClosingMeeting
            | Role::ClosingDate
    )
}

impl Footnotes {
    /// Decide the references and texts of a parsed document (lines and their
    /// roles, as the structure pass assigned them).
    pub fn collect(lines: &[LexedLine], roles: &[Role]) -> Footnotes {
        let iter = || {
            lines
                .iter()
                .zip(roles.iter().copied())
                .enumerate()
                .map(|(index, (line, role))| (index, line, role))
        };
        let mut texts: Vec<FootnoteText> = Vec::new();
        for (index, line, role) in iter() {
            match role {
                Role::FootnoteText { number } => {
                    let label = match line.shape {
                        LineShape::FootnoteCandidate { label, .. }
                        | LineShape::FootnoteDefinition { label, .. } => label,
                        _ => Default::default(),
                    };
                    texts.push(FootnoteText {
                        number,
                        label: Span::in_line(index, label),
                        line: index,
                        last_line: index,
                        // A label followed only by spaces has its body start past the trimmed end.
                        body: Span::new(
                            index,
                            line.body_start,
                            line.text.trim_end().len().max(line.body_start),
                        ),
                    });
                }
                Role::FootnoteContinuation => {
                    if let Some(last) = texts.last_mut() {
                        last.last_line = index;
                    }
                }
                _ => {}
            }
        }
        let max_text = texts.iter().map(|t| t.number).max().unwrap_or(0);
        let later_part = iter().any(|(_, line, role)| {
            let text = line.text.trim();
            let masthead_part = role == Role::Header
                && (text.starts_with("A/RES/") || text.starts_with("A/HRC/RES/"))
                && text.rsplit(' ').next().is_some_and(|p| p.len() == 1 && p != "A");
            masthead_part ||
            role == Role::Title
                && matches!(line.shape, LineShape::Title { number } if line.text[number.start..number.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|part| part.len() == 1 && part != "A" && !part.contains('/')))
        });
        let first_number = if later_part {
            texts.iter().map(|t| t.number).min().unwrap_or(1)
        } else {
            1
        };
        let refs = resolve_references(
            iter().filter(|(_, _, role)| carries_references(*role)),
            first_number,
            max_text,
        );
        Footnotes {
            refs,
            texts,
            first_number,
        }
    }

    pub fn text(&self, number: u32) -> Option<&FootnoteText> {
        self.texts.iter().find(|t| t.number == number)
    }

    pub fn ref_at(&self, line: usize, byte: usize) -> Option<&FootnoteRef> {
        self.refs
            .iter()
            .find(|r| r.span.line == line && r.span.start <= byte && byte <= r.span.end)
    }
}

/// Choose the references among the candidates of the lines that carry them, in
/// document order. Bracketed and superscript markers are always references; a
/// number glued to a word is one when a footnote text has that number or it is
/// the next new number. Weaker readings (a marker glued to a year, a symbol or
/// the next word) are taken when they are the next new number, or, failing that,
/// to fill a gap in the sequence: when a reference to `n + 2` follows one to
/// `n`, the first weaker reading of `n + 1` between them is the missing marker
/// (`2012,727/5 of 25 September 2014,833/2 of 29 September 20169`).
fn resolve_references<'l>(
    lines: impl Iterator<Item = (usize, &'l LexedLine, Role)>,
    first_number: u32,
    max_text: u32,
) -> Vec<FootnoteRef> {
    let mut refs: Vec<FootnoteRef> = Vec::new();
    // Weaker readings since the last accepted reference, in order.
    let mut pending: Vec<FootnoteRef> = Vec::new();
    let mut max_seen = first_number - 1;
    // Glued readings that jumped ahead of the sequence: (index in `refs`, the
    // number that was expected there).
    let mut jumps: Vec<(usize, u32)> = Vec::new();
    for (index, line, _) in lines {
        for marker in &line.markers {
            let reference = FootnoteRef {
                number: marker.number,
                span: Span::in_line(index, marker.range),
                marker: *marker,
            };
            if refs.last().is_some_and(|last| overlaps(last, &reference)) {
                continue;
            }
            let next_new = max_seen + 1;
            let accepted = match marker.form {
                MarkerForm::Bracketed | MarkerForm::Superscript => true,
                MarkerForm::Glued if marker.after_punctuation => {
                    marker.number <= max_text.max(next_new)
                }
                MarkerForm::Glued => {
                    (marker.number <= max_text && marker.number <= next_new + 1)
                        || marker.number == next_new
                }
                // `General,1-2`: right after a reference, with a text.
                MarkerForm::Chained => {
                    refs.last().is_some_and(|last| {
                        last.span.line == index
                            && last.span.end < marker.range.start
                            && marker.range.start - last.span.end <= 3
                    }) && marker.number <= max_text
                        && marker.number <= next_new
                }
                // Weaker readings wait: a glued marker with the same number may
                // follow, and they are taken only to fill a gap.
                MarkerForm::AfterYear
                | MarkerForm::AfterSymbol
                | MarkerForm::Detached
                | MarkerForm::Split => false,
            };
            if !accepted {
                if marker.number >= next_new && marker.number <= max_text {
                    pending.push(reference);
                }
                continue;
            }
            if marker.number > max_seen {
                if marker.number > next_new {
                    max_seen = fill_gap(&mut refs, &pending, &reference, max_seen, marker.number);
                    if marker.form == MarkerForm::Glued && marker.number > max_seen + 1 {
                        jumps.push((refs.len(), max_seen + 1));
                    }
                }
                pending.clear();
            }
            max_seen = max_seen.max(marker.number);
            refs.push(reference);
        }
    }
    drop_refuted_jumps(&mut refs, &jumps);
    // Footnotes with a text after the last accepted reference.
    if max_seen < max_text {
        let end = FootnoteRef {
            number: max_text + 1,
            span: Span::new(usize::MAX, usize::MAX, usize::MAX),
            marker: MarkerCandidate {
                number: max_text + 1,
                range: Default::default(),
                form: MarkerForm::Split,
                after_punctuation: false,
                punctuation_after: None,
            },
        };
        fill_gap(&mut refs, &pending, &end, max_seen, max_text + 1);
    }
    // A filled gap may stand before references back to earlier footnotes.
    refs.sort_by_key(|r| r.span);
    refs
}

/// Drop a glued reading that jumped ahead when the text goes on with the
/// number that was expected there and later gives the jumped-to number in its
/// place: `recommendation (2022)17` among footnotes 8 and 9 is part of a
/// designation, not footnote 17 cited early. Only glued readings are weighed;
/// bracketed and superscript markers are always references.
fn drop_refuted_jumps(refs: &mut Vec<FootnoteRef>, jumps: &[(usize, u32)]) {
    let refuted: Vec<usize> = jumps
        .iter()
        .filter(|&&(at, expected)| {
            let number = refs[at].number;
            let later = &refs[at + 1..];
            let resumed = later.iter().position(|r| r.number == expected);
            let again = later.iter().position(|r| r.number == number);
            matches!((resumed, again), (Some(resumed), Some(again)) if resumed < again)
        })
        .map(|&(at, _)| at)
        .collect();
    for at in refuted.into_iter().rev() {
        refs.remove(at);
    }
}

/// Take, for each number between `max_seen` and `upto` in turn, the first
/// pending reading of it after the reading taken before; returns the new
/// highest number seen.
fn fill_gap(
    refs: &mut Vec<FootnoteRef>,
    pending: &[FootnoteRef],
    before: &FootnoteRef,
    max_seen: u32,
    upto: u32,
) -> u32 {
    let mut seen = max_seen;
    let mut from = 0;
    // The missing numbers come after the first reference to the highest one so
    // far; references back to earlier footnotes (`Convention,1`) do not move it.
    let mut floor = refs.iter().find(|r| r.number == max_seen).map(|r| r.span);
    for wanted in max_seen + 1..upto {
        // The likeliest reading of the missing number: a marker after a year or
        // detached from its word before one glued to a symbol, before a split
        // number; the first of equals.
        let found = pending[from..]
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.number == wanted
                    && floor.is_none_or(|floor| floor < r.span)
                    && !refs.iter().any(|taken| overlaps(taken, r))
                    && !overlaps(r, before)
            })
            .min_by_key(|(offset, r)| (reading_rank(&r.marker), *offset));
        if let Some((offset, _)) = found {
            floor = Some(pending[from + offset].span);
            refs.push(pending[from + offset]);
            from += offset + 1;
            seen = wanted;
        }
    }
    seen
}

/// How likely a weaker reading is a marker (lower is likelier).
fn reading_rank(marker: &MarkerCandidate) -> u8 {
    match marker.form {
        MarkerForm::Glued
        | MarkerForm::Bracketed
        | MarkerForm::Superscript
        | MarkerForm::Chained => 0,
        MarkerForm::Detached | MarkerForm::AfterYear => 1,
        MarkerForm::AfterSymbol => 2,
        MarkerForm::Split => 3,
    }
}

fn overlaps(a: &FootnoteRef, b: &FootnoteRef) -> bool {
    a.span.line == b.span.line && a.span.start < b.span.end && b.span.start < a.span.end
}

#[cfg(test)]
mod tests {
    use crate::syntax::Tree;

    fn numbers_on(text: &str, line: usize) -> Vec<(u32, String)> {
        let tree = Tree::parse(text);
        tree.footnotes()
            .refs
            .iter()
            .filter(|r| r.span.line == line)
            .map(|r| {
                let line = &tree.lines()[r.span.line].text;
                (r.number, line[r.span.start..r.span.end].to_owned())
            })
            .collect()
    }

    #[test]
    fn label_followed_only_by_spaces_has_an_empty_body() {
        let tree = Tree::parse("\tThe General Assembly,\n\tNoting,1\n\n[^2]:  \n");
        for text in &tree.footnotes().texts {
            assert!(text.body.start <= text.body.end, "{:?}", text.body);
        }
    }

    #[test]
    fn a_number_that_jumps_ahead_and_comes_back_in_place_is_not_a_marker() {
        let mut text = String::from(
            "\tThe General Assembly,\n\tRecalling the Declaration,1\n\tWelcoming recommendation (2022)3 of the Committee of Ministers,2\n\tNoting the report,3\n\tNoting that 1,137 students graduated,4\n\t1.\tDecides to act.\n_______________\n",
        );
        for n in 1..=4 {
            text.push_str(&format!("{n} Source {n}.\n"));
        }
        assert_eq!(numbers_on(&text, 2), vec![(2, "2".to_owned())]);
        assert_eq!(numbers_on(&text, 4), vec![(4, "4".to_owned())]);
    }

    #[test]
    fn gaps_are_filled_with_markers_glued_to_numbers() {
        let mut text = String::from(
            "\tThe General Assembly,\n\tRecalling the Declaration,1\n\tRecalling Human Rights Council resolutions 21/12 of 27 September 2012,227/5 of 25 September 2014,333/2 of 29 September 20164 and 39/6 of 27 September 20185 on the safety of journalists,6\n\t1.\tDecides to act.\n_______________\n",
        );
        for n in 1..=6 {
            text.push_str(&format!("{n} Source {n}.\n"));
        }
        assert_eq!(
            numbers_on(&text, 2),
            vec![
                (2, "2".to_owned()),
                (3, "3".to_owned()),
                (4, "4".to_owned()),
                (5, "5".to_owned()),
                (6, "6".to_owned())
            ]
        );
    }

    #[test]
    fn a_gap_is_filled_across_a_reference_back_to_an_earlier_footnote() {
        // `199311`: footnote 11 glued to a year, then a reference back to 1
        // before footnote 12.
        let mut text = String::from(
            "\tThe General Assembly,\n\tRecalling the Declaration,1\n\tRecalling the Declaration of Principles of 13 September 19932 and the agreements,\n\tRecalling the Convention,1 and the Rules)3\n\t1.\tDecides to act.\n_______________\n",
        );
        for n in 1..=3 {
            text.push_str(&format!("{n} Source {n}.\n"));
        }
        assert_eq!(numbers_on(&text, 2), vec![(2, "2".to_owned())]);
        assert_eq!(
            numbers_on(&text, 3),
            vec![(1, "1".to_owned()), (3, "3".to_owned())]
        );
    }
}
