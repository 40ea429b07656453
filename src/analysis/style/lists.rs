//! The word lists of `data/style/`, each parsed once on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Phrases;
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

/// A word STY001–STY003 report, with its UN form.
#[derive(Debug)]
pub struct Spelling {
    pub right: &'static str,
    /// What kind of form it is (`-yse`, `root -ise`, `British form` …).
    pub note: &'static str,
}

static SPELLING: LazyLock<HashMap<&'static str, HashMap<Box<str>, Spelling>>> =
    LazyLock::new(|| {
        let mut out: HashMap<&'static str, HashMap<Box<str>, Spelling>> = HashMap::new();
        for cells in rows(include_str!("../../../data/style/spelling.tsv")) {
            out.entry(cell(&cells, 2)).or_default().insert(
                cell(&cells, 0).into(),
                Spelling {
                    right: cell(&cells, 1),
                    note: cell(&cells, 4),
                },
            );
        }
        out
    });

/// The spelling list of one rule, by lower-case wrong form.
pub fn spelling(rule: &str) -> Option<&'static HashMap<Box<str>, Spelling>> {
    SPELLING.get(rule)
}

/// A term STY004–STY006 and STY008 report (`data/style/terms.tsv`).
#[derive(Debug)]
pub struct Term {
    pub right: &'static str,
    pub level: Severity,
    pub note: &'static str,
}

static TERMS: LazyLock<HashMap<&'static str, Phrases<Term>>> = LazyLock::new(|| {
    let mut lists: HashMap<&'static str, Vec<(String, Term)>> = HashMap::new();
    for cells in rows(include_str!("../../../data/style/terms.tsv")) {
        lists.entry(cell(&cells, 0)).or_default().push((
            cell(&cells, 1).to_owned(),
            Term {
                right: cell(&cells, 2),
                level: Severity::parse(cell(&cells, 3)).unwrap_or(Severity::Warning),
                note: cell(&cells, 4),
            },
        ));
    }
    lists
        .into_iter()
        .map(|(rule, list)| (rule, Phrases::new(list, false)))
        .collect()
});

/// The terms of one rule, matched case-sensitively.
pub fn terms(rule: &str) -> Option<&'static Phrases<Term>> {
    TERMS.get(rule)
}

/// A compound STY013 reports (`data/style/compounds.tsv`).
#[derive(Debug)]
pub struct Compound {
    pub right: &'static str,
    /// Words after which the phrase is no compound ("evidence based on").
    pub unless_next: Vec<&'static str>,
}

static COMPOUNDS: LazyLock<Phrases<Compound>> = LazyLock::new(|| {
    let list = rows(include_str!("../../../data/style/compounds.tsv"))
        .map(|cells| {
            (
                cell(&cells, 0).to_owned(),
                Compound {
                    right: cell(&cells, 1),
                    unless_next: cell(&cells, 2).split_whitespace().collect(),
                },
            )
        })
        .collect();
    Phrases::new(list, true)
});

/// The compounds of STY013, matched without regard to ASCII case.
pub fn compounds() -> &'static Phrases<Compound> {
    &COMPOUNDS
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

#[derive(Debug)]
pub struct CountryForm {
    pub form: &'static str,
    pub official: &'static str,
    pub use_: CountryUse,
}

static COUNTRIES: LazyLock<Phrases<CountryForm>> = LazyLock::new(|| {
    let list = rows(include_str!("../../../data/style/countries.tsv"))
        .filter_map(|cells| {
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
                CountryForm {
                    form,
                    official: cell(&cells, 1),
                    use_,
                },
            ))
        })
        .collect();
    Phrases::new(list, false)
});

/// Official names and other forms of the names of Member and observer States.
pub fn countries() -> &'static Phrases<CountryForm> {
    &COUNTRIES
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

    #[test]
    fn every_list_parses() {
        let sty001 = spelling("STY001").expect("STY001 list");
        assert_eq!(sty001["organisation"].right, "organization");
        assert_eq!(sty001["analyze"].right, "analyse");
        assert_eq!(
            spelling("STY002").expect("list")["programs"].right,
            "programmes"
        );
        assert_eq!(spelling("STY003").expect("list")["center"].right, "centre");
        assert!(terms("STY004").is_some() && terms("STY006").is_some());
        let found: Vec<&str> = countries()
            .find("Viet Nam and Vietnam", 0)
            .map(|(_, _, f)| f.form)
            .collect();
        assert_eq!(found, vec!["Viet Nam", "Vietnam"]);
        assert_eq!(organization_acronyms()["WHO"], "World Health Organization");
        assert!(compounds().find("Peace-Keeping", 0).next().is_some());
    }
}
