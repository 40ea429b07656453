//! The document's kind shown to the user: a hover on the first line says what
//! the text was read as (adopted, draft, negotiation text, bare body), why, and
//! how to override it.

use super::config::Config;
use super::ide::HoverInfo;
use crate::syntax::{Span, Tree};

/// Hover over the first non-blank line (or the line the kind was read from):
/// the document's kind and where it comes from.
pub fn hover_kind(tree: &Tree, config: &Config, line: usize) -> Option<HoverInfo> {
    let first = tree
        .lines()
        .iter()
        .position(|l| !l.text.trim().is_empty())?;
    let evidence = tree.kind();
    if line != first && Some(line) != evidence.line {
        return None;
    }
    let kind = config.kind_of(tree);
    let source = match config.kind {
        Some(_) => "set by the `kind` setting".to_owned(),
        None => match evidence.line {
            Some(at) => format!("read from {} (line {})", evidence.reason, at + 1),
            None => format!("read from the text: {}", evidence.reason),
        },
    };
    let text = &tree.lines()[line].text;
    Some(HoverInfo {
        span: Span::new(line, 0, text.len()),
        markdown: format!(
            "**Document: {kind}** ({source}).\n\nThe anatomy (DOC) and draft (DRF) rules \
             follow it; set `kind` to `adopted`, `draft`, `negotiation`, `body` or \
             `auto` to override."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::DocumentKind;

    #[test]
    fn first_line_shows_the_kind_and_the_setting_overrides_it() {
        let tree = Tree::parse(
            "\nJapan and Norway: draft resolution\n\tThe General Assembly,\n\t1.\tDecides.",
        );
        let hover = hover_kind(&tree, &Config::default(), 1).expect("hover");
        assert!(hover.markdown.contains("draft resolution (L-document)"));
        assert!(hover.markdown.contains("sponsor line (line 2)"));
        assert!(hover_kind(&tree, &Config::default(), 3).is_none());
        let config = Config {
            kind: Some(DocumentKind::Negotiation),
            ..Config::default()
        };
        let hover = hover_kind(&tree, &config, 1).expect("hover");
        assert!(hover.markdown.contains("negotiation text"));
        assert!(hover.markdown.contains("`kind` setting"));
    }
}
