//! Semantic tokens: the legend and the delta encoding.
//!
//! Custom token types (clients style them by name; the VS Code extension maps them
//! to scopes and makes openings italic, as printed resolutions do).

use tower_lsp_server::ls_types::{SemanticToken, SemanticTokenType, SemanticTokensLegend};

use crate::analysis::ide::{self, TokenKind};
use crate::syntax::Tree;
use crate::text::{PositionEncoding, byte_to_column};

const TYPES: [TokenKind; 8] = [
    TokenKind::Opening,
    TokenKind::Marker,
    TokenKind::Number,
    TokenKind::Symbol,
    TokenKind::Date,
    TokenKind::FootnoteRef,
    TokenKind::FootnoteText,
    TokenKind::Heading,
];

fn name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Opening => "opening",
        TokenKind::Marker => "openingMarker",
        TokenKind::Number => "paragraphNumber",
        TokenKind::Symbol => "resolutionSymbol",
        TokenKind::Date => "date",
        TokenKind::FootnoteRef => "footnoteReference",
        TokenKind::FootnoteText => "footnoteText",
        TokenKind::Heading => "heading",
    }
}

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES
            .iter()
            .map(|k| SemanticTokenType::new(name(*k)))
            .collect(),
        token_modifiers: Vec::new(),
    }
}

/// Encode merged tokens relative to each other, in the negotiated encoding.
/// Columns are counted forward from the previous token on the same line, so a
/// long line with many tokens is walked once.
pub fn encode(
    tree: &Tree,
    tokens: &[ide::SemanticToken],
    encoding: PositionEncoding,
) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut previous_line, mut previous_start) = (0u32, 0u32);
    // Where on the current line columns were last counted: (byte, column).
    let mut cursor: (usize, u32) = (0, 0);
    for token in tokens {
        let Some(line) = tree.line(token.span.line) else {
            continue;
        };
        let text = line.text.as_str();
        let line_number = token.span.line as u32;
        if line_number != previous_line || token.span.start < cursor.0 {
            cursor = (0, 0);
        }
        let column_at = |from: (usize, u32), byte: usize| {
            from.1 + byte_to_column(&text[from.0..], byte.saturating_sub(from.0), encoding)
        };
        let start = column_at(cursor, token.span.start);
        let end = column_at((token.span.start, start), token.span.end);
        cursor = (token.span.start.min(text.len()), start);
        let delta_line = line_number - previous_line;
        let delta_start = if delta_line == 0 {
            start - previous_start
        } else {
            start
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: end.saturating_sub(start),
            token_type: TYPES.iter().position(|k| *k == token.kind).unwrap_or(0) as u32,
            token_modifiers_bitset: 0,
        });
        previous_line = line_number;
        previous_start = start;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_counted_forward_match_columns_counted_from_the_start() {
        let tree = Tree::parse(
            "\t1.\tRecalls 𠮷 resolution 64/222 of 21 December 2009 and 联合国 68/230,1\n\n1 A.",
        );
        let tokens = crate::analysis::tokens::merge(
            crate::analysis::tokens::structure_tokens(&tree)
                .into_iter()
                .chain(crate::analysis::record::citation_tokens(&tree))
                .collect(),
        );
        assert!(tokens.len() >= 4);
        for encoding in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            let encoded = encode(&tree, &tokens, encoding);
            let (mut line, mut start) = (0u32, 0u32);
            for (token, data) in tokens.iter().zip(&encoded) {
                if data.delta_line > 0 {
                    start = 0;
                }
                line += data.delta_line;
                start += data.delta_start;
                let text = &tree.line(token.span.line).unwrap().text;
                assert_eq!(line as usize, token.span.line);
                assert_eq!(start, byte_to_column(text, token.span.start, encoding));
                assert_eq!(
                    start + data.length,
                    byte_to_column(text, token.span.end, encoding)
                );
            }
        }
    }

    /// The VS Code extension declares every token type the server sends, so
    /// themes can style them (openings in italics).
    #[test]
    fn the_vscode_extension_declares_the_legend() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("package.json"))
                .expect("json");
        let declared: Vec<&str> = manifest["contributes"]["semanticTokenTypes"]
            .as_array()
            .expect("semanticTokenTypes")
            .iter()
            .filter_map(|t| t["id"].as_str())
            .collect();
        for token_type in legend().token_types {
            assert!(
                declared.contains(&token_type.as_str()),
                "{} is not declared",
                token_type.as_str()
            );
        }
    }
}
