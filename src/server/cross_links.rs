//! Internal cross-references as links: "paragraph 5 above", "paragraphs 2 to
//! 4", "paragraph 5 (b)" go to, hover with and highlight the paragraph they
//! cite; references on a paragraph's number list what cites it; rename on a
//! number renumbers the sequence and rewrites the references.
//!
//! The references are those NUM010 checks (`analysis::cross_refs`), resolved
//! the same way.

use crate::analysis::Edit;
use crate::analysis::cross_refs::{self, CrossRef, Targets};
use crate::analysis::ide::HoverInfo;
use crate::analysis::numbering;
use crate::syntax::{Role, Span, Tree};

/// What the cursor is on: a reference, or the number of a paragraph.
enum Under {
    Reference(CrossRef),
    Paragraph { line: usize, digits: Span },
}

/// The reference under the cursor, its label's parentheses included.
fn reference_under(references: &[CrossRef], line: usize, byte: usize) -> Option<CrossRef> {
    let inside = |span: Span| span.line == line && span.start <= byte && byte <= span.end;
    references
        .iter()
        .find(|r| {
            inside(r.span)
                || r.label
                    .is_some_and(|l| inside(Span::new(l.line, l.start - 1, l.end + 1)))
        })
        .copied()
}

fn under(tree: &Tree, references: &[CrossRef], line: usize, byte: usize) -> Option<Under> {
    if let Some(reference) = reference_under(references, line, byte) {
        return Some(Under::Reference(reference));
    }
    let inside = |span: Span| span.line == line && span.start <= byte && byte <= span.end;
    let plan = numbering::plan(tree);
    plan.paragraphs
        .iter()
        .find(|p| p.line == line && inside(p.digits))
        .map(|p| Under::Paragraph {
            line: p.line,
            digits: p.digits,
        })
}

/// The span to show for the paragraph or subparagraph on `line`: its number
/// or label, else the start of its text.
fn label_span(tree: &Tree, line: usize) -> Span {
    let plan = numbering::plan(tree);
    if let Some(paragraph) = plan.paragraphs.iter().find(|p| p.line == line) {
        return paragraph.digits;
    }
    let Some(text) = tree.line(line) else {
        return Span::point(line, 0);
    };
    match &text.shape {
        crate::syntax::LineShape::Subparagraph { range, .. }
        | crate::syntax::LineShape::DottedLetter { range, .. } => {
            Span::new(line, range.start, range.end)
        }
        _ => Span::new(line, text.indent, text.body_start.max(text.indent)),
    }
}

/// Go to definition: the paragraph (or subparagraph) a reference cites.
pub fn definition(tree: &Tree, line: usize, byte: usize) -> Option<Span> {
    let references = cross_refs::on_line(tree, line);
    let reference = reference_under(&references, line, byte)?;
    let target = Targets::new(tree).resolve(tree, &reference)?;
    Some(label_span(tree, target))
}

/// Hover on a reference: the text of what it cites (a paragraph with its
/// subparagraphs, or the one subparagraph).
pub fn hover(tree: &Tree, line: usize, byte: usize) -> Option<HoverInfo> {
    // Only a reference is previewed: the references of the line suffice.
    let references = cross_refs::on_line(tree, line);
    let reference = reference_under(&references, line, byte)?;
    let target = Targets::new(tree).resolve(tree, &reference)?;
    let mut body = vec![tree.line(target)?.text.trim().to_owned()];
    if !matches!(tree.role(target), Role::Subparagraph { .. }) {
        body.extend(
            (target + 1..tree.line_count())
                .take_while(|&l| {
                    matches!(
                        tree.role(l),
                        Role::Subparagraph { .. } | Role::Continuation { .. }
                    )
                })
                .filter_map(|l| tree.line(l).map(|t| t.text.trim().to_owned())),
        );
    }
    let label = reference
        .label
        .and_then(|l| {
            tree.line(l.line)
                .map(|t| format!(" ({})", &t.text[l.start..l.end]))
        })
        .unwrap_or_default();
    let mut span = reference.span;
    if let Some(l) = reference.label {
        span.end = l.end + 1;
    }
    Some(HoverInfo {
        span,
        markdown: format!(
            "**Paragraph {}{label}**\n\n{}",
            reference.number,
            body.join("\n\n")
        ),
    })
}

/// The paragraph line the cursor stands for: the paragraph of its number, or
/// the paragraph a reference under it cites.
fn paragraph_under(
    tree: &Tree,
    references: &[CrossRef],
    line: usize,
    byte: usize,
) -> Option<usize> {
    match under(tree, references, line, byte)? {
        Under::Paragraph { line, .. } => Some(line),
        Under::Reference(reference) => {
            Targets::new(tree).paragraph(reference.number, reference.span.line, reference.direction)
        }
    }
}

