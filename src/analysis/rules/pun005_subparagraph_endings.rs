use super::units::{End, final_mark, mark_fix, mark_name};
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::Role;

declare_rule! {
    /// ## What it checks
    /// Subparagraphs end with a semicolon (a comma in preambular lists and in some
    /// Security Council texts), and the last one with what the paragraph itself
    /// ends with: a full stop only in the last operative paragraph. Reported: a
    /// full stop inside the list or at the end of a paragraph that is not the
    /// last, and a semicolon or comma where the resolution ends.
    ///
    /// ## Why
    /// PUN005 (AKN4UN list examples; adopted texts).
    ///
    /// ## Example
    /// `(a) To report,` `(b) To act;` — the comma after (a) should be a semicolon.
    ///
    /// ## Fix
    /// Replace the final mark, or add it.
    pub struct SubparagraphEndings {
        code: "PUN005",
        severity: Warning,
    }
}

impl Rule for SubparagraphEndings {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the units (`units()`: openings and final marks) and the final mark of each subparagraph.
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for unit in context.units() {
            let Some(end) = unit.end else {
                continue;
            };
            for (i, &index) in unit.items.iter().enumerate() {
                let Role::Subparagraph { level, .. } = tree.role(index) else {
                    continue;
                };
                let line = &tree.lines()[index];
                let (mark, span) = final_mark(index, line);
                let Some(mark) = mark else {
                    // A heading-like item (`(a) Protection of civilians`) or one
                    // joined to the next by `and`/`or`.
                    continue;
                };
                let next = unit.items.get(i + 1).map(|&n| tree.role(n));
                let expected = match next {
                    Some(Role::Subparagraph { level: next, .. }) if next > level => continue,
                    // Not the last item, or followed by the rest of the paragraph:
                    // `;` (`,` in preambular and older texts); a full stop would end
                    // the resolution.
                    Some(_) if mark == '.' => ';',
                    Some(_) => continue,
                    None if end.accepts(mark) || mark == ':' => continue,
                    // The last item of a paragraph that continues: anything but a
                    // full stop.
                    None if end != End::FullStop && mark != '.' => continue,
                    None => end.mark(),
                };
                let what = match next {
                    Some(Role::Subparagraph { .. }) => "that is not the last",
                    Some(_) => "followed by more text",
                    None => "that ends the paragraph",
                };
                sink.report(
                    span,
                    format!(
                        "End a subparagraph {what} with {}, not {}",
                        mark_name(expected),
                        mark_name(mark)
                    ),
                )
                .with_fix(mark_fix(span, Some(mark), expected));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tRequests the Secretary-General:\n\t(a)\tTo report.\n              ^ PUN005\n\t(b)\tTo act; and\n\t(c)\tTo consult.\n               ^ PUN005\n\t2.\tDecides that the Council shall:\n\t(a)\tPromote cooperation,\n\t(b)\tReport to the Assembly;\n                           ^ PUN005";

    #[test]
    fn subparagraph_endings() {
        check(TEXT);
    }

    #[test]
    fn nested_lists_and_tails() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tRequests the Secretary-General:\n\t(a)\tTo report on:\n\t(i)\tThe first matter;\n\t(ii)\tThe second matter;\n\t(b)\tTo act,\n\tand to keep the matter under review;\n\t2.\tDecides to continue.",
        );
    }

    #[test]
    fn fix_writes_the_semicolon() {
        assert!(apply_fix(TEXT, "PUN005").contains("To report;\n"));
    }
}
