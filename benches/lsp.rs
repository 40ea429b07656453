//! The language server measured end to end, over stdio, as an editor drives it.
//!
//! For each document this spawns `unres lsp`, initializes it with a workspace
//! folder holding only that document (UTF-16 positions, as VS Code), opens the
//! document and then, in this order:
//!
//! - types one character at a time in the middle of the operative paragraph
//!   nearest the middle of the document (a word of eight letters, then eight
//!   backspaces, and again), each keystroke a `didChange` with one incremental
//!   edit and the next version, and waits for the `publishDiagnostics` of
//!   exactly that version: the time from sending the change to receiving its
//!   diagnostics is one "keystroke" sample;
//! - sends hover requests at spread-out places of the document (both on the
//!   edited paragraph and on lines drawn by a fixed pseudo-random sequence),
//!   completion at the typing place, code action on the edited line, and full
//!   semantic tokens, one at a time, each timed from request to answer;
//!
//! and reports the median and p99 (nearest rank) per kind, the cold open (from
//! `didOpen` to the first diagnostics of version 1) and the peak resident size
//! of the server (`VmHWM` of `/proc/PID/status`, Linux only). In the same run
//! it measures, in process, a full parse + analysis of the document against
//! one keystroke applied the way the server applies it (with the document's
//! line memo kept across keystrokes), and prints their ratio.
//!
//! The documents: `data/examples/A_RES_68_230.txt`, the largest corpus text
//! (S/RES/2231 (2015)) and resolutions of 500, 5,000 and 20,000 paragraphs made
//! by `../shared/tools/gen_big_resolution.py -n N --seed 1` into
//! `target/lsp-bench/` (by `syntax::generate::omnibus(N)` when Python or the
//! script is missing; the report says which).
//!
//! Run with `cargo bench --bench lsp`. Environment variables:
//!
//! - `UNRES_LSP_BENCH_SIZES`: generated sizes, comma-separated (default
//!   `500,5000,20000`; `none` for the real texts only);
//! - `UNRES_LSP_BENCH_KEYSTROKES`: keystrokes per document (default 200);
//! - `UNRES_LSP_BENCH_REQUESTS`: requests of each kind (default 100; semantic
//!   tokens a fifth of it);
//! - `UNRES_LSP_BENCH_BIN`: the server binary (default: the one cargo built
//!   for this bench, the `bench` profile; set `target/release/unres` for the
//!   shipped LTO build);
//! - `UNRES_LSP_BENCH_ONLY`: run only documents whose name contains this;
//! - `UNRES_LSP_BENCH_TRACE`: print every sample in the order taken (stderr),
//!   to see where the slow ones fall.