/// The spans that cite the paragraph on `paragraph`: a reference to it (its
/// digits, with the label) or a range that runs through it (`2 to 4`).
fn citing(tree: &Tree, references: &[CrossRef], paragraph: usize) -> Vec<Span> {
    let targets = Targets::new(tree);
    let mut out = Vec::new();
    for reference in references {
        let direct = targets.paragraph(reference.number, reference.span.line, reference.direction)
            == Some(paragraph);
        if direct {
            let mut span = reference.span;
            if let Some(label) = reference.label {
                span.end = label.end + 1;
            }
            out.push(span);
        } else if targets.range_interior(reference).contains(&paragraph) {
            out.extend(reference.range_from.map(|(_, span)| span));
        }
    }
    out
}

/// References: everything in the text that cites the paragraph under the
/// cursor (and its number, when the declaration is asked for).
pub fn references(
    tree: &Tree,
    line: usize,
    byte: usize,
    include_declaration: bool,
) -> Option<Vec<Span>> {
    let all = cross_refs::collect(tree);
    let paragraph = paragraph_under(tree, &all, line, byte)?;
    let mut spans = Vec::new();
    if include_declaration {
        spans.push(label_span(tree, paragraph));
    }
    spans.extend(citing(tree, &all, paragraph));
    Some(spans)
}

/// Document highlight: the paragraph's number (written) and every reference
/// to it (read).
pub fn highlights(tree: &Tree, line: usize, byte: usize) -> Option<(Span, Vec<Span>)> {
    let all = cross_refs::collect(tree);
    let paragraph = paragraph_under(tree, &all, line, byte)?;
    Some((label_span(tree, paragraph), citing(tree, &all, paragraph)))
}

/// prepareRename: the digits under the cursor, when they are a paragraph's
/// number or a reference that resolves to one.
pub fn prepare_rename(tree: &Tree, line: usize, byte: usize) -> Option<Span> {
    let all = cross_refs::collect(tree);
    match under(tree, &all, line, byte)? {
        Under::Paragraph { digits, .. } => Some(digits),
        Under::Reference(reference) => {
            paragraph_under(tree, &all, line, byte)?;
            Some(reference.span)
        }
    }
}

/// Rename a paragraph number to `new_name`: that paragraph takes the number,
/// the ones after it in its sequence follow consecutively, and references
/// follow the paragraphs they meant. `Err` says why the name is refused.
pub fn rename(tree: &Tree, line: usize, byte: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    let number: u32 = new_name
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..10_000).contains(n))
        .ok_or_else(|| format!("`{new_name}` is not a paragraph number"))?;
    let all = cross_refs::collect(tree);
    let paragraph = paragraph_under(tree, &all, line, byte)
        .ok_or_else(|| "not on a paragraph number or a reference to one".to_owned())?;
    let plan = numbering::plan(tree);
    let index = plan
        .paragraphs
        .iter()
        .position(|p| p.line == paragraph)
        .ok_or_else(|| "not on a numbered paragraph".to_owned())?;
    Ok(plan.renumber_from(tree, index, number, &all))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t2.\tRequests;\n\t3.\tInvites;\n\t4.\tRecalls paragraphs 1 to 3 above and paragraph 1 (b) above.";

    #[test]
    fn links() {
        let tree = Tree::parse(TEXT);
        // "1 (b)" goes to the subparagraph, "3" of the range to paragraph 3.
        let line = &tree.line(6).unwrap().text;
        let b = line.find("1 (b)").unwrap();
        assert_eq!(definition(&tree, 6, b), Some(Span::new(3, 1, 4)));
        let three = line.find("3 above").unwrap();
        assert_eq!(definition(&tree, 6, three), Some(Span::new(5, 1, 2)));
        assert!(hover(&tree, 6, b).unwrap().markdown.contains("To report"));
        // Paragraph 2 is cited through the range.
        let cited = references(&tree, 4, 1, false).unwrap();
        assert_eq!(cited.len(), 1);
        assert_eq!(&line[cited[0].start..cited[0].end], "1 to 3");
        // Renaming 2 to 5 renumbers 2, 3, 4 to 5, 6, 7 and the reference to 3.
        let edits = rename(&tree, 4, 1, "5").unwrap();
        assert_eq!(edits.len(), 4, "{edits:?}");
        assert!(rename(&tree, 4, 1, "two").is_err());
    }
}
