use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// An agenda item named after "entitled" stands in double quotation marks: "under
    /// the item entitled “Operational activities for development”". Flags an item or
    /// sub-item title after "entitled" without an opening double quotation mark, and a
    /// title after "entitled" in single quotation marks that are not nested inside a
    /// double-quoted title. Titles of publications after "entitled" are italic in the
    /// printed text and unquoted in plain text, so only agenda items are checked for a
    /// missing quotation mark. A hint in Security Council texts.
    ///
    /// ## Why
    /// PUN009 (official: Editorial Manual, footnotes, United Nations sources: exact
    /// titles in quotation marks).
    ///
    /// ## Example
    /// `under the item entitled Operational activities for development`
    ///
    /// ## Fix
    /// Put the title in double quotation marks (quick fix for single quotation marks).
    pub struct EntitledQuotes {
        code: "PUN009",
        severity: Warning,
    }
}

static UNQUOTED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:sub-)?items? entitled ([A-Z][^,;:]*)").expect("valid regex")
});

static SINGLE_QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)entitled (‘[^’]+’)(?:[^\p{L}]|$)").expect("valid regex"));

fn check_line(text: &str, council: bool) -> Vec<Finding> {
    if !text.contains("entitled") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut quotes = Quotes::default();
    for captures in UNQUOTED_ITEM.captures_iter(text) {
        let title = captures.get(1).expect("group 1");
        if !quotes.inside(text, title.start()) {
            out.push(Finding::new(
                title.range(),
                "The title of an agenda item after \"entitled\" stands in double quotation marks",
                None,
            ));
        }
    }
    let mut quotes = Quotes::default();
    for captures in SINGLE_QUOTED.captures_iter(text) {
        let title = captures.get(1).expect("group 1");
        if !quotes.inside(text, title.start()) {
            let inner = &title.as_str()['‘'.len_utf8()..title.as_str().len() - '’'.len_utf8()];
            out.push(Finding::new(
                title.range(),
                "A title after \"entitled\" takes double quotation marks",
                Some(format!("“{inner}”")),
            ));
        }
    }
    if council {
        out = out.into_iter().map(|f| f.at(Severity::Hint)).collect();
    }
    out.sort_by_key(|f| f.range.start);
    out
}

impl LineRule for EntitledQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !is_body_role(at.role) || !at.own {
            return;
        }
        for finding in check_line(&at.lexed.text, at.facts.council()) {
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn titles_after_entitled() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 76/6, entitled “Follow-up to the report entitled ‘Our Common Agenda’”, and the report entitled ‘Our Common Agenda’,\n\t                                                                                                                        ^^^^^^^^^^^^^^^^^^^ PUN009\n\t1.\tDecides to include in the provisional agenda of its eightieth session the item entitled Operational activities for development, and the sub-item entitled “South-South cooperation”.\n\t                                                                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ PUN009",
        );
    }

    #[test]
    fn fix_doubles_the_quotes() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tTaking note of the report entitled ‘Our Common Agenda’,\n\t1.\tDecides.",
            "PUN009",
        );
        assert!(fixed.contains("entitled “Our Common Agenda”,"), "{fixed}");
    }
}
