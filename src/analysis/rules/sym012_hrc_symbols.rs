use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::{SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Human Rights Council documents are in the A series and numbered by session:
    /// resolutions `A/HRC/RES/<session>/<number>`, drafts
    /// `A/HRC/<session>/L.<number>`, decisions `A/HRC/DEC/<session>/<number>`.
    /// Flags `HRC/RES/25/1`, `A/HRC/L.10/25` and `A/HRC/RES/2014/1`.
    ///
    /// ## Why
    /// SYM012 (attested: the symbols of adopted Council resolutions; decisions
    /// recalled from practice).
    ///
    /// ## Example
    /// `the draft resolution A/HRC/L.10/25`
    ///
    /// ## Fix
    /// Write `A/HRC/25/L.10` (quick fix).
    pub struct HrcSymbols {
        code: "SYM012",
        severity: Error,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str) -> Vec<SymbolDefect> {
    symbol_defects(text)
        .into_iter()
        .filter(|d| d.rule == HrcSymbols::META.code && !quoted_at(text, d.range.start))
        .collect()
}

impl LineRule for HrcSymbols {
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
            "\tThe General Assembly,\n\tRecalling HRC/RES/25/1, the draft A/HRC/L.10/25 and A/HRC/RES/2014/1 and A/HRC/RES/25/2,\n\t          ^^^^^^^^^^^^ SYM012\n\t                                  ^^^^^^^^^^^^^ SYM012\n\t                                                    ^^^^^^^^^^^^^^^^ SYM012\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting A/HRC/L.10/25,\n\t1.\tDecides.",
            "SYM012",
        );
        assert!(fixed.contains("Noting A/HRC/25/L.10,"), "{fixed}");
    }
}
