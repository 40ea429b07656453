//! Negotiation labels (spec §2.1): `PP1`, `PP2` … for preambular paragraphs,
//! counted from the top of each part, and `OP1`, `OP2` … for operative ones,
//! called by their numbers (`OP5 bis` as written), as facilitators and
//! delegates call them; and the titles of cited resolutions. Shown as inlay
//! hints, never written into the text.

use crate::syntax::{LexedLine, LineShape, Role, Span, Tree};

use super::catalog::Catalog;
use super::citation::Citations;
use super::ide::InlineLabel;
use super::workspace::WorkspaceIndex;

/// Titles longer than this many characters are cut (the tooltip has them whole).
const TITLE_LIMIT: usize = 60;

pub fn paragraph_labels(tree: &Tree) -> Vec<InlineLabel> {
    let mut labels = Vec::new();
    let mut count = 0;
    for (index, line, role) in tree.iter() {
        match role {
            Role::Organ
            | Role::PartHeading {
                composite: true, ..
            } => count = 0,
            Role::Preambular => {
                count += 1;
                labels.push(InlineLabel {
                    at: Span::point(index, line.indent),
                    label: format!("PP{count}"),
                    tooltip: Some(format!("Preambular paragraph {count}")),
                    after_text: false,
                });
            }
            _ => {}
        }
    }
    labels
}

/// `OP5`, `OP5 bis` for the numbered operative paragraphs.
pub fn operative_labels(tree: &Tree) -> Vec<InlineLabel> {
    tree.iter()
        .filter_map(|(index, line, role)| match role {
            Role::Operative { number, .. } | Role::MalformedOperative { number, .. } => {
                let number = written_number(line, number);
                Some(InlineLabel {
                    at: Span::point(index, line.indent),
                    label: format!("OP{number}"),
                    tooltip: Some(format!("Operative paragraph {number}")),
                    after_text: false,
                })
            }
            _ => None,
        })
        .collect()
}

/// The labels of lines that do not write their own: a rolling text's
/// `PP3<TAB>…` or `OP5 alt<TAB>…` already shows what a hint would.
pub fn unwritten(tree: &Tree, labels: Vec<InlineLabel>) -> Vec<InlineLabel> {
    labels
        .into_iter()
        .filter(|l| tree.line(l.at.line).is_none_or(|line| line.label.is_none()))
        .collect()
}

/// The number of an operative paragraph as written (`5 bis`), else its value.
pub fn written_number(line: &LexedLine, number: u32) -> String {
    match &line.shape {
        LineShape::Numbered { label, .. } => line
            .text
            .get(label.start..label.end)
            .map(|written| written.trim_end_matches('.').trim().to_owned())
            .filter(|written| !written.is_empty())
            .unwrap_or_else(|| number.to_string()),
        _ => number.to_string(),
    }
}

/// After each cited resolution the record or the workspace has a title for:
/// the title (the workspace text's own first, as hovers show it).
pub fn cited_titles(
    tree: &Tree,
    catalog: &Catalog,
    workspace: Option<&WorkspaceIndex>,
) -> Vec<InlineLabel> {
    let citations = Citations::collect(tree);
    let mut labels = Vec::new();
    for item in citations.list.iter().flat_map(|c| c.items.iter()) {
        let titles: Vec<&str> = item
            .symbols
            .iter()
            .filter_map(|symbol| {
                let written = workspace
                    .and_then(|w| w.get(symbol))
                    .and_then(|e| e.summary.title.as_deref());
                written.or_else(|| {
                    catalog
                        .get(symbol)
                        .and_then(|r| r.title.as_ref())
                        .map(|(t, _)| t.as_str())
                })
            })
            .collect();
        if titles.is_empty() {
            continue;
        }
        let title = titles.join(" · ");
        labels.push(InlineLabel {
            at: Span::point(item.span.line, item.span.end),
            label: shortened(&title),
            tooltip: Some(title),
            after_text: true,
        });
    }
    labels
}

/// At most [`TITLE_LIMIT`] characters, cut at a word with an ellipsis.
fn shortened(title: &str) -> String {
    if title.chars().count() <= TITLE_LIMIT {
        return title.to_owned();
    }
    let cut: String = title.chars().take(TITLE_LIMIT).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > TITLE_LIMIT / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preambular_paragraphs_are_counted() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\tNoting the report,\n\t1.\tDecides.",
        );
        let labels: Vec<String> = paragraph_labels(&tree)
            .into_iter()
            .map(|l| l.label)
            .collect();
        assert_eq!(labels, ["PP1", "PP2"]);
    }

    #[test]
    fn operative_paragraphs_by_their_numbers() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides;\n\t(a)\tTo act;\n\t2.\tRequests.",
        );
        let labels: Vec<(usize, String)> = operative_labels(&tree)
            .into_iter()
            .map(|l| (l.at.line, l.label))
            .collect();
        assert_eq!(labels, [(2, "OP1".to_owned()), (4, "OP2".to_owned())]);
    }

    #[test]
    fn titles_of_cited_resolutions_the_record_knows() {
        let text = "\tThe General Assembly,\n\tRecalling its resolutions 78/167 of 19 December 2023 and 64/222 of 21 December 2009,";
        let tree = Tree::parse(text);
        let catalog = Catalog::embedded();
        let labels = cited_titles(&tree, &catalog, None);
        // 64/222 is in the record without a title.
        assert_eq!(labels.len(), 1, "{labels:?}");
        let label = &labels[0];
        assert_eq!(
            label.at,
            Span::point(1, text.lines().nth(1).unwrap().find(" of 19").unwrap())
        );
        assert!(label.after_text);
        assert!(
            label
                .tooltip
                .as_deref()
                .is_some_and(|t| t.contains("South-South")),
            "{label:?}"
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title = "Implementation of the outcome of the World Summit for Social Development and of the twenty-fourth special session of the General Assembly";
        let short = shortened(title);
        assert!(
            short.ends_with('…') && short.chars().count() <= TITLE_LIMIT + 1,
            "{short}"
        );
        assert!(title.starts_with(short.trim_end_matches('…')));
        assert_eq!(
            shortened("South-South cooperation"),
            "South-South cooperation"
        );
    }
}
