use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::StyleLine;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Round millions and billions in running text are written with the word:
    /// `1 million`, not `1,000,000`; `4.3 billion`, not `4.3 bn` or `4,3 billion`
    /// (a decimal comma).
    ///
    /// ## Why
    /// STY011 (`OFFICIAL-TOC`: the Editorial Manual has a section on millions,
    /// billions and trillions; adopted texts write "$1.5 million").
    ///
    /// ## Example
    /// `1,000,000 dollars` → `1 million dollars` · `4.3 bn` → `4.3 billion`.
    ///
    /// ## Fix
    /// Write the figure with `million` or `billion`.
    pub struct Millions {
        code: "STY011",
        severity: Information,
    }
}

impl LineRule for Millions {
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

static ROUND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[1-9][0-9]{0,2}(?:,[0-9]{3}){2,}\b").expect("valid regex"));
static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]+(?:\.[0-9]+)?) ?(bn|mn|mln|tn)\b").expect("valid regex")
});
static DECIMAL_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{1,3}),([0-9]{1,2}) (million|billion|trillion)\b").expect("valid regex")
});

/// `1,000,000` → `1 million`, `4,300,000,000` → `4.3 billion`; `None` unless
/// the figure is a round number of millions (to one decimal).
fn in_words(figure: &str) -> Option<String> {
    let value: u64 = figure.replace(',', "").parse().ok()?;
    let (unit, name) = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ]
    .into_iter()
    .find(|(unit, _)| value >= *unit)?;
    if value % (unit / 10) != 0 {
        return None;
    }
    let tenths = value / (unit / 10);
    Some(if tenths % 10 == 0 {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    })
}

/// Is a figure followed by an abbreviated unit (`4.3 bn`, `5mn`)? A
/// decimal's last figure is.
fn may_abbreviate(line: &StyleLine<'_>) -> bool {
    let text = line.text();
    line.figures.iter().any(|&(_, end)| {
        let rest = text[end..].strip_prefix(' ').unwrap_or(&text[end..]);
        ["bn", "mn", "mln", "tn"]
            .iter()
            .any(|unit| rest.starts_with(unit))
    })
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    let body = &text[from..];
    let mut found = Vec::new();
    // Each expression runs only where the figures can match it.
    let commas = line.figures_joined_by(&[","]);
    for m in commas.then(|| ROUND.find_iter(body)).into_iter().flatten() {
        if let Some(right) = in_words(m.as_str()) {
            found.push((m.start(), m.end(), right));
        }
    }
    let abbreviated = may_abbreviate(line).then(|| ABBREVIATED.captures_iter(body));
    for captures in abbreviated.into_iter().flatten() {
        let whole = captures.get(0).expect("group 0");
        let unit = match &captures[2] {
            "bn" => "billion",
            "tn" => "trillion",
            _ => "million",
        };
        found.push((
            whole.start(),
            whole.end(),
            format!("{} {unit}", &captures[1]),
        ));
    }
    for captures in commas
        .then(|| DECIMAL_COMMA.captures_iter(body))
        .into_iter()
        .flatten()
    {
        let whole = captures.get(0).expect("group 0");
        let right = format!("{}.{} {}", &captures[1], &captures[2], &captures[3]);
        found.push((whole.start(), whole.end(), right));
    }
    for (start, end, right) in found {
        let (start, end) = (from + start, from + end);
        if line.shielded(start, end) {
            continue;
        }
        let span = Span::new(index, start, end);
        sink.report(span, format!("Write `{right}`"))
            .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tApproves 1,000,000 dollars, 4.3 bn and 4,3 billion, but 1,234,567 and 1.5 million stay;
\t            ^^^^^^^^^ STY011
\t                               ^^^^^^ STY011
\t                                          ^^^^^^^^^^^ STY011
\t2.\tDecides to remain seized of the matter.";

    #[test]
    fn millions_and_billions() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_million() {
        assert!(apply_fix(TEXT, "STY011").contains("Approves 1 million dollars"));
    }

    #[test]
    fn round_figures_only() {
        assert_eq!(
            super::in_words("4,300,000,000").as_deref(),
            Some("4.3 billion")
        );
        assert_eq!(super::in_words("1,234,567"), None);
    }
}
