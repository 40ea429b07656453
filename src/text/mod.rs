//! The text layer: the document as a rope, ordered edits, and the one place where
//! positions are converted between rope indices and LSP positions (UTF-8, UTF-16,
//! UTF-32). Nothing here knows what a resolution is.

mod document;
mod position;

pub use document::{EditedLines, SourceText, split_lines};
pub use position::{LinePosition, PositionEncoding, byte_to_column, column_to_byte};
