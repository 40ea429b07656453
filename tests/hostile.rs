//! A hostile client: `unres lsp` driven over stdio with malformed frames, faulty
//! sync, odd files and load (issue 10). Every case ends with [`Server::healthy`]:
//! the server still publishes and answers a normal document correctly, its copy of
//! every document equals the client's, and `shutdown` + `exit` end it cleanly.
//! Timings are printed, never asserted (`UNRES_BIN=target/release/unres` to
//! time the release binary).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(60);

/// The client's own copy of a document, edited as LSP says (UTF-16 positions,
/// clamped like the server clamps them).
struct Model {
    uri: String,
    version: i64,
    text: String,
}

fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Byte offset of a UTF-16 position: past the end clamps to the end, inside a
/// character to its start.
fn offset(text: &str, line: usize, character: usize) -> usize {
    let starts = line_starts(text);
    let Some(&start) = starts.get(line) else {
        return text.len();
    };
    let end = starts.get(line + 1).map_or(text.len(), |&next| {
        let content = &text[start..next];
        start + content.trim_end_matches(['\r', '\n']).len()
    });
    let mut units = 0;
    for (i, ch) in text[start..end].char_indices() {
        if units + ch.len_utf16() > character {
            return start + i;
        }
        units += ch.len_utf16();
    }
    end
}

impl Model {
    fn apply(&mut self, change: &Value) {
        let Some(range) = change.get("range") else {
            self.text = change["text"].as_str().unwrap().to_owned();
            return;
        };
        let at = |p: &Value| {
            offset(
                &self.text,
                p["line"].as_u64().unwrap() as usize,
                p["character"].as_u64().unwrap() as usize,
            )
        };
        let (a, b) = (at(&range["start"]), at(&range["end"]));
        let (a, b) = (a.min(b), a.max(b));
        self.text
            .replace_range(a..b, change["text"].as_str().unwrap());
    }
}

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Every message seen so far, for looking back.
    seen: Vec<Value>,
    /// Messages received while waiting for another one.
    unclaimed: VecDeque<Value>,
    next_id: i64,
    documents: Vec<Model>,
}

