//! Semantic tokens: the legend, the delta encoding, ranges and deltas.
//!
//! Standard token types and modifiers, so themes colour them without custom
//! settings (`docs/EDITOR-FEATURES.md` has the legend): openings are keywords
//! (Also/Further/once again: keywords with `modification`), paragraph numbers
//! numbers with `declaration` (cross-references point at them), symbols
//! strings, dates numbers, footnote markers variables, footnote texts
//! comments with `documentation`, headings namespaces, `%%` lines comments;
//! in rolling texts, negotiation brackets operators, attributions decorators,
//! alternative tags enum members, facilitator's notes and `agreed ad ref`
//! comments with `modification`.
//! The VS Code extension maps the same types to its TextMate scopes for the
//! `unres` language and makes openings italic, as printed resolutions do.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensDelta,
    SemanticTokensEdit, SemanticTokensLegend, Uri,
};

use super::documents::Snapshot;
use crate::analysis::ide::{self, TokenKind};
use crate::analysis::{Catalog, Config, agreed_language, negotiation_view, record, tokens};
use crate::syntax::Tree;
use crate::text::{PositionEncoding, byte_to_column};

const TYPES: [SemanticTokenType; 9] = [
    SemanticTokenType::KEYWORD,
    SemanticTokenType::NUMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::COMMENT,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::DECORATOR,
    SemanticTokenType::ENUM_MEMBER,
];

const MODIFIERS: [SemanticTokenModifier; 3] = [
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::MODIFICATION,
    SemanticTokenModifier::DOCUMENTATION,
];

const MODIFICATION: &[SemanticTokenModifier] = &[SemanticTokenModifier::MODIFICATION];
const DECLARATION: &[SemanticTokenModifier] = &[SemanticTokenModifier::DECLARATION];
const DOCUMENTATION: &[SemanticTokenModifier] = &[SemanticTokenModifier::DOCUMENTATION];

/// A kind's token type and modifiers, by name.
fn style(kind: TokenKind) -> (SemanticTokenType, &'static [SemanticTokenModifier]) {
    match kind {
        TokenKind::Opening => (SemanticTokenType::KEYWORD, &[]),
        TokenKind::Marker => (SemanticTokenType::KEYWORD, MODIFICATION),
        TokenKind::Number => (SemanticTokenType::NUMBER, DECLARATION),
        TokenKind::Symbol => (SemanticTokenType::STRING, &[]),
        TokenKind::Date => (SemanticTokenType::NUMBER, &[]),
        TokenKind::FootnoteRef => (SemanticTokenType::VARIABLE, &[]),
        TokenKind::FootnoteText => (SemanticTokenType::COMMENT, DOCUMENTATION),
        TokenKind::Heading => (SemanticTokenType::NAMESPACE, &[]),
        TokenKind::Comment => (SemanticTokenType::COMMENT, &[]),
        TokenKind::Bracket => (SemanticTokenType::OPERATOR, &[]),
        TokenKind::Attribution => (SemanticTokenType::DECORATOR, &[]),
        TokenKind::AlternativeTag => (SemanticTokenType::ENUM_MEMBER, &[]),
        TokenKind::Note => (SemanticTokenType::COMMENT, MODIFICATION),
    }
}

/// A kind's index in the legend's types and its modifier bits.
fn encoded_style(kind: TokenKind) -> (u32, u32) {
    let (token_type, modifiers) = style(kind);
    let index = TYPES.iter().position(|t| *t == token_type).unwrap_or(0) as u32;
    let bits = modifiers
        .iter()
        .filter_map(|m| MODIFIERS.iter().position(|known| known == m))
        .fold(0, |bits, bit| bits | 1 << bit);
    (index, bits)
}

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The encoded tokens of a snapshot's version, computed once per version
/// (editors ask again on focus, scroll and after every edit's publish).
pub fn of_version(
    snapshot: &Snapshot,
    config: &Config,
    catalog: &Catalog,
    encoding: PositionEncoding,
) -> Arc<Vec<SemanticToken>> {
    let tree = &snapshot.tree;
    snapshot.semantic_tokens(|| {
        let views = snapshot.views(config, catalog);
        let mut all = tokens::structure_tokens(tree);
        all.extend(agreed_language::opening_tokens_with(tree, &views.openings));
        all.extend(record::citation_tokens_of(&views.citations));
        // Adopted texts hold no rolling-text marks; a bracket there is text.
        if config.kind_of(tree) != crate::syntax::DocumentKind::Adopted {
            all.extend(negotiation_view::tokens(tree));
        }
        encode(tree, &tokens::merge(all), encoding)
    })
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
        let (token_type, token_modifiers_bitset) = encoded_style(token.kind);
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: end.saturating_sub(start),
            token_type,
            token_modifiers_bitset,
        });
        previous_line = line_number;
        previous_start = start;
    }
    out
}

