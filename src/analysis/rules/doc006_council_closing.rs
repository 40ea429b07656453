use super::doc004_closing_meeting::meeting_line;
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::symbol::Organ;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// A Human Rights Council resolution closes with "Nth meeting" (not
    /// "plenary meeting"), the date, then the bracketed adoption note
    /// ("[Adopted without a vote.]").
    ///
    /// ## Why
    /// DOC006 (recalled from HRC texts, not re-verified: a hint). Only the
    /// meeting line is checked; the adoption note's wording is left to people.
    ///
    /// ## Example
    /// `53rd plenary meeting` in an HRC text should be `53rd meeting`.
    ///
    /// ## Fix
    /// Write `Nth meeting`.
    pub struct CouncilClosing {
        code: "DOC006",
        severity: Hint,
    }
}

impl Rule for CouncilClosing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads closing meeting lines, the organ and the kind only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.organ() != Some(Organ::HumanRightsCouncil) || context.kind().is_draft() {
            return;
        }
        for (index, line, role) in context.tree.iter() {
            if role != Role::ClosingMeeting {
                continue;
            }
            let Some(meeting) = meeting_line(&line.text) else {
                continue;
            };
            let wanted = meeting.standard(false);
            if meeting.written == wanted {
                continue;
            }
            let span = Span::new(index, line.indent, line.indent + meeting.written.len());
            sink.report(
                span,
                format!("Human Rights Council resolutions close with `{wanted}`"),
            )
            .with_fix(Fix::write(span, wanted));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn plenary_meeting_in_a_council_text() {
        check(
            "\tThe Human Rights Council\n\t1.\tDecides.\n\n53rd plenary meeting\n^^^^^^^^^^^^^^^^^^^^ DOC006\n27 March 2014\n[Adopted without a vote.]",
        );
        check(
            "\tThe Human Rights Council\n\t1.\tDecides.\n\n53rd meeting\n27 March 2014\n[Adopted without a vote.]",
        );
        check("\tThe General Assembly\n\t1.\tDecides.\n\n53rd plenary meeting\n27 March 2014");
    }
}
