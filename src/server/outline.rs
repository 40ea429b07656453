//! Document outline (symbols) and folding ranges, from the roles of the lines.

use tower_lsp_server::ls_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

use super::convert;
use crate::syntax::{LineShape, Role, Span, Tree};
use crate::text::PositionEncoding;

fn line_span(tree: &Tree, line: usize) -> Span {
    Span::new(line, 0, tree.line(line).map_or(0, |l| l.text.len()))
}

fn short(text: &str) -> String {
    let text = text.trim();
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    if out.is_empty() {
        "(empty)".to_owned()
    } else {
        out
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be initialized.
fn symbol(
    tree: &Tree,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    lines: (usize, usize),
    encoding: PositionEncoding,
) -> DocumentSymbol {
    let start = convert::range(tree, line_span(tree, lines.0), encoding);
    let end = convert::range(tree, line_span(tree, lines.1), encoding);
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: tower_lsp_server::ls_types::Range::new(start.start, end.end),
        selection_range: start,
        children: None,
    }
}

/// How deep a node sits in the outline: a node closes every open node of the
/// same rank or deeper.
mod rank {
    pub const TOP: u8 = 0; // title, composite part, annex, the footnotes
    pub const SECTION: u8 = 1;
    pub const SUBSECTION: u8 = 2; // lettered subsection, heading inside an annex
    pub const PARAGRAPH: u8 = 3; // operative, annex paragraph, the preamble
    pub const FOOTNOTE: u8 = 1;
}

/// Nodes that group lines which have no heading of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    None,
    Preamble,
    Footnotes,
}

struct Node {
    rank: u8,
    group: Group,
    symbol: DocumentSymbol,
}

/// Builds the outline tree: open nodes on a stack, each closed into its parent
/// when a node of its rank or higher begins.
struct Builder<'t> {
    tree: &'t Tree,
    encoding: PositionEncoding,
    roots: Vec<DocumentSymbol>,
    open: Vec<Node>,
}

impl Builder<'_> {
    fn close_to(&mut self, rank: u8) {
        while self.open.last().is_some_and(|n| n.rank >= rank) {
            self.close_one();
        }
    }

    fn close_one(&mut self) {
        let Some(node) = self.open.pop() else {
            return;
        };
        let mut symbol = node.symbol;
        let count = symbol.children.as_ref().map_or(0, Vec::len);
        if node.group == Group::Preamble {
            symbol.detail = Some(format!("{count} paragraphs"));
        }
        if count == 0 {
            symbol.children = None;
        }
        match self.open.last_mut() {
            Some(parent) => parent
                .symbol
                .children
                .get_or_insert_with(Vec::new)
                .push(symbol),
            None => self.roots.push(symbol),
        }
    }

    fn open(
        &mut self,
        rank: u8,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        line: usize,
    ) {
        self.open_node(rank, Group::None, name, detail, kind, line);
    }

    fn open_node(
        &mut self,
        rank: u8,
        group: Group,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        line: usize,
    ) {
        self.close_to(rank);
        let mut symbol = symbol(self.tree, name, detail, kind, (line, line), self.encoding);
        symbol.children = Some(Vec::new());
        self.open.push(Node {
            rank,
            group,
            symbol,
        });
        self.extend(line);
    }

    /// Open the group node `group` at `rank` unless it is open already.
    fn ensure_group(&mut self, rank: u8, group: Group, name: &str, line: usize) {
        if !self.open.iter().any(|n| n.group == group) {
            self.open_node(
                rank,
                group,
                name.to_owned(),
                None,
                SymbolKind::NAMESPACE,
                line,
            );
        }
    }

    /// Every open node now reaches to the end of `line`.
    fn extend(&mut self, line: usize) {
        let end = convert::range(self.tree, line_span(self.tree, line), self.encoding).end;
        for node in &mut self.open {
            if node.symbol.range.end < end {
                node.symbol.range.end = end;
            }
        }
    }

    fn finish(mut self) -> Vec<DocumentSymbol> {
        self.close_to(rank::TOP);
        self.roots
    }
}

