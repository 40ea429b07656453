//! The server's stdin and stdout, and what is answered before tower-lsp-server.
//!
//! ```text
//! stdin ─ reader thread ─ dispatcher thread ─┬─ text sync: applied here, in order
//!                         (framing, checks)  ├─ answered here: invalid requests,
//!                                            │  `$/` requests, cancellations
//!                                            └─ the rest ─> tower-lsp-server
//! stdout ─ writer thread <─┬─ tower-lsp-server's output (relayed, filtered)
//!                          └─ diagnostics, logs and answers sent directly
//! ```
//!
//! tower-lsp-server runs at most a few handlers at once and queues
//! notifications behind them, so `didOpen`/`didChange`/`didClose` never go
//! through it, and a `$/cancelRequest` is answered here at once (the framework's
//! late answer for that request is dropped). The session ends when stdin closes
//! or `exit` arrives, even if a handler still waits for the client.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::{Notify, mpsc};
use tower_lsp_server::{LspService, Server};

use super::framing::{self, Decoder, Event};
use super::message::{self, Incoming};
use super::{Backend, Shared};

/// How long the input may pause inside a message before the decoder takes what
/// it has (a client that waits for an answer sends nothing more).
const STALL: Duration = Duration::from_millis(300);
/// How long the framework may take to finish once the input has ended.
const GRACE: Duration = Duration::from_secs(1);
/// Handlers the framework may run at once (its default is 4).
const CONCURRENCY: usize = 32;

/// Messages to the client, framed, in the order they are sent.
#[derive(Clone)]
pub struct Outbox(mpsc::Sender<Vec<u8>>);

impl Outbox {
    fn framed(value: &Value) -> Vec<u8> {
        framing::frame(value.to_string().as_bytes())
    }

    pub async fn send(&self, value: Value) {
        let _ = self.0.send(Self::framed(&value)).await;
    }

    /// A message serialized straight from its typed form, without building a
    /// `serde_json::Value` first (publishing hundreds of diagnostics per
    /// keystroke pays for that tree of maps and strings otherwise).
    pub async fn send_serialized(&self, message: &impl serde::Serialize) {
        // Serializing protocol types cannot fail (no maps with non-string keys,
        // no non-finite floats); if it ever did, nothing is sent.
        if let Ok(body) = serde_json::to_vec(message) {
            let _ = self.0.send(framing::frame(&body)).await;
        }
    }

    /// From the dispatcher thread (never inside the async runtime).
    fn send_blocking(&self, value: Value) {
        let _ = self.0.blocking_send(Self::framed(&value));
    }

    /// Anywhere; dropped when the client does not read its output.
    pub fn send_lossy(&self, value: Value) {
        let _ = self.0.try_send(Self::framed(&value));
    }
}

/// What the dispatcher saw of the session, shared with the relay.
#[derive(Default)]
pub struct Wire {
    /// The `initialize` request was passed on (text sync is accepted from then).
    initialize_id: Mutex<Option<String>>,
    initialized: AtomicBool,
    ready: Notify,
    /// Whether `initialize` has been answered (with a result or an error), for
    /// the dispatcher thread, which holds later messages until then.
    initialize_answered: (Mutex<bool>, Condvar),
    shutdown_requested: AtomicBool,
    exit_received: AtomicBool,
    requests: Mutex<Requests>,
}

#[derive(Default)]
struct Requests {
    /// Ids (as JSON text) passed on to the framework and not answered yet.
    in_flight: HashSet<String>,
    /// Ids answered as cancelled here, whose framework answer is dropped.
    cancelled: HashSet<String>,
}

