use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::{MarkerWord, head_of};
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// In a run of paragraphs with the same opening verb the first is plain, the
    /// second takes `Also`, the third `Further`. Reported: an `Also` that comes
    /// after a `Further` of the same verb.
    ///
    /// ## Why
    /// VRB006 (adopted texts; the seed A/RES/68/230: Takes note of · Also takes
    /// note of · Further takes note of).
    ///
    /// ## Example
    /// `1. Takes note …;` `2. Further takes note …;` `3. Also takes note …;`
    ///
    /// ## Fix
    /// Swap the two markers.
    pub struct MarkerOrder {
        code: "VRB006",
        severity: Warning,
    }
}

impl Rule for MarkerOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings (`paragraphs()`): their heads and markers, and the markers as written.
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
        let paragraphs = context.paragraphs();
        for (k, paragraph) in paragraphs.iter().enumerate() {
            let Some(opening) = &paragraph.opening else {
                continue;
            };
            let Some(also) = opening.marker.filter(|m| m.word == MarkerWord::Also) else {
                continue;
            };
            let head = head_of(opening);
            // The nearest earlier paragraph with the same verb.
            let earlier = paragraphs[..k].iter().rev().find(|p| {
                p.part == paragraph.part
                    && p.kind == paragraph.kind
                    && p.opening.as_ref().is_some_and(|o| head_of(o) == head)
            });
            let Some(earlier) = earlier else {
                continue;
            };
            let Some(further) = earlier
                .opening
                .as_ref()
                .and_then(|o| o.marker)
                .filter(|m| m.word == MarkerWord::Further)
            else {
                continue;
            };
            let span = Span::in_line(paragraph.line, also.range);
            let further_span = Span::in_line(earlier.line, further.range);
            let also_text = &paragraph.lexed.text[also.range.start..also.range.end];
            let further_text = &earlier.lexed.text[further.range.start..further.range.end];
            sink.report(
                span,
                format!("`{also_text}` comes before `{further_text}`: the second paragraph with the same verb takes `Also`, the third `Further`"),
            )
            .with_related(further_span, "the earlier `Further`")
            .with_fix(Fix {
                safe: true,
                title: "Swap `Also` and `Further`".to_owned(),
                edits: vec![
                    Edit::new(span, same_case(also_text, "further")),
                    Edit::new(further_span, same_case(further_text, "also")),
                ],
            });
        }
    }
}

fn same_case(model: &str, word: &str) -> String {
    if model.starts_with(char::is_uppercase) {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of the report;\n\t2.\tFurther takes note of the note;\n\t3.\tAlso takes note of the letter.\n    ^^^^ VRB006";

    #[test]
    fn also_before_further() {
        check(TEXT);
    }

    #[test]
    fn fix_swaps_the_markers() {
        let fixed = apply_fix(TEXT, "VRB006");
        assert!(
            fixed.contains("\t2.\tAlso takes note") && fixed.contains("\t3.\tFurther takes note")
        );
    }
}
