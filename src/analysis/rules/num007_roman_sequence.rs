use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::structure::{roman_value, successor_roman};
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// Second-degree subparagraph labels are lower-case roman numerals in standard
    /// form, consecutive under each first-degree item: (i), (ii), (iii), (iv) ….
    ///
    /// ## Why
    /// NUM007 (Editorial Manual, "Paragraphs and subparagraphs").
    ///
    /// ## Example
    /// `(i)` `(ii)` `(iiii)`: write `(iii)`, then `(iv)`.
    ///
    /// ## Fix
    /// Relabel the item with the next numeral.
    pub struct RomanSequence {
        code: "NUM007",
        severity: Error,
    }
}

impl Rule for RomanSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let mut expected = String::from("i");
        let mut previous: Option<String> = None;
        for (index, line, role) in context.tree.iter() {
            match role {
                Role::Subparagraph { level: 1, .. }
                | Role::Operative { .. }
                | Role::Preambular
                | Role::AnnexParagraph { .. } => {
                    expected = "i".to_owned();
                    previous = None;
                }
                Role::Subparagraph { level: 2, .. } => {
                    let LineShape::Subparagraph { label, range } = &line.shape else {
                        continue;
                    };
                    let span = Span::in_line(index, *range);
                    if roman_value(label).is_none() {
                        sink.report(
                            span,
                            format!("({label}) is not a valid lower-case roman numeral; expected ({expected})"),
                        );
                    } else if label != &expected {
                        let after = previous.as_deref().map_or_else(
                            || "the start of the list".to_owned(),
                            |p| format!("({p})"),
                        );
                        sink.report(
                            span,
                            format!(
                                "Subparagraph ({label}) follows {after}; expected ({expected})"
                            ),
                        );
                    }
                    expected = successor_roman(label)
                        .or_else(|| successor_roman(&expected))
                        .unwrap_or_default();
                    previous = Some(label.clone());
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn roman_sequence() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act on:\n\t(i)\tOne;\n\t(ii)\tTwo;\n\t(iv)\tFour;\n\t^^^^ NUM007\n\t(b)\tTo report:\n\t(i)\tOne;\n\t(ii)\tTwo.",
        );
    }
}