/// A line inside an annex that reads as a heading: no closing punctuation.
fn reads_as_heading(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= 120 && !text.ends_with(['.', ';', ':', ',', ')'])
}

/// The outline as a hierarchy: title; composite parts; the preamble with its
/// paragraphs; sections and lettered subsections; operative paragraphs with
/// their subparagraphs (a), (i) nested by level; annexes with their headings
/// and paragraphs; the footnotes.
pub fn document_symbols(tree: &Tree, encoding: PositionEncoding) -> Vec<DocumentSymbol> {
    let mut builder = Builder {
        tree,
        encoding,
        roots: Vec::new(),
        open: Vec::new(),
    };
    // The rank of the node each paragraph line opened, for its subparagraphs.
    let mut ranks: Vec<u8> = vec![rank::PARAGRAPH; tree.line_count()];
    for (index, line, role) in tree.iter() {
        match role {
            Role::Title => {
                builder.open(rank::TOP, short(&line.text), None, SymbolKind::FILE, index);
                // The title names the document; it holds nothing.
                builder.close_to(rank::TOP);
            }
            Role::PartHeading {
                composite: true, ..
            } => {
                builder.open(
                    rank::TOP,
                    short(&line.text),
                    None,
                    SymbolKind::MODULE,
                    index,
                );
            }
            Role::PartHeading {
                composite: false, ..
            } => {
                builder.open(
                    rank::SUBSECTION,
                    short(&line.text),
                    None,
                    SymbolKind::NAMESPACE,
                    index,
                );
            }
            Role::SectionNumber { .. } => {
                // The section's title is on the next line.
                let title = match tree.role(index + 1) {
                    Role::Heading => tree.line(index + 1).map(|l| short(&l.text)),
                    _ => None,
                };
                let name = match title {
                    Some(title) => format!("{} {title}", line.text.trim()),
                    None => short(&line.text),
                };
                builder.open(rank::SECTION, name, None, SymbolKind::NAMESPACE, index);
            }
            Role::AnnexHeading { .. } => {
                builder.open(
                    rank::TOP,
                    short(&line.text),
                    None,
                    SymbolKind::MODULE,
                    index,
                );
            }
            Role::Preambular => {
                builder.ensure_group(rank::PARAGRAPH, Group::Preamble, "Preamble", index);
                ranks[index] = rank::PARAGRAPH + 1;
                builder.open(
                    ranks[index],
                    short(&line.text),
                    None,
                    SymbolKind::STRING,
                    index,
                );
            }
            Role::Operative { number, .. }
            | Role::MalformedOperative { number, .. }
            | Role::AnnexParagraph { number, .. } => {
                builder.open(
                    rank::PARAGRAPH,
                    format!("{number}. {}", short(line.body())),
                    None,
                    SymbolKind::NUMBER,
                    index,
                );
            }
            Role::UnnumberedOperative { .. } => {
                builder.open(
                    rank::PARAGRAPH,
                    short(line.body()),
                    None,
                    SymbolKind::NUMBER,
                    index,
                );
            }
            Role::Subparagraph { level, parent, .. } => {
                let parent_rank = ranks
                    .get(parent as usize)
                    .copied()
                    .unwrap_or(rank::PARAGRAPH);
                ranks[index] = parent_rank + level;
                let label = match &line.shape {
                    LineShape::Subparagraph { label, .. }
                    | LineShape::DottedLetter { label, .. } => label.clone(),
                    _ => String::new(),
                };
                let name = if label.is_empty() {
                    short(line.body())
                } else {
                    format!("({label}) {}", short(line.body()))
                };
                builder.open(ranks[index], name, None, SymbolKind::ENUM_MEMBER, index);
            }
            Role::Continuation { .. } | Role::FootnoteContinuation => builder.extend(index),
            Role::AnnexText if reads_as_heading(&line.text) => {
                builder.open(
                    rank::SUBSECTION,
                    short(&line.text),
                    None,
                    SymbolKind::NAMESPACE,
                    index,
                );
            }
            Role::AnnexText | Role::TableRow | Role::TableNote => builder.extend(index),
            Role::ClosingMeeting => builder.close_to(rank::SECTION),
            Role::FootnoteText { number } => {
                builder.ensure_group(rank::TOP, Group::Footnotes, "Footnotes", index);
                builder.open(
                    rank::FOOTNOTE,
                    format!("Footnote {number}"),
                    Some(short(line.body())),
                    SymbolKind::STRING,
                    index,
                );
            }
            _ => {}
        }
    }
    builder.finish()
}

