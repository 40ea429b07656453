use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::OpeningKind;
use crate::analysis::agreed_language::{with_marker, written_words};
use crate::syntax::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What VRB007 remembers of the paragraphs of one part and kind read so far.
#[derive(Default)]
struct Part {
    heads: HashSet<std::sync::Arc<str>>,
    last_unknown: bool,
}

declare_rule! {
    /// ## What it checks
    /// `Also X` and `Further X` (in the preamble `X also`, `X further`) repeat an
    /// earlier paragraph of the same part that opens with the same verb X. A marker
    /// without any such paragraph is reported.
    ///
    /// ## Why
    /// VRB007 (adopted texts; the seed A/RES/68/230). A marker whose earlier
    /// paragraph is not adjacent is common in adopted texts and is not reported.
    ///
    /// ## Example
    /// `1. Decides …;` `2. Also requests …;` (no earlier `Requests`)
    ///
    /// ## Fix
    /// Remove the marker.
    pub struct MarkerAntecedent {
        code: "VRB007",
        severity: Warning,
    }
}

impl Rule for MarkerAntecedent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the words of each as written.
    fn reads(&self) -> Reads {
        Reads::OPENINGS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        // Security Council texts order and place their markers freely (adopted
        // texts have `Reaffirming further` before `Reaffirming also`, `Further
        // requests` without an earlier `Requests`).
        if context.security_council() {
            return;
        }
        // One pass: per part and kind, the heads seen so far and whether the
        // latest paragraph had no recognizable opening.
        let mut seen: HashMap<(usize, OpeningKind), Part> = HashMap::default();
        for paragraph in context.paragraphs() {
            let head = paragraph.opening.as_ref().map(|o| o.head.clone());
            let part = seen.entry((paragraph.part, paragraph.kind)).or_default();
            let previous_unknown = std::mem::replace(&mut part.last_unknown, head.is_none());
            let Some(head) = head else {
                continue;
            };
            let antecedent = !part.heads.insert(head);
            let Some(opening) = &paragraph.opening else {
                continue;
            };
            let Some(marker) = opening.marker.filter(|m| m.word.is_sequence()) else {
                continue;
            };
            // A previous paragraph without a recognizable opening may be the
            // antecedent with a defect of its own (reported by VRB002/VRB013).
            if previous_unknown || antecedent {
                continue;
            }
            let text = &paragraph.lexed.text;
            let plain = with_marker(&written_words(text, opening), paragraph.kind, None);
            let span = Span::in_line(paragraph.line, opening.range);
            let marker_text = &text[marker.range.start..marker.range.end];
            sink.report(
                Span::in_line(paragraph.line, marker.range),
                format!("`{marker_text}` repeats an opening, but no earlier paragraph of this part opens with `{plain}`: remove the marker"),
            )
            .with_fix(Fix::write(span, plain));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n\t2.\tAlso requests the Secretary-General to report.\n    ^^^^ VRB007";

    #[test]
    fn marker_without_antecedent() {
        check(TEXT);
    }

    #[test]
    fn fix_removes_the_marker() {
        assert!(apply_fix(TEXT, "VRB007").contains("\t2.\tRequests the"));
    }
}
