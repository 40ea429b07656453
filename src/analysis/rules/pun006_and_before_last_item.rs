use std::collections::HashMap;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// The item before the last subparagraph of a list ends either with a bare
    /// semicolon or with "; and" – adopted texts do both, and no written rule
    /// prefers one. Only mixing the two in one document is reported, on the
    /// lists that follow the less frequent style (a tie counts "; and" as the
    /// odd one).
    ///
    /// ## Why
    /// PUN006 (recalled from adopted texts; the spec offers only a consistency
    /// check).
    ///
    /// ## Example
    /// `(b) …; and` `(c) …;` in one paragraph, `(b) …;` `(c) …;` in another.
    ///
    /// ## Fix
    /// Use one style throughout the document.
    pub struct AndBeforeLastItem {
        code: "PUN006",
        severity: Hint,
    }
}

/// How the item before the last of a list ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Semicolon,
    SemicolonAnd,
}

/// The penultimate item of every subparagraph list of the resolution's own
/// text, with its ending.
fn penultimate_items(context: &Context<'_>) -> Vec<(usize, Ending)> {
    // Lines of each list (same parent paragraph and level), in order.
    let mut lists: HashMap<(u32, u8), Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (index, _, role) in context.tree.iter() {
        if let Role::Subparagraph { level, parent, .. } = role
            && context.own_text()[index]
        {
            let items = lists.entry((parent, level)).or_default();
            if items.is_empty() {
                order.push((parent, level));
            }
            items.push(index);
        }
    }
    let lines = context.tree.lines();
    order
        .into_iter()
        .filter_map(|key| {
            let items = &lists[&key];
            let line = *items.get(items.len().checked_sub(2)?)?;
            let text = lines[line].text[..lines[line].content_end].trim_end();
            let ending = if text.ends_with("; and") {
                Ending::SemicolonAnd
            } else if text.ends_with(';') {
                Ending::Semicolon
            } else {
                return None;
            };
            Some((line, ending))
        })
        .collect()
}

impl Rule for AndBeforeLastItem {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads only the roles and how each next-to-last subparagraph ends (`;` or `; and`).
    fn reads(&self) -> Reads {
        Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let items = penultimate_items(context);
        let with_and = items
            .iter()
            .filter(|(_, e)| *e == Ending::SemicolonAnd)
            .count();
        let without = items.len() - with_and;
        if with_and == 0 || without == 0 {
            return;
        }
        let odd = if with_and <= without {
            Ending::SemicolonAnd
        } else {
            Ending::Semicolon
        };
        for (line, ending) in items {
            if ending != odd {
                continue;
            }
            let lexed = &context.tree.lines()[line];
            let text = lexed.text[..lexed.content_end].trim_end();
            let width = match ending {
                Ending::SemicolonAnd => "; and".len(),
                Ending::Semicolon => 1,
            };
            let span = Span::new(line, text.len() - width, text.len());
            let (this, other) = match odd {
                Ending::SemicolonAnd => ("\"; and\"", "a bare semicolon"),
                Ending::Semicolon => ("a bare semicolon", "\"; and\""),
            };
            sink.report(
                span,
                format!("This list ends its next-to-last item with {this}; the other lists of the document use {other}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn mixed_styles() {
        check(
            "\tThe General Assembly,\n\t1.\tRequests:\n\t(a)\tTo act;\n\t(b)\tTo report; and\n\t   \t         ^^^^^ PUN006\n\t(c)\tTo review;\n\t2.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t(c)\tTo review;\n\t3.\tInvites:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t(c)\tTo review.",
        );
    }

    #[test]
    fn one_style_is_fine() {
        check(
            "\tThe General Assembly,\n\t1.\tRequests:\n\t(a)\tTo act;\n\t(b)\tTo report; and\n\t(c)\tTo review;\n\t2.\tDecides:\n\t(a)\tTo act; and\n\t(b)\tTo report.",
        );
    }
}
