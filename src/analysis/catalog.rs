//! The record: a catalog of adopted resolutions (symbol, date, title, meeting,
//! vote) compiled into the binary from `data/catalog/catalog.tsv`, plus the
//! user's own catalog files (their text, given in [`Config`](super::Config)).
//!
//! Source: United Nations. When using the files, the user must acknowledge the
//! United Nations as the source of the information (see
//! `data/catalog/PROVENANCE.md`). The record is incomplete, above all for GA
//! sessions 1–73: a missing resolution is no evidence of a wrong citation.
//!
//! The embedded table is parsed once, on first use. Lookup by symbol is a hash
//! lookup; the indexes completion needs (citation forms, title words) are built
//! once, on first use, as sorted vectors searched by prefix.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use super::date::Date;
use super::symbol::{citation_form, symbol_key};

static EMBEDDED_TSV: &str = include_str!("../../data/catalog/catalog.tsv");

static EMBEDDED: LazyLock<CatalogData> = LazyLock::new(|| CatalogData::parse(EMBEDDED_TSV));

static CITING_CLAUSES_TSV: &str = include_str!("../../data/catalog/citing_clauses.tsv");

static CITING_CLAUSES: LazyLock<HashMap<String, CitedAs>> =
    LazyLock::new(|| parse_citing_clauses(CITING_CLAUSES_TSV));

/// The attribution the source requires ("the user must acknowledge the United
/// Nations as the source of the information"), shown with every record.
pub const ATTRIBUTION: &str = "Source: United Nations";

/// How sure the record is of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// Official UN metadata, or two sources agreeing.
    High,
    /// Cited with this date in official texts, or one good secondary source.
    Medium,
}

/// How far a title is the UN's own wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// The official title.
    Official,
    /// The title of the resolution's UN Digital Library record (UN metadata;
    /// a few keep small typos of the library).
    Library,
    /// The UN Digital Library catalogue title as retyped in a third-party data
    /// set: mostly exact, sometimes with a typo.
    Catalogue,
    /// Secondary web pages agreeing; not read from a UN copy.
    Secondary,
    /// A topic label from voting data, not a title.
    TopicLabel,
    /// The agenda item of a Security Council resolution (SC resolutions have no
    /// titles).
    AgendaItem,
}

impl TitleKind {
    fn from_code(code: &str) -> Option<TitleKind> {
        match code {
            "O" => Some(TitleKind::Official),
            "L" => Some(TitleKind::Library),
            "C" => Some(TitleKind::Catalogue),
            "S" => Some(TitleKind::Secondary),
            "T" => Some(TitleKind::TopicLabel),
            "A" => Some(TitleKind::AgendaItem),
            _ => None,
        }
    }

    /// The shared catalog's `title_source` column.
    fn from_source(source: &str) -> Option<TitleKind> {
        match source {
            "unxml-ga" | "unxml-ga-xml" | "undl-record" | "un-document" | "un-web"
            | "entitled-in-unxml" => Some(TitleKind::Official),
            "unvotes-undl" => Some(TitleKind::Catalogue),
            "web-secondary" => Some(TitleKind::Secondary),
            "unvotes-short" => Some(TitleKind::TopicLabel),
            _ => None,
        }
    }
}

/// One resolution of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Canonical symbol (`A/RES/57/270 B`, `S/RES/2334(2016)`).
    pub symbol: String,
    pub date: Option<(Date, Confidence)>,
    pub title: Option<(String, TitleKind)>,
    /// Meeting record (`A/68/PV.71`, `S/PV.4213`).
    pub meeting: Option<String>,
    /// `without a vote`, `recorded vote 181-1-0`, `14-0-1`.
    pub vote: Option<String>,
    /// What a Security Council resolution is about, in the Digital Library's
    /// words (`on women and peace and security`).
    pub subject: Option<String>,
}

