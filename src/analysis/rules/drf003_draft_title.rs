use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::organization_acronyms;
use crate::analysis::symbol::Organ;
use crate::syntax::{DocumentKind, LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The title of a draft L-document, the line after the sponsor line: organs,
    /// offices and instruments are named in full, not by an acronym (`UNOSSC
    /// resolution`); a Security Council draft has no title at all.
    ///
    /// ## Why
    /// DRF003 (Editorial Manual, "Resolutions and decisions: drafting", B). The
    /// sponsor supplies the title, normally the agenda item's. Partly
    /// mechanical: whether the title follows the agenda item, and whether two
    /// drafts under one item have distinct titles, need the agenda and the
    /// other drafts, and are left to people.
    ///
    /// ## Example
    /// `UNOSSC cooperation` under the sponsor line `Argentina and Japan: draft
    /// resolution`.
    ///
    /// ## Fix
    /// Write the name in full (`United Nations Office for South-South
    /// Cooperation`; the fix writes it for the organizations unres knows), or,
    /// in a Security Council draft, remove the title.
    pub struct DraftTitle {
        code: "DRF003",
        severity: Warning,
    }
}

/// Capitals that are not acronyms of a body or an instrument in a title.
const NOT_NAMES: [&str; 4] = ["HIV", "AIDS", "COVID", "SIDS"];

impl Rule for DraftTitle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.kind() != DocumentKind::Draft {
            return;
        }
        let tree = context.tree;
        let Some(sponsor) = tree.kind().sponsor_line else {
            return;
        };
        let Some((index, line, role)) = tree
            .iter()
            .skip(sponsor + 1)
            .find(|(_, line, _)| !line.text.trim().is_empty())
        else {
            return;
        };
        if role == Role::Organ
            || matches!(line.shape, LineShape::Organ { .. })
            || line.is_indented()
            || matches!(role, Role::Preambular | Role::Operative { .. })
        {
            return;
        }
        let text = line.text.trim_end();
        if context.organ() == Some(Organ::SecurityCouncil) {
            let span = Span::new(index, 0, text.len());
            sink.report(span, "A Security Council draft has no title")
                .with_fix(Fix::write(Span::new(index, 0, line.text.len()), ""));
            return;
        }
        let mut at = 0;
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let start = at;
            at += word.len() + 1;
            let letters = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
            let acronym = letters.chars().count() >= 2
                && letters.chars().all(|c| c.is_ascii_uppercase())
                && !letters.chars().all(|c| "IVXLC".contains(c))
                && !NOT_NAMES.contains(&letters);
            if !acronym {
                continue;
            }
            let span = Span::new(index, start, start + word.len());
            let report = sink.report(
                span,
                format!("Name the body or instrument in full in the title, not `{word}`"),
            );
            if word == letters
                && let Some(name) = organization_acronyms().get(word)
            {
                report.with_fix(Fix::write(span, *name));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str = "United Nations\nA/C.2/68/L.45\nGeneral Assembly\nDistr.: Limited\n\nArgentina and Japan: draft resolution\n";
    const BODY: &str =
        "\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.";

    #[test]
    fn acronyms_in_a_title() {
        check(&format!("{HEAD}UNOSSC cooperation\n^^^^^^ DRF003{BODY}"));
        check(&format!(
            "{HEAD}Cooperation with the IAEA\n                     ^^^^ DRF003{BODY}"
        ));
    }

    #[test]
    fn titles_in_full() {
        check(&format!("{HEAD}South-South cooperation{BODY}"));
        check(&format!(
            "{HEAD}Implementation of the Declaration of Commitment on HIV/AIDS and the Agenda 2030 part II{BODY}"
        ));
    }

    #[test]
    fn fix_writes_a_known_name() {
        let fixed = apply_fix(&format!("{HEAD}Cooperation with the IAEA{BODY}"), "DRF003");
        assert!(
            fixed.contains("\nCooperation with the International Atomic Energy Agency\n"),
            "{fixed}"
        );
    }

    #[test]
    fn a_council_draft_has_no_title() {
        check(
            "United Nations\nS/2024/123\nSecurity Council\nDistr.: Limited\n\nFrance and Japan: draft resolution\nThe situation in Haiti\n^^^^^^^^^^^^^^^^^^^^^^ DRF003\n\tThe Security Council,\n\tRecalling its resolution 2653 (2022),\n\t1.\tDecides to remain seized of the matter.",
        );
    }
}
