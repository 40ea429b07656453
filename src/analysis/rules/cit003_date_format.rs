use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::is_body_role;
use crate::analysis::date::{Date, MONTHS};
use crate::analysis::symbol::Organ;
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Dates are written day, month, year: `20 December 2013` – the day in figures
    /// without a leading zero or ordinal suffix, the month spelled out, no comma.
    /// Flags `December 20, 2013`, `20th December 2013`, `20th of December`,
    /// `06 October 2009` and `20 December, 2013` in the paragraphs of the
    /// resolution (not in annexes, whose lists and letters keep their own forms,
    /// nor in footnotes). Errors, except in Security Council texts, whose adopted
    /// texts often keep the forms of the letters and agreements they quote: hints
    /// there.
    ///
    /// ## Why
    /// CIT003 (attested in adopted texts; Editorial Manual, "Dates").
    ///
    /// ## Example
    /// `its resolution 68/230 of December 20, 2013`
    ///
    /// ## Fix
    /// Rewrite the date as `20 December 2013`.
    pub struct DateFormat {
        code: "CIT003",
        severity: Error,
    }
}

const MONTH: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";

/// The bad-date patterns of the spec, each capturing day, month and (maybe) year.
static BAD_DATES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"\b(?P<m>{MONTH}) (?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,? (?P<y>[0-9]{{4}})\b"),
        format!(r"\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th) (?:of )?(?P<m>{MONTH})(?:,? (?P<y>[0-9]{{4}}))?\b"),
        format!(r"\b0(?P<d>[0-9]) (?P<m>{MONTH})(?:,? (?P<y>[0-9]{{4}}))?\b"),
        format!(r"\b(?P<d>[0-9]{{1,2}}) (?P<m>{MONTH}), (?P<y>[0-9]{{4}})\b"),
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).expect("valid regex"))
    .collect()
});

impl LineRule for DateFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line) = (at.index, at.lexed);
        if !is_body_role(at.role) || !MONTHS.iter().any(|m| line.text.contains(m)) {
            return;
        }
        // Security Council texts follow the GA's editorial forms less strictly
        // (letters and agreements quoted with their own dates): hints there.
        let severity = if at.facts.citing == Some(Organ::SecurityCouncil) {
            Severity::Hint
        } else {
            Self::META.default_severity
        };
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        for pattern in BAD_DATES.iter() {
            for captures in pattern.captures_iter(&line.text) {
                let whole = captures.get(0).expect("group 0");
                let glued = line.text[..whole.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c == '.' || c.is_ascii_digit());
                if glued
                    || taken
                        .iter()
                        .any(|r| r.start < whole.end() && whole.start() < r.end)
                {
                    continue;
                }
                taken.push(whole.range());
                let day: u8 = captures["d"].parse().unwrap_or(0);
                let month = &captures["m"];
                let rewritten = match captures.name("y") {
                    Some(year) => {
                        let month_number =
                            MONTHS.iter().position(|m| *m == month).unwrap_or(0) as u8 + 1;
                        year.as_str()
                            .parse()
                            .ok()
                            .and_then(|y| Date::new(y, month_number, day))
                            .map(|d| d.to_string())
                    }
                    None => (1..=31).contains(&day).then(|| format!("{day} {month}")),
                };
                let span = Span::new(index, whole.start(), whole.end());
                let diagnostic = sink.report_at(
                    severity,
                    span,
                    format!(
                        "Write dates as day, month, year without ordinal, leading zero or comma: `{}`",
                        rewritten.as_deref().unwrap_or("20 December 2013")
                    ),
                );
                if let Some(rewritten) = rewritten {
                    diagnostic.with_fix(Fix::write(span, rewritten));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn bad_dates() {
        check(
            "\tThe General Assembly,\n\tNoting the meeting of December 20, 2013,\n\t                      ^^^^^^^^^^^^^^^^^ CIT003\n\tNoting also the meeting of 06 October 2009, held on the 6th of October,\n\t                           ^^^^^^^^^^^^^^^ CIT003\n\t                                                        ^^^^^^^^^^^^^^ CIT003\n\tNoting further the meeting of 4 June 2013 and the standard NIJ 0101.06 July 2008,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn council_texts_get_hints() {
        let diagnostics = check(
            "\tThe Security Council,\n\tNoting the agreement of January 19, 2025,\n\t                        ^^^^^^^^^^^^^^^^ CIT003\n\t1.\tDecides to remain seized of the matter.",
        );
        assert_eq!(diagnostics[0].severity, crate::analysis::Severity::Hint);
    }

    #[test]
    fn fix_rewrites_the_date() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tNoting the meeting of 20 December, 2013,\n\t1.\tDecides.",
            "CIT003",
        );
        assert!(fixed.contains("meeting of 20 December 2013,"));
    }
}
