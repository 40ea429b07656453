use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{self, Entry, StyleLine};
use crate::analysis::{Edit, Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Acronyms are written without full stops (`UNDP`, not `U.N.D.P.`), without
    /// the definite article when they name an organization (`the programmes of
    /// WHO`, not `of the WHO`; the list is `data/style/acronyms.tsv`), and never in
    /// the possessive (`the Commander of UNMIL`, not `UNMIL's Commander`). An
    /// acronym used as a modifier keeps the article of its noun ("the WHO
    /// Framework Convention"), and a treaty's acronym takes one ("the NPT"), so
    /// the article is reported only before listed organizations standing alone.
    /// Security Council texts write the possessive of mission acronyms
    /// throughout ("MONUSCO's mandate", some 2,900 times in adopted texts), so
    /// the possessive is not reported there, and the article before an
    /// organization's acronym ("the IAEA", "the IMO": 227 times in adopted
    /// Council texts, never in General Assembly texts) is only information.
    /// Country abbreviations are STY014's.
    ///
    /// ## Why
    /// STY007 (`OFFICIAL`: the Editorial Manual's rules on abbreviations).
    ///
    /// ## Example
    /// `U.N.D.P.` · `requests the WHO to report` · `UNMIL's Commander`.
    ///
    /// ## Fix
    /// Remove the full stops, or the article; a possessive is reworded by hand
    /// ("the Commander of UNMIL").
    pub struct AcronymTypography {
        code: "STY007",
        severity: Warning,
    }
}

impl LineRule for AcronymTypography {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.security_council, sink);
    }
}

static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:[A-Z]\.){2,}").expect("valid regex"));

/// Can `body` hold a dotted acronym: a capital, a full stop, a capital and a
/// full stop?
fn may_hold_stops(body: &str) -> bool {
    let bytes = body.as_bytes();
    body.match_indices('.').any(|(at, _)| {
        at > 0
            && bytes[at - 1].is_ascii_uppercase()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(at + 2) == Some(&b'.')
    })
}

static CURLY_POSSESSIVE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("’s"));
static STRAIGHT_POSSESSIVE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("'s"));

/// A character that joins a word: a letter, a figure or `_`.
fn joins(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || c == '_'
}

/// Does a word start at `at` and end at `end` of `body`?
fn whole(body: &str, at: usize, end: usize) -> bool {
    !body[..at].chars().next_back().is_some_and(joins)
        && !body[end..].chars().next().is_some_and(joins)
}

/// The organizations' acronyms after an article: `(start, acronym start,
/// end, name)` of "the WHO" in the line.
fn articles<'l>(
    line: &'l StyleLine<'_>,
) -> impl Iterator<Item = (usize, usize, usize, &'static str)> + 'l {
    let text = line.text();
    line.hits.iter().filter_map(move |hit| {
        let Entry::Acronym(name) = hit.entry else {
            return None;
        };
        let start = hit.start.checked_sub("the ".len())?;
        let article = text.get(start..hit.start)?;
        let alone = !text
            .get(line.from..start)?
            .chars()
            .next_back()
            .is_some_and(joins);
        (matches!(article, "the " | "The ") && alone).then_some((start, hit.start, hit.end, *name))
    })
}

/// Two or more capitals in the possessive: `(start, acronym end, end)` of
/// "UNMIL’s" in `body`.
fn possessives(body: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = body.as_bytes();
    let mut apostrophes: Vec<(usize, usize)> = CURLY_POSSESSIVE
        .find_iter(bytes)
        .map(|at| (at, "’s".len()))
        .chain(STRAIGHT_POSSESSIVE.find_iter(bytes).map(|at| (at, 2)))
        .collect();
    apostrophes.sort_unstable();
    apostrophes.into_iter().filter_map(move |(at, len)| {
        let capitals = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let (start, end) = (at - capitals, at + len);
        (capitals >= 2 && whole(body, start, end)).then_some((start, at, end))
    })
}

fn check_line(line: &StyleLine<'_>, council: bool, sink: &mut Sink<'_>) {
    let (text, from, index) = (line.text(), line.from, line.index);
    let body = &text[from..];
    let shielded = |start: usize, end: usize| line.shielded(start, end);
    let dotted = may_hold_stops(body).then(|| DOTTED.find_iter(body));
    for found in dotted.into_iter().flatten() {
        let (start, end) = (from + found.start(), from + found.end());
        let letters: String = found.as_str().chars().filter(|c| *c != '.').collect();
        // U.N. is STY006's, U.S. and U.K. are country names (STY014).
        let known = style::organization_acronyms().contains_key(letters.as_str());
        let country = style::is_country(found.as_str());
        if letters == "UN" || country || !(known || letters.len() >= 3) || shielded(start, end) {
            continue;
        }
        let span = Span::new(index, start, end);
        sink.report(
            span,
            format!("Write acronyms without full stops: `{letters}`"),
        )
        .with_fix(Fix::write(span, letters));
    }
    for (start, acronym_start, end, name) in articles(line) {
        let acronym = &text[acronym_start..end];
        if !style::stands_alone(&text[end..]) || shielded(start, end) {
            continue;
        }
        let article = Span::new(index, start, acronym_start);
        let span = Span::new(index, start, end);
        let level = if council {
            Severity::Information
        } else {
            Severity::Warning
        };
        sink.report_at(
            level,
            span,
            format!("An organization's acronym takes no article: `{acronym}` ({name})"),
        )
        .with_fix(Fix {
            safe: true,
            title: "Remove the article".to_owned(),
            edits: vec![Edit::new(article, "")],
        });
    }
    if council {
        return;
    }
    for (start, acronym_end, end) in possessives(body) {
        let acronym = &body[start..acronym_end];
        let (start, end) = (from + start, from + end);
        if acronym == "UN" || style::is_country(acronym) || shielded(start, end) {
            continue;
        }
        sink.report(
            Span::new(index, start, end),
            format!("An acronym is not put in the possessive: write `… of {acronym}`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tInvites the U.N.D.P. and the WHO to report, with the WHO Framework Convention;
\t               ^^^^^^^^ STY007
\t                            ^^^^^^^ STY007
\t2.\tWelcomes UNMIL’s work and the Treaty on the Non-Proliferation of Nuclear Weapons, the NPT.
\t            ^^^^^^^ STY007";

    #[test]
    fn stops_articles_and_possessives() {
        check(TEXT);
    }

    #[test]
    fn council_texts_write_possessives() {
        check("\tThe Security Council,\n\t1.\tDecides to extend UNMIL’s mandate.");
    }

    #[test]
    fn fix_removes_the_stops() {
        assert!(apply_fix(TEXT, "STY007").contains("Invites the UNDP and"));
    }
}
