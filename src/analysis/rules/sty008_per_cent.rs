use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{StyleLine, cardinal_value};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Percentages are written in figures followed by `per cent` in two words:
    /// not `percent`, not the sign `%` in running text (tables are in annexes,
    /// which are not checked), and not a number in words (`one per cent`) except
    /// at the start of a paragraph, where numbers are words. Security Council
    /// texts mostly write `%` or `percent` (47 of the 1,460 adopted Council texts
    /// we have, against 34 that write `per cent`), so there the rule informs.
    ///
    /// ## Why
    /// STY008 (`OFFICIAL`: the Editorial Manual, "Numbers, dates and time":
    /// percentages in figures, "per cent" spelled out, % only in tables).
    ///
    /// ## Example
    /// `at least 20%` → `at least 20 per cent` · `0.7 percent` → `0.7 per cent` ·
    /// `one per cent` → `1 per cent`.
    ///
    /// ## Fix
    /// Write the figure and `per cent`.
    pub struct PerCent {
        code: "STY008",
        severity: Warning,
    }
}

impl LineRule for PerCent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.council_level(Severity::Warning), sink);
    }
}

static PER_CENT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" per cent"));

fn check_line(line: &StyleLine<'_>, level: Severity, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    for (start, end, term) in line.terms_of("STY008") {
        let span = Span::new(index, start, end);
        sink.report_at(level, span, format!("Write `{}`", term.right))
            .with_fix(Fix::write(span, term.right));
    }
    for at in memchr::memchr_iter(b'%', &text.as_bytes()[from..]).map(|at| from + at) {
        let figure = text[..at].trim_end_matches(' ');
        let digits = figure.len()
            - figure
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                .len();
        if digits == 0 || line.shielded(at, at + 1) {
            continue;
        }
        let start = figure.len() - digits;
        let number = &figure[start..];
        let span = Span::new(index, start, at + 1);
        sink.report_at(
            level,
            span,
            format!("Write `{number} per cent`, not the sign %"),
        )
        .with_fix(Fix::write(span, format!("{number} per cent")));
    }
    for at in PER_CENT.find_iter(text.as_bytes()) {
        let before = &text[..at];
        let word_start = before
            .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '‑'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        let Some(value) = cardinal_value(word) else {
            continue;
        };
        if word_start <= from || line.shielded(word_start, at) {
            continue;
        }
        let span = Span::new(index, word_start, at);
        sink.report_at(
            level,
            span,
            format!("Percentages are written in figures: `{value} per cent`"),
        )
        .with_fix(Fix::write(span, value.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tDecides that at least 20% and 0.7 percent of the funds, or one per cent, go to 2.5 per cent;
\t                         ^^^ STY008
\t                                     ^^^^^^^ STY008
\t                                                              ^^^ STY008
\t2.\tFifty per cent of the posts go to “a 10% target”.";

    #[test]
    fn per_cent_forms() {
        check(TEXT);
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(
            "\tThe Security Council,\n\t1.\tCalls for a 30% quota and 35 percent of seats.\n\t               ^^^ STY008\n\t                                ^^^^^^^ STY008",
        );
        assert!(
            found
                .iter()
                .all(|d| d.severity == crate::analysis::Severity::Information)
        );
    }

    #[test]
    fn fix_writes_per_cent() {
        assert!(apply_fix(TEXT, "STY008").contains("at least 20 per cent and"));
    }
}
