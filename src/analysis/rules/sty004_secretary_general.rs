use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::StyleLine;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The title `Secretary-General`: with a hyphen and two capitals, also in
    /// `Under-Secretary-General` and `Secretaries-General`, and never as `SG`
    /// (`data/style/terms.tsv`). Quotations, footnotes and annexes are not
    /// checked.
    ///
    /// ## Why
    /// STY004 (`ATTESTED`: every adopted text writes it so; the Editorial Manual
    /// has a section on references to the Secretary-General).
    ///
    /// ## Example
    /// `Requests the Secretary General to report` · `the SG` ·
    /// `the secretary-general`.
    ///
    /// ## Fix
    /// Write `Secretary-General`.
    pub struct SecretaryGeneral {
        code: "STY004",
        severity: Error,
    }
}

impl LineRule for SecretaryGeneral {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, sink);
    }
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    for (start, end, term) in line.terms_of("STY004") {
        let span = Span::new(line.index, start, end);
        sink.report_at(
            term.level,
            span,
            format!("Write `{}` ({})", term.right, term.note),
        )
        .with_fix(Fix::write(span, term.right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tRequests the Secretary General to report, through the Under-Secretary General;
\t                ^^^^^^^^^^^^^^^^^ STY004
\t                                                         ^^^^^^^^^^^^^^^^^^^^^^^ STY004
\t2.\tInvites the SG and the Deputy Secretary-General to attend the “Secretary General” event.
\t               ^^ STY004";

    #[test]
    fn secretary_general_forms() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_the_hyphen() {
        assert!(apply_fix(TEXT, "STY004").contains("the Secretary-General to report"));
    }
}
