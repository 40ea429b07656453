//! Negotiation labels (spec §2.1): `PP1`, `PP2` … for preambular paragraphs,
//! counted from the top of each part, as facilitators and delegates call them.
//! Shown as inlay hints, never written into the text.

use crate::syntax::{Role, Span, Tree};

use super::ide::InlineLabel;

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
                });
            }
            _ => {}
        }
    }
    labels
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
}
