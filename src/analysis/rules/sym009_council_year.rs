use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::is_body_role;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Security Council resolutions carry the year of adoption in parentheses:
    /// `resolution 1325 (2000)`, symbol `S/RES/1325 (2000)`. Flags `Security
    /// Council resolution 1325` and `S/RES/1325` without the year.
    ///
    /// ## Why
    /// SYM009 (official: Dag Hammarskjöld Library guide to Security Council
    /// resolutions) and CIT007: the number alone is ambiguous with GA and old-style
    /// numbers.
    ///
    /// ## Example
    /// `Recalling Security Council resolution 1325 of 31 October 2000,`
    ///
    /// ## Fix
    /// Add the year the record gives (`1325 (2000)`).
    pub struct CouncilYear {
        code: "SYM009",
        severity: Error,
    }
}

static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bSecurity Council resolutions? ([1-9][0-9]*)\b(?: \((?:19|20)[0-9]{2}\)|/[0-9]| \()?",
    )
    .expect("valid regex")
});

static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bS/RES/([1-9][0-9]*)\b(?: ?\(|/[0-9])?").expect("valid regex"));

impl LineRule for CouncilYear {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let footnote = matches!(at.role, Role::FootnoteText { .. });
        if !(is_body_role(at.role) || footnote) {
            return;
        }
        let patterns: &[&Regex] = if footnote {
            &[&SYMBOL]
        } else {
            &[&NAMED, &SYMBOL]
        };
        for pattern in patterns {
            for captures in pattern.captures_iter(&at.lexed.text) {
                let whole = captures.get(0).expect("group 0");
                let number = captures.get(1).expect("number");
                // A year, a parenthesis or a slash follows: not this rule's case.
                if whole.end() > number.end() {
                    continue;
                }
                let span = Span::new(at.index, number.start(), number.end());
                let year = at
                    .held
                    .catalog
                    .search_number(&format!("{} (", number.as_str()), 1, &|r| {
                        r.symbol.starts_with("S/RES/")
                    })
                    .into_iter()
                    .next()
                    .map(|r| r.citation());
                let diagnostic = sink.report(
                    span,
                    format!(
                        "Security Council resolutions carry their year: `{}`",
                        year.as_deref().unwrap_or("1325 (2000)")
                    ),
                );
                if let Some(year) = year {
                    diagnostic.with_fix(Fix::write(span, year));
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
            "\tThe General Assembly,\n\tRecalling Security Council resolution 1325 and S/RES/2334 as well as Security Council resolution 1540 (2004),\n\t                                      ^^^^ SYM009\n\t                                                     ^^^^ SYM009\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_adds_the_year() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling Security Council resolution 1325,\n\t1.\tDecides.",
            "SYM009",
        );
        assert!(fixed.contains("resolution 1325 (2000),"));
    }
}
