//! Conversions between analysis data and protocol types. Positions are converted
//! here, with the line's text, in the negotiated encoding (see `text::position`).

use tower_lsp_server::ls_types::{self as lsp, Position, Range};

use crate::analysis::format::on_enter::EnterEdit;
use crate::analysis::{Edit, Severity};
use crate::syntax::{Span, Tree};
use crate::text::{LinePosition, PositionEncoding, byte_to_column, column_to_byte};

pub fn from_lsp_position(position: Position) -> LinePosition {
    LinePosition::new(position.line, position.character)
}

fn line_text(tree: &Tree, line: usize) -> &str {
    tree.line(line).map_or("", |l| l.text.as_str())
}

pub fn range(tree: &Tree, span: Span, encoding: PositionEncoding) -> Range {
    let text = line_text(tree, span.line);
    let line = u32::try_from(span.line).unwrap_or(u32::MAX);
    Range::new(
        Position::new(line, byte_to_column(text, span.start, encoding)),
        Position::new(line, byte_to_column(text, span.end, encoding)),
    )
}

/// The (line, byte) a client position points at, clamped into the document.
pub fn offset(tree: &Tree, position: Position, encoding: PositionEncoding) -> (usize, usize) {
    let last = tree.line_count().saturating_sub(1);
    let line = (position.line as usize).min(last);
    if (position.line as usize) > last {
        return (last, line_text(tree, last).len());
    }
    let byte = column_to_byte(line_text(tree, line), position.character, encoding);
    (line, byte)
}

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn text_edit(tree: &Tree, edit: &Edit, encoding: PositionEncoding) -> lsp::TextEdit {
    lsp::TextEdit::new(range(tree, edit.span, encoding), edit.new_text.clone())
}

/// The edit after Enter; it may run from the line above to the new line.
pub fn enter_edit(tree: &Tree, edit: &EnterEdit, encoding: PositionEncoding) -> lsp::TextEdit {
    let position = |(line, byte): (usize, usize)| {
        let column = byte_to_column(line_text(tree, line), byte, encoding);
        Position::new(u32::try_from(line).unwrap_or(u32::MAX), column)
    };
    lsp::TextEdit::new(
        Range::new(position(edit.start), position(edit.end)),
        edit.new_text.clone(),
    )
}

/// The lines a range covers: a range that ends at the start of a line (a
/// selection of whole lines) leaves that line out.
pub fn lines_of(range: Range) -> std::ops::RangeInclusive<usize> {
    let (first, end) = (range.start.line as usize, range.end.line as usize);
    let last = if range.end.character == 0 && end > first {
        end - 1
    } else {
        end
    };
    first..=last.max(first)
}

pub fn encoding_kind(encoding: PositionEncoding) -> lsp::PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// The best encoding both sides speak: UTF-8 saves conversions, UTF-16 is the
/// mandatory fallback.
pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> PositionEncoding {
    let offered = offered.unwrap_or_default();
    let has = |kind: &lsp::PositionEncodingKind| offered.iter().any(|o| o == kind);
    if has(&lsp::PositionEncodingKind::UTF8) {
        PositionEncoding::Utf8
    } else if has(&lsp::PositionEncodingKind::UTF32) {
        PositionEncoding::Utf32
    } else {
        PositionEncoding::Utf16
    }
}
