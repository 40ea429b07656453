//! Conversions between byte offsets inside one line and encoded columns.
//!
//! LSP positions are `(line, character)` where `character` counts code units of the
//! negotiated encoding. Everything inside unres speaks byte offsets into a line; this
//! module is the only place that converts. Out-of-range columns clamp to the end of
//! the line, and a column that falls inside a character (the second half of a UTF-16
//! surrogate pair, a byte inside a multi-byte UTF-8 sequence) clamps to that
//! character's start, so a bad position never panics and never splits a character.

/// How an LSP client counts `character` in a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16: the LSP default and the fallback.
    #[default]
    Utf16,
    /// Unicode scalar values (code points).
    Utf32,
}

impl PositionEncoding {
    /// The number of code units `ch` occupies in this encoding.
    pub fn width(self, ch: char) -> usize {
        match self {
            PositionEncoding::Utf8 => ch.len_utf8(),
            PositionEncoding::Utf16 => ch.len_utf16(),
            PositionEncoding::Utf32 => 1,
        }
    }
}

/// A position as a client sends it: zero-based line and encoded column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LinePosition {
    pub line: u32,
    pub character: u32,
}

impl LinePosition {
    pub fn new(line: u32, character: u32) -> Self {
        LinePosition { line, character }
    }
}

/// The byte offset in `line` of the encoded `column`, clamped to the line and to a
/// character boundary.
pub fn column_to_byte(line: &str, column: u32, encoding: PositionEncoding) -> usize {
    let column = column as usize;
    if encoding == PositionEncoding::Utf8 {
        let mut offset = column.min(line.len());
        while !line.is_char_boundary(offset) {
            offset -= 1;
        }
        return offset;
    }
    let mut units = 0;
    for (offset, ch) in line.char_indices() {
        let next = units + encoding.width(ch);
        if next > column {
            return offset;
        }
        units = next;
    }
    line.len()
}

/// The encoded column of the byte offset `byte` in `line` (clamped the same way).
pub fn byte_to_column(line: &str, byte: usize, encoding: PositionEncoding) -> u32 {
    let mut byte = byte.min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    let prefix = &line[..byte];
    let units = match encoding {
        PositionEncoding::Utf8 => prefix.len(),
        // Every char is one UTF-16 unit, except those outside the BMP (four UTF-8
        // bytes, lead byte 0xF0 or above), which are two: two simple counts that
        // stay fast on very long lines.
        PositionEncoding::Utf16 => {
            prefix.chars().count() + prefix.bytes().filter(|&b| b >= 0xF0).count()
        }
        PositionEncoding::Utf32 => prefix.chars().count(),
    };
    u32::try_from(units).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ENCODINGS: [PositionEncoding; 3] = [
        PositionEncoding::Utf8,
        PositionEncoding::Utf16,
        PositionEncoding::Utf32,
    ];

    #[test]
    fn astral_characters_take_two_utf16_units() {
        // U+20BB7 (𠮷) is outside the BMP: one scalar, two UTF-16 units, four bytes.
        let line = "a𠮷b";
        assert_eq!(byte_to_column(line, 5, PositionEncoding::Utf16), 3);
        assert_eq!(byte_to_column(line, 5, PositionEncoding::Utf32), 2);
        assert_eq!(byte_to_column(line, 5, PositionEncoding::Utf8), 5);
        assert_eq!(column_to_byte(line, 3, PositionEncoding::Utf16), 5);
        // Inside the surrogate pair: clamp to the start of the character.
        assert_eq!(column_to_byte(line, 2, PositionEncoding::Utf16), 1);
    }

    #[test]
    fn arabic_and_emoji() {
        let line = "قرار 👍🏽 ok";
        let ok = line.find("ok").unwrap();
        assert_eq!(byte_to_column(line, ok, PositionEncoding::Utf16), 10);
        assert_eq!(byte_to_column(line, ok, PositionEncoding::Utf32), 8);
        assert_eq!(column_to_byte(line, 10, PositionEncoding::Utf16), ok);
    }

    #[test]
    fn out_of_range_clamps() {
        for encoding in ENCODINGS {
            assert_eq!(column_to_byte("abc", 99, encoding), 3);
            assert_eq!(byte_to_column("abc", 99, encoding), 3);
        }
        // A UTF-8 column inside a multi-byte character clamps back.
        assert_eq!(column_to_byte("é", 1, PositionEncoding::Utf8), 0);
    }

    fn multilingual_line() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            " ",
            "\t",
            "é",
            "قرار",
            "联合国",
            "𠮷",
            "👍🏽",
            "🇺🇳",
            "\u{a0}",
            "‑",
            "“",
            "1.",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn every_char_boundary_round_trips(line in multilingual_line()) {
            for encoding in ENCODINGS {
                for (byte, _) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
                    let column = byte_to_column(&line, byte, encoding);
                    prop_assert_eq!(column_to_byte(&line, column, encoding), byte);
                }
            }
        }

        #[test]
        fn any_column_lands_on_a_boundary(line in multilingual_line(), column in 0u32..80) {
            for encoding in ENCODINGS {
                let byte = column_to_byte(&line, column, encoding);
                prop_assert!(line.is_char_boundary(byte));
                prop_assert!(byte_to_column(&line, byte, encoding) <= column);
            }
        }
    }
}
