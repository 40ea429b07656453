//! Batches of edits (as one `didChange` each) against the edits applied one by
//! one and a full parse of the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::server::testing::{Change, check_batched_changes};
use unres::text::PositionEncoding;

/// Reads the fuzzer's bytes as small numbers and snippets of text.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn text(&mut self) -> Option<String> {
        let length = (self.byte()? % 16) as usize;
        let length = length.min(self.0.len());
        let (text, rest) = self.0.split_at(length);
        self.0 = rest;
        Some(String::from_utf8_lossy(text).into_owned())
    }
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data);
    let Some(encoding) = bytes.byte() else { return };
    let encoding = match encoding % 3 {
        0 => PositionEncoding::Utf8,
        1 => PositionEncoding::Utf16,
        _ => PositionEncoding::Utf32,
    };
    let Some(initial) = bytes.text() else { return };
    let mut batches: Vec<Vec<Change>> = Vec::new();
    while let Some(count) = bytes.byte() {
        let mut batch = Vec::new();
        for _ in 0..count % 6 + 1 {
            let (Some(a), Some(b), Some(c), Some(d), Some(text)) =
                (bytes.byte(), bytes.byte(), bytes.byte(), bytes.byte(), bytes.text())
            else {
                break;
            };
            let range = (a != 255).then_some((
                (u32::from(a % 8), u32::from(b % 24)),
                (u32::from(c % 8), u32::from(d % 24)),
            ));
            batch.push((range, text));
        }
        batches.push(batch);
    }
    if let Err(problem) = check_batched_changes(&initial, &batches, encoding) {
        panic!("{problem}");
    }
});
