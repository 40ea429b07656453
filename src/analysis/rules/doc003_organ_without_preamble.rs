use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// When the operative part follows the organ line directly, with no
    /// preamble, the organ line has no comma: `The General Assembly` then
    /// `Adopts the following outcome document …`.
    ///
    /// ## Why
    /// DOC003 (Editorial Manual, resolutions C, second example). AKN4UN shows a
    /// comma in one such example, so this is information only.
    ///
    /// ## Example
    /// `The General Assembly,` directly followed by `1. Takes note …;`.
    ///
    /// ## Fix
    /// Remove the comma.
    pub struct OrganWithoutPreamble {
        code: "DOC003",
        severity: Information,
    }
}

impl Rule for OrganWithoutPreamble {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the organ line and the roles after it, never paragraph text.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for (index, line, role) in tree.iter() {
            if role != Role::Organ || !matches!(line.shape, LineShape::Organ { comma: true, .. }) {
                continue;
            }
            let next = tree.roles()[index + 1..]
                .iter()
                .find(|r| **r != Role::Blank)
                .copied();
            if !next.is_some_and(Role::is_operative) {
                continue;
            }
            let Some(at) = line.text.rfind(',') else {
                continue;
            };
            let span = Span::new(index, at, at + 1);
            sink.report(span, "No comma after the organ when no preamble follows")
                .with_fix(Fix::write(span, ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\t                    ^ DOC003\n\tAdopts the following outcome document.";

    #[test]
    fn comma_without_preamble() {
        check(TEXT);
        check("\tThe General Assembly\n\tAdopts the following outcome document.");
        check("\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.");
    }

    #[test]
    fn fix_removes_the_comma() {
        assert!(apply_fix(TEXT, "DOC003").starts_with("\tThe General Assembly\n"));
    }
}