impl Server {
    fn spawn() -> Server {
        // `UNRES_BIN` drives another build (the release binary, for timings).
        let binary =
            std::env::var("UNRES_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_unres").to_owned());
        let mut child = Command::new(binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn unres lsp");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
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
                        length = value.parse().expect("length from the server");
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            seen: Vec::new(),
            unclaimed: VecDeque::new(),
            next_id: 1000,
            documents: Vec::new(),
        }
    }

    /// Started and initialized with plain capabilities.
    fn start() -> Server {
        let mut server = Server::spawn();
        server.initialize(json!({"processId": null, "rootUri": null, "capabilities": {}}));
        server
    }

    fn initialize(&mut self, params: Value) -> Value {
        let answer = self.request("initialize", params);
        assert!(answer.get("result").is_some(), "{answer}");
        self.notify("initialized", json!({}));
        answer
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        // A server that stopped reading shows as a failed write.
        stdin.write_all(bytes).expect("the server reads its input");
        stdin.flush().expect("flush");
    }

    fn frame(&mut self, body: &str) {
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.frame(&body.to_string());
    }

    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.frame(&body.to_string());
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(&json!(id))
    }

    fn response(&mut self, id: &Value) -> Value {
        let id = id.clone();
        self.wait_for(move |m| m.get("id") == Some(&id) && m.get("method").is_none())
    }

    /// The first message, received or still unclaimed, that matches.
    fn try_wait_for(
        &mut self,
        within: Duration,
        predicate: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(at) = self.unclaimed.iter().position(&predicate) {
            return self.unclaimed.remove(at);
        }
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) => {
                    self.seen.push(message.clone());
                    if predicate(&message) {
                        return Some(message);
                    }
                    self.unclaimed.push_back(message);
                }
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    fn wait_for(&mut self, predicate: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_for(WAIT, predicate).unwrap_or_else(|| {
            panic!(
                "no such message from the server; saw {:#?}",
                self.seen.iter().rev().take(5).collect::<Vec<_>>()
            )
        })
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let uri = uri.to_owned();
        let message = self.wait_for(move |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "unres", "version": version, "text": text}}),
        );
        self.documents.retain(|d| d.uri != uri);
        self.documents.push(Model {
            uri: uri.to_owned(),
            version,
            text: text.to_owned(),
        });
    }

    fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        self.documents.retain(|d| d.uri != uri);
    }

    fn change(&mut self, uri: &str, version: i64, changes: Vec<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
        let model = self.model(uri);
        model.version = version;
        for change in &changes {
            model.apply(change);
        }
    }

    fn model(&mut self, uri: &str) -> &mut Model {
        self.documents
            .iter_mut()
            .find(|d| d.uri == uri)
            .expect("an open document")
    }

    fn server_text(&mut self, uri: &str) -> Option<String> {
        let answer = self.request("unres/documentText", json!({"uri": uri}));
        answer["result"]["text"].as_str().map(str::to_owned)
    }

    /// The server still works: a new document gets the right diagnostics and
    /// answers requests, every document's text equals the client's, and the
    /// session ends cleanly.
    fn healthy(mut self) {
        self.assert_working();
        self.finish_cleanly();
    }

    fn assert_working(&mut self) {
        let uri = format!("file:///health/{}.unres", self.next_id);
        self.open(&uri, 1, NORMAL);
        let diagnostics = self.diagnostics(&uri, 1);
        assert!(
            codes(&diagnostics).contains(&"NUM001".to_owned()),
            "{diagnostics:#?}"
        );
        let symbols = self.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        );
        assert!(
            symbols["result"].as_array().is_some_and(|s| !s.is_empty()),
            "{symbols}"
        );
        let models: Vec<(String, String)> = self
            .documents
            .iter()
            .map(|d| (d.uri.clone(), d.text.clone()))
            .collect();
        for (uri, text) in models {
            let held = self.server_text(&uri);
            assert!(
                held.as_deref() == Some(text.as_str()),
                "{uri}: the server's text differs from the client's"
            );
        }
    }

    fn finish_cleanly(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        let status = self.wait_exit(WAIT).expect("the server exits");
        assert!(status.success(), "{status:?}");
    }

    fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return Some(status);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn logged(&self, needle: &str) -> bool {
        self.seen.iter().any(|m| {
            matches!(
                m["method"].as_str(),
                Some("window/logMessage" | "window/showMessage")
            ) && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains(needle))
        })
    }

    fn shown(&self) -> Vec<String> {
        self.seen
            .iter()
            .filter(|m| m["method"] == "window/showMessage")
            .filter_map(|m| m["params"]["message"].as_str().map(str::to_owned))
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const NORMAL: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t3.\tRequests a report.\n";
const URI: &str = "file:///hostile/draft.unres";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn initialize_body(id: i64) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}).to_string()
}

