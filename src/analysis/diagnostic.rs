//! What the analysis reports: plain data, no protocol types.

use serde::Serialize;

use crate::syntax::Span;

/// How serious a finding is. Follows the confidence of the rule in the drafting
/// spec: official rules may be errors, practice and recalled rules are hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

impl Edit {
    pub fn new(span: Span, new_text: impl Into<String>) -> Self {
        Edit {
            span,
            new_text: new_text.into(),
        }
    }
}

/// A quick fix: a title and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The edit is right without the drafter looking at it: `source.fixAll`
    /// and the fix-all command apply safe fixes only (of findings with one
    /// fix). A fix that leaves something to fill in (an empty footnote text)
    /// is not safe, nor is it offered as the preferred one.
    pub safe: bool,
}

impl Fix {
    /// The common fix: replace `span` with `text`, titled "Write `text`".
    pub fn write(span: Span, text: impl Into<String>) -> Fix {
        let text = text.into();
        Fix {
            safe: true,
            title: format!("Write `{text}`"),
            edits: vec![Edit::new(span, text)],
        }
    }
}

/// A finding of one rule at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule ID from the drafting spec (`NUM001`).
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub fixes: Vec<Fix>,
    /// Other places that explain this one (the paragraph a gap follows, the
    /// footnote an "Ibid." points to).
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    /// Visit every span the diagnostic holds: its own, its fixes' edits and
    /// the related places (the memo moves them with the text).
    pub fn for_each_span(&mut self, mut visit: impl FnMut(&mut Span)) {
        visit(&mut self.span);
        for fix in &mut self.fixes {
            for edit in &mut fix.edits {
                visit(&mut edit.span);
            }
        }
        for (span, _) in &mut self.related {
            visit(span);
        }
    }

    /// Every span the diagnostic holds, as [`for_each_span`](Self::for_each_span) visits them.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        std::iter::once(&self.span)
            .chain(
                self.fixes
                    .iter()
                    .flat_map(|fix| fix.edits.iter().map(|e| &e.span)),
            )
            .chain(self.related.iter().map(|(span, _)| span))
    }
}