impl Record {
    /// How the record cites it in running text (`57/270 B`, `1325 (2000)`).
    pub fn citation(&self) -> String {
        citation_form(&self.symbol).unwrap_or_else(|| self.symbol.clone())
    }

    pub fn adoption_date(&self) -> Option<Date> {
        self.date.map(|(date, _)| date)
    }
}

/// What the adopted texts say of a resolution where they cite it, for the
/// resolutions the record has no title for (`data/catalog/citing_clauses.tsv`,
/// collected from the texts by `build_citing_clauses.py`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedAs {
    /// The describing clause most texts use (`in which it endorsed …`,
    /// `entitled “…”`, `on …`) and how many texts use it.
    pub clause: Option<(String, u32)>,
    /// How many texts cite the resolution at all.
    pub citing_texts: u32,
    /// The titled resolution it is most often cited with in one list, and in
    /// how many texts.
    pub cited_with: Option<(String, u32)>,
}

/// What the adopted texts say of `symbol` (canonical form), if anything.
pub fn cited_as(symbol: &str) -> Option<&'static CitedAs> {
    CITING_CLAUSES.get(&symbol_key(symbol))
}

fn parse_citing_clauses(text: &str) -> HashMap<String, CitedAs> {
    let mut map = HashMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [
            symbol,
            clause,
            with_clause,
            citing,
            companion,
            with_companion,
        ] = cells[..]
        else {
            continue;
        };
        let count = |cell: &str| cell.parse::<u32>().ok();
        let pair = |value: &str, texts: &str| {
            (!value.is_empty())
                .then(|| count(texts).map(|n| (value.to_owned(), n)))
                .flatten()
        };
        map.insert(
            symbol_key(symbol),
            CitedAs {
                clause: pair(clause, with_clause),
                citing_texts: count(citing).unwrap_or(0),
                cited_with: pair(companion, with_companion),
            },
        );
    }
    map
}

/// One parsed catalog table.
#[derive(Debug, Default)]
pub struct CatalogData {
    records: Vec<Record>,
    by_key: HashMap<String, usize>,
    /// Sorted (citation form, record) pairs, built on first use.
    numbers: OnceLock<Vec<(String, u32)>>,
    /// The records of each lower-case title word, built on first use.
    words: OnceLock<TitleWords>,
}

impl CatalogData {
    /// Parse a catalog table: a header line naming the columns, then one row per
    /// resolution. Both the compact columns (`symbol date confidence title_kind
    /// title meeting vote`) and the shared catalog's (`… title … title_source`)
    /// are understood; rows without a symbol are skipped.
    pub fn parse(text: &str) -> CatalogData {
        let mut lines = text.lines();
        let Some(header) = lines.next() else {
            return CatalogData::default();
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let column = |name: &str| columns.iter().position(|c| *c == name);
        let symbol_at = column("symbol");
        let date_at = column("date");
        let confidence_at = column("confidence");
        let title_at = column("title");
        let kind_at = column("title_kind");
        let source_at = column("title_source");
        let meeting_at = column("meeting");
        let vote_at = column("vote");
        let body_at = column("body");
        let subject_at = column("subject");
        let mut data = CatalogData::default();
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |at: Option<usize>| {
                at.and_then(|i| cells.get(i))
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
            };
            let Some(symbol) = cell(symbol_at) else {
                continue;
            };
            let confidence = match cell(confidence_at) {
                Some("h" | "high") => Some(Confidence::High),
                Some("m" | "medium") => Some(Confidence::Medium),
                // User files without a confidence column are trusted as medium.
                None if confidence_at.is_none() => Some(Confidence::Medium),
                _ => None,
            };
            let date = cell(date_at).and_then(Date::parse_iso).zip(confidence);
            let title = cell(title_at).map(|title| {
                let kind = cell(kind_at)
                    .and_then(TitleKind::from_code)
                    .or_else(|| cell(source_at).and_then(TitleKind::from_source))
                    .unwrap_or(if cell(body_at) == Some("SC") {
                        TitleKind::AgendaItem
                    } else {
                        TitleKind::TopicLabel
                    });
                (title.to_owned(), kind)
            });
            data.push(Record {
                symbol: symbol.to_owned(),
                date,
                title,
                meeting: cell(meeting_at).map(str::to_owned),
                vote: cell(vote_at).map(str::to_owned),
                subject: cell(subject_at).map(str::to_owned),
            });
        }
        data
    }