fn framed(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Garbage first, then three `initialize` requests: all three are answered
/// (the first with the capabilities, the others as duplicates).
fn garbage_then_initialize(garbage: &[u8]) {
    let mut server = Server::spawn();
    server.raw(garbage);
    let mut input = Vec::new();
    for id in 1..=3 {
        input.extend(framed(&initialize_body(id)));
    }
    server.raw(&input);
    let first = server.response(&json!(1));
    assert!(first.get("result").is_some(), "{first}");
    for id in 2..=3 {
        let answer = server.response(&json!(id));
        assert!(answer.get("error").is_some(), "{answer}");
    }
    server.notify("initialized", json!({}));
    server.healthy();
}

// ---- 1. Framing ------------------------------------------------------------

#[test]
fn stray_byte_before_a_header() {
    garbage_then_initialize(b"xContent-Length: 31\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
}

#[test]
fn content_length_too_short() {
    let body = initialize_body(0);
    let mut input = format!("Content-Length: {}\r\n\r\n", body.len() - 10).into_bytes();
    input.extend(body.as_bytes());
    let mut server = Server::spawn();
    server.raw(&input);
    let answer = server.response(&json!(0));
    assert!(
        answer.get("result").is_some(),
        "read as far as its JSON goes: {answer}"
    );
    server.notify("initialized", json!({}));
    server.healthy();
}

#[test]
fn content_length_too_long() {
    let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
    let mut input = format!("Content-Length: {}\r\n\r\n", body.len() + 5).into_bytes();
    input.extend(body.as_bytes());
    garbage_then_initialize(&input);
}

#[test]
fn content_length_too_long_then_silence() {
    // Nothing follows: the client waits for the answer.
    let body = initialize_body(0);
    let mut input = format!("Content-Length: {}\r\n\r\n", body.len() + 50).into_bytes();
    input.extend(body.as_bytes());
    let mut server = Server::spawn();
    server.raw(&input);
    let answer = server.response(&json!(0));
    assert!(answer.get("result").is_some(), "{answer}");
    server.notify("initialized", json!({}));
    server.healthy();
}

#[test]
fn missing_content_length() {
    garbage_then_initialize(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
}

#[test]
fn non_numeric_content_length() {
    garbage_then_initialize(b"Content-Length: many\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
}

#[test]
fn header_without_body() {
    garbage_then_initialize(b"Content-Length: 40\r\n\r\n");
}

#[test]
fn endless_header_line() {
    let mut garbage = b"Content-Length: 1".to_vec();
    garbage.extend(std::iter::repeat_n(b'0', 1 << 20));
    garbage.extend(b"\r\nX-Junk: ");
    garbage.extend(std::iter::repeat_n(b'y', 1 << 20));
    garbage.extend(b"\r\n\r\n");
    garbage_then_initialize(&garbage);
}

#[test]
fn binary_noise() {
    let noise: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    garbage_then_initialize(&noise);
}

#[test]
fn body_over_the_limit_is_read_off_and_dropped() {
    let mut server = Server::start();
    let length = 64 * 1024 * 1024 + 100;
    server.raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    let chunk = vec![b' '; 1 << 20];
    let mut sent = 0;
    while sent + chunk.len() <= length {
        server.raw(&chunk);
        sent += chunk.len();
    }
    server.raw(&vec![b' '; length - sent]);
    server.healthy();
}

#[test]
fn not_json_and_not_utf8() {
    let mut server = Server::start();
    server.frame("{this is not json");
    server.raw(&framed("[1, 2, 3]"));
    server.raw(&framed("\"a string\""));
    let mut bad = b"Content-Length: 6\r\n\r\n".to_vec();
    bad.extend(b"{\xff\xfe}\x00\x01");
    server.raw(&bad);
    server.healthy();
}

#[test]
fn json_that_is_not_json_rpc() {
    let mut server = Server::start();
    server.frame("{}");
    server.frame(r#"{"jsonrpc":"1.0","id":7,"method":"textDocument/hover","params":{}}"#);
    let answer = server.response(&json!(7));
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    server.frame(r#"{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover","params":{}}"#);
    let answer = server.response(&json!(1.5));
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    server.frame(r#"{"jsonrpc":"2.0","id":8,"method":42}"#);
    assert_eq!(server.response(&json!(8))["error"]["code"], -32600);
    server.frame(r#"{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":5}"#);
    assert_eq!(server.response(&json!(9))["error"]["code"], -32600);
    server.frame(r#"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}"#);
    server.frame(r#"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#);
    server.frame(r#"{"jsonrpc":"2.0","id":999,"result":null}"#);
    server
        .frame(r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{}}}"#);
    server.frame(
        r#"{"jsonrpc":"2.0","id":10,"method":"textDocument/hover","params":{"bogus":true}}"#,
    );
    let answer = server.response(&json!(10));
    assert!(answer.get("error").is_some(), "{answer}");
    server.healthy();
}

#[test]
fn dollar_requests_are_method_not_found() {
    let mut server = Server::start();
    let answer = server.request("$/unknownThing", json!({}));
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    server.notify("$/setTrace", json!({"value": "off"}));
    server.notify("$/unknownNotification", json!({}));
    server.healthy();
}

#[test]
fn exit_without_shutdown_exits_1() {
    let mut server = Server::start();
    server.notify("exit", Value::Null);
    let status = server.wait_exit(WAIT).expect("exits");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn exit_after_shutdown_exits_0() {
    Server::start().finish_cleanly();
}

#[test]
fn requests_before_initialize_and_after_shutdown() {
    let mut server = Server::spawn();
    let early = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(early["error"]["code"], -32002, "{early}");
    server.initialize(json!({"processId": null, "rootUri": null, "capabilities": {}}));
    server.assert_working();
    assert_eq!(
        server.request("shutdown", Value::Null)["result"],
        Value::Null
    );
    let late = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert!(late.get("error").is_some(), "{late}");
    server.notify("exit", Value::Null);
    assert!(server.wait_exit(WAIT).expect("exits").success());
}

/// A client that sends its first messages without waiting for the answer to
/// `initialize` gets every one handled in order: the framework would refuse a
/// `shutdown` that reached it while `initialize` was still running. (A race
/// without the fix, so the session is tried a few times.)
#[test]
fn messages_sent_before_the_initialize_answer_wait_for_it() {
    for _ in 0..3 {
        let mut server = Server::spawn();
        let mut input = framed(&initialize_body(1));
        for message in [
            json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
            json!({"jsonrpc": "2.0", "id": 2, "method": "workspace/symbol", "params": {"query": ""}}),
            json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
        ] {
            input.extend(framed(&message.to_string()));
        }
        server.raw(&input);
        assert!(server.response(&json!(1)).get("result").is_some());
        let symbols = server.response(&json!(2));
        assert!(symbols["result"].is_array(), "{symbols}");
        let shutdown = server.response(&json!(3));
        assert_eq!(shutdown["result"], Value::Null, "{shutdown}");
        server.notify("exit", Value::Null);
        assert!(server.wait_exit(WAIT).expect("exits").success());
    }
}

#[test]
fn garbage_between_every_message() {
    let mut server = Server::start();
    server.open(URI, 1, NORMAL);
    for version in 2..40 {
        server.raw(b"\r\n\x00junk Content-Len");
        server.change(
            URI,
            version,
            vec![json!({"range": {"start": {"line": 2, "character": 1}, "end": {"line": 2, "character": 2}}, "text": (version % 9 + 1).to_string()})],
        );
    }
    server.healthy();
}

// ---- 2. Panics on ordinary text -----------------------------------------------

#[test]
fn no_break_space_before_a_glued_marker() {
    let mut server = Server::start();
    let text = "\tThe General Assembly,\n\tRecalling its\u{a0}session1, and a\u{a0}é1,\n\t1.\tDecides.\n\n1 A/68/212.\n";
    server.open(URI, 1, text);
    let diagnostics = server.diagnostics(URI, 1);
    let misplaced = diagnostics
        .iter()
        .find(|d| d["code"] == "FTN003")
        .expect("FTN003");
    // The marker `1` of `session1,`: after `\tRecalling its<NBSP>session`.
    assert_eq!(
        misplaced["range"]["start"]["character"],
        json!(22),
        "{misplaced}"
    );
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let edits: Vec<String> = actions["result"]
        .as_array()
        .expect("actions")
        .iter()
        .flat_map(|a| {
            a["edit"]["changes"][URI]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|e| e["newText"].as_str().map(str::to_owned))
        .collect();
    assert!(!edits.iter().any(|e| e.contains("sessio1n")), "{edits:?}");
    server.open("file:///hostile/b.unres", 1, "),1\n\u{a0}’2");
    server.diagnostics("file:///hostile/b.unres", 1);
    server.healthy();
}

#[test]
fn footnote_label_followed_by_two_spaces() {
    let mut server = Server::start();
    server.open(URI, 1, "[^2]:  ");
    server.diagnostics(URI, 1);
    server.open(
        "file:///hostile/c.unres",
        1,
        "\tThe General Assembly,\n\tNoting,1\n\n[^1]:  \n[^2]:\t \n",
    );
    server.diagnostics("file:///hostile/c.unres", 1);
    server.healthy();
}

// ---- 3. and 8. Large texts --------------------------------------------------

#[test]
fn many_paragraphs_without_a_known_opening() {
    let mut server = Server::start();
    let text = format!(
        "\tThe General Assembly,\n{}\t1.\tDecides.\n",
        "\tA,\n".repeat(100_000)
    );
    let started = Instant::now();
    server.open(URI, 1, &text);
    server.diagnostics(URI, 1);
    println!(
        "400 KB of `\\tA,` lines: diagnostics after {:?}",
        started.elapsed()
    );
    server.healthy();
}

#[test]
fn many_changes_in_one_did_change() {
    let mut server = Server::start();
    let text: String = std::iter::once("\tThe General Assembly,\n".to_owned())
        .chain((1..=100_000).map(|i| format!("\t{i}.\tDecides to act;\n")))
        .collect();
    server.open(URI, 1, &text);
    server.diagnostics(URI, 1);
    server.open("file:///hostile/other.unres", 1, NORMAL);
    server.diagnostics("file:///hostile/other.unres", 1);
    let changes: Vec<Value> = (0..1_000u32)
        .map(|i| {
            let line = 1 + i * 97;
            json!({"range": {"start": {"line": line, "character": 1}, "end": {"line": line, "character": 1}}, "text": "9"})
        })
        .collect();
    let started = Instant::now();
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": changes}),
    );
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///hostile/other.unres"}, "position": {"line": 1, "character": 2}}),
    );
    println!(
        "1,000 changes on 100,000 lines: a request on another document answered after {:?}",
        started.elapsed()
    );
    assert!(hover.get("error").is_none(), "{hover}");
    server.diagnostics(URI, 2);
    println!(
        "1,000 changes on 100,000 lines: diagnostics after {:?}",
        started.elapsed()
    );
    // The client's own copy follows (slowly: it is a simple model).
    let model = server.model(URI);
    model.version = 2;
    for change in &changes {
        model.apply(change);
    }
    server.healthy();
}

#[test]
fn a_ten_megabyte_line_and_fifty_documents() {
    let mut server = Server::start();
    let line = format!(
        "\tThe General Assembly,\n\tRecalling {},\n",
        "word ".repeat(2_000_000)
    );
    server.open(URI, 1, &line);
    server.diagnostics(URI, 1);
    for i in 0..50 {
        server.open(&format!("file:///hostile/many/{i}.unres"), 1, NORMAL);
    }
    for i in 0..50 {
        server.diagnostics(&format!("file:///hostile/many/{i}.unres"), 1);
    }
    server.healthy();
}

// ---- 4. Slow requests, notifications and cancellation ---------------------------

#[test]
fn slow_requests_do_not_hold_up_notifications_or_cancels() {
    let mut server = Server::start();
    let big: String = std::iter::once("\tThe General Assembly,\n".to_owned())
        .chain((1..=4_000).map(|i| {
            format!("\tRecalling its resolution {i}/1 of 1 January 2000 and A/{i}/L.1,\n")
        }))
        .chain((1..=1_000).map(|i| format!("\t{i}.\tRequests the Secretary-General to report;\n")))
        .collect();
    println!("document of {} KB", big.len() / 1024);
    server.open(URI, 1, &big);
    server.open("file:///hostile/small.unres", 1, NORMAL);
    server.diagnostics("file:///hostile/small.unres", 1);
    let started = Instant::now();
    let ids: Vec<i64> = (0..8)
        .map(|i| {
            server.send_request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI}, "range": {"start": {"line": i, "character": 0}, "end": {"line": i, "character": 0}}, "context": {"diagnostics": []}}),
            )
        })
        .collect();
    server.notify("$/cancelRequest", json!({"id": ids[7]}));
    server.change(
        "file:///hostile/small.unres",
        2,
        vec![json!({"range": {"start": {"line": 3, "character": 1}, "end": {"line": 3, "character": 2}}, "text": "2"})],
    );
    let cancelled = server.response(&json!(ids[7]));
    let cancel_after = started.elapsed();
    let diagnostics = server.diagnostics("file:///hostile/small.unres", 2);
    let other_after = started.elapsed();
    assert!(
        !codes(&diagnostics).contains(&"NUM001".to_owned()),
        "{diagnostics:#?}"
    );
    for id in &ids[..7] {
        let answer = server.response(&json!(id));
        assert!(answer.get("result").is_some(), "{answer}");
    }
    println!(
        "8 code actions on the big document: cancel answered after {cancel_after:?}, the other document's diagnostics after {other_after:?}, all code actions after {:?}",
        started.elapsed()
    );
    // Cancelled when it was still running, or answered before the cancel came.
    assert!(
        cancelled["error"]["code"] == -32800 || cancelled.get("result").is_some(),
        "{cancelled}"
    );
    assert_eq!(
        server
            .seen
            .iter()
            .filter(|m| m.get("id") == Some(&json!(ids[7])) && m.get("method").is_none())
            .count(),
        1,
        "answered once"
    );
    server.healthy();
}

#[test]
fn a_burst_of_hovers() {
    let mut server = Server::start();
    server.open(URI, 1, NORMAL);
    server.diagnostics(URI, 1);
    let ids: Vec<i64> = (0..1_000)
        .map(|i| {
            server.send_request(
                "textDocument/hover",
                json!({"textDocument": {"uri": URI}, "position": {"line": i % 4, "character": i % 30}}),
            )
        })
        .collect();
    for id in ids {
        let answer = server.response(&json!(id));
        assert!(answer.get("error").is_none(), "{answer}");
    }
    server.healthy();
}

// ---- 5. Files ------------------------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unres-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn watched_events_for_a_fifo_and_dev_zero() {
    let dir = temp_dir("watched");
    let fifo = dir.join("x.unres");
    mkfifo(&fifo);
    let mut server = Server::start();
    for _ in 0..4 {
        server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(&fifo), "type": 2}, {"uri": "file:///dev/zero", "type": 1}]}),
        );
    }
    server.wait_for(|m| {
        m["params"]["message"]
            .as_str()
            .is_some_and(|t| t.contains("not a regular file"))
    });
    server.healthy();
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn workspace_with_a_fifo_a_symlink_loop_and_odd_files() {
    let dir = temp_dir("workspace");
    mkfifo(&dir.join("fifo.unres"));
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.unres")).unwrap();
    std::fs::write(dir.join("big.unres"), vec![b'a'; 5 * 1024 * 1024]).unwrap();
    std::fs::write(dir.join("ok.unres"), NORMAL).unwrap();
    let unreadable = dir.join("secret.unres");
    std::fs::write(&unreadable, NORMAL).unwrap();
    let mut server = Server::spawn();
    let root = file_uri(&dir);
    server.initialize(json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "w"}], "capabilities": {}}));
    server.wait_for(|m| {
        m["params"]["message"]
            .as_str()
            .is_some_and(|t| t.contains("resolutions of the workspace"))
    });
    server.healthy();
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn catalog_setting_naming_a_fifo() {
    let dir = temp_dir("catalog");
    let fifo = dir.join("catalog.tsv");
    mkfifo(&fifo);
    let mut server = Server::spawn();
    let answer = server.initialize(json!({
        "processId": null,
        "rootUri": null,
        "capabilities": {},
        "initializationOptions": {"unres": {"catalogs": [fifo.to_str().unwrap(), "/dev/zero"]}}
    }));
    assert!(answer.get("result").is_some());
    server.healthy();
    std::fs::remove_dir_all(&dir).ok();
}

