use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::syntax::negotiation::{LabelPart, rank_word};
use crate::syntax::{DocumentKind, LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// In a text under negotiation (the `kind`/`mode` setting `negotiation`, or a
    /// text with PP/OP labels, `bis` paragraphs or brackets), an inserted
    /// paragraph takes the number of the paragraph it follows plus `bis`,
    /// `ter` …: `5 bis` follows `5`, `5 ter` follows `5 bis`. A `7 bis` after
    /// `5`, or a `ter` without its `bis`, is reported.
    ///
    /// In a final text (a draft L-document or an adopted text), what belongs to
    /// the negotiation is reported as not allowed: `5 bis.` numbers, `OP` labels,
    /// square-bracketed language, alternatives, attributions and notes (a
    /// warning in a draft, an error in an adopted text). `PP` labels are
    /// NUM004's. Adopted texts bracket editorial insertions in quotations and
    /// put acronyms in parentheses, so there only `bis` numbers, `OP` labels,
    /// alternatives, notes and `[G77: delete]` positions are reported.
    ///
    /// ## Why
    /// NUM012 (EM-PARA, "Identification of alternative versions of a
    /// paragraph"; UNX-NEG): the labels and brackets disappear when agreement
    /// is reached and the text is renumbered for issuance (`unres clean`).
    ///
    /// ## Example
    /// `5.`, then `7 bis.` (negotiation); `5 bis.` in an L-document.
    ///
    /// ## Fix
    /// Number the insertion after the paragraph it follows; in a final text,
    /// run `unres clean` once the brackets are agreed.
    pub struct InsertedParagraphs {
        code: "NUM012",
        severity: Error,
    }
}

impl Rule for InsertedParagraphs {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads shapes, roles, labels and rolling-text marks (never on plain lines).
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        match context.kind() {
            DocumentKind::Negotiation => insertion_order(context, sink),
            DocumentKind::Draft => final_text(context, sink, Severity::Warning),
            DocumentKind::Adopted => final_text(context, sink, Severity::Error),
            DocumentKind::Body => {}
        }
    }
}

/// `5`, `5 bis`, `5 ter`, `6`: each insertion follows its paragraph.
fn insertion_order(context: &Context<'_>, sink: &mut Sink<'_>) {
    let tree = context.tree;
    // The previous numbered paragraph of the segment: (segment, number, rank, line).
    let mut previous: Option<(u32, u32, u8, usize)> = None;
    // The previous subparagraph: (parent, label, rank).
    let mut previous_item: Option<(u32, String, u8)> = None;
    for (index, line, role) in tree.iter() {
        if let (Role::Subparagraph { parent, .. }, LineShape::Subparagraph { label, range, rank }) =
            (role, &line.shape)
        {
            let before = previous_item.take().filter(|p| p.0 == parent);
            previous_item = Some((parent, label.clone(), *rank));
            let follows = before
                .as_ref()
                .is_some_and(|(_, l, r)| l == label && r + 1 == *rank);
            if *rank > 0 && !follows {
                let wanted = match rank - 1 {
                    0 => format!("({label})"),
                    r => format!("({label} {})", rank_word(r)),
                };
                sink.report(
                    Span::in_line(index, *range),
                    format!(
                        "Subparagraph ({label} {}) belongs after {wanted}",
                        rank_word(*rank)
                    ),
                );
            }
            continue;
        }
        let Role::Operative {
            number,
            segment,
            rank,
        } = role
        else {
            continue;
        };
        let before = previous.filter(|p| p.0 == segment);
        previous = Some((segment, number, rank, index));
        if rank == 0 {
            continue;
        }
        let expected = (number, rank - 1);
        if before.is_some_and(|(_, n, r, _)| (n, r) == expected) {
            continue;
        }
        let LineShape::Numbered { label, .. } = &line.shape else {
            continue;
        };
        let written = format!("{number} {}", rank_word(rank));
        let wanted = match rank - 1 {
            0 => number.to_string(),
            r => format!("{number} {}", rank_word(r)),
        };
        let message = match before {
            Some((_, n, r, _)) => {
                let after = match r {
                    0 => n.to_string(),
                    r => format!("{n} {}", rank_word(r)),
                };
                format!("Paragraph {written} follows paragraph {after}: it belongs after {wanted}")
            }
            None => format!("Paragraph {written} follows no paragraph {wanted}"),
        };
        let diagnostic = sink.report(
            Span::new(index, label.start, label.end.saturating_sub(1)),
            message,
        );
        if let Some((_, _, _, at)) = before {
            diagnostic.with_related(
                Span::point(at, tree.lines()[at].indent),
                "the paragraph before",
            );
        }
    }
}

