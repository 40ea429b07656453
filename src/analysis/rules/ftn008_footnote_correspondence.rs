use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Every footnote reference has a footnote text with the same number, every
    /// footnote text is referenced at least once, and the texts stand in ascending
    /// order.
    ///
    /// ## Why
    /// FTN008 (Editorial Manual, "Footnote indicators": editors check indicators
    /// against the footnotes). A dangling reference or an orphan text is what a
    /// moved or deleted paragraph leaves behind.
    ///
    /// ## Example
    /// `…the report of the Secretary-General;7` with footnote texts 1 to 6 only.
    ///
    /// ## Fix
    /// For a reference without text: add the footnote text line at its place
    /// among the others (or at the end of the document), for the drafter to
    /// write; not applied by "fix all", not the preferred fix.
    pub struct FootnoteCorrespondence {
        code: "FTN008",
        severity: Error,
    }
}

impl Rule for FootnoteCorrespondence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the footnote references and texts, and the end of the last line (where the fix adds a missing text).
    fn reads(&self) -> Reads {
        Reads::MARKERS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let footnotes = context.footnotes;
        let tree = context.tree;
        let mut reported_missing = Vec::new();
        for reference in &footnotes.refs {
            if footnotes.text(reference.number).is_some()
                || reported_missing.contains(&reference.number)
            {
                continue;
            }
            reported_missing.push(reference.number);
            let number = reference.number;
            let bracketed = footnotes.texts.first().map_or(
                reference.marker.form == crate::syntax::MarkerForm::Bracketed,
                |t| tree.lines()[t.line].text.trim_start().starts_with("[^"),
            );
            let new_line = if bracketed {
                format!("[^{number}]: ")
            } else {
                format!("{number} ")
            };
            // After the text with the highest lower number, else before the first
            // text, else at the end of the document.
            let before = footnotes
                .texts
                .iter()
                .filter(|t| t.number < number)
                .max_by_key(|t| t.number);
            let edit = match (before, footnotes.texts.first()) {
                (Some(text), _) => {
                    let end = tree.lines()[text.last_line].text.len();
                    Edit::new(Span::point(text.last_line, end), format!("\n{new_line}"))
                }
                (None, Some(first)) => {
                    Edit::new(Span::point(first.line, 0), format!("{new_line}\n"))
                }
                (None, None) => {
                    let last = tree.line_count().saturating_sub(1);
                    let end = tree.lines().get(last).map_or(0, |l| l.text.len());
                    Edit::new(Span::point(last, end), format!("\n\n{new_line}"))
                }
            };
            sink.report(
                reference.span,
                format!("Footnote {number} is referenced here but has no footnote text"),
            )
            .with_fix(Fix {
                // The line it adds is empty: the drafter writes the text.
                safe: false,
                title: format!("Add footnote text {number} (to be written)"),
                edits: vec![edit],
            });
        }
        let mut previous: Option<u32> = None;
        for text in &footnotes.texts {
            if !footnotes.refs.iter().any(|r| r.number == text.number) {
                sink.report(
                    text.label,
                    format!("Footnote text {} is not referenced anywhere", text.number),
                );
            }
            if let Some(p) = previous {
                if text.number <= p {
                    sink.report(
                        text.label,
                        format!(
                            "Footnote text {} comes after footnote text {p}: footnote texts stand in ascending order",
                            text.number
                        ),
                    );
                }
            }
            previous = Some(previous.map_or(text.number, |p| p.max(text.number)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const BODY: &str = "\tThe General Assembly,\n\tRecalling the report,1\n\t1.\tTakes note of the report;2\n\t2.\tDecides.\n\n71st plenary meeting\n20 December 2013\n";

    #[test]
    fn matching_references_and_texts_are_quiet() {
        check(&format!("{BODY}\n1 A/68/212.\n2 A/68/213."));
    }

    #[test]
    fn missing_and_orphan_texts() {
        check(
            &format!("{BODY}\n1 A/68/212.\n3 A/68/214.\n^ FTN008")
                .replace(";2\n", ";2\n\t                            ^ FTN008\n"),
        );
        check(
            "\tThe General Assembly,\n\tRecalling the report,1\n\t1.\tTakes note of the report;2\n\t                            ^ FTN008\n\t2.\tDecides.\n\n1 A/68/212.",
        );
    }

    #[test]
    fn texts_out_of_order() {
        check(&format!("{BODY}\n2 A/68/213.\n1 A/68/212.\n^ FTN008"));
    }

    #[test]
    fn fix_adds_the_text_in_place() {
        let fixed = apply_fix(&format!("{BODY}\n1 A/68/212."), "FTN008");
        assert!(fixed.ends_with("1 A/68/212.\n2 "), "{fixed}");
    }

    #[test]
    fn bracketed_form() {
        check(
            "\tThe General Assembly,\n\tRecalling the report,[^1]\n\t1.\tDecides.\n\n[^1]: A/68/212.",
        );
    }
}
