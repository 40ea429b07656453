use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{MarkerForm, Span};

declare_rule! {
    /// ## What it checks
    /// Several footnote markers at one point are separated by commas, with
    /// no space: `the reports of the Secretary-General,1,2`. Reported: a second
    /// marker after a space, a hyphen, a dash or a semicolon (`,1 2`, `,1-2`,
    /// `,1–2`, `,1;2`), when the first is a footnote reference and the second
    /// has a footnote text.
    ///
    /// ## Why
    /// FTN004 (Editorial Manual, "Footnote indicators", B, and the example
    /// "Secretary-General,1,2" of "When to give a reference").
    ///
    /// ## Example
    /// `Taking note of the reports of the Secretary-General,1-2`
    ///
    /// ## Fix
    /// Write a comma between the markers: `Secretary-General,1,2`.
    pub struct SeveralMarkers {
        code: "FTN004",
        severity: Warning,
    }
}

impl Rule for SeveralMarkers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the footnote references and the separator between two chained markers (at most 3 bytes).
    fn reads(&self) -> Reads {
        Reads::MARKERS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let refs = &context.footnotes.refs;
        for pair in refs.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            if second.marker.form != MarkerForm::Chained
                || first.span.line != second.span.line
                || first.span.end >= second.span.start
                // The lexer chains markers at most 3 bytes apart: a wider gap
                // means the marker chained to was dropped, and the text
                // between is no separator.
                || second.span.start - first.span.end > 3
            {
                continue;
            }
            let line = &context.tree.lines()[second.span.line].text;
            let separator = &line[first.span.end..second.span.start];
            let span = Span::new(second.span.line, first.span.end, second.span.start);
            sink.report(
                span,
                format!(
                    "Separate footnote markers {} and {} with a comma, not `{separator}`",
                    first.number, second.number
                ),
            )
            .with_fix(Fix::write(span, ","));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const NOTES: &str = "\n\t1.\tDecides.\n\n1 A/68/212.\n2 A/68/213.";

    #[test]
    fn wrong_separators() {
        for written in [",1 2", ",1-2", ",1–2", ",1;2"] {
            let carets = " ".repeat(54);
            check(&format!(
                "\tThe General Assembly,\n\tTaking note of the reports of the Secretary-General{written} and of the note,\n{carets}^ FTN004{NOTES}"
            ));
        }
    }

    #[test]
    fn commas_are_right() {
        check(&format!(
            "\tThe General Assembly,\n\tTaking note of the reports of the Secretary-General,1,2 and of the note,{NOTES}"
        ));
    }

    #[test]
    fn a_date_after_a_marker_is_not_a_second_marker() {
        check(
            "\tThe General Assembly,\n\tWelcoming the observance of Human Rights Day,1 2 December as the Day of the note,\n\t1.\tDecides.\n\n1 A/68/212.",
        );
    }

    #[test]
    fn fix_writes_a_comma() {
        let fixed = apply_fix(
            &format!(
                "\tThe General Assembly,\n\tTaking note of the reports of the Secretary-General,1–2 and of the note,{NOTES}"
            ),
            "FTN004",
        );
        assert!(fixed.contains("Secretary-General,1,2 and"), "{fixed}");
    }
}
