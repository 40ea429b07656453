//! Semantic tokens for the structure of the text: paragraph numbers and
//! subparagraph labels, headings, footnote markers and footnote texts, `%%`
//! comments. Openings
//! and citations add their own tokens (agreed language, record); `all_tokens`
//! merges them.

use crate::syntax::{LineShape, Role, Span, Tree};

use super::ide::{SemanticToken, TokenKind};

pub fn structure_tokens(tree: &Tree) -> Vec<SemanticToken> {
    let mut tokens = Vec::new();
    for (index, line, role) in tree.iter() {
        let label = match (&line.shape, role) {
            (LineShape::Numbered { label, .. }, _)
            | (LineShape::MalformedNumber { label, .. }, _)
            | (LineShape::Title { number: label }, _) => Some(*label),
            (LineShape::Subparagraph { range, .. }, _)
            | (LineShape::DottedLetter { range, .. }, _) => Some(*range),
            _ => None,
        };
        if let Some(label) = label {
            tokens.push(SemanticToken {
                span: Span::in_line(index, label),
                kind: TokenKind::Number,
            });
        }
        if matches!(
            role,
            Role::Heading
                | Role::SectionNumber { .. }
                | Role::PartHeading { .. }
                | Role::AnnexHeading { .. }
        ) {
            tokens.push(SemanticToken {
                span: Span::new(index, line.indent, line.text.trim_end().len()),
                kind: TokenKind::Heading,
            });
        }
    }
    // `iter` leaves comment lines out: structure does not see them.
    for (index, line) in tree.lines().iter().enumerate() {
        if tree.role(index) == Role::Comment {
            tokens.push(SemanticToken {
                span: Span::new(index, line.indent, line.text.trim_end().len()),
                kind: TokenKind::Comment,
            });
        }
    }
    let footnotes = tree.footnotes();
    for reference in &footnotes.refs {
        tokens.push(SemanticToken {
            span: reference.span,
            kind: TokenKind::FootnoteRef,
        });
    }
    for text in &footnotes.texts {
        tokens.push(SemanticToken {
            span: Span::new(text.line, text.label.start, text.body.end),
            kind: TokenKind::FootnoteText,
        });
    }
    tokens
}

/// Sort tokens and drop any that overlap an earlier one (LSP tokens may not
/// overlap); zero-width tokens are dropped too.
pub fn merge(mut tokens: Vec<SemanticToken>) -> Vec<SemanticToken> {
    tokens.retain(|t| t.span.end > t.span.start);
    tokens.sort_by_key(|t| (t.span.line, t.span.start, std::cmp::Reverse(t.span.end)));
    let mut out: Vec<SemanticToken> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let Some(last) = out.last() {
            if last.span.line == token.span.line && token.span.start < last.span.end {
                continue;
            }
        }
        out.push(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_markers_and_footnotes() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n%% unres: ignore PUN010\n\t1.\tDecides, recalling the report,1\n\n1 A/68/212.",
        );
        let kinds: Vec<TokenKind> = merge(structure_tokens(&tree))
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Comment,
                TokenKind::Number,
                TokenKind::FootnoteRef,
                TokenKind::FootnoteText
            ]
        );
    }
}
