use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::FootnoteRef;

declare_rule! {
    /// ## What it checks
    /// Footnotes are numbered by first appearance: the first reference is 1 and each
    /// new number is one more than the one before it. A number that skips, or that
    /// first appears out of place, is reported where it first appears; one footnote
    /// cited early is one fault (the numbers around it stay in order), not a fault
    /// at every footnote after it. Repeating an earlier number for the same source
    /// is FTN007's business, not this rule's.
    ///
    /// ## Why
    /// FTN002 (Editorial Manual, "Footnote indicators": numbers are not skipped and
    /// follow the order of the text).
    ///
    /// ## Example
    /// References in text order 1, 2, 4, 3.
    ///
    /// ## Fix
    /// Renumber the references and their texts in order of appearance.
    pub struct FootnoteOrder {
        code: "FTN002",
        severity: Error,
    }
}

impl Rule for FootnoteOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the footnote references (`footnotes.refs`: numbers and spans).
    fn reads(&self) -> Reads {
        Reads::MARKERS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let start = context.footnotes.first_number;
        // First appearances, in text order.
        let mut firsts: Vec<&FootnoteRef> = Vec::new();
        for reference in &context.footnotes.refs {
            if !firsts.iter().any(|f| f.number == reference.number) {
                firsts.push(reference);
            }
        }
        let numbers: Vec<u32> = firsts.iter().map(|f| f.number).collect();
        let in_order = longest_rising_run(&numbers);
        let mut previous: Option<u32> = None;
        for (at, reference) in firsts.iter().enumerate() {
            let number = reference.number;
            if !in_order[at] {
                let next = (at + 1..firsts.len())
                    .find(|&later| in_order[later])
                    .map(|later| numbers[later]);
                let message = match (previous, next) {
                    (Some(before), Some(after)) => format!(
                        "Footnote {number} first appears between footnotes {before} and {after}: footnotes are numbered in order of first appearance"
                    ),
                    (None, Some(after)) => format!(
                        "Footnote {number} first appears before footnote {after}: footnotes are numbered in order of first appearance"
                    ),
                    (Some(before), None) => format!(
                        "Footnote {number} first appears after footnote {before}: footnotes are numbered in order of first appearance"
                    ),
                    (None, None) => continue,
                };
                sink.report(reference.span, message);
                continue;
            }
            // A number skipped in the ordered run that appears nowhere else.
            let expected = previous.map_or(start, |p| p + 1);
            if number > expected && !numbers.contains(&expected) {
                let message = match previous {
                    None => format!(
                        "The first footnote is numbered {number}; footnotes start at {start}"
                    ),
                    Some(before) => format!(
                        "Footnote {number} follows footnote {before}: expected {expected} (footnotes are numbered in order of first appearance)"
                    ),
                };
                sink.report(reference.span, message);
            }
            previous = Some(number);
        }
    }
}

/// Which numbers belong to the longest strictly rising run through the list
/// (patience sorting; of equal runs, the one with the smallest numbers). Only
/// the numbers outside it are out of place: one footnote cited early is one
/// fault, not a fault at every footnote after it.
fn longest_rising_run(numbers: &[u32]) -> Vec<bool> {
    // tails[k]: index of the smallest last number of a rising run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; numbers.len()];
    for (at, &number) in numbers.iter().enumerate() {
        let length = tails.partition_point(|&t| numbers[t] < number);
        parent[at] = length.checked_sub(1).map(|k| tails[k]);
        if length == tails.len() {
            tails.push(at);
        } else {
            tails[length] = at;
        }
    }
    let mut in_run = vec![false; numbers.len()];
    let mut at = tails.last().copied();
    while let Some(index) = at {
        in_run[index] = true;
        at = parent[index];
    }
    in_run
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn order_of_first_appearance() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,3\n\t                ^ FTN002\n\t1.\tDecides,2 and session,1 again.\n\n1 A.\n2 B.\n3 C.",
        );
    }

    /// One footnote cited early is one fault, not one at each footnote after it.
    #[test]
    fn one_early_footnote_is_one_fault() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,2\n\tNoting the plan,5\n\t                ^ FTN002\n\t1.\tDecides,3 and acts,4 again.\n\n1 A.\n2 B.\n3 C.\n4 D.\n5 E.",
        );
    }

    #[test]
    fn a_skipped_number_is_reported_where_the_run_goes_on() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,2\n\t1.\tDecides,4 to act.\n\t           ^ FTN002\n\n1 A.\n2 B.\n4 D.",
        );
    }

    #[test]
    fn repeated_numbers_are_not_order_faults() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\tNoting the note,2\n\t1.\tDecides, recalling the report,1 to act.\n\n1 A.\n2 B.",
        );
    }
}
