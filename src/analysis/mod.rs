//! The analysis layer: drafting rules over the syntax tree.
//!
//! Pure functions from a [`Tree`] and a [`Config`] to plain data. No I/O, no tokio,
//! no LSP types.

pub mod agreed_language;
pub mod catalog;
pub mod citation;
pub mod clean;
pub mod compare;
mod config;
pub mod cross_refs;
pub mod date;
mod diagnostic;
pub mod format;
pub mod ide;
pub mod kind;
pub mod labels;
mod memo;
pub mod negotiation_view;
pub mod numbering;
pub mod record;
pub mod rules;
pub mod settings;
mod style;
pub mod suppression;
pub mod symbol;
pub mod tokens;
pub mod workspace;

pub use crate::syntax::Footnotes;
pub use agreed_language::{complete_opening, hover_opening, opening_tokens, opening_tokens_with};
pub use catalog::Catalog;
pub use citation::Citations;
pub use config::{Config, RepeatIndicators};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use memo::AnalysisMemo;
pub use rules::{RULES, RuleMeta, all_rules, rule_meta};

use crate::syntax::Tree;

/// All diagnostics for a document, sorted by position.
pub fn analyze(tree: &Tree, config: &Config) -> Vec<Diagnostic> {
    analyze_with(tree, config, &config.catalog())
}

/// [`analyze`] against a catalog the caller keeps (the server builds
/// `Catalog::with_extras(&config.extra_catalogs)` once, not per keystroke).
pub fn analyze_with(tree: &Tree, config: &Config, catalog: &Catalog) -> Vec<Diagnostic> {
    analyze_with_memo(tree, config, catalog, &mut AnalysisMemo::default())
}

/// [`analyze_with`], keeping what the analysis found in `memo` between
/// versions of one document: only what an edit changed is checked again.
/// The result is the same as with an empty memo.
pub fn analyze_with_memo(
    tree: &Tree,
    config: &Config,
    catalog: &Catalog,
    memo: &mut AnalysisMemo,
) -> Vec<Diagnostic> {
    analyze_with_views(tree, config, catalog, memo).0
}

/// The views of a document the analysis assembles and the editor features
/// read too (semantic tokens, links): kept with the version's diagnostics so
/// that no request finds them again.
#[derive(Debug, Default)]
pub struct DocumentViews {
    pub citations: std::sync::Arc<Citations>,
    /// The openings of each line, by index.
    pub openings: std::sync::Arc<agreed_language::Openings>,
}

/// [`analyze_with_memo`], also giving the [`DocumentViews`] it assembled.
pub fn analyze_with_views(
    tree: &Tree,
    config: &Config,
    catalog: &Catalog,
    memo: &mut AnalysisMemo,
) -> (Vec<Diagnostic>, DocumentViews) {
    memo.analyze(tree, config, catalog)
}
