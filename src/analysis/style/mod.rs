//! Shared pieces of the style and terminology rules (STY, spec §8): the lines
//! they read, the spans they leave alone (quotations, proper names that keep
//! their owners' spelling), word iteration, case-preserving replacement, and the
//! word lists of `data/style/` (see its PROVENANCE.md), each parsed once.
//!
//! Lists are looked up in O(1) (a hash map from the lower-case word) or found by
//! one Aho–Corasick automaton per list, never by scanning a list per word.

mod lists;
mod numbers;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub use lists::{
    CountryForm, CountryUse, Spelling, Term, compounds, countries, organization_acronyms, spelling,
    terms,
};
pub use numbers::{cardinal_value, cardinal_words, ordinal_words};

use super::Severity;
use super::agreed_language::tokenize;
use super::rules::Context;
use crate::syntax::{LexedLine, Role};

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

/// The lines the style rules read: the resolution's own text (not annexed
/// instruments, see [`Context::own_text`]) in the roles of [`reads`].
pub fn lines<'c>(
    context: &'c Context<'_>,
) -> impl Iterator<Item = (usize, &'c LexedLine, Role)> + 'c {
    let own = context.own_text();
    context
        .tree
        .iter()
        .filter(move |(index, _, role)| own[*index] && reads(*role))
}

/// The level of a rule whose finding the Security Council's own practice
/// contradicts: information in Council texts, `default` elsewhere.
pub fn council_level(context: &Context<'_>, default: Severity) -> Severity {
    if context.security_council() {
        Severity::Information
    } else {
        default
    }
}

/// A word (a run of letters) of a line: hyphenated compounds are split, so
/// `self-defense` yields `self` and `defense`.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words of `text` from byte `from`, with the shared opening tokenizer.
pub fn words(text: &str, from: usize) -> impl Iterator<Item = Word<'_>> {
    tokenize(text, from, usize::MAX)
        .into_iter()
        .filter(|token| token.word)
        .flat_map(|token| {
            let (base, whole) = (token.start, token.text);
            whole.split(['-', '‑']).map(move |part| {
                // `part` borrows from `whole`: its offset is the pointer distance.
                let offset = part.as_ptr() as usize - whole.as_ptr() as usize;
                Word {
                    text: part,
                    start: base + offset,
                    end: base + offset + part.len(),
                }
            })
        })
        .filter(|word| !word.text.is_empty())
}

/// Words of a line found in a spelling list (by lower-case form), outside
/// quotations and proper names: `(word, entry)` in order.
pub fn misspelled<'l>(
    list: &'static HashMap<Box<str>, Spelling>,
    text: &'l str,
    from: usize,
) -> Vec<(Word<'l>, &'static Spelling)> {
    let mut shield: Option<Shield> = None;
    let mut out = Vec::new();
    for word in words(text, from) {
        let Some(entry) = lookup(list, word.text) else {
            continue;
        };
        if shield
            .get_or_insert_with(|| Shield::of(text))
            .covers(word.start, word.end)
        {
            continue;
        }
        out.push((word, entry));
    }
    out
}

/// The terms of `rule` (`data/style/terms.tsv`) found in `text` from `from`,
/// outside quotations and proper names.
pub fn terms_in(rule: &str, text: &str, from: usize) -> Vec<(usize, usize, &'static Term)> {
    let Some(list) = terms(rule) else {
        return Vec::new();
    };
    let mut shield: Option<Shield> = None;
    list.find(text, from)
        .filter(|(start, end, _)| {
            !shield
                .get_or_insert_with(|| Shield::of(text))
                .covers(*start, *end)
        })
        .collect()
}

/// Look `word` up by its lower-case form without allocating.
pub fn lookup<'m, V>(map: &'m HashMap<Box<str>, V>, word: &str) -> Option<&'m V> {
    let mut buffer = [0u8; 40];
    if word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    map.get(std::str::from_utf8(lower).ok()?)
}

/// Spans of a line that the style rules leave alone: quotations (“…”, "…")
/// and proper names that keep their owners' spelling (`data/style/proper_names.txt`).
#[derive(Debug, Default)]
pub struct Shield {
    ranges: Vec<(usize, usize)>,
}

static PROPER_NAMES: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
    let names = include_str!("../../../data/style/proper_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names)
        .expect("proper names build an automaton")
});

impl Shield {
    pub fn of(text: &str) -> Shield {
        let mut ranges = quotations(text);
        ranges.extend(
            PROPER_NAMES
                .find_iter(text)
                .filter(|m| name_bounded(text, m.start(), m.end()))
                .map(|m| (m.start(), m.end())),
        );
        Shield { ranges }
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
    for (at, ch) in text.char_indices() {
        match ch {
            '“' => {
                if depth == 0 {
                    curly_start = at;
                }
                depth += 1;
            }
            '”' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((curly_start, at + ch.len_utf8()));
                }
            }
            '"' => match straight_start.take() {
                Some(start) => out.push((start, at + 1)),
                None => straight_start = Some(at),
            },
            _ => {}
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

/// Is `text[start..end]` a whole word or phrase: no letter, digit or hyphen
/// touches it (`UN` is not found in `UN-Women`, nor `member states` in
/// `non-member states`)?
pub fn bounded(text: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '-' || c == '‑';
    !text[..start].chars().next_back().is_some_and(joins)
        && !text[end..].chars().next().is_some_and(joins)
}

/// Does the line name a body that keeps "Organisation" in its name?
pub fn names_an_organisation(text: &str) -> bool {
    text.contains("Organisation")
        && PROPER_NAMES
            .find_iter(text)
            .any(|m| text[m.start()..m.end()].contains("Organisation"))
}

/// Is `text[start..end]` a whole name? A hyphen may follow it: names are also
/// used as modifiers ("Organisation for the Prohibition of Chemical
/// Weapons-United Nations Joint Investigative Mechanism").
fn name_bounded(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
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

/// An automaton over phrases with the data they stand for, matched as whole
/// words ([`bounded`]), leftmost-longest so that a longer phrase wins.
pub struct Phrases<T> {
    automaton: AhoCorasick,
    entries: Vec<T>,
}

impl<T> Phrases<T> {
    pub fn new(entries: Vec<(String, T)>, case_insensitive: bool) -> Phrases<T> {
        let (patterns, entries): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(case_insensitive)
            .build(&patterns)
            .expect("phrases build an automaton");
        Phrases { automaton, entries }
    }

    /// Whole-word matches in `text` from `from`: (start, end, entry).
    pub fn find<'p, 't>(
        &'p self,
        text: &'t str,
        from: usize,
    ) -> impl Iterator<Item = (usize, usize, &'p T)> + use<'p, 't, T> {
        let from = from.min(text.len());
        self.automaton
            .find_iter(&text[from..])
            .map(move |m| (from + m.start(), from + m.end(), &self.entries[m.pattern()]))
            .filter(move |(start, end, _)| bounded(text, *start, *end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_compounds() {
        let found: Vec<(&str, usize)> = words("self-defense of the Organisation", 0)
            .map(|w| (w.text, w.start))
            .collect();
        assert_eq!(
            found,
            vec![
                ("self", 0),
                ("defense", 5),
                ("of", 13),
                ("the", 16),
                ("Organisation", 20)
            ]
        );
    }

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

    #[test]
    fn phrases_match_whole_words_only() {
        let phrases = Phrases::new(vec![("UN".to_owned(), 1)], false);
        let text = "UN-Women, the UN system and UNDP";
        let found: Vec<usize> = phrases.find(text, 0).map(|(s, _, _)| s).collect();
        assert_eq!(found, vec![14]);
    }
}
