use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::analysis::citation::Citation;
use crate::analysis::citation::{Finding, Quotes, is_body_role};
use crate::analysis::symbol::Organ;

declare_rule! {
    /// ## What it checks
    /// A resolution cites its own organ's texts as "its resolution …" and other organs
    /// by their full names: `Economic and Social Council resolution 2012/32`, not
    /// `ECOSOC resolution 2012/32` (error for `ECOSOC`, `UNSC`, `SC`, `UNGA`, `GA`,
    /// `HRC`, `UNHRC` before a numbered resolution or decision). Naming the citing
    /// organ in full ("General Assembly resolution 64/222" in an Assembly text) is
    /// acceptable but unusual: a hint.
    ///
    /// ## Why
    /// CIT006 (attested in adopted texts; Model UN guidance spells out the principal
    /// organs).
    ///
    /// ## Example
    /// `Recalling ECOSOC resolution 2012/32,`
    ///
    /// ## Fix
    /// Write the organ's name (`Economic and Social Council resolution 2012/32`) or,
    /// for the citing organ, `its resolution` (quick fixes).
    pub struct OrganNames {
        code: "CIT006",
        severity: Error,
    }
}

static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(ECOSOC|UNSC|SC|UNGA|GA|HRC|UNHRC) (?:[Rr]esolution|[Dd]ecision)s? [1-9]")
        .expect("valid regex")
});

fn organ_of(acronym: &str) -> Organ {
    match acronym {
        "ECOSOC" => Organ::EconomicAndSocialCouncil,
        "UNSC" | "SC" => Organ::SecurityCouncil,
        "UNGA" | "GA" => Organ::GeneralAssembly,
        _ => Organ::HumanRightsCouncil,
    }
}

fn check_line(text: &str, citations: &[Citation], citing: Option<Organ>) -> Vec<Finding> {
    let mut out = Vec::new();
    if citations.is_empty() && !text.contains("esolution") && !text.contains("ecision") {
        return out;
    }
    let mut quotes = Quotes::default();
    for captures in ACRONYM.captures_iter(text) {
        let acronym = captures.get(1).expect("group 1");
        if quotes.inside(text, acronym.start()) {
            continue;
        }
        let name = organ_of(acronym.as_str()).name();
        out.push(Finding::new(
            acronym.range(),
            format!("Name the organ in full: `{name}`"),
            Some(name.to_owned()),
        ));
    }
    for citation in citations {
        let named = text[citation.span.start..citation.keyword.start].trim_end();
        let before = text[..citation.span.start].trim_end();
        let after_article =
            before.ends_with(" the") || before.ends_with(" a") || before.ends_with(" this");
        if citation.in_body
            && !citation.quoted
            && !citation.own
            && !after_article
            && citing.is_some_and(|organ| citation.organ == Some(organ) && named == organ.name())
        {
            out.push(
                Finding::new(
                    citation.span.start..citation.span.start + named.len(),
                    "A resolution cites its own organ's resolutions as \"its resolution\"",
                    Some("its".to_owned()),
                )
                .at(Severity::Hint),
            );
        }
    }
    out
}

impl LineRule for OrganNames {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !is_body_role(at.role) || !at.own {
            return;
        }
        for finding in check_line(&at.lexed.text, at.held.citations, at.facts.citing) {
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn acronyms_and_own_organ() {
        let diagnostics = check(
            "\tThe General Assembly,\n\tRecalling ECOSOC resolution 2012/32 and General Assembly resolution 64/222, the Security Council resolution 1325 (2000) and the title “GA resolution 1”,\n\t          ^^^^^^ CIT006\n\t                                        ^^^^^^^^^^^^^^^^ CIT006\n\t1.\tDecides.",
        );
        assert_eq!(diagnostics[0].severity, Severity::Error);
        assert_eq!(diagnostics[1].severity, Severity::Hint);
    }

    #[test]
    fn fix_names_the_organ() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling UNSC resolution 1325 (2000),\n\t1.\tDecides.",
            "CIT006",
        );
        assert!(
            fixed.contains("Recalling Security Council resolution 1325 (2000),"),
            "{fixed}"
        );
    }
}
