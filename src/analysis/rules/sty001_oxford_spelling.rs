use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{self, StyleLine, in_case_of};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Oxford spelling: words the UN writes with -ize/-ization (`organization`,
    /// `recognizes`, `emphasizing`, `stabilization`) written with -ise, and the
    /// words that keep -yse or a root -ise (`analyse`, `advise`, `comprise`)
    /// written with -yze/-ize. The list (`data/style/spelling.tsv`) holds the
    /// -ize stems the 3,579 adopted texts themselves use. Quotations and names
    /// that keep their owners' spelling ("Organisation for the Prohibition of
    /// Chemical Weapons") are left alone, and so are "the Organisation" in a text
    /// that names such a body, the capitalized names of other bodies' plans
    /// ("Plan of Action to Prevent and Counter the Rise of Radicalisation"),
    /// footnotes and annexes.
    /// Security Council texts are drafted by their penholders and some keep
    /// British -ise spelling throughout (2,150 such words in 150 of the 1,460
    /// adopted Council texts we have): there the rule informs.
    ///
    /// ## Why
    /// STY001 (`OFFICIAL`: the Editorial Manual takes the Concise Oxford English
    /// Dictionary as its authority, first-listed form: -ize, but -yse and root
    /// -ise). Spelling checkers set to British English flag exactly the UN's
    /// forms, and those set to US English accept `analyze`.
    ///
    /// ## Example
    /// `Recognising the role of regional organisations,` → `Recognizing`,
    /// `organizations`; `to analyze the data` → `analyse`.
    ///
    /// ## Fix
    /// Write the UN form, in the case of the word written.
    pub struct OxfordSpelling {
        code: "STY001",
        severity: Warning,
    }
}

impl LineRule for OxfordSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        let level = line.facts.council_level(Severity::Warning);
        let names_an_organisation = || line.facts.names_an_organisation;
        check_line(style, level, &names_an_organisation, sink);
    }
}

fn check_line(
    line: &StyleLine<'_>,
    level: Severity,
    names_an_organisation: &dyn Fn() -> bool,
    sink: &mut Sink<'_>,
) {
    for (word, entry) in style::misspelled("STY001", line) {
        let the_organisation = word.text == "Organisation" && names_an_organisation();
        if the_organisation || style::in_proper_name(line.text(), word.start, word.end) {
            continue;
        }
        let right = in_case_of(word.text, entry.right);
        let why = match entry.note {
            "-yse" => "the UN keeps -yse",
            "root -ise" => "the -ise is part of the word",
            _ => "the UN writes -ize",
        };
        let span = Span::new(line.index, word.start, word.end);
        sink.report_at(level, span, format!("UN spelling is `{right}` ({why})"))
            .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\tRecognising the role of regional organisations and the Organisation for the Prohibition of Chemical Weapons,
\t^^^^^^^^^^^ STY001
\t                                 ^^^^^^^^^^^^^ STY001
\t1.\tRequests the Secretary-General to analyze the “Harmonised Standards”;
\t                                     ^^^^^^^ STY001
\t2.\tEmphasizes that the organization will analyse and advise, and ORGANISATIONS comply.
\t                                                                 ^^^^^^^^^^^^^ STY001
\t3.\tDecides to remain seized of the matter.
\t_______________
\t1 Report of the Organisation, realised in 2020.";

    #[test]
    fn ise_forms_and_yze_forms() {
        check(TEXT);
    }

    #[test]
    fn fix_keeps_the_case() {
        let fixed = apply_fix(TEXT, "STY001");
        assert!(fixed.contains("\tRecognizing the role"), "{fixed}");
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(
            "\tThe Security Council,\n\t1.\tRecognises the role of the mission.\n\t   ^^^^^^^^^^ STY001",
        );
        assert_eq!(found[0].severity, crate::analysis::Severity::Information);
    }

    #[test]
    fn a_council_text_without_its_organ_line() {
        let found = check(
            "Adopted by the Security Council on 27 April 2021\n\n\tRecognising the need to act,\n\t^^^^^^^^^^^ STY001\n\t1.\tDecides to remain seized of the matter.",
        );
        assert_eq!(found[0].severity, crate::analysis::Severity::Information);
    }

    #[test]
    fn texts_in_other_languages_are_not_read() {
        check(
            "\tL’Assemblée générale,\n\t1.\tInvite les États Membres et les organisations de la société civile à célébrer la Journée ;",
        );
    }

    #[test]
    fn annexes_are_not_the_resolution_s_own_text() {
        check(
            "\tThe General Assembly,\n\t1.\tAdopts the Convention annexed to the present resolution.\nAnnex\n\tThe organisation of work shall be decided by the Parties.",
        );
    }
}
