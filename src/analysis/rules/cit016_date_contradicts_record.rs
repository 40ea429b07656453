use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::catalog::Record;
use crate::analysis::{Edit, Fix};

declare_rule! {
    /// ## What it checks
    /// A resolution cited with a date ("its resolution 64/222 of 22 December
    /// 2009") when the record of adopted resolutions gives another adoption date.
    /// Only dates the record holds with high or medium confidence are compared, and
    /// only for resolutions of the organ the citation names (a Security Council
    /// text's "its resolution" is a Council resolution; "resolution 4/2 of the
    /// United Nations Environment Assembly" is not looked up at all).
    ///
    /// ## Why
    /// CIT001 requires the date of adoption at the first citation; a wrong date
    /// sends the reader to the wrong text. Not a rule of the drafting spec (which
    /// has no ID for it): CIT016 is this project's check against the record. The
    /// record agrees with dates cited in adopted texts in 1,957 of 1,965 cases;
    /// the 8 others are errors in the adopted texts themselves.
    ///
    /// ## Example
    /// `Reaffirming its resolution 64/222 of 22 December 2009,` – the record has
    /// 21 December 2009.
    ///
    /// ## Fix
    /// Write the recorded date.
    pub struct DateContradictsRecord {
        code: "CIT016",
        severity: Warning,
    }
}

impl Rule for DateContradictsRecord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations and the record only.
    fn reads(&self) -> Reads {
        Reads::CITATIONS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for citation in &context.citations.list {
            for item in &citation.items {
                let (Some(cited), Some(date_span)) = (item.date, item.date_span) else {
                    continue;
                };
                let recorded: Vec<_> = item
                    .symbols
                    .iter()
                    .filter_map(|s| context.catalog.get(s))
                    .filter_map(|r: &Record| Some((r.adoption_date()?, r)))
                    .collect();
                // A shared date ("68/247 A and B of …") is wrong only if it fits no part.
                if recorded.is_empty() || recorded.iter().any(|(date, _)| *date == cited) {
                    continue;
                }
                let (date, record) = recorded[0];
                sink.report(
                    date_span,
                    format!(
                        "The record has resolution {} adopted on {date}, not {cited}",
                        record.citation()
                    ),
                )
                .with_fix(Fix {
                    safe: true,
                    title: format!("Write the recorded date, {date}"),
                    edits: vec![Edit::new(date_span, date.to_string())],
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};
    use crate::analysis::{Config, Diagnostic, analyze};
    use crate::syntax::Tree;

    #[test]
    fn wrong_date_is_flagged() {
        check(
            "\tThe General Assembly,\n\tReaffirming its resolution 64/222 of 22 December 2009, in which it endorsed the Nairobi outcome document,\n\t                                     ^^^^^^^^^^^^^^^^ CIT016\n\t1.\tDecides.",
        );
    }

    #[test]
    fn right_dates_and_other_bodies_are_quiet() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 57/270 B of 23 June 2003 and 64/222 of 21 December 2009, Security Council resolution 1325 (2000) of 31 October 2000 and resolution 4/2 of the United Nations Environment Assembly of 15 March 2019,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn a_number_dated_outside_its_assembly_session_is_another_bodys() {
        // Human Rights Council resolution 42/3 (2019) is not General Assembly
        // resolution 42/3 (1987), nor is a regional commission's 73/8 of 2017.
        check(
            "\tThe General Assembly,\n\tRecalling the resolutions and decisions of the Human Rights Council, the most recent of which being resolutions 42/3 of 26 September 2019,\n\tNoting the work of the Economic and Social Commission for Asia and the Pacific in its resolution 73/8 of 19 May 2017,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn citing_organ_decides_whose_resolution() {
        // In a Security Council text, "its resolution 2086 (2013)" is the Council's.
        check(
            "\tThe Security Council,\n\tRecalling its resolution 2086 (2013) of 21 January 2013,\n\t1.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn changed_date_in_an_adopted_resolution() {
        let seed =
            std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed resolution");
        let tree = Tree::parse(&seed);
        let record_codes = |tree: &Tree| -> Vec<Diagnostic> {
            analyze(tree, &Config::default())
                .into_iter()
                .filter(|d| d.code.starts_with("CIT") || d.code.starts_with("SYM"))
                .collect()
        };
        assert_eq!(record_codes(&tree), []);
        let edited = seed.replace("33/134 of 19 December 1978", "33/134 of 18 December 1978");
        let tree = Tree::parse(&edited);
        let found = record_codes(&tree);
        assert_eq!(found.len(), 1, "{found:?}");
        let line = &tree.lines()[found[0].span.line].text;
        assert!(line.starts_with("\tReaffirming also its resolution 33/134"));
        assert_eq!(
            &line[found[0].span.start..found[0].span.end],
            "18 December 1978"
        );
        assert_eq!(found[0].fixes[0].edits[0].new_text, "19 December 1978");
    }

    #[test]
    fn fix_writes_the_recorded_date() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tReaffirming its resolution 64/222 of 22 December 2009, in which\n\t1.\tDecides.",
            "CIT016",
        );
        assert!(fixed.contains("64/222 of 21 December 2009, in which"));
    }
}
