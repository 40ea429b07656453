use super::{Context, Rule, RuleMeta, Sink, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Footnotes are numbered by first appearance: the first reference is 1 and each
    /// new number is one more than the highest before it. A number that skips or
    /// comes early is reported where it first appears. Repeating an earlier number
    /// for the same source is FTN007's business, not this rule's.
    ///
    /// ## Why
    /// FTN002 (Editorial Manual, "Footnote indicators": numbers are not skipped and
    /// follow the order of the text).
    ///
    /// ## Example
    /// References in text order 1, 2, 4, 3.
    ///
    /// ## Fix
    /// Renumber the references and their texts in order of appearance.
    pub struct FootnoteOrder {
        code: "FTN002",
        severity: Error,
    }
}

impl Rule for FootnoteOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let start = context.footnotes.first_number;
        let mut highest = start - 1;
        let mut seen: Vec<u32> = Vec::new();
        for reference in &context.footnotes.refs {
            let number = reference.number;
            if seen.contains(&number) {
                continue;
            }
            seen.push(number);
            if number != highest + 1 {
                let message = if number > highest + 1 {
                    if highest + 1 == start {
                        format!(
                            "The first footnote is numbered {number}; footnotes start at {start}"
                        )
                    } else {
                        format!(
                            "Footnote {number} follows footnote {highest}: expected {} (footnotes are numbered in order of first appearance)",
                            highest + 1
                        )
                    }
                } else {
                    format!(
                        "Footnote {number} first appears after footnote {highest}: footnotes are numbered in order of first appearance"
                    )
                };
                sink.report(reference.span, message);
            }
            highest = highest.max(number);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn order_of_first_appearance() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,3\n\t                ^ FTN002\n\t1.\tDecides,2 and session,1 again.\n\t           ^ FTN002\n\n1 A.\n2 B.\n3 C.",
        );
    }

    #[test]
    fn repeated_numbers_are_not_order_faults() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,2\n\t1.\tDecides, recalling the report,1 to act.\n\n1 A.\n2 B.",
        );
    }
}
