use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::{StyleLine, ordinal_words};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Centuries are spelled out: `the twenty-first century`, not `21st` or a
    /// roman `XXI century`. Sessions in figures (`its 69th session`) are
    /// CIT011's, so one defect gives one diagnostic; meeting numbers stay in
    /// figures (`71st plenary meeting`).
    ///
    /// ## Why
    /// STY012 (`OFFICIAL-TOC`: the Editorial Manual has a section on ordinals;
    /// adopted texts write sessions in words, as the seed A/RES/68/230 does).
    ///
    /// ## Example
    /// `the 21st century` → `the twenty-first century` · `the XXI century` →
    /// `the twenty-first century`.
    ///
    /// ## Fix
    /// Write the ordinal in words.
    pub struct Ordinals {
        code: "STY012",
        severity: Warning,
    }
}

impl LineRule for Ordinals {
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

static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([1-9][0-9]{0,2})(?:st|nd|rd|th) (centur(?:y|ies))\b").expect("valid regex")
});
static CENTURY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" century"));
static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([XVI]{1,6}) (century)\b").expect("valid regex"));

/// The value of a roman numeral up to 39 (`XXI` → 21).
fn roman_value(numeral: &str) -> Option<u32> {
    let mut total = 0;
    let mut previous = 0;
    for ch in numeral.chars().rev() {
        let value = match ch {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    Some(total)
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    let body = &text[from..];
    // A figure with an ordinal ending before a space, or " century" after a
    // roman numeral: what the two expressions need.
    let ordinal_figure = line.figures.iter().any(|&(_, end)| {
        ["st ", "nd ", "rd ", "th "]
            .iter()
            .any(|ending| text[end..].starts_with(ending))
    });
    let century = CENTURY.find(body.as_bytes()).is_some();
    if !ordinal_figure && !century {
        return;
    }
    let figures = ordinal_figure.then(|| FIGURES.captures_iter(body));
    let figures = figures.into_iter().flatten().filter_map(|c| {
        let value: u32 = c[1].parse().ok()?;
        Some((c.get(0)?, c.get(1)?.start(), value))
    });
    let romans = century.then(|| ROMAN.captures_iter(body));
    let romans = romans.into_iter().flatten().filter_map(|c| {
        let value = roman_value(&c[1])?;
        Some((c.get(0)?, c.get(1)?.start(), value))
    });
    for (whole, number_start, value) in figures.chain(romans) {
        let start = from + number_start;
        let end = from + whole.end();
        if line.shielded(start, end) {
            continue;
        }
        let Some(words) = ordinal_words(value) else {
            continue;
        };
        let noun = whole.as_str().rsplit(' ').next().unwrap_or("");
        let right = format!("{words} {noun}");
        let span = Span::new(index, start, end);
        sink.report(span, format!("Write the ordinal in words: `{right}`"))
            .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tDecides to consider the lessons of the 20th century and the challenges of the XXI century;
\t                                          ^^^^^^^^^^^^ STY012
\t                                                                                 ^^^^^^^^^^^ STY012
\t2.\tRecalls its 71st plenary meeting, the 103rd session of the Conference and the twenty-first century.";

    #[test]
    fn ordinals_in_words() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_words() {
        assert!(apply_fix(TEXT, "STY012").contains("of the twentieth century and"));
    }

    /// A session in figures is CIT011's defect: one defect, one diagnostic.
    #[test]
    fn sessions_are_left_to_cit011() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides to consider the question at its 69th session.\n\t                                           ^^^^^^^^^^^^ CIT011",
        );
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(super::roman_value("XXI"), Some(21));
        assert_eq!(super::roman_value("XIX"), Some(19));
    }
}
