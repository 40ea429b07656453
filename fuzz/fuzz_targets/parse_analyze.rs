//! Any text: parsing, the analysis and every server feature must not panic,
//! spans must lie on character boundaries of their lines.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(problem) = unres::server::testing::exercise_features(&text) {
        panic!("{problem}");
    }
});
