use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::numbering::Issue;

declare_rule! {
    /// ## What it checks
    /// In a resolution divided into sections (I, II …), either every section
    /// restarts its operative numbering at 1 or every section continues from the one
    /// before. The second numbered section sets the style; a later section that does
    /// the opposite is reported.
    ///
    /// ## Why
    /// NUM009 (attested in adopted texts, AKN4UN examples 68/247 A and 69/96 B): both
    /// styles occur, mixing them does not.
    ///
    /// ## Example
    /// Section I `1.`–`12.`, section II `1.`–`4.`, section III `17.` …
    ///
    /// ## Fix
    /// Renumber the section in the style of the others (use NUM001's fix once the
    /// style is settled).
    pub struct SectionNumbering {
        code: "NUM009",
        severity: Warning,
    }
}

impl Rule for SectionNumbering {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the numbering plan, built from roles, segments and number shapes.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let plan = context.numbering();
        for issue in &plan.issues {
            if let Issue::MixedSectionStyle { index, restarts } = *issue {
                let paragraph = plan.paragraphs[index];
                let message = if restarts {
                    "This section restarts its numbering at 1, but the sections before it continue the numbering"
                } else {
                    "This section continues the numbering, but the sections before it restart at 1"
                };
                sink.report(paragraph.digits, message);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn mixed_styles_are_reported() {
        check(
            "\tThe General Assembly,\n\tI\n\t1.\tDecides;\n\t2.\tRequests;\n\tII\n\t1.\tDecides;\n\tIII\n\t2.\tDecides.\n\t^ NUM009",
        );
    }

    #[test]
    fn lettered_subsections_share_their_section_numbering() {
        check(
            "\tThe General Assembly,\n\tI\n\t1.\tDecides;\n\tII\n\t1.\tDecides;\n\tA\n\t2.\tDecides;\n\tB\n\t3.\tDecides;\n\tIII\n\t1.\tDecides.",
        );
    }

    #[test]
    fn one_style_is_quiet() {
        check(
            "\tThe General Assembly,\n\tI\n\t1.\tDecides;\n\tII\n\t2.\tDecides;\n\tIII\n\t3.\tDecides.",
        );
    }
}
