use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{DocumentKind, Span};

declare_rule! {
    /// ## What it checks
    /// In a text under negotiation, every opening square bracket has its
    /// closing one, and every closing bracket an opening one, across
    /// paragraphs and nested. An unbalanced bracket is reported at the
    /// bracket, with the place where it should close (the end of the text or
    /// of the paragraph where the next bracket opens) or the bracket that
    /// last closed.
    ///
    /// ## Why
    /// DRF007 (negotiation mode: "unbalanced square brackets"; EM-PARA,
    /// UNX-NEG). A bracket left open makes the rest of the text read as not
    /// agreed; `unres clean` refuses while any bracket remains.
    ///
    /// ## Example
    /// `3. Invites States [to consider acting;` with no `]` after it.
    ///
    /// ## Fix
    /// Close the bracket where the proposal ends, or remove it.
    pub struct UnbalancedBrackets {
        code: "DRF007",
        severity: Error,
    }
}

impl Rule for UnbalancedBrackets {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Brackets are rolling-text marks (never on plain lines); the related span is at a paragraph's `content_end`.
    fn reads(&self) -> Reads {
        Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.kind() != DocumentKind::Negotiation {
            return;
        }
        let tree = context.tree;
        let brackets = &tree.negotiation().brackets;
        for (i, bracket) in brackets.iter().enumerate() {
            if bracket.partner.is_some() {
                continue;
            }
            if bracket.open {
                let diagnostic = sink.report(
                    bracket.at,
                    "This bracket is never closed: close it where the bracketed text ends",
                );
                // The paragraph end before the next bracket that opens at the
                // same depth, else the end of the text's last paragraph.
                let until = brackets[i + 1..]
                    .iter()
                    .find(|b| b.open && b.depth <= bracket.depth)
                    .map_or(tree.line_count(), |b| b.at.line + 1);
                let last = (bracket.at.line..until.min(tree.line_count()))
                    .rev()
                    .find(|&l| tree.role(l).is_body_paragraph());
                if let Some(last) = last {
                    let end = tree.lines()[last].content_end;
                    diagnostic
                        .with_related(Span::point(last, end), "the bracketed text may end here");
                }
            } else {
                let diagnostic = sink.report(
                    bracket.at,
                    "This bracket closes nothing: no bracket is open before it",
                );
                if let Some(closed) = brackets[..i]
                    .iter()
                    .rev()
                    .find(|b| !b.open && b.partner.is_some())
                {
                    diagnostic.with_related(
                        closed.partner.expect("paired"),
                        "the last bracket pair opens here",
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn an_unclosed_bracket() {
        check(
            "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tOP1\t1.\tDecides [to act;]\n\tOP2\t2.\tInvites States [to consider acting;\n\t                      ^ DRF007\n\tOP3\t3.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn a_bracket_that_closes_nothing_and_nested_pairs() {
        check(
            "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tOP1\t1.\tDecides [to [act];\n\tOP2\t2.\tInvites] States to act;]\n\t                              ^ DRF007\n\tOP3\t3.\tDecides to remain seized of the matter.",
        );
    }
}
