//! The text layer: the document as a rope, ordered edits, and the one place where
//! positions are converted between rope indices and LSP positions (UTF-8, UTF-16,
//! UTF-32). Nothing here knows what a resolution is.

mod document;
mod position;

pub use document::{EditedLines, SourceText, split_lines};
pub use position::{LinePosition, PositionEncoding, byte_to_column, column_to_byte};

/// The nearest char boundary of `text` at or before `at` (`at` past the end
/// gives the end): `str::floor_char_boundary`, stable only since Rust 1.91.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary of `text` at or after `at` (`at` past the end
/// gives the end).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