impl Wire {
    pub fn initialize_seen(&self) -> bool {
        self.initialize_id
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    fn shutdown_seen(&self) -> bool {
        self.shutdown_requested.load(Ordering::Relaxed)
    }

    /// Wait until the `initialize` answer has gone out (publishing before it
    /// would be dropped by the framework and break the protocol).
    pub async fn wait_initialized(&self) {
        loop {
            let notified = self.ready.notified();
            if self.initialized.load(Ordering::Acquire) {
                return;
            }
            notified.await;
        }
    }

    /// Note that `initialize` has been answered, and with a result or not.
    fn mark_initialize_answered(&self, succeeded: bool) {
        if succeeded {
            self.initialized.store(true, Ordering::Release);
            self.ready.notify_waiters();
        }
        let (answered, changed) = &self.initialize_answered;
        *answered.lock().unwrap_or_else(|p| p.into_inner()) = true;
        changed.notify_all();
    }

    /// Block the dispatcher thread while `initialize` is being handled: the
    /// framework refuses anything else until it has answered, and a client may
    /// send its next messages without waiting for that answer.
    fn wait_initialize_answered(&self, limit: Duration) {
        if !self.initialize_seen() {
            return;
        }
        let (answered, changed) = &self.initialize_answered;
        let guard = answered.lock().unwrap_or_else(|p| p.into_inner());
        let _ = changed.wait_timeout_while(guard, limit, |answered| !*answered);
    }

    fn lock_requests(&self) -> std::sync::MutexGuard<'_, Requests> {
        self.requests.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Serve LSP on stdin/stdout until `exit` or the end of stdin.
pub fn serve_stdio() -> ExitCode {
    limit_allocator_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Few blocking threads: each one costs a stack and an allocator arena,
        // and a burst of requests waits its turn instead.
        .max_blocking_threads(8)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("unres: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let (out_sender, out_receiver) = mpsc::channel::<Vec<u8>>(256);
    let outbox = Outbox(out_sender);
    let ended = Arc::new(Notify::new());
    let output_closed = Arc::new(AtomicBool::new(false));
    let writer = spawn_writer(out_receiver, Arc::clone(&ended), Arc::clone(&output_closed));
    let chunks = spawn_stdin_reader();
    let wire = Arc::new(Wire::default());
    let handle = runtime.handle().clone();

    runtime.block_on(async {
        let (to_framework, framework_input) = mpsc::channel::<Vec<u8>>(64);
        let (input_reader, input_writer) = tokio::io::duplex(1 << 16);
        tokio::spawn(feed_framework(framework_input, input_writer));
        let (output_writer, output_reader) = tokio::io::duplex(1 << 16);
        let relay = tokio::spawn(relay_framework(
            output_reader,
            outbox.clone(),
            Arc::clone(&wire),
        ));

        let shared_slot: Arc<OnceLock<Arc<Shared>>> = Arc::new(OnceLock::new());
        let slot = Arc::clone(&shared_slot);
        let (service, socket) = LspService::build(|client| {
            let backend = Backend::new(client, outbox.clone(), handle, Arc::clone(&wire));
            let _ = slot.set(Arc::clone(&backend.0));
            backend
        })
        .custom_method("unres/documentText", Backend::document_text)
        .finish();
        let Some(shared) = shared_slot.get().cloned() else {
            eprintln!("unres: the server did not start");
            return;
        };
        let dispatcher_ended = Arc::clone(&ended);
        std::thread::spawn(move || {
            Dispatcher {
                shared,
                to_framework,
                negotiated_waited: false,
            }
            .run(chunks);
            dispatcher_ended.notify_one();
        });
        let serve = Server::new(input_reader, output_writer, socket)
            .concurrency_level(CONCURRENCY)
            .serve(service);
        tokio::select! {
            () = serve => {}
            () = async {
                ended.notified().await;
                if !output_closed.load(Ordering::Relaxed) {
                    tokio::time::sleep(GRACE).await;
                }
            } => {}
        }
        // Let the relay pass on what the framework wrote last.
        let _ = tokio::time::timeout(GRACE, relay).await;
    });
    runtime.shutdown_background();
    drop(outbox);
    // The writer ends once every sender is gone; a client that does not read
    // is not waited for.
    let _ = writer.recv_timeout(GRACE);
    let clean =
        wire.shutdown_requested.load(Ordering::Relaxed) && !output_closed.load(Ordering::Relaxed);
    if clean {
        ExitCode::SUCCESS
    } else {
        // `exit` without `shutdown`, or the client went away (LSP: exit code 1).
        ExitCode::FAILURE
    }
}

/// glibc gives threads their own malloc arenas (up to eight per core), and
/// memory freed in one is kept for it: a long session's resident memory then
/// grows with the threads that ever allocated. Two arenas keep it near what is
/// live at little contention on the server's few threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_allocator_arenas() {
    // SAFETY: mallopt only changes allocator parameters; called before the
    // server starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_allocator_arenas() {}

/// Write framed messages to stdout; returns a channel that closes when done.
fn spawn_writer(
    mut frames: mpsc::Receiver<Vec<u8>>,
    ended: Arc<Notify>,
    output_closed: Arc<AtomicBool>,
) -> Receiver<()> {
    let (done, done_receiver) = sync_channel::<()>(1);
    std::thread::spawn(move || {
        let mut stdout = std::io::stdout().lock();
        while let Some(frame) = frames.blocking_recv() {
            if stdout
                .write_all(&frame)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                // The client is gone: nothing more can be said.
                output_closed.store(true, Ordering::Relaxed);
                ended.notify_one();
                break;
            }
        }
        drop(done);
    });
    done_receiver
}

/// Read stdin in chunks on its own thread (a blocking read cannot be timed out;
/// the dispatcher waits on the channel instead).
fn spawn_stdin_reader() -> Receiver<Vec<u8>> {
    let (sender, receiver) = sync_channel::<Vec<u8>>(16);
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buffer = vec![0u8; 1 << 16];
        loop {
            match stdin.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    if sender.send(buffer[..n].to_vec()).is_err() {
                        break;
                    }
                }
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    });
    receiver
}