use std::hint::black_box;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use unres::analysis::{AnalysisMemo, Catalog, Config, analyze_with, analyze_with_memo};
use unres::syntax::{Role, Tree};
use unres::text::{LinePosition, PositionEncoding, SourceText};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Median and p99 (nearest rank) of a set of samples.
struct Stats {
    median: Duration,
    p99: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    if std::env::var_os("UNRES_LSP_BENCH_TRACE").is_some() {
        // The samples in the order taken, to find where the slow ones fall.
        let shown: Vec<String> = samples.iter().map(|d| ms(*d)).collect();
        eprintln!("samples: {}", shown.join(" "));
    }
    samples.sort_unstable();
    let count = samples.len();
    if count == 0 {
        return Stats {
            median: Duration::ZERO,
            p99: Duration::ZERO,
        };
    }
    Stats {
        median: samples[count / 2],
        p99: samples[(count * 99).div_ceil(100) - 1],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// The server on the other end of two pipes.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start(binary: &Path) -> Server {
        let mut child = Command::new(binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {} lsp: {e}", binary.display()));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut header = String::new();
            loop {
                let mut length = 0usize;
                loop {
                    header.clear();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = header.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse().expect("length");
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value = serde_json::from_slice(&body).expect("json from server");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, body: &Value) {
        let body = body.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn wait_for(&mut self, predicate: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .expect("the server answers within a minute");
            // A request from the server (configuration, registrations): an
            // editor answers it, here with an empty result.
            if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
                let id = id.clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                continue;
            }
            if predicate(&message) {
                return message;
            }
        }
    }

    /// Send a request and wait for its answer; the answer and the round trip.
    fn request(&mut self, method: &str, params: Value) -> (Value, Duration) {
        let id = self.next_id;
        self.next_id += 1;
        let started = Instant::now();
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer =
            self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none());
        (answer, started.elapsed())
    }

    fn wait_diagnostics(&mut self, version: i64) -> Value {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        })
    }

    /// `VmHWM` (peak resident set) in KiB, where `/proc` tells it.
    fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn finish(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

/// A document under test, with where the typing happens.
struct Subject {
    name: String,
    text: String,
    lines: usize,
    /// The operative paragraph nearest the middle and a UTF-16 column in the
    /// middle of its text.
    at: LinePosition,
}

impl Subject {
    fn new(name: String, text: String) -> Subject {
        let tree = Tree::parse(&text);
        let middle = tree.line_count() / 2;
        let line = (0..tree.line_count())
            .filter(|&i| matches!(tree.role(i), Role::Operative { .. }))
            .min_by_key(|&i| i.abs_diff(middle))
            .unwrap_or(middle);
        let lexed = tree.line(line).expect("line");
        let body = &lexed.text[lexed.body_start..lexed.content_end];
        let mut byte = lexed.body_start + body.len() / 2;
        while !lexed.text.is_char_boundary(byte) {
            byte += 1;
        }
        // Type at a word boundary, as one types a new word.
        if let Some(space) = lexed.text[byte..lexed.content_end].find(' ') {
            byte += space + 1;
        }
        let column = lexed.text[..byte].encode_utf16().count() as u32;
        Subject {
            name,
            lines: tree.line_count(),
            at: LinePosition::new(line as u32, column),
            text,
        }
    }
}

/// A generated resolution of `paragraphs` top-level paragraphs: the shared
/// generator if Python runs it, else the crate's own.
fn generated(paragraphs: usize) -> (String, &'static str) {
    let script = Path::new(ROOT).join("../shared/tools/gen_big_resolution.py");
    let dir = Path::new(ROOT).join("target/lsp-bench");
    let out = dir.join(format!("gen-{paragraphs}-seed1.txt"));
    if let Ok(text) = std::fs::read_to_string(&out) {
        return (text, "gen_big_resolution.py");
    }
    if script.is_file() && std::fs::create_dir_all(&dir).is_ok() {
        let made = Command::new("python3")
            .arg(&script)
            .args(["-n", &paragraphs.to_string(), "--seed", "1", "-o"])
            .arg(&out)
            .stderr(Stdio::null())
            .status();
        if made.is_ok_and(|s| s.success())
            && let Ok(text) = std::fs::read_to_string(&out)
        {
            return (text, "gen_big_resolution.py");
        }
    }
    (
        unres::syntax::generate::omnibus(paragraphs),
        "syntax::generate::omnibus",
    )
}

/// A small deterministic pseudo-random sequence (xorshift), so runs compare.
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

struct EndToEnd {
    cold_open: Duration,
    first_diagnostics: usize,
    keystroke: Stats,
    hover: Stats,
    completion: Stats,
    code_action: Stats,
    semantic_tokens: Stats,
    peak_rss_kib: Option<u64>,
    /// The size of the last publishDiagnostics and what parsing it costs the
    /// client: the part of a keystroke no server work can remove.
    publish_bytes: usize,
    publish_parse: Stats,
}

fn position(p: LinePosition) -> Value {
    json!({"line": p.line, "character": p.character})
}

fn end_to_end(binary: &Path, subject: &Subject, keystrokes: usize, requests: usize) -> EndToEnd {
    let workspace = Path::new(ROOT)
        .join("target/lsp-bench")
        .join(format!("ws-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&workspace);
    std::fs::create_dir_all(&workspace).expect("workspace");
    let file = workspace.join("document.txt");
    std::fs::write(&file, &subject.text).expect("write document");
    let uri = format!("file://{}", file.display());
    let root = format!("file://{}", workspace.display());

    let mut server = Server::start(binary);
    let (initialized, _) = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "bench"}],
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "publishDiagnostics": {"versionSupport": true},
                    "hover": {"contentFormat": ["markdown"]},
                    // As VS Code's client asks: edits resolved when chosen.
                    "codeAction": {"dataSupport": true, "resolveSupport": {"properties": ["edit"]}},
                    "semanticTokens": {
                        "requests": {"full": true},
                        "formats": ["relative"],
                        "tokenTypes": [],
                        "tokenModifiers": [],
                    },
                },
            },
        }),
    );
    assert!(
        initialized.get("result").is_some(),
        "initialize failed: {initialized}"
    );
    server.notify("initialized", json!({}));

    let started = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "unres", "version": 1, "text": subject.text}}),
    );
    let first = server.wait_diagnostics(1);
    let cold_open = started.elapsed();
    let first_diagnostics = first["params"]["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);

    // Typing: eight letters, then eight backspaces, and again.
    let word = "economic";
    let mut version = 1;
    let mut typed = 0u32;
    let mut samples = Vec::with_capacity(keystrokes);
    let mut last_publish = Value::Null;
    for k in 0..keystrokes {
        let forward = (k / word.len()) % 2 == 0;
        let (range, text) = if forward {
            let at = LinePosition::new(subject.at.line, subject.at.character + typed);
            typed += 1;
            let letter = &word[(typed as usize - 1)..typed as usize];
            ((at, at), letter)
        } else {
            typed -= 1;
            let at = LinePosition::new(subject.at.line, subject.at.character + typed);
            let after = LinePosition::new(at.line, at.character + 1);
            ((at, after), "")
        };
        version += 1;
        let started = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": position(range.0), "end": position(range.1)}, "text": text}],
            }),
        );
        last_publish = server.wait_diagnostics(version);
        samples.push(started.elapsed());
    }
    let keystroke = stats(samples);
    let publish = serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "method": "textDocument/publishDiagnostics",
        "params": last_publish["params"],
    }))
    .expect("json");
    let publish_parse = stats(
        (0..20)
            .map(|_| {
                let started = Instant::now();
                let parsed: Value = serde_json::from_slice(&publish).expect("json");
                std::hint::black_box(parsed);
                started.elapsed()
            })
            .collect(),
    );

    let document = json!({"uri": uri});
    let tree = Tree::parse(&subject.text);
    let mut draw = Draw(0x9e37_79b9_7f4a_7c15);
    let place = |draw: &mut Draw, i: usize| -> LinePosition {
        // Half on the edited paragraph, half anywhere.
        let line = if i % 2 == 0 {
            subject.at.line as usize
        } else {
            draw.below(tree.line_count())
        };
        let text = tree.line(line).map_or("", |l| l.text.as_str());
        let width = text.encode_utf16().count();
        LinePosition::new(line as u32, draw.below(width + 1) as u32)
    };
    let hover = stats(
        (0..requests)
            .map(|i| {
                let at = place(&mut draw, i);
                server
                    .request(
                        "textDocument/hover",
                        json!({"textDocument": document, "position": position(at)}),
                    )
                    .1
            })
            .collect(),
    );
    let completion = stats(
        (0..requests)
            .map(|_| {
                server
                    .request(
                        "textDocument/completion",
                        json!({"textDocument": document, "position": position(subject.at)}),
                    )
                    .1
            })
            .collect(),
    );
    let code_action = stats(
        (0..requests)
            .map(|i| {
                let line = if i % 2 == 0 {
                    subject.at.line as usize
                } else {
                    draw.below(tree.line_count())
                };
                let end = tree
                    .line(line)
                    .map_or(0, |l| l.text.encode_utf16().count());
                server
                    .request(
                        "textDocument/codeAction",
                        json!({
                            "textDocument": document,
                            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": end}},
                            "context": {"diagnostics": []},
                        }),
                    )
                    .1
            })
            .collect(),
    );
    let semantic_tokens = stats(
        (0..(requests / 5).max(1))
            .map(|_| {
                server
                    .request(
                        "textDocument/semanticTokens/full",
                        json!({"textDocument": document}),
                    )
                    .1
            })
            .collect(),
    );
    let peak_rss_kib = server.peak_rss_kib();
    server.finish();
    let _ = std::fs::remove_dir_all(&workspace);
    EndToEnd {
        cold_open,
        first_diagnostics,
        keystroke,
        hover,
        completion,
        code_action,
        semantic_tokens,
        peak_rss_kib,
        publish_bytes: publish.len(),
        publish_parse,
    }
}