    fn push(&mut self, record: Record) {
        let index = self.records.len();
        let key = symbol_key(&record.symbol);
        // `A/RES/75/101 A-B` also answers for `75/101 A` and `75/101 B`.
        if let Some((base, range)) = record.symbol.rsplit_once(' ')
            && let Some((first, last)) = range.split_once('-')
            && first.len() == 1
            && last.len() == 1
            && first < last
        {
            for letter in first.chars().next().unwrap_or('A')..=last.chars().next().unwrap_or('A') {
                self.by_key
                    .entry(symbol_key(&format!("{base} {letter}")))
                    .or_insert(index);
            }
        }
        self.by_key.insert(key, index);
        self.records.push(record);
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn get(&self, symbol: &str) -> Option<&Record> {
        self.by_key
            .get(&symbol_key(symbol))
            .map(|&i| &self.records[i])
    }

    fn numbers(&self) -> &[(String, u32)] {
        self.numbers.get_or_init(|| {
            let mut numbers: Vec<(String, u32)> = self
                .records
                .iter()
                .enumerate()
                .map(|(i, record)| (record.citation(), i as u32))
                .collect();
            numbers.sort();
            numbers
        })
    }

    fn words(&self) -> &TitleWords {
        self.words.get_or_init(|| TitleWords::build(&self.records))
    }

    /// Records whose citation form starts with `prefix` (`68/23` → 68/230 …).
    fn by_number_prefix(
        &self,
        prefix: &str,
        limit: usize,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Vec<&Record> {
        prefix_range(self.numbers(), prefix)
            .iter()
            .map(|(_, i)| &self.records[*i as usize])
            .filter(|r| keep(r))
            .take(limit)
            .collect()
    }

    /// Records whose title has, for every query word, a word starting with it.
    fn by_title_words(&self, query: &[String]) -> Vec<&Record> {
        let Some((first, rest)) = query.split_first() else {
            return Vec::new();
        };
        let mut hits = self.words().records_with_prefix(first);
        for word in rest {
            let next = self.words().records_with_prefix(word);
            hits.retain(|i| next.binary_search(i).is_ok());
        }
        hits.into_iter()
            .map(|i| &self.records[i as usize])
            .collect()
    }
}

/// The entries of a sorted vector whose key starts with `prefix`.
fn prefix_range<'a>(sorted: &'a [(String, u32)], prefix: &str) -> &'a [(String, u32)] {
    let start = sorted.partition_point(|(key, _)| key.as_str() < prefix);
    let len = sorted[start..].partition_point(|(key, _)| key.starts_with(prefix));
    &sorted[start..start + len]
}

/// Which records have each title word: the distinct words sorted, and for
/// each its records in one shared array: each word is stored once instead of
/// once per record (the embedded record's index: 4.3 MiB of resident memory
/// instead of 7.8 with one `(String, u32)` pair per word and record).
#[derive(Debug, Default)]
struct TitleWords {
    words: Vec<Box<str>>,
    /// The records of `words[i]` are `records[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    records: Vec<u32>,
}

