//! Editor features over the record: hover previews of cited resolutions,
//! completion of resolution numbers, links to undocs.org and the symbol under
//! the cursor for go-to-definition.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

use super::catalog::{ATTRIBUTION, Catalog, CitedAs, Confidence, Record, TitleKind, cited_as};
use super::citation::{Citations, citing_organ, is_body_role, scan_line};
use super::ide::{
    CompletionCandidate, CompletionKind, DocumentLink, HoverInfo, SemanticToken, TokenKind,
};
use super::symbol::{
    Organ, SymbolKind, canonical_resolution, citation_form, classify, decode, period_of,
    symbol_tokens, undocs_url,
};
use super::workspace::WorkspaceIndex;
use crate::syntax::{Span, Tree};

/// At most this many completion candidates per request.
pub const COMPLETION_LIMIT: usize = 40;

/// What the cursor is on: a cited item (its symbols) or a symbol token.
struct Target {
    span: Span,
    symbols: Vec<String>,
    /// A document symbol that is not a resolution (`A/68/212`).
    document: Option<(String, SymbolKind)>,
    cited_date: Option<super::date::Date>,
}

fn target_at(tree: &Tree, line: usize, byte: usize) -> Option<Target> {
    let lexed = tree.line(line)?;
    let text = &lexed.text;
    let citations = scan_line(
        text,
        line,
        citing_organ(tree),
        is_body_role(tree.role(line)),
    );
    for citation in &citations {
        for item in &citation.items {
            let covers = |s: Span| s.start <= byte && byte <= s.end;
            if covers(item.span) || item.date_span.is_some_and(covers) {
                if item.symbols.is_empty() {
                    return None;
                }
                return Some(Target {
                    span: item.span,
                    symbols: item.symbols.clone(),
                    document: None,
                    cited_date: item.date,
                });
            }
        }
    }
    let range = symbol_tokens(text)
        .into_iter()
        .find(|r| r.start <= byte && byte <= r.end)?;
    let token = &text[range.clone()];
    let span = Span::new(line, range.start, range.end);
    if let Some(symbol) = canonical_resolution(token) {
        return Some(Target {
            span,
            symbols: vec![symbol],
            document: None,
            cited_date: None,
        });
    }
    let kind = classify(token)?;
    Some(Target {
        span,
        symbols: Vec::new(),
        document: Some((token.to_owned(), kind)),
        cited_date: None,
    })
}

fn kind_description(kind: SymbolKind) -> &'static str {
    match kind {
        SymbolKind::GaResolution | SymbolKind::GaResolutionOld => "General Assembly resolution",
        SymbolKind::GaDraft => "General Assembly draft (limited distribution)",
        SymbolKind::GaDocument => "General Assembly document",
        SymbolKind::GaRecord => "General Assembly meeting record",
        SymbolKind::ScResolution => "Security Council resolution",
        SymbolKind::ScPresidentialStatement => "Statement by the President of the Security Council",
        SymbolKind::ScDocument => "Security Council document",
        SymbolKind::EcosocResolution => "Economic and Social Council resolution",
        SymbolKind::EcosocDraft => "Economic and Social Council draft",
        SymbolKind::HrcResolution => "Human Rights Council resolution",
        SymbolKind::HrcDraft => "Human Rights Council draft",
        SymbolKind::HrcDecision => "Human Rights Council decision",
    }
}