/// In process: full parse + analysis against one keystroke applied as the
/// server applies it (rope edit, tree update over the edited lines, analysis).
struct InProcess {
    full: Stats,
    keystroke: Stats,
}

fn in_process(subject: &Subject, keystrokes: usize) -> InProcess {
    let config = Config::default();
    let catalog = Catalog::embedded();
    let runs = (keystrokes / 10).clamp(5, 31);
    let full = stats(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                let tree = Tree::parse(black_box(&subject.text));
                black_box(analyze_with(&tree, &config, &catalog));
                started.elapsed()
            })
            .collect(),
    );
    let mut source = SourceText::new(&subject.text);
    let mut tree = Tree::parse(&subject.text);
    // The server keeps one line memo per document; so does this loop.
    let mut memo = AnalysisMemo::default();
    analyze_with_memo(&tree, &config, &catalog, &mut memo);
    let at = subject.at;
    let samples = (0..keystrokes)
        .map(|k| {
            let started = Instant::now();
            let edited = if k % 2 == 1 {
                let after = LinePosition::new(at.line, at.character + 1);
                source.apply_edit(Some((at, after)), "", PositionEncoding::Utf16)
            } else {
                source.apply_edit(Some((at, at)), "e", PositionEncoding::Utf16)
            };
            let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
                .map(|i| source.line(i).into_owned())
                .collect();
            tree.apply_edit(edited, &new_lines);
            black_box(analyze_with_memo(&tree, &config, &catalog, &mut memo));
            started.elapsed()
        })
        .collect();
    InProcess {
        full,
        keystroke: stats(samples),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    let keystrokes = env_number("UNRES_LSP_BENCH_KEYSTROKES", 200).max(2);
    let requests = env_number("UNRES_LSP_BENCH_REQUESTS", 100).max(1);
    let binary = std::env::var_os("UNRES_LSP_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_unres")));
    let sizes: Vec<usize> = std::env::var("UNRES_LSP_BENCH_SIZES")
        .unwrap_or_else(|_| "500,5000,20000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let only = std::env::var("UNRES_LSP_BENCH_ONLY").unwrap_or_default();

    let read = |path: &str| {
        let path = Path::new(ROOT).join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut subjects = vec![
        Subject::new(
            "A/RES/68/230".to_owned(),
            read("data/examples/A_RES_68_230.txt"),
        ),
        Subject::new(
            "S/RES/2231 (2015)".to_owned(),
            read("data/corpus/S_RES_2231(2015).txt"),
        ),
    ];
    let mut generator = None;
    for n in sizes {
        let (text, by) = generated(n);
        generator = Some(by);
        subjects.push(Subject::new(format!("generated {n}"), text));
    }
    subjects.retain(|s| s.name.contains(&only));

    println!(
        "unres lsp over stdio: {} ({keystrokes} keystrokes, {requests} requests of each kind, \
         semantic tokens {}); times in ms, median / p99",
        binary.display(),
        (requests / 5).max(1)
    );
    if let Some(by) = generator {
        println!("generated documents by {by}, seed 1");
    }
    println!();
    println!(
        "| document | lines | cold open | keystroke → diagnostics | hover | completion | code action | semantic tokens | peak RSS MiB | full parse+analysis | in-process keystroke | ratio |"
    );
    println!(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    let mut publishes = Vec::new();
    for subject in &subjects {
        let e = end_to_end(&binary, subject, keystrokes, requests);
        let p = in_process(subject, keystrokes);
        let pair = |s: &Stats| format!("{} / {}", ms(s.median), ms(s.p99));
        let ratio = p.full.median.as_secs_f64() / p.keystroke.median.as_secs_f64().max(1e-9);
        println!(
            "| {} | {} | {} ({} diag.) | {} | {} | {} | {} | {} | {} | {} | {} | {:.0}× |",
            subject.name,
            subject.lines,
            ms(e.cold_open),
            e.first_diagnostics,
            pair(&e.keystroke),
            pair(&e.hover),
            pair(&e.completion),
            pair(&e.code_action),
            pair(&e.semantic_tokens),
            e.peak_rss_kib
                .map_or("?".to_owned(), |k| format!("{:.1}", k as f64 / 1024.0)),
            ms(p.full.median),
            pair(&p.keystroke),
            ratio,
        );
        publishes.push(format!(
            "- {}: each publish {:.1} KB, parsed by the client in {}",
            subject.name,
            e.publish_bytes as f64 / 1024.0,
            pair(&e.publish_parse),
        ));
    }
    println!();
    println!("publishDiagnostics after the last keystroke (median / p99 of 20 parses):");
    for line in publishes {
        println!("{line}");
    }
}
