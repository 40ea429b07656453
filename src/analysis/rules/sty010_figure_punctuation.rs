use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::StyleLine;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The punctuation of figures: a zero before the decimal point (`0.85`, not
    /// `.85`) and commas between thousands (`12,500`): not spaces (`12 500`), not
    /// full stops (`1.500.000`), and not five or more digits run together
    /// (`12500`). A single group after a full stop (`12.500`) may be a decimal and
    /// is left to people; so are figures inside symbols, document numbers and
    /// identifiers (after `/`, `No.` or `IMO`), and a year with a footnote
    /// marker glued to it (`1949` + `2` in "of 12 August 19492"). Table rows
    /// (cells separated by tabs, as in budget tables) keep their own layout.
    ///
    /// ## Why
    /// STY010 (`OFFICIAL` for the leading zero, `OFFICIAL-TOC` for the
    /// separator: the Editorial Manual, "Numbers, dates and time", writes
    /// "999,999").
    ///
    /// ## Example
    /// `.85 per cent` → `0.85 per cent` · `12 500 troops` → `12,500 troops`.
    ///
    /// ## Fix
    /// Write the zero, or the commas.
    pub struct FigurePunctuation {
        code: "STY010",
        severity: Warning,
    }
}

impl LineRule for FigurePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, sink);
    }
}

static LEADING_POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[ (])(\.[0-9]+)\b").expect("valid regex"));
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[1-9][0-9]{0,2}(?:[  \u{202F}][0-9]{3})+\b").expect("valid regex")
});
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}\b").expect("valid regex"));
static RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[1-9][0-9]{4,}\b").expect("valid regex"));

/// `12500` → `12,500`.
fn with_commas(digits: &str) -> String {
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A figure that is part of a symbol or an identifier.
fn identifier(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    text[..start].ends_with(['/', '-', '‑', '–', '.', ','])
        || text[end..].starts_with(['/', '-', '‑', '–', ',', '.'])
        || before.ends_with("No.")
        || before.ends_with("IMO")
        || before.ends_with("number")
}

/// Does a figure follow a full stop at the start of the text or after a
/// space or a parenthesis (what [`LEADING_POINT`] needs)?
fn may_lack_a_zero(line: &StyleLine<'_>) -> bool {
    let bytes = line.text().as_bytes();
    line.figures.iter().any(|&(start, _)| {
        start > line.from
            && bytes[start - 1] == b'.'
            && (start - 1 == line.from || matches!(bytes[start - 2], b' ' | b'('))
    })
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    // A table row (cells separated by tabs) keeps the table's own layout.
    if line.figures.is_empty() || text[from..].contains('\t') {
        return;
    }
    let body = &text[from..];
    // Each expression runs only where the figures can match it.
    let leading_points = may_lack_a_zero(line).then(|| LEADING_POINT.captures_iter(body));
    for captures in leading_points.into_iter().flatten() {
        let figure = captures.get(1).expect("group 1");
        let (start, end) = (from + figure.start(), from + figure.end());
        if line.shielded(start, end) {
            continue;
        }
        let span = Span::new(index, start, end);
        let right = format!("0{}", figure.as_str());
        sink.report(
            span,
            format!("A zero precedes the decimal point: `{right}`"),
        )
        .with_fix(Fix::write(span, right));
    }
    let spaced = line.figures_joined_by(&[" ", "\u{202F}"]);
    let dotted = line.figures_joined_by(&["."]);
    let groups = spaced
        .then(|| SPACED.find_iter(body))
        .into_iter()
        .flatten()
        .chain(dotted.then(|| DOTTED.find_iter(body)).into_iter().flatten())
        .map(|m| (from + m.start(), from + m.end()));
    for (start, end) in groups {
        if line.shielded(start, end) || identifier(text, start, end) {
            continue;
        }
        let digits: String = text[start..end]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let right = with_commas(&digits);
        let span = Span::new(index, start, end);
        sink.report(
            span,
            format!("Thousands are separated by commas: `{right}`"),
        )
        .with_fix(Fix::write(span, right));
    }
    let long = line.figures.iter().any(|(start, end)| end - start >= 5);
    for found in long.then(|| RUN.find_iter(body)).into_iter().flatten() {
        let (start, end) = (from + found.start(), from + found.end());
        // A footnote marker glued to a year (`1949` + `2`) is no figure.
        let marker = line
            .lexed
            .markers
            .iter()
            .any(|m| m.range.start > start && m.range.end == end)
            || (found.len() <= 7
                && (found.as_str().starts_with("19") || found.as_str().starts_with("20")));
        // A designation that starts a name ("99942 Apophis").
        let designation =
            text[end..].starts_with(' ') && text[end + 1..].starts_with(char::is_uppercase);
        if marker || designation || line.shielded(start, end) || identifier(text, start, end) {
            continue;
        }
        let right = with_commas(found.as_str());
        let span = Span::new(index, start, end);
        sink.report(
            span,
            format!("Thousands are separated by commas: `{right}`"),
        )
        .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tDecides that .85 per cent, 12 500 troops and 1.500.000 dollars, or 12500 persons, go;
\t                ^^^ STY010
\t                              ^^^^^^ STY010
\t                                                ^^^^^^^^^ STY010
\t                                                                      ^^^^^ STY010
\t2.\tNotes document A/70/12345, vessel IMO 9187629, the Conventions of 12 August 19492 and the period 2015–20303, 12.500 and 12,500 and 0.85 and 2015 and 2016.";

    #[test]
    fn figure_punctuation() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_commas() {
        let fixed = apply_fix(TEXT, "STY010");
        assert!(fixed.contains("that 0.85 per cent"), "{fixed}");
    }

    #[test]
    fn commas_between_thousands() {
        assert_eq!(super::with_commas("12500"), "12,500");
        assert_eq!(super::with_commas("1500000"), "1,500,000");
    }
}
