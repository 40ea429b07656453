use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::{Citation, ItemForm, quoted_at};
use crate::analysis::symbol::{SymbolDefect, reads_symbols};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Economic and Social Council resolutions are numbered `<year>/<number>`:
    /// symbol `E/RES/2013/5`, cited "Economic and Social Council resolution
    /// 2013/5"; drafts are `E/2013/L.20`, functional commission drafts
    /// `E/CN.7/2014/L.2`. Flags `E/RES/5/2013`, `E/RES/13/5`, `E/2013/L20` and a
    /// citation "Economic and Social Council resolution 5/2013".
    ///
    /// ## Why
    /// SYM011 (attested in adopted texts; Editorial Manual, identification of
    /// ECOSOC resolutions).
    ///
    /// ## Example
    /// `Recalling Economic and Social Council resolution 5/2013,`
    ///
    /// ## Fix
    /// Write the year first: `2013/5` (quick fix).
    pub struct EcosocSymbols {
        code: "SYM011",
        severity: Error,
    }
}

/// This rule's symbol defects in one line (outside quoted titles).
fn check_line(text: &str, defects: &[SymbolDefect]) -> Vec<SymbolDefect> {
    defects
        .iter()
        .filter(|d| d.rule == EcosocSymbols::META.code && !quoted_at(text, d.range.start))
        .cloned()
        .collect()
}

/// "Economic and Social Council resolution 5/2013": the year written last.
fn year_last(text: &str, citation: &Citation) -> Vec<SymbolDefect> {
    let named = &text[citation.span.start..citation.keyword.start];
    if !named.contains("Economic and Social Council") || citation.quoted {
        return Vec::new();
    }
    citation
        .items
        .iter()
        .filter(|item| item.form == ItemForm::SessionNumber)
        .filter_map(|item| {
            let (number, year) = item.text.split_once('/')?;
            let year = year.split(' ').next()?;
            let plausible: u16 = year.parse().ok()?;
            (1946..=2100).contains(&plausible).then(|| {
                let fixed = format!("{year}/{number}");
                SymbolDefect {
                    rule: EcosocSymbols::META.code,
                    range: item.span.start..item.span.start + number.len() + 1 + year.len(),
                    message: format!("ECOSOC resolutions are numbered year/number: `{fixed}`"),
                    fix: Some(fixed),
                }
            })
        })
        .collect()
}

impl LineRule for EcosocSymbols {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let footnote = matches!(at.role, Role::FootnoteText { .. });
        // Footnotes are read even after an annex: they cite the sources of the
        // whole document.
        if !reads_symbols(at.role) || !(footnote || at.own) {
            return;
        }
        let text = &at.lexed.text;
        for defect in check_line(text, at.held.symbols)
            .into_iter()
            .chain(at.held.citations.iter().flat_map(|c| year_last(text, c)))
        {
            let span = Span::new(at.index, defect.range.start, defect.range.end);
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
            "\tThe General Assembly,\n\tRecalling Economic and Social Council resolution 5/2013 and E/RES/13/5 and E/RES/5/2014,\n\t                                                 ^^^^^^ SYM011\n\t                                                            ^^^^^^^^^^ SYM011\n\t                                                                           ^^^^^^^^^^^^ SYM011\n\tNoting E/2013/L20 and E/CN.7/2014/L.2,\n\t       ^^^^^^^^^^ SYM011\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_symbol() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting Economic and Social Council resolution 5/2013,\n\t1.\tDecides.",
            "SYM011",
        );
        assert!(fixed.contains("Council resolution 2013/5,"), "{fixed}");
    }
}