/// A final text keeps nothing of the negotiation.
fn final_text(context: &Context<'_>, sink: &mut Sink<'_>, severity: Severity) {
    let draft = severity == Severity::Warning;
    let tree = context.tree;
    let negotiation = tree.negotiation();
    for (index, line, role) in tree.iter() {
        if !context.own_text()[index] || !role.is_body_paragraph() {
            continue;
        }
        let what = if let LineShape::Numbered {
            rank: rank @ 1..,
            label,
            ..
        } = &line.shape
        {
            Some((
                Span::new(index, label.start, label.end.saturating_sub(1)),
                format!("`{}` numbering", rank_word(*rank)),
            ))
        } else if let Some(label) = line.label.filter(|l| l.part == LabelPart::Operative) {
            Some((
                Span::new(index, label.start, label.end),
                "An OP label".into(),
            ))
        } else if let Some(marks) = line.negotiation.as_deref() {
            if let Some(alt) = marks.alternatives.first() {
                Some((Span::in_line(index, alt.range), "An alternative".into()))
            } else if let Some(attribution) = marks
                .attributions
                .iter()
                .find(|a| draft || a.action.is_some())
            {
                Some((
                    Span::in_line(index, attribution.range),
                    "An attribution".into(),
                ))
            } else if let Some(note) = marks.notes.first() {
                Some((Span::in_line(index, *note), "A facilitator's note".into()))
            } else if !draft {
                // Adopted texts bracket editorial insertions in quotations
                // (`is [essential] to`, `paragraphs [5, 6, 7, and 8]`) and write
                // acronyms in parentheses: only a draft is held to them.
                None
            } else {
                marks.brackets.first().map(|b| {
                    (
                        Span::new(index, b.at, b.at + 1),
                        "Square-bracketed language".into(),
                    )
                })
            }
        } else {
            None
        };
        let Some((span, what)) = what else {
            continue;
        };
        let _ = negotiation;
        let what = match what.strip_prefix('`') {
            Some(_) => format!("A {what}"),
            None => what,
        };
        sink.report_at(
            severity,
            span,
            format!("{what} is not allowed in a final text: agree it and renumber (`unres clean`)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn insertions_follow_their_paragraph() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t1 bis.\tInvites States;\n\t1 ter.\tRequests a report;\n\t2.\tDecides to remain seized of the matter.",
        );
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t3 bis.\tInvites States;\n\t^^^^^ NUM012\n\t2.\tDecides to remain seized of the matter.",
        );
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t1 ter.\tInvites States;\n\t^^^^^ NUM012\n\t2.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn inserted_subparagraphs() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides:\n\t\t(a)\tTo act;\n\t\t(a bis)\tTo report;\n\t\t(b)\tTo review;\n\t\t(c ter)\tTo close;\n\t\t^^^^^^^ NUM012\n\t2.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn not_allowed_in_a_final_text() {
        check(
            "Japan and Norway: draft resolution\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t1 bis.\tInvites States;\n\t^^^^^ NUM012\n\t2.\tDecides to remain seized of the matter.",
        );
    }
}
