//! Shared pieces of the style and terminology rules (STY, spec §8): the lines
//! they read, the spans they leave alone (quotations, proper names that keep
//! their owners' spelling), word iteration, case-preserving replacement, and the
//! word lists of `data/style/` (see its PROVENANCE.md), each parsed once.
//!
//! The lists are one [`Lexicon`](lexicon::Lexicon) keyed by first words, never scanned per
//! word; each line the rules read is walked once for all of them ([`scan`]).

mod lexicon;
mod lists;
mod numbers;
mod scan;

pub use lexicon::{Entry, Hit};
pub use lists::{
    CountryForm, CountryUse, Spelling, is_official_country_name, lexicon, organization_acronyms,
};
pub use numbers::{cardinal_value, cardinal_words, ordinal_words};
pub use scan::{LineWalk, StyleLine, articles, assemble, english};

use crate::syntax::Role;

/// Whether the style rules read a line of this role: the resolution's
/// paragraphs, its title and headings. Not the masthead, not footnote texts
/// (they cite titles and sources in their owners' spelling), not annexes.
pub fn reads(role: Role) -> bool {
    role.is_body_paragraph()
        || matches!(
            role,
            Role::Continuation { .. } | Role::Title | Role::Heading
        )
}

/// A word of a line: a run of letters (hyphenated compounds are split, so
/// `self-defense` holds `self` and `defense`).
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Words of a line found in the spelling list of `rule`, outside quotations
/// and proper names: `(word, entry)` in order.
pub fn misspelled<'l>(
    rule: &'l str,
    line: &'l StyleLine<'_>,
) -> impl Iterator<Item = (Word<'l>, &'static Spelling)> + 'l {
    line.hits.iter().filter_map(move |found| match found.entry {
        Entry::Spelling(entry) if entry.rule == rule && !line.shielded(found.start, found.end) => {
            let word = Word {
                text: &line.text()[found.start..found.end],
                start: found.start,
                end: found.end,
            };
            Some((word, entry))
        }
        _ => None,
    })
}

/// Spans of a line that the style rules leave alone: quotations (“…”, "…")
/// and proper names that keep their owners' spelling (`data/style/proper_names.txt`).
#[derive(Debug, Default)]
pub struct Shield {
    ranges: Vec<(usize, usize)>,
}

impl Shield {
    /// The shield of `text`, whose names are among `hits` (the line's forms).
    pub fn new(text: &str, hits: &[Hit]) -> Shield {
        let mut ranges = quotations(text);
        ranges.extend(
            hits.iter()
                .filter(|hit| matches!(hit.entry, Entry::Name))
                .map(|hit| (hit.start, hit.end)),
        );
        Shield { ranges }
    }

    /// The shield of a whole line.
    #[cfg(test)]
    pub fn of(text: &str) -> Shield {
        Shield::new(text, &lexicon().find(text, 0))
    }

    /// Does `start..end` lie inside a shielded span?
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.ranges.iter().any(|&(s, e)| s <= start && end <= e)
    }
}

/// The quoted spans of a line: from an opening “ to its ”, and between pairs
/// of straight double quotes. An unclosed quotation runs to the end of the line.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut curly_start = 0;
    let mut straight_start: Option<usize> = None;
    // `"` is one byte; “ and ” are three, starting with 0xE2.
    for at in memchr::memchr2_iter(b'"', 0xE2, text.as_bytes()) {
        let rest = &text[at..];
        if rest.starts_with('“') {
            if depth == 0 {
                curly_start = at;
            }
            depth += 1;
        } else if rest.starts_with('”') && depth > 0 {
            depth -= 1;
            if depth == 0 {
                out.push((curly_start, at + '”'.len_utf8()));
            }
        } else if rest.starts_with('"') {
            match straight_start.take() {
                Some(start) => out.push((start, at + 1)),
                None => straight_start = Some(at),
            }
        }
    }
    if depth > 0 {
        out.push((curly_start, text.len()));
    }
    if let Some(start) = straight_start {
        out.push((start, text.len()));
    }
    out
}

/// The forms of names of States in `text` from `from`: `(start, end, form)`.
pub fn countries(
    text: &str,
    from: usize,
) -> impl Iterator<Item = (usize, usize, &'static CountryForm)> {
    lexicon()
        .find(text, from)
        .into_iter()
        .filter_map(|hit| match hit.entry {
            Entry::Country(form) => Some((hit.start, hit.end, form)),
            _ => None,
        })
}

