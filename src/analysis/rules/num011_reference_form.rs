use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::ordinal_words;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// How a paragraph is referred to in the text of a resolution: "paragraph
    /// 10 of its resolution 67/221", "paragraph 5 above", "the third
    /// preambular paragraph of resolution 2231 (2015)". Reported in the
    /// paragraphs of the resolution (not in footnotes or annexes): the
    /// abbreviation `para.`/`paras.` and the negotiators' labels `OP10`/`PP3`,
    /// where they stand as a reference (followed by "of", "above" or "below").
    /// A negotiation text may use the labels.
    ///
    /// ## Why
    /// NUM011 (the seed's "paragraph 10 of its resolution 67/221"; the house
    /// form in thousands of adopted texts). A pinpoint inside a document
    /// reference, `(S/2003/751, para. 30)`, and footnotes keep `para.`, as the
    /// Editorial Manual writes them. `paragraph 5(b)` without its space is
    /// PUN008's.
    ///
    /// ## Example
    /// `Recalls OP16 of resolution 1907 (2009)` should be `Recalls paragraph
    /// 16 of resolution 1907 (2009)`; `para. 10 of resolution 67/221` should be
    /// `paragraph 10 of resolution 67/221`; `PP3 of resolution 2231 (2015)`
    /// should be `the third preambular paragraph of resolution 2231 (2015)`.
    ///
    /// ## Fix
    /// Writes the reference out.
    pub struct ReferenceForm {
        code: "NUM011",
        severity: Warning,
    }
}

/// `para. 10 of`, `paras. 2 and 3 above`, `OP16 and OP17 of`: a reference
/// written with an abbreviation or labels.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:paras?\.?|OP|PP) ?[0-9]{1,3}\b(?: \([a-z]{1,4}\))?(?:,? (?:and|to|or) (?:OP|PP)?[0-9]{1,3}(?: \([a-z]{1,4}\))?)* (?:of|above|below)\b",
    )
    .expect("reference pattern")
});

/// Each abbreviation or label inside a reference (group 1: the word or
/// label, group 2: its number).
static WRITTEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(paras?\.?|OP|PP) ?([0-9]{1,3})\b").expect("label pattern"));

impl LineRule for ReferenceForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        let labels_allowed = at.facts.negotiation;
        if !at.own || !(role.is_body_paragraph() || matches!(role, Role::Continuation { .. })) {
            return;
        }
        let text = &line.text[line.body_start..];
        let items = REFERENCE.find_iter(text).flat_map(|reference| {
            WRITTEN
                .captures_iter(reference.as_str())
                .map(move |c| (reference.start(), c))
        });
        for (offset, captures) in items {
            let written = captures.get(1).expect("group");
            let number = captures.get(2).expect("group");
            let start = line.body_start + offset + written.start();
            let end = line.body_start + offset + number.end();
            let span = Span::new(index, start, end);
            let digits = number.as_str();
            let (message, replacement) = match written.as_str() {
                "OP" | "PP" if labels_allowed => continue,
                "OP" => (
                    format!("Write `paragraph {digits}`: `OP{digits}` is a negotiation label"),
                    format!("paragraph {digits}"),
                ),
                "PP" => {
                    let ordinal = digits
                        .parse()
                        .ok()
                        .and_then(ordinal_words)
                        .unwrap_or_else(|| digits.to_owned());
                    (
                        format!(
                            "Write `the {ordinal} preambular paragraph`: `PP{digits}` is a negotiation label"
                        ),
                        format!("the {ordinal} preambular paragraph"),
                    )
                }
                abbreviation => {
                    let word = if abbreviation.starts_with("paras") {
                        "paragraphs"
                    } else {
                        "paragraph"
                    };
                    (
                        format!("Write `{word} {digits}` in full in the text"),
                        format!("{word} {digits}"),
                    )
                }
            };
            // "the PP3" would become "the the third …".
            let span = if written.as_str() == "PP" {
                let before = &line.text[..start];
                before
                    .strip_suffix("the ")
                    .map_or(span, |rest| Span::new(index, rest.len(), end))
            } else {
                span
            };
            sink.report(Span::new(index, start, end), message)
                .with_fix(Fix::write(span, replacement));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str =
        "\tThe Security Council,\n\tRecalling its resolution 1907 (2009) and 2231 (2015),\n";

    #[test]
    fn labels_and_abbreviations() {
        check(&format!(
            "{HEAD}\t1.\tRecalls OP16 and OP17 of resolution 1907 (2009);\n\t           ^^^^ NUM011\n\t                    ^^^^ NUM011\n\t2.\tRecalls para. 10 of resolution 2231 (2015);\n\t           ^^^^^^^^ NUM011\n\t3.\tDecides to remain seized of the matter."
        ));
    }

    #[test]
    fn pinpoints_and_negotiation_texts() {
        // A pinpoint in a document reference keeps its abbreviation.
        check(&format!(
            "{HEAD}\t1.\tWelcomes the proposal of the Secretary-General (S/2003/751, para. 30);\n\t2.\tDecides to remain seized of the matter."
        ));
        check(
            "\tThe Security Council,\n\tPP1 Recalling its resolution 1907 (2009),\n\tPP2 Noting OP16 of resolution 1907 (2009),\n\tOP1 Decides to remain seized of the matter.",
        );
    }

    #[test]
    fn fixes_write_the_reference_out() {
        let text = format!(
            "{HEAD}\t1.\tRecalls PP3 of resolution 2231 (2015);\n\t2.\tRecalls para. 10 of resolution 1907 (2009);\n\t3.\tDecides to remain seized of the matter."
        );
        let fixed = apply_fix(&text, "NUM011");
        assert!(
            fixed.contains("Recalls the third preambular paragraph of resolution 2231")
                || fixed.contains("Recalls paragraph 10 of resolution 1907"),
            "{fixed}"
        );
    }
}
