use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{self, StyleLine, in_case_of};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// British forms in -our, -re, -ce and -ll- and the other families of the
    /// spec: `labour`, `neighbouring`, `centre`, `defence`, `offences`,
    /// `travelling`, `fulfil`, `fulfilment`, `ageing`, `enrolment` …
    /// (`data/style/spelling.tsv`). Only forms that are wrong whatever the part of
    /// speech are listed: `practice`/`practise` and `licence`/`license` change
    /// with it, so only `practiced` and `practicing` are reported and the rest is
    /// left to people. Quotations, footnotes and annexes are not checked, nor
    /// the names of other bodies ("Center for Oceans Law and Policy",
    /// "Department of Defense"), which keep their owners' spelling. Security
    /// Council texts drafted by American penholders keep American forms
    /// (`neighboring` in 31 adopted Council texts, `fulfill` in 25, `offense` in
    /// 14, `center` in 19 …, mostly in texts that never write the British form),
    /// so there the rule informs.
    ///
    /// ## Why
    /// STY003 (`OFFICIAL` authority: the Concise Oxford English Dictionary;
    /// `MEM` word list, checked against the adopted texts, where every listed form
    /// is rare: see `data/style/PROVENANCE.md`).
    ///
    /// ## Example
    /// `good-neighborliness` → `good-neighbourliness`; `self-defense` →
    /// `self-defence`; `the regional center` → `centre`.
    ///
    /// ## Fix
    /// Write the British form, in the case of the word written.
    pub struct BritishForms {
        code: "STY003",
        severity: Warning,
    }
}

impl LineRule for BritishForms {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.council_level(Severity::Warning), sink);
    }
}

fn check_line(line: &StyleLine<'_>, level: Severity, sink: &mut Sink<'_>) {
    for (word, entry) in style::misspelled("STY003", line) {
        if style::in_proper_name(line.text(), word.start, word.end) {
            continue;
        }
        let right = in_case_of(word.text, entry.right);
        let span = Span::new(line.index, word.start, word.end);
        sink.report_at(
            level,
            span,
            format!("UN spelling is `{right}` (British form)"),
        )
        .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe Security Council,
\tReaffirming the principles of good-neighborliness and self-defense,
\t                                   ^^^^^^^^^^^^^^ STY003
\t                                                           ^^^^^^^ STY003
\t1.\tDecides that the regional Center shall fulfill its mandate, as practised;
\t                             ^^^^^^ STY003
\t                                          ^^^^^^^ STY003
\t2.\tWelcomes the work of the Center for Oceans Law and Policy.";

    #[test]
    fn american_forms() {
        check(TEXT);
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(TEXT);
        assert!(
            found
                .iter()
                .all(|d| d.severity == crate::analysis::Severity::Information)
        );
        let assembly = TEXT.replace("Security Council", "General Assembly");
        assert!(
            check(&assembly)
                .iter()
                .all(|d| d.severity == crate::analysis::Severity::Warning)
        );
    }

    #[test]
    fn fix_writes_the_british_form() {
        assert!(apply_fix(TEXT, "STY003").contains("good-neighbourliness"));
    }
}
