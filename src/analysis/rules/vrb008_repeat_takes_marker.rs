use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::{
    MarkerWord, OpeningKind, Paragraph, head_of, tokenize, with_marker, written_words,
};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The second of two adjacent paragraphs opening with the same phrase takes a
    /// marker (`Also requests`, `Recalling also`) when the repeat is plain: both
    /// continue with the same words (`Requests the Secretary-General` twice), the
    /// next paragraph continues with `Further`, or the document marks its other
    /// adjacent repeats of that part (at least three) and this is its only
    /// unmarked one.
    ///
    /// ## Why
    /// VRB008 (adopted texts; General Assembly style, Security Council texts are
    /// not checked). In the corpus of 300 adopted resolutions, adjacent
    /// repeats take a marker in 93 % of General Assembly preambles but only in
    /// 60 % of General Assembly operative parts and 14 % of Security Council
    /// ones, where long runs of `Requests` stay unmarked. A blanket rule would
    /// flag adopted texts, so the rule only reports a text that breaks its own
    /// habit.
    ///
    /// ## Example
    /// `14. Requests …;` `15. Requests …;` `16. Further requests …;`
    ///
    /// ## Fix
    /// Add `Also`.
    pub struct RepeatTakesMarker {
        code: "VRB008",
        severity: Hint,
    }
}

impl Rule for RepeatTakesMarker {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the words after each (`object`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::AFTER_OPENING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        // Security Council texts leave most repeats unmarked (86 % in the corpus).
        if context.security_council() {
            return;
        }
        let paragraphs = context.paragraphs();
        let marked = |p: &Paragraph<'_>| {
            p.opening
                .as_ref()
                .and_then(|o| o.marker)
                .is_some_and(|m| m.word.is_sequence())
        };
        // Each paragraph's head, computed once (the comparisons below read each
        // head up to six times).
        let heads: Vec<Option<&str>> = paragraphs
            .iter()
            .map(|p| p.opening.as_ref().map(head_of))
            .collect();
        let neighbours = |a: usize, b: usize| {
            paragraphs[a].part == paragraphs[b].part && paragraphs[a].kind == paragraphs[b].kind
        };
        let same_key = |a: usize, b: usize| {
            let key = |p: &Paragraph<'_>| p.opening.as_ref().map(|o| o.key());
            neighbours(a, b) && key(&paragraphs[a]).is_some_and(|k| Some(k) == key(&paragraphs[b]))
        };
        let same_head =
            |a: usize, b: usize| neighbours(a, b) && heads[a].is_some() && heads[a] == heads[b];
        // Per part kind: adjacent repeats with a marker, and unmarked second
        // paragraphs of a run.
        let mut marked_repeats = [0usize; 2];
        let mut candidates: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        let slot = |kind: OpeningKind| usize::from(kind == OpeningKind::Operative);
        for k in 1..paragraphs.len() {
            let (previous, current) = (&paragraphs[k - 1], &paragraphs[k]);
            if marked(current) && same_head(k - 1, k) {
                marked_repeats[slot(current.kind)] += 1;
            }
            // Counted by verb, so that one changed paragraph does not change the
            // document's habit.
            let first_of_run = k < 2 || !same_head(k - 2, k - 1);
            if same_head(k - 1, k) && !marked(current) && !marked(previous) && first_of_run {
                candidates[slot(current.kind)].push(k);
            }
        }
        for kind in [OpeningKind::Preambular, OpeningKind::Operative] {
            let list = &candidates[slot(kind)];
            let habit = marked_repeats[slot(kind)] >= 3 && list.len() == 1;
            for &k in list {
                let current = &paragraphs[k];
                if !same_key(k - 1, k) {
                    continue;
                }
                let further_follows = paragraphs.get(k + 1).is_some_and(|next| {
                    same_head(k, k + 1)
                        && next
                            .opening
                            .as_ref()
                            .and_then(|o| o.marker)
                            .is_some_and(|m| m.word == MarkerWord::Further)
                });
                // The same object (`Requests the Secretary-General` twice): adopted
                // General Assembly texts mark such a repeat in 92 % of operative
                // and all preambular cases.
                let words = match kind {
                    OpeningKind::Operative => 3,
                    OpeningKind::Preambular => 2,
                };
                let same_object = object(&paragraphs[k - 1], words)
                    .is_some_and(|o| Some(o) == object(current, words));
                if !habit && !further_follows && !same_object {
                    continue;
                }
                let Some(opening) = &current.opening else {
                    continue;
                };
                let text = &current.lexed.text;
                let marked_text =
                    with_marker(&written_words(text, opening), kind, Some(MarkerWord::Also));
                let span = Span::in_line(current.line, opening.range);
                let written = &text[opening.range.start..opening.range.end];
                sink.report(
                    span,
                    format!(
                        "The previous paragraph also opens with `{written}`: write `{marked_text}`"
                    ),
                )
                .with_related(
                    Span::point(paragraphs[k - 1].line, paragraphs[k - 1].lexed.body_start),
                    "the previous paragraph",
                )
                .with_fix(Fix::write(span, marked_text));
            }
        }
    }
}

/// The first `count` words after the opening, in lower case.
fn object(paragraph: &Paragraph<'_>, count: usize) -> Option<Vec<String>> {
    let opening = paragraph.opening.as_ref()?;
    let words: Vec<String> = tokenize(&paragraph.lexed.text, opening.range.end, 2 * count + 2)
        .into_iter()
        .filter(|t| t.word)
        .take(count)
        .map(|t| t.text.to_lowercase())
        .collect();
    (words.len() == count).then_some(words)
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n\t2.\tRequests the Secretary-General to report;\n\t3.\tRequests the Secretary-General to act;\n    ^^^^^^^^ VRB008\n\t4.\tFurther requests the Secretary-General to consult.";

    #[test]
    fn a_repeat_before_further_takes_also() {
        check(TEXT);
    }

    #[test]
    fn unmarked_runs_in_unmarked_documents_are_fine() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tRequests the Secretary-General to report;\n\t2.\tRequests Member States to act;\n\t3.\tRequests the Committee to consult.",
        );
    }

    #[test]
    fn a_repeat_with_the_same_object_takes_also() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tRequests the Secretary-General to report;\n\t2.\tRequests the Secretary-General to act;\n    ^^^^^^^^ VRB008\n\t3.\tRequests Member States to consult;\n\t4.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_adds_also() {
        assert!(apply_fix(TEXT, "VRB008").contains("\t3.\tAlso requests the"));
    }
}
