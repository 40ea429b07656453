//! Which marker candidates are footnote references, and where footnote texts are.
//!
//! The lexer finds candidates in all three forms; whether a glued number such as
//! `session3` is a footnote reference depends on the whole document (TXT005 step 3):
//! it is accepted when a footnote text with that number exists, or when it is the
//! next new number in order of appearance (so a reference whose text is still
//! missing is found too). Bracketed `[^n]` and superscript markers are always
//! references.

use crate::syntax::{LineShape, MarkerCandidate, MarkerForm, Role, Span, Tree};

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
    pub fn collect(tree: &Tree) -> Footnotes {
        let mut texts: Vec<FootnoteText> = Vec::new();
        for (index, line, role) in tree.iter() {
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
        let mut refs = Vec::new();
        let later_part = tree.iter().any(|(_, line, role)| {
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
        let mut max_seen = first_number - 1;
        for (index, line, role) in tree.iter() {
            if !carries_references(role) {
                continue;
            }
            for marker in &line.markers {
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
                    MarkerForm::AfterNumber | MarkerForm::Detached => {
                        marker.number == next_new && marker.number <= max_text
                    }
                };
                if accepted {
                    max_seen = max_seen.max(marker.number);
                    refs.push(FootnoteRef {
                        number: marker.number,
                        span: Span::in_line(index, marker.range),
                        marker: *marker,
                    });
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_followed_only_by_spaces_has_an_empty_body() {
        let tree = Tree::parse("\tThe General Assembly,\n\tNoting,1\n\n[^2]:  \n");
        for text in Footnotes::collect(&tree).texts {
            assert!(text.body.start <= text.body.end, "{:?}", text.body);
        }
    }
}