/// Markdown describing one resolution: what the record and the workspace know.
pub fn describe_resolution(
    symbol: &str,
    catalog: &Catalog,
    workspace: Option<&WorkspaceIndex>,
) -> String {
    let record = catalog.get(symbol);
    let entry = workspace.and_then(|w| w.get(symbol));
    let organ = Organ::of_symbol(symbol).map_or("", Organ::name);
    let cited = citation_form(symbol).unwrap_or_else(|| symbol.to_owned());
    let mut out = format!("**{symbol}** · {organ} resolution {cited}\n\n");
    let workspace_title = entry.and_then(|e| e.summary.title.as_ref());
    let record_title = record.and_then(|r| r.title.as_ref());
    match (workspace_title, record_title) {
        (Some(title), _) => {
            let _ = writeln!(out, "*{title}*\n");
        }
        (None, Some((title, kind))) => {
            let note = match kind {
                TitleKind::Official => "",
                TitleKind::Library => " (title of the UN Digital Library record)",
                TitleKind::Catalogue => {
                    " (library catalogue title as retyped in voting data; may differ slightly from the official wording)"
                }
                TitleKind::Secondary => " (from secondary sources; not checked against a UN copy)",
                TitleKind::TopicLabel => {
                    " (a topic label from voting data, **not** the official title)"
                }
                TitleKind::AgendaItem => {
                    " (agenda item; Security Council resolutions have no titles)"
                }
            };
            let _ = writeln!(out, "*{title}*{note}\n");
        }
        (None, None) => {
            out.push_str(if record.is_some() {
                "The record has no title for this resolution.\n\n"
            } else {
                "No title: this resolution is not in the record.\n\n"
            });
        }
    }
    if let Some(subject) = record.and_then(|r| r.subject.as_ref()) {
        let _ = writeln!(out, "{} (UN Digital Library)\n", capitalized(subject));
    }
    let untitled = workspace_title.is_none()
        && record_title.is_none_or(|(_, kind)| *kind == TitleKind::TopicLabel);
    if untitled
        && let Some(said) =
            cited_as(symbol).and_then(|texts| what_the_texts_say(&cited, texts, catalog))
    {
        let _ = writeln!(out, "{said}\n");
    }
    let date = record
        .and_then(|r| r.date)
        .map(|(d, c)| (d, Some(c)))
        .or_else(|| {
            entry
                .and_then(|e| e.summary.adoption_date)
                .map(|d| (d, None))
        });
    let mut facts = Vec::new();
    match date {
        Some((date, Some(Confidence::Medium))) => {
            facts.push(format!(
                "Adopted {date} (date from citations or voting data)"
            ));
        }
        Some((date, _)) => facts.push(format!("Adopted {date}")),
        None if record.is_some() => facts.push("Adoption date not in the record".to_owned()),
        None => {}
    }
    if let Some(period) = period_of(symbol) {
        facts.push(match Organ::of_symbol(symbol) {
            Some(Organ::SecurityCouncil | Organ::EconomicAndSocialCouncil) => {
                format!("year {period}")
            }
            _ => period,
        });
    }
    if let Some(meeting) = record.and_then(|r| r.meeting.as_ref()) {
        facts.push(format!("meeting {meeting}"));
    }
    if let Some(vote) = record.and_then(|r| r.vote.as_ref()) {
        facts.push(format!("vote: {vote}"));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    if record.is_none() && entry.is_none() {
        out.push_str("The record is incomplete, above all before 2019.\n\n");
    }
    if let Some(entry) = entry {
        for (i, paragraph) in entry.summary.operative.iter().enumerate() {
            let _ = writeln!(out, "> {}. {paragraph}", i + 1);
        }
        if !entry.summary.operative.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "In the workspace: `{}`\n", entry.file);
    }
    let url = undocs_url(symbol);
    let _ = write!(out, "[{url}]({url})");
    if record.is_some() {
        let _ = write!(out, "\n\n_{ATTRIBUTION}_");
    }
    out
}

/// `on women and peace and security` → `On women and peace and security`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What the adopted texts say of an untitled resolution: the clause most of
/// them use where they cite it, or else the titled resolution it is most often
/// cited with.
fn what_the_texts_say(cited: &str, texts: &CitedAs, catalog: &Catalog) -> Option<String> {
    let share = |count: u32| match texts.citing_texts {
        1 => "the one text that cites it".to_owned(),
        n if n == count => format!("all {n} texts that cite it"),
        n => format!("{count} of the {n} texts that cite it"),
    };
    if let Some((clause, count)) = &texts.clause {
        // "64/222 of 21 December 2009, in which it …" but "68/230 of … on …".
        let separator = if clause.starts_with("on ") { " " } else { ", " };
        return Some(format!(
            "What adopted texts say of it: “{cited} …{separator}{clause}” (in {})",
            share(*count)
        ));
    }
    let (companion, count) = texts.cited_with.as_ref()?;
    let title = catalog
        .get(companion)
        .and_then(|r| r.title.as_ref())
        .map(|(title, _)| format!(" *{title}*"))
        .unwrap_or_default();
    let companion = citation_form(companion).unwrap_or_else(|| companion.clone());
    Some(format!(
        "Adopted texts cite it without describing it, most often together with {companion}{title} (in {})",
        share(*count)
    ))
}