// ---- 6. Orphans -------------------------------------------------------------

#[test]
fn stdin_closing_while_the_server_waits_for_the_client() {
    let mut server = Server::spawn();
    server.initialize(json!({"processId": null, "rootUri": null, "capabilities": {"workspace": {"configuration": true}}}));
    server.wait_for(|m| m["method"] == "workspace/configuration");
    drop(server.stdin.take());
    let status = server.wait_exit(Duration::from_secs(10));
    assert!(status.is_some(), "the server must exit when its input ends");
}

#[test]
fn stdin_closing_at_once() {
    let mut server = Server::spawn();
    drop(server.stdin.take());
    assert!(server.wait_exit(Duration::from_secs(10)).is_some());
}

// ---- 7. Reopening -------------------------------------------------------------

#[test]
fn reopen_with_the_same_version_publishes_the_new_text() {
    let mut server = Server::start();
    let noisy: String = (0..10_000)
        .map(|i| format!("\t{}.\tdecides\n", i * 2 + 1))
        .collect();
    for _ in 0..5 {
        server.open(URI, 1, &noisy);
        server.close(URI);
        server.open(URI, 1, "");
        // The last publish for the URI, once the server has gone quiet.
        let mut last = server.diagnostics(URI, 1).len();
        while let Some(message) = server.try_wait_for(Duration::from_millis(1500), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI
        }) {
            last = message["params"]["diagnostics"]
                .as_array()
                .map_or(0, Vec::len);
        }
        assert_eq!(last, 0, "the reopened empty text has no problems");
        server.close(URI);
    }
    server.healthy();
}

