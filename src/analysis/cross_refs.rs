//! Internal cross-references: "paragraph 5 above", "paragraphs 18 and 19 below",
//! "paragraphs 2 to 4 of the present resolution". Shared by NUM010 and the
//! renumbering fix, which rewrites them.

use std::sync::LazyLock;

use regex::Regex;

use crate::syntax::{Role, Span, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Above,
    Below,
    /// "of the present resolution", "of this resolution".
    Anywhere,
}

/// One paragraph number cited inside the resolution's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossRef {
    pub number: u32,
    /// The digits.
    pub span: Span,
    pub direction: Direction,
    /// The subparagraph label cited with the number (`b` of "5 (b)"), without
    /// its parentheses.
    pub label: Option<Span>,
    /// For the last number of "paragraphs 2 to 4": the first number of the
    /// range and the span of the whole range (`2 to 4`).
    pub range_from: Option<(u32, Span)>,
    /// "paragraph 5 bis above" in a rolling text: the insertion rank (0 for a
    /// plain number) and the span of `5 bis`.
    pub rank: u8,
    pub written: Span,
}

impl CrossRef {
    /// Does this reference cite paragraph `number` (itself or inside its range)?
    pub fn cites(&self, number: u32) -> bool {
        self.number == number
            || self
                .range_from
                .is_some_and(|(from, _)| from < number && number < self.number)
    }
}

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"[1-9][0-9]{0,3}(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?(?: \([a-z]{1,4}\))?";
    Regex::new(&format!(
        r"\b[Pp]aragraphs? ({number}(?:, {number})*(?:,? (?:and|to) {number})?) (above|below|of (?:the present|this) resolution)\b"
    ))
    .expect("valid regex")
});

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[ ,])([1-9][0-9]{0,3})(?: (bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?(?: \(([a-z]{1,4})\))?",
    )
    .expect("valid regex")
});

/// Lines whose text may cite paragraphs of the same resolution.
fn cites(role: Role) -> bool {
    matches!(
        role,
        Role::Preambular
            | Role::Operative { .. }
            | Role::MalformedOperative { .. }
            | Role::Subparagraph { .. }
            | Role::Continuation { .. }
    )
}

/// Can the text hold a reference to a paragraph? [`collect`] reads no
/// other line.
pub fn mentions_paragraphs(text: &str) -> bool {
    text.contains("aragraph")
}

/// Every reference to the resolution's own paragraphs, in line order.
pub fn collect(tree: &Tree) -> Vec<CrossRef> {
    let mut out = Vec::new();
    for index in 0..tree.line_count() {
        collect_on_line(tree, index, &mut out);
    }
    out
}

/// The references to the resolution's own paragraphs on line `index`: the
/// references of one line read that line alone, so a request about the
/// line under the cursor need not read the document.
pub fn on_line(tree: &Tree, index: usize) -> Vec<CrossRef> {
    let mut out = Vec::new();
    collect_on_line(tree, index, &mut out);
    out
}

fn collect_on_line(tree: &Tree, index: usize, out: &mut Vec<CrossRef>) {
    let (Some(line), role) = (tree.line(index), tree.role(index)) else {
        return;
    };
    if !cites(role) || !mentions_paragraphs(&line.text) {
        return;
    }
    for c in REFERENCE.captures_iter(&line.text) {
        // `preambular paragraphs 6 and 7 above`: the preamble is not numbered,
        // so no numbered paragraph is meant.
        let whole = c.get(0).expect("match");
        if line.text[..whole.start()].ends_with("preambular ") {
            continue;
        }
        let list = c.get(1).expect("group");
        let direction = match c.get(2).expect("group").as_str() {
            "above" => Direction::Above,
            "below" => Direction::Below,
            _ => Direction::Anywhere,
        };
        let first = out.len();
        for captures in DIGITS.captures_iter(list.as_str()) {
            let digits = captures.get(1).expect("group");
            let at = |m: regex::Match<'_>| {
                Span::new(index, list.start() + m.start(), list.start() + m.end())
            };
            let span = at(digits);
            // "2 to 4": the range runs from the number before " to ".
            let range_from = out[first..].last().and_then(|previous: &CrossRef| {
                let between = &line.text[previous.written.end..span.start];
                let between = between.split_once(')').map_or(between, |(_, rest)| rest);
                (between == " to ").then(|| {
                    (
                        previous.number,
                        Span::new(index, previous.span.start, span.end),
                    )
                })
            });
            let rank = captures.get(2);
            out.push(CrossRef {
                number: digits.as_str().parse().unwrap_or(0),
                span,
                direction,
                label: captures.get(3).map(at),
                range_from,
                rank: rank.map_or(0, |r| crate::syntax::negotiation::rank_of(r.as_str())),
                written: rank.map_or(span, |r| Span::new(index, span.start, at(r).end)),
            });
        }
    }
}

