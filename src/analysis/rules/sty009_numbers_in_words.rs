use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::{self, Entry, StyleLine, cardinal_words};
use crate::syntax::{LexedLine, Span};

declare_rule! {
    /// ## What it checks
    /// Numbers under 10 are written in words and numbers from 10 in figures when
    /// they count something: `6 months` → `six months`, `within thirty days` →
    /// `within 30 days` (the count nouns are listed below); and a paragraph does
    /// not start with a figure (`60 staff members received …`). Left to people,
    /// which is why the rule only informs: series that mix small and large
    /// numbers (all in figures), approximate references ("some thirty years"),
    /// units, dates, votes, references to paragraphs, articles or goals, and
    /// numbers inside names.
    ///
    /// ## Why
    /// STY009 (`OFFICIAL`: the Editorial Manual, "Numbers, dates and time";
    /// adopted texts write "six months", "one year", "a 30-day period").
    ///
    /// ## Example
    /// `an additional period of 6 months` · `within thirty days` · `60 staff
    /// members received …` at the start of a paragraph.
    ///
    /// ## Fix
    /// Write the number in words (under 10) or in figures (10 and more).
    pub struct NumbersInWords {
        code: "STY009",
        severity: Information,
    }
}

impl LineRule for NumbersInWords {
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

/// Nouns that a number counts.
const COUNTED: [&str; 43] = [
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "member",
    "members",
    "States",
    "countries",
    "seats",
    "judges",
    "experts",
    "representatives",
    "persons",
    "people",
    "women",
    "men",
    "children",
    "languages",
    "regions",
    "sessions",
    "meetings",
    "pillars",
    "priorities",
    "areas",
    "categories",
    "officials",
    "posts",
    "candidates",
    "officers",
    "steps",
    "phases",
    "rounds",
    "observers",
    "individuals",
    "entities",
    "vessels",
    "times",
];

/// Words before a figure that make it a reference, not a count.
const REFERENCES: [&str; 22] = [
    "paragraph",
    "paragraphs",
    "article",
    "articles",
    "section",
    "sections",
    "chapter",
    "chapters",
    "annex",
    "goal",
    "goals",
    "target",
    "targets",
    "resolution",
    "rule",
    "rules",
    "principle",
    "phase",
    "level",
    "part",
    "table",
    "item",
];

/// Words before a number in words that make it an approximate reference.
const APPROXIMATE: [&str; 8] = [
    "some",
    "about",
    "approximately",
    "nearly",
    "almost",
    "around",
    "over",
    "than",
];

/// The word (run of letters) that starts at `at`, if a letter starts there.
fn word_from(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?;
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| &rest[..len])
}

/// The word (run of letters) that ends at `end`, not reaching before `from`.
fn word_before(text: &str, from: usize, end: usize) -> Option<&str> {
    let head = &text[from..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(&head[start..])
}

/// The last word before `at`, whatever stands between them.
fn previous_word(text: &str, from: usize, at: usize) -> Option<&str> {
    let end = from + text[from..at].rfind(char::is_alphabetic)?;
    let end = end + text[end..].chars().next().map_or(1, char::len_utf8);
    word_before(text, from, end)
}

/// Is the number ending at `end` followed by one space and a noun it counts?
fn counted(text: &str, end: usize) -> bool {
    text[end..].starts_with(' ') && word_from(text, end + 1).is_some_and(|w| COUNTED.contains(&w))
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    if line.role.is_body_paragraph() {
        starting_figure(index, line.lexed, sink);
    }
    // Small figures: a lone digit before a count noun, not in a series of figures.
    let bytes = text.as_bytes();
    for &(at, end) in line.figures.iter() {
        let lone = end == at + 1
            && bytes[at] != b'0'
            && !text[..at].ends_with(|c: char| c.is_alphanumeric() || ".,/$–-(".contains(c))
            && !text[end..].starts_with(|c: char| c.is_alphanumeric() || ".,/–-%".contains(c));
        if !lone || !counted(text, end) || in_a_series(text, at, end) {
            continue;
        }
        let reference = at > from
            && text[..at].ends_with(' ')
            && word_before(text, from, at - 1).is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    || REFERENCES.iter().any(|r| r.eq_ignore_ascii_case(w))
            });
        if reference || line.shielded(at, end) {
            continue;
        }
        let value = u32::from(bytes[at] - b'0');
        let words_form = cardinal_words(value).unwrap_or_default();
        let span = Span::new(index, at, end);
        sink.report(
            span,
            format!("Write numbers under 10 in words: `{words_form}`"),
        )
        .with_fix(Fix::write(span, words_form));
    }
    // Large numbers in words before a count noun.
    for hit in line.hits.iter() {
        let Entry::Cardinal(value) = *hit.entry else {
            continue;
        };
        let (start, end) = (hit.start, hit.end);
        let hyphenated = text[end..].starts_with(['-', '‑']) || text[..start].ends_with(['-', '‑']);
        let approximate =
            previous_word(text, from, start).is_some_and(|w| APPROXIMATE.contains(&w));
        if start == from
            || text[start..].starts_with(char::is_uppercase)
            || hyphenated
            || approximate
            || !counted(text, end)
            || line.shielded(start, end)
        {
            continue;
        }
        let span = Span::new(index, start, end);
        sink.report(span, format!("Write numbers from 10 in figures: `{value}`"))
            .with_fix(Fix::write(span, value.to_string()));
    }
}

/// Is the figure joined to another figure ("between 5 and 15 years", "5 to 10
/// days", "3, 6 and 12 months")? A series is written in figures.
fn in_a_series(text: &str, start: usize, end: usize) -> bool {
    const JOINS: [&str; 6] = [",", "and", "or", "to", "–", "-"];
    let before = text[..start].trim_end();
    let joined_before = JOINS.iter().any(|j| {
        before
            .strip_suffix(j)
            .is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
    });
    let after = text[end..].trim_start();
    let joined_after = JOINS.iter().any(|j| {
        after
            .strip_prefix(j)
            .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    joined_before || joined_after
}

/// A paragraph that starts with a figure counting something.
fn starting_figure(index: usize, line: &LexedLine, sink: &mut Sink<'_>) {
    let text = &line.text;
    let from = line.body_start;
    let digits = text[from..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !text[from + digits..].starts_with(' ') {
        return;
    }
    let next = text[from + digits + 1..].chars().next();
    if !next.is_some_and(char::is_lowercase) {
        return;
    }
    let span = Span::new(index, from, from + digits);
    let value: u32 = text[span.start..span.end].parse().unwrap_or(0);
    let diagnostic = sink.report(
        span,
        "A paragraph does not start with a figure: write the number in words",
    );
    if let Some(words) = cardinal_words(value) {
        diagnostic.with_fix(Fix::write(span, style::in_case_of("X", &words)));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tDecides on an additional period of 6 months, to be held within thirty days;
\t                                      ^ STY009
\t                                                                  ^^^^^^ STY009
\t2.\tNotes that between 5 and 15 years, paragraph 3 years and Article 2 days passed;
\t3.\tDecides that some twenty States and 2 members attend, for the Group of Twenty countries.
\t                                       ^ STY009
\t(a)\t60 staff members received training;
\t    ^^ STY009";

    #[test]
    fn words_and_figures() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_words() {
        assert!(apply_fix(TEXT, "STY009").contains("period of six months"));
    }
}
