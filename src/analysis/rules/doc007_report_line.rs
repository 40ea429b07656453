use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The adoption and report lines of a General Assembly resolution:
    /// `Resolution adopted by the General Assembly on 20 December 2013`, then
    /// `[on the report of the Second Committee (A/68/443/Add.2)]` or
    /// `[without reference to a Main Committee (A/61/L.45 and Add.1)]`. The
    /// committee is named as an ordinal in words ("Second Committee"; the Fourth
    /// Committee as "Special Political and Decolonization Committee (Fourth
    /// Committee)"), "of the" is not dropped, and the symbols stand in
    /// parentheses.
    ///
    /// ## Why
    /// DOC007 (attested in every adopted General Assembly text).
    ///
    /// ## Example
    /// `[on the report of the 2nd Committee (A/68/443/Add.2)]` ·
    /// `[on report of the Second Committee A/68/443/Add.2]`.
    ///
    /// ## Fix
    /// For an ordinal in figures, the committee in words; otherwise rewrite the
    /// line in the standard form.
    pub struct ReportLine {
        code: "DOC007",
        severity: Warning,
    }
}

static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\[(?:on the report of the (?:(?:First|Second|Third|Fifth|Sixth) Committee|Special Political and Decolonization Committee \(Fourth Committee\)|General Committee|Credentials Committee)|without reference to a Main Committee) \(.+\)\]$",
    )
    .expect("valid regex")
});

static FIGURES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([1-6])(?:st|nd|rd|th) Committee").expect("valid regex"));

const COMMITTEES: [&str; 6] = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];

impl Rule for ReportLine {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads header lines only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for (index, line, role) in context.tree.iter() {
            let text = line.text.trim();
            if role != Role::Header || !text.starts_with('[') {
                continue;
            }
            let lower = text.to_lowercase();
            let is_report_line = line.shape == LineShape::AdoptionLine
                || lower.starts_with("[on report")
                || lower.starts_with("[on the report")
                || lower.starts_with("[without reference");
            if !is_report_line || REPORT.is_match(text) {
                continue;
            }
            let span = Span::new(index, line.indent, line.indent + text.len());
            if let Some(c) = FIGURES.captures(text) {
                let ordinal = c.get(0).expect("match");
                let n: usize = c[1].parse().unwrap_or(1);
                let at = Span::new(
                    index,
                    line.indent + ordinal.start(),
                    line.indent + ordinal.end(),
                );
                let words = format!("{} Committee", COMMITTEES[n - 1]);
                sink.report(at, format!("Name the committee in words: `{words}`"))
                    .with_fix(Fix::write(at, words));
                continue;
            }
            sink.report(
                span,
                "Write the report line as `[on the report of the Second Committee (A/68/443/Add.2)]` or `[without reference to a Main Committee (A/61/L.45)]`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str = "Resolution adopted by the General Assembly on 20 December 2013\n";
    const BODY: &str = "\n68/230.\tSouth-South cooperation\n\tThe General Assembly\n\t1.\tDecides.";

    #[test]
    fn report_line_forms() {
        check(&format!(
            "{HEAD}[on the report of the 2nd Committee (A/68/443/Add.2)]\n                      ^^^^^^^^^^^^^ DOC007{BODY}"
        ));
        check(&format!(
            "{HEAD}[on report of the Second Committee A/68/443/Add.2]\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DOC007{BODY}"
        ));
        check(&format!(
            "{HEAD}[on the report of the Second Committee (A/68/443/Add.2)]{BODY}"
        ));
        check(&format!(
            "{HEAD}[on the report of the Special Political and Decolonization Committee (Fourth Committee) (A/74/418)]{BODY}"
        ));
        check(&format!(
            "{HEAD}[without reference to a Main Committee (A/61/L.45 and Add.1)]{BODY}"
        ));
    }

    #[test]
    fn fix_names_the_committee() {
        let fixed = apply_fix(
            &format!("{HEAD}[on the report of the 3rd Committee (A/68/443)]{BODY}"),
            "DOC007",
        );
        assert!(fixed.contains("[on the report of the Third Committee (A/68/443)]"));
    }
}
