//! The word lists of `data/style/`, parsed once on first use into one
//! [`Lexicon`].

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::lexicon::{Entry, Lexicon};
use super::numbers::cardinal_words;
use crate::analysis::Severity;
use crate::analysis::date::Date;

/// Rows of a shipped TSV file (header skipped, blank lines ignored).
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.split('\t').collect())
}

fn cell(cells: &[&'static str], i: usize) -> &'static str {
    cells.get(i).copied().unwrap_or("")
}

/// A word STY001–STY003 report, with its UN form (`data/style/spelling.tsv`).
#[derive(Debug)]
pub struct Spelling {
    /// The rule whose list holds the word.
    pub rule: &'static str,
    pub right: &'static str,
    /// What kind of form it is (`-yse`, `root -ise`, `British form` …).
    pub note: &'static str,
}

fn spellings() -> impl Iterator<Item = (String, Entry)> {
    rows(include_str!("../../../data/style/spelling.tsv")).map(|cells| {
        (
            cell(&cells, 0).to_owned(),
            Entry::Spelling(Spelling {
                rule: cell(&cells, 2),
                right: cell(&cells, 1),
                note: cell(&cells, 4),
            }),
        )
    })
}

/// The single words of the numbers from ten: `ten` … `nineteen`, `twenty` …
/// `ninety` (STY009).
fn cardinals() -> impl Iterator<Item = (String, Entry)> {
    (10..100)
        .filter(|n| *n < 20 || n % 10 == 0)
        .filter_map(|n| Some((cardinal_words(n)?, Entry::Cardinal(n))))
}

/// A term STY004–STY006 and STY008 report (`data/style/terms.tsv`).
#[derive(Debug)]
pub struct Term {
    pub rule: &'static str,
    pub right: &'static str,
    pub level: Severity,
    pub note: &'static str,
}

fn terms() -> impl Iterator<Item = (String, Entry)> {
    rows(include_str!("../../../data/style/terms.tsv")).map(|cells| {
        (
            cell(&cells, 1).to_owned(),
            Entry::Term(Term {
                rule: cell(&cells, 0),
                right: cell(&cells, 2),
                level: Severity::parse(cell(&cells, 3)).unwrap_or(Severity::Warning),
                note: cell(&cells, 4),
            }),
        )
    })
}

/// A compound STY013 reports (`data/style/compounds.tsv`).
#[derive(Debug)]
pub struct Compound {
    pub right: &'static str,
    /// Words after which the phrase is no compound ("evidence based on").
    pub unless_next: Vec<&'static str>,
}

fn compounds() -> impl Iterator<Item = (String, Entry)> {
    rows(include_str!("../../../data/style/compounds.tsv")).map(|cells| {
        (
            cell(&cells, 0).to_owned(),
            Entry::Compound(Compound {
                right: cell(&cells, 1),
                unless_next: cell(&cells, 2).split_whitespace().collect(),
            }),
        )
    })
}

/// When STY014 reports a form of a State's name (see `data/style/build_countries.py`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryUse {
    /// An official short name or accepted form: never reported.
    Official,
    /// Always reported.
    Flag,
    /// Security Council practice: reported outside Council texts.
    Council,
    /// An abbreviation reported unless the text defines it or is a Council text.
    Defined,
    /// A former name, reported in texts adopted on or after the date (and in
    /// undated drafts).
    Former(Date),
}

/// A form of the name of a Member or observer State (`data/style/countries.tsv`).
#[derive(Debug)]
pub struct CountryForm {
    pub form: &'static str,
    pub official: &'static str,
    pub use_: CountryUse,
}

fn countries() -> impl Iterator<Item = (String, Entry)> {
    rows(include_str!("../../../data/style/countries.tsv")).filter_map(|cells| {
        let use_ = match cell(&cells, 2) {
            "official" => CountryUse::Official,
            "flag" => CountryUse::Flag,
            "council" => CountryUse::Council,
            "defined" => CountryUse::Defined,
            "former" => CountryUse::Former(Date::parse_iso(cell(&cells, 3))?),
            _ => return None,
        };
        let form = cell(&cells, 0);
        Some((
            form.to_owned(),
            Entry::Country(CountryForm {
                form,
                official: cell(&cells, 1),
                use_,
            }),
        ))
    })
}

static OFFICIAL_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    rows(include_str!("../../../data/style/countries.tsv"))
        .map(|cells| cell(&cells, 1))
        .collect()
});

/// Is `name` the official short name of a Member or observer State, as
/// sponsor lists write it (`Bolivia (Plurinational State of)`)?
pub fn is_official_country_name(name: &str) -> bool {
    OFFICIAL_NAMES.contains(name)
}

/// Names that keep their owners' spelling (`data/style/proper_names.txt`).
fn proper_names() -> impl Iterator<Item = (String, Entry)> {
    include_str!("../../../data/style/proper_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|name| (name.to_owned(), Entry::Name))
}

fn acronyms() -> impl Iterator<Item = (String, Entry)> {
    organization_acronyms()
        .iter()
        .map(|(acronym, name)| ((*acronym).to_owned(), Entry::Acronym(name)))
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        spellings()
            .chain(cardinals())
            .chain(terms())
            .chain(compounds())
            .chain(countries())
            .chain(proper_names())
            .chain(acronyms()),
    )
});

/// Every list of `data/style/`.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Acronyms of organizations, which take no article (STY007).
pub type Acronyms = HashMap<&'static str, &'static str>;

static ACRONYMS: LazyLock<Acronyms> = LazyLock::new(|| {
    rows(include_str!("../../../data/style/acronyms.tsv"))
        .map(|cells| (cell(&cells, 0), cell(&cells, 1)))
        .collect()
});

pub fn organization_acronyms() -> &'static Acronyms {
    &ACRONYMS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<&'static Entry> {
        lexicon()
            .find(text, 0)
            .into_iter()
            .map(|h| h.entry)
            .collect()
    }

    #[test]
    fn every_list_parses() {
        let spelling = |word: &str| match entries(word)[..] {
            [Entry::Spelling(s)] => Some((s.rule, s.right)),
            _ => None,
        };
        assert_eq!(spelling("organisation"), Some(("STY001", "organization")));
        assert_eq!(spelling("analyze"), Some(("STY001", "analyse")));
        assert_eq!(spelling("programs"), Some(("STY002", "programmes")));
        assert_eq!(spelling("center"), Some(("STY003", "centre")));
        assert!(matches!(entries("Twenty")[..], [Entry::Cardinal(20)]));
        let rules: Vec<&str> = entries("the SG and the UN")
            .iter()
            .filter_map(|e| match e {
                Entry::Term(t) => Some(t.rule),
                _ => None,
            })
            .collect();
        assert_eq!(rules, vec!["STY004", "STY006"]);
        let found: Vec<&str> = entries("Viet Nam and Vietnam")
            .iter()
            .filter_map(|e| match e {
                Entry::Country(f) => Some(f.form),
                _ => None,
            })
            .collect();
        assert_eq!(found, vec!["Viet Nam", "Vietnam"]);
        assert_eq!(organization_acronyms()["WHO"], "World Health Organization");
        assert!(matches!(entries("Peace-Keeping")[..], [Entry::Compound(_)]));
        assert!(
            entries("the Organisation of Islamic Cooperation")
                .iter()
                .any(|e| matches!(e, Entry::Name))
        );
    }
}
