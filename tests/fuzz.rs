//! The stable-toolchain fuzz driver: seeded random inputs for the parser and
//! every analysis and feature, for batches of edits against a full parse, and
//! for the framing layer, each for a bounded time (`UNRES_FUZZ_SECONDS`, 20 by
//! default; the seed is printed and can be fixed with `UNRES_FUZZ_SEED`). The
//! inputs in `tests/fixtures/crashes/` (ones that once crashed) run first.
//! The same targets run under libFuzzer with `cargo fuzz` (see `fuzz/`).

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use unres::server::testing::{self, Change, Decoder, Event};
use unres::text::PositionEncoding;

/// SplitMix64: small, seedable, good enough to drive a fuzzer.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn budget() -> Duration {
    let seconds = std::env::var("UNRES_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(seconds)
}

fn seed(target: &str) -> u64 {
    let seed = std::env::var("UNRES_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    println!("{target}: seed {seed} (UNRES_FUZZ_SEED={seed} to replay)");
    seed
}

/// Pieces resolutions are made of, and pieces that break them.
const FRAGMENTS: &[&str] = &[
    "\tThe General Assembly,",
    "\tThe Security Council,",
    "\tRecalling its resolution 64/222 of 21 December 2009,",
    "\tReaffirming also its resolution, Developing Countries,1",
    "\tNoting with concern",
    "\tMindful that",
    "\t1.\tDecides to act;",
    "\t2.\tRequests the Secretary-General to report;",
    "\t12.\tCalls upon all States:",
    "\t(a)\tTo report;",
    "\t(b)\tTo review,",
    "\t(i)\tfirst",
    "\t\tAnnex",
    "\t\tAnnex A: Plan",
    "Part A",
    "\tB",
    "1 A/68/212.",
    "2 Ibid.",
    "2 Ibid., para. 3.",
    "[^1]: A/68/212.",
    "[^2]:  ",
    "[^",
    "1",
    "\t3.",
    "Resolution 68/230",
    "S/RES/2334 (2016)",
    "A/RES/ES-11/1",
    "session1,",
    "a\u{a0}é1,",
    "),1",
    "\u{a0}’2",
    "“quoted”1.",
    "\t5.\t\u{202f}\tDeplores\u{202f}the",
    "Adopted at the 10th plenary meeting, 1 January 2020",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
    "\r",
    "\r\n",
    "\u{c}\u{b}",
    "\u{3000}",
    "𠮷👍🏽",
    "قرار",
    "e\u{301}",
];

const CHARS: &[char] = &[
    ' ', '\t', '\n', '\r', ',', ';', ':', '.', '(', ')', '[', ']', '^', '1', '2', '9', '0', 'a',
    'A', 'I', 'v', '\u{a0}', '\u{202f}', '’', '“', '”', '"', 'é', '𠮷', '\u{0}', '\u{2028}', '/',
    '-', '*',
];

fn random_text(rng: &mut Rng, max_pieces: usize) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(max_pieces) + 1 {
        match rng.below(10) {
            0..=5 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                text.push_str(fragment);
            }
            6..=7 => {
                for _ in 0..rng.below(6) + 1 {
                    text.push(*rng.pick(CHARS));
                }
            }
            8 => {
                let bytes: Vec<u8> = (0..rng.below(8)).map(|_| rng.next() as u8).collect();
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
            _ => {}
        }
        if rng.chance(70) {
            const ENDS: [&str; 7] = ["\n", "\n", "\n", "\r\n", "\r", " ", ""];
            let end = ENDS[rng.below(ENDS.len())];
            text.push_str(end);
        }
    }
    text
}

fn fixtures(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = format!("tests/fixtures/crashes/{target}");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("fixture");
            (path.display().to_string(), bytes)
        })
        .collect()
}

/// The formatter's promises: only spaces and tabs change, and twice is once.
fn check_format(text: &str) -> Result<(), String> {
    let apply = |text: &str| {
        let tree = unres::syntax::Tree::parse(text);
        let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
        for edit in unres::analysis::format::format(&tree) {
            lines[edit.span.line] = edit.new_text;
        }
        lines.join("\n")
    };
    let once = apply(text);
    let twice = apply(&once);
    if twice != once {
        return Err(format!("not idempotent: {once:?} then {twice:?}"));
    }
    let kept = |s: &str| s.replace([' ', '\t', '\r', '\n'], "");
    if kept(&once) != kept(text) {
        return Err(format!("changed more than layout: {once:?}"));
    }
    // Range formatting: the document's edits on the range's lines.
    let tree = unres::syntax::Tree::parse(text);
    let whole = unres::analysis::format::format(&tree);
    let count = tree.line_count();
    for (first, last) in [(0, count / 2), (count / 3, count), (count / 2, count / 2)] {
        let range = unres::analysis::format::format_lines(&tree, first..=last);
        let expected: Vec<_> = whole
            .iter()
            .filter(|e| (first..=last).contains(&e.span.line))
            .cloned()
            .collect();
        if range != expected {
            return Err(format!("range {first}..={last}: {range:?} != {expected:?}"));
        }
    }
    Ok(())
}

