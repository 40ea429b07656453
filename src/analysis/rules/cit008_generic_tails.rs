use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A list of citations may end with a generic tail – "and other relevant
    /// resolutions", "and all other relevant resolutions", "and other resolutions
    /// relevant to …", "as well as relevant statements of its President" – which needs
    /// no "etc." after it. The comma before such a tail ("…, and other relevant
    /// resolutions") occurs in adopted texts (80 times in the corpus) and is accepted;
    /// offering the tails as completions is left to the editor.
    ///
    /// ## Why
    /// CIT008 (attested in adopted texts).
    ///
    /// ## Example
    /// `… 67/227 of 21 December 2012 and other relevant resolutions etc.,`
    ///
    /// ## Fix
    /// Drop the `etc.` (quick fix).
    pub struct GenericTails {
        code: "CIT008",
        severity: Hint,
    }
}

static ETC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:other (?:relevant )?(?:resolutions|decisions)(?: relevant to [^,;]{1,80}?)?|statements of its President)(,? etc\.)")
        .expect("valid regex")
});

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("etc.") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    ETC.captures_iter(text)
        .filter_map(|captures| {
            let etc = captures.get(1).expect("group 1");
            (!quotes.inside(text, etc.start())).then(|| {
                Finding::new(
                    etc.range(),
                    "A generic tail (\"and other relevant resolutions\") needs no \"etc.\"",
                    Some(String::new()),
                )
            })
        })
        .collect()
}

impl LineRule for GenericTails {
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
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn etc_after_a_tail() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 67/227 of 21 December 2012 and other relevant resolutions etc.,\n\t                                                                                  ^^^^^ CIT008\n\tRecalling also its resolution 66/219 and other resolutions relevant to South-South cooperation,\n\t                              ^^^^^^ CIT001\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_drops_etc() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 67/227 and other relevant resolutions, etc.,\n\t1.\tDecides.",
            "CIT008",
        );
        assert!(fixed.contains("other relevant resolutions,\n"), "{fixed}");
    }
}
