use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Once a resolution has been cited with its date, later citations in the text
    /// use the bare number: "paragraph 10 of its resolution 67/221", not "… of its
    /// resolution 67/221 of 21 December 2012". Each part of a composite
    /// resolution is dated anew.
    ///
    /// ## Why
    /// CIT002 (attested in adopted texts). A hint: repeating the date is redundant,
    /// not wrong.
    ///
    /// ## Example
    /// `Recalling its resolution 64/222 of 21 December 2009,` … later `Recalls its
    /// resolution 64/222 of 21 December 2009;`
    ///
    /// ## Fix
    /// Remove the date.
    pub struct DateAtLaterCitation {
        code: "CIT002",
        severity: Hint,
    }
}

impl Rule for DateAtLaterCitation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations only.
    fn reads(&self) -> Reads {
        Reads::CITATIONS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let citations = context.citations;
        let mut dated = std::collections::HashSet::new();
        for citation in citations.list.iter().filter(|c| c.in_body && !c.quoted) {
            for (i, item) in citation.items.iter().enumerate() {
                let Some(symbol) = item.symbols.first() else {
                    continue;
                };
                let Some(date_span) = item.date_span else {
                    continue;
                };
                // A date shared by a list ("… and 68/248 A both of …") is not this
                // item's own.
                let own_date = date_span.start > item.span.end
                    && citation
                        .items
                        .get(i + 1)
                        .is_none_or(|next| next.date_span != Some(date_span));
                if !dated.insert((citation.part, symbol.clone())) && own_date {
                    let span = Span::new(item.span.line, item.span.end, date_span.end);
                    sink.report(
                        Span::new(item.span.line, date_span.start, date_span.end),
                        format!(
                            "Resolution {} is cited with its date earlier; the number alone is enough here",
                            item.text
                        ),
                    )
                    .with_fix(Fix {
                        safe: true,
                        title: "Remove the date".to_owned(),
                        edits: vec![Edit::new(span, "")],
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tRecalls its resolution 64/222 of 21 December 2009;";

    #[test]
    fn repeated_date() {
        check(&format!(
            "{TEXT}\n\t                                    ^^^^^^^^^^^^^^^^ CIT002"
        ));
    }

    #[test]
    fn fix_removes_the_date() {
        let fixed = apply_fix(TEXT, "CIT002");
        assert!(fixed.ends_with("Recalls its resolution 64/222;"));
    }
}
