//! Resolutions in the user's workspace: what hover and completion show for a
//! cited resolution whose text the user has. Pure: the server reads the files and
//! hands their trees here.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::date::Date;
use super::symbol::{canonical_resolution, symbol_key};
use crate::syntax::Footnotes;
use crate::syntax::{LexedLine, LineShape, Role, Tree};

/// How many operative paragraphs a summary keeps.
const OPERATIVE_KEPT: usize = 3;

/// What a resolution file says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionSummary {
    /// Canonical symbol (`A/RES/68/230`, `S/RES/1325(2000)`).
    pub symbol: String,
    pub title: Option<String>,
    pub adoption_date: Option<Date>,
    /// The first operative paragraphs, without their numbers.
    pub operative: Vec<String>,
    /// The line of the title (or of the symbol when there is no title).
    pub title_line: usize,
}

static DATE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[1-9]|[12][0-9]|3[01]) (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19[4-9][0-9]|20[0-9]{2})")
        .expect("valid regex")
});

static ODS_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<<ODS DOC SYMBOL1>>([^<]+)<<ODS DOC SYMBOL1>>").expect("valid regex")
});

static SC_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Resolution ([1-9][0-9]*) \(((?:19|20)[0-9]{2})\)\s*$").expect("valid regex")
});

static ORGAN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\t?The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council),?\s*$")
        .expect("valid regex")
});

static OPERATIVE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\t?[1-9][0-9]*\.\t\S").expect("valid regex"));

/// Does a `.txt` file look like a resolution (an organ line and numbered
/// operative paragraphs, or an ODS symbol trailer of a resolution)?
pub fn looks_like_resolution(text: &str) -> bool {
    if let Some(captures) = ODS_SYMBOL.captures(text)
        && canonical_resolution(captures[1].trim()).is_some()
    {
        return true;
    }
    ORGAN_LINE.is_match(text) && OPERATIVE_LINE.is_match(text)
}

/// Read a resolution's symbol, title, date and first operative paragraphs from
/// its text. `None` when no resolution symbol is found.
pub fn summarize(tree: &Tree) -> Option<ResolutionSummary> {
    let mut symbol: Option<(String, usize)> = None;
    let mut title: Option<(String, usize)> = None;
    let mut adoption_date = None;
    let mut closing_date = None;
    let mut organ_prefix = "A/RES/";
    let mut operative = Vec::new();
    let footnotes = tree.footnotes();
    for (index, line, role) in tree.iter() {
        let text = line.text.trim();
        match role {
            Role::Header | Role::Other if symbol.is_none() => {
                if let Some(canonical) = canonical_resolution(text) {
                    symbol = Some((canonical, index));
                } else if let Some(captures) = SC_HEADING.captures(text) {
                    symbol = Some((format!("S/RES/{}({})", &captures[1], &captures[2]), index));
                }
            }
            Role::Trailer => {
                if let Some(captures) = ODS_SYMBOL.captures(&line.text)
                    && let Some(canonical) = canonical_resolution(captures[1].trim())
                {
                    symbol = Some((canonical, symbol.map_or(index, |(_, l)| l)));
                }
            }
            Role::Title => {
                if let LineShape::Title { number } = &line.shape {
                    let rest = line.text[number.end..].trim_start_matches('.').trim();
                    title = Some((rest.to_owned(), index));
                    let number = &line.text[number.start..number.end];
                    if symbol.is_none() {
                        symbol = Some((format!("A/RES/{number}"), index));
                    }
                }
            }
            Role::Organ => {
                if text.contains("Human Rights Council") {
                    organ_prefix = "A/HRC/RES/";
                } else if text.contains("Economic and Social Council") {
                    organ_prefix = "E/RES/";
                }
            }
            Role::Operative { .. } if operative.len() < OPERATIVE_KEPT => {
                operative.push(without_markers(index, line, footnotes));
            }
            Role::ClosingDate if closing_date.is_none() => {
                closing_date = Date::parse_text(text);
            }
            _ => {}
        }
        if adoption_date.is_none()
            && matches!(line.shape, LineShape::AdoptionLine)
            && let Some(found) = DATE_IN.find(&line.text)
        {
            adoption_date = Date::parse_text(found.as_str());
        }
    }
    let (mut symbol, symbol_line) = symbol?;
    if organ_prefix != "A/RES/"
        && let Some(rest) = symbol.strip_prefix("A/RES/")
    {
        symbol = format!("{organ_prefix}{rest}");
    }
    Some(ResolutionSummary {
        symbol,
        title_line: title.as_ref().map_or(symbol_line, |(_, l)| *l),
        title: title.map(|(t, _)| t),
        adoption_date: adoption_date.or(closing_date),
        operative,
    })
}

