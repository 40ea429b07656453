use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::{SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// A General Assembly draft symbol has the form `A/<session>/L.<number>` (plenary)
    /// or `A/C.<1–6>/<session>/L.<number>` (Main Committees): the committee and the
    /// `L.` keep their full stops, the session comes before `L.`, and there are six
    /// Main Committees. Read in the paragraphs and footnotes of the resolution,
    /// not in annexed instruments or quoted titles.
    ///
    /// ## Why
    /// SYM005 (official: Editorial Manual on drafts; Dag Hammarskjöld Library guide
    /// to document symbols). A misspelt symbol does not resolve on undocs.org.
    ///
    /// ## Example
    /// `Recalling the draft resolution A/C.2/L.45/68,`
    ///
    /// ## Fix
    /// Write `A/C.2/68/L.45` (the quick fix reorders or adds the full stop).
    pub struct GaDraftSymbol {
        code: "SYM005",
        severity: Error,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str) -> Vec<SymbolDefect> {
    symbol_defects(text)
        .into_iter()
        .filter(|d| d.rule == GaDraftSymbol::META.code && !quoted_at(text, d.range.start))
        .collect()
}

impl LineRule for GaDraftSymbol {
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
            "\tThe General Assembly,\n\tHaving considered draft resolution A/C2/68/L.45 and A/68/C.2/L.46,\n\t                                   ^^^^^^^^^^^^ SYM005\n\t                                                    ^^^^^^^^^^^^^ SYM005\n\tNoting A/C.2/68/L.45, A/68/L.12/Rev.1 and A/C.7/68/L.1,\n\t                                          ^^^^^^^^^^^^ SYM005\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting A/C2/68/L.45,\n\t1.\tDecides.",
            "SYM005",
        );
        assert!(fixed.contains("Noting A/C.2/68/L.45,"), "{fixed}");
    }
}
