use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};
use crate::analysis::symbol::classify;

declare_rule! {
    /// ## What it checks
    /// A paragraph of a General Assembly, ECOSOC or Human Rights Council resolution
    /// does not cite a document by its symbol in parentheses: the document is
    /// described in words and its symbol goes into a footnote. Security Council
    /// resolutions put symbols in the text ("the report (S/2015/446)") and are not
    /// checked.
    ///
    /// ## Why
    /// CIT012 (official: Editorial Manual on footnotes, "In resolutions and
    /// decisions, all sources are cited in footnotes").
    ///
    /// ## Example
    /// `Takes note of the report of the Secretary-General (A/68/212);`
    ///
    /// ## Fix
    /// Move the symbol into a footnote: `… South-South cooperation;4` with the
    /// footnote `4 A/68/212.`
    pub struct SourcesInFootnotes {
        code: "CIT012",
        severity: Warning,
    }
}

static PARENTHESIZED_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\((?:see )?((?:A|E|S)/[A-Za-z0-9.\-/]*[0-9](?: and (?:Add|Corr|Rev)\.[1-9][0-9]*)*)\)",
    )
    .expect("valid regex")
});

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("/") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    PARENTHESIZED_SYMBOL
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0).expect("group 0");
            let symbol = &captures[1];
            let known = classify(symbol.split(" and ").next().unwrap_or(symbol)).is_some();
            (known && !quotes.inside(text, whole.start())).then(|| {
                Finding::new(
                    whole.range(),
                    format!(
                        "Resolutions cite documents in footnotes: move `{symbol}` into a footnote"
                    ),
                    None,
                )
            })
        })
        .collect()
}

impl LineRule for SourcesInFootnotes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !is_body_role(at.role) || !at.own || at.facts.council() {
            return;
        }
        for finding in check_line(&at.lexed.text) {
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn symbols_in_parentheses() {
        check(
            "\tThe General Assembly,\n\tRecalling the report “Progress (A/67/1)”,\n\t1.\tTakes note of the report of the Secretary-General (A/68/212);\n\t                                                     ^^^^^^^^^^ CIT012\n\t2.\tDecides.",
        );
        check(
            "\tThe Security Council,\n\tTaking note of the report (S/2015/446),\n\t1.\tDecides to remain seized of the matter.",
        );
    }
}
