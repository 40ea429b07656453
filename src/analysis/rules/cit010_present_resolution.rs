use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A resolution refers to itself as "the present resolution" ("the annex to
    /// the present resolution"), not "this resolution", in General Assembly,
    /// ECOSOC and Human Rights Council texts. Security Council resolutions write
    /// "this resolution" (almost 3,000 times in the adopted texts of the corpus)
    /// and are not checked. Quoted titles and annexed instruments are left alone.
    ///
    /// ## Why
    /// CIT010 (attested in adopted texts; Editorial Manual, "Internal references
    /// to the resolution as a whole").
    ///
    /// ## Example
    /// `Requests the Secretary-General to report on the implementation of this resolution.`
    ///
    /// ## Fix
    /// Write `the present resolution` (quick fix).
    pub struct PresentResolution {
        code: "CIT010",
        severity: Warning,
    }
}

static THIS_RESOLUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([Tt])his resolution(?-u:\b)").expect("valid regex"));

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("his resolution") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    THIS_RESOLUTION
        .captures_iter(text)
        .filter(|c| !quotes.inside(text, c.get(0).expect("group 0").start()))
        .map(|c| {
            let whole = c.get(0).expect("group 0");
            let article = if &c[1] == "T" { "The" } else { "the" };
            Finding::new(
                whole.range(),
                "A resolution calls itself \"the present resolution\"",
                Some(format!("{article} present resolution")),
            )
        })
        .collect()
}

impl LineRule for PresentResolution {
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
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn this_resolution() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution entitled “Implementation of this resolution”,\n\t1.\tRequests a report on the implementation of this resolution.\n\t                                              ^^^^^^^^^^^^^^^ CIT010",
        );
        check(
            "\tThe Security Council,\n\t1.\tDecides that paragraph 5 of this resolution shall apply;\n\t2.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn fix_writes_the_present_resolution() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\t1.\tRequests a report on this resolution.",
            "CIT010",
        );
        assert!(
            fixed.contains("report on the present resolution."),
            "{fixed}"
        );
    }
}
