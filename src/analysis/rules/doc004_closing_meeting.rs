use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::symbol::Organ;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// The closing meeting line of a General Assembly or ECOSOC resolution: the
    /// meeting as an ordinal in figures with its English suffix and then
    /// "plenary meeting" in lower case: `71st plenary meeting`, `112th plenary
    /// meeting` (1 → st, 2 → nd, 3 → rd, otherwise th; 11, 12 and 13 take th).
    ///
    /// ## Why
    /// DOC004 (Editorial Manual, resolutions C; AKN4UN part 3 conclusions; every
    /// adopted text). Human Rights Council texts close with "Nth meeting"
    /// (DOC006); drafts have no closing line at all (DRF004). A meeting spelled
    /// out in words (`Seventy-first plenary meeting`) is not recognized as a
    /// closing line and left to people. The French and Spanish closing lines of
    /// texts left untranslated (`62e séance plénière`, `62ª sesión plenaria`)
    /// close the body too and keep their own form.
    ///
    /// ## Example
    /// `71 plenary meeting`, `71th plenary meeting` and `71st Plenary Meeting`
    /// should be `71st plenary meeting`.
    ///
    /// ## Fix
    /// Write the line in its standard form.
    pub struct ClosingMeeting {
        code: "DOC004",
        severity: Error,
    }
}

/// The English ordinal suffix of `n`.
pub(crate) fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A closing meeting line split into its number, the words after the number
/// (suffix included) and whether it says "(resumed)".
pub(crate) struct MeetingLine<'a> {
    pub number: u64,
    pub written: &'a str,
    pub resumed: bool,
    pub plenary: bool,
}

pub(crate) fn meeting_line(text: &str) -> Option<MeetingLine<'_>> {
    let written = text.trim();
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    let number = written[..digits].parse().ok()?;
    let lower = written.to_lowercase();
    if !lower.contains("meeting") {
        // `62e séance plénière`, `62ª sesión plenaria`: the closing line of a
        // text left in French or Spanish, which has its own form.
        return None;
    }
    Some(MeetingLine {
        number,
        written,
        resumed: lower.contains("(resumed)"),
        plenary: lower.contains("plenary"),
    })
}

impl MeetingLine<'_> {
    /// The line as it should be written, with or without "plenary".
    pub(crate) fn standard(&self, plenary: bool) -> String {
        format!(
            "{}{}{} {}meeting",
            self.number,
            ordinal_suffix(self.number),
            if self.resumed { " (resumed)" } else { "" },
            if plenary { "plenary " } else { "" }
        )
    }
}

impl Rule for ClosingMeeting {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads closing meeting lines, the organ and the kind, never paragraph text.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !matches!(
            context.organ(),
            None | Some(Organ::GeneralAssembly | Organ::EconomicAndSocialCouncil)
        ) || context.kind().is_draft()
        {
            return;
        }
        for (index, line, role) in context.tree.iter() {
            if role != Role::ClosingMeeting {
                continue;
            }
            let Some(meeting) = meeting_line(&line.text) else {
                continue;
            };
            // GA and ECOSOC meet in plenary; a line without "plenary" is a
            // committee's or another body's and keeps its form.
            let wanted = meeting.standard(meeting.plenary);
            if meeting.written == wanted {
                continue;
            }
            let span = Span::new(index, line.indent, line.indent + meeting.written.len());
            sink.report(
                span,
                format!("Write the closing meeting line as `{wanted}`"),
            )
            .with_fix(Fix::write(span, wanted));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ordinal_suffix;
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn suffixes() {
        let got: Vec<&str> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111, 112, 101]
            .map(ordinal_suffix)
            .to_vec();
        assert_eq!(
            got,
            [
                "st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "rd", "th", "th", "st"
            ]
        );
    }

    #[test]
    fn malformed_meeting_lines() {
        for (line, carets) in [
            ("71 plenary meeting", "^^^^^^^^^^^^^^^^^^"),
            ("71th plenary meeting", "^^^^^^^^^^^^^^^^^^^^"),
            ("71st Plenary Meeting", "^^^^^^^^^^^^^^^^^^^^"),
        ] {
            check(&format!(
                "\tThe General Assembly\n\t1.\tDecides.\n\n{line}\n{carets} DOC004\n20 December 2013"
            ));
        }
        check("\tThe General Assembly\n\t1.\tDecides.\n\n112th plenary meeting\n20 December 2013");
        check(
            "\tThe General Assembly\n\t1.\tDecides.\n\n52nd (resumed) plenary meeting\n20 December 2013",
        );
    }

    #[test]
    fn french_and_spanish_closing_lines_keep_their_form() {
        check("\tThe General Assembly\n\t1.\tDecides.\n\n62e séance plénière\n28 avril 2021");
        check("\tThe General Assembly\n\t1.\tDecides.\n\n62ª sesión plenaria\n28 de abril de 2021");
    }

    #[test]
    fn fix_writes_the_suffix() {
        let fixed = apply_fix(
            "\tThe General Assembly\n\t1.\tDecides.\n\n72 plenary meeting\n20 December 2013",
            "DOC004",
        );
        assert!(fixed.contains("\n72nd plenary meeting\n"));
    }
}
