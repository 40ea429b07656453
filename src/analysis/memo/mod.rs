//! What the analysis keeps of a document between its versions, so that a
//! keystroke costs what it changed.
//!
//! Per line, in line order: the line's facts (its share of the document facts,
//! both openings, citations, style walk, badly written symbols) and the
//! findings of the line rules. A [`LineRule`](super::rules::LineRule) reads
//! only its line and the [`DocumentFacts`], so a line whose text, role and
//! own-text flag are unchanged keeps its findings while the facts and the rule
//! severities stay the same.
//!
//! Per document rule: its findings of the previous version. The lines an edit
//! changed are compared before and after in what the rule reads of them
//! ([`Reads`]); a rule none of whose reads changed keeps its findings, moved
//! with the text around the edit ([`change::Window`]).
//!
//! Each analysis finds the changed lines itself, by the longest unchanged run
//! of lines at both ends, so the memo needs no word from the editor about what
//! changed and an empty memo gives a fresh analysis: the memo is a plain value
//! the caller keeps (the server keeps one per open document).

mod change;
mod documents;

use std::sync::Arc;

use super::agreed_language::{Extras, LineOpenings, Openings};
use super::catalog::Catalog;
use super::citation::{self, Citation, Citations, line_citations};
use super::config::Config;
use super::diagnostic::{Diagnostic, Severity};
use super::rules::{self, Context, DocumentFacts, Line, LineHeld};
use super::style::{self, LineWalk, StyleLine};
use super::suppression;
use super::symbol::{Organ, SymbolDefect, reads_symbols, symbol_defects};
use super::{DocumentViews, rules::Derived};
use crate::syntax::{DocumentKind, LexedLine, Role, Tree};

pub use change::Reads;
use change::{Layout, OldLine, Window};

/// What the analysis keeps of one document between its versions.
#[derive(Debug, Default)]
pub struct AnalysisMemo {
    /// The facts and line-rule severities the line findings were computed
    /// under; when either changes, every line is checked again.
    basis: Option<Basis>,
    /// The user's extra phrases the openings were found with.
    extras_source: (Vec<String>, Vec<String>),
    /// The citing organ the line citations were read for.
    citing: Option<Organ>,
    /// One per line of the latest version, and the per-line views the rules
    /// read, by line index.
    slots: Vec<Slot>,
    /// Shared with the views of the latest version (semantic tokens read
    /// them), so handing them over copies nothing.
    openings: Arc<Openings>,
    walks: Vec<Option<LineWalk>>,
    citations: Vec<Arc<[Citation]>>,
    sums: Sums,
    /// The document's citations as the latest version assembled them.
    assembled: Option<Arc<Citations>>,
    documents: documents::DocumentMemo,
}

#[derive(Debug, Clone, PartialEq)]
struct Basis {
    facts: DocumentFacts,
    severities: Vec<Option<Severity>>,
}

/// The line facts summed over the document.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    the: usize,
    de: usize,
    /// Lines that name an organisation spelled so.
    organisations: usize,
}

/// What is kept of one line.
#[derive(Debug)]
struct Slot {
    text: Box<str>,
    layout: Layout,
    fingerprint: u64,
    role: Role,
    own: bool,
    facts: LineFacts,
    /// The badly written symbols of a line the symbol rules read.
    symbols: Arc<[SymbolDefect]>,
    /// The line-rule findings and the line they were found on; `None` until
    /// checked under the current basis.
    findings: Option<(usize, Vec<Diagnostic>)>,
}

impl Slot {
    /// Is this the slot of `lexed` in `role`? Lines are told apart by their
    /// 64-bit fingerprint and length, as the lexer's caches do.
    fn holds(&self, lexed: &LexedLine, role: Role, own: bool) -> bool {
        self.fingerprint == lexed.fingerprint
            && self.role == role
            && self.own == own
            && self.text.len() == lexed.text.len()
    }
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

impl Sums {
    fn add(&mut self, facts: &LineFacts) {
        if facts.read {
            self.the += facts.the;
            self.de += facts.de;
            self.organisations += usize::from(facts.names_an_organisation);
        }
    }

    fn remove(&mut self, facts: &LineFacts) {
        if facts.read {
            self.the -= facts.the;
            self.de -= facts.de;
            self.organisations -= usize::from(facts.names_an_organisation);
        }
    }

