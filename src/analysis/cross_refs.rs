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
}

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"[1-9][0-9]{0,3}(?: \([a-z]{1,4}\))?";
    Regex::new(&format!(
        r"\b[Pp]aragraphs? ({number}(?:, {number})*(?:,? (?:and|to) {number})?) (above|below|of (?:the present|this) resolution)\b"
    ))
    .expect("valid regex")
});

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[ ,])([1-9][0-9]{0,3})").expect("valid regex"));

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

pub fn collect(tree: &Tree) -> Vec<CrossRef> {
    let mut out = Vec::new();
    for (index, line, role) in tree.iter() {
        if !cites(role) || !line.text.contains("aragraph") {
            continue;
        }
        for c in REFERENCE.captures_iter(&line.text) {
            let list = c.get(1).expect("group");
            let direction = match c.get(2).expect("group").as_str() {
                "above" => Direction::Above,
                "below" => Direction::Below,
                _ => Direction::Anywhere,
            };
            for digits in DIGITS.captures_iter(list.as_str()) {
                let digits = digits.get(1).expect("group");
                out.push(CrossRef {
                    number: digits.as_str().parse().unwrap_or(0),
                    span: Span::new(
                        index,
                        list.start() + digits.start(),
                        list.start() + digits.end(),
                    ),
                    direction,
                });
            }
        }
    }
    out
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
}
