use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A report described in words is not capitalized as a title: "the report of the
    /// Secretary-General on the state of South-South cooperation", not "the Report of
    /// the Secretary-General on the State of South-South Cooperation". Flags a capital
    /// "Report" after "the", "its", "his", "her" or "their" when the report is that of
    /// the Secretary-General, a special rapporteur, an independent expert, a working
    /// group, a committee, a board or the Joint Inspection Unit (exact titles in
    /// quotation marks are left alone). Whether the words after "on" are title case
    /// depends on proper names and is left to people.
    ///
    /// ## Why
    /// CIT014 (official: Editorial Manual, footnotes, "Elements in the reference":
    /// exact titles are quoted, descriptive titles are not).
    ///
    /// ## Example
    /// `Takes note of the Report of the Secretary-General on the state of South-South cooperation;`
    ///
    /// ## Fix
    /// Write `report` in lower case (quick fix), or quote the exact title.
    pub struct DescriptiveTitles {
        code: "CIT014",
        severity: Information,
    }
}

static CAPITAL_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:the|its|his|her|their) (Reports?) of the (?:Secretary-General|Special Rapporteur|Independent Expert|Working Group|Committee|Board|Joint Inspection Unit|High Commissioner)(?-u:\b)")
        .expect("valid regex")
});

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("Report") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    CAPITAL_REPORT
        .captures_iter(text)
        .filter_map(|captures| {
            let word = captures.get(1).expect("group 1");
            (!quotes.inside(text, word.start())).then(|| {
                let lower = word.as_str().to_lowercase();
                Finding::new(
                    word.range(),
                    format!("A report described in words is not capitalized: `{lower}`"),
                    Some(lower),
                )
            })
        })
        .collect()
}

impl LineRule for DescriptiveTitles {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        if !is_body_role(role) || !at.own {
            return;
        }
        for finding in check_line(&line.text) {
            sink.report_finding(index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn capital_report() {
        check(
            "\tThe General Assembly,\n\tTaking note of the Report of the Secretary-General on the state of South-South cooperation and of the report entitled “The Report of the Board”,\n\t                   ^^^^^^ CIT014\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_lowers_the_word() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\t1.\tTakes note of the Report of the Secretary-General.",
            "CIT014",
        );
        assert!(
            fixed.contains("of the report of the Secretary-General."),
            "{fixed}"
        );
    }
}
