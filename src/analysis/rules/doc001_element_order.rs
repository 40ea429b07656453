use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::syntax::openings::{OpeningClass, class_of};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// The text runs organ line, preambular paragraphs, operative paragraphs: a
    /// preambular paragraph (`Recalling …,`) after the first operative paragraph
    /// of a part is out of order, unless a section or heading opens a new part of
    /// the operative text first (the spec's DOC011, left to the structure: a section may open with its own
    /// preamble-like paragraphs).
    ///
    /// ## Why
    /// DOC001 (Editorial Manual, resolutions C; AKN4UN part 3 §1): the whole
    /// resolution is one sentence, the preamble qualifying the organ before the
    /// operative part says what it does.
    ///
    /// ## Example
    /// `1. Decides …;` followed by `Recalling its resolution 64/222,` (outside any
    /// section).
    ///
    /// ## Fix
    /// Move the paragraph up into the preamble, or make it operative
    /// (`Recalls …;`).
    pub struct ElementOrder {
        code: "DOC001",
        severity: Error,
    }
}

impl Rule for ElementOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the roles, the first words' class (`class_of`) and the final mark of preambular paragraphs.
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        // The first operative paragraph of the current part or section.
        let mut operative: Option<usize> = None;
        for (index, line, role) in tree.iter() {
            match role {
                Role::Organ
                | Role::SectionNumber { .. }
                | Role::PartHeading { .. }
                | Role::Heading
                | Role::AnnexHeading { .. }
                | Role::ClosingMeeting => operative = None,
                // A long line without final punctuation is a heading the
                // structure could not tell from a paragraph (`Financing of the
                // support account for …`): it opens a new part.
                _ if role.is_body_paragraph()
                    && !matches!(line.final_char(), Some((_, ',' | ';' | ':' | '.'))) =>
                {
                    operative = None;
                }
                _ if role.is_operative() => {
                    operative.get_or_insert(index);
                }
                Role::Preambular
                    if context.own_text()[index]
                        && class_of(line.body()) == Some(OpeningClass::Preambular)
                        // `Reporting:` over a group of paragraphs is a heading.
                        && matches!(line.final_char(), Some((_, ','))) =>
                {
                    let Some(first) = operative else {
                        continue;
                    };
                    let end = line.content_end.max(line.body_start);
                    sink.report(
                        Span::new(index, line.body_start, end),
                        "A preambular paragraph after the operative part has begun: move it into the preamble or make it operative",
                    )
                    .with_related(
                        Span::new(first, 0, tree.lines()[first].text.len()),
                        "the operative part begins here",
                    );
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn preamble_after_the_operative_part() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n\tNoting the report of the Secretary-General,\n\t^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DOC001\n\t2.\tRequests a report.",
        );
    }

    #[test]
    fn a_section_may_open_with_its_own_preamble() {
        check(
            "\tThe General Assembly,\n\tI\n\tSubvention to the Extraordinary Chambers\n\t1.\tDecides to continue;\n\tII\n\tSpecial Tribunal\n\tHaving considered the report of the Secretary-General,\n\t1.\tTakes note of the report.",
        );
    }
}
