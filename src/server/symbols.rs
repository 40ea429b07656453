//! Workspace symbols (the resolutions and paragraphs of open and indexed
//! files) and selection ranges (word → clause → paragraph → its part → the
//! document).

use tower_lsp_server::ls_types::{
    DocumentSymbol, Location, Position, Range, SelectionRange, SymbolInformation, SymbolKind, Uri,
};

use super::workspace::{self, FileRead};
use super::{convert, outline};
use crate::analysis::workspace::summarize;
use crate::syntax::{Role, Span, Tree};
use crate::text::PositionEncoding;

/// At most this many workspace symbols per answer: clients filter further as
/// the user types.
const MAX_SYMBOLS: usize = 500;

fn short(text: &str) -> String {
    let text = text.trim();
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must still be initialized.
fn information(
    name: String,
    kind: SymbolKind,
    uri: &Uri,
    range: Range,
    container: Option<String>,
) -> SymbolInformation {
    SymbolInformation {
        name,
        kind,
        tags: None,
        deprecated: None,
        location: Location::new(uri.clone(), range),
        container_name: container,
    }
}

/// The symbols of one resolution whose name or container contains `query`
/// (case-insensitive): the resolution itself, at its title, and its numbered
/// paragraphs.
pub fn resolution_symbols(
    tree: &Tree,
    uri: &Uri,
    query: &str,
    encoding: PositionEncoding,
    out: &mut Vec<SymbolInformation>,
) {
    let query = query.to_lowercase();
    let matches = |name: &str, container: &str| {
        query.is_empty()
            || name.to_lowercase().contains(&query)
            || container.to_lowercase().contains(&query)
    };
    let summary = summarize(tree);
    let symbol = summary
        .as_ref()
        .map(|s| s.symbol.clone())
        .unwrap_or_else(|| {
            uri.as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned()
        });
    if let Some(summary) = &summary {
        let title = summary.title.clone().unwrap_or_default();
        if matches(&summary.symbol, &title) {
            let at = Position::new(summary.title_line as u32, 0);
            let container = (!title.is_empty()).then_some(title);
            out.push(information(
                summary.symbol.clone(),
                SymbolKind::FILE,
                uri,
                Range::new(at, at),
                container,
            ));
        }
    }
    for (index, line, role) in tree.iter() {
        if out.len() >= MAX_SYMBOLS {
            return;
        }
        let number = match role {
            Role::Operative { number, .. }
            | Role::MalformedOperative { number, .. }
            | Role::AnnexParagraph { number, .. } => number,
            _ => continue,
        };
        let name = format!("{number}. {}", short(line.body()));
        if matches(&name, &symbol) {
            let range = convert::range(tree, Span::new(index, 0, line.text.len()), encoding);
            let kind = if matches!(role, Role::AnnexParagraph { .. }) {
                SymbolKind::FIELD
            } else {
                SymbolKind::NUMBER
            };
            out.push(information(name, kind, uri, range, Some(symbol.clone())));
        }
    }
}

/// The symbols of an indexed file that is not open, read from disk.
pub fn file_symbols(
    uri: &Uri,
    query: &str,
    encoding: PositionEncoding,
    out: &mut Vec<SymbolInformation>,
) {
    let Some(path) = uri.to_file_path() else {
        return;
    };
    if let FileRead::Resolution(tree) = workspace::read(&path) {
        resolution_symbols(&tree, uri, query, encoding, out);
    }
}

pub fn full(out: &[SymbolInformation]) -> bool {
    out.len() >= MAX_SYMBOLS
}

/// The word under (line, byte): letters, digits and the characters inside
/// symbols and compounds (`68/230`, `South-South`).
fn word_at(text: &str, byte: usize) -> Option<(usize, usize)> {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '/' | '-' | '\'' | '’');
    let byte = byte.min(text.len());
    let start = text[..byte]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(byte, |(i, _)| i);
    let end = text[byte..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| byte + i);
    (start < end).then_some((start, end))
}

/// The clause around `byte`: between the nearest `;`, `:` or sentence-ending
/// full stop followed by a space (a resolution paragraph is one sentence;
/// its clauses are what a reader selects).
fn clause_at(text: &str, from: usize, byte: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let is_break = |i: usize| {
        matches!(bytes[i], b';' | b':' | b'.') && bytes.get(i + 1).is_none_or(|b| *b == b' ')
    };
    let byte = byte.clamp(from, text.len());
    let mut start = from;
    for i in (from..byte).rev() {
        if is_break(i) {
            start = i + 1;
            break;
        }
    }
    while start < byte && bytes[start] == b' ' {
        start += 1;
    }
    let end = (byte..text.len())
        .find(|&i| is_break(i))
        .map_or(text.len(), |i| i + 1);
    (start, end)
}

fn outline_chain(symbols: &[DocumentSymbol], position: Position, out: &mut Vec<Range>) {
    for symbol in symbols {
        let range = symbol.range;
        if range.start <= position && position <= range.end {
            out.push(range);
            outline_chain(symbol.children.as_deref().unwrap_or(&[]), position, out);
            return;
        }
    }
}

/// Nested ranges from the word under `position` out to the whole document.
pub fn selection_range(
    tree: &Tree,
    position: Position,
    encoding: PositionEncoding,
) -> SelectionRange {
    let (line, byte) = convert::offset(tree, position, encoding);
    let text = tree.line(line).map_or("", |l| l.text.as_str());
    let body_start = tree.line(line).map_or(0, |l| l.body_start.min(text.len()));
    let mut ranges: Vec<Range> = Vec::new(); // outermost first
    let last = tree.line_count().saturating_sub(1);
    let last_len = tree.line(last).map_or(0, |l| l.text.len());
    ranges.push(Range::new(
        Position::new(0, 0),
        convert::range(tree, Span::new(last, last_len, last_len), encoding).end,
    ));
    outline_chain(
        &outline::document_symbols(tree, encoding),
        position,
        &mut ranges,
    );
    let mut push = |range: Range| {
        if ranges.last() != Some(&range) {
            ranges.push(range);
        }
    };
    push(convert::range(
        tree,
        Span::new(line, 0, text.len()),
        encoding,
    ));
    let (start, end) = clause_at(text, body_start, byte);
    if start < end {
        push(convert::range(tree, Span::new(line, start, end), encoding));
    }
    if let Some((start, end)) = word_at(text, byte) {
        push(convert::range(tree, Span::new(line, start, end), encoding));
    }
    let mut selection: Option<SelectionRange> = None;
    for range in ranges {
        selection = Some(SelectionRange {
            range,
            parent: selection.map(Box::new),
        });
    }
    selection.unwrap_or(SelectionRange {
        range: Range::new(position, position),
        parent: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_clauses() {
        let text = "\t1.\tRecalls resolution 68/230; and decides: to act.";
        assert_eq!(word_at(text, 27), Some((23, 29)));
        assert_eq!(&text[23..29], "68/230");
        let (start, end) = clause_at(text, 4, 27);
        assert_eq!(&text[start..end], "Recalls resolution 68/230;");
        let (start, end) = clause_at(text, 4, 35);
        assert_eq!(&text[start..end], "and decides:");
    }
}
