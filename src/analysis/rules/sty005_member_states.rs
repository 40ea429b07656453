use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::StyleLine;
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// `Member States` and `Member State` with capitals, no hyphen: `member
    /// states`, `Member states` and `member-states` are reported, and so is
    /// `member States of the United Nations`. A lower-case `member States` is
    /// right for the members of another organization ("OAU member States") and
    /// is not reported: whether a lower-case `member States` means the Members of
    /// the United Nations is left to people. Security Council penholders often
    /// write `member states` (92 of the 1,460 adopted Council texts we have, UK
    /// and US drafts alike), so in Council texts the rule informs.
    ///
    /// ## Why
    /// STY005 (`ATTESTED`: the adopted texts write "Member States" for the
    /// Members of the United Nations and "member States" for those of other
    /// organizations; a State is always "State").
    ///
    /// ## Example
    /// `invites all member states to enhance …` · `Member states`.
    ///
    /// ## Fix
    /// Write `Member States` (or `member States` for another organization's
    /// members).
    pub struct MemberStates {
        code: "STY005",
        severity: Warning,
    }
}

impl LineRule for MemberStates {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.security_council, sink);
    }
}

fn check_line(line: &StyleLine<'_>, council: bool, sink: &mut Sink<'_>) {
    for (start, end, term) in line.terms_of("STY005") {
        let span = Span::new(line.index, start, end);
        let written = &line.text()[start..end];
        let level = if council {
            Severity::Information
        } else {
            term.level
        };
        let diagnostic = sink
            .report_at(
                level,
                span,
                format!("Write `{}` ({})", term.right, term.note),
            )
            .with_fix(Fix::write(span, term.right));
        // `member states` may mean the members of another organization.
        if written.starts_with('m') && !term.right.contains("United Nations") {
            diagnostic.with_fix(Fix::write(span, term.right.replacen('M', "m", 1)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tInvites all member states and every Member state to act, with OAU member States;
\t               ^^^^^^^^^^^^^ STY005
\t                                       ^^^^^^^^^^^^ STY005
\t2.\tCalls upon member States of the United Nations and member-states to act.
\t              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ STY005
\t                                                      ^^^^^^^^^^^^^ STY005";

    #[test]
    fn member_states_forms() {
        check(TEXT);
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(
            "\tThe Security Council,\n\t1.\tCalls upon member states to act.\n\t              ^^^^^^^^^^^^^ STY005",
        );
        assert_eq!(found[0].severity, crate::analysis::Severity::Information);
    }

    #[test]
    fn fix_writes_capitals() {
        assert!(apply_fix(TEXT, "STY005").contains("all Member States and"));
    }
}
