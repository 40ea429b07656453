//! The framing layer on any input, in pieces whose ends and pauses the input
//! chooses: no panic, and never more buffered than the limits allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::server::testing::Decoder;

fuzz_target!(|data: &[u8]| {
    let mut decoder = Decoder::default();
    // 0xFF splits the input into pieces; 0xFE after a piece is a pause.
    for piece in data.split(|&b| b == 0xff) {
        match piece.split_last() {
            Some((0xfe, rest)) => {
                decoder.push(rest);
                decoder.stalled();
            }
            _ => {
                decoder.push(piece);
            }
        }
    }
    decoder.stalled();
});
