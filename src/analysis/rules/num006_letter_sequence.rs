use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::structure::{is_letter_label, leading_label, successor_letter};
use crate::syntax::{ItemLabel, Role, Span};

declare_rule! {
    /// ## What it checks
    /// Within one list, first-degree subparagraph labels run (a), (b) … (z), then
    /// (aa), (bb) …; every new paragraph's list starts again at (a). A skipped or
    /// repeated letter is reported once, where it happens.
    ///
    /// ## Why
    /// NUM006 (Editorial Manual, consecutive lettering; doubling after (z) is
    /// attested in long texts).
    ///
    /// ## Example
    /// `(a)` `(b)` `(d)`: (c) is missing.
    ///
    /// ## Fix
    /// Reletter the list (the quick fix relabels this item and those after it).
    pub struct LetterSequence {
        code: "NUM006",
        severity: Error,
    }
}

impl Rule for LetterSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the labels (layout) and the label at the start of a paragraph's text (`leading_label`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let mut current_parent = None;
        // Per list depth (index = level - 1): the last letter and whether its
        // list is still open (an item at a shallower depth closes it).
        let mut lists: Vec<(Option<String>, bool)> = Vec::new();
        for (index, line, role) in context.tree.iter() {
            let Role::Subparagraph {
                level,
                label: kind,
                parent,
            } = role
            else {
                continue;
            };
            let depth = usize::from(level.max(1));
            if current_parent != Some(parent) {
                current_parent = Some(parent);
                lists.clear();
                // `5.<TAB>(a)<TAB>…`: the first item stands on the paragraph's line.
                let on_parent_line = context
                    .tree
                    .line(parent as usize)
                    .and_then(|l| leading_label(l.body()));
                if let Some(first) = on_parent_line.filter(|l| is_letter_label(l)) {
                    lists.push((Some(first.to_owned()), true));
                }
            }
            if lists.len() < depth {
                lists.resize(depth, (None, false));
            }
            for deeper in &mut lists[depth..] {
                deeper.1 = false;
            }
            let Some((label, range)) = line.shape.sequence_label() else {
                continue;
            };
            if kind != ItemLabel::Letter {
                continue;
            }
            let (last, open) = &lists[depth - 1];
            let after_last = last.as_deref().and_then(successor_letter);
            // A new list starts at (a); letters under roman headings may also run
            // on from the heading before (both are adopted practice).
            let accepted: Vec<String> = match (after_last, open, depth) {
                (Some(next), true, _) | (Some(next), false, 1) => vec![next],
                (Some(next), false, _) => vec!["a".to_owned(), next],
                (None, ..) => vec!["a".to_owned()],
            };
            if !accepted.iter().any(|a| a == label) {
                let expected = &accepted[0];
                let message = if is_letter_label(label) {
                    format!(
                        "Subparagraph ({label}) follows {}; expected ({expected})",
                        previous(last.as_deref().filter(|_| *open))
                    )
                } else {
                    format!("({label}) is not a letter label; expected ({expected})")
                };
                sink.report(Span::in_line(index, range), message);
            }
            let next_last = if is_letter_label(label) {
                Some(label.to_owned())
            } else {
                Some(accepted[0].clone())
            };
            lists[depth - 1] = (next_last, true);
        }
    }
}

fn previous(last: Option<&str>) -> String {
    last.map_or_else(|| "the lead-in".to_owned(), |l| format!("({l})"))
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn skipped_letter() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t(d)\tTo review;\n\t^^^ NUM006\n\t(e)\tTo close.",
        );
    }

    #[test]
    fn lists_restart_per_paragraph_and_h_i_j_are_letters() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t2.\tRequests:\n\t(a)\tA;\n\t(b)\tB;\n\t(c)\tC;\n\t(d)\tD;\n\t(e)\tE;\n\t(f)\tF;\n\t(g)\tG;\n\t(h)\tH;\n\t(i)\tI;\n\t(j)\tJ.",
        );
    }

    #[test]
    fn letters_under_roman_headings_restart_or_run_on() {
        // Security Council mandates: roman headings hold the lettered tasks; the
        // official XML nests the letters under each roman point.
        check(
            "\tThe Security Council,\n\t1.\tDecides that the mandate shall include:\n\t(i)\tProtection of civilians\n\t(a)\tProtect civilians;\n\t(b)\tSupport the Government;\n\t(ii)\tElections\n\t(a)\tSupport the elections;\n\t(iii)\tHuman rights\n\t(b)\tMonitor human rights;\n\t(c)\tReport;\n\t(e)\tClose.\n\t^^^ NUM006",
        );
    }
}