// ---- 9. Formatting --------------------------------------------------------------

/// Apply LSP text edits (UTF-16) to `text`, last first.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut model = Model {
        uri: String::new(),
        version: 0,
        text: text.to_owned(),
    };
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| {
        (
            std::cmp::Reverse(e["range"]["start"]["line"].as_u64()),
            std::cmp::Reverse(e["range"]["start"]["character"].as_u64()),
        )
    });
    for edit in &edits {
        model.apply(&json!({"range": edit["range"], "text": edit["newText"]}));
    }
    model.text
}

#[test]
fn formatting_is_idempotent_with_other_spaces() {
    let mut server = Server::start();
    for (i, space) in [
        '\u{a0}', '\u{202f}', '\u{2028}', '\u{3000}', '\u{c}', '\u{b}',
    ]
    .into_iter()
    .enumerate()
    {
        let uri = format!("file:///hostile/format{i}.unres");
        let text = format!(
            "\tThe General Assembly,\n{space}1.\tDecides;\n\t2.\t{space}Requests{space}a  report.\n"
        );
        server.open(&uri, 1, &text);
        let edits = server.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": false}}),
        );
        let once = apply_edits(&text, edits["result"].as_array().expect("edits"));
        assert_eq!(
            once.matches(space).count(),
            text.matches(space).count(),
            "{space:?} kept"
        );
        server.change(&uri, 2, vec![json!({"text": once})]);
        let again = server.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": false}}),
        );
        assert_eq!(again["result"], json!([]), "{space:?}: {again}");
    }
    server.healthy();
}

