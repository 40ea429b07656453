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
pub fn encode(
    tree: &Tree,
    tokens: &[ide::SemanticToken],
    encoding: PositionEncoding,
) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut previous_line, mut previous_start) = (0u32, 0u32);
    for token in tokens {
        let Some(line) = tree.line(token.span.line) else {
            continue;
        };
        let line_number = token.span.line as u32;
        let start = byte_to_column(&line.text, token.span.start, encoding);
        let end = byte_to_column(&line.text, token.span.end, encoding);
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
