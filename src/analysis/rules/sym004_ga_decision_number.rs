use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::{Citation, ItemForm, quoted_at};
use crate::analysis::symbol::{Organ, SymbolDefect, reads_symbols};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// General Assembly decisions are cited by number, session/number with a
    /// three-digit number (`decision 68/505`), and have no document symbol.
    /// Flags a symbol `A/DEC/68/505` and a General Assembly decision of the
    /// thirty-first session or later with a number below 100 (`decision 68/5`).
    /// Which hundred-series a decision belongs to (elections, other decisions)
    /// is left to people: the spec's series are recalled, not verified.
    ///
    /// ## Why
    /// SYM004 (official for the form: Editorial Manual, identification of
    /// resolutions and decisions; Dag Hammarskjöld Library: decisions are not
    /// issued as separate documents).
    ///
    /// ## Example
    /// `Recalling its decision 68/5 and A/DEC/68/505,`
    ///
    /// ## Fix
    /// Cite `decision 68/505`; check the number against the Official Records.
    pub struct GaDecisionNumber {
        code: "SYM004",
        severity: Warning,
    }
}

/// The first session numbered session/number (before it, decisions were not
/// numbered this way).
const FIRST_NUMBERED_SESSION: u32 = 31;

/// One finding: where, what, and the text to write instead.
type Finding = (std::ops::Range<usize>, String, Option<String>);

/// `A/DEC/…` symbols in one line.
fn check_line(text: &str, defects: &[SymbolDefect]) -> Vec<Finding> {
    defects
        .iter()
        .filter(|d| d.rule == GaDecisionNumber::META.code && !quoted_at(text, d.range.start))
        .map(|d| {
            let fix = text[d.range.clone()]
                .strip_prefix("A/DEC/")
                .filter(|_| text[..d.range.start].ends_with("decision "))
                .map(str::to_owned);
            (d.range.clone(), d.message.clone(), fix)
        })
        .collect()
}

/// General Assembly decisions numbered below 100.
fn short_numbers(citation: &Citation, citing: Option<Organ>) -> Vec<Finding> {
    let general_assembly = citation.organ == Some(Organ::GeneralAssembly)
        || (citation.own && citing == Some(Organ::GeneralAssembly));
    if !citation.decision || !general_assembly || citation.quoted {
        return Vec::new();
    }
    citation
        .items
        .iter()
        .filter(|item| item.form == ItemForm::SessionNumber)
        .filter_map(|item| {
            let (session, number) = item.text.split_once('/')?;
            let session: u32 = session.parse().ok()?;
            let number: u32 = number.split(' ').next()?.parse().ok()?;
            (session >= FIRST_NUMBERED_SESSION && number < 100).then(|| {
                (
                    item.span.start..item.span.end,
                    format!(
                        "General Assembly decisions carry a three-digit number (`decision {session}/5xx`), not `{session}/{number}`"
                    ),
                    None,
                )
            })
        })
        .collect()
}

impl LineRule for GaDecisionNumber {
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
        let mut findings = check_line(&at.lexed.text, at.held.symbols);
        for citation in at.held.citations {
            if citation.in_body {
                findings.extend(short_numbers(citation, at.facts.citing));
            }
        }
        for (range, message, fix) in findings {
            let span = Span::new(at.index, range.start, range.end);
            let diagnostic = sink.report(span, message);
            if let Some(fixed) = fix {
                diagnostic.with_fix(Fix::write(span, fixed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn symbols_and_short_numbers() {
        check(
            "\tThe General Assembly,\n\tRecalling its decision 68/5 and its decision 68/505, General Assembly decision A/DEC/67/550 and decision 17/1 of the High-level Committee,\n\t                       ^^^^ SYM004\n\t                                                                               ^^^^^^^^^^^^ SYM004\n\tNoting Human Rights Council decision 25/1 and its decision 3/12 (XXX),\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_number() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its decision A/DEC/67/550,\n\t1.\tDecides.",
            "SYM004",
        );
        assert!(fixed.contains("its decision 67/550,"), "{fixed}");
    }
}
