use super::units::{End, final_mark, mark_fix, mark_name};
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::Role;

declare_rule! {
    /// ## What it checks
    /// The last operative paragraph ends with a full stop: the last before the
    /// meeting line, before the next part of a composite resolution, before an
    /// annex, or at the end of the text.
    ///
    /// ## Why
    /// PUN003 (every adopted text; "… seized of the matter."). Model UN guides
    /// sometimes allow a final semicolon; UN texts do not.
    ///
    /// ## Example
    /// `21. Decides to include in the provisional agenda of its sixty-ninth
    /// session … the present resolution;` should end with `.`.
    ///
    /// ## Fix
    /// Replace the final mark with a full stop, or add one.
    pub struct FinalFullStop {
        code: "PUN003",
        severity: Error,
    }
}

impl Rule for FinalFullStop {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the units (`units()`: openings and final marks) and the final mark of their last lines.
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for unit in context.units() {
            if unit.end != Some(End::FullStop) {
                continue;
            }
            let index = unit.last_line();
            if matches!(tree.role(index), Role::Subparagraph { .. }) {
                continue;
            }
            let (mark, span) = final_mark(index, &tree.lines()[index]);
            // An unnumbered lead-in (`Resolves that:`, `Decides:`) introduces a text
            // of its own.
            let unnumbered = !matches!(tree.role(unit.lead), Role::Operative { .. });
            if mark == Some('.') || (unnumbered && mark == Some(':')) {
                continue;
            }
            let message = match mark {
                Some(mark) => format!(
                    "End the last operative paragraph with a full stop, not {}",
                    mark_name(mark)
                ),
                None => "End the last operative paragraph with a full stop".to_owned(),
            };
            sink.report(span, message)
                .with_fix(mark_fix(span, mark, '.'));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of the report;\n\t2.\tDecides to remain seized of the matter;\n                                          ^ PUN003\n\n71st plenary meeting\n20 December 2013";

    #[test]
    fn the_last_paragraph_ends_with_a_full_stop() {
        check(TEXT);
    }

    #[test]
    fn every_part_has_a_last_paragraph() {
        check(
            "A\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n                       ^ PUN003\n\n71st plenary meeting\n\nB\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue.\n\n71st plenary meeting",
        );
    }

    #[test]
    fn looks_through_brackets_and_attributions() {
        // The words that would remain end with a full stop.
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\t[Invites] States to act; (EU)\n\t2.\t[Decides to remain [seized of the matter.]]\n\n71st plenary meeting\n20 December 2013",
        );
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tInvites States to act;\n\t2.\t[Decides to remain [seized of the matter]];\n\t                                             ^ PUN003\n",
        );
    }

    #[test]
    fn fix_writes_the_full_stop() {
        let fixed = apply_fix(TEXT, "PUN003");
        assert!(fixed.contains("of the matter.\n"));
    }
}