async fn feed_framework(mut frames: mpsc::Receiver<Vec<u8>>, mut input: tokio::io::DuplexStream) {
    while let Some(frame) = frames.recv().await {
        if input.write_all(&frame).await.is_err() {
            return;
        }
    }
}

/// Just enough of a framework message to route it.
#[derive(Deserialize)]
struct Routing {
    id: Option<Value>,
    method: Option<String>,
    result: Option<serde::de::IgnoredAny>,
}

/// Pass the framework's output on, dropping answers to requests cancelled here
/// and noting when `initialize` has been answered.
async fn relay_framework(output: tokio::io::DuplexStream, outbox: Outbox, wire: Arc<Wire>) {
    let mut reader = BufReader::new(output);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length:") {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let Some(length) = length else { continue };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let Ok(routing) = serde_json::from_slice::<Routing>(&body) else {
            continue;
        };
        if let (None, Some(id)) = (&routing.method, &routing.id) {
            let key = id.to_string();
            let dropped = {
                let mut requests = wire.lock_requests();
                requests.in_flight.remove(&key);
                requests.cancelled.remove(&key)
            };
            if dropped {
                continue;
            }
            let is_initialize = wire
                .initialize_id
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .as_deref()
                == Some(key.as_str());
            if is_initialize {
                let _ = outbox.0.send(framing::frame(&body)).await;
                wire.mark_initialize_answered(routing.result.is_some());
                continue;
            }
        }
        if outbox.0.send(framing::frame(&body)).await.is_err() {
            return;
        }
    }
}

/// How long later messages wait for the `initialize` answer; a server whose
/// `initialize` takes longer is answering nothing anyway.
const INITIALIZE_LIMIT: Duration = Duration::from_secs(10);

struct Dispatcher {
    shared: Arc<Shared>,
    to_framework: mpsc::Sender<Vec<u8>>,
    /// The first text sync after `initialize` waits for the position encoding.
    negotiated_waited: bool,
}

enum Flow {
    Continue,
    Exit,
}