/// Hover over a cited resolution or a document symbol: the record's symbol,
/// title, date, session, meeting and vote, the workspace text's first operative
/// paragraphs, and the undocs.org link.
pub fn hover_citation(
    tree: &Tree,
    catalog: &Catalog,
    workspace: Option<&WorkspaceIndex>,
    line: usize,
    byte: usize,
) -> Option<HoverInfo> {
    let target = target_at(tree, line, byte)?;
    if let Some((symbol, kind)) = &target.document {
        let url = undocs_url(symbol);
        return Some(HoverInfo {
            span: target.span,
            markdown: format!(
                "**{symbol}** · {}\n\n{}\n\n[{url}]({url})",
                kind_description(*kind),
                decode(symbol)
            ),
        });
    }
    let mut parts = Vec::new();
    for symbol in &target.symbols {
        let mut markdown = describe_resolution(symbol, catalog, workspace);
        if let (Some(cited), Some(recorded)) = (
            target.cited_date,
            catalog.get(symbol).and_then(Record::adoption_date),
        ) && cited != recorded
        {
            markdown.push_str(&format!(
                "\n\n**The text cites {cited}; the record has {recorded}.**"
            ));
        }
        parts.push(markdown);
    }
    Some(HoverInfo {
        span: target.span,
        markdown: parts.join("\n\n---\n\n"),
    })
}

/// The canonical symbol of the resolution or document under the cursor, for
/// go-to-definition through the workspace index.
pub fn definition_symbol(tree: &Tree, line: usize, byte: usize) -> Option<String> {
    let target = target_at(tree, line, byte)?;
    target
        .symbols
        .into_iter()
        .next()
        .or(target.document.map(|(symbol, _)| symbol))
}

/// Semantic tokens for cited resolution numbers and their dates.
pub fn citation_tokens(tree: &Tree) -> Vec<SemanticToken> {
    citation_tokens_of(&Citations::collect(tree))
}

/// [`citation_tokens`] of citations already collected.
pub fn citation_tokens_of(citations: &Citations) -> Vec<SemanticToken> {
    let mut tokens = Vec::new();
    for item in citations.list.iter().flat_map(|c| c.items.iter()) {
        tokens.push(SemanticToken {
            span: item.span,
            kind: TokenKind::Symbol,
        });
        if let Some(span) = item.date_span {
            tokens.push(SemanticToken {
                span,
                kind: TokenKind::Date,
            });
        }
    }
    tokens.sort_by_key(|t| t.span);
    tokens
}

/// A link to undocs.org on every cited resolution and every document symbol.
pub fn symbol_links(tree: &Tree, catalog: &Catalog) -> Vec<DocumentLink> {
    symbol_links_of(tree, catalog, &Citations::collect(tree))
}

/// [`symbol_links`] with the citations already collected.
pub fn symbol_links_of(tree: &Tree, catalog: &Catalog, citations: &Citations) -> Vec<DocumentLink> {
    let mut links: Vec<DocumentLink> = Vec::new();
    for citation in &citations.list {
        for item in &citation.items {
            let Some(symbol) = item.symbols.first() else {
                continue;
            };
            let title = catalog
                .get(symbol)
                .and_then(|r| r.title.as_ref())
                .map(|(t, _)| format!(": {t}"))
                .unwrap_or_default();
            links.push(DocumentLink {
                span: item.span,
                target: undocs_url(symbol),
                tooltip: Some(format!("{symbol}{title}")),
            });
        }
    }
    for (index, line, role) in tree.iter() {
        if !matches!(
            role,
            crate::syntax::Role::Trailer | crate::syntax::Role::Furniture
        ) && line.text.contains('/')
        {
            for range in symbol_tokens(&line.text) {
                let token = &line.text[range.clone()];
                let Some(kind) = classify(token) else {
                    continue;
                };
                let span = Span::new(index, range.start, range.end);
                let cited = citations.on_line(index).iter().flat_map(|c| &c.items);
                if cited
                    .filter(|item| !item.symbols.is_empty())
                    .any(|item| item.span.start < span.end && span.start < item.span.end)
                {
                    continue;
                }
                links.push(DocumentLink {
                    span,
                    target: undocs_url(token),
                    tooltip: Some(kind_description(kind).to_owned()),
                });
            }
        }
    }
    links.sort_by_key(|l| l.span);
    links
}

