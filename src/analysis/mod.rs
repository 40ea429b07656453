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
mod line_memo;
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
pub use line_memo::LineMemo;
pub use rules::{RULES, RuleMeta, all_rules, rule_meta};

use crate::syntax::Tree;

/// All diagnostics for a document, sorted by position.
pub fn analyze(tree: &Tree, config: &Config) -> Vec<Diagnostic> {
    analyze_with(tree, config, &config.catalog())
}

/// [`analyze`] against a catalog the caller keeps (the server builds
/// `Catalog::with_extras(&config.extra_catalogs)` once, not per keystroke).
pub fn analyze_with(tree: &Tree, config: &Config, catalog: &Catalog) -> Vec<Diagnostic> {
    analyze_with_memo(tree, config, catalog, &mut LineMemo::default())
}

/// [`analyze_with`], keeping the line rules' findings per line in `memo`
/// between versions of one document: only lines whose text or role changed
/// are checked by them again. The result is the same as with an empty memo.
pub fn analyze_with_memo(
    tree: &Tree,
    config: &Config,
    catalog: &Catalog,
    memo: &mut LineMemo,
) -> Vec<Diagnostic> {
    analyze_with_views(tree, config, catalog, memo).0
}

/// The views of a document the analysis assembles and the editor features
/// read too (semantic tokens, links): kept with the version's diagnostics so
/// that no request finds them again.
#[derive(Debug, Default)]
pub struct DocumentViews {
    pub citations: Citations,
    /// The openings of each line, by index.
    pub openings: agreed_language::Openings,
}

/// [`analyze_with_memo`], also giving the [`DocumentViews`] it assembled.
pub fn analyze_with_views(
    tree: &Tree,
    config: &Config,
    catalog: &Catalog,
    memo: &mut LineMemo,
) -> (Vec<Diagnostic>, DocumentViews) {
    let extras = agreed_language::Extras::from_config(config);
    let citing = citation::citing_organ(tree);
    let (mut prepared, openings) = memo.prepare(tree, config, &extras, citing);
    let citations = Citations::assemble(tree, citing, |index| &prepared.citations[index]);
    let walks = std::mem::take(&mut prepared.walks);
    let english = LineMemo::english(&prepared);
    let context = rules::Context {
        tree,
        config,
        footnotes: tree.footnotes(),
        catalog,
        citations: &citations,
        derived: rules::Derived::new(extras, &openings, english, walks),
    };
    let mut found = Vec::new();
    memo.check_lines(&context, prepared, &mut found);
    rules::run_document_rules(&context, &mut found);
    let mut diagnostics = suppression::apply(tree, config, found);
    diagnostics.sort_by(|a, b| (a.span, a.code).cmp(&(b.span, b.code)));
    drop(context);
    (
        diagnostics,
        DocumentViews {
            citations,
            openings,
        },
    )
}
