use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::cross_refs;
use crate::analysis::numbering::{self, Issue, SequenceFault};
use crate::analysis::{Edit, Fix};

declare_rule! {
    /// ## What it checks
    /// Operative paragraphs are numbered 1, 2, 3 … with no gap, duplicate or
    /// out-of-order number, within the resolution, each composite part (A, B) and,
    /// where sections restart their numbering, each section. Annex paragraphs are
    /// checked per list. A gap is reported once, where it starts.
    ///
    /// ## Why
    /// NUM001 (Editorial Manual, "Paragraphs and subparagraphs"; AKN4UN): paragraphs
    /// are numbered consecutively so that references match in all languages.
    ///
    /// ## Example
    /// `1. Decides …;` `2. Requests …;` `4. Invites …;`: paragraph 3 is missing.
    ///
    /// ## Fix
    /// "Renumber from here" renumbers this paragraph and the ones after it in the
    /// same sequence, and rewrites references such as "paragraph 5 above" to the
    /// paragraphs it renumbers.
    pub struct OperativeSequence {
        code: "NUM001",
        severity: Error,
    }
}

impl Rule for OperativeSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let plan = numbering::plan(context.tree);
        let references = cross_refs::collect(context.tree);
        for issue in &plan.issues {
            let Issue::Sequence {
                index,
                expected,
                previous,
                fault,
            } = *issue
            else {
                continue;
            };
            let paragraph = plan.paragraphs[index];
            let number = paragraph.number;
            let message = match (fault, previous) {
                (SequenceFault::Misnumbered, _) => {
                    format!("Paragraph numbered {number} should be {expected}")
                }
                (SequenceFault::Duplicate, _) => {
                    format!("Paragraph number {number} is used twice; expected {expected}")
                }
                (SequenceFault::OutOfOrder, Some(p)) => {
                    format!("Paragraph {number} comes after paragraph {p}; expected {expected}")
                }
                (SequenceFault::Gap, Some(p)) if expected + 1 == number => format!(
                    "Paragraph {number} follows paragraph {p}: paragraph {expected} is missing"
                ),
                (SequenceFault::Gap, Some(p)) => format!(
                    "Paragraph {number} follows paragraph {p}: paragraphs {expected} to {} are missing",
                    number - 1
                ),
                (_, None) => {
                    format!("The numbering starts at {number}; expected {expected}")
                }
            };
            let edits: Vec<Edit> = plan.renumber_from(index, expected, &references);
            let diagnostic = sink.report(paragraph.digits, message);
            if !edits.is_empty() {
                diagnostic.with_fix(Fix {
                    safe: true,
                    title: format!("Renumber from here (starting at {expected})"),
                    edits,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str =
        "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n";

    #[test]
    fn consecutive_numbering_is_quiet() {
        check(&format!(
            "{HEAD}\t1.\tDecides;\n\t2.\tRequests;\n\t3.\tInvites."
        ));
    }

    #[test]
    fn a_gap_is_reported_once_where_it_starts() {
        check(&format!(
            "{HEAD}\t1.\tDecides;\n\t2.\tRequests;\n\t4.\tInvites;\n\t^ NUM001\n\t5.\tUrges;\n\t6.\tDecides."
        ));
    }

    #[test]
    fn one_misnumbered_paragraph_is_reported_alone() {
        let diagnostics = check(&format!(
            "{HEAD}\t1.\tDecides;\n\t2.\tRequests;\n\t4.\tInvites;\n\t^ NUM001\n\t4.\tUrges;\n\t5.\tDecides."
        ));
        assert_eq!(diagnostics[0].message, "Paragraph numbered 4 should be 3");
    }

    #[test]
    fn duplicates_and_wrong_start() {
        check(&format!(
            "{HEAD}\t2.\tDecides;\n\t^ NUM001\n\t3.\tRequests;\n\t3.\tInvites;\n\t^ NUM001\n\t4.\tUrges."
        ));
    }

    #[test]
    fn renumber_from_here() {
        let fixed = apply_fix(
            &format!("{HEAD}\t1.\tDecides;\n\t3.\tRequests;\n\t4.\tInvites;\n\t5.\tUrges."),
            "NUM001",
        );
        assert!(fixed.ends_with("\t1.\tDecides;\n\t2.\tRequests;\n\t3.\tInvites;\n\t4.\tUrges."));
    }

    #[test]
    fn renumbering_rewrites_cross_references() {
        let fixed = apply_fix(
            &format!(
                "{HEAD}\t1.\tDecides;\n\t3.\tRequests;\n\t4.\tInvites States to act on paragraph 3 above."
            ),
            "NUM001",
        );
        assert!(
            fixed.ends_with("\t2.\tRequests;\n\t3.\tInvites States to act on paragraph 2 above."),
            "{fixed}"
        );
    }

    #[test]
    fn composite_parts_restart() {
        check(&format!(
            "A\tFirst part\n{HEAD}\t1.\tDecides;\n\t2.\tRequests.\n\n71st plenary meeting\n20 December 2013\nB\tSecond part\n{HEAD}\t1.\tDecides;\n\t2.\tRequests."
        ));
        check(&format!(
            "A\tFirst part\n{HEAD}\t1.\tDecides;\n\t2.\tRequests.\n\n71st plenary meeting\n20 December 2013\nB\tSecond part\n{HEAD}\t3.\tDecides;\n\t^ NUM001\n\t4.\tRequests."
        ));
    }

    #[test]
    fn sections_may_restart_or_continue() {
        check(&format!(
            "{HEAD}\tI\n\tBudget\n\t1.\tDecides;\n\t2.\tRequests;\n\tII\n\tStaff\n\t1.\tDecides;\n\t2.\tRequests."
        ));
        check(&format!(
            "{HEAD}\tI\n\tBudget\n\t1.\tDecides;\n\t2.\tRequests;\n\tII\n\tStaff\n\t3.\tDecides;\n\t5.\tRequests.\n\t^ NUM001"
        ));
    }
}