/// Is the whole of `text` a form of a State's name (`U.S.`, `DRC`)?
pub fn is_country(text: &str) -> bool {
    countries(text, 0).any(|(start, end, _)| start == 0 && end == text.len())
}

/// Does the line name a body that keeps "Organisation" in its name?
pub fn names_an_organisation(line: &StyleLine<'_>) -> bool {
    line.hits.iter().any(|hit| {
        matches!(hit.entry, Entry::Name) && line.text()[hit.start..hit.end].contains("Organisation")
    })
}

/// Does the word at `start..end` stand in a proper name of several capitalized
/// words ("Center for Oceans Law and Policy", "Department of Defense")? Such
/// names keep their owners' spelling, except the names of the United Nations'
/// own bodies ("United Nations Development Program" is wrong).
pub fn in_proper_name(text: &str, start: usize, end: usize) -> bool {
    const LINKS: [&str; 6] = ["of", "for", "and", "the", "on", "in"];
    let capitalized = |w: &str| w.starts_with(char::is_uppercase);
    if !capitalized(&text[start..end]) {
        return false;
    }
    let before: Vec<&str> = text[..start].split(' ').rev().skip(1).take(6).collect();
    let after: Vec<&str> = text[end..].split(' ').skip(1).take(6).collect();
    let mut name: Vec<&str> = Vec::new();
    for word in &before {
        if capitalized(word) {
            name.insert(0, word);
        } else if !LINKS.contains(word) {
            break;
        }
    }
    let united_nations = name.windows(2).any(|pair| pair == ["United", "Nations"]);
    for word in &after {
        let word = word.trim_end_matches([',', ';', '.', ':', ')']);
        if capitalized(word) {
            name.push(word);
        } else if !LINKS.contains(&word) {
            break;
        }
    }
    !name.is_empty() && !united_nations
}

/// Does a name or an acronym stand alone as a noun before `rest` (punctuation,
/// or a word that cannot be the noun it modifies), rather than modify the next
/// word ("the WHO Framework Convention", "United States dollars")?
pub fn stands_alone(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['’', '\'']);
    match rest.chars().next() {
        None => true,
        Some(c) if c != ' ' => !c.is_alphanumeric(),
        Some(_) => {
            let next = rest[1..].split([' ', ',', ';', '.']).next().unwrap_or("");
            matches!(
                next,
                "and"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "of"
                    | "for"
                    | "with"
                    | "by"
                    | "at"
                    | "as"
                    | "is"
                    | "has"
                    | "have"
                    | "was"
                    | "will"
                    | "should"
                    | "shall"
                    | "can"
                    | "may"
                    | "which"
                    | "that"
                    | "who"
                    | "within"
                    | "under"
            )
        }
    }
}

/// `form` written in the case of `written`: `ORGANIZATION` for `ORGANISATION`,
/// `Organization` for `Organisation`.
pub fn in_case_of(written: &str, form: &str) -> String {
    let mut letters = written.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let all_upper = first_upper && written.chars().count() > 1 && letters.all(char::is_uppercase);
    if all_upper {
        form.to_uppercase()
    } else if first_upper {
        let mut chars = form.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        form.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_and_names_are_shielded() {
        let text =
            "the “Organisation” and the Organisation for the Prohibition of Chemical Weapons";
        let shield = Shield::of(text);
        let quoted = text.find("Organisation").unwrap();
        assert!(shield.covers(quoted, quoted + 12));
        let named = text.rfind("Organisation").unwrap();
        assert!(shield.covers(named, named + 12));
        assert!(!Shield::of("the Organisation").covers(4, 16));
    }

    #[test]
    fn proper_names_of_other_bodies() {
        let text =
            "the Center for Oceans Law and Policy and the United Nations Development Program";
        let center = text.find("Center").unwrap();
        assert!(in_proper_name(text, center, center + 6));
        let program = text.find("Program").unwrap();
        assert!(!in_proper_name(text, program, program + 7));
        assert!(!in_proper_name("the regional center of", 13, 19));
    }

    #[test]
    fn case_follows_the_written_word() {
        assert_eq!(in_case_of("ORGANISATION", "organization"), "ORGANIZATION");
        assert_eq!(in_case_of("Organisation", "organization"), "Organization");
        assert_eq!(in_case_of("organisation", "organization"), "organization");
    }
}