static RES_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(A/HRC/RES/|A/RES/|S/RES/|E/RES/)([0-9A-Z/\- ()]{0,20})$").expect("valid regex")
});

static KEYWORD_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(General Assembly|Security Council|Economic and Social Council|Human Rights Council) )?\bresolutions? ([^;:()]{0,200})$")
        .expect("valid regex")
});

static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:, | and )").expect("valid regex"));

/// A complete item of a list: a number, letters, a parenthesized year or
/// session, a date.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:E?S-)?[0-9][^ ]*(?: [A-Z](?:(?: and|,| to) [A-Z])*)?(?: \([^)]*\))?(?: of [0-9]{1,2} [A-Z][a-z]+ [0-9]{4})?$")
        .expect("valid regex")
});

/// Compile the patterns symbol completion reads, so that the first completion
/// does not pay for them.
pub fn prepare_completion() {
    for pattern in [&RES_PREFIX, &KEYWORD_PREFIX, &LIST_SEPARATOR, &LIST_ITEM] {
        LazyLock::force(pattern);
    }
}

/// What the user is typing: the organ the position implies, the typed text and
/// where it starts.
fn completion_site(before: &str, citing: Option<Organ>) -> Option<(Option<Organ>, usize, bool)> {
    if let Some(captures) = RES_PREFIX.captures(before) {
        let organ = match &captures[1] {
            "A/HRC/RES/" => Organ::HumanRightsCouncil,
            "A/RES/" => Organ::GeneralAssembly,
            "S/RES/" => Organ::SecurityCouncil,
            _ => Organ::EconomicAndSocialCouncil,
        };
        return Some((Some(organ), captures.get(2).expect("group").start(), true));
    }
    let captures = KEYWORD_PREFIX.captures(before)?;
    let organ = match captures.get(1).map(|m| m.as_str()) {
        Some("General Assembly") => Some(Organ::GeneralAssembly),
        Some("Security Council") => Some(Organ::SecurityCouncil),
        Some("Economic and Social Council") => Some(Organ::EconomicAndSocialCouncil),
        Some("Human Rights Council") => Some(Organ::HumanRightsCouncil),
        _ => {
            let head = &before[..captures.get(0).expect("group 0").start()];
            head.trim_end().ends_with("its").then_some(citing).flatten()
        }
    };
    let list = captures.get(2).expect("group 2");
    // In a list, only the item after the last separator is being typed; the
    // earlier ones must each be a number (with its date).
    let mut start = list.start();
    let mut previous = list.start();
    for separator in LIST_SEPARATOR.find_iter(list.as_str()) {
        let item = &before[previous..list.start() + separator.start()];
        if !LIST_ITEM.is_match(item) {
            break;
        }
        previous = list.start() + separator.end();
        start = previous;
    }
    Some((organ, start, false))
}

