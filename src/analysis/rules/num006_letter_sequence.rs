use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::structure::{is_letter_label, leading_label, successor_letter};
use crate::syntax::{LineShape, Role, Span};

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

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let mut current_parent = None;
        let mut expected = String::from("a");
        let mut items: Vec<(Span, String)> = Vec::new();
        for (index, line, role) in context.tree.iter() {
            let Role::Subparagraph { level: 1, parent } = role else {
                continue;
            };
            let LineShape::Subparagraph { label, range } = &line.shape else {
                continue;
            };
            if current_parent != Some(parent) {
                current_parent = Some(parent);
                items.clear();
                // `5.<TAB>(a)<TAB>…`: the first item stands on the paragraph's line.
                let on_parent_line = context
                    .tree
                    .line(parent as usize)
                    .and_then(|l| leading_label(l.body()));
                expected = on_parent_line
                    .and_then(successor_letter)
                    .unwrap_or_else(|| "a".to_owned());
            }
            let span = Span::in_line(index, *range);
            if label != &expected {
                let message = if is_letter_label(label) {
                    format!(
                        "Subparagraph ({label}) follows {}; expected ({expected})",
                        previous(&items)
                    )
                } else {
                    format!("({label}) is not a letter label; expected ({expected})")
                };
                sink.report(span, message);
            }
            items.push((span, label.clone()));
            expected = successor_letter(label)
                .unwrap_or_else(|| successor_letter(&expected).unwrap_or_default());
        }
    }
}

fn previous(items: &[(Span, String)]) -> String {
    items
        .last()
        .map_or_else(|| "the lead-in".to_owned(), |(_, l)| format!("({l})"))
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
}
