use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::{SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Security Council symbols: presidential statements are `S/PRST/<year>/<number>`
    /// (four-digit year first), drafts are ordinary documents `S/<year>/<number>`
    /// (there are no `S/L.` documents), and Council decisions are unnumbered, with
    /// no symbol (`S/DEC/…` does not exist).
    ///
    /// ## Why
    /// SYM010 (official for statements and decisions: Dag Hammarskjöld Library
    /// guides; drafts as `S/<year>/<number>` recalled from practice).
    ///
    /// ## Example
    /// `Recalling the statement of its President S/PRST/5/2013,`
    ///
    /// ## Fix
    /// Write `S/PRST/2013/5` (quick fix for the swapped year and number).
    pub struct CouncilSymbols {
        code: "SYM010",
        severity: Warning,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str) -> Vec<SymbolDefect> {
    symbol_defects(text)
        .into_iter()
        .filter(|d| d.rule == CouncilSymbols::META.code && !quoted_at(text, d.range.start))
        .collect()
}

impl LineRule for CouncilSymbols {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        // Footnotes are read even after an annex: they cite the sources of the
        // whole document.
        let footnote = matches!(role, Role::FootnoteText { .. });
        if !reads_symbols(role) || !(footnote || at.own) {
            return;
        }
        for defect in check_line(&line.text) {
            let span = Span::new(index, defect.range.start, defect.range.end);
            let diagnostic = sink.report(span, defect.message);
            if let Some(fixed) = defect.fix {
                diagnostic.with_fix(Fix::write(span, fixed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn malformed_symbols() {
        check(
            "\tThe Security Council,\n\tRecalling the statements of its President S/PRST/5/2013 and S/PRST/2014/16, the draft S/L.12 and S/DEC/2013/1,\n\t                                          ^^^^^^^^^^^^^ SYM010\n\t                                                                                      ^^^^^^ SYM010\n\t                                                                                                 ^^^^^^^^^^^^ SYM010\n\t1.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting S/PRST/5/2013,\n\t1.\tDecides.",
            "SYM010",
        );
        assert!(fixed.contains("Noting S/PRST/2013/5,"), "{fixed}");
    }
}
