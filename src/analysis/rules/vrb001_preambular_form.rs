use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::Paragraph;
use crate::analysis::agreed_language::{Finding, OpeningKind, finding};
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

    /// Reads the paragraphs' openings and the whole text of preambular ones without one (`finding`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::UNOPENED
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let extras = context.extras();
        let paragraphs = context.paragraphs();
        let operative_follows = followed_in_part(paragraphs, |p| p.kind == OpeningKind::Operative);
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if paragraph.kind != OpeningKind::Preambular || paragraph.opening.is_some() {
                continue;
            }
            if !operative_follows[i] {
                continue;
            }
            let line = paragraph.lexed;
            let Some(Finding::WrongForm { range, written, .. }) = finding(
                &line.text,
                line.remaining_start(),
                OpeningKind::Preambular,
                extras,
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

/// For each paragraph, whether a later paragraph of the same part matches
/// `wanted`: one backward pass (VRB001 and VRB013 ask it of every paragraph).
pub(super) fn followed_in_part(
    paragraphs: &[Paragraph<'_>],
    wanted: impl Fn(&Paragraph<'_>) -> bool,
) -> Vec<bool> {
    let mut parts_with_match = std::collections::HashSet::new();
    let mut followed = vec![false; paragraphs.len()];
    for (i, paragraph) in paragraphs.iter().enumerate().rev() {
        followed[i] = parts_with_match.contains(&paragraph.part);
        if wanted(paragraph) {
            parts_with_match.insert(paragraph.part);
        }
    }
    followed
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
