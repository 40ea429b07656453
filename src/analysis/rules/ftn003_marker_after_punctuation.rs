use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A footnote marker that falls at a comma, semicolon, colon or full stop stands
    /// after the mark in English: `session,2`, not `session2,`.
    ///
    /// ## Why
    /// FTN003 (Editorial Manual, "Footnote indicators", B). French and Spanish put
    /// the marker before the mark, which is how the English slip happens; a text
    /// in French or Spanish (more " de " than " the ") is left alone.
    ///
    /// ## Example
    /// `…on its seventeenth session2, the decisions …`
    ///
    /// ## Fix
    /// Move the marker after the mark: `session,2`.
    pub struct MarkerAfterPunctuation {
        code: "FTN003",
        severity: Warning,
    }
}

impl Rule for MarkerAfterPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the footnote references and the mark right after each (`punctuation_after`).
    fn reads(&self) -> Reads {
        Reads::MARKERS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.english() {
            // French and Spanish put the marker before the mark.
            return;
        }
        for reference in &context.footnotes.refs {
            let Some(mark) = reference.marker.punctuation_after else {
                continue;
            };
            let line = &context.tree.lines()[reference.span.line].text;
            let marker_text = &line[reference.span.start..reference.span.end];
            let mark_text = &line[mark.start..mark.end];
            let whole = Span::new(reference.span.line, reference.span.start, mark.end);
            sink.report(
                reference.span,
                format!(
                    "Put footnote marker {} after the `{mark_text}`",
                    reference.number
                ),
            )
            .with_fix(Fix {
                safe: true,
                title: format!("Move the marker after the `{mark_text}`"),
                edits: vec![Edit::new(whole, format!("{mark_text}{marker_text}"))],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling the report on its session1, and others,\n\t                                   ^ FTN003\n\t1.\tDecides.\n\n1 A/68/212.";

    #[test]
    fn marker_before_comma() {
        check(TEXT);
    }

    #[test]
    fn french_puts_the_marker_before_the_mark() {
        check(
            "\tL’Assemblée générale,\n\tRéaffirmant le Programme de développement durable à l’horizon 20301, et la résolution de la Commission de la femme,\n\t1.\tDécide.\n\n1 Résolution 70/1.",
        );
    }

    #[test]
    fn fix_swaps() {
        assert!(apply_fix(TEXT, "FTN003").contains("session,1 and"));
    }
}
