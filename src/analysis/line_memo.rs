//! What the analysis keeps of each line between versions of a document: the
//! line's facts (its part of the document facts, both openings) and the
//! findings of the line rules, keyed by what they were computed from.
//!
//! A [`LineRule`](super::rules::LineRule) reads only its line (text, role,
//! own-text flag) and the [`DocumentFacts`]. So an entry keyed by the line's
//! text, role and flag, computed under the same facts and the same rule
//! severities, holds exactly the findings a fresh run would give; only its line
//! number may differ, and findings are moved to the line they are used at. A
//! keystroke therefore checks the edited lines again, and every other line costs
//! one lookup. The memo is a plain value the caller keeps (the server keeps one
//! per open document); an empty memo gives a fresh analysis.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::agreed_language::{Extras, LineOpenings, Openings};
use super::citation::{Citation, line_citations};
use super::config::Config;
use super::diagnostic::{Diagnostic, Severity};
use super::rules::{self, Context, DocumentFacts, Line, LineHeld};
use super::style::{self, LineWalk, StyleLine};
use super::symbol::{Organ, SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{DocumentKind, LexedLine, Role, Tree};

/// Per-line results kept between analyses of one document.
#[derive(Debug, Default)]
pub struct LineMemo {
    /// The facts and line-rule severities the stored findings were computed
    /// under; when either changes, every line is checked again.
    basis: Option<Basis>,
    entries: FxHashMap<u64, Entry>,
    /// The user's extra phrases the stored openings were found with.
    extras_source: (Vec<String>, Vec<String>),
    /// Analyses run with this memo: entries not used by the latest are dropped
    /// once the memo outgrows the document.
    analyses: u64,
}

#[derive(Debug, Clone, PartialEq)]
struct Basis {
    facts: DocumentFacts,
    severities: Vec<Option<Severity>>,
}

/// What the line-rule findings of a line depend on, and what it adds to the
/// document's facts.
#[derive(Debug)]
struct Entry {
    text: Box<str>,
    role: Role,
    own: bool,
    facts: LineFacts,
    /// For paragraph and heading lines of the own text.
    openings: Option<Arc<LineOpenings>>,
    /// What the style scan found, for the lines it reads.
    walk: Option<LineWalk>,
    /// The badly written symbols of a line the symbol rules read.
    symbols: Arc<[SymbolDefect]>,
    /// The line's citations as found on line 0, and the citing organ they
    /// were read for.
    citations: (Option<Organ>, Arc<[Citation]>),
    /// The findings, and the line they were found on; `None` until checked
    /// under the current basis.
    findings: Option<(usize, Vec<Diagnostic>)>,
    /// The latest analysis that read the entry.
    used: u64,
}

/// A line's part of the [`DocumentFacts`].
#[derive(Debug, Clone, Copy, Default)]
struct LineFacts {
    /// Does the style scan read the line?
    read: bool,
    the: usize,
    de: usize,
    names_an_organisation: bool,
}

impl LineFacts {
    /// The facts of the line, and its walk when the style scan reads it.
    fn of(index: usize, lexed: &LexedLine, role: Role, own: bool) -> (LineFacts, Option<LineWalk>) {
        if !(own && style::reads(role)) {
            return (LineFacts::default(), None);
        }
        let (the, de) = style::articles(lexed);
        let walk = LineWalk::of(lexed);
        let facts = LineFacts {
            read: true,
            the,
            de,
            names_an_organisation: style::names_an_organisation(&StyleLine::of_walk(
                index, lexed, role, &walk,
            )),
        };
        (facts, Some(walk))
    }
}

/// The key of a line: its fingerprint mixed with role and flag, so that a
/// line whose role changed gets another entry.
fn key(lexed: &LexedLine, role: Role, own: bool) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    lexed.fingerprint.hash(&mut hasher);
    role.hash(&mut hasher);
    own.hash(&mut hasher);
    hasher.finish()
}

