//! Hover pieces that need the whole analysis.

use crate::analysis::Diagnostic;
use crate::analysis::ide::HoverInfo;

/// Hover over a diagnostic's range: what its rule checks and why (the rule's
/// documentation), so that a drafter learns the convention where it applies.
/// `diagnostics` are the document's (cached per version).
pub fn rule_hover(diagnostics: &[Diagnostic], line: usize, byte: usize) -> Option<HoverInfo> {
    let here: Vec<_> = diagnostics
        .iter()
        .filter(|d| {
            d.span.line == line && d.span.start <= byte && byte <= d.span.end.max(d.span.start + 1)
        })
        .collect();
    let span = here.first()?.span;
    let mut markdown = String::new();
    for diagnostic in here {
        let Some(meta) = crate::analysis::rule_meta(diagnostic.code) else {
            continue;
        };
        if !markdown.is_empty() {
            markdown.push_str("\n\n---\n\n");
        }
        markdown.push_str(&format!(
            "**{}** ({}): {}\n\n{}\n\n[{} documentation]({})",
            meta.code,
            diagnostic.severity.as_str(),
            diagnostic.message,
            meta.doc.trim(),
            meta.code,
            meta.doc_url()
        ));
    }
    Some(HoverInfo { span, markdown })
}

/// The hover of a place that has a finding and something else to show (an
/// opening, a citation, a footnote): the finding's rule first, since that is
/// what the drafter has to act on, then the other; over the narrower range.
pub fn with_rule(rule: Option<HoverInfo>, other: Option<HoverInfo>) -> Option<HoverInfo> {
    match (rule, other) {
        (Some(rule), Some(other)) => {
            let narrower = |s: &crate::syntax::Span| s.end - s.start;
            let span = if narrower(&other.span) < narrower(&rule.span) {
                other.span
            } else {
                rule.span
            };
            Some(HoverInfo {
                span,
                markdown: format!("{}\n\n---\n\n{}", rule.markdown, other.markdown),
            })
        }
        (rule, other) => rule.or(other),
    }
}