    fn english(&self) -> bool {
        style::english(std::iter::once((self.the, self.de)))
    }
}

/// `diagnostic` as found on line `to` instead of line `from` (a line rule's
/// spans all lie in its line).
fn moved(diagnostic: &Diagnostic, from: usize, to: usize) -> Diagnostic {
    let mut diagnostic = diagnostic.clone();
    if from != to {
        diagnostic.for_each_span(|span| span.line = (span.line + to).saturating_sub(from));
    }
    diagnostic
}

/// Is the line a comment, which no rule reads?
fn comment(role: Role) -> bool {
    role == Role::Comment
}

impl AnalysisMemo {
    /// All diagnostics of `tree`, sorted by position, and the views the
    /// editor features read; the same as a fresh analysis gives.
    pub(crate) fn analyze(
        &mut self,
        tree: &Tree,
        config: &Config,
        catalog: &Catalog,
    ) -> (Vec<Diagnostic>, DocumentViews) {
        let extras = Extras::from_config(config);
        let citing = citation::citing_organ(tree);
        let window = self.update_lines(tree, config, &extras, citing);
        let citations = self.assemble_citations(tree, citing, &window);
        let english = self.sums.english();
        let facts = DocumentFacts {
            security_council: rules::security_council(tree, config),
            english,
            names_an_organisation: english && self.sums.organisations > 0,
            citing,
            catalog: catalog.fingerprint(),
            negotiation: config.kind_of(tree) == DocumentKind::Negotiation,
        };
        let mut found = Vec::new();
        self.check_lines(tree, config, catalog, &facts, &window, &mut found);
        let AnalysisMemo {
            openings,
            walks,
            documents,
            ..
        } = self;
        let context = Context {
            tree,
            config,
            footnotes: tree.footnotes(),
            catalog,
            citations: &citations,
            derived: Derived::new(extras, openings, english, walks),
        };
        documents.run(&context, &facts, &window, &mut found);
        drop(context);
        let mut diagnostics = suppression::apply(tree, config, found);
        diagnostics.sort_by(|a, b| (a.span, a.code).cmp(&(b.span, b.code)));
        let views = DocumentViews {
            citations,
            openings: Arc::clone(&self.openings),
        };
        (diagnostics, views)
    }

    /// Bring the per-line slots and views to `tree`: the lines between the
    /// unchanged runs at both ends are found again. The window says which
    /// lines those were and how they read before.
    fn update_lines(
        &mut self,
        tree: &Tree,
        config: &Config,
        extras: &Extras,
        citing: Option<Organ>,
    ) -> Window {
        let extras_source = (
            config.extra_preambular_phrases.clone(),
            config.extra_operative_verbs.clone(),
        );
        let mut reset = false;
        if self.extras_source != extras_source {
            // The openings depend on the user's phrases.
            self.clear();
            self.extras_source = extras_source;
            reset = true;
        }
        let citing_changed = self.citing != citing;
        self.citing = citing;
        let lines = tree.lines();
        let roles = tree.roles();
        let own = tree.own_text();
        let same = |slot: &Slot, index: usize| slot.holds(&lines[index], roles[index], own[index]);
        let shorter = self.slots.len().min(lines.len());
        let first = (0..shorter)
            .find(|&i| !same(&self.slots[i], i))
            .unwrap_or(shorter);
        let unchanged_tail = (0..shorter - first)
            .find(|&k| !same(&self.slots[self.slots.len() - 1 - k], lines.len() - 1 - k))
            .unwrap_or(shorter - first);
        let old_end = self.slots.len() - unchanged_tail;
        let new_end = lines.len() - unchanged_tail;
        let mut slots = Vec::with_capacity(new_end - first);
        let mut openings = Vec::with_capacity(new_end - first);
        let mut walks = Vec::with_capacity(new_end - first);
        let mut citations = Vec::with_capacity(new_end - first);
        for index in first..new_end {
            let (lexed, role, own) = (&lines[index], roles[index], own[index]);
            let (facts, walk) = if comment(role) {
                (LineFacts::default(), None)
            } else {
                LineFacts::of(index, lexed, role, own)
            };
            self.sums.add(&facts);
            slots.push(Slot {
                text: lexed.text.as_str().into(),
                layout: Layout::of(lexed),
                fingerprint: lexed.fingerprint,
                role,
                own,
                facts,
                symbols: if reads_symbols(role) && !comment(role) {
                    symbol_defects(&lexed.text).into()
                } else {
                    Arc::new([])
                },
                findings: None,
            });
            openings.push(
                (own && !comment(role) && LineOpenings::read(role))
                    .then(|| Arc::new(LineOpenings::of(lexed, role, extras))),
            );
            walks.push(walk);
            citations.push(if comment(role) {
                Arc::from([])
            } else {
                line_citations(lexed, role, citing).into()
            });
        }
        let removed_slots: Vec<Slot> = self.slots.splice(first..old_end, slots).collect();
        let removed_openings: Vec<_> = Arc::make_mut(&mut self.openings)
            .splice(first..old_end, openings)
            .collect();
        let removed_citations = self.citations.splice(first..old_end, citations);
        self.walks.splice(first..old_end, walks);
        let old: Vec<OldLine> = removed_slots
            .into_iter()
            .zip(removed_openings.into_iter().zip(removed_citations))
            .map(|(slot, (openings, citations))| {
                self.sums.remove(&slot.facts);
                OldLine {
                    text: slot.text,
                    layout: slot.layout,
                    role: slot.role,
                    own: slot.own,
                    openings,
                    citations,
                }
            })
            .collect();
        if citing_changed {
            // The citations of every line are read for the citing organ.
            for (index, lexed, role) in tree.iter() {
                self.citations[index] = line_citations(lexed, role, citing).into();
            }
            reset = true;
        }
        Window::new(
            first,
            old,
            new_end - first,
            reset,
            tree,
            &self.openings,
            &self.citations,
        )
    }

