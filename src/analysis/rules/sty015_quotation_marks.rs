use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::StyleLine;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// One style of quotation marks and apostrophes per text. Straight quotes
    /// are fine in a plain-text export (the seed resolution has them), so they
    /// are not reported as such; but a text that writes typographic marks
    /// (“ ” ’) and also straight ones (" ') mixes two styles, and the marks of
    /// the less used style are reported.
    ///
    /// ## Why
    /// STY015 (`HEURISTIC`: Word texts use typographic quotation marks and
    /// apostrophes; mixed styles come from pasting).
    ///
    /// ## Example
    /// `the “Pact for the Future” and the "Global Digital Compact"` in one text.
    ///
    /// ## Fix
    /// Write the mark in the style the text mostly uses.
    pub struct QuotationMarks {
        code: "STY015",
        severity: Hint,
    }
}

impl Rule for QuotationMarks {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the lines holding quotation marks or apostrophes whole (their tally and each mark), and nothing of the others.
    fn reads(&self) -> Reads {
        Reads::QUOTES
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let lines = context.style_lines();
        let mut tally = Tally::default();
        for line in lines {
            tally.count(&line.text()[line.from..]);
        }
        let styles = tally.minorities();
        if styles == Minorities::default() {
            return;
        }
        for line in lines {
            check_line(line, styles, sink);
        }
    }
}

#[derive(Debug, Default)]
struct Tally {
    curly_quotes: usize,
    straight_quotes: usize,
    curly_apostrophes: usize,
    straight_apostrophes: usize,
}

/// Which marks are the minority style of the text, if it mixes styles.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Minorities {
    straight_quotes: bool,
    curly_quotes: bool,
    straight_apostrophes: bool,
    curly_apostrophes: bool,
}

/// Is the mark at `at` an apostrophe (between letters: `Secretary-General’s`)?
fn apostrophe(text: &str, at: usize, len: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
        && text[at + len..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
}

impl Tally {
    fn count(&mut self, text: &str) {
        // Every mark is `"`, `'` or a character whose UTF-8 form starts with 0xE2.
        for at in memchr::memchr3_iter(b'"', b'\'', 0xE2, text.as_bytes()) {
            let Some(ch) = text[at..].chars().next() else {
                continue;
            };
            match ch {
                '“' | '”' => self.curly_quotes += 1,
                '"' => self.straight_quotes += 1,
                '’' if apostrophe(text, at, ch.len_utf8()) => self.curly_apostrophes += 1,
                '\'' if apostrophe(text, at, 1) => self.straight_apostrophes += 1,
                _ => {}
            }
        }
    }

    fn minorities(&self) -> Minorities {
        let quotes = self.curly_quotes > 0 && self.straight_quotes > 0;
        let apostrophes = self.curly_apostrophes > 0 && self.straight_apostrophes > 0;
        Minorities {
            straight_quotes: quotes && self.straight_quotes <= self.curly_quotes,
            curly_quotes: quotes && self.curly_quotes < self.straight_quotes,
            straight_apostrophes: apostrophes
                && self.straight_apostrophes <= self.curly_apostrophes,
            curly_apostrophes: apostrophes && self.curly_apostrophes < self.straight_apostrophes,
        }
    }
}

fn check_line(line: &StyleLine<'_>, minorities: Minorities, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    for (offset, ch) in text[from..].char_indices() {
        let at = from + offset;
        let len = ch.len_utf8();
        let right = match ch {
            '"' if minorities.straight_quotes => {
                let opening = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || "([".contains(c));
                if opening { "“" } else { "”" }
            }
            '“' | '”' if minorities.curly_quotes => "\"",
            '\'' if minorities.straight_apostrophes && apostrophe(text, at, len) => "’",
            '’' if minorities.curly_apostrophes && apostrophe(text, at, len) => "'",
            _ => continue,
        };
        let span = Span::new(index, at, at + len);
        sink.report(
            span,
            format!("The text mostly writes `{right}`: one style of marks per text"),
        )
        .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\tRecalling the “Pact for the Future” and the Secretary-General’s report,
\t1.\tWelcomes the \"Global Digital Compact\" and the Organization's work.
\t                ^ STY015
\t                                       ^ STY015
\t                                                             ^ STY015";

    #[test]
    fn mixed_styles() {
        check(TEXT);
    }

    #[test]
    fn one_style_is_fine() {
        check(
            "\tThe General Assembly,\n\t1.\tWelcomes the \"Global Digital Compact\" and the Organization's work.",
        );
    }

    #[test]
    fn fix_writes_the_majority_style() {
        assert!(apply_fix(TEXT, "STY015").contains("the “Global Digital Compact\""));
    }
}