impl Entry {
    fn new(
        index: usize,
        lexed: &LexedLine,
        role: Role,
        own: bool,
        extras: &Extras,
        citing: Option<Organ>,
        analysis: u64,
    ) -> Entry {
        let (facts, walk) = LineFacts::of(index, lexed, role, own);
        Entry {
            text: lexed.text.as_str().into(),
            role,
            own,
            facts,
            walk,
            symbols: if reads_symbols(role) {
                symbol_defects(&lexed.text).into()
            } else {
                Arc::new([])
            },
            citations: (citing, line_citations(lexed, role, citing).into()),
            openings: (own && LineOpenings::read(role))
                .then(|| Arc::new(LineOpenings::of(lexed, role, extras))),
            findings: None,
            used: analysis,
        }
    }

    fn holds(&self, lexed: &LexedLine, role: Role, own: bool) -> bool {
        self.role == role && self.own == own && *self.text == *lexed.text
    }
}

/// `diagnostic` as found on line `to` instead of line `from` (a line rule's
/// spans all lie in its line).
fn moved(diagnostic: &Diagnostic, from: usize, to: usize) -> Diagnostic {
    let mut diagnostic = diagnostic.clone();
    if from != to {
        let shift = |line: &mut usize| *line = (*line + to).saturating_sub(from);
        shift(&mut diagnostic.span.line);
        for fix in &mut diagnostic.fixes {
            for edit in &mut fix.edits {
                shift(&mut edit.span.line);
            }
        }
        for (span, _) in &mut diagnostic.related {
            shift(&mut span.line);
        }
    }
    diagnostic
}

/// The lines of one analysis with their keys in the memo, and the sums of
/// their facts: what [`LineMemo::check_lines`] goes on from.
pub(crate) struct Prepared {
    lines: Vec<(usize, u64)>,
    /// Per line, the style walk of the lines the style scan reads.
    pub(crate) walks: Vec<Option<LineWalk>>,
    /// Per line, its citations as found on line 0.
    pub(crate) citations: Vec<Arc<[Citation]>>,
    the: usize,
    de: usize,
    names_an_organisation: bool,
}

impl LineMemo {
    /// Find each line of `tree` in the memo, or add it with its facts,
    /// openings and citations (read for the `citing` organ): the openings of
    /// every line, by index, for the paragraph views.
    pub(crate) fn prepare(
        &mut self,
        tree: &Tree,
        config: &Config,
        extras: &Extras,
        citing: Option<Organ>,
    ) -> (Prepared, Openings) {
        let extras_source = (
            config.extra_preambular_phrases.clone(),
            config.extra_operative_verbs.clone(),
        );
        if self.extras_source != extras_source {
            // The openings depend on the user's phrases.
            self.entries.clear();
            self.extras_source = extras_source;
        }
        self.analyses += 1;
        let analysis = self.analyses;
        let mut prepared = Prepared {
            lines: Vec::with_capacity(tree.line_count()),
            walks: vec![None; tree.line_count()],
            citations: vec![Arc::from([]); tree.line_count()],
            the: 0,
            de: 0,
            names_an_organisation: false,
        };
        let mut openings: Openings = vec![None; tree.line_count()];
        for (index, lexed, role) in tree.iter() {
            let own = tree.is_own_text(index);
            let key = key(lexed, role, own);
            let fresh = || Entry::new(index, lexed, role, own, extras, citing, analysis);
            let entry = self
                .entries
                .entry(key)
                .and_modify(|entry| {
                    if !entry.holds(lexed, role, own) {
                        *entry = fresh();
                    }
                })
                .or_insert_with(fresh);
            entry.used = analysis;
            if entry.citations.0 != citing {
                entry.citations = (citing, line_citations(lexed, role, citing).into());
            }
            if entry.facts.read {
                prepared.the += entry.facts.the;
                prepared.de += entry.facts.de;
                prepared.names_an_organisation |= entry.facts.names_an_organisation;
            }
            openings[index] = entry.openings.clone();
            prepared.walks[index] = entry.walk.clone();
            prepared.citations[index] = entry.citations.1.clone();
            prepared.lines.push((index, key));
        }
        (prepared, openings)
    }

    /// Whether the text is in English by the line facts `prepared` summed
    /// ([`style::english`] over the lines the style scan reads).
    pub(crate) fn english(prepared: &Prepared) -> bool {
        style::english(std::iter::once((prepared.the, prepared.de)))
    }

