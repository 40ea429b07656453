use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::structure::{leading_label, roman_value, successor_roman};
use crate::syntax::{ItemLabel, Role, Span};

declare_rule! {
    /// ## What it checks
    /// Second-degree subparagraph labels are lower-case roman numerals in standard
    /// form, consecutive under each first-degree item: (i), (ii), (iii), (iv) ….
    ///
    /// ## Why
    /// NUM007 (Editorial Manual, "Paragraphs and subparagraphs").
    ///
    /// ## Example
    /// `(i)` `(ii)` `(iiii)`: write `(iii)`, then `(iv)`.
    ///
    /// ## Fix
    /// Relabel the item with the next numeral.
    pub struct RomanSequence {
        code: "NUM007",
        severity: Error,
    }
}

impl Rule for RomanSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads shapes and roles, and whether the body starts with `(i)` (its first 4 bytes, bounded by `content_end`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        // Per list depth (index = level - 1): the last numeral of the open list;
        // an item at a shallower depth, a new paragraph or a new list closes it.
        let mut lists: Vec<Option<String>> = Vec::new();
        let mut current_parent = None;
        for (index, line, role) in context.tree.iter() {
            let Role::Subparagraph {
                level,
                label: kind,
                parent,
            } = role
            else {
                if matches!(
                    role,
                    Role::Operative { .. } | Role::Preambular | Role::AnnexParagraph { .. }
                ) {
                    lists.clear();
                }
                continue;
            };
            if current_parent != Some(parent) {
                current_parent = Some(parent);
                lists.clear();
            }
            let depth = usize::from(level.max(1));
            if lists.len() < depth {
                lists.resize(depth, None);
            }
            for deeper in &mut lists[depth..] {
                *deeper = None;
            }
            let Some((label, range)) = line.shape.sequence_label() else {
                continue;
            };
            if kind == ItemLabel::Letter {
                // `(a) (i)<TAB>…`: the first numeral stands on the letter's line.
                let on_line = leading_label(line.body()).filter(|l| *l == "i");
                if lists.len() == depth {
                    lists.push(None);
                }
                lists[depth] = on_line.map(str::to_owned);
            }
            if kind != ItemLabel::Roman {
                continue;
            }
            let previous = lists[depth - 1].take();
            let expected = previous
                .as_deref()
                .map_or_else(|| Some("i".to_owned()), successor_roman)
                .unwrap_or_default();
            let span = Span::in_line(index, range);
            if roman_value(label).is_none() {
                sink.report(
                    span,
                    format!(
                        "({label}) is not a valid lower-case roman numeral; expected ({expected})"
                    ),
                );
            } else if label != expected {
                let after = previous
                    .as_deref()
                    .map_or_else(|| "the start of the list".to_owned(), |p| format!("({p})"));
                sink.report(
                    span,
                    format!("Subparagraph ({label}) follows {after}; expected ({expected})"),
                );
            }
            lists[depth - 1] = Some(if roman_value(label).is_some() {
                label.to_owned()
            } else {
                expected
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn roman_sequence() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides:\n\t(a)\tTo act on:\n\t(i)\tOne;\n\t(ii)\tTwo;\n\t(iv)\tFour;\n\t^^^^ NUM007\n\t(b)\tTo report:\n\t(i)\tOne;\n\t(ii)\tTwo.",
        );
    }

    #[test]
    fn roman_headings_and_numerals_on_a_letter_line() {
        check(
            "\tThe Security Council,\n\t1.\tDecides:\n\t(i)\tProtection of civilians\n\t(a)\tProtect civilians;\n\t(ii)\tElections\n\t(b)\tSupport the elections;\n\t(iv)\tHuman rights\n\t^^^^ NUM007\n\t(c)\tMonitor;\n\t2.\tDecides that:\n\t(a) (i)\tThe conversion of property;\n\t(ii)\tThe concealment of property;\n\t(b)\tSubject to its law:\n\t(i)\tThe acquisition;\n\t(ii)\tThe participation.",
        );
    }

    #[test]
    fn a_lettered_heading_h_may_hold_romans() {
        check(
            "\tThe Security Council,\n\t1.\tDecides:\n\t(a)\tA;\n\t(b)\tB;\n\t(c)\tC;\n\t(d)\tD;\n\t(e)\tE;\n\t(f)\tF;\n\t(g)\tG;\n\t(h)\tDisarmament\n\t(i)\tTo support;\n\t(ii)\tTo regroup;\n\t(iii)\tTo canton;\n\t(iv)\tTo report.",
        );
    }
}
