use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::{Citation, ItemForm};
use crate::analysis::citation::{Finding, Quotes, is_body_role};
use crate::analysis::symbol::Organ;
use crate::analysis::{Catalog, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// In a Security Council text, a cited Council resolution carries its year:
    /// `resolution 1325 (2000)`, also for the last items of a list (`resolutions 1267
    /// (1999), 1989 (2011) and 2253`). Flags a bare number after "resolution(s)" or
    /// after a Council item of a list, unless a date gives the year ("resolution 1493
    /// of 28 July 2003", the form of the Council's texts of the early 2000s) or the
    /// text gives that resolution's year or date somewhere (the Council's short
    /// references, "paragraph 18 of resolution 1596", are accepted then).
    /// An item of a list without the year its neighbours carry is an error; a bare
    /// number elsewhere is a hint, since Council numbers are unique and the
    /// Council's own texts (some 150 places in the corpus, most of 2003–2008) cite
    /// "resolution 1596" without year. "Security Council resolution 1325" in any
    /// text is SYM009's; a
    /// number after another body's name ("General Assembly resolution 377") is left
    /// alone.
    ///
    /// ## Why
    /// CIT007 (official for the identifier: Dag Hammarskjöld Library guide to Security
    /// Council resolutions; the date after it is optional).
    ///
    /// ## Example
    /// `Recalling its resolution 1325 and its resolution 1820 (2008),`
    ///
    /// ## Fix
    /// Add the year the record gives: `1325 (2000)` (quick fix).
    pub struct CouncilNumberYear {
        code: "CIT007",
        severity: Error,
    }
}

static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[Rr]esolutions? ([1-9][0-9]{0,3})(?-u:\b)").expect("valid regex")
});

static LIST_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,? and |, )([1-9][0-9]{0,3})(?-u:\b)").expect("valid regex"));

/// Does the text after a number end the item without a year or a date (`1325,`,
/// `1325.`, `1325 and`)?
fn bare_after(after: &str) -> bool {
    !(is_dated(after)
        || after.starts_with(" (")
        || after.starts_with('(')
        || after.starts_with('/')
        || after.starts_with(|c: char| c.is_ascii_alphanumeric())
        || after.starts_with(" A ")
        || after.starts_with(" B "))
}

/// The Council resolutions the text identifies somewhere with their year
/// (`1596 (2005)`) or date (`1596 of 18 April 2005`): a bare number for them is
/// the Council's usual short reference ("paragraph 18 of resolution 1596"),
/// wherever it stands.
fn identified(context: &Context<'_>) -> HashSet<String> {
    let mut out = HashSet::new();
    for citation in context.citations.list.iter().filter(|c| c.in_body) {
        for item in citation
            .items
            .iter()
            .filter(|i| i.form == ItemForm::Council)
        {
            out.insert(item.text.split(' ').next().unwrap_or_default().to_owned());
        }
    }
    for (_, line, role) in context.tree.iter() {
        if !is_body_role(role) || !line.text.contains("esolution") {
            continue;
        }
        for captures in BARE_NUMBER.captures_iter(&line.text) {
            let number = captures.get(1).expect("number");
            if is_dated(&line.text[number.end()..]) {
                out.insert(number.as_str().to_owned());
            }
        }
    }
    out
}

/// `1493 of 28 July 2003`: the date gives the year (older Council texts).
fn is_dated(after: &str) -> bool {
    after.strip_prefix(" of ").is_some_and(|rest| {
        rest.split(' ')
            .next()
            .is_some_and(|day| day.parse::<u8>().is_ok())
    })
}

fn check_line(
    text: &str,
    citations: &[Citation],
    catalog: &Catalog,
    identified: &HashSet<String>,
) -> Vec<Finding> {
    let mut numbers = Vec::new();
    if !text.contains("esolution") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    for captures in BARE_NUMBER.captures_iter(text) {
        let whole = captures.get(0).expect("group 0");
        let number = captures.get(1).expect("number");
        let named = text[..whole.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && w != "Its");
        if !named && bare_after(&text[number.end()..]) && !quotes.inside(text, whole.start()) {
            numbers.push((number.range(), Severity::Hint));
        }
    }
    for citation in citations.iter().filter(|c| !c.quoted) {
        if citation
            .items
            .last()
            .is_some_and(|i| i.form == ItemForm::Council)
            && let Some(tail) = LIST_TAIL.captures(&text[citation.span.end..])
        {
            let number = tail.get(1).expect("number");
            let range = citation.span.end + number.start()..citation.span.end + number.end();
            // A paragraph number ("paragraphs 11 of resolution 2213 (2015), 11 of
            // resolution 2362 (2017)") or a pair sharing a year ("425 and 426
            // (1978)") is not a missing year.
            let after = &text[range.end..];
            let pair = LIST_TAIL.is_match(after);
            let ends_item = after.is_empty() || after.starts_with([',', ';', '.', ')']);
            if range.len() >= 3 && ends_item && !pair {
                numbers.push((range, CouncilNumberYear::META.default_severity));
            }
        }
    }
    numbers
        .into_iter()
        // A bare number is the Council's short reference once the text
        // identifies the resolution; a list item without the year its
        // neighbours carry is wrong wherever else it is cited.
        .filter(|(range, severity)| {
            *severity != Severity::Hint || !identified.contains(&text[range.clone()])
        })
        .map(|(range, severity)| {
            let number = &text[range.clone()];
            let cited = catalog
                .search_number(&format!("{number} ("), 1, &|r| {
                    r.symbol.starts_with("S/RES/")
                })
                .into_iter()
                .next()
                .map(|r| r.citation());
            Finding::new(
                range,
                format!(
                    "Security Council resolutions carry their year: `{}`",
                    cited.as_deref().unwrap_or("1325 (2000)")
                ),
                cited,
            )
            .at(severity)
        })
        .collect()
}

impl Rule for CouncilNumberYear {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations and the lines that name a resolution (bare Council numbers).
    fn reads(&self) -> Reads {
        Reads::CITATIONS | Reads::CITING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !(context.security_council() || context.citations.citing == Some(Organ::SecurityCouncil))
        {
            return;
        }
        let identified = identified(context);
        for (index, line, role) in context.tree.iter() {
            if !is_body_role(role) || !context.own_text()[index] {
                continue;
            }
            for finding in check_line(
                &line.text,
                context.citations.on_line(index),
                context.catalog,
                &identified,
            ) {
                let span = Span::new(index, finding.range.start, finding.range.end);
                let diagnostic = match finding.severity {
                    Some(severity) => sink.report_at(severity, span, finding.message),
                    None => sink.report(span, finding.message),
                };
                if let Some(fixed) = finding.fix {
                    diagnostic.with_fix(Fix::write(span, fixed));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn numbers_without_year() {
        check(
            "\tThe Security Council,\n\tRecalling its resolutions 1267 (1999), 1989 (2011) and 2253, its resolution 1325 of 31 October 2000, its resolution 1820, General Assembly resolution 377 and resolution 2626 (XXV),\n\t                                                       ^^^^ CIT007\n\t                                                                                                                    ^^^^ CIT007\n\t1.\tDecides to remain seized of the matter.",
        );
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 1325 of 31 October 2000,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_adds_the_year() {
        let fixed = apply_fix(
            "\tThe Security Council,\n\tRecalling its resolution 1325,\n\t1.\tDecides to remain seized of the matter.",
            "CIT007",
        );
        assert!(fixed.contains("its resolution 1325 (2000),"), "{fixed}");
    }
}
