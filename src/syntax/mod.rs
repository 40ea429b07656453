//! The syntax layer: the plain-text layout of a resolution (spec §1 and §9) parsed
//! into lines with roles and exact byte spans.
//!
//! Invariants: parsing never fails; the tree has exactly one entry per line of the
//! text and keeps every byte of it; positions are (line, byte offset in the line);
//! an edit re-lexes only the lines it touched.

pub mod akn;
pub mod document_kind;
pub mod footnotes;
pub mod generate;
pub mod lex;
pub mod negotiation;
pub mod openings;
pub mod structure;
mod tree;

pub use document_kind::{DocumentKind, KindEvidence};
pub use footnotes::{FootnoteRef, FootnoteText, Footnotes};
pub use lex::{ByteRange, LexedLine, LineShape, MarkerCandidate, MarkerForm};
pub use negotiation::{Negotiation, ParagraphLabel, ParagraphState};
pub use structure::{ItemLabel, Role, Segment, SegmentKind};
pub use tree::Tree;

/// Month names as resolutions write dates ("21 December 2009").
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A range inside one line: the unit every diagnostic and edit is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(line: usize, start: usize, end: usize) -> Self {
        Span { line, start, end }
    }

    pub fn in_line(line: usize, range: ByteRange) -> Self {
        Span::new(line, range.start, range.end)
    }

    pub fn point(line: usize, at: usize) -> Self {
        Span::new(line, at, at)
    }
}
