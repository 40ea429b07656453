use super::units::{Unit, final_mark, mark_fix, mark_name};
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::Tree;
use crate::syntax::openings::class_of;

declare_rule! {
    /// ## What it checks
    /// A paragraph that introduces lettered subparagraphs ends its lead-in with a
    /// colon, not with a semicolon or a full stop (a comma occurs in adopted texts
    /// and is accepted; Security Council texts also use a semicolon). A lead-in
    /// that stops mid-sentence (`… shall` then `(a) prioritize …`) runs on into
    /// its items and takes no mark.
    ///
    /// ## Why
    /// PUN004 (AKN4UN list examples; adopted texts).
    ///
    /// ## Example
    /// `5. Decides that the Council shall, inter alia;` followed by `(a) Promote …`
    /// should end with `:`.
    ///
    /// ## Fix
    /// Replace the final mark with a colon, or add one.
    pub struct LeadInColon {
        code: "PUN004",
        severity: Warning,
    }
}

impl Rule for LeadInColon {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the units (`units()`), the final mark and last words of each lead-in, and the first letter of its first item.
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        let security_council = context.security_council();
        for unit in context.units() {
            if unit.end.is_none() || !unit.has_subparagraphs(tree) {
                continue;
            }
            let (mark, span) = final_mark(unit.lead, &tree.lines()[unit.lead]);
            // Adopted texts also introduce lists with a comma (`Recalling`, `Decides
            // that all States shall,`), so only a stop or a missing mark is reported.
            if matches!(mark, Some(':' | ',')) {
                continue;
            }
            // `Recalling` or `Convinced` alone, then `(a) that …`: the lead-in
            // runs on into its items, which complete the sentence.
            if mark.is_none() && ends_with_an_opening(tree.lines()[unit.lead].body()) {
                continue;
            }
            // `… shall` then `(a) prioritize …`, `… efforts to` then `(a) Within
            // …`: the lead-in stops mid-sentence and its items finish it.
            if mark.is_none() && runs_on_mid_sentence(tree, unit) {
                continue;
            }
            // Security Council texts also end lead-ins with a semicolon
            // (S/RES/1904, 2360, 2820).
            if mark == Some(';') && security_council {
                continue;
            }
            let message = match mark {
                Some(mark) => format!(
                    "End the lead-in to subparagraphs with a colon, not {}",
                    mark_name(mark)
                ),
                None => "End the lead-in to subparagraphs with a colon".to_owned(),
            };
            sink.report(span, message)
                .with_fix(mark_fix(span, mark, ':'));
        }
    }
}

/// The lead-in ends with an opening word such as `Recalling` or `Reaffirming
/// also` (the words of the opening and nothing after them).
fn ends_with_an_opening(body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    let opening = |word: &str| {
        (word.ends_with("ing") || word.ends_with("ed"))
            && class_of(&capitalised_first(word)).is_some()
    };
    match words.as_slice() {
        [.., word, "also" | "further"] => opening(word),
        [.., last] => opening(last),
        [] => false,
    }
}

/// The lead-in ends on a word no sentence ends with (`shall`, `to`, `that`), or
/// its first item opens in lower case (`(a) prioritize …`).
fn runs_on_mid_sentence(tree: &Tree, unit: &Unit) -> bool {
    let lines = tree.lines();
    let last_word = lines[unit.lead].body().split_whitespace().next_back();
    let function_word = last_word.is_some_and(|w| {
        matches!(
            w,
            "shall"
                | "should"
                | "will"
                | "may"
                | "must"
                | "to"
                | "that"
                | "of"
                | "by"
                | "for"
                | "with"
                | "on"
                | "in"
                | "and"
                | "or"
                | "the"
        )
    });
    let item_in_lower_case = unit
        .items
        .first()
        .is_some_and(|&item| lines[item].body().starts_with(|c: char| c.is_lowercase()));
    function_word || item_in_lower_case
}

fn capitalised_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides that the Council shall, inter alia;\n                                              ^ PUN004\n\t(a)\tPromote cooperation;\n\t(b)\tReport to the Assembly;\n\t2.\tRequests the Secretary-General:\n\t(a)\tTo report;\n\t(b)\tTo act.";

    #[test]
    fn lead_in_ends_with_a_colon() {
        check(TEXT);
    }

    #[test]
    fn a_lead_in_of_only_an_opening_runs_on_into_its_items() {
        check(
            "\tThe General Assembly,\n\tConvinced\n\t(a)\tthat the Convention is essential,\n\t(b)\tthat cooperation is needed,\n\tReaffirming also\n\t(a)\tthat the Programme of Action stands,\n\t(b)\tthat it is urgent,\n\t1.\tDecides to act.",
        );
    }

    #[test]
    fn a_lead_in_that_stops_mid_sentence_runs_on_into_its_items() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 2001 (2011),\n\t1.\tDecides that the Mission shall\n\t(a)\tprioritize advice;\n\t(b)\tpromote dialogue;\n\t2.\tUrges efforts to\n\t(a)\tWithin their purviews, act;\n\t(b)\tReport;\n\t3.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_writes_the_colon() {
        assert!(apply_fix(TEXT, "PUN004").contains("inter alia:\n"));
    }
}
