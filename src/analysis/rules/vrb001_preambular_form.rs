use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::{Extras, Finding, OpeningKind, finding, paragraphs};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A preambular paragraph opens with a participle, a participial phrase or an
    /// adjective (`Recalling`, `Having examined`, `Mindful`), not with an article,
    /// a preposition or a pronoun (`The Assembly recalls`, `In recalling`).
    /// Finite verbs in the preamble are VRB013.
    ///
    /// ## Why
    /// VRB001 (Editorial Manual, resolutions, II.C; AKN4UN).
    ///
    /// ## Example
    /// `In recalling its resolution 64/222,`
    ///
    /// ## Fix
    /// Rephrase with a participle: `Recalling its resolution 64/222,`.
    pub struct PreambularForm {
        code: "VRB001",
        severity: Error,
    }
}

impl Rule for PreambularForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let extras = Extras::from_config(context.config);
        let paragraphs = paragraphs(context.tree, &extras);
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if paragraph.kind != OpeningKind::Preambular || paragraph.opening.is_some() {
                continue;
            }
            let operative_follows = paragraphs[i + 1..]
                .iter()
                .any(|p| p.part == paragraph.part && p.kind == OpeningKind::Operative);
            if !operative_follows {
                continue;
            }
            let line = paragraph.lexed;
            let Some(Finding::WrongForm { range, written, .. }) = finding(
                &line.text,
                line.body_start,
                OpeningKind::Preambular,
                &extras,
            ) else {
                continue;
            };
            sink.report(
                Span::in_line(paragraph.line, range),
                format!(
                    "Open a preambular paragraph with a participle or an adjective (`Recalling`, `Mindful`), not `{written}`"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn preambular_paragraphs_open_with_a_participle() {
        check(
            "\tThe General Assembly,\n\tIn recalling its resolution 64/222,\n ^^ VRB001\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue.",
        );
    }
}
