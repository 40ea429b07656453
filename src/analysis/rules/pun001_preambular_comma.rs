use super::units::{End, final_mark, mark_fix, mark_name, paragraph_follows};
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::Role;

declare_rule! {
    /// ## What it checks
    /// A preambular paragraph ends with a comma (after any footnote marker is set
    /// aside): the resolution is one sentence, and the preamble only leads up to
    /// the operative part. A paragraph whose opening is in no list (`Continuing
    /// in its resolve …`, a preamble in French) is checked when it has the
    /// shape of one: a capital first, a comma or semicolon last.
    ///
    /// ## Why
    /// PUN001 (AKN4UN: the preamble "ends with a comma"; every adopted text).
    /// Paragraphs of a part without numbered paragraphs (a one-paragraph
    /// resolution such as "Approves the report …") are not checked.
    ///
    /// ## Example
    /// `Recalling its resolution 64/222 of 21 December 2009;` should end with `,`.
    ///
    /// ## Fix
    /// Replace the final mark with a comma, or add one.
    pub struct PreambularComma {
        code: "PUN001",
        severity: Error,
    }
}

impl Rule for PreambularComma {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the units (`units()`: openings and final marks), the final mark (`final_mark`) and the first letter of the next paragraph (`paragraph_follows`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for unit in context.units() {
            let index = unit.last_line();
            if unit.end != Some(End::Comma) || matches!(tree.role(index), Role::Subparagraph { .. })
            {
                continue;
            }
            let (mark, span) = final_mark(index, &tree.lines()[index]);
            // A colon introduces a quotation or a list.
            if mark == Some(',') || (mark == Some(':') && !paragraph_follows(tree, index)) {
                continue;
            }
            let message = match mark {
                Some(mark) => format!(
                    "End a preambular paragraph with a comma, not {}",
                    mark_name(mark)
                ),
                None => "End a preambular paragraph with a comma".to_owned(),
            };
            sink.report(span, message)
                .with_fix(mark_fix(span, mark, ','));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222;\n                                ^ PUN001\n\tNoting the report of the Secretary-General1\n                                           ^ PUN001\n\tMindful of the importance of cooperation,\n\t1.\tDecides to continue.\n\n1 A/68/212.";

    #[test]
    fn preambular_paragraphs_end_with_a_comma() {
        check(TEXT);
    }

    #[test]
    fn one_paragraph_resolutions_are_not_checked() {
        check(
            "\tThe General Assembly,\n\tHaving considered the report of the Credentials Committee,\n\tApproves the report of the Credentials Committee.\n\n44th plenary meeting",
        );
    }

    #[test]
    fn the_preamble_before_unnumbered_operative_paragraphs_is_checked() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 1547 (2004);\n                                     ^ PUN001\n\tReaffirming its readiness to support the peace process,\n\tDecides to extend the mandate of the Mission;\n\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn paragraphs_whose_opening_is_in_no_list_are_checked_by_their_shape() {
        check(
            "\tThe Security Council,\n\tRecalling resolution 1730 (2006),\n\tContinuing in its resolve to ensure that sanctions are carefully targeted;\n                                                                          ^ PUN001\n\tWelcoming the efforts to strengthen due process,\n\t1.\tAdopts the delisting procedure;\n\t2.\tDecides to remain seized of the matter.",
        );
        check(
            "\tL’Assemblée générale,\n\tRappelant ses résolutions 53/199,\n\tRéaffirmant que la participation active des femmes est indispensable;\n                                                                     ^ PUN001\n\tConstatant que relativement peu de femmes occupent des fonctions de juge,\n\t1.\tDécide de proclamer le 10 mars Journée internationale des femmes juges;\n\t2.\tPrie le Secrétaire général de porter la présente résolution à leur attention.",
        );
    }

    #[test]
    fn fix_writes_the_comma() {
        let fixed = apply_fix(TEXT, "PUN001");
        assert!(fixed.contains("64/222,\n"));
    }
}
