//! The analysis layer: drafting rules over the syntax tree.
//!
//! Pure functions from a [`Tree`] and a [`Config`] to plain data. No I/O, no tokio,
//! no LSP types.

pub mod agreed_language;
mod config;
mod diagnostic;
pub mod footnotes;
pub mod ide;
pub mod numbering;
pub mod rules;

pub use agreed_language::{complete_opening, hover_opening, opening_tokens};
pub use config::{Config, RepeatIndicators};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use footnotes::Footnotes;
pub use rules::{RULES, RuleMeta, rule_meta};

use crate::syntax::Tree;

/// All diagnostics for a document, sorted by position.
pub fn analyze(tree: &Tree, config: &Config) -> Vec<Diagnostic> {
    let footnotes = Footnotes::collect(tree);
    let context = rules::Context {
        tree,
        config,
        footnotes: &footnotes,
    };
    let mut diagnostics = rules::run(&context);
    diagnostics.sort_by(|a, b| (a.span, a.code).cmp(&(b.span, b.code)));
    diagnostics
}
