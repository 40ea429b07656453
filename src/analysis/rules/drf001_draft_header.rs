use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// The header of a draft L-document: the sponsor line ends with
    /// `: draft resolution` in lower case (`: revised draft resolution` when
    /// the symbol is a `/Rev.`), names the sponsors before the colon, and the
    /// masthead says `Distr.: Limited`. Reported: `Draft resolution submitted
    /// by Argentina et al.`, `Sponsors: Argentina, …`, `…: Draft Resolution`,
    /// `…: draft resolution` on a revision, `Distr.: General` on an L-document.
    /// Only drafts are checked.
    ///
    /// ## Why
    /// DRF001 (Editorial Manual, resolutions A: limited distribution, L
    /// symbols; the sponsor line form is attested in document listings). A
    /// facilitator's draft ("Draft resolution submitted by the Vice-Chair of the
    /// Committee …", the spec's DRF010) is accepted. The order of the masthead fields is
    /// left to people.
    ///
    /// ## Example
    /// `Argentina, Australia and Japan: Draft Resolution` should be
    /// `Argentina, Australia and Japan: draft resolution`.
    ///
    /// ## Fix
    /// Write the end of the sponsor line as `: draft resolution` (or `: revised
    /// draft resolution`), `Distr.: Limited`.
    pub struct DraftHeader {
        code: "DRF001",
        severity: Warning,
    }
}

/// "submitted by the Chair / Vice-Chair / President / facilitator …": a
/// facilitator's draft, whose header has no sponsor list (the spec's DRF010).
fn facilitators_draft(lower: &str) -> bool {
    [
        "the vice-chair",
        "the chair",
        "the president",
        "the facilitator",
        "the co-facilitators",
    ]
    .iter()
    .any(|who| lower.contains(&format!("submitted by {who}")))
}

impl Rule for DraftHeader {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads header lines (distribution, symbol and sponsor lines) and the kind only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.kind() != crate::syntax::DocumentKind::Draft {
            return;
        }
        let tree = context.tree;
        let evidence = tree.kind();
        let revision = evidence
            .symbol_line
            .is_some_and(|at| tree.lines()[at].text.contains("/Rev."));
        for (index, line, role) in tree.iter() {
            let text = line.text.trim();
            if role == Role::Header && text == "Distr.: General" && evidence.symbol_line.is_some() {
                let span = Span::new(index, line.indent, line.indent + text.len());
                sink.report(
                    span,
                    "An L-document is issued for limited distribution: `Distr.: Limited`",
                )
                .with_fix(Fix::write(span, "Distr.: Limited"));
            }
        }
        let Some(index) = evidence.sponsor_line else {
            return;
        };
        let line = &tree.lines()[index];
        let text = line.text.trim_end();
        let lower = text.to_lowercase();
        let whole = Span::new(index, line.indent, text.len());
        if lower.trim_start().starts_with("sponsors:") {
            sink.report(
                whole,
                "Name the sponsors in the form `Argentina, Australia and Japan: draft resolution`",
            );
            return;
        }
        if lower
            .trim_start()
            .starts_with("draft resolution submitted by")
        {
            if !facilitators_draft(&lower) {
                sink.report(whole, "Name the sponsors in the form `Argentina, Australia and Japan: draft resolution`");
            }
            return;
        }
        let Some(colon) = text.rfind(':') else {
            if !lower.trim_start().starts_with("revised draft resolution") {
                sink.report(
                    whole,
                    "Separate the sponsors from `draft resolution` with a colon",
                );
            }
            return;
        };
        let tail = &text[colon..];
        let wanted = if revision {
            ": revised draft resolution"
        } else {
            ": draft resolution"
        };
        if tail != wanted {
            let span = Span::new(index, colon, text.len());
            let message = if revision && tail.to_lowercase() == ": draft resolution" {
                "A revision (`/Rev.`) is a `revised draft resolution`".to_owned()
            } else {
                format!("End the sponsor line with `{wanted}`")
            };
            sink.report(span, message)
                .with_fix(Fix::write(span, wanted));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str = "United Nations\nA/C.2/68/L.45\nGeneral Assembly\nDistr.: Limited\n";
    const BODY: &str = "\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.";

    #[test]
    fn sponsor_line_forms() {
        check(&format!(
            "{HEAD}Argentina, Australia and Japan: draft resolution{BODY}"
        ));
        check(&format!(
            "{HEAD}Argentina, Australia and Japan: Draft Resolution\n                              ^^^^^^^^^^^^^^^^^^ DRF001{BODY}"
        ));
        check(&format!(
            "{HEAD}Draft resolution submitted by Argentina et al.\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DRF001{BODY}"
        ));
        check(&format!(
            "{HEAD}Draft resolution submitted by the Vice-Chair of the Committee, Ms. X, on the basis of informal consultations on draft resolution A/C.2/68/L.12{BODY}"
        ));
    }

    #[test]
    fn revisions_and_distribution() {
        check(&format!(
            "United Nations\nA/C.2/68/L.45/Rev.1\nGeneral Assembly\nDistr.: General\n^^^^^^^^^^^^^^^ DRF001\nJapan: draft resolution\n     ^^^^^^^^^^^^^^^^^^ DRF001{BODY}"
        ));
        check(&format!(
            "United Nations\nA/C.2/68/L.45/Rev.1\nGeneral Assembly\nDistr.: Limited\nJapan: revised draft resolution{BODY}"
        ));
    }

    #[test]
    fn adopted_texts_are_not_drafts() {
        check(
            "Resolution adopted by the General Assembly on 20 December 2013\n68/230.\tSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_tail() {
        let fixed = apply_fix(&format!("{HEAD}Japan: Draft Resolution{BODY}"), "DRF001");
        assert!(fixed.contains("\nJapan: draft resolution\n"));
    }
}
