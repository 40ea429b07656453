use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::cross_refs::Direction;
use crate::syntax::Role;

declare_rule! {
    /// ## What it checks
    /// A reference to a paragraph of the same resolution ("paragraph 5 above",
    /// "paragraphs 18 and 19 below", "paragraph 3 of the present resolution")
    /// points to an operative paragraph that exists, on the side it says. A
    /// subparagraph of the paragraph the reference stands in (`paragraph 1 (b)
    /// below` in 1 (a)) is on its side by the order of the items, and
    /// "preambular paragraphs 6 and 7 above" names unnumbered paragraphs: neither
    /// is checked.
    ///
    /// ## Why
    /// NUM010 (Editorial Manual, "Instructions for the preparation of documents":
    /// internal cross-references are re-checked because paragraph numbers change
    /// between drafts). A moved or deleted paragraph silently breaks them.
    ///
    /// ## Example
    /// "as requested in paragraph 24 below" in a text with 21 operative paragraphs.
    ///
    /// ## Fix
    /// Point the reference at the right paragraph. NUM001's "Renumber in document order"
    /// rewrites references to the paragraphs it renumbers.
    pub struct CrossReference {
        code: "NUM010",
        severity: Error,
    }
}

impl Rule for CrossReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the operative numbers (layout) and the references to them (`cross_refs()`).
    fn reads(&self) -> Reads {
        Reads::CROSS_REFS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        // Numbered paragraphs (annexes too, for references inside them):
        // number, line, segment.
        let paragraphs: Vec<(u32, usize, u32)> = tree
            .iter()
            .filter_map(|(index, _, role)| match role {
                Role::AnnexParagraph { number, segment } => Some((number, index, segment)),
                _ => role
                    .operative_number()
                    .map(|(number, segment)| (number, index, segment)),
            })
            .collect();
        if paragraphs.is_empty() {
            return;
        }
        let highest = paragraphs.iter().map(|p| p.0).max().unwrap_or(0);
        for reference in context.cross_refs() {
            let number = reference.number;
            let line = reference.span.line;
            // Where numbering restarts (sections, articles of a statute), a
            // reference means the paragraph of its own sequence when there is one.
            let own_segment = paragraphs
                .iter()
                .take_while(|p| p.1 <= line)
                .last()
                .map(|p| p.2);
            let in_own = paragraphs
                .iter()
                .any(|p| p.0 == number && Some(p.2) == own_segment);
            // `paragraph 1 (b) below` in paragraph 1 (a): a subparagraph of the
            // paragraph the reference stands in, on the side it says.
            let containing = paragraphs.iter().take_while(|p| p.1 <= line).last();
            if reference.label.is_some() && containing.is_some_and(|p| p.0 == number) {
                continue;
            }
            let exists = |f: &dyn Fn(usize) -> bool| {
                paragraphs.iter().any(|&(n, l, seg)| {
                    n == number && (!in_own || Some(seg) == own_segment) && f(l)
                })
            };
            let message = match reference.direction {
                _ if !exists(&|_| true) => format!(
                    "There is no operative paragraph {number} (the paragraphs run to {highest})"
                ),
                Direction::Above if !exists(&|l| l < line) => {
                    format!("Paragraph {number} is below this one, not above")
                }
                Direction::Below if !exists(&|l| l > line) => {
                    format!("Paragraph {number} is above this one, not below")
                }
                _ => continue,
            };
            sink.report(reference.span, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn dangling_and_wrong_side() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides to act as set out in paragraph 2 below;\n\t2.\tRequests a report on paragraph 1 above and paragraph 5 below;\n\t                                                        ^ NUM010\n\t3.\tRecalls paragraph 3 below.\n\t                     ^ NUM010",
        );
    }

    #[test]
    fn subparagraphs_of_the_same_paragraph_and_the_preamble_are_not_misplaced() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act under paragraph 1 (b) below;\n\t(b)\tTo report;\n\t2.\tRecalls preambular paragraph 3 above.",
        );
    }

    #[test]
    fn other_resolutions_are_not_checked() {
        check("\tThe General Assembly,\n\t1.\tRecalls paragraph 12 of its resolution 64/222.");
    }
}
