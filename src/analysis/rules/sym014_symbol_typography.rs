use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::{SymbolDefect, reads_symbols, symbol_defects};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// A document symbol has no spaces around its slashes and is written in
    /// capitals, except the modifiers `Rev.`, `Add.`, `Corr.`, `Amend.` and `Sub.`:
    /// `A/C.2/68/L.45/Rev.1`. Flags `A / C.2 / 68 / L.45`, `a/c.2/68/l.45`,
    /// `A/Res/68/230` and `A/C.2/68/L.45/REV.1` when the corrected form is a valid
    /// symbol (so `s/he` or a web address is left alone).
    ///
    /// ## Why
    /// SYM014 (official: Dag Hammarskjöld Library guide to document symbols).
    /// Symbols are identifiers: undocs.org and the Official Document System look
    /// them up as written.
    ///
    /// ## Example
    /// `the draft resolution a/c.2/68/l.45`
    ///
    /// ## Fix
    /// Write `A/C.2/68/L.45` (quick fix).
    pub struct SymbolTypography {
        code: "SYM014",
        severity: Error,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str) -> Vec<SymbolDefect> {
    symbol_defects(text)
        .into_iter()
        .filter(|d| d.rule == SymbolTypography::META.code && !quoted_at(text, d.range.start))
        .collect()
}

impl LineRule for SymbolTypography {
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
            "\tThe General Assembly,\n\tNoting A / C.2 / 68 / L.45, a/c.2/68/l.45, A/Res/68/230 and A/C.2/68/L.45/REV.1 and s/he,\n\t       ^^^^^^^^^^^^^^^^^^^ SYM014\n\t                            ^^^^^^^^^^^^^ SYM014\n\t                                           ^^^^^^^^^^^^ SYM014\n\t                                                            ^^^^^^^^^^^^^^^^^^^ SYM014\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting a/c.2/68/l.45,\n\t1.\tDecides.",
            "SYM014",
        );
        assert!(fixed.contains("Noting A/C.2/68/L.45,"), "{fixed}");
    }
}
