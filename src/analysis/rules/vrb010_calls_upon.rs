use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// General Assembly (and ECOSOC, Human Rights Council) house style is `Calls
    /// upon`, not `Calls on` (and `Calling upon` in the preamble). Security
    /// Council texts use both and are not checked.
    ///
    /// ## Why
    /// VRB010 (house practice; the seed A/RES/68/230, paragraph 12).
    ///
    /// ## Example
    /// `12. Calls on the Office for South-South Cooperation to …;`
    ///
    /// ## Fix
    /// Write `Calls upon`.
    pub struct CallsUpon {
        code: "VRB010",
        severity: Hint,
    }
}

impl Rule for CallsUpon {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings (`paragraphs()`) and the words of `Calls on` as written.
    fn reads(&self) -> Reads {
        Reads::OPENINGS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.security_council() {
            return;
        }
        for paragraph in context.paragraphs() {
            let Some(opening) = &paragraph.opening else {
                continue;
            };
            if !matches!(&*opening.canonical, "Calls on" | "Calling on") {
                continue;
            }
            let text = &paragraph.lexed.text;
            // The last word of the phrase is `on`.
            let on = opening.phrase.end - 2;
            if !text[on..opening.phrase.end].eq_ignore_ascii_case("on") {
                continue;
            }
            let span = Span::new(paragraph.line, on, opening.phrase.end);
            let verb = &text[opening.phrase.start..on].trim_end();
            sink.report(
                span,
                format!("General Assembly style is `{verb} upon`, not `{verb} on`"),
            )
            .with_fix(Fix {
                safe: true,
                title: "Write `upon`".to_owned(),
                edits: vec![Edit::new(span, "upon")],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n\t2.\tCalls on all States to act.\n          ^^ VRB010";

    #[test]
    fn calls_upon() {
        check(TEXT);
    }

    #[test]
    fn security_council_uses_both() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 1325 (2000),\n\t1.\tCalls on all States to act.",
        );
    }

    #[test]
    fn fix_writes_upon() {
        assert!(apply_fix(TEXT, "VRB010").contains("\t2.\tCalls upon all States"));
    }
}
