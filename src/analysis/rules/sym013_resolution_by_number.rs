use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::is_body_role;
use crate::analysis::symbol::{Organ, canonical_resolution, citation_form};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Running text cites a resolution by its number, not by its document symbol:
    /// "resolution 61/171", not "resolution A/RES/61/171". A hint in Security
    /// Council texts, which put document symbols in the text.
    ///
    /// ## Why
    /// SYM013 (attested in adopted texts; Editorial Manual on footnotes: documents
    /// are cited by symbol in footnotes, resolutions by number in the text).
    ///
    /// ## Example
    /// `Recalling its resolution A/RES/61/171 of 19 December 2006,`
    ///
    /// ## Fix
    /// Write the number: `resolution 61/171`.
    pub struct ResolutionByNumber {
        code: "SYM013",
        severity: Warning,
    }
}

static SYMBOL_AFTER_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bresolutions? ((?:A/HRC/RES|A/RES|S/RES|E/RES)/[A-Za-z0-9\-/]+(?: ?\([0-9A-Z\-]+\))?(?: [A-Z]\b)?)")
        .expect("valid regex")
});

impl LineRule for ResolutionByNumber {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line) = (at.index, at.lexed);
        if !is_body_role(at.role) || !line.text.contains("/RES/") {
            return;
        }
        // Security Council texts put document symbols in the text (CIT012 is off
        // there): a hint only.
        let severity = if at.facts.citing == Some(Organ::SecurityCouncil) {
            Severity::Hint
        } else {
            Self::META.default_severity
        };
        for captures in SYMBOL_AFTER_KEYWORD.captures_iter(&line.text) {
            let symbol = captures.get(1).expect("symbol");
            let span = Span::new(index, symbol.start(), symbol.end());
            let number = canonical_resolution(symbol.as_str())
                .and_then(|canonical| citation_form(&canonical));
            let diagnostic = sink.report_at(
                severity,
                span,
                format!(
                    "Cite the resolution by its number{}, not by its symbol",
                    number
                        .as_deref()
                        .map(|n| format!(" (`{n}`)"))
                        .unwrap_or_default()
                ),
            );
            if let Some(number) = number {
                diagnostic.with_fix(Fix::write(span, number));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn symbol_in_running_text() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution A/RES/61/171 of 19 December 2006 and the note A/61/100,\n\t                         ^^^^^^^^^^^^ SYM013\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_number() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling Security Council resolution S/RES/1325 (2000),\n\t1.\tDecides.",
            "SYM013",
        );
        assert!(fixed.contains("Council resolution 1325 (2000),"));
    }
}
