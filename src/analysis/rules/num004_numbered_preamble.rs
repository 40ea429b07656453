use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::negotiation::LabelPart;
use crate::syntax::{DocumentKind, Role, Span};

declare_rule! {
    /// ## What it checks
    /// Preambular paragraphs carry no numbers: a `PP1` label (the negotiators'
    /// name for the first preambular paragraph) left in a draft or an adopted
    /// text is reported. In a negotiation text (the `kind` setting, or a text
    /// with several `PP`/`OP` labels) the labels are allowed.
    ///
    /// ## Why
    /// NUM004 (AKN4UN part 3, introductory block: unnumbered paragraphs; every
    /// adopted text). A preamble numbered `1.`, `2.` reads as operative
    /// paragraphs in the wrong form and is VRB013's.
    ///
    /// ## Example
    /// `PP1 Recalling its resolution 64/222,`.
    ///
    /// ## Fix
    /// Remove the label.
    pub struct NumberedPreamble {
        code: "NUM004",
        severity: Error,
    }
}

impl Rule for NumberedPreamble {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads lines with a PP label (never plain) and roles only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.kind() == DocumentKind::Negotiation {
            return;
        }
        for (index, line, role) in context.tree.iter() {
            if !context.own_text()[index]
                || !matches!(role, Role::Preambular | Role::Heading | Role::Other)
            {
                continue;
            }
            // The lexer reads the label (`syntax::negotiation::paragraph_label`).
            let Some(label) = line.label.filter(|l| l.part == LabelPart::Preambular) else {
                continue;
            };
            sink.report(
                Span::new(index, label.start, label.end),
                "Preambular paragraphs are not numbered: remove the label",
            )
            .with_fix(Fix::write(
                Span::new(index, label.start, line.body_start.max(label.end)),
                "",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tPP1 Recalling its resolution 64/222,\n\t^^^ NUM004\n\tNoting the report,\n\t1.\tDecides.";

    #[test]
    fn labelled_preamble() {
        check(TEXT);
        // A rolling text keeps its labels.
        check(
            "\tThe General Assembly,\n\tPP1 Recalling its resolution 64/222,\n\tPP2 Noting the report,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_removes_the_label() {
        assert!(apply_fix(TEXT, "NUM004").contains("\n\tRecalling its resolution"));
    }
}