/// Folding: the preamble, each operative paragraph with subparagraphs, the
/// footnote block, and the sections, parts and annexes of the outline.
pub fn folding_ranges(tree: &Tree) -> Vec<FoldingRange> {
    let mut out = paragraph_folds(tree);
    // The alternatives of a paragraph (rolling texts), folded under it.
    for (start, end) in crate::analysis::negotiation_view::alternative_folds(tree) {
        let (start, end) = (start as u32, end as u32);
        out.retain(|f| !(f.start_line == start && f.end_line == end));
        out.push(FoldingRange {
            start_line: start,
            end_line: end,
            kind: Some(FoldingRangeKind::Region),
            collapsed_text: Some("alternatives".to_owned()),
            ..FoldingRange::default()
        });
    }
    let mut pending = document_symbols(tree, PositionEncoding::Utf8);
    while let Some(node) = pending.pop() {
        let (start, end) = (node.range.start.line, node.range.end.line);
        let groups = matches!(node.kind, SymbolKind::MODULE | SymbolKind::NAMESPACE);
        if groups
            && end > start
            && !out
                .iter()
                .any(|f| f.start_line == start && f.end_line == end)
        {
            out.push(FoldingRange {
                start_line: start,
                end_line: end,
                kind: Some(FoldingRangeKind::Region),
                ..FoldingRange::default()
            });
        }
        pending.extend(node.children.into_iter().flatten());
    }
    out.sort_by_key(|f| (f.start_line, std::cmp::Reverse(f.end_line)));
    out
}

fn paragraph_folds(tree: &Tree) -> Vec<FoldingRange> {
    let mut out = Vec::new();
    let range = |start: usize, end: usize, kind: Option<FoldingRangeKind>| FoldingRange {
        start_line: start as u32,
        end_line: end as u32,
        kind,
        ..FoldingRange::default()
    };
    let roles = tree.roles();
    let mut index = 0;
    while index < roles.len() {
        let role = roles[index];
        let run_end = |predicate: &dyn Fn(Role) -> bool| {
            let mut end = index;
            while end + 1 < roles.len() && predicate(roles[end + 1]) {
                end += 1;
            }
            end
        };
        let end = match role {
            Role::Preambular => run_end(&|r| {
                matches!(
                    r,
                    Role::Preambular | Role::Subparagraph { .. } | Role::Continuation { .. }
                )
            }),
            Role::Operative { .. } | Role::AnnexParagraph { .. } => {
                run_end(&|r| matches!(r, Role::Subparagraph { .. } | Role::Continuation { .. }))
            }
            Role::FootnoteText { .. } => run_end(&|r| {
                matches!(
                    r,
                    Role::FootnoteText { .. } | Role::FootnoteContinuation | Role::Blank
                )
            }),
            Role::Trailer => run_end(&|r| !matches!(r, Role::Other)),
            _ => index,
        };
        if end > index {
            let kind = match role {
                Role::FootnoteText { .. } | Role::Trailer => Some(FoldingRangeKind::Comment),
                _ => Some(FoldingRangeKind::Region),
            };
            out.push(range(index, end, kind));
        }
        index = end + 1;
    }
    out
}