fn check_text(text: &str) -> Result<(), String> {
    testing::exercise_features(text)?;
    check_format(text)
}

fn run_text(text: &str, origin: &str) {
    let outcome = std::panic::catch_unwind(|| check_text(text));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(problem)) => panic!("{origin}: {problem}\ninput: {text:?}"),
        Err(_) => panic!("{origin}: panicked\ninput: {text:?}"),
    }
}

#[test]
fn fuzz_parse_and_analyze() {
    for (name, bytes) in fixtures("text") {
        run_text(&String::from_utf8_lossy(&bytes), &name);
    }
    let mut rng = Rng(seed("parse+analyze"));
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let text = random_text(&mut rng, 30);
        run_text(&text, "random");
        runs += 1;
    }
    println!("parse+analyze: {runs} inputs");
}

fn random_position(rng: &mut Rng, text: &str) -> (u32, u32) {
    let lines = text.split('\n').count() as u32;
    let line = rng.below(lines as usize + 2) as u32;
    (line, rng.below(40) as u32)
}

fn random_change(rng: &mut Rng, text: &str) -> Change {
    if rng.chance(3) {
        return (None, random_text(rng, 6));
    }
    let start = random_position(rng, text);
    let end = if rng.chance(50) {
        start
    } else {
        random_position(rng, text)
    };
    let insert = if rng.chance(30) {
        String::new()
    } else {
        random_text(rng, 3)
    };
    (Some((start, end)), insert)
}

fn run_edits(initial: &str, batches: &[Vec<Change>], encoding: PositionEncoding, origin: &str) {
    let outcome =
        std::panic::catch_unwind(|| testing::check_batched_changes(initial, batches, encoding));
    let description = || serde_json::to_string(&edits_json(initial, batches, encoding)).unwrap();
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(problem)) => panic!("{origin}: {problem}\ninput: {}", description()),
        Err(_) => panic!("{origin}: panicked\ninput: {}", description()),
    }
}

fn edits_json(initial: &str, batches: &[Vec<Change>], encoding: PositionEncoding) -> Value {
    json!({
        "encoding": format!("{encoding:?}"),
        "initial": initial,
        "batches": batches,
    })
}

fn edits_from_json(value: &Value) -> (String, Vec<Vec<Change>>, PositionEncoding) {
    let encoding = match value["encoding"].as_str() {
        Some("Utf8") => PositionEncoding::Utf8,
        Some("Utf32") => PositionEncoding::Utf32,
        _ => PositionEncoding::Utf16,
    };
    let batches = serde_json::from_value(value["batches"].clone()).expect("batches");
    (
        value["initial"].as_str().unwrap_or_default().to_owned(),
        batches,
        encoding,
    )
}

#[test]
fn fuzz_edit_batches_against_a_full_parse() {
    for (name, bytes) in fixtures("edits") {
        let value: Value = serde_json::from_slice(&bytes).expect("edits fixture");
        let (initial, batches, encoding) = edits_from_json(&value);
        run_edits(&initial, &batches, encoding, &name);
    }
    let mut rng = Rng(seed("edits"));
    let deadline = Instant::now() + budget();
    let (mut runs, mut edits) = (0u64, 0u64);
    while Instant::now() < deadline {
        let initial = random_text(&mut rng, 20);
        let encoding = *rng.pick(&[
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ]);
        let mut text = initial.clone();
        let batches: Vec<Vec<Change>> = (0..rng.below(6) + 1)
            .map(|_| {
                (0..rng.below(8) + 1)
                    .map(|_| {
                        let change = random_change(&mut rng, &text);
                        if change.0.is_none() {
                            text = change.1.clone();
                        }
                        edits += 1;
                        change
                    })
                    .collect()
            })
            .collect();
        run_edits(&initial, &batches, encoding, "random");
        runs += 1;
    }
    println!("edits: {runs} sequences, {edits} edits");
}