// ---- 10. Sync faults ---------------------------------------------------------------

#[test]
fn versions_going_backwards_are_applied_and_told_once() {
    let mut server = Server::start();
    server.open(URI, 5, NORMAL);
    server.diagnostics(URI, 5);
    for version in [3, 3, 1] {
        server.change(
            URI,
            version,
            vec![json!({"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": "x"})],
        );
    }
    server.diagnostics(URI, 1);
    assert!(server.logged("not newer"));
    assert_eq!(
        server
            .shown()
            .iter()
            .filter(|m| m.contains("not newer"))
            .count(),
        1
    );
    server.healthy();
}

#[test]
fn escaped_lone_surrogate_in_a_change() {
    let mut server = Server::start();
    server.open(URI, 1, NORMAL);
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{URI}","version":2}},"contentChanges":[{{"range":{{"start":{{"line":1,"character":1}},"end":{{"line":1,"character":1}}}},"text":"a\ud800b"}}]}}}}"#
    );
    server.frame(&body);
    server.model(URI).apply(&json!({"range": {"start": {"line": 1, "character": 1}, "end": {"line": 1, "character": 1}}, "text": "a\u{fffd}b"}));
    server.diagnostics(URI, 2);
    assert!(
        server
            .shown()
            .iter()
            .any(|m| m.contains("not valid Unicode")),
        "{:?}",
        server.shown()
    );
    server.healthy();
}

