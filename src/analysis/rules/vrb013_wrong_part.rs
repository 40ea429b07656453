use super::vrb001_preambular_form::followed_in_part;
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::{Finding, OpeningKind, finding, finite_verb_follows};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A preambular paragraph that opens with an operative verb (`Recalls`,
    /// `Takes note of`), or an operative paragraph that opens with a preambular
    /// participle or adjective (`Recalling`, `Deeply concerned`).
    ///
    /// ## Why
    /// VRB013 (Editorial Manual, resolutions, II.C: preambular paragraphs begin
    /// with a participle or adjective, operative paragraphs with a verb in the
    /// present tense). Such a paragraph is usually misplaced or mistyped.
    /// Unnumbered paragraphs after the last preambular opening of a part without
    /// numbered paragraphs (`Approves the report …`, `Adopts the following
    /// declaration:`) are operative and not reported, nor is an
    /// operative paragraph whose participle introduces a finite verb (`Acting
    /// under Chapter VII …, authorizes`) or a list (`Acting under Chapter VII …:`).
    ///
    /// ## Example
    /// `Recalls its resolution 64/222,` in the preamble; `5. Recalling its
    /// resolution 64/222;` in the operative part.
    ///
    /// ## Fix
    /// Write the opening in the form of its part (`Recalling`, `Recalls`) when the
    /// lists have it.
    pub struct WrongPart {
        code: "VRB013",
        severity: Error,
    }
}

impl Rule for WrongPart {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the whole text of those without one (`finding`, `finite_verb_follows` reads the first clause, the final mark).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::UNOPENED
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let extras = context.extras();
        let paragraphs = context.paragraphs();
        let preamble_goes_on = followed_in_part(paragraphs, |p| {
            p.kind == OpeningKind::Operative
                || p.opening
                    .as_ref()
                    .is_some_and(|o| o.kind == OpeningKind::Preambular)
        });
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if paragraph.opening.is_some() {
                continue;
            }
            let line = paragraph.lexed;
            // `16. Acting under Chapter VII of the Charter of the United Nations,` with
            // the decisions in the subparagraphs: a lead-in ends with a colon or a
            // comma.
            let lead_in = match paragraph.kind {
                OpeningKind::Operative => matches!(line.final_char(), Some((_, ':' | ','))),
                OpeningKind::Preambular => matches!(line.final_char(), Some((_, ':'))),
            };
            let acting = line.body().starts_with("Acting ");
            if paragraph.kind == OpeningKind::Operative
                && ((acting && lead_in) || finite_verb_follows(&line.text, line.remaining_start()))
            {
                continue;
            }
            if paragraph.kind == OpeningKind::Preambular {
                // In a preamble: numbered paragraphs follow, or more preambular
                // paragraphs do (a resolution without numbered paragraphs).
                if !preamble_goes_on[i] || lead_in {
                    continue;
                }
            }
            let Some(Finding::OtherPart {
                range,
                written,
                replacement,
            }) = finding(&line.text, line.remaining_start(), paragraph.kind, extras)
            else {
                continue;
            };
            let span = Span::in_line(paragraph.line, range);
            let after_marker = range.start > line.remaining_start();
            let replacement = replacement.map(|r| if after_marker { r.to_lowercase() } else { r });
            let message = match paragraph.kind {
                OpeningKind::Preambular => format!(
                    "`{written}` opens operative paragraphs: open a preambular paragraph with a participle or adjective{}",
                    suggestion(replacement.as_deref())
                ),
                OpeningKind::Operative => format!(
                    "`{written}` opens preambular paragraphs: open an operative paragraph with a verb in the present tense{}",
                    suggestion(replacement.as_deref())
                ),
            };
            let diagnostic = sink.report(span, message);
            if let Some(replacement) = replacement {
                diagnostic.with_fix(Fix::write(span, replacement));
            }
        }
    }
}

fn suggestion(replacement: Option<&str>) -> String {
    replacement.map_or_else(String::new, |r| format!(" (`{r}`)"))
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalls its resolution 64/222,\n ^^^^^^^ VRB013\n\tNoting the report of the Secretary-General,\n\t1.\tRecalling its resolution 33/134;\n    ^^^^^^^^^ VRB013\n\t2.\tActing under Chapter VII of the Charter of the United Nations, decides to continue;\n\t3.\tDecides to remain seized of the matter.";

    #[test]
    fn openings_of_the_other_part() {
        check(TEXT);
    }

    #[test]
    fn a_participle_before_a_later_finite_verb_is_operative() {
        check(
            "\tThe Security Council,\n\tRecalling its resolutions,\n\t1.\tActing under Chapter VII of the Charter of the United Nations, and in accordance with the proposal contained in paragraph 14, authorizes Member States to act;\n\t2.\tNoting the relevance of the establishment of a government, further decides that the measures shall apply;\n\t3.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn declarations_and_single_paragraphs_are_not_checked() {
        check(
            "\tThe General Assembly,\n\tHaving considered the report,\n\tApproves the report of the Credentials Committee.\n\n44th plenary meeting\n20 December 2013\n\n\tThe General Assembly,\n\tAdopts the following declaration:\n\t1.\tReaffirm our commitment to multilateralism.",
        );
    }

    #[test]
    fn fix_converts_the_opening() {
        let fixed = apply_fix(TEXT, "VRB013");
        assert!(fixed.contains("\tRecalling its resolution"));
    }
}
