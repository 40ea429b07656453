//! Plain-data results of the editor features (hover, completion, semantic tokens,
//! links, definitions). Providers in the analysis layer fill them; only `server`
//! turns them into protocol types.

use crate::syntax::Span;

/// Markdown shown on hover over `span`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverInfo {
    pub span: Span,
    pub markdown: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    /// A preambular opening phrase.
    PreambularPhrase,
    /// An operative verb.
    OperativeVerb,
    /// A resolution symbol.
    Resolution,
    /// A snippet (a new paragraph, a closing formula).
    Snippet,
}

/// One completion candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionCandidate {
    pub label: String,
    pub kind: CompletionKind,
    /// A short line shown next to the label.
    pub detail: Option<String>,
    /// Markdown documentation (may be filled lazily, see `resolve_key`).
    pub documentation: Option<String>,
    /// The text this candidate replaces (what the user already typed).
    pub replace: Span,
    pub insert_text: String,
    /// `insert_text` uses LSP snippet syntax (`$1`, `${1:…}`).
    pub is_snippet: bool,
    /// Lower sorts first; candidates arrive ranked.
    pub sort_text: String,
    pub filter_text: Option<String>,
    /// Set when details are filled in by a later resolve request.
    pub resolve_key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A preambular opening or an operative verb (printed in italics).
    Opening,
    /// Also / Further / once again.
    Marker,
    /// A paragraph number or subparagraph label.
    Number,
    /// A resolution symbol.
    Symbol,
    /// A date.
    Date,
    /// A footnote reference.
    FootnoteRef,
    /// A footnote text.
    FootnoteText,
    /// A section, part or annex heading.
    Heading,
    /// A `%%` comment line (suppressions).
    Comment,
    /// A negotiation bracket `[` or `]` (rolling texts).
    Bracket,
    /// `(EU)`, `[G77: delete]`, `US, JPN:`: who proposed or holds a passage.
    Attribution,
    /// `Alt 1:`, the tag of an alternative.
    AlternativeTag,
    /// A facilitator's note, an `agreed ad ref` marker.
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    pub span: Span,
    pub kind: TokenKind,
}

/// A link from `span` to a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub span: Span,
    pub target: String,
    pub tooltip: Option<String>,
}

/// A short label shown inside the text (an inlay hint) at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineLabel {
    pub at: Span,
    pub label: String,
    pub tooltip: Option<String>,
    /// The label follows the text before it (a title after a symbol) rather
    /// than preceding the text after it (`PP2` before a paragraph).
    pub after_text: bool,
}