#[test]
fn an_unreadable_change_is_told_and_a_full_change_resyncs() {
    let mut server = Server::start();
    server.open(URI, 1, NORMAL);
    server.diagnostics(URI, 1);
    // A change whose `version` is not a number: it cannot be applied.
    server.frame(&format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{URI}","version":"two"}},"contentChanges":[{{"text":"lost"}}]}}}}"#
    ));
    // Out of sync, its diagnostics are cleared (a publish of version 1 from
    // before, after workspace indexing, may come first).
    let uri = URI.to_owned();
    server.wait_for(move |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"] == 1
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(Vec::is_empty)
    });
    assert!(
        server
            .shown()
            .iter()
            .any(|m| m.contains("could not be read"))
    );
    server.change(URI, 3, vec![json!({"text": NORMAL})]);
    let back = server.diagnostics(URI, 3);
    assert!(codes(&back).contains(&"NUM001".to_owned()), "{back:#?}");
    server.healthy();
}

// ---- Sync edge cases that held before ------------------------------------------------

#[test]
fn ranges_past_the_end_and_inside_surrogate_pairs() {
    let mut server = Server::start();
    server.open(URI, 1, "\tThe 𠮷 General Assembly,\n\t1.\tDecides 👍🏽;");
    let edits = [
        json!({"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 6}}, "text": "x"}),
        json!({"range": {"start": {"line": 99, "character": 0}, "end": {"line": 120, "character": 5}}, "text": "\n\tTail."}),
        json!({"range": {"start": {"line": 1, "character": 500}, "end": {"line": 0, "character": 3}}, "text": ""}),
        json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "\r"}),
        json!({"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "\n"}),
        json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "a\r\nb\u{2028}c\u{0}"}),
    ];
    for (i, edit) in edits.into_iter().enumerate() {
        server.change(URI, 2 + i as i64, vec![edit]);
    }
    server.diagnostics(URI, 7);
    server.healthy();
}

#[test]
fn crlf_pairs_made_and_broken_across_edits() {
    let mut server = Server::start();
    server.open(URI, 1, "a\r\nb\rc\nd");
    let edits = [
        json!({"range": {"start": {"line": 0, "character": 1}, "end": {"line": 1, "character": 0}}, "text": "\r"}),
        json!({"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "\n"}),
        json!({"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "\r\n\r"}),
    ];
    for (i, edit) in edits.into_iter().enumerate() {
        server.change(URI, 2 + i as i64, vec![edit]);
    }
    server.healthy();
}
