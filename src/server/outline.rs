//! Document outline (symbols) and folding ranges, from the roles of the lines.

use tower_lsp_server::ls_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

use super::convert;
use crate::syntax::{Role, Span, Tree};
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

/// The outline: title, preamble, operative paragraphs (with their
/// subparagraphs), sections, annexes and footnotes.
pub fn document_symbols(tree: &Tree, encoding: PositionEncoding) -> Vec<DocumentSymbol> {
    let mut out: Vec<DocumentSymbol> = Vec::new();
    let mut preamble: Option<(usize, usize, usize)> = None; // first, last, count
    let flush_preamble = |out: &mut Vec<DocumentSymbol>,
                          preamble: &mut Option<(usize, usize, usize)>| {
        if let Some((first, last, count)) = preamble.take() {
            out.push(symbol(
                tree,
                "Preamble".to_owned(),
                Some(format!("{count} paragraphs")),
                SymbolKind::NAMESPACE,
                (first, last),
                encoding,
            ));
        }
    };
    for (index, line, role) in tree.iter() {
        match role {
            Role::Preambular => {
                preamble = Some(match preamble {
                    Some((first, _, count)) => (first, index, count + 1),
                    None => (index, index, 1),
                });
            }
            Role::Continuation { .. } | Role::Subparagraph { .. } if preamble.is_some() => {
                if let Some(p) = preamble.as_mut() {
                    p.1 = index;
                }
            }
            Role::Title => {
                flush_preamble(&mut out, &mut preamble);
                out.push(symbol(
                    tree,
                    short(&line.text),
                    None,
                    SymbolKind::FILE,
                    (index, index),
                    encoding,
                ));
            }
            Role::Operative { number, .. } | Role::MalformedOperative { number, .. } => {
                flush_preamble(&mut out, &mut preamble);
                let mut last = index;
                while matches!(
                    tree.role(last + 1),
                    Role::Subparagraph { .. } | Role::Continuation { .. }
                ) {
                    last += 1;
                }
                out.push(symbol(
                    tree,
                    format!("{number}. {}", short(line.body())),
                    None,
                    SymbolKind::NUMBER,
                    (index, last),
                    encoding,
                ));
            }
            Role::SectionNumber { .. } | Role::PartHeading { .. } | Role::AnnexHeading { .. } => {
                flush_preamble(&mut out, &mut preamble);
                let kind = if matches!(role, Role::AnnexHeading { .. }) {
                    SymbolKind::MODULE
                } else {
                    SymbolKind::NAMESPACE
                };
                out.push(symbol(
                    tree,
                    short(&line.text),
                    None,
                    kind,
                    (index, index),
                    encoding,
                ));
            }
            Role::FootnoteText { number } => {
                flush_preamble(&mut out, &mut preamble);
                out.push(symbol(
                    tree,
                    format!("Footnote {number}"),
                    Some(short(line.body())),
                    SymbolKind::STRING,
                    (index, index),
                    encoding,
                ));
            }
            _ => {}
        }
    }
    flush_preamble(&mut out, &mut preamble);
    out
}

/// Folding: the preamble, each operative paragraph with subparagraphs, and the
/// footnote block.
pub fn folding_ranges(tree: &Tree) -> Vec<FoldingRange> {
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
