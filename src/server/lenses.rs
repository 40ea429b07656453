//! Code lenses: at the top of a negotiation text, what a facilitator wants to
//! see first (issue 12, item 3) and "Compare with…" (the command
//! `unres.compareWith`, which asks which version).

use tower_lsp_server::ls_types::{CodeLens, Position, Range, Uri};

use super::compare_with;
use crate::analysis::Config;
use crate::syntax::{DocumentKind, Tree};

/// The lenses of a document: none unless it is a negotiation text (read from
/// the text, or set with `kind = "negotiation"`).
pub fn code_lenses(tree: &Tree, config: &Config, uri: &Uri) -> Vec<CodeLens> {
    if config.kind_of(tree) != DocumentKind::Negotiation {
        return Vec::new();
    }
    let first = tree
        .lines()
        .iter()
        .position(|l| !l.text.trim().is_empty())
        .unwrap_or(0) as u32;
    let at = Range::new(Position::new(first, 0), Position::new(first, 0));
    vec![CodeLens {
        range: at,
        command: Some(compare_with::command(uri)),
        data: None,
    }]
}