/// Completion of resolution numbers after "resolution ", "resolutions 60/212 of
/// 22 December 2005, ", "Security Council resolution ", "A/RES/", "S/RES/":
/// by number prefix (`68/23` → 68/230) or by words of the title (`South-South`,
/// a capitalized word of three letters or more, so that prose typed after a
/// citation does not open the list). The first citation of a resolution in the
/// document inserts its date (not for Security Council numbers, whose year is in
/// the number). At most [`COMPLETION_LIMIT`] candidates; details come from
/// [`resolve_symbol_completion`].
pub fn complete_symbol(
    tree: &Tree,
    catalog: &Catalog,
    workspace: Option<&WorkspaceIndex>,
    line: usize,
    byte: usize,
) -> Vec<CompletionCandidate> {
    let Some(lexed) = tree.line(line) else {
        return Vec::new();
    };
    let Some(before) = lexed.text.get(..byte) else {
        return Vec::new();
    };
    let citing = citing_organ(tree);
    let Some((organ, start, symbol_mode)) = completion_site(before, citing) else {
        return Vec::new();
    };
    let typed = &before[start..];
    if typed.trim().is_empty() || typed.len() > 60 {
        return Vec::new();
    }
    let by_number = typed.starts_with(|c: char| c.is_ascii_digit())
        || typed.starts_with("ES-")
        || typed.starts_with("S-");
    // Prose goes on after a citation ("…, in which it"): title words are only
    // looked up for a capitalized word of three letters or more.
    let title_query = typed.len() >= 3 && typed.starts_with(|c: char| c.is_uppercase());
    if !by_number && !title_query {
        return Vec::new();
    }
    let fits = |record: &Record| organ.is_none_or(|o| Organ::of_symbol(&record.symbol) == Some(o));
    let mut records: Vec<&Record> = if by_number {
        catalog.search_number(typed, COMPLETION_LIMIT, &fits)
    } else if symbol_mode {
        Vec::new()
    } else {
        catalog.search_title(typed, COMPLETION_LIMIT, &fits)
    };
    // Workspace resolutions the record lacks (or knows without a title).
    let mut extra: Vec<(String, Option<String>, Option<super::date::Date>)> = Vec::new();
    if let Some(workspace) = workspace {
        let words = super::catalog::title_words(typed);
        for entry in workspace.entries() {
            let summary = &entry.summary;
            let form = citation_form(&summary.symbol).unwrap_or_default();
            let matched = if by_number {
                form.starts_with(typed)
            } else {
                let title_words = summary
                    .title
                    .as_deref()
                    .map(super::catalog::title_words)
                    .unwrap_or_default();
                !symbol_mode
                    && !words.is_empty()
                    && words
                        .iter()
                        .all(|w| title_words.iter().any(|t| t.starts_with(w.as_str())))
            };
            if matched && organ.is_none_or(|o| Organ::of_symbol(&summary.symbol) == Some(o)) {
                records.retain(|r| r.symbol != summary.symbol);
                extra.push((
                    summary.symbol.clone(),
                    summary.title.clone(),
                    summary.adoption_date,
                ));
            }
        }
    }
    let citations = Citations::collect(tree);
    let cited: HashSet<&str> = citations
        .list
        .iter()
        .filter(|c| c.in_body)
        .flat_map(|c| c.items.iter())
        .filter(|i| !(i.span.line == line && i.span.start <= byte && byte <= i.span.end))
        .flat_map(|i| i.symbols.iter().map(String::as_str))
        .collect();
    let replace = Span::new(line, start, byte);
    let mut out = Vec::new();
    let entries = extra.into_iter().chain(records.into_iter().map(|r| {
        (
            r.symbol.clone(),
            r.title.as_ref().map(|(t, _)| t.clone()),
            r.adoption_date(),
        )
    }));
    for (rank, (symbol, title, date)) in entries.enumerate() {
        let form = if symbol_mode {
            symbol
                .split_once("/RES/")
                .map_or(symbol.clone(), |(_, rest)| rest.to_owned())
        } else {
            citation_form(&symbol).unwrap_or_else(|| symbol.clone())
        };
        let title = title.or_else(|| {
            workspace
                .and_then(|w| w.get(&symbol))
                .and_then(|e| e.summary.title.clone())
        });
        let first = !cited.contains(symbol.as_str());
        let insert_text = match date {
            Some(date)
                if first
                    && !symbol_mode
                    && Organ::of_symbol(&symbol) != Some(Organ::SecurityCouncil) =>
            {
                format!("{form} of {date}")
            }
            _ => form.clone(),
        };
        let detail = match (&date, &title) {
            (Some(date), Some(title)) => Some(format!("{date} · {title}")),
            (Some(date), None) => Some(date.to_string()),
            (None, Some(title)) => Some(title.clone()),
            (None, None) => None,
        };
        let filter_text = if by_number {
            form.clone()
        } else {
            format!("{typed} {}", title.as_deref().unwrap_or(""))
        };
        out.push(CompletionCandidate {
            label: form,
            kind: CompletionKind::Resolution,
            detail,
            documentation: None,
            replace,
            insert_text,
            is_snippet: false,
            sort_text: format!("{rank:04}"),
            filter_text: Some(filter_text),
            resolve_key: Some(symbol),
        });
        if out.len() >= COMPLETION_LIMIT {
            break;
        }
    }
    out
}