    /// The findings of every enabled line rule on the lines `prepared` holds,
    /// appended to `out`; lines checked before under the same basis are not
    /// checked again.
    pub(crate) fn check_lines(
        &mut self,
        context: &Context<'_>,
        prepared: Prepared,
        out: &mut Vec<Diagnostic>,
    ) {
        let tree = context.tree;
        let english = LineMemo::english(&prepared);
        let facts = DocumentFacts {
            security_council: context.security_council(),
            english,
            names_an_organisation: english && prepared.names_an_organisation,
            citing: context.citations.citing,
            catalog: context.catalog.fingerprint(),
            negotiation: context.kind() == DocumentKind::Negotiation,
        };
        let rules = rules::line_rules(context.config);
        let basis = Basis {
            facts,
            severities: rules.iter().map(|(_, severity)| *severity).collect(),
        };
        if self.basis.as_ref() != Some(&basis) {
            for entry in self.entries.values_mut() {
                entry.findings = None;
            }
            self.basis = Some(basis);
        }
        for (index, key) in prepared.lines {
            let Some(entry) = self.entries.get_mut(&key) else {
                continue;
            };
            if entry.findings.is_none() {
                let held = LineHeld {
                    openings: entry.openings.as_deref(),
                    citations: &entry.citations.1,
                    symbols: &entry.symbols,
                    catalog: context.catalog,
                };
                let line = Line::new(
                    index,
                    &tree.lines()[index],
                    entry.role,
                    entry.own,
                    &facts,
                    held,
                );
                let mut found = Vec::new();
                rules::check_line(&rules, &line, &mut found);
                entry.findings = Some((index, found));
            }
            let (from, findings) = entry.findings.as_ref().expect("just checked");
            out.extend(findings.iter().map(|d| moved(d, *from, index)));
        }
        if self.entries.len() > 2 * tree.line_count() + 64 {
            let analysis = self.analyses;
            self.entries.retain(|_, entry| entry.used == analysis);
        }
    }
}

/// A memo kept across versions gives a fresh analysis' diagnostics when roles
/// and document facts change (`tests/incremental_analysis.rs` checks random
/// edits).
#[cfg(test)]
mod tests {
    use crate::analysis::{Catalog, Config, analyze_with, analyze_with_memo};
    use crate::syntax::Tree;

    use super::LineMemo;

    #[test]
    fn a_memo_kept_across_versions_gives_the_fresh_findings() {
        let config = Config::default();
        let catalog = Catalog::embedded();
        let versions = [
            "The General Assembly,\n\tRecalling its resolution 70/1,\n\t1.\tDecides to organise a programme;\n",
            "The General Assembly,\n\tRecalling its resolution 70/1,\n\tDecides to organise a programme;\n",
            "The General Assembly,\n\n\tRecalling its resolution 70/1,\n\t1.\tDecides to organise a programme;\n\t2.\tDecides to organise a programme;\n",
            "The Security Council,\n\n\tRecalling its resolution 70/1,\n\t1.\tDecides to organise a programme;\n",
        ];
        let mut memo = LineMemo::default();
        for text in versions {
            let tree = Tree::parse(text);
            let kept = analyze_with_memo(&tree, &config, &catalog, &mut memo);
            assert_eq!(kept, analyze_with(&tree, &config, &catalog), "{text}");
        }
    }

    /// Line rules that read the record (SYM009 writes the year it gives) are
    /// checked again when the user's catalogs change.
    #[test]
    fn a_memo_kept_across_catalogs_gives_the_fresh_findings() {
        let config = Config::default();
        let tree = Tree::parse(
            "The General Assembly,\n\tRecalling Security Council resolution 9876,\n\t1.\tDecides to remain seized of the matter.\n",
        );
        let embedded = Catalog::embedded();
        let extended = Catalog::with_extras(&[
            "symbol\tdate\ttitle\nS/RES/9876 (2031)\t2031-01-02\tA future resolution",
        ]);
        let fresh = |catalog: &Catalog| analyze_with(&tree, &config, catalog);
        assert_ne!(
            fresh(&embedded),
            fresh(&extended),
            "the record changes the fix"
        );
        let mut memo = LineMemo::default();
        for catalog in [&embedded, &extended, &embedded] {
            let kept = analyze_with_memo(&tree, &config, catalog, &mut memo);
            assert_eq!(kept, fresh(catalog));
        }
    }
}