fn valid_frame(id: u64) -> (Vec<u8>, Value) {
    let value =
        json!({"jsonrpc": "2.0", "id": id, "method": "m", "params": {"text": "é\u{a0}𠮷\r\n\\"}});
    (testing::frame(value.to_string().as_bytes()), value)
}

fn corruption(rng: &mut Rng) -> Vec<u8> {
    let (frame, _) = valid_frame(0);
    let cut = rng.below(frame.len());
    match rng.below(9) {
        0 => frame[..cut].to_vec(),
        1 => frame[cut..].to_vec(),
        2 => format!("Content-Length: {}\r\n\r\n", rng.below(300)).into_bytes(),
        3 => {
            let body = &frame[frame.iter().position(|&b| b == b'{').unwrap_or(0)..];
            let delta = rng.below(21) as i64 - 10;
            let length = (body.len() as i64 + delta).max(0);
            let mut out = format!("Content-Length: {length}\r\n\r\n").into_bytes();
            out.extend_from_slice(body);
            out
        }
        4 => (0..rng.below(64)).map(|_| rng.next() as u8).collect(),
        5 => b"Content-Length: 99999999999999999999\r\n\r\n".to_vec(),
        6 => b"Content-Type: x\r\n\r\n{\"a\":[1,{\"b\":\"".to_vec(),
        7 => b"Content-Length: 12\r\nX: y".to_vec(),
        _ => {
            let mut out = frame;
            let at = rng.below(out.len());
            out[at] = rng.next() as u8;
            out
        }
    }
}

/// Feed `stream` in random pieces, with stalls where `stalls` says.
fn decode_in_pieces(rng: &mut Rng, pieces: &[(Vec<u8>, bool)]) -> (Vec<Event>, Decoder) {
    let mut decoder = Decoder::default();
    let mut events = Vec::new();
    for (bytes, stall_after) in pieces {
        let mut at = 0;
        while at < bytes.len() {
            let n = (rng.below(200) + 1).min(bytes.len() - at);
            events.extend(decoder.push(&bytes[at..at + n]));
            at += n;
        }
        if *stall_after {
            events.extend(decoder.stalled());
        }
    }
    (events, decoder)
}

fn run_framing(rng: &mut Rng) {
    // Garbage, a pause, then frames that must all come through.
    let mut pieces: Vec<(Vec<u8>, bool)> = (0..rng.below(4))
        .map(|_| (corruption(rng), rng.chance(50)))
        .collect();
    if let Some(last) = pieces.last_mut() {
        last.1 = true;
    }
    let expected: Vec<Value> = (1..=rng.below(4) as u64 + 1)
        .map(|id| {
            let (frame, value) = valid_frame(id);
            pieces.push((frame, false));
            value
        })
        .collect();
    if let Some(last) = pieces.last_mut() {
        last.1 = true;
    }
    let described = || {
        pieces
            .iter()
            .map(|(bytes, stall)| {
                format!(
                    "{:?}{}",
                    String::from_utf8_lossy(bytes),
                    if *stall { " <stall>" } else { "" }
                )
            })
            .collect::<Vec<_>>()
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        decode_in_pieces(rng, &pieces)
    }));
    let Ok((events, decoder)) = outcome else {
        panic!("framing panicked on {:#?}", described());
    };
    let messages: Vec<&Value> = events
        .iter()
        .filter_map(|e| match e {
            Event::Message { value, .. } => Some(value),
            Event::Garbage(_) => None,
        })
        .collect();
    let tail = &messages[messages.len().saturating_sub(expected.len())..];
    assert!(
        tail.iter().copied().eq(expected.iter()),
        "frames after garbage and a pause were lost: got {messages:#?}\nfrom {:#?}",
        described()
    );
    assert!(
        !decoder.is_waiting(),
        "left waiting after {:#?}",
        described()
    );
    for value in messages {
        // Whatever the decoder yields, the checks classify without panicking.
        let _ = testing::classify(value.clone());
    }
}

#[test]
fn fuzz_framing() {
    for (name, bytes) in fixtures("framing") {
        let outcome = std::panic::catch_unwind(|| {
            let mut decoder = Decoder::default();
            let mut events = decoder.push(&bytes);
            events.extend(decoder.stalled());
            events
        });
        assert!(outcome.is_ok(), "{name} panicked");
    }
    let mut rng = Rng(seed("framing"));
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        run_framing(&mut rng);
        runs += 1;
    }
    println!("framing: {runs} streams");
}
