use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A space separates a number from the parenthesized designator after it: `agenda
    /// item 24 (b)`, `paragraph 5 (b)`, `article 8 (j)`, `resolution 1325 (2000)`.
    /// Flags `item 24(b)`, `paragraph 5(b)` and `resolution 1325(2000)` in the
    /// paragraphs of the resolution. Old General Assembly numbers (`2626(XXV)`) are
    /// SYM002's, "Security Council resolution 1325(2000)" SYM009's. A hint in Security
    /// Council texts, whose adopted texts often write `paragraph 8(d)`.
    ///
    /// ## Why
    /// PUN008 (official: Dag Hammarskjöld Library, "S/RES/955 (1994)"; Editorial
    /// Manual, "3363 (XXX)").
    ///
    /// ## Example
    /// `Recalls paragraph 5(b) of its resolution 1325(2000),`
    ///
    /// ## Fix
    /// Insert the space: `paragraph 5 (b)` (quick fix).
    pub struct SpaceBeforeParenthesis {
        code: "PUN008",
        severity: Warning,
    }
}

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<word>[Ii]tems?|[Ss]ub-items?|[Pp]aragraphs?|[Ss]ubparagraphs?|[Aa]rticles?|[Rr]ules?|[Ss]ections?|[Rr]esolutions?|[Dd]ecisions?) (?P<number>[1-9][0-9]*(?:/[1-9][0-9]*)?)\((?P<designator>[a-z]{1,4}|[ivx]{1,6}|(?:19|20)[0-9]{2})\)")
        .expect("valid regex")
});

/// A plural keyword that opens a list: its later items (`paragraphs 3(a) and
/// 5(b)`, `resolutions 1325 (2000) and 2250(2015)`) are checked too.
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Ii]tems|[Ss]ub-items|[Pp]aragraphs|[Ss]ubparagraphs|[Aa]rticles|[Rr]ules|[Ss]ections|[Rr]esolutions|[Dd]ecisions) ")
        .expect("valid regex")
});

static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,| and) (?P<number>[1-9][0-9]*(?:/[1-9][0-9]*)?)\((?P<designator>[a-z]{1,4}|[ivx]{1,6}|(?:19|20)[0-9]{2})\)")
        .expect("valid regex")
});

/// The glued designators of `text`: after a keyword (`paragraph 5(b)`) and in
/// the list a plural keyword opens, up to the end of its clause (`;`).
fn glued_designators(text: &str) -> Vec<(regex::Match<'_>, regex::Match<'_>, String, bool)> {
    let mut found: Vec<(regex::Match<'_>, regex::Match<'_>, String, bool)> = GLUED
        .captures_iter(text)
        .map(|c| {
            let resolution = c["word"].to_ascii_lowercase().starts_with("resolution");
            (
                c.get(0).expect("group 0"),
                c.name("number").expect("number"),
                c["designator"].to_owned(),
                resolution,
            )
        })
        .collect();
    for keyword in PLURAL.find_iter(text) {
        let clause_end = text[keyword.end()..]
            .find(';')
            .map_or(text.len(), |at| keyword.end() + at);
        let resolution = keyword
            .as_str()
            .to_ascii_lowercase()
            .starts_with("resolution");
        for c in LIST_ITEM.captures_iter(&text[..clause_end]) {
            let number = c.name("number").expect("number");
            if number.start() < keyword.end()
                || found.iter().any(|(_, n, _, _)| n.start() == number.start())
            {
                continue;
            }
            found.push((
                c.get(0).expect("group 0"),
                number,
                c["designator"].to_owned(),
                resolution,
            ));
        }
    }
    found.sort_by_key(|(_, number, _, _)| number.start());
    found
}

fn check_line(text: &str, council: bool) -> Vec<Finding> {
    // Only a digit glued to a parenthesis can start a finding.
    let glued = text
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_digit() && pair[1] == b'(');
    if !glued {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    glued_designators(text)
        .into_iter()
        .filter_map(|(whole, number, designator, resolution)| {
            let council_named = text[..whole.start()].ends_with("Security Council ");
            if council_named || quotes.inside(text, whole.start()) {
                return None;
            }
            let fixed = format!("{} ({designator})", number.as_str());
            let finding = Finding::new(
                number.start()..whole.end(),
                format!("A space goes before the parenthesis: `{fixed}`"),
                Some(fixed),
            );
            // Council texts glue paragraph designators (`paragraph 8(d)`), never
            // the year of a resolution (`1325 (2000)`).
            let is_year = designator.starts_with(['1', '2']);
            Some(if council && !(resolution && is_year) {
                finding.at(Severity::Hint)
            } else {
                finding
            })
        })
        .collect()
}

impl LineRule for SpaceBeforeParenthesis {
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
    use crate::analysis::Severity;
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn glued_designators() {
        check(
            "\tThe General Assembly,\n\tRecalling paragraph 5(b) of its resolution 67/221 and article 8 (j) of the Convention,\n\t                    ^^^^ PUN008\n\t1.\tDecides to include the sub-item under agenda item 24(b).\n\t                                                     ^^^^^ PUN008",
        );
    }

    #[test]
    fn council_texts_get_hints() {
        let diagnostics = check(
            "\tThe Security Council,\n\tRecalling paragraph 8(d) of resolution 1718 (2006),\n\t                    ^^^^ PUN008\n\t1.\tDecides to remain seized of the matter.",
        );
        assert_eq!(diagnostics[0].severity, Severity::Hint);
    }

    #[test]
    fn later_items_of_a_list_and_council_years() {
        check(
            "\tThe General Assembly,\n\tRecalling paragraphs 3(a) and 5(b) of its resolution 67/221,\n\t                     ^^^^ PUN008\n\t                              ^^^^ PUN008\n\t1.\tDecides.",
        );
        let diagnostics = check(
            "\tThe Security Council,\n\tRecalling its resolutions 1325 (2000) and 2250(2015),\n\t                                          ^^^^^^^^^^ PUN008\n\tRecalling resolution 1325(2000),\n\t                     ^^^^^^^^^^ PUN008\n\t1.\tDecides to remain seized of the matter.",
        );
        assert!(
            diagnostics.iter().all(|d| d.severity == Severity::Warning),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn fix_inserts_the_space() {
        let fixed = apply_fix(
            "\tThe Security Council,\n\tRecalling its resolution 1325(2000),\n\t1.\tDecides to remain seized of the matter.",
            "PUN008",
        );
        assert!(fixed.contains("its resolution 1325 (2000),"), "{fixed}");
    }
}
