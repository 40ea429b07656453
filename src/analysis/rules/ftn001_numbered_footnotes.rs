use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Footnotes are numbered in arabic figures, in the annexes too. Reported:
    /// a letter or a dagger as footnote indicator, written `[^a]` or `[^†]`,
    /// as a superscript letter or a dagger glued to a word (`Countriesᵃ`,
    /// `Countries,†`), or opening a footnote text below the separator
    /// (`a Report of the Secretary-General.`).
    ///
    /// ## Why
    /// FTN001 (Editorial Manual, "Footnote indicators", A): resolutions and
    /// decisions use numbered footnotes; lower-case letter indicators are not
    /// used. Partly mechanical: in a text export only digits survive, so a
    /// letter glued to a word (`Countries,a`) cannot be told from the text and
    /// is left to people; the asterisk is not reported (election decisions,
    /// reissue notes on the masthead and the keys of annexed lists use it).
    ///
    /// ## Example
    /// `Taking note of the report,[^a]` with the footnote `[^a]: A/68/212.`
    ///
    /// ## Fix
    /// Number the footnote in the order of first appearance (`,[^1]`) and
    /// renumber those after it.
    pub struct NumberedFootnotes {
        code: "FTN001",
        severity: Error,
    }
}

impl Rule for NumberedFootnotes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads only `other_indicators`, which make a line other than plain, and roles.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for (index, line, role) in context.tree.iter() {
            for indicator in &line.other_indicators {
                let bracketed = line.text[indicator.range.start..].starts_with("[^");
                // A letter at the margin is a footnote text only below the
                // separator; glued superscripts and daggers anywhere but in a
                // comment.
                let at_margin = indicator.range.start == 0 && !bracketed;
                if at_margin && role != Role::FootnoteContinuation {
                    continue;
                }
                let what = if indicator.indicator.chars().all(char::is_alphabetic) {
                    "a letter"
                } else {
                    "a symbol"
                };
                sink.report(
                    Span::in_line(index, indicator.range),
                    format!(
                        "Number footnotes in figures: `{}` is {what}",
                        indicator.indicator
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn bracketed_letters_and_daggers() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report,[^a] and the note,[^†]\n\t                          ^^^^ FTN001\n\t                                            ^^^^ FTN001\n\t1.\tDecides.\n\n[^a]: A/68/212.\n^^^^ FTN001\n[^†]: A/68/213.\n^^^^ FTN001",
        );
    }

    #[test]
    fn superscript_letters_and_letter_footnote_texts() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report of the Countriesᵃ and of the note,\n\t                                          ^ FTN001\n\t1.\tDecides.\n\n_______________\na A/68/212.\n^ FTN001",
        );
    }

    #[test]
    fn numbers_and_asterisks_are_right() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report,1\n\t1.\tDecides.\n\n_______________\n1 A/68/212.\n* To be notified in advance.",
        );
        // A line opening with "a" in the body is no footnote text.
        check(
            "\tThe General Assembly,\n\tTaking note of the report,\n\t1.\tDecides.\na Report of the committee.",
        );
    }
}