impl TitleWords {
    fn build(records: &[Record]) -> TitleWords {
        let mut pairs: Vec<(String, u32)> = Vec::new();
        for (i, record) in records.iter().enumerate() {
            if let Some((title, _)) = &record.title {
                pairs.extend(title_words(title).into_iter().map(|w| (w, i as u32)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut index = TitleWords::default();
        for (word, record) in pairs {
            if index.words.last().map(|w| &**w) != Some(word.as_str()) {
                index.starts.push(index.records.len() as u32);
                index.words.push(word.into_boxed_str());
            }
            index.records.push(record);
        }
        index.starts.push(index.records.len() as u32);
        index
    }

    /// The records with a title word starting with `prefix`, sorted, once each.
    fn records_with_prefix(&self, prefix: &str) -> Vec<u32> {
        let first = self.words.partition_point(|w| &**w < prefix);
        let count = self.words[first..].partition_point(|w| w.starts_with(prefix));
        let span = self.starts[first] as usize..self.starts[first + count] as usize;
        let mut hits = self.records[span].to_vec();
        hits.sort_unstable();
        hits.dedup();
        hits
    }
}

/// Lower-case words of a title; hyphenated words also count as their parts
/// (`South-South` → `south-south`, `south`).
pub fn title_words(title: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in title.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let word = word.trim_matches('-').to_lowercase();
        if word.len() < 2 {
            continue;
        }
        if word.contains('-') {
            for part in word.split('-').filter(|p| p.len() >= 2) {
                words.push(part.to_owned());
            }
        }
        words.push(word);
    }
    words
}

/// The record the analysis consults: the embedded catalog, overlaid by the
/// user's catalog files (which win for symbols they both list).
#[derive(Debug)]
pub struct Catalog {
    base: &'static CatalogData,
    extra: CatalogData,
    /// A hash of the user's catalog texts (0 for none): what the line memo
    /// keys the findings of rules that read the record on.
    fingerprint: u64,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog::embedded()
    }
}

impl Catalog {
    /// The embedded catalog alone (parsed on first use, then shared).
    pub fn embedded() -> Catalog {
        Catalog {
            base: &EMBEDDED,
            extra: CatalogData::default(),
            fingerprint: 0,
        }
    }

    /// A record without resolutions: what the server's warm-up runs the
    /// requests with, so that it builds none of the record's completion
    /// indexes (they are built on the first completion that needs them).
    pub fn empty() -> Catalog {
        static EMPTY: LazyLock<CatalogData> = LazyLock::new(CatalogData::default);
        Catalog {
            base: &EMPTY,
            extra: CatalogData::default(),
            fingerprint: 0,
        }
    }

    /// The embedded catalog plus the user's catalog files (TSV text with a
    /// header line; the same columns as the embedded or the shared catalog).
    pub fn with_extras<S: AsRef<str>>(extras: &[S]) -> Catalog {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        let mut extra = CatalogData::default();
        for text in extras {
            text.as_ref().hash(&mut hasher);
            for record in CatalogData::parse(text.as_ref()).records {
                extra.push(record);
            }
        }
        Catalog {
            base: &EMBEDDED,
            extra,
            fingerprint: if extras.is_empty() {
                0
            } else {
                hasher.finish() | 1
            },
        }
    }

    /// Equal for catalogs built from the same user catalog texts.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The record of a resolution by symbol (any spacing). Lettered parts are
    /// separate resolutions, often adopted on different dates (57/270 A in 2002,
    /// 57/270 B in 2003): a part the record lacks is not looked up as a whole.
    pub fn get(&self, symbol: &str) -> Option<&Record> {
        self.extra.get(symbol).or_else(|| self.base.get(symbol))
    }

    /// Number of records (embedded plus user rows; overlaps counted twice).
    pub fn len(&self) -> usize {
        self.base.len() + self.extra.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every record: the user's first, then the embedded ones.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.extra.records().iter().chain(self.base.records())
    }

    /// Records whose citation form starts with `prefix` and that `keep`
    /// accepts, at most `limit`, in order of their citation form.
    pub fn search_number(
        &self,
        prefix: &str,
        limit: usize,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Vec<&Record> {
        let mut out = self.extra.by_number_prefix(prefix, limit, keep);
        for record in self.base.by_number_prefix(prefix, limit, keep) {
            if out.len() >= limit {
                break;
            }
            if self.extra.get(&record.symbol).is_none() {
                out.push(record);
            }
        }
        out
    }

    /// Records whose title matches every word of `query` by prefix
    /// (case-insensitive) and that `keep` accepts: official and catalogue titles
    /// first, then most recent first; at most `limit`.
    pub fn search_title(
        &self,
        query: &str,
        limit: usize,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Vec<&Record> {
        let words = title_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits = self.extra.by_title_words(&words);
        hits.extend(
            self.base
                .by_title_words(&words)
                .into_iter()
                .filter(|r| self.extra.get(&r.symbol).is_none()),
        );
        hits.retain(|r| keep(r));
        hits.sort_by(|a, b| {
            let official = |r: &Record| {
                !matches!(
                    r.title,
                    Some((
                        _,
                        TitleKind::Official | TitleKind::Library | TitleKind::Catalogue
                    ))
                )
            };
            official(a)
                .cmp(&official(b))
                .then(b.adoption_date().cmp(&a.adoption_date()))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::analysis::symbol::plausible_years;

    #[test]
    fn known_dates() {
        let catalog = Catalog::embedded();
        for (symbol, date) in [
            ("A/RES/68/230", "2013-12-20"),
            ("A/RES/64/222", "2009-12-21"),
            ("A/RES/33/134", "1978-12-19"),
            ("A/RES/57/270 B", "2003-06-23"),
            ("S/RES/1325 (2000)", "2000-10-31"),
        ] {
            let record = catalog.get(symbol).unwrap_or_else(|| panic!("{symbol}"));
            assert_eq!(record.adoption_date(), Date::parse_iso(date), "{symbol}");
        }
        assert!(catalog.len() > 11_000);
    }

    #[test]
    fn no_duplicate_symbols() {
        let mut seen = HashSet::new();
        for record in EMBEDDED.records() {
            assert!(seen.insert(symbol_key(&record.symbol)), "{}", record.symbol);
        }
    }

    #[test]
    fn every_date_fits_its_session_or_year() {
        let mut misfits = Vec::new();
        for record in EMBEDDED.records() {
            let (Some(date), Some((first, last))) =
                (record.adoption_date(), plausible_years(&record.symbol))
            else {
                continue;
            };
            if date.year < first || date.year > last {
                misfits.push(format!("{} {}", record.symbol, date.iso()));
            }
        }
        assert!(misfits.is_empty(), "{misfits:?}");
    }

    #[test]
    fn most_records_are_dated() {
        let dated = EMBEDDED
            .records()
            .iter()
            .filter(|r| r.date.is_some())
            .count();
        assert!(dated > 7_000, "{dated}");
    }

    #[test]
    fn user_catalog_overlays() {
        let catalog = Catalog::with_extras(&[
            "symbol\tdate\ttitle\nA/RES/99/1\t2044-09-20\tZyzzyva protection\nA/RES/64/222\t2009-12-22\tNairobi".to_owned(),
        ]);
        assert_eq!(
            catalog.get("A/RES/99/1").and_then(Record::adoption_date),
            Date::parse_iso("2044-09-20")
        );
        assert_eq!(
            catalog.get("A/RES/64/222").and_then(Record::adoption_date),
            Date::parse_iso("2009-12-22")
        );
        assert_eq!(catalog.search_title("zyzzyva", 5, &|_| true).len(), 1);
    }

    #[test]
    fn searches() {
        let catalog = Catalog::embedded();
        let found: Vec<String> = catalog
            .search_number("68/23", 20, &|_| true)
            .into_iter()
            .map(Record::citation)
            .collect();
        assert!(found.contains(&"68/230".to_owned()), "{found:?}");
        let south: Vec<&str> = catalog
            .search_title("South-South", 50, &|_| true)
            .into_iter()
            .map(|r| r.symbol.as_str())
            .collect();
        assert!(south.len() > 3, "{south:?}");
    }
}
