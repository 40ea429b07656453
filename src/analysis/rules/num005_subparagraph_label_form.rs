use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// Subparagraph labels of the first two degrees are lower-case letters or
    /// lower-case roman numerals in parentheses: `(a)`, `(ii)`. Labels such as `b)`,
    /// `(B)` or `(1)` are French or Spanish forms or not resolution forms at all.
    /// Annexes, which often reproduce other instruments, are not checked.
    ///
    /// ## Why
    /// NUM005 (Editorial Manual, "Paragraphs and subparagraphs"; AKN4UN lists).
    ///
    /// ## Example
    /// `b) To report …` should be `(b) To report …`.
    ///
    /// ## Fix
    /// Write the label as `(b)`.
    pub struct SubparagraphLabelForm {
        code: "NUM005",
        severity: Error,
    }
}

impl Rule for SubparagraphLabelForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the label of the shape (`MalformedSubparagraph`) and roles only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for (index, line, role) in context.tree.iter() {
            let LineShape::MalformedSubparagraph { label, range } = &line.shape else {
                continue;
            };
            if !matches!(role, Role::Subparagraph { .. }) {
                continue;
            }
            let parent = match role {
                Role::Subparagraph { parent, .. } => parent as usize,
                _ => continue,
            };
            if matches!(context.tree.role(parent), Role::AnnexParagraph { .. }) {
                continue;
            }
            let written = &line.text[range.start..range.end];
            let suggestion = if label.chars().all(|c| c.is_ascii_alphabetic()) {
                format!("; write `({})`", label.to_lowercase())
            } else {
                String::new()
            };
            sink.report(
                Span::in_line(index, *range),
                format!(
                    "`{written}` is not a resolution subparagraph label: use (a), (b) … and (i), (ii) …{suggestion}"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn french_and_upper_case_labels() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act;\n\tb) To report;\n\t^^ NUM005\n\t(C) To review.\n\t^^^ NUM005",
        );
    }
}
