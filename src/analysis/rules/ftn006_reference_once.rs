use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A footnote whose text is the same as an earlier footnote's: the same
    /// source referenced again. Reported as information on the later footnote,
    /// with the earlier one beside it. `Ibid.` footnotes are FTN009's.
    ///
    /// ## Why
    /// FTN006 (Editorial Manual, footnotes: a reference is given once only in a
    /// resolution, at the first mention of the item, in the preamble or the
    /// operative part; later mentions get one only for clarity or when the
    /// pinpoint changes). Adopted texts do repeat references, mostly where the
    /// operative part cites a report again after the preamble (the earlier
    /// rule), so this is a hint for the drafter, never a warning.
    ///
    /// ## Example
    /// Footnote 2 `A/68/212.` and footnote 5 `A/68/212.` both cite the report
    /// of the Secretary-General.
    ///
    /// ## Fix
    /// Drop the second reference unless it makes the text clearer.
    pub struct ReferenceOnce {
        code: "FTN006",
        severity: Information,
    }
}

impl Rule for ReferenceOnce {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads only the footnote texts, which are not paragraph lines.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let lines = context.tree.lines();
        let mut first_with_text: FxHashMap<Cow<'_, str>, (u32, crate::syntax::Span)> =
            FxHashMap::default();
        for text in &context.footnotes.texts {
            let body = lines[text.line].text[text.body.start..text.body.end].trim();
            // `Ibid.` and bodies too short to name a source.
            let ibid = body
                .get(..2)
                .is_some_and(|start| start.eq_ignore_ascii_case("ib"));
            if body.len() < 6 || ibid {
                continue;
            }
            // One body line is enough to tell two references apart; a text
            // continued on other lines is compared by its first. Spacing
            // aside: a single-spaced body (nearly all) is its own key.
            let single_spaced =
                !body.contains("  ") && !body.contains(|c: char| c.is_whitespace() && c != ' ');
            let key: Cow<'_, str> = if single_spaced {
                body.into()
            } else {
                body.split_whitespace().collect::<Vec<_>>().join(" ").into()
            };
            match first_with_text.get(&key) {
                Some(&(number, span)) if number != text.number => {
                    sink.report(
                        text.label,
                        format!(
                            "Footnote {} repeats footnote {number}: a source is referenced once, at its first mention, unless a new reference makes the text clearer",
                            text.number
                        ),
                    )
                    .with_related(span, format!("footnote {number}"));
                }
                Some(_) => {}
                None => {
                    first_with_text.insert(key, (text.number, text.body));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn repeated_reference() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report of the Secretary-General,1\n\t1.\tWelcomes the report of the Secretary-General;2\n\t2.\tDecides to act.\n\n1 A/68/212.\n2 A/68/212.\n^ FTN006",
        );
    }

    #[test]
    fn different_pinpoints_and_ibid() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report of the Secretary-General,1\n\t1.\tWelcomes the recommendations of the report;2\n\t2.\tNotes the figures;3\n\t3.\tDecides to act.\n\n1 A/68/212.\n2 A/68/212, para. 5.\n3 Ibid.",
        );
    }
}
