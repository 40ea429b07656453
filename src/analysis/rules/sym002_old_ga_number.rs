use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::is_body_role;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// General Assembly resolutions of the first thirty sessions are cited as
    /// number, space, roman session in parentheses: `resolution 2626 (XXV)`,
    /// `resolution 217 A (III)`. Flags `2626(XXV)` (no space), `2626 (25)`
    /// (arabic session) and `3367 (XXX) A` (letter after the session).
    ///
    /// ## Why
    /// SYM002 and SYM003 (official: Editorial Manual, "Identification of
    /// resolutions").
    ///
    /// ## Example
    /// `Recalling its resolution 2626(XXV) of 24 October 1970,`
    ///
    /// ## Fix
    /// Write `2626 (XXV)`.
    pub struct OldGaNumber {
        code: "SYM002",
        severity: Error,
    }
}

static FORMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bresolutions? (?P<n>[1-9][0-9]{0,3})(?: (?P<l>[A-Z]))?(?:\((?P<glued>(?:E?S-)?[IVXL]+)\)| \((?P<arabic>[1-9][0-9]?)\)| \((?P<roman>(?:E?S-)?[IVXL]+)\) (?P<after>[A-Z])\b)",
    )
    .expect("valid regex")
});

/// A later item of a list of resolutions, glued: `resolutions 2626(XXV) and
/// 1514(XV)`.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:,| and) (?P<n>[1-9][0-9]{0,3})(?: (?P<l>[A-Z]))?\((?P<glued>(?:E?S-)?[IVXL]+)\)",
    )
    .expect("valid regex")
});

const ROMAN: [&str; 30] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
    "XXVIII", "XXIX", "XXX",
];

impl LineRule for OldGaNumber {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let index = line.index;
        let role = line.role;
        let line = line.lexed;
        if !is_body_role(role) || !line.text.contains("esolution") {
            return;
        }
        let text = &line.text;
        let mut found: Vec<regex::Captures<'_>> = FORMS.captures_iter(text).collect();
        for keyword in text.match_indices("resolutions ") {
            let from = keyword.0 + keyword.1.len();
            let clause_end = text[from..].find(';').map_or(text.len(), |at| from + at);
            for item in LIST_ITEM.captures_iter(&text[..clause_end]) {
                let start = item.name("n").expect("number").start();
                let known = found
                    .iter()
                    .any(|c| c.name("n").is_some_and(|n| n.start() == start));
                if start > from && !known {
                    found.push(item);
                }
            }
        }
        for captures in found {
            let number = captures.name("n").expect("number");
            let whole = captures.get(0).expect("group 0");
            let letter = captures
                .name("l")
                .or(captures.name("after"))
                .map(|l| format!(" {}", l.as_str()))
                .unwrap_or_default();
            let session = if let Some(roman) = captures.name("glued").or(captures.name("roman")) {
                roman.as_str()
            } else {
                let arabic: usize = captures["arabic"].parse().unwrap_or(0);
                // Only sessions 1–30 used this form; a larger number is
                // something else ("resolution 2 (2015)" is caught elsewhere).
                if !(1..=30).contains(&arabic) {
                    continue;
                }
                ROMAN[arabic - 1]
            };
            let span = Span::new(index, number.start(), whole.end());
            let fixed = format!("{}{letter} ({session})", number.as_str());
            sink.report(
                span,
                format!("Write resolutions of the first thirty sessions as `{fixed}`"),
            )
            .with_fix(Fix::write(span, fixed));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn malformed_old_numbers() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 2626(XXV) of 24 October 1970,\n\t                         ^^^^^^^^^ SYM002\n\tRecalling also its resolution 2625 (25) of 24 October 1970 and resolution 3367 (XXX) A,\n\t                              ^^^^^^^^^ SYM002\n\t                                                                          ^^^^^^^^^^^^ SYM002\n\tRecalling further its resolution 1514 (XV) of 14 December 1960,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn every_item_of_a_list() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 2626(XXV) and 1514(XV),\n\t                          ^^^^^^^^^ SYM002\n\t                                        ^^^^^^^^ SYM002\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_roman_session() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 2625 (25) of 24 October 1970,\n\t1.\tDecides.",
            "SYM002",
        );
        assert!(fixed.contains("resolution 2625 (XXV) of"));
    }
}
