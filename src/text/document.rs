//! The document text as a rope, and edits applied to it in order.

use std::borrow::Cow;

use ropey::Rope;

use super::position::{LinePosition, PositionEncoding, byte_to_column, column_to_byte};

/// The text of one open document.
///
/// Lines break at `\n`, `\r\n` and a lone `\r`, exactly as LSP counts them (ropey's
/// `cr_lines` feature, without `unicode_lines`).
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    rope: Rope,
}

/// Which lines an edit replaced: lines `first .. first + old_count` of the text
/// before the edit became lines `first .. first + new_count` after it. Every other
/// line kept its text (lines after the window moved by `new_count - old_count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditedLines {
    pub first: usize,
    pub old_count: usize,
    pub new_count: usize,
}

impl SourceText {
    pub fn new(text: &str) -> Self {
        SourceText {
            rope: Rope::from_str(text),
        }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn line_count(&self) -> usize {
        self.rope.len_lines()
    }

    /// Line `index` without its line terminator; empty past the end.
    pub fn line(&self, index: usize) -> Cow<'_, str> {
        if index >= self.rope.len_lines() {
            return Cow::Borrowed("");
        }
        let line: Cow<'_, str> = self.rope.line(index).into();
        match line {
            Cow::Borrowed(s) => Cow::Borrowed(strip_terminator(s)),
            Cow::Owned(s) => Cow::Owned(strip_terminator(&s).to_owned()),
        }
    }

    /// The rope char index of a client position, clamped into the document.
    pub fn char_index(&self, position: LinePosition, encoding: PositionEncoding) -> usize {
        let line_index = position.line as usize;
        if line_index >= self.rope.len_lines() {
            return self.rope.len_chars();
        }
        let line = self.line(line_index);
        let byte = column_to_byte(&line, position.character, encoding);
        self.rope.line_to_char(line_index) + line[..byte].chars().count()
    }

    /// The client position of a rope char index (clamped).
    pub fn position(&self, char_index: usize, encoding: PositionEncoding) -> LinePosition {
        let char_index = char_index.min(self.rope.len_chars());
        let line_index = self.rope.char_to_line(char_index);
        let line = self.line(line_index);
        let chars_in = char_index - self.rope.line_to_char(line_index);
        let byte = line
            .char_indices()
            .nth(chars_in)
            .map_or(line.len(), |(b, _)| b);
        LinePosition::new(line_index as u32, byte_to_column(&line, byte, encoding))
    }

    /// Replace the text between two client positions (or everything, for `None`)
    /// and report which lines changed. Positions clamp; a reversed range is
    /// treated as its normalized form.
    pub fn apply_edit(
        &mut self,
        range: Option<(LinePosition, LinePosition)>,
        new_text: &str,
        encoding: PositionEncoding,
    ) -> EditedLines {
        let old_lines = self.rope.len_lines();
        let Some((start, end)) = range else {
            self.rope = Rope::from_str(new_text);
            return EditedLines {
                first: 0,
                old_count: old_lines,
                new_count: self.rope.len_lines(),
            };
        };
        let (start, end) = if end < start {
            (end, start)
        } else {
            (start, end)
        };
        let start_char = self.char_index(start, encoding);
        let end_char = self.char_index(end, encoding).max(start_char);
        // One line of margin on each side: a lone `\r` before the edit can join an
        // inserted `\n`, and a deleted `\n` can join the following line.
        let first = self.rope.char_to_line(start_char).saturating_sub(1);
        let last = (self.rope.char_to_line(end_char) + 1).min(old_lines - 1);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, new_text);
        let new_lines = self.rope.len_lines();
        let old_count = last + 1 - first;
        let new_count = (old_count + new_lines).saturating_sub(old_lines).max(1);
        EditedLines {
            first,
            old_count,
            new_count,
        }
    }

    pub fn to_string_lossless(&self) -> String {
        self.rope.to_string()
    }
}

fn strip_terminator(line: &str) -> &str {
    line.strip_suffix("\r\n")
        .or_else(|| line.strip_suffix('\n'))
        .or_else(|| line.strip_suffix('\r'))
        .unwrap_or(line)
}

/// Split `text` into lines the way the rope and LSP do (`\n`, `\r\n`, lone `\r`),
/// without terminators. A text ending in a line break has a final empty line.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn split_lines_matches_the_rope() {
        for text in ["", "a", "a\n", "a\r\nb", "a\rb\r", "\r\n\r\n", "x\n\ry"] {
            let source = SourceText::new(text);
            let from_rope: Vec<String> = (0..source.line_count())
                .map(|i| source.line(i).into_owned())
                .collect();
            assert_eq!(split_lines(text), from_rope, "{text:?}");
        }
    }

    #[test]
    fn clamps_positions_past_the_end() {
        let mut source = SourceText::new("ab\ncd");
        let far = LinePosition::new(40, 7);
        source.apply_edit(Some((far, far)), "!", PositionEncoding::Utf16);
        assert_eq!(source.to_string_lossless(), "ab\ncd!");
    }

    fn text_piece() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "1.",
                "\t",
                "\n",
                "\r\n",
                "\r",
                "联合国",
                "𠮷",
                "👍🏽",
                "قرار",
                " ",
            ]),
            0..12,
        )
        .prop_map(|p| p.concat())
    }

    proptest! {
        /// After any edit, the lines outside the reported window are the old lines
        /// (shifted), and the window holds the new ones.
        #[test]
        fn edited_lines_cover_every_change(
            initial in text_piece(),
            insert in text_piece(),
            a in (0u32..6, 0u32..8),
            b in (0u32..6, 0u32..8),
        ) {
            let encoding = PositionEncoding::Utf16;
            let mut source = SourceText::new(&initial);
            let before: Vec<String> = (0..source.line_count()).map(|i| source.line(i).into_owned()).collect();
            let range = (LinePosition::new(a.0, a.1), LinePosition::new(b.0, b.1));
            let edited = source.apply_edit(Some(range), &insert, encoding);
            let after: Vec<String> = (0..source.line_count()).map(|i| source.line(i).into_owned()).collect();
            prop_assert_eq!(after.len() + edited.old_count, before.len() + edited.new_count);
            prop_assert_eq!(&after[..edited.first], &before[..edited.first]);
            prop_assert_eq!(
                &after[edited.first + edited.new_count..],
                &before[edited.first + edited.old_count..]
            );
        }

        #[test]
        fn positions_round_trip(initial in text_piece(), index in 0usize..40) {
            let source = SourceText::new(&initial);
            let index = index.min(source.rope().len_chars());
            for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32] {
                let position = source.position(index, encoding);
                let back = source.char_index(position, encoding);
                // A char index between \r and \n maps to the end of the line.
                prop_assert!(back == index || source.rope().char(index.saturating_sub(1)) == '\r');
            }
        }
    }
}
