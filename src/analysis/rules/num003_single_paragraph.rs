use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, SegmentKind, Span};

declare_rule! {
    /// ## What it checks
    /// When the operative part has only one paragraph, that paragraph carries
    /// no number: `The General Assembly` / `Adopts the following outcome
    /// document …`, not `1. Adopts …`. Resolutions divided into sections are
    /// not checked (a section may hold a single numbered paragraph), nor a bare
    /// body without a header or a rolling negotiation text, which are being
    /// typed: the second paragraph may be on its way.
    ///
    /// ## Why
    /// NUM003 (AKN4UN part 3, main content: "a single operative paragraph is
    /// not numbered"; A/RES/70/1).
    ///
    /// ## Example
    /// `The General Assembly` / `1. Adopts the following outcome document …`
    /// as the only paragraph.
    ///
    /// ## Fix
    /// Remove the number.
    pub struct SingleParagraph {
        code: "NUM003",
        severity: Warning,
    }
}

impl Rule for SingleParagraph {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads roles, segments and the number's shape only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        use crate::syntax::DocumentKind;
        if !matches!(context.kind(), DocumentKind::Adopted | DocumentKind::Draft) {
            return;
        }
        let segments = tree.segments();
        if segments.iter().any(|s| s.kind == SegmentKind::Section) {
            return;
        }
        for (number, segment) in segments.iter().enumerate() {
            if segment.kind != SegmentKind::Body {
                continue;
            }
            let number = number as u32;
            let mut operative = tree.iter().filter(|(index, _, role)| {
                context.own_text()[*index]
                    && match role {
                        Role::Operative { segment, .. }
                        | Role::UnnumberedOperative { segment }
                        | Role::MalformedOperative { segment, .. } => *segment == number,
                        _ => false,
                    }
            });
            let (Some((index, line, Role::Operative { number: 1, .. })), None) =
                (operative.next(), operative.next())
            else {
                continue;
            };
            let LineShape::Numbered { label, .. } = line.shape else {
                continue;
            };
            let span = Span::new(index, label.start, line.body_start);
            sink.report(span, "The only operative paragraph is not numbered")
                .with_fix(Fix::write(span, ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "Japan: draft resolution\n\tThe General Assembly\n\t1.\tAdopts the following outcome document.\n\t^^^ NUM003";

    #[test]
    fn single_numbered_paragraph() {
        check(TEXT);
        check(
            "Japan: draft resolution\n\tThe General Assembly\n\tAdopts the following outcome document.",
        );
        check("\tThe General Assembly\n\t1.\tDecides.");
        check("Japan: draft resolution\n\tThe General Assembly\n\t1.\tDecides;\n\t2.\tRequests.");
    }

    #[test]
    fn fix_removes_the_number() {
        assert!(apply_fix(TEXT, "NUM003").ends_with("\n\tAdopts the following outcome document."));
    }
}