/// A numbered paragraph a reference can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Numbered {
    number: u32,
    line: usize,
    segment: u32,
}

/// The numbered paragraphs of a resolution, to resolve references against.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    paragraphs: Vec<Numbered>,
}

impl Targets {
    /// Operative paragraphs and annex paragraphs (for references inside an
    /// annex), in document order.
    pub fn new(tree: &Tree) -> Targets {
        let paragraphs = tree
            .iter()
            .filter_map(|(line, _, role)| match role {
                Role::AnnexParagraph { number, segment } => Some(Numbered {
                    number,
                    line,
                    segment,
                }),
                _ => role.operative_number().map(|(number, segment)| Numbered {
                    number,
                    line,
                    segment,
                }),
            })
            .collect();
        Targets { paragraphs }
    }

    /// The numbering segment of the paragraph at or before `line`.
    fn segment_at(&self, line: usize) -> Option<u32> {
        self.paragraphs
            .iter()
            .take_while(|p| p.line <= line)
            .last()
            .map(|p| p.segment)
    }

    /// The line of the paragraph numbered `number` that a reference on `line`
    /// means: in its own numbering sequence when that has one (numbering
    /// restarts in sections and annexes), on the side it says when several
    /// carry the number.
    pub fn paragraph(&self, number: u32, line: usize, direction: Direction) -> Option<usize> {
        let own = self.segment_at(line);
        let in_own = self
            .paragraphs
            .iter()
            .any(|p| p.number == number && Some(p.segment) == own);
        let candidates: Vec<usize> = self
            .paragraphs
            .iter()
            .filter(|p| p.number == number && (!in_own || Some(p.segment) == own))
            .map(|p| p.line)
            .collect();
        let sided = candidates.iter().copied().find(|&l| match direction {
            Direction::Above => l < line,
            Direction::Below => l > line,
            Direction::Anywhere => true,
        });
        sided.or_else(|| candidates.first().copied())
    }

    /// The line a reference points at: its paragraph, or the subparagraph it
    /// names ("5 (b)") when that exists.
    pub fn resolve(&self, tree: &Tree, reference: &CrossRef) -> Option<usize> {
        let line = reference.span.line;
        let paragraph = self.paragraph(reference.number, line, reference.direction)?;
        let Some(label) = reference.label else {
            return Some(paragraph);
        };
        let wanted = tree
            .line(label.line)
            .map_or("", |l| &l.text[label.start..label.end]);
        let subparagraph = (paragraph + 1..tree.line_count())
            .take_while(|&l| {
                matches!(
                    tree.role(l),
                    Role::Subparagraph { .. } | Role::Continuation { .. }
                )
            })
            .find(|&l| {
                matches!(tree.role(l), Role::Subparagraph { parent, .. } if parent as usize == paragraph)
                    && subparagraph_label(tree, l) == Some(wanted)
            });
        Some(subparagraph.unwrap_or(paragraph))
    }

    /// The paragraphs strictly inside a range ("3" of "paragraphs 2 to 4");
    /// its ends are references of their own.
    pub fn range_interior(&self, reference: &CrossRef) -> Vec<usize> {
        let Some((from, _)) = reference.range_from else {
            return Vec::new();
        };
        let line = reference.span.line;
        (from + 1..reference.number)
            .filter_map(|n| self.paragraph(n, line, reference.direction))
            .collect()
    }
}

/// The label of a subparagraph line (`b` of `(b)`), when it has one.
pub fn subparagraph_label(tree: &Tree, line: usize) -> Option<&str> {
    match &tree.line(line)?.shape {
        crate::syntax::LineShape::Subparagraph { label, .. }
        | crate::syntax::LineShape::DottedLetter { label, .. } => Some(label.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\t1.\tDecides;\n\t2.\tRecalls paragraphs 1 (b), 3 and 4 above and paragraph 7 of the present resolution, and paragraph 12 of its resolution 64/222.",
        );
        let numbers: Vec<(u32, Direction)> = collect(&tree)
            .iter()
            .map(|r| (r.number, r.direction))
            .collect();
        assert_eq!(
            numbers,
            vec![
                (1, Direction::Above),
                (3, Direction::Above),
                (4, Direction::Above),
                (7, Direction::Anywhere)
            ]
        );
    }

    #[test]
    fn ranges_labels_and_targets() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t2.\tRequests;\n\t3.\tInvites;\n\t4.\tRecalls paragraphs 1 to 3 above and paragraph 1 (b) above.",
        );
        let references = collect(&tree);
        let range = references[1];
        assert_eq!((range.number, range.range_from.map(|r| r.0)), (3, Some(1)));
        assert!(range.cites(2) && !range.cites(4));
        let targets = Targets::new(&tree);
        assert_eq!(targets.range_interior(&range), vec![4]);
        assert_eq!(targets.resolve(&tree, &references[0]), Some(1));
        assert_eq!(targets.resolve(&tree, &references[2]), Some(3));
    }
}