/// The tokens of lines `first..=last`, from the encoded tokens of the whole
/// document: a range request reads the version's cached tokens.
pub fn within_lines(data: &[SemanticToken], first: u32, last: u32) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    let (mut line, mut start) = (0u32, 0u32);
    // The position of the last token kept, which the next one is relative to.
    let mut kept: Option<(u32, u32)> = None;
    for token in data {
        if token.delta_line > 0 {
            start = 0;
        }
        line += token.delta_line;
        start += token.delta_start;
        if line > last {
            break;
        }
        if line < first {
            continue;
        }
        let (previous_line, previous_start) = kept.unwrap_or((0, 0));
        let delta_line = line - previous_line;
        out.push(SemanticToken {
            delta_line,
            delta_start: if delta_line == 0 {
                start - previous_start
            } else {
                start
            },
            ..*token
        });
        kept = Some((line, start));
    }
    out
}

/// The edit from `old` to `new`: what lies between their common beginning
/// and their common end (at most one edit; none when they are equal).
/// Positions count integers of the flat array, five per token.
pub fn delta(old: &[SemanticToken], new: &[SemanticToken]) -> Vec<SemanticTokensEdit> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let deleted = old.len() - prefix - suffix;
    let inserted = &new[prefix..new.len() - suffix];
    if deleted == 0 && inserted.is_empty() {
        return Vec::new();
    }
    vec![SemanticTokensEdit {
        start: (prefix * 5) as u32,
        delete_count: (deleted * 5) as u32,
        data: Some(inserted.to_vec()),
    }]
}

/// The tokens last sent for each document, under their result id, so a delta
/// request can be answered with the difference.
#[derive(Default)]
pub struct Sent(Mutex<HashMap<Uri, SentTokens>>);

/// A result id and the tokens sent under it.
type SentTokens = (String, Arc<Vec<SemanticToken>>);

impl Sent {
    /// Remember `data` as sent for `uri` under `id`, and answer in full.
    pub fn full(&self, uri: &Uri, id: String, data: Arc<Vec<SemanticToken>>) -> SemanticTokens {
        let tokens = SemanticTokens {
            result_id: Some(id.clone()),
            data: data.as_ref().clone(),
        };
        self.remember(uri, id, data);
        tokens
    }

    /// The edits from the tokens sent under `previous` to `data`, or `None`
    /// when they are not the ones last sent for `uri` (answer in full then).
    pub fn delta(
        &self,
        uri: &Uri,
        previous: &str,
        id: String,
        data: Arc<Vec<SemanticToken>>,
    ) -> Option<SemanticTokensDelta> {
        let sent = {
            let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
            map.get(uri)
                .filter(|(sent_id, _)| sent_id == previous)
                .map(|(_, data)| Arc::clone(data))?
        };
        let edits = delta(&sent, &data);
        self.remember(uri, id.clone(), data);
        Some(SemanticTokensDelta {
            result_id: Some(id),
            edits,
        })
    }

