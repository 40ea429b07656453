//! The document rules' findings kept between versions: a rule runs again only
//! when the edit changed what it reads ([`Rule::reads`]) or touched the text
//! its findings point at; otherwise its findings are carried over, moved with
//! the text around the edit.

use super::change::{Reads, Window};
use crate::analysis::config::Config;
use crate::analysis::diagnostic::{Diagnostic, Severity};
use crate::analysis::rules::{self, Context, DocumentFacts, Registered, Rule, Sink};
use crate::syntax::KindEvidence;

/// Per document rule (in [`rules::RULES`] order), its findings on the
/// previous version, and what they were found under.
#[derive(Debug, Default)]
pub(super) struct DocumentMemo {
    basis: Option<Basis>,
    findings: Vec<Option<Vec<Diagnostic>>>,
}

/// Besides the text, the rules read the settings, the record and the
/// document's facts: a change to any of them runs every rule again.
#[derive(Debug, Clone, PartialEq)]
struct Basis {
    config: Config,
    catalog: u64,
    facts: DocumentFacts,
    kind: KindEvidence,
}

impl DocumentMemo {
    /// Run (or carry over) every enabled document rule on `context`'s
    /// document, appending the findings to `out` in rule order.
    pub(super) fn run(
        &mut self,
        context: &Context<'_>,
        facts: &DocumentFacts,
        window: &Window,
        out: &mut Vec<Diagnostic>,
    ) {
        let basis = Basis {
            config: context.config.clone(),
            catalog: context.catalog.fingerprint(),
            facts: *facts,
            kind: context.tree.kind(),
        };
        let changed = if self.basis.as_ref() == Some(&basis) {
            window.changed()
        } else {
            self.basis = Some(basis);
            Reads::ALL
        };
        let document_rules = rules::RULES.iter().filter_map(|rule| match rule {
            Registered::Document(rule) => Some(*rule),
            Registered::Line(_) => None,
        });
        let document_rules: Vec<&'static dyn Rule> = document_rules.collect();
        self.findings.resize_with(document_rules.len(), || None);
        for (kept, rule) in self.findings.iter_mut().zip(document_rules) {
            let meta = rule.meta();
            let Some(severity) = context
                .config
                .severity_for(meta.code, meta.default_severity)
            else {
                *kept = None;
                continue;
            };
            let carried = !(rule.reads() | Reads::LAYOUT).intersects(changed)
                && kept.as_mut().is_some_and(|findings| window.carry(findings));
            if !carried {
                *kept = Some(run(rule, context, severity));
            }
            let findings = kept.as_ref().expect("kept or just found");
            out.extend(findings.iter().cloned());
        }
    }
}

fn run(rule: &'static dyn Rule, context: &Context<'_>, severity: Severity) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut sink = Sink::new(rule.meta(), severity, &mut found);
    rule.check(context, &mut sink);
    found
}
