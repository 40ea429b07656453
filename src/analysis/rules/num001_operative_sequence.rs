use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::numbering::{Issue, SequenceFault};
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
    /// "Renumber in document order" renumbers the whole sequence (the part, or
    /// the section where sections restart) 1, 2, 3 … as the paragraphs stand,
    /// so a moved paragraph takes the number of its new place, and rewrites
    /// references such as "paragraph 5 above" so that each still points at the
    /// paragraph it meant.
    pub struct OperativeSequence {
        code: "NUM001",
        severity: Error,
    }
}

impl Rule for OperativeSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the operative numbers (layout) and, for the renumbering fix, the references to them (`cross_refs()`).
    fn reads(&self) -> Reads {
        Reads::CROSS_REFS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let plan = context.numbering();
        let references = context.cross_refs();
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
            let edits: Vec<Edit> = plan.renumber_run(context.tree, index, references);
            let diagnostic = sink.report(paragraph.digits, message);
            if let (false, Some((_, first))) = (edits.is_empty(), plan.run_start(index)) {
                diagnostic.with_fix(Fix {
                    safe: true,
                    title: format!("Renumber in document order (from {first})"),
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

    /// A paragraph moved down (5 after 8): the whole sequence is renumbered as
    /// it stands and the references follow the paragraphs they meant.
    #[test]
    fn a_moved_paragraph_renumbers_the_whole_sequence() {
        let text = format!(
            "{HEAD}\t1.\tDecides;\n\t2.\tRequests;\n\t3.\tNotes paragraph 5 below;\n\t4.\tInvites;\n\t6.\tUrges, recalling paragraph 4 above;\n\t7.\tStresses;\n\t8.\tEncourages, as in paragraph 6 above;\n\t5.\tMoved;\n\t9.\tDecides to remain seized."
        );
        // Every NUM001 diagnostic of the sequence offers the same renumbering.
        let tree = crate::syntax::Tree::parse(&text);
        let fixes: Vec<_> = crate::analysis::analyze(&tree, &crate::analysis::Config::default())
            .into_iter()
            .filter(|d| d.code == "NUM001")
            .map(|d| d.fixes[0].edits.clone())
            .collect();
        assert!(
            fixes.len() >= 2 && fixes.iter().all(|f| *f == fixes[0]),
            "{fixes:?}"
        );
        let fixed = apply_fix(&text, "NUM001");
        assert!(
            fixed.ends_with("\t1.\tDecides;\n\t2.\tRequests;\n\t3.\tNotes paragraph 8 below;\n\t4.\tInvites;\n\t5.\tUrges, recalling paragraph 4 above;\n\t6.\tStresses;\n\t7.\tEncourages, as in paragraph 5 above;\n\t8.\tMoved;\n\t9.\tDecides to remain seized."),
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