impl Dispatcher {
    fn run(mut self, chunks: Receiver<Vec<u8>>) {
        let mut decoder = Decoder::default();
        loop {
            let events = if decoder.is_waiting() {
                match chunks.recv_timeout(STALL) {
                    Ok(chunk) => decoder.push(&chunk),
                    Err(RecvTimeoutError::Timeout) => decoder.stalled(),
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match chunks.recv() {
                    Ok(chunk) => decoder.push(&chunk),
                    Err(_) => break,
                }
            };
            for event in events {
                if let Flow::Exit = self.handle(event) {
                    return;
                }
            }
        }
        // End of input: a last message shorter than its length is still read.
        for event in decoder.stalled() {
            if let Flow::Exit = self.handle(event) {
                return;
            }
        }
    }

    fn wire(&self) -> &Wire {
        &self.shared.wire
    }

    fn forward(&self, value: &Value) {
        let _ = self
            .to_framework
            .blocking_send(framing::frame(value.to_string().as_bytes()));
    }

    fn answer_error(&self, id: &Value, code: i64, text: &str) {
        self.shared
            .outbox
            .send_blocking(message::error_response(id, code, text));
    }

    fn handle(&mut self, event: Event) -> Flow {
        match event {
            Event::Garbage(reason) => {
                self.shared
                    .log_warning(format!("unres: ignored input from the client: {reason}"));
                Flow::Continue
            }
            Event::Message { value, repaired } => self.handle_message(value, repaired),
        }
    }

    fn handle_message(&mut self, value: Value, repaired: bool) -> Flow {
        let lost_change = lost_change_uri(&value);
        let method = value.get("method").and_then(Value::as_str);
        // Responses pass: a handler (even `initialize`'s) may wait for one.
        if method.is_some_and(|m| !matches!(m, "exit" | "$/cancelRequest")) {
            self.wire().wait_initialize_answered(INITIALIZE_LIMIT);
        }
        match message::classify(value) {
            Incoming::Invalid { id, reason } => {
                self.shared.log_warning(format!(
                    "unres: ignored a message that is not JSON-RPC 2.0: {reason}"
                ));
                if let Some(id) = id {
                    self.answer_error(&id, message::INVALID_REQUEST, &reason);
                }
                if let Some(uri) = lost_change {
                    self.shared.lost_change(&uri);
                }
            }
            Incoming::Request { id, method, .. } if method.starts_with("$/") => {
                self.answer_error(
                    &id,
                    message::METHOD_NOT_FOUND,
                    &format!("unknown method {method}"),
                );
            }
            Incoming::Request { id, method, params } => {
                let key = id.to_string();
                match method.as_str() {
                    "initialize" => {
                        let mut initialize = self
                            .wire()
                            .initialize_id
                            .lock()
                            .unwrap_or_else(|p| p.into_inner());
                        if initialize.is_some() {
                            // The framework would run a second one alongside the
                            // first if it came before the first was answered.
                            drop(initialize);
                            self.answer_error(&id, message::INVALID_REQUEST, "already initialized");
                            return Flow::Continue;
                        }
                        *initialize = Some(key.clone());
                    }
                    "shutdown" if self.wire().initialize_seen() => {
                        self.wire()
                            .shutdown_requested
                            .store(true, Ordering::Relaxed);
                    }
                    _ => {}
                }
                self.wire().lock_requests().in_flight.insert(key);
                self.forward(&message::request_json(Some(&id), &method, params.as_ref()));
            }
            Incoming::Notification { method, params } => match method.as_str() {
                "exit" => {
                    self.wire().exit_received.store(true, Ordering::Relaxed);
                    self.forward(&message::request_json(None, &method, None));
                    return Flow::Exit;
                }
                "$/cancelRequest" => {
                    if let Some(id) = params.as_ref().and_then(|p| p.get("id")) {
                        self.cancel(id);
                    }
                    self.forward(&message::request_json(None, &method, params.as_ref()));
                }
                "textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose" => {
                    self.text_sync(&method, params.unwrap_or(Value::Null), repaired);
                }
                _ => self.forward(&message::request_json(None, &method, params.as_ref())),
            },
            Incoming::Response(response) => self.forward(&response),
        }
        Flow::Continue
    }

    /// Answer a request still in the framework as cancelled, now.
    fn cancel(&self, id: &Value) {
        let key = id.to_string();
        let answer = {
            let mut requests = self.wire().lock_requests();
            requests.in_flight.contains(&key) && requests.cancelled.insert(key)
        };
        if answer {
            self.answer_error(id, message::REQUEST_CANCELLED, "cancelled");
        }
    }

    fn text_sync(&mut self, method: &str, params: Value, repaired: bool) {
        if !self.wire().initialize_seen() || self.wire().shutdown_seen() {
            return; // The framework would drop these too.
        }
        if !self.negotiated_waited {
            self.negotiated_waited = true;
            self.shared.wait_negotiated(Duration::from_secs(2));
        }
        let uri = params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if repaired {
            self.shared
                .repaired_text(uri.as_deref().unwrap_or("a document"));
        }
        let decoded = match method {
            "textDocument/didOpen" => {
                serde_json::from_value(params).map(|p| self.shared.open_document(p))
            }
            "textDocument/didChange" => {
                serde_json::from_value(params).map(|p| self.shared.change_document(p))
            }
            _ => serde_json::from_value(params).map(|p| self.shared.close_document(p)),
        };
        if let Err(error) = decoded {
            self.shared.log_warning(format!(
                "unres: ignored a {method} that cannot be read: {error}"
            ));
            if method == "textDocument/didChange" {
                if let Some(uri) = uri {
                    self.shared.lost_change(&uri);
                }
            }
        }
    }
}

/// The document of a `didChange` that could not be used, if it says which.
fn lost_change_uri(value: &Value) -> Option<String> {
    (value.get("method")? == "textDocument/didChange")
        .then(|| {
            value
                .pointer("/params/textDocument/uri")?
                .as_str()
                .map(str::to_owned)
        })
        .flatten()
}

/// The answer to `unres/documentText` (the server's copy of a document, for
/// tests and for a client that wants to check it is in sync).
pub fn document_text_answer(text: Option<String>) -> Value {
    json!({ "text": text })
}
