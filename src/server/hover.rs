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
            "**{}** ({}): {}\n\n{}",
            meta.code,
            diagnostic.severity.as_str(),
            diagnostic.message,
            meta.doc.trim()
        ));
    }
    Some(HoverInfo { span, markdown })
}
