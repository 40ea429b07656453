use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::{Finding, OpeningKind, finding};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// An operative paragraph opens with a verb in the present tense, third person
    /// singular: the subject is the organ ("The General Assembly … requests").
    /// Reported: the bare form (`Request`), the past (`Requested`), the infinitive
    /// (`To request`) and the gerund (`Requesting`) of a listed verb.
    ///
    /// ## Why
    /// VRB002 (Editorial Manual, resolutions, II.C). A text in French or Spanish
    /// (more " de " than " the ": `Invite`, `Prie` are its own verbs) is left
    /// alone.
    ///
    /// ## Example
    /// `12. Requesting the Secretary-General to report …;`
    ///
    /// ## Fix
    /// Write the verb in the present tense: `Requests`.
    pub struct OperativeVerbForm {
        code: "VRB002",
        severity: Error,
    }
}

impl Rule for OperativeVerbForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the whole text of operative ones without one (`finding`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::UNOPENED
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.english() {
            // `Invite`, `Prie`: the French verbs of a French text.
            return;
        }
        let extras = context.extras();
        for paragraph in context.paragraphs() {
            if paragraph.kind != OpeningKind::Operative || paragraph.opening.is_some() {
                continue;
            }
            let line = paragraph.lexed;
            let Some(Finding::WrongForm {
                range,
                written,
                replacement: Some(replacement),
            }) = finding(
                &line.text,
                line.remaining_start(),
                OpeningKind::Operative,
                extras,
            )
            else {
                continue;
            };
            let replacement = if range.start > line.remaining_start() {
                replacement.to_lowercase()
            } else {
                replacement
            };
            let span = Span::in_line(paragraph.line, range);
            sink.report(
                span,
                format!(
                    "Open an operative paragraph with a verb in the present tense: `{replacement}`, not `{written}`"
                ),
            )
            .with_fix(Fix::write(span, replacement));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tRequesting the Secretary-General to report;\n    ^^^^^^^^^^ VRB002\n\t2.\tTo decide to continue;\n    ^^^^^^^^^ VRB002\n\t3.\tAlso decided to act.\n         ^^^^^^^ VRB002";

    #[test]
    fn a_subject_before_the_verb_is_reported_and_dropped() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tThe Assembly requests the Secretary-General to report;\n    ^^^^^^^^^^^^^^^^^^^^^ VRB002\n\t3.\tWe request a report.\n    ^^^^^^^^^^ VRB002";
        check(text);
        let fixed = apply_fix(text, "VRB002");
        assert!(
            fixed.contains("\t2.\tRequests the Secretary-General"),
            "{fixed}"
        );
    }

    #[test]
    fn wrong_forms_of_operative_verbs() {
        check(TEXT);
    }

    #[test]
    fn a_french_text_keeps_its_verbs() {
        check(
            "\tL’Assemblée générale,\n\tRappelant la résolution 53/199 de l’Assemblée et la résolution de la Commission de la condition de la femme,\n\t1.\tInvite les États Membres de la région à agir ;",
        );
    }

    #[test]
    fn fix_writes_the_present_tense() {
        let fixed = apply_fix(TEXT, "VRB002");
        assert!(fixed.contains("\t1.\tRequests the Secretary-General"));
    }
}