    fn clear(&mut self) {
        self.slots.clear();
        self.openings = Arc::default();
        self.walks.clear();
        self.citations.clear();
        self.sums = Sums::default();
        self.assembled = None;
    }

    /// The document's citations: those of the previous version when the
    /// edit changed no line's citations nor the parts they stand in.
    fn assemble_citations(
        &mut self,
        tree: &Tree,
        citing: Option<Organ>,
        window: &Window,
    ) -> Arc<Citations> {
        if let Some(assembled) = &self.assembled
            && window.keeps_citations()
        {
            return assembled.clone();
        }
        let assembled = Arc::new(Citations::assemble(tree, citing, |index| {
            &self.citations[index]
        }));
        self.assembled = Some(assembled.clone());
        assembled
    }

    /// The findings of every enabled line rule, appended to `out`; lines
    /// checked before under the same basis are not checked again.
    fn check_lines(
        &mut self,
        tree: &Tree,
        config: &Config,
        catalog: &Catalog,
        facts: &DocumentFacts,
        window: &Window,
        out: &mut Vec<Diagnostic>,
    ) {
        let rules = rules::line_rules(config);
        let basis = Basis {
            facts: *facts,
            severities: rules.iter().map(|(_, severity)| *severity).collect(),
        };
        let rebased = self.basis.as_ref() != Some(&basis);
        if rebased {
            self.basis = Some(basis);
        }
        let lines = tree.lines();
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if comment(slot.role) {
                continue;
            }
            if rebased || window.new_lines().contains(&index) || slot.findings.is_none() {
                let held = LineHeld {
                    openings: self.openings[index].as_deref(),
                    citations: &self.citations[index],
                    symbols: &slot.symbols,
                    catalog,
                };
                let line = Line::new(index, &lines[index], slot.role, slot.own, facts, held);
                let mut found = Vec::new();
                rules::check_line(&rules, &line, &mut found);
                slot.findings = Some((index, found));
            }
            let (from, findings) = slot.findings.as_ref().expect("just checked");
            out.extend(findings.iter().map(|d| moved(d, *from, index)));
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

    use super::AnalysisMemo;
    use crate::analysis::agreed_language::{self, Extras};

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
        let mut memo = AnalysisMemo::default();
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
        let mut memo = AnalysisMemo::default();
        for catalog in [&embedded, &extended, &embedded] {
            let kept = analyze_with_memo(&tree, &config, catalog, &mut memo);
            assert_eq!(kept, fresh(catalog));
        }
    }

    /// The openings the memo keeps are those found afresh.
    #[test]
    fn the_kept_openings_are_the_fresh_ones() {
        let config = Config::default();
        let catalog = Catalog::embedded();
        let mut memo = AnalysisMemo::default();
        for text in [
            "The General Assembly,\n\tRecalling its resolution 70/1,\n\t1.\tDecides to act;\n",
            "The General Assembly,\n\tRecalling its resolution 70/1,\n\t1.\tRequests the act;\n",
        ] {
            let tree = Tree::parse(text);
            memo.analyze(&tree, &config, &catalog);
            let fresh = agreed_language::openings(&tree, &Extras::from_config(&config));
            assert_eq!(memo.openings.len(), fresh.len());
            for (kept, fresh) in memo.openings.iter().zip(&fresh) {
                assert_eq!(kept.as_deref(), fresh.as_deref());
            }
        }
    }
}