/// The documentation of a completion candidate, filled in when the editor asks
/// (`key` is the candidate's `resolve_key`, a canonical symbol).
pub fn resolve_symbol_completion(
    key: &str,
    catalog: &Catalog,
    workspace: Option<&WorkspaceIndex>,
) -> Option<String> {
    (catalog.get(key).is_some() || workspace.and_then(|w| w.get(key)).is_some())
        .then(|| describe_resolution(key, catalog, workspace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Tree {
        let text =
            std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed resolution");
        Tree::parse(&text)
    }

    fn find(tree: &Tree, needle: &str) -> (usize, usize) {
        tree.lines()
            .iter()
            .enumerate()
            .find_map(|(i, l)| l.text.find(needle).map(|b| (i, b)))
            .expect("needle in text")
    }

    #[test]
    fn hover_shows_date_and_link() {
        let tree = seed();
        let catalog = Catalog::embedded();
        let (line, byte) = find(&tree, "64/222");
        let hover = hover_citation(&tree, &catalog, None, line, byte + 2).expect("a hover");
        assert!(
            hover.markdown.contains("21 December 2009"),
            "{}",
            hover.markdown
        );
        assert!(hover.markdown.contains("https://undocs.org/A/RES/64/222"));
        assert_eq!(hover.span, Span::new(line, byte, byte + 6));
        assert_eq!(
            definition_symbol(&tree, line, byte).as_deref(),
            Some("A/RES/64/222")
        );
    }

    #[test]
    fn hover_shows_official_title_of_recent_resolution() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 78/167 of 19 December 2023,",
        );
        let catalog = Catalog::embedded();
        let hover = hover_citation(&tree, &catalog, None, 1, 30).expect("a hover");
        assert!(
            hover.markdown.contains("*South-South cooperation*\n"),
            "{}",
            hover.markdown
        );
        assert!(!hover.markdown.contains("not** the official"));
    }

    #[test]
    fn hover_notes_topic_labels_and_documents() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 98 (I) and the report (A/68/212),",
        );
        let catalog = Catalog::embedded();
        let hover = hover_citation(&tree, &catalog, None, 1, 30).expect("a hover");
        assert!(
            hover.markdown.contains("*VOTING PROCEDURE* (a topic label"),
            "{}",
            hover.markdown
        );
        assert!(hover.markdown.contains("**not** the official title"));
        let (line, byte) = find(&tree, "A/68/212");
        let hover = hover_citation(&tree, &catalog, None, line, byte + 3).expect("a hover");
        assert!(hover.markdown.contains("https://undocs.org/A/68/212"));
        assert!(
            hover.markdown.contains("68th session · no. 212"),
            "{}",
            hover.markdown
        );
    }

    fn hover_on(text: &str, needle: &str) -> String {
        let tree = Tree::parse(text);
        let (line, byte) = find(&tree, needle);
        hover_citation(&tree, &Catalog::embedded(), None, line, byte + 1)
            .expect("a hover")
            .markdown
    }

    #[test]
    fn untitled_resolution_shows_what_the_texts_say() {
        let text = "\tThe General Assembly,\n\tRecalling its resolutions 64/222 of 21 December 2009 and 59/296 of 22 June 2005,";
        let nairobi = hover_on(text, "64/222");
        assert!(
            nairobi.contains("The record has no title for this resolution."),
            "{nairobi}"
        );
        assert!(
            nairobi.contains(
                "What adopted texts say of it: “64/222 …, in which it endorsed the Nairobi outcome document"
            ),
            "{nairobi}"
        );
        assert!(nairobi.contains("Adopted 21 December 2009"), "{nairobi}");
        let cross_cutting = hover_on(text, "59/296");
        assert!(
            cross_cutting.contains(
                "most often together with 76/274 *Cross-cutting issues* (in 49 of the 80 texts that cite it)"
            ),
            "{cross_cutting}"
        );
    }

    #[test]
    fn library_titles_and_security_council_subjects() {
        let palestine = hover_on(
            "\tThe General Assembly,\n\tRecalling its resolution 181 A (II) of 29 November 1947,",
            "181",
        );
        assert!(
            palestine.contains(
                "*Future government of Palestine* (title of the UN Digital Library record)"
            ),
            "{palestine}"
        );
        assert!(
            palestine.contains("Adopted 29 November 1947 ·"),
            "{palestine}"
        );
        let women = hover_on(
            "\tThe Security Council,\n\tRecalling its resolution 1325 (2000),",
            "1325",
        );
        assert!(
            women.contains("On women and peace and security (UN Digital Library)"),
            "{women}"
        );
    }

    /// The resolutions the corpus cites most (by number of citing texts) all
    /// have, on hover, a title or what the adopted texts say of them.
    #[test]
    fn the_most_cited_resolutions_show_a_title_or_what_the_texts_say() {
        let mut citing: std::collections::HashMap<String, HashSet<String>> = Default::default();
        for entry in std::fs::read_dir("data/corpus").expect("data/corpus") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("corpus text");
            let name = path.display().to_string();
            for item in Citations::collect(&Tree::parse(&text))
                .list
                .iter()
                .flat_map(|c| c.items.iter())
            {
                for symbol in &item.symbols {
                    citing
                        .entry(symbol.clone())
                        .or_default()
                        .insert(name.clone());
                }
            }
        }
        let mut ranked: Vec<(usize, String)> = citing
            .into_iter()
            .map(|(s, texts)| (texts.len(), s))
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let catalog = Catalog::embedded();
        let mut bare = Vec::new();
        for (count, symbol) in ranked.iter().take(20) {
            let hover = describe_resolution(symbol, &catalog, None);
            let titled = hover
                .lines()
                .any(|l| l.starts_with('*') && !l.starts_with("**"));
            let described = hover.contains("What adopted texts say of it")
                || hover.contains("most often together with");
            if !(titled || described) {
                bare.push(format!("{symbol} ({count} texts):\n{hover}"));
            }
        }
        assert!(bare.is_empty(), "{}", bare.join("\n\n"));
    }

    #[test]
    fn hover_uses_workspace_text() {
        let seed = seed();
        let mut workspace = WorkspaceIndex::new();
        workspace.update("A_RES_68_230.txt", &seed);
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,",
        );
        let hover =
            hover_citation(&tree, &Catalog::embedded(), Some(&workspace), 1, 30).expect("a hover");
        assert!(
            hover.markdown.contains("South-South cooperation"),
            "{}",
            hover.markdown
        );
        assert!(hover.markdown.contains("> 1. Takes note"));
    }

    #[test]
    fn completes_by_number_with_date_at_first_citation() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 68/23";
        let tree = Tree::parse(text);
        let catalog = Catalog::embedded();
        let candidates =
            complete_symbol(&tree, &catalog, None, 1, text.lines().nth(1).unwrap().len());
        let candidate = candidates
            .iter()
            .find(|c| c.label == "68/230")
            .expect("68/230 offered");
        assert_eq!(candidate.insert_text, "68/230 of 20 December 2013");
        assert_eq!(candidate.replace.start, "\tRecalling its resolution ".len());
        assert!(candidates.len() <= COMPLETION_LIMIT);
        let docs =
            resolve_symbol_completion(candidate.resolve_key.as_deref().unwrap(), &catalog, None)
                .expect("documentation");
        assert!(docs.contains("20 December 2013"));
        // A later citation inserts the number alone.
        let text = "\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tRecalls resolution 68/23";
        let tree = Tree::parse(text);
        let candidates =
            complete_symbol(&tree, &catalog, None, 2, text.lines().nth(2).unwrap().len());
        let candidate = candidates
            .iter()
            .find(|c| c.label == "68/230")
            .expect("offered");
        assert_eq!(candidate.insert_text, "68/230");
    }

    #[test]
    fn completes_by_title_words_and_in_lists() {
        let text = "\tThe General Assembly,\n\tRecalling its resolutions 57/270 B of 23 June 2003, South-South";
        let tree = Tree::parse(text);
        let mut workspace = WorkspaceIndex::new();
        workspace.update("seed.txt", &seed());
        let candidates = complete_symbol(
            &tree,
            &Catalog::embedded(),
            Some(&workspace),
            1,
            text.lines().nth(1).unwrap().len(),
        );
        let labels: Vec<&str> = candidates.iter().map(|c| c.label.as_str()).collect();
        assert!(labels.contains(&"78/167"), "{labels:?}");
        assert!(labels.contains(&"68/230"), "{labels:?}");
        let first = &candidates[0];
        assert_eq!(
            first.replace.start,
            text.lines().nth(1).unwrap().find("South").unwrap()
        );
    }

    #[test]
    fn seed_citations_match_the_record() {
        let tree = seed();
        let catalog = Catalog::embedded();
        let citations = Citations::collect(&tree);
        let mut checked = 0;
        for item in citations.list.iter().flat_map(|c| c.items.iter()) {
            let (Some(symbol), Some(date)) = (item.symbols.first(), item.date) else {
                continue;
            };
            let record = catalog.get(symbol).expect("cited resolution in the record");
            assert_eq!(record.adoption_date(), Some(date), "{symbol}");
            checked += 1;
        }
        assert_eq!(checked, 10);
    }

    #[test]
    fn completes_title_words_after_resolution() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution South-South";
        let tree = Tree::parse(text);
        let line = text.lines().nth(1).unwrap();
        let candidates = complete_symbol(&tree, &Catalog::embedded(), None, 1, line.len());
        let labels: Vec<&str> = candidates.iter().map(|c| c.label.as_str()).collect();
        for expected in ["80/156", "79/236", "78/167", "74/239", "69/239"] {
            assert!(labels.contains(&expected), "{expected} in {labels:?}");
        }
        let newest = &candidates[0];
        assert_eq!(newest.label, "80/156");
        assert_eq!(newest.insert_text, "80/156 of 15 December 2025");
        assert!(
            newest
                .filter_text
                .as_deref()
                .unwrap()
                .starts_with("South-South")
        );
        assert!(
            newest
                .detail
                .as_deref()
                .unwrap()
                .contains("South-South cooperation")
        );
    }

    #[test]
    fn completion_follows_the_named_organ() {
        let text = "\tThe General Assembly,\n\tRecalling Security Council resolution 13";
        let tree = Tree::parse(text);
        let line = text.lines().nth(1).unwrap();
        let candidates = complete_symbol(&tree, &Catalog::embedded(), None, 1, line.len());
        assert!(!candidates.is_empty());
        assert!(
            candidates.iter().all(|c| c.label.ends_with(')')),
            "{candidates:?}"
        );
        let candidate = candidates
            .iter()
            .find(|c| c.label == "1325 (2000)")
            .expect("1325");
        // The year is in the number: no date is inserted.
        assert_eq!(candidate.insert_text, "1325 (2000)");
        let text = "\tThe Security Council,\n\tRecalling its resolution Women";
        let tree = Tree::parse(text);
        let line = text.lines().nth(1).unwrap();
        let candidates = complete_symbol(&tree, &Catalog::embedded(), None, 1, line.len());
        assert!(candidates.len() > 5);
        assert!(
            candidates
                .iter()
                .all(|c| c.resolve_key.as_deref().unwrap().starts_with("S/RES/"))
        );
    }

    #[test]
    fn prose_after_a_citation_is_not_completed() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009, in which it";
        let tree = Tree::parse(text);
        let line = text.lines().nth(1).unwrap();
        assert!(complete_symbol(&tree, &Catalog::embedded(), None, 1, line.len()).is_empty());
    }

    #[test]
    fn completes_after_res_prefix() {
        let text = "See S/RES/132";
        let tree = Tree::parse(text);
        let candidates = complete_symbol(&tree, &Catalog::embedded(), None, 0, text.len());
        assert!(
            candidates.iter().any(|c| c.label == "1325(2000)"),
            "{:?}",
            candidates.iter().map(|c| &c.label).collect::<Vec<_>>()
        );
    }

    #[test]
    fn tokens_for_numbers_and_dates() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,",
        );
        let tokens = citation_tokens(&tree);
        assert_eq!(tokens.len(), 2);
        assert_eq!(tokens[0].kind, TokenKind::Symbol);
        assert_eq!(tokens[1].kind, TokenKind::Date);
    }

    #[test]
    fn links_on_citations_and_symbols() {
        let tree = seed();
        let links = symbol_links(&tree, &Catalog::embedded());
        let targets: Vec<&str> = links.iter().map(|l| l.target.as_str()).collect();
        assert!(targets.contains(&"https://undocs.org/A/RES/64/222"));
        assert!(targets.contains(&"https://undocs.org/A/RES/57/270B"));
        assert!(targets.contains(&"https://undocs.org/A/68/212"));
        assert!(targets.contains(&"https://undocs.org/A/68/443/Add.2"));
    }
}
