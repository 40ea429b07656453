use std::sync::LazyLock;

use regex::Regex;

use super::doc004_closing_meeting::ordinal_suffix;
use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// A Security Council resolution has no title: its header is
    /// `Resolution 2223 (2015)` and `Adopted by the Security Council at its
    /// 7451st meeting, on 28 May 2015`. Reported: a title line (error), and an
    /// adoption line in another form or with a wrong ordinal suffix (warning).
    ///
    /// ## Why
    /// DOC005 (Editorial Manual, resolutions B: "Security Council resolutions do
    /// not bear a title"; the header wording is attested in every adopted
    /// Council text). The attested variants (`… meeting on …` without the comma,
    /// `(closed)` or `(resumed)` meetings, `Adopted by the Security Council on
    /// …` without a meeting) are accepted.
    ///
    /// ## Example
    /// `2223 (2015). Sudan and South Sudan` in a Council text;
    /// `Adopted by the Security Council at its 7451th meeting, on 28 May 2015`.
    ///
    /// ## Fix
    /// Remove the title; write the adoption line in its standard form.
    pub struct CouncilLayout {
        code: "DOC005",
        severity: Error,
    }
}

static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^Adopted by the Security Council (?:at its ([1-9][0-9]*)(st|nd|rd|th)(?: \((?:closed|resumed)\))? meeting(?:\s*\(Part [IVX]+\))?,? )?on [1-9][0-9]? (?:January|February|March|April|May|June|July|August|September|October|November|December) [12][0-9]{3}(?: in [A-Z][a-z]+)?$",
    )
    .expect("valid regex")
});

/// `2223 (2015). Sudan and South Sudan`: a Council number with a title.
static TITLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[1-9][0-9]* \([12][0-9]{3}\)\.\s+\S").expect("valid regex"));

impl Rule for CouncilLayout {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads header and title lines only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.security_council() {
            return;
        }
        for (index, line, role) in context.tree.iter() {
            let text = line.text.trim_end();
            let whole = Span::new(index, line.indent, text.len());
            let header = matches!(role, Role::Header | Role::Title);
            if role == Role::Title
                || (header && TITLED.is_match(text.get(line.indent..).unwrap_or("")))
            {
                sink.report(whole, "Security Council resolutions do not bear a title");
                continue;
            }
            let council_adoption = header
                && line.shape == LineShape::AdoptionLine
                && text
                    .get(line.indent..)
                    .unwrap_or("")
                    .starts_with("Adopted by the Security Council");
            if !council_adoption {
                continue;
            }
            match ADOPTED.captures(text.get(line.indent..).unwrap_or("")) {
                None => {
                    sink.report_at(
                        Severity::Warning,
                        whole,
                        "Write the adoption line as `Adopted by the Security Council at its Nth meeting, on D Month YYYY`",
                    );
                }
                Some(c) => {
                    let (Some(number), Some(suffix)) = (c.get(1), c.get(2)) else {
                        continue;
                    };
                    let wanted = number.as_str().parse().map(ordinal_suffix).unwrap_or("th");
                    if suffix.as_str() != wanted {
                        let at = line.indent + suffix.start();
                        let span = Span::new(index, at, line.indent + suffix.end());
                        sink.report_at(
                            Severity::Warning,
                            span,
                            format!("Write the ordinal as `{}{wanted}`", number.as_str()),
                        )
                        .with_fix(crate::analysis::Fix::write(span, wanted));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn council_resolutions_have_no_title() {
        check(
            "Resolution 2223 (2015)\nAdopted by the Security Council at its 7451st meeting, on 28 May 2015\n2223 (2015). Sudan and South Sudan\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DOC005\n\tThe Security Council\n\t1.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn adoption_line_forms() {
        check(
            "Resolution 2223 (2015)\nAdopted by the Security Council at its 7451th meeting, on 28 May 2015\n                                           ^^ DOC005\n\tThe Security Council\n\t1.\tDecides to remain seized of the matter.",
        );
        check(
            "Resolution 2223 (2015)\nAdopted by the Security Council at its 7451st meeting on 28 May 2015\n\tThe Security Council\n\t1.\tDecides to remain seized of the matter.",
        );
        check(
            "Resolution 2223 (2015)\nAdopted by the Security Council, 28 May 2015\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DOC005\n\tThe Security Council\n\t1.\tDecides to remain seized of the matter.",
        );
    }
}
