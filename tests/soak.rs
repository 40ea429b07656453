//! Soak: 100,000 edits (2,000 in a debug build) on one document over stdio, the server's resident memory
//! sampled every tenth of the run. Growth after warm-up beyond the document's own size
//! (plus a fixed allowance for the allocator) fails. `UNRES_BIN` runs it against
//! another build (the release binary, for the figures in docs/RELIABILITY.md);
//! `UNRES_SOAK_EDITS` changes the count.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{Value, json};

fn frame(value: &Value) -> Vec<u8> {
    let body = value.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body.as_bytes());
    out
}

/// A number from `/proc/<pid>/status` (Linux): `VmRSS` in KiB, `Threads`.
fn status_field(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

fn rss_kib(pid: u32) -> u64 {
    status_field(pid, "VmRSS:")
}

#[test]
fn memory_stays_flat_over_100_000_edits() {
    if !std::path::Path::new("/proc/self/status").exists() {
        println!("soak: no /proc here; skipped");
        return;
    }
    let edits: usize = std::env::var("UNRES_SOAK_EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        // A debug server is ten times slower: `cargo test` only checks that the
        // soak runs; CI runs the full count against the release binary (`.ci/run`).
        .unwrap_or(if cfg!(debug_assertions) {
            2_000
        } else {
            100_000
        });
    let binary =
        std::env::var("UNRES_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_unres").to_owned());
    let mut child = Command::new(&binary)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn unres lsp");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    // Read everything the server says, keeping only answers to requests.
    let (answers, received) = std::sync::mpsc::channel::<Value>();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim();
                if header.is_empty() {
                    break;
                }
                if let Some(value) = header.strip_prefix("Content-Length: ") {
                    length = value.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                continue;
            };
            if message.get("id").is_some()
                && message.get("method").is_none()
                && answers.send(message).is_err()
            {
                return;
            }
        }
    });
    let mut send = |value: Value| stdin.write_all(&frame(&value)).expect("write");
    let ask = |send: &mut dyn FnMut(Value), id: i64, method: &str, params: Value| -> Value {
        send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let answer = received.recv().expect("an answer");
            if answer["id"] == id {
                return answer;
            }
        }
    };
    ask(
        &mut send,
        1,
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let uri = "file:///soak.unres";
    let mut text: String = std::iter::once("\tThe General Assembly,\n".to_owned())
        .chain((1..=200).map(|i| format!("\tRecalling its resolution {i}/1,1\n")))
        .chain((1..=200).map(|i| format!("\t{i}.\tRequests a report;\n")))
        .collect();
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "unres", "version": 1, "text": text}}}),
    );
    let started = Instant::now();
    let mut samples = vec![(0, rss_kib(pid), status_field(pid, "Threads:"))];
    // Type a word on a line and delete it again, moving down the document.
    for edit in 0..edits {
        let line = 1 + (edit / 20) % 400;
        let typing = edit % 20 < 10;
        let column = 1 + (edit % 10) as u32;
        let change = if typing {
            json!({"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}, "text": "x"})
        } else {
            let at = 1 + (9 - edit % 10) as u32;
            json!({"range": {"start": {"line": line, "character": at}, "end": {"line": line, "character": at + 1}}, "text": ""})
        };
        let start = text
            .split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>();
        let offset = start
            + if typing {
                column as usize
            } else {
                1 + 9 - edit % 10
            };
        if typing {
            text.insert(offset, 'x');
        } else {
            text.remove(offset);
        }
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": edit + 2}, "contentChanges": [change]}}),
        );
        if (edit + 1) % (edits / 10).max(1) == 0 {
            // A round trip, so the sample is taken once the edits are applied.
            ask(
                &mut send,
                10 + edit as i64,
                "unres/documentText",
                json!({"uri": uri}),
            );
            samples.push((edit + 1, rss_kib(pid), status_field(pid, "Threads:")));
        }
    }
    let held = ask(&mut send, 2, "unres/documentText", json!({"uri": uri}));
    let elapsed = started.elapsed();
    println!(
        "soak: {edits} edits in {elapsed:?} on a {} KiB document ({binary})",
        text.len() / 1024
    );
    for (done, rss, threads) in &samples {
        println!(
            "soak: after {done:>6} edits: RSS {:>7.1} MiB, {threads} threads",
            *rss as f64 / 1024.0
        );
    }
    assert_eq!(
        held["result"]["text"].as_str(),
        Some(text.as_str()),
        "the text stayed right"
    );
    ask(&mut send, 3, "shutdown", Value::Null);
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let status = child.wait().expect("exit");
    assert!(status.success());

    // Warm-up: the first sample after edits began; the allowance covers the
    // allocator keeping freed pages and the analysis of one version in flight.
    let warm = samples.get(1).map_or(0, |s| s.1);
    let last = samples.last().map_or(0, |s| s.1);
    let allowance_kib = (text.len() / 1024) as u64 * 4 + 8 * 1024;
    let growth = last.saturating_sub(warm);
    println!(
        "soak: growth after warm-up {:.1} MiB (allowed {:.1} MiB)",
        growth as f64 / 1024.0,
        allowance_kib as f64 / 1024.0
    );
    assert!(
        growth <= allowance_kib,
        "memory grew by {growth} KiB over {edits} edits"
    );
}
