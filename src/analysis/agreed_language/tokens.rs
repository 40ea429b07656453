//! Semantic tokens for openings and markers, so editors can print the opening in
//! italics as the UN does (ITL001).

use super::{Extras, MarkerPlace, Openings, paragraphs_with};
use crate::analysis::Config;
use crate::analysis::ide::{SemanticToken, TokenKind};
use crate::syntax::{Span, Tree};

/// One `Opening` token per opening phrase (two when a marker sits inside it) and
/// one `Marker` token per marker, in document order.
pub fn opening_tokens(tree: &Tree, config: &Config) -> Vec<SemanticToken> {
    opening_tokens_with(tree, &super::openings(tree, &Extras::from_config(config)))
}

/// [`opening_tokens`] with the openings already found (the analysis of the
/// version found them).
pub fn opening_tokens_with(tree: &Tree, openings: &Openings) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    for paragraph in paragraphs_with(tree, openings) {
        let Some(opening) = paragraph.opening else {
            continue;
        };
        let line = paragraph.line;
        let phrase = opening.phrase;
        match opening.marker {
            Some(marker) if marker.place == MarkerPlace::Inside => {
                let text = &paragraph.lexed.text;
                let before = phrase.start + text[phrase.start..marker.range.start].trim_end().len();
                let after = phrase.end - text[marker.range.end..phrase.end].trim_start().len();
                out.push(token(line, phrase.start, before, TokenKind::Opening));
                out.push(token(
                    line,
                    marker.range.start,
                    marker.range.end,
                    TokenKind::Marker,
                ));
                out.push(token(line, after, phrase.end, TokenKind::Opening));
            }
            Some(marker) => {
                out.push(token(
                    line,
                    marker.range.start,
                    marker.range.end,
                    TokenKind::Marker,
                ));
                out.push(token(line, phrase.start, phrase.end, TokenKind::Opening));
            }
            None => out.push(token(line, phrase.start, phrase.end, TokenKind::Opening)),
        }
    }
    out.sort_by_key(|t| t.span);
    out
}

fn token(line: usize, start: usize, end: usize, kind: TokenKind) -> SemanticToken {
    SemanticToken {
        span: Span::new(line, start, end),
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_and_markers() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tTaking note also of the report,\n\t1.\tAlso requests the Secretary-General to report.",
        );
        let tokens: Vec<(Span, TokenKind)> = opening_tokens(&tree, &Config::default())
            .into_iter()
            .map(|t| (t.span, t.kind))
            .collect();
        assert_eq!(
            tokens,
            vec![
                (Span::new(1, 1, 12), TokenKind::Opening),
                (Span::new(1, 13, 17), TokenKind::Marker),
                (Span::new(1, 18, 20), TokenKind::Opening),
                (Span::new(2, 4, 8), TokenKind::Marker),
                (Span::new(2, 9, 17), TokenKind::Opening),
            ]
        );
    }
}