/// A paragraph's text without its footnote references (`session,2 the` →
/// `session, the`).
fn without_markers(index: usize, line: &LexedLine, footnotes: &Footnotes) -> String {
    let start = line.body_start.min(line.content_end);
    let mut out = String::new();
    let mut at = start;
    for reference in footnotes.refs.iter().filter(|r| r.span.line == index) {
        let span = reference.span;
        if span.start < at || span.end > line.content_end {
            continue;
        }
        out.push_str(&line.text[at..span.start]);
        at = span.end;
    }
    out.push_str(&line.text[at..line.content_end]);
    out
}

/// One resolution file of the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceEntry {
    /// The file, as the server names it (a path or URI).
    pub file: String,
    pub summary: ResolutionSummary,
}

/// The resolutions of the workspace by symbol.
#[derive(Debug, Clone, Default)]
pub struct WorkspaceIndex {
    by_symbol: HashMap<String, WorkspaceEntry>,
}

impl WorkspaceIndex {
    pub fn new() -> WorkspaceIndex {
        WorkspaceIndex::default()
    }

    /// Add or replace the summary of `file` (dropping what it said before).
    /// Returns the symbol it was indexed under.
    pub fn update(&mut self, file: &str, tree: &Tree) -> Option<String> {
        self.remove_file(file);
        let summary = summarize(tree)?;
        let symbol = summary.symbol.clone();
        self.insert(file, summary);
        Some(symbol)
    }

    pub fn insert(&mut self, file: &str, summary: ResolutionSummary) {
        self.by_symbol.insert(
            symbol_key(&summary.symbol),
            WorkspaceEntry {
                file: file.to_owned(),
                summary,
            },
        );
    }

    pub fn remove_file(&mut self, file: &str) {
        self.by_symbol.retain(|_, entry| entry.file != file);
    }

    /// The workspace file of a resolution (any spacing of the symbol).
    pub fn get(&self, symbol: &str) -> Option<&WorkspaceEntry> {
        self.by_symbol.get(&symbol_key(symbol))
    }

    pub fn len(&self) -> usize {
        self.by_symbol.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_symbol.is_empty()
    }

    pub fn entries(&self) -> impl Iterator<Item = &WorkspaceEntry> {
        self.by_symbol.values()
    }

    /// The indexed files, each once, in order (a file can hold several
    /// resolutions).
    pub fn files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self.entries().map(|e| e.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        files
    }

    /// The workspace resolutions as a catalog table, for
    /// `Config::extra_catalogs`: the rules then know them too (a resolution the
    /// user has is no "unknown resolution", and its date is checked). Dates read
    /// from the texts count as medium confidence; sorted by symbol.
    pub fn catalog_tsv(&self) -> String {
        let mut rows: Vec<String> = self
            .by_symbol
            .values()
            .map(|entry| {
                let summary = &entry.summary;
                let date = summary.adoption_date.map(Date::iso).unwrap_or_default();
                let confidence = if date.is_empty() { "" } else { "m" };
                let (kind, title) = match &summary.title {
                    Some(title) => ("O", title.replace('\t', " ")),
                    None => ("", String::new()),
                };
                format!("{}\t{date}\t{confidence}\t{kind}\t{title}", summary.symbol)
            })
            .collect();
        rows.sort();
        let mut out = "symbol\tdate\tconfidence\ttitle_kind\ttitle\n".to_owned();
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_summary() {
        let text =
            std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed resolution");
        assert!(looks_like_resolution(&text));
        let tree = Tree::parse(&text);
        let summary = summarize(&tree).expect("a summary");
        assert_eq!(summary.symbol, "A/RES/68/230");
        assert_eq!(summary.title.as_deref(), Some("South-South cooperation"));
        assert_eq!(summary.adoption_date, Date::parse_text("20 December 2013"));
        assert_eq!(summary.operative.len(), OPERATIVE_KEPT);
        assert!(summary.operative[0].starts_with("Takes note"));
        assert!(
            summary.operative[0]
                .contains("seventeenth session, the decisions taken at that session and"),
            "{}",
            summary.operative[0]
        );
        let mut index = WorkspaceIndex::new();
        assert_eq!(
            index.update("seed.txt", &tree).as_deref(),
            Some("A/RES/68/230")
        );
        assert_eq!(
            index.get("A/RES/68/230").map(|e| e.file.as_str()),
            Some("seed.txt")
        );
        let catalog = crate::analysis::Catalog::with_extras(&[index.catalog_tsv()]);
        let record = catalog.get("A/RES/68/230").expect("in the catalog");
        assert_eq!(
            record.title,
            Some((
                "South-South cooperation".to_owned(),
                crate::analysis::catalog::TitleKind::Official
            ))
        );
        index.remove_file("seed.txt");
        assert!(index.is_empty());
    }

    #[test]
    fn security_council_summary() {
        let text =
            std::fs::read_to_string("data/corpus/S_RES_1325(2000).txt").expect("corpus file");
        let summary = summarize(&Tree::parse(&text)).expect("a summary");
        assert_eq!(summary.symbol, "S/RES/1325(2000)");
        assert_eq!(summary.adoption_date, Date::parse_text("31 October 2000"));
        assert!(!looks_like_resolution("Just some notes\nabout 3/4 of it."));
    }
}
