use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::{SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Revisions, addenda, corrigenda and amendments are separate components of a
    /// symbol, abbreviated with a full stop and a number and no space:
    /// `A/68/L.12/Rev.1`, `A/68/443/Add.2`. Flags `A/68/L.12 Rev.1`,
    /// `A/68/L.12/rev.1`, `A/68/L.12/Rev 1`, `A/68/L.12/Rev1`,
    /// `A/68/L.12/Revision 1` and `A/68/L.12.Rev.1` in the paragraphs and
    /// footnotes of the resolution.
    ///
    /// ## Why
    /// SYM006 (official: Dag Hammarskjöld Library guide to document symbols, final
    /// components).
    ///
    /// ## Example
    /// `the draft resolution A/68/L.12/Rev 1`
    ///
    /// ## Fix
    /// Write the modifier as `/Rev.1` (quick fix).
    pub struct SymbolModifiers {
        code: "SYM006",
        severity: Error,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str) -> Vec<SymbolDefect> {
    symbol_defects(text)
        .into_iter()
        .filter(|d| d.rule == SymbolModifiers::META.code && !quoted_at(text, d.range.start))
        .collect()
}

impl LineRule for SymbolModifiers {
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
            "\tThe General Assembly,\n\tNoting documents A/68/L.12 Rev.1, A/68/L.12/rev.2 and A/68/443/Add.2,\n\t                 ^^^^^^^^^^^^^^^ SYM006\n\t                                  ^^^^^^^^^^^^^^^ SYM006\n\tNoting also A/68/L.12/Rev 3 and A/68/L.12.Rev.4 and A/68/L.12/Revision 5,\n\t            ^^^^^^^^^^^^^^^ SYM006\n\t                                ^^^^^^^^^^^^^^^ SYM006\n\t                                                    ^^^^^^^^^^^^^^^^^^^^ SYM006\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting A/68/L.12 Rev.1,\n\t1.\tDecides.",
            "SYM006",
        );
        assert!(fixed.contains("Noting A/68/L.12/Rev.1,"), "{fixed}");
    }
}
