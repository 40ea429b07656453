use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// Decisions and resolutions of other bodies are cited by number and then the body
    /// named in full: "decision 17/1 of the High-level Committee on South-South
    /// Cooperation". Flags an acronym before the keyword (`HLC decision 17/1`, `UNEA
    /// resolution 4/1`). The acronyms of the principal organs are CIT006's; which body
    /// an acronym stands for, and whether the footnote gives the source, is left to
    /// people.
    ///
    /// ## Why
    /// CIT015 (attested in adopted texts).
    ///
    /// ## Example
    /// `Welcomes HLC decision 17/1,`
    ///
    /// ## Fix
    /// Write `decision 17/1 of the High-level Committee on South-South Cooperation`.
    pub struct SubsidiaryDecisions {
        code: "CIT015",
        severity: Information,
    }
}

static ACRONYM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)?) (?:[Dd]ecisions?|[Rr]esolutions?) (?:[1-9][0-9]*/|[A-Z]+-?[IVXL]+/)[0-9]")
        .expect("valid regex")
});

/// The principal organs' acronyms (CIT006) and the United Nations itself.
const NOT_SUBSIDIARY: &[&str] = &["ECOSOC", "UNSC", "SC", "UNGA", "GA", "HRC", "UNHRC", "UN"];

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("esolution") && !text.contains("ecision") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    ACRONYM_BEFORE
        .captures_iter(text)
        .filter_map(|captures| {
            let acronym = captures.get(1).expect("group 1");
            (!NOT_SUBSIDIARY.contains(&acronym.as_str()) && !quotes.inside(text, acronym.start())).then(|| {
                Finding::new(
                    acronym.range(),
                    format!(
                        "Cite another body's texts by number, then the body in full (`decision 17/1 of the …`), not `{}`",
                        acronym.as_str()
                    ),
                    None,
                )
            })
        })
        .collect()
}

impl LineRule for SubsidiaryDecisions {
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
    use crate::analysis::rules::fixture::check;

    #[test]
    fn acronyms_of_other_bodies() {
        check(
            "\tThe General Assembly,\n\tWelcoming HLC decision 17/1, decision 18/1 of the High-level Committee on South-South Cooperation,\n\t          ^^^ CIT015\n\t1.\tDecides.",
        );
    }
}
