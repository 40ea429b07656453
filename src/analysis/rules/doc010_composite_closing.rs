use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// In a composite resolution (parts `A`, `B` … adopted under one number and
    /// issued together), every part ends with its own closing lines: the meeting
    /// line and the date. A part heading that comes while the previous part is
    /// still open is reported, when the text has closing lines at all.
    ///
    /// ## Why
    /// DOC010 (Editorial Manual, resolutions B.1; AKN4UN part 3, 69/96 A–B:
    /// each part has its own heading, its own numbering and its own closing
    /// line). The parts may be adopted at different meetings, so one closing
    /// line cannot stand for two. Every composite resolution of the corpus and
    /// the extended set closes each part. Each part's numbering restarting at 1
    /// is NUM001's; drafts have no closing lines at all (DRF004).
    ///
    /// ## Example
    /// ```text
    /// A
    /// The General Assembly,
    /// …
    /// 2. Also decides to act.
    /// B                           ← part A has no closing lines
    /// The General Assembly,
    /// …
    /// 64th plenary meeting
    /// 5 December 2014
    /// ```
    ///
    /// ## Fix
    /// Give the part before the heading its meeting line and date.
    pub struct CompositeClosing {
        code: "DOC010",
        severity: Warning,
    }
}

impl Rule for CompositeClosing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads part headings, closing lines and roles only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.kind().is_draft() {
            return;
        }
        let tree = context.tree;
        let closes = tree
            .iter()
            .any(|(_, _, role)| matches!(role, Role::ClosingMeeting));
        if !closes {
            return;
        }
        // The letter of the part still open, if one is.
        let mut open: Option<&str> = None;
        for (index, line, role) in tree.iter() {
            match role {
                Role::PartHeading {
                    composite: true, ..
                } => {
                    if let Some(previous) = open {
                        sink.report(
                            Span::new(index, line.body_start, line.text.trim_end().len()),
                            format!(
                                "Part {previous} has no closing lines of its own: each part of a composite resolution ends with its meeting line and date"
                            ),
                        );
                    }
                    open = Some(line.body().trim());
                }
                Role::ClosingMeeting => open = None,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn part_without_closing_lines() {
        check(
            "69/96.\tQuestions relating to information\n\nA\n\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tDecides to act.\n\nB\n^ DOC010\n\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tDecides to act.\n\n64th plenary meeting\n5 December 2014",
        );
    }

    #[test]
    fn every_part_closed() {
        check(
            "69/96.\tQuestions relating to information\n\nA\n\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tDecides to act.\n\n64th plenary meeting\n5 December 2014\n\nB\n\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tDecides to act.\n\n64th plenary meeting\n5 December 2014",
        );
    }
}
