use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::symbol::Organ;
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The first time a resolution cites one of its organ's own resolutions
    /// (General Assembly, ECOSOC, Human Rights Council) as the object of a
    /// paragraph's opening ("Recalling its resolution …", "Reaffirms resolution
    /// …"), the date of adoption follows the number: "resolution 64/222 of
    /// 21 December 2009". Items sharing the date of a later one ("67/139 and
    /// 67/143 of 20 December 2012", "74/262, 74/263 and 74/265 of 27 December
    /// 2019") count as dated, and so does a date after a pinpoint ("45/248 B,
    /// section VI, of 21 December 1990") or in an `adopted on` clause. Not checked: Security Council
    /// numbers (the year is in the number, CIT007) and Security Council texts,
    /// resolutions of other organs, passing mentions inside a sentence ("pursuant
    /// to resolution 74/230"), quoted titles, footnotes, annexes and decisions —
    /// adopted texts leave those undated often enough that a warning would be
    /// noise.
    ///
    /// ## Why
    /// CIT001 (attested in adopted texts; Editorial Manual heading "References to
    /// other resolutions"): the date identifies the text for the reader.
    ///
    /// ## Example
    /// `Reaffirming its resolution 64/222, in which …` at the first mention.
    ///
    /// ## Fix
    /// Add the date the record gives (when it has one).
    pub struct FirstCitationDate {
        code: "CIT001",
        severity: Warning,
    }
}

impl Rule for FirstCitationDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations and the text around them in their lines (the clause after, the words before).
    fn reads(&self) -> Reads {
        Reads::CITATIONS | Reads::CITING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let citations = context.citations;
        if citations.citing == Some(Organ::SecurityCouncil) {
            return;
        }
        for (c, citation) in citations.list.iter().enumerate() {
            if !citation.in_body
                || citation.decision
                || citation.quoted
                || citation.organ != citations.citing.or(Some(Organ::GeneralAssembly))
                || !opens_paragraph(context, citation.line, citation.span.start)
            {
                continue;
            }
            for (i, item) in citation.items.iter().enumerate() {
                let Some(symbol) = item.symbols.first() else {
                    continue;
                };
                // A list gives one date after the last of the items adopted
                // that day ("74/262, 74/263 and 74/265 of 27 December 2019").
                let next_dated = citation.items[i + 1..]
                    .iter()
                    .any(|next| next.date.is_some());
                if item.date.is_some()
                    || next_dated
                    || dated_in_clause(context, item.span)
                    || dated_in_another_form(context, item.span)
                    || Organ::of_symbol(symbol) == Some(Organ::SecurityCouncil)
                    || !citations.is_first(c, i, symbol)
                {
                    continue;
                }
                let diagnostic = sink.report(
                    item.span,
                    format!(
                        "First citation of resolution {}: give its date of adoption",
                        item.text
                    ),
                );
                if let Some(date) = context.catalog.get(symbol).and_then(|r| r.adoption_date()) {
                    let at = Span::point(item.span.line, item.span.end);
                    diagnostic.with_fix(Fix {
                        safe: true,
                        title: format!("Add the date of adoption, {date}"),
                        edits: vec![Edit::new(at, format!(" of {date}"))],
                    });
                }
            }
        }
    }
}

/// "its resolution 75/267, adopted without a vote on 25 March 2021", "ES-10/24
/// adopted on 18 September 2024": the date is given in the clause that follows
/// the number.
fn dated_in_clause(context: &Context<'_>, span: Span) -> bool {
    let text = &context.tree.lines()[span.line].text;
    let after = text.get(span.end..).unwrap_or("");
    let clause = after
        .strip_prefix(',')
        .unwrap_or(after)
        .strip_prefix(" adopted")
        .unwrap_or("");
    let clause = &clause[..clause.find(',').unwrap_or(clause.len())];
    clause.contains(" on ")
        && clause
            .split_whitespace()
            .any(|w| w.len() == 4 && w.starts_with(['1', '2']))
}

/// "64/222 of 21st December 2009", "of December 21, 2012": a date follows the
/// number, but not in the form the citation grammar reads. It is there (CIT003
/// says how to write it); asking for one, or adding one, would be wrong.
fn dated_in_another_form(context: &Context<'_>, span: Span) -> bool {
    let text = &context.tree.lines()[span.line].text;
    let Some(after) = text.get(span.end..).and_then(|a| a.strip_prefix(" of ")) else {
        return false;
    };
    let words = after
        .split([',', ';', ' '])
        .filter(|w| !w.is_empty())
        .take(3)
        .collect::<Vec<_>>();
    let is_month = |w: &str| {
        w.len() >= 3
            && crate::syntax::MONTHS.iter().any(|m| {
                m.get(..3)
                    .is_some_and(|p| w.get(..3).is_some_and(|q| q.eq_ignore_ascii_case(p)))
            })
    };
    let is_year = |w: &str| {
        let digits = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4
            && digits.starts_with(['1', '2'])
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    words.iter().any(|w| is_month(w)) || words.iter().any(|w| is_year(w))
}

/// Does the citation at `start` follow the paragraph's opening words directly
/// ("Recalling also its resolution", "Reaffirms resolution")?
fn opens_paragraph(context: &Context<'_>, line: usize, start: usize) -> bool {
    let lexed = &context.tree.lines()[line];
    let Some(before) = lexed.text.get(lexed.body_start.min(start)..start) else {
        return false;
    };
    !before.contains([',', ';', ':']) && before.split_whitespace().count() <= 3
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn a_date_in_an_adopted_clause_counts() {
        check(
            "\tThe General Assembly,\n\tReaffirming its resolution 75/267, adopted without a vote on 25 March 2021, by which it proclaimed a week,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn first_citation_needs_a_date() {
        check(
            "\tThe General Assembly,\n\tReaffirming its resolution 64/222, in which it endorsed the Nairobi outcome document,\n\t                           ^^^^^^ CIT001\n\tRecalling its resolution 33/134 of 19 December 1978 and Security Council resolution 1325 (2000),\n\tRecalling also its resolutions 67/139 and 67/143 of 20 December 2012,\n\tNoting the report submitted pursuant to its resolution 74/230,\n\t1.\tRecalls its resolutions 33/134 and 64/222;",
        );
    }

    #[test]
    fn a_date_in_another_form_is_a_date() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21st December 2009,\n\t                                   ^^^^^^^^^^^^^^^^^^ CIT003\n\tRecalling also its resolution 67/221 of December 21, 2012,\n\t                                        ^^^^^^^^^^^^^^^^^ CIT003\n\tReaffirming its resolution 68/230 of its sixty-eighth session,\n\t                           ^^^^^^ CIT001\n\t1.\tDecides.",
        );
    }

    #[test]
    fn dates_after_a_list_a_pinpoint_or_in_an_adopted_clause_count() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 72/266 A of 24 December 2017 and 74/262, 74/263, 74/264 A to C and 74/265 of 27 December 2019,\n\tReaffirming its resolutions 41/213 of 19 December 1986, 45/248 B, section VI, of 21 December 1990 and 53/77 AA of 4 December 1998,\n\tRecalling also its resolution ES-10/24 adopted on 18 September 2024,\n\tRecalling further resolution 6/2 on facilitating international cooperation,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn security_council_texts_are_not_checked() {
        check(
            "\tThe Security Council,\n\tRecalling General Assembly resolution 64/222,\n\t1.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_adds_the_recorded_date() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tReaffirming its resolution 64/222, in which it endorsed the outcome,\n\t1.\tDecides.",
            "CIT001",
        );
        assert!(fixed.contains("64/222 of 21 December 2009, in which it"));
    }
}
