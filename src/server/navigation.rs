//! Footnotes as links: hover on a marker shows its text, go to definition jumps
//! to the text, references list every marker of a footnote.

use crate::analysis::Footnotes;
use crate::analysis::ide::HoverInfo;
use crate::syntax::{Span, Tree};

/// The footnote number under (line, byte): a marker, or the label of a text.
fn footnote_at(footnotes: &Footnotes, line: usize, byte: usize) -> Option<(u32, Span)> {
    if let Some(reference) = footnotes.ref_at(line, byte) {
        return Some((reference.number, reference.span));
    }
    footnotes
        .texts
        .iter()
        .find(|t| t.line == line && t.label.start <= byte && byte <= t.label.end)
        .map(|t| (t.number, t.label))
}

pub fn footnote_hover(tree: &Tree, line: usize, byte: usize) -> Option<HoverInfo> {
    let footnotes = tree.footnotes();
    let reference = footnotes.ref_at(line, byte)?;
    let markdown = match footnotes.text(reference.number) {
        Some(text) => {
            let mut body = tree.lines()[text.line].text[text.body.start..text.body.end].to_owned();
            for continuation in text.line + 1..=text.last_line {
                body.push(' ');
                body.push_str(tree.lines()[continuation].text.trim());
            }
            format!("**Footnote {}**\n\n{}", reference.number, body)
        }
        None => format!(
            "**Footnote {}** has no footnote text yet (FTN008).",
            reference.number
        ),
    };
    Some(HoverInfo {
        span: reference.span,
        markdown,
    })
}

/// The footnote text a marker points to.
pub fn footnote_definition(tree: &Tree, line: usize, byte: usize) -> Option<Span> {
    let footnotes = tree.footnotes();
    let (number, _) = footnote_at(footnotes, line, byte)?;
    footnotes.text(number).map(|t| t.label)
}

/// Every marker of the footnote under the cursor (and its text, if asked).
pub fn footnote_references(
    tree: &Tree,
    line: usize,
    byte: usize,
    include_declaration: bool,
) -> Vec<Span> {
    let footnotes = tree.footnotes();
    let Some((number, _)) = footnote_at(footnotes, line, byte) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = footnotes
        .refs
        .iter()
        .filter(|r| r.number == number)
        .map(|r| r.span)
        .collect();
    if include_declaration {
        spans.extend(footnotes.text(number).map(|t| t.label));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling the report,1\n\t1.\tDecides, recalling the report,1 again.\n\n1 A/68/212.";

    #[test]
    fn hover_and_navigation() {
        let tree = Tree::parse(TEXT);
        let hover = footnote_hover(&tree, 1, 22).expect("hover on the marker");
        assert!(hover.markdown.contains("A/68/212."));
        assert_eq!(footnote_definition(&tree, 1, 22), Some(Span::new(4, 0, 1)));
        assert_eq!(footnote_references(&tree, 4, 0, false).len(), 2);
        assert!(footnote_hover(&tree, 0, 3).is_none());
    }
}
