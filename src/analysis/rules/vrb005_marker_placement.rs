use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::{MarkerPlace, OpeningKind, with_marker, written_words};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A repetition marker (`Also`, `Further`) stands where UN usage puts it:
    /// before the verb in an operative paragraph (`Also takes note of`), after
    /// the first word in a preambular one (`Reaffirming also`, `Taking note also
    /// of`). Reported: a marker before a
    /// preambular participle (`Further recalling`, warning), a marker splitting an
    /// operative phrase (`Takes also note of`, warning) and a marker after the
    /// operative verb (`Requests also`, hint: older style).
    ///
    /// ## Why
    /// VRB005 (adopted General Assembly texts; the seed A/RES/68/230). Security
    /// Council texts use `Further recalling`, `Decides also` and `Expresses
    /// further its readiness` alike and are not checked.
    ///
    /// ## Example
    /// `Further recalling its resolution 33/134,` → `Recalling further its
    /// resolution 33/134,`
    ///
    /// ## Fix
    /// Move the marker to its place.
    pub struct MarkerPlacement {
        code: "VRB005",
        severity: Warning,
    }
}

impl Rule for MarkerPlacement {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the words of each as written.
    fn reads(&self) -> Reads {
        Reads::OPENINGS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let security_council = context.security_council();
        for paragraph in context.paragraphs() {
            let Some(opening) = &paragraph.opening else {
                continue;
            };
            let Some(marker) = opening.marker.filter(|m| m.word.is_sequence()) else {
                continue;
            };
            let severity = match (paragraph.kind, marker.place) {
                _ if security_council => continue,
                (OpeningKind::Operative, MarkerPlace::Inside)
                | (OpeningKind::Preambular, MarkerPlace::BeforePhrase) => Severity::Warning,
                (OpeningKind::Operative, MarkerPlace::AfterPhrase) => Severity::Hint,
                _ => continue,
            };
            let text = &paragraph.lexed.text;
            let words = written_words(text, opening);
            let expected = with_marker(&words, paragraph.kind, Some(marker.word));
            let span = Span::in_line(paragraph.line, opening.range);
            let written = &text[opening.range.start..opening.range.end];
            let message = match paragraph.kind {
                OpeningKind::Operative => format!(
                    "Put `{}` before the operative verb: `{expected}`, not `{written}`",
                    marker.word.text()
                ),
                OpeningKind::Preambular => format!(
                    "In the preamble `{}` follows the first word: `{expected}`, not `{written}`",
                    marker.word.text()
                ),
            };
            sink.report_at(severity, span, message)
                .with_fix(Fix::write(span, expected));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\tFurther recalling its resolution 33/134,\n ^^^^^^^^^^^^^^^^^ VRB005\n\t1.\tTakes note of the report;\n\t2.\tTakes also note of the note;\n    ^^^^^^^^^^^^^^^^^^ VRB005\n\t3.\tRequests the Secretary-General to report;\n\t4.\tRequests also the Secretary-General to act.\n    ^^^^^^^^^^^^^ VRB005";

    #[test]
    fn marker_placement() {
        check(TEXT);
    }

    #[test]
    fn security_council_style_is_accepted() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 1325 (2000),\n\tFurther recalling its resolution 1820 (2008),\n\t1.\tDecides to continue;\n\t2.\tDecides also to act.",
        );
    }

    #[test]
    fn fix_moves_the_marker() {
        let fixed = apply_fix(TEXT, "VRB005");
        assert!(fixed.contains("\tRecalling further its resolution"));
    }
}
