use super::units::{End, Unit, final_mark, mark_fix, mark_name, paragraph_follows};
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{Role, Tree};

declare_rule! {
    /// ## What it checks
    /// An operative paragraph that is not the last of its part ends with a
    /// semicolon. When the paragraph has subparagraphs, the mark belongs to the
    /// last subparagraph (PUN005) or to the text after the list. A list of names
    /// after a colon, one a line (`Mehmet Güney (Turkey)`), takes no marks.
    ///
    /// ## Why
    /// PUN002 (every adopted text; Editorial Manual, punctuation). The last
    /// paragraph of a section inside the operative part may end with either a
    /// semicolon or a full stop, as adopted texts do.
    ///
    /// ## Example
    /// `20. Requests all Member States to foster complementarities.` followed by
    /// paragraph 21 should end with `;`.
    ///
    /// ## Fix
    /// Replace the final mark with a semicolon, or add one.
    pub struct OperativeSemicolon {
        code: "PUN002",
        severity: Error,
    }
}

impl Rule for OperativeSemicolon {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the units (`units()`), the final marks and `; and` of their lines, and the first letter of the items after a colon.
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for unit in context.units() {
            let Some(end @ (End::Semicolon | End::SectionLast)) = unit.end else {
                continue;
            };
            let index = unit.last_line();
            if matches!(tree.role(index), Role::Subparagraph { .. }) {
                continue;
            }
            let (mark, span) = final_mark(index, &tree.lines()[index]);
            // A colon introduces an unlabelled list; `; and` joins the next paragraph.
            let body = tree.lines()[index].body();
            let introduces = mark == Some(':') && !paragraph_follows(tree, index);
            if mark.is_some_and(|m| end.accepts(m))
                || introduces
                || body.ends_with("; and")
                || ends_a_list_of_names(tree, unit)
            {
                continue;
            }
            let message = match mark {
                Some(mark) => format!(
                    "End this operative paragraph with a semicolon, not {}: it is not the last",
                    mark_name(mark)
                ),
                None => "End this operative paragraph with a semicolon".to_owned(),
            };
            sink.report(span, message)
                .with_fix(mark_fix(span, mark, ';'));
        }
    }
}

/// `Decides to extend the term of office of the following judges …:` then one
/// name a line (`Mehmet Güney (Turkey)`): the names take no marks, the last one
/// neither, as the official XML prints them.
fn ends_a_list_of_names(tree: &Tree, unit: &Unit) -> bool {
    let lines = tree.lines();
    let is_name = |index: usize| {
        matches!(tree.role(index), Role::Continuation { .. })
            && final_mark(index, &lines[index]).0.is_none()
            && lines[index]
                .body()
                .trim_start_matches(['–', '-', '•', '\t', ' '])
                .starts_with(char::is_uppercase)
    };
    let names = unit.items.iter().rev().take_while(|&&i| is_name(i)).count();
    if names == 0 {
        return false;
    }
    let before = unit.items.len() - names;
    let lead_in = before.checked_sub(1).map_or(unit.lead, |i| unit.items[i]);
    final_mark(lead_in, &lines[lead_in]).0 == Some(':')
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of the report.\n                            ^ PUN002\n\t2.\tRequests the Secretary-General to report,\n                                            ^ PUN002\n\t3.\tDecides to continue the work;\n\t4.\tDecides to remain seized of the matter.";

    #[test]
    fn operative_paragraphs_end_with_a_semicolon() {
        check(TEXT);
    }

    #[test]
    fn a_section_may_end_with_a_full_stop() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\tI\n\t1.\tTakes note of the report.\n\tII\n\t2.\tDecides to continue.",
        );
    }

    #[test]
    fn a_list_of_names_after_a_colon_takes_no_marks() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 2001 (2011),\n\t1.\tDecides to extend the term of office of the following judges:\n\tMehmet Güney (Turkey)\n\tWilliam H. Sekule (United Republic of Tanzania)\n\t2.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_writes_the_semicolon() {
        let fixed = apply_fix(TEXT, "PUN002");
        assert!(fixed.contains("the report;\n"));
    }
}
