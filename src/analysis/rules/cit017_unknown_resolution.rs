use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::catalog::Record;
use crate::analysis::{Edit, Fix};

declare_rule! {
    /// ## What it checks
    /// A cited General Assembly, Security Council, ECOSOC or Human Rights Council
    /// resolution that the record of adopted resolutions does not list. Only
    /// resolutions whose record is nearly complete are checked: the Security
    /// Council (all but four numbers) and the General Assembly from its
    /// seventy-fourth session on; citations of older sessions, ECOSOC and HRC are
    /// not reported, since the record is far from complete there.
    ///
    /// ## Why
    /// A number that the record does not know is often a typo ("68/320" for
    /// "68/230") or a resolution of another body cited without its name. Not a
    /// rule of the drafting spec (no ID there): CIT017 is this project's check
    /// against the record. A hint only: the record is incomplete.
    ///
    /// ## Example
    /// `Recalling its resolution 79/999 of 20 December 2024,`
    ///
    /// ## Fix
    /// A Security Council number cited with the wrong year is rewritten with the
    /// recorded year; otherwise check the number, or add the resolution to a user
    /// catalog file if it is new.
    pub struct UnknownResolution {
        code: "CIT017",
        severity: Hint,
    }
}

/// Is the record complete enough for `symbol` that a miss means something?
fn record_is_complete_for(symbol: &str) -> bool {
    if symbol.starts_with("S/RES/") {
        return true;
    }
    symbol
        .strip_prefix("A/RES/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|session| session.parse::<u32>().ok())
        .is_some_and(|session| session >= 74)
}

/// The Security Council resolution with the same number and another year
/// (`2113 (2014)` → `2113 (2013)`).
fn other_year<'a>(context: &'a Context<'_>, symbol: &str) -> Option<&'a Record> {
    let number = symbol.strip_prefix("S/RES/")?.split('(').next()?;
    let prefix = format!("{number} (");
    context
        .catalog
        .search_number(&prefix, 1, &|r| r.symbol.starts_with("S/RES/"))
        .into_iter()
        .next()
}

impl Rule for UnknownResolution {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations and the record only.
    fn reads(&self) -> Reads {
        Reads::CITATIONS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for citation in context.citations.list.iter().filter(|c| c.in_body) {
            for item in &citation.items {
                let missing: Vec<&String> = item
                    .symbols
                    .iter()
                    .filter(|s| record_is_complete_for(s) && context.catalog.get(s).is_none())
                    .collect();
                let Some(symbol) = missing.first() else {
                    continue;
                };
                if let Some(record) = other_year(context, symbol) {
                    let citation = record.citation();
                    sink.report(
                        item.span,
                        format!("The record has resolution {citation}, not {}", item.text),
                    )
                    .with_fix(Fix {
                        safe: true,
                        title: format!("Write {citation}"),
                        edits: vec![Edit::new(item.span, citation.clone())],
                    });
                } else {
                    sink.report(
                        item.span,
                        format!(
                            "{symbol} is not in the record of adopted resolutions; check the number"
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn council_number_with_wrong_year() {
        let fixed = apply_fix(
            "\tThe Security Council,\n\tRecalling its resolution 2113 (2014),\n\t1.\tDecides to remain seized of the matter.",
            "CIT017",
        );
        assert!(fixed.contains("resolution 2113 (2013),"));
    }

    #[test]
    fn unknown_recent_numbers_are_hinted() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 78/167 of 19 December 2023 and 79/999 of 20 December 2024, Security Council resolution 9999 (2024) and resolution 12/345 of 1 January 1958,\n\t                                                         ^^^^^^ CIT017\n\t                                                                                                                 ^^^^^^^^^^^ CIT017\n\t1.\tDecides.",
        );
    }
}
