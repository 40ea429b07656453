//! Settings that change what the analysis reports. Plain data: the server and the
//! CLI fill it from their own sources (client configuration, command line).

use std::collections::HashMap;

use super::catalog::Catalog;
use super::diagnostic::Severity;

/// FTN007: may a footnote number be repeated for the same source?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RepeatIndicators {
    /// Adopted texts up to today repeat markers (51 of 138 corpus texts with
    /// footnotes do): the default.
    #[default]
    Legacy,
    /// The current Editorial Manual: a new footnote with the same text instead.
    Current,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The organ whose conventions apply (`unres.organ`); `None` reads it from
    /// the text (its organ line or symbol).
    pub organ: Option<crate::analysis::symbol::Organ>,
    /// What the document is (`unres.kind`): adopted, draft, negotiation text or
    /// bare body; `None` reads it from the text (`Tree::kind`).
    pub kind: Option<crate::syntax::DocumentKind>,
    pub repeat_indicators: RepeatIndicators,
    /// Per-rule severity overrides; `None` turns the rule off.
    pub severities: HashMap<String, Option<Severity>>,
    /// The text of the user's own catalog files (TSV with a header line, the
    /// columns of `data/catalog/catalog.tsv` or of the shared catalog), read by
    /// the server or the CLI; they extend and override the embedded record.
    pub extra_catalogs: Vec<String>,
    /// Preambular openings the user accepts beyond the shipped agreed language
    /// (VRB017), also offered by completion.
    pub extra_preambular_phrases: Vec<String>,
    /// Operative openings the user accepts beyond the shipped agreed language.
    pub extra_operative_verbs: Vec<String>,
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity_for(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.severities.get(code) {
            Some(choice) => *choice,
            None => Some(default),
        }
    }

    /// The document's kind: the settings' choice, else what the text says.
    pub fn kind_of(&self, tree: &crate::syntax::Tree) -> crate::syntax::DocumentKind {
        self.kind.unwrap_or(tree.kind().kind)
    }

    /// The record the analysis consults: the embedded catalog plus
    /// `extra_catalogs`.
    pub fn catalog(&self) -> Catalog {
        if self.extra_catalogs.is_empty() {
            Catalog::embedded()
        } else {
            Catalog::with_extras(&self.extra_catalogs)
        }
    }
}