    fn remember(&self, uri: &Uri, id: String, data: Arc<Vec<SemanticToken>>) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.insert(uri.clone(), (id, data));
    }

    /// Forget a closed document.
    pub fn forget(&self, uri: &Uri) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).remove(uri);
    }
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

    /// Every kind, for the tests that walk the legend.
    const KINDS: [TokenKind; 13] = [
        TokenKind::Opening,
        TokenKind::Marker,
        TokenKind::Number,
        TokenKind::Symbol,
        TokenKind::Date,
        TokenKind::FootnoteRef,
        TokenKind::FootnoteText,
        TokenKind::Heading,
        TokenKind::Comment,
        TokenKind::Bracket,
        TokenKind::Attribution,
        TokenKind::AlternativeTag,
        TokenKind::Note,
    ];

    #[test]
    fn kinds_use_standard_types_and_modifiers_of_the_legend() {
        let legend = legend();
        for kind in KINDS {
            let (index, bits) = encoded_style(kind);
            let (token_type, modifiers) = style(kind);
            assert_eq!(legend.token_types[index as usize], token_type, "{kind:?}");
            assert_eq!(bits.count_ones() as usize, modifiers.len(), "{kind:?}");
        }
        let number = encoded_style(TokenKind::Number);
        assert_eq!(number, (1, 1), "number + declaration");
    }

    #[test]
    fn a_range_is_the_part_of_the_whole_on_its_lines() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n%% unres: ignore PUN010\n\t1.\tRecalls resolution 64/222 of 21 December 2009;1\n\t2.\tDecides:\n\t(a)\tTo act;\n\n1 A/68/212.",
        );
        let tokens = crate::analysis::tokens::merge(
            crate::analysis::tokens::structure_tokens(&tree)
                .into_iter()
                .chain(crate::analysis::record::citation_tokens(&tree))
                .collect(),
        );
        let whole = encode(&tree, &tokens, PositionEncoding::Utf16);
        for first in 0..7usize {
            for last in first..8usize {
                let expected: Vec<ide::SemanticToken> = tokens
                    .iter()
                    .copied()
                    .filter(|t| (first..=last).contains(&t.span.line))
                    .collect();
                assert_eq!(
                    within_lines(&whole, first as u32, last as u32),
                    encode(&tree, &expected, PositionEncoding::Utf16),
                    "{first}..={last}"
                );
            }
        }
    }

    #[test]
    fn a_delta_applied_gives_the_new_tokens() {
        let token = |delta_line, delta_start| SemanticToken {
            delta_line,
            delta_start,
            length: 2,
            token_type: 1,
            token_modifiers_bitset: 0,
        };
        let old = vec![token(0, 1), token(1, 1), token(1, 4), token(2, 0)];
        let cases = [
            vec![token(0, 1), token(1, 1), token(1, 4), token(2, 0)],
            vec![token(0, 1), token(2, 1), token(1, 4), token(2, 0)],
            vec![token(0, 1), token(1, 4), token(2, 0)],
            vec![
                token(0, 1),
                token(1, 1),
                token(0, 3),
                token(1, 4),
                token(2, 0),
            ],
            vec![],
            vec![token(5, 5)],
        ];
        for new in cases {
            let edits = delta(&old, &new);
            assert!(edits.len() <= 1);
            let mut flat = old.clone();
            for edit in edits {
                let start = edit.start as usize / 5;
                let end = start + edit.delete_count as usize / 5;
                flat.splice(start..end, edit.data.unwrap_or_default());
            }
            assert_eq!(flat, new);
        }
        assert!(delta(&old, &old).is_empty());
    }

    /// The VS Code extension maps every type and modifier the server sends
    /// to its TextMate scopes (openings italic) and declares no type of its
    /// own: the legend is standard.
    #[test]
    fn the_vscode_extension_maps_the_legend() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("package.json"))
                .expect("json");
        let contributes = &manifest["contributes"];
        assert!(contributes["semanticTokenTypes"].is_null());
        let scopes = contributes["semanticTokenScopes"]
            .as_array()
            .expect("semanticTokenScopes")
            .iter()
            .find(|s| s["language"] == "unres")
            .expect("unres scopes");
        for kind in KINDS {
            let (token_type, modifiers) = style(kind);
            let selector = std::iter::once(token_type.as_str())
                .chain(modifiers.iter().map(|m| m.as_str()))
                .collect::<Vec<_>>()
                .join(".");
            assert!(
                scopes["scopes"][&selector].is_array(),
                "{selector} ({kind:?}) is not mapped"
            );
        }
    }
}
