//! The language server: the only layer that knows LSP types and JSON.
//!
//! Concurrency (see ARCHITECTURE.md): `transport` reads stdin on its own
//! thread, applies text sync there in arrival order ([`documents::Documents`]),
//! answers what needs no handler, and passes the rest to tower-lsp-server.
//! Readers take an `Arc` snapshot and compute on a blocking thread, where a panic
//! becomes an error answer instead of taking the server down (hover, completion
//! and code actions on an analysed version compute in place, the panic caught). The analysis of a
//! version is computed once and shared; diagnostics are published for the
//! document instance and version they were computed for, or not at all.

mod commands;
mod compare_with;
mod completion;
mod convert;
mod cross_links;
mod diagnostics;
mod documents;
mod framing;
mod hover;
mod indexing;
mod lenses;
mod message;
mod navigation;
mod outline;
mod project;
mod pull;
mod requests;
mod semantic_tokens;
mod settings;
mod suppression_actions;
mod symbols;
mod transport;
mod workspace;

use std::collections::HashSet;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::format::on_enter;
use crate::analysis::settings::{Layer, Resolved};
use crate::analysis::workspace::WorkspaceIndex;
use crate::analysis::{Catalog, Config, agreed_language, record, tokens};
use crate::text::PositionEncoding;
use documents::{Documents, Snapshot};
use transport::{Outbox, Wire};

/// How long the client may take to answer `workspace/configuration`.
const CLIENT_ANSWER_TIMEOUT: Duration = Duration::from_secs(10);

/// What requests read besides the document: the settings, the record (embedded
/// catalog + the user's catalogs + the workspace's resolutions) and the workspace
/// index. Replaced as a whole when one of them changes; never per keystroke.
#[derive(Clone)]
pub struct Knowledge {
    /// The configuration, record and settings of the document a request is
    /// about (its project file's scope), or of the editor settings alone.
    pub config: Arc<Config>,
    pub catalog: Arc<Catalog>,
    pub settings: Arc<Resolved>,
    pub workspace: Arc<WorkspaceIndex>,
    /// Every project file's scope, and which governs each document directory.
    pub scopes: Arc<project::Scopes>,
    /// Bumped on every replacement: cached analyses of another generation are
    /// stale.
    pub generation: u64,
}

impl Knowledge {
    fn new(default: project::Scope) -> Self {
        let scopes = project::Scopes::new(default);
        Knowledge {
            config: Arc::clone(&scopes.default.config),
            catalog: Arc::clone(&scopes.default.catalog),
            settings: Arc::clone(&scopes.default.resolved),
            workspace: Arc::new(WorkspaceIndex::new()),
            scopes: Arc::new(scopes),
            generation: 0,
        }
    }

    /// This knowledge as seen by the document `uri`: its project file's
    /// configuration and record when one governs it.
    fn for_document(mut self, uri: &Uri) -> Self {
        let scope = project::document_dir(uri).and_then(|dir| self.scopes.for_dir(&dir).cloned());
        if let Some(scope) = scope {
            self.config = Arc::clone(&scope.config);
            self.catalog = Arc::clone(&scope.catalog);
            self.settings = Arc::clone(&scope.resolved);
        }
        self
    }

    /// Is `uri` left out by the `exclude` globs of its settings?
    fn excludes(&self, uri: &Uri) -> bool {
        let Some(path) = uri.to_file_path() else {
            return false;
        };
        let root = Path::new("/");
        crate::analysis::settings::matches(&self.settings.exclude, &path, root)
    }
}

/// The server's state, shared by the framework's handlers and the dispatcher.
pub struct Shared {
    client: Client,
    outbox: Outbox,
    runtime: tokio::runtime::Handle,
    wire: Arc<Wire>,
    documents: Documents,
    encoding: RwLock<PositionEncoding>,
    /// Set once `initialize` has chosen the position encoding.
    negotiated: (Mutex<bool>, Condvar),
    knowledge: RwLock<Knowledge>,
    generations: AtomicU64,
    /// The editor's `unres` settings, as last received.
    editor: RwLock<Layer>,
    roots: RwLock<Vec<PathBuf>>,
    can_pull_configuration: AtomicBool,
    can_watch_files: AtomicBool,
    can_report_progress: AtomicBool,
    /// The client opens URIs it is given (`window/showDocument`).
    can_show_document: AtomicBool,
    /// The client pulls diagnostics: nothing is pushed to it.
    client_pulls: AtomicBool,
    /// The client resolves a code action's edit when it is chosen.
    client_resolves_edits: AtomicBool,
    client_refreshes_diagnostics: AtomicBool,
    progress_tokens: AtomicI32,
    /// Held from the last check that a publish is current until it is sent, so
    /// an older publish never lands after a newer one.
    publish_order: tokio::sync::Mutex<()>,
    /// Problems the user has been told about once already.
    told: Mutex<HashSet<&'static str>>,
    /// The semantic tokens last sent per document, for deltas.
    tokens_sent: semantic_tokens::Sent,
}

/// The framework's handle on [`Shared`].
pub struct Backend(Arc<Shared>);

impl Deref for Backend {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl Backend {
    fn new(
        client: Client,
        outbox: Outbox,
        runtime: tokio::runtime::Handle,
        wire: Arc<Wire>,
    ) -> Self {
        Backend(Arc::new(Shared {
            client,
            outbox,
            runtime,
            wire,
            documents: Documents::default(),
            encoding: RwLock::new(PositionEncoding::Utf16),
            negotiated: (Mutex::new(false), Condvar::new()),
            knowledge: RwLock::new(Knowledge::new(project::build_scope(
                &Layer::default(),
                None,
                None,
                "",
            ))),
            generations: AtomicU64::new(0),
            editor: RwLock::new(Layer::default()),
            roots: RwLock::new(Vec::new()),
            can_pull_configuration: AtomicBool::new(false),
            can_watch_files: AtomicBool::new(false),
            can_report_progress: AtomicBool::new(false),
            can_show_document: AtomicBool::new(false),
            client_pulls: AtomicBool::new(false),
            client_resolves_edits: AtomicBool::new(false),
            client_refreshes_diagnostics: AtomicBool::new(false),
            progress_tokens: AtomicI32::new(0),
            publish_order: tokio::sync::Mutex::new(()),
            told: Mutex::new(HashSet::new()),
            tokens_sent: semantic_tokens::Sent::default(),
        }))
    }

    /// `unres/documentText`: the server's copy of an open document.
    async fn document_text(&self, params: TextDocumentIdentifier) -> Result<Value> {
        Ok(transport::document_text_answer(
            self.documents.text(&params.uri),
        ))
    }
}

impl Shared {
    fn encoding(&self) -> PositionEncoding {
        *self.encoding.read().unwrap_or_else(|p| p.into_inner())
    }

    fn set_encoding(&self, encoding: PositionEncoding) {
        *self.encoding.write().unwrap_or_else(|p| p.into_inner()) = encoding;
        let (done, changed) = &self.negotiated;
        *done.lock().unwrap_or_else(|p| p.into_inner()) = true;
        changed.notify_all();
    }

    /// Wait (a bounded time) until `initialize` has chosen the encoding.
    fn wait_negotiated(&self, limit: Duration) {
        let (done, changed) = &self.negotiated;
        let guard = done.lock().unwrap_or_else(|p| p.into_inner());
        let _ = changed.wait_timeout_while(guard, limit, |done| !*done);
    }

    fn knowledge(&self) -> Knowledge {
        self.knowledge
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replace part of the knowledge; analyses cached for the old one go stale.
    fn update_knowledge(&self, change: impl FnOnce(&mut Knowledge)) {
        let mut knowledge = self.knowledge.write().unwrap_or_else(|p| p.into_inner());
        change(&mut knowledge);
        knowledge.generation = self.generations.fetch_add(1, Ordering::Relaxed) + 1;
    }

    /// Replace the workspace index while keeping the generation: only for an
    /// index whose record, the one part the analyses read, is unchanged.
    fn replace_workspace_index(&self, index: Arc<WorkspaceIndex>) {
        self.knowledge
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .workspace = index;
    }

    fn generation(&self) -> u64 {
        self.knowledge
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .generation
    }

    /// A log line for the client (and stderr before the client can take one).
    fn log(&self, kind: MessageType, message: String) {
        if self.wire.initialize_seen() {
            self.outbox.send_lossy(json!({
                "jsonrpc": "2.0",
                "method": "window/logMessage",
                "params": {"type": kind, "message": message},
            }));
        } else {
            eprintln!("{message}");
        }
    }

    fn log_warning(&self, message: String) {
        self.log(MessageType::WARNING, message);
    }

    /// Log `message`, and show it the first time a problem of this `kind` occurs.
    fn tell_once(&self, kind: &'static str, message: String) {
        let first = self
            .told
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(kind);
        if first && self.wire.initialize_seen() {
            self.outbox.send_lossy(json!({
                "jsonrpc": "2.0",
                "method": "window/showMessage",
                "params": {"type": MessageType::WARNING, "message": message},
            }));
        }
        self.log_warning(message);
    }

    fn open_document(self: &Arc<Self>, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        self.documents
            .open(document.uri.clone(), document.version, &document.text);
        self.schedule_publish(document.uri);
    }

    fn change_document(self: &Arc<Self>, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let Some(changed) =
            self.documents
                .change(&uri, version, params.content_changes, self.encoding())
        else {
            self.log(
                MessageType::ERROR,
                format!(
                    "unres: change for a document that is not open: {}",
                    uri.as_str()
                ),
            );
            return;
        };
        if let Some((current, received)) = changed.went_backwards {
            self.tell_once(
                "version",
                format!(
                    "unres: a change to {} has version {received}, not newer than {current}; it was applied in the order received",
                    uri.as_str()
                ),
            );
        }
        if changed.resynced {
            self.log(
                MessageType::INFO,
                format!("unres: {} is in sync again", uri.as_str()),
            );
        }
        self.schedule_publish(uri);
    }

    fn close_document(self: &Arc<Self>, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents.close(&uri);
        self.tokens_sent.forget(&uri);
        if self.client_pulls.load(Ordering::Relaxed) {
            return;
        }
        let shared = Arc::clone(self);
        self.runtime.spawn(async move {
            shared.wire.wait_initialized().await;
            let _order = shared.publish_order.lock().await;
            if !shared.documents.is_open(&uri) {
                shared.send_diagnostics(uri, Vec::new(), None).await;
            }
        });
    }

    /// A change to `uri` could not be used: the texts may differ from here on.
    fn lost_change(self: &Arc<Self>, uri: &str) {
        let Ok(uri) = uri.parse::<Uri>() else {
            return;
        };
        if self.documents.mark_out_of_sync(&uri) {
            self.tell_once(
                "lost change",
                format!(
                    "unres: a change to {} could not be read, so the server's copy may differ from the editor's; its diagnostics are cleared until the document is reopened or its whole text is sent",
                    uri.as_str()
                ),
            );
            self.schedule_publish(uri);
        }
    }

    /// Text that was not valid Unicode (an unpaired surrogate, invalid UTF-8).
    fn repaired_text(&self, uri: &str) {
        self.tell_once(
            "repaired",
            format!(
                "unres: text sent for {uri} is not valid Unicode (an unpaired surrogate or invalid UTF-8); U+FFFD stands in its place"
            ),
        );
    }

    async fn send_diagnostics(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        #[derive(serde::Serialize)]
        struct Notification {
            jsonrpc: &'static str,
            method: &'static str,
            params: PublishDiagnosticsParams,
        }
        let message = Notification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        };
        self.outbox.send_serialized(&message).await;
    }

    /// Analyze `uri` off the reactor and publish. At most one publish task runs
    /// per document; edits that arrive meanwhile are published when it is done.
    fn schedule_publish(self: &Arc<Self>, uri: Uri) {
        let Some(instance) = self.documents.claim_publish(&uri) else {
            return;
        };
        let shared = Arc::clone(self);
        self.runtime.spawn(async move {
            shared.wire.wait_initialized().await;
            loop {
                // Knowledge replaced meanwhile: the result is stale, go again.
                if shared.publish_once(&uri, instance).await {
                    continue;
                }
                if !shared.documents.publish_done(&uri, instance) {
                    break;
                }
            }
        });
    }

    /// Publish the newest version of `uri`; true when the server's knowledge
    /// changed while it was analyzed (the result was dropped).
    async fn publish_once(self: &Arc<Self>, uri: &Uri, instance: u64) -> bool {
        if self.client_pulls.load(Ordering::Relaxed) {
            return false;
        }
        if project::is_project_file(uri) {
            // A project file opened in the editor: its problems are published
            // with its scope, not as a resolution's.
            return false;
        }
        self.ensure_scope(uri).await;
        let knowledge = self.knowledge().for_document(uri);
        let Some(snapshot) = self.documents.snapshot(uri, knowledge.generation) else {
            return false;
        };
        if snapshot.instance != instance {
            return false;
        }
        let version = snapshot.version;
        let computed = if knowledge.excludes(uri) {
            Ok(Some(Vec::new()))
        } else if self.documents.is_in_sync(uri) {
            let encoding = self.encoding();
            let for_uri = uri.clone();
            let shared = Arc::clone(self);
            tokio::task::spawn_blocking(move || {
                // Typing ahead makes this version stale: skip the work.
                if !shared.documents.is_current(&for_uri, instance, version) {
                    return None;
                }
                let found = snapshot.diagnostics(&knowledge.config, &knowledge.catalog);
                Some(
                    found
                        .iter()
                        .map(|d| diagnostics::to_lsp(&snapshot.tree, &for_uri, d, encoding))
                        .collect::<Vec<_>>(),
                )
            })
            .await
        } else {
            // Out of sync: positions would point at the wrong text.
            Ok(Some(Vec::new()))
        };
        match computed {
            Ok(Some(diagnostics)) => {
                let _order = self.publish_order.lock().await;
                if !self.documents.is_current(uri, instance, version) {
                    return false; // A newer version is on its way.
                }
                if self.generation() != knowledge.generation {
                    return true;
                }
                self.send_diagnostics(uri.clone(), diagnostics, Some(version))
                    .await;
            }
            Ok(None) => {} // A newer version is on its way.
            Err(error) => self.log(
                MessageType::ERROR,
                format!("unres: analysis of {} failed: {error}", uri.as_str()),
            ),
        }
        false
    }

    fn republish_all(self: &Arc<Self>) {
        if self.client_pulls.load(Ordering::Relaxed) {
            if self.client_refreshes_diagnostics.load(Ordering::Relaxed) {
                let shared = Arc::clone(self);
                self.runtime.spawn(async move {
                    shared.wire.wait_initialized().await;
                    let _ = shared.client.workspace_diagnostic_refresh().await;
                });
            }
            return;
        }
        for uri in self.documents.uris() {
            self.schedule_publish(uri);
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (layer, problems) = settings::parse(value);
        *self.editor.write().unwrap_or_else(|p| p.into_inner()) = layer;
        self.rebuild_scopes().await;
        for problem in problems {
            // Straight to the client: settings read at `initialize` are
            // problems to show before the framework would pass them on.
            let message = format!("unres settings: {problem}");
            self.outbox.send_lossy(json!({
                "jsonrpc": "2.0",
                "method": "window/showMessage",
                "params": {"type": MessageType::WARNING, "message": message},
            }));
            self.log_warning(message);
        }
    }

    /// Run a feature on a snapshot of `uri` on a blocking thread. `Ok(None)` when
    /// the document is not open; an error answer (and a log line) when it panics.
    async fn with_snapshot<T: Send + 'static>(
        &self,
        feature: &'static str,
        uri: &Uri,
        work: impl FnOnce(Snapshot, PositionEncoding, Knowledge) -> Option<T> + Send + 'static,
    ) -> Result<Option<T>> {
        self.run_on_snapshot(feature, uri, false, work).await
    }

    /// Like [`Shared::with_snapshot`], for a feature that reads one line and
    /// the version's findings: when the analysis of the version is done, it
    /// runs at once on the handler's thread (a hand-off to a blocking thread
    /// and back costs more than the work), else on a blocking thread.
    async fn with_analyzed_snapshot<T: Send + 'static>(
        &self,
        feature: &'static str,
        uri: &Uri,
        work: impl FnOnce(Snapshot, PositionEncoding, Knowledge) -> Option<T> + Send + 'static,
    ) -> Result<Option<T>> {
        self.run_on_snapshot(feature, uri, true, work).await
    }

    async fn run_on_snapshot<T: Send + 'static>(
        &self,
        feature: &'static str,
        uri: &Uri,
        inline_when_analyzed: bool,
        work: impl FnOnce(Snapshot, PositionEncoding, Knowledge) -> Option<T> + Send + 'static,
    ) -> Result<Option<T>> {
        let knowledge = self.knowledge().for_document(uri);
        let Some(snapshot) = self.documents.snapshot(uri, knowledge.generation) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let outcome = if inline_when_analyzed && snapshot.is_analyzed() {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                work(snapshot, encoding, knowledge)
            }))
            .map_err(|panic| panic_message(panic.as_ref()))
        } else {
            tokio::task::spawn_blocking(move || work(snapshot, encoding, knowledge))
                .await
                .map_err(|error| error.to_string())
        };
        outcome.map_err(|error| {
            let message = format!("unres: {feature} failed on {}: {error}", uri.as_str());
            self.log(MessageType::ERROR, message.clone());
            jsonrpc::Error {
                code: jsonrpc::ErrorCode::InternalError,
                message: message.into(),
                data: None,
            }
        })
    }
}

/// What a caught panic says, as the blocking pool's `JoinError` would.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned());
    format!("panicked: {text}")
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = convert::negotiate(offered);
        self.set_encoding(encoding);
        let can_pull = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        self.can_pull_configuration
            .store(can_pull, Ordering::Relaxed);
        let can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.can_watch_files.store(can_watch, Ordering::Relaxed);
        let can_progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        self.can_report_progress
            .store(can_progress, Ordering::Relaxed);
        let can_show = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.show_document.as_ref())
            .is_some_and(|s| s.support);
        self.can_show_document.store(can_show, Ordering::Relaxed);
        self.client_pulls
            .store(pull::client_pulls(&params.capabilities), Ordering::Relaxed);
        let resolves_edits = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.code_action.as_ref())
            .is_some_and(|c| {
                c.data_support == Some(true)
                    && c.resolve_support
                        .as_ref()
                        .is_some_and(|r| r.properties.iter().any(|p| p == "edit"))
            });
        self.client_resolves_edits
            .store(resolves_edits, Ordering::Relaxed);
        self.client_refreshes_diagnostics.store(
            pull::client_refreshes(&params.capabilities),
            Ordering::Relaxed,
        );
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|folder| folder.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)] // Older clients send only `rootUri`.
        if roots.is_empty() {
            if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path()) {
                roots.push(root.into_owned());
            }
        }
        *self.roots.write().unwrap_or_else(|p| p.into_inner()) = roots;
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options).await;
        }
        // Before the first document (about 10 ms): the first hover, completion
        // or code action would otherwise compile the patterns and build the
        // tables it reads (up to 1.4 ms), and the first analysis the rules'
        // tables. Done before the answer, not beside the first analysis, whose
        // allocations it would spread over a second allocator arena.
        let knowledge = self.knowledge();
        let _ = tokio::task::spawn_blocking(move || requests::warm_up(&knowledge)).await;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                diagnostic_provider: Some(pull::options()),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                document_range_formatting_provider: Some(OneOf::Left(true)),
                document_on_type_formatting_provider: Some(DocumentOnTypeFormattingOptions {
                    first_trigger_character: "\n".to_owned(),
                    more_trigger_character: None,
                }),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".to_owned(), "/".to_owned(), "\t".to_owned()]),
                    resolve_provider: Some(true),
                    ..CompletionOptions::default()
                }),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: semantic_tokens::legend(),
                            full: Some(SemanticTokensFullOptions::Delta { delta: Some(true) }),
                            range: Some(true),
                            ..SemanticTokensOptions::default()
                        },
                    ),
                ),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            suppression_actions::fix_all_kind(),
                            compare_with::action_kind(),
                        ]),
                        resolve_provider: Some(true),
                        ..CodeActionOptions::default()
                    },
                )),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: commands::names(),
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "unres".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.client
            .log_message(
                MessageType::INFO,
                format!(
                    "unres {} ready (positions in {:?})",
                    env!("CARGO_PKG_VERSION"),
                    self.encoding()
                ),
            )
            .await;
        self.pull_configuration().await;
        // Documents opened meanwhile were analyzed with the settings before.
        self.0.republish_all();
        if !self.watch_files().await {
            self.0.poll_project_files();
        }
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        match params.settings.get("unres") {
            Some(section) => {
                let section = section.clone();
                self.apply_settings(&section).await;
            }
            None => self.pull_configuration().await,
        }
        self.0.republish_all();
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        self.with_analyzed_snapshot("hover", &uri, move |snapshot, encoding, knowledge| {
            requests::hover_at(&snapshot, encoding, &knowledge, position)
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        let target = uri.clone();
        self.with_snapshot("definition", &uri, move |snapshot, encoding, knowledge| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            if let Some(span) = navigation::footnote_definition(tree, line, byte)
                .or_else(|| cross_links::definition(tree, line, byte))
            {
                return Some(GotoDefinitionResponse::Scalar(Location::new(
                    target,
                    convert::range(tree, span, encoding),
                )));
            }
            // A cited resolution held in a workspace file: open it at its title.
            let symbol = record::definition_symbol(tree, line, byte)?;
            let entry = knowledge.workspace.get(&symbol)?;
            let file: Uri = entry.file.parse().ok()?;
            let at = Position::new(entry.summary.title_line as u32, 0);
            Some(GotoDefinitionResponse::Scalar(Location::new(
                file,
                Range::new(at, at),
            )))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let position = params.text_document_position.position;
        let uri = params.text_document_position.text_document.uri;
        let include = params.context.include_declaration;
        let target = uri.clone();
        self.with_snapshot("references", &uri, move |snapshot, encoding, _| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let mut spans = navigation::footnote_references(tree, line, byte, include);
            if spans.is_empty() {
                spans = cross_links::references(tree, line, byte, include).unwrap_or_default();
            }
            Some(
                spans
                    .into_iter()
                    .map(|span| Location::new(target.clone(), convert::range(tree, span, encoding)))
                    .collect(),
            )
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        self.with_snapshot("documentHighlight", &uri, move |snapshot, encoding, _| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let (paragraph, citing) = cross_links::highlights(tree, line, byte)?;
            let highlight = |span, kind| DocumentHighlight {
                range: convert::range(tree, span, encoding),
                kind: Some(kind),
            };
            let mut out = vec![highlight(paragraph, DocumentHighlightKind::WRITE)];
            out.extend(
                citing
                    .into_iter()
                    .map(|span| highlight(span, DocumentHighlightKind::READ)),
            );
            Some(out)
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let position = params.position;
        self.with_snapshot(
            "prepareRename",
            &params.text_document.uri,
            move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                let (line, byte) = convert::offset(tree, position, encoding);
                let span = cross_links::prepare_rename(tree, line, byte)?;
                Some(PrepareRenameResponse::Range(convert::range(
                    tree, span, encoding,
                )))
            },
        )
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let position = params.text_document_position.position;
        let uri = params.text_document_position.text_document.uri;
        let target = uri.clone();
        let renamed = self
            .with_snapshot("rename", &uri, move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                let (line, byte) = convert::offset(tree, position, encoding);
                Some(
                    cross_links::rename(tree, line, byte, &params.new_name).map(|edits| {
                        let edits = edits
                            .iter()
                            .map(|edit| convert::text_edit(tree, edit, encoding))
                            .collect();
                        WorkspaceEdit::new(std::iter::once((target, edits)).collect())
                    }),
                )
            })
            .await?;
        match renamed {
            None => Ok(None),
            Some(Ok(edit)) => Ok(Some(edit)),
            Some(Err(reason)) => Err(jsonrpc::Error::invalid_params(reason)),
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.with_snapshot(
            "documentSymbol",
            &params.text_document.uri,
            |snapshot, encoding, _| {
                Some(DocumentSymbolResponse::Nested(outline::document_symbols(
                    &snapshot.tree,
                    encoding,
                )))
            },
        )
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let shared = Arc::clone(&self.0);
        let knowledge = self.knowledge();
        let query = params.query;
        let found = tokio::task::spawn_blocking(move || {
            let encoding = shared.encoding();
            let mut out = Vec::new();
            let mut open = shared.documents.uris();
            open.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            for uri in &open {
                if let Some(snapshot) = shared.documents.snapshot(uri, knowledge.generation) {
                    symbols::resolution_symbols(&snapshot.tree, uri, &query, encoding, &mut out);
                }
            }
            let files = knowledge.workspace.files();
            for file in files {
                if symbols::full(&out) {
                    break;
                }
                let Ok(uri) = file.parse::<Uri>() else {
                    continue;
                };
                if !open.contains(&uri) {
                    symbols::file_symbols(&uri, &query, encoding, &mut out);
                }
            }
            out
        })
        .await
        .unwrap_or_default();
        Ok(Some(WorkspaceSymbolResponse::Flat(found)))
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        let positions = params.positions;
        self.with_snapshot(
            "selectionRange",
            &params.text_document.uri,
            move |snapshot, encoding, _| {
                Some(
                    positions
                        .iter()
                        .map(|p| symbols::selection_range(&snapshot.tree, *p, encoding))
                        .collect(),
                )
            },
        )
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.with_snapshot(
            "foldingRange",
            &params.text_document.uri,
            |snapshot, _, _| Some(outline::folding_ranges(&snapshot.tree)),
        )
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.with_snapshot(
            "inlayHint",
            &params.text_document.uri,
            move |snapshot, encoding, knowledge| {
                let tree = &snapshot.tree;
                let settings = &knowledge.settings;
                let mut labels = crate::analysis::labels::paragraph_labels(tree);
                if settings.operative_labels {
                    labels.extend(crate::analysis::labels::operative_labels(tree));
                }
                if settings.citation_titles {
                    labels.extend(crate::analysis::labels::cited_titles(
                        tree,
                        &knowledge.catalog,
                        Some(&knowledge.workspace),
                    ));
                }
                let labels = crate::analysis::labels::unwritten(tree, labels);
                let lines = range.start.line..=range.end.line;
                let mut hints: Vec<InlayHint> = labels
                    .into_iter()
                    .filter(|l| u32::try_from(l.at.line).is_ok_and(|line| lines.contains(&line)))
                    .map(|l| InlayHint {
                        position: convert::range(tree, l.at, encoding).start,
                        label: InlayHintLabel::String(l.label),
                        kind: None,
                        text_edits: None,
                        tooltip: l.tooltip.map(InlayHintTooltip::String),
                        padding_left: l.after_text.then_some(true),
                        padding_right: (!l.after_text).then_some(true),
                        data: None,
                    })
                    .collect();
                hints.sort_by_key(|h| (h.position.line, h.position.character));
                Some(hints)
            },
        )
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position.position;
        let uri = params.text_document_position.text_document.uri;
        self.with_analyzed_snapshot("completion", &uri, move |snapshot, encoding, knowledge| {
            Some(requests::completion_at(
                &snapshot, encoding, &knowledge, position,
            ))
        })
        .await
    }

    async fn completion_resolve(&self, mut item: CompletionItem) -> Result<CompletionItem> {
        let key = item
            .data
            .as_ref()
            .and_then(|d| d.get("resolution"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        if let (Some(key), None) = (key, &item.documentation) {
            let knowledge = self.knowledge();
            let documentation = tokio::task::spawn_blocking(move || {
                record::resolve_symbol_completion(
                    &key,
                    &knowledge.catalog,
                    Some(&knowledge.workspace),
                )
            })
            .await
            .ok()
            .flatten();
            item.documentation = documentation.map(completion::markdown);
        }
        Ok(item)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let shared = Arc::clone(&self.0);
        let uri = params.text_document.uri;
        let target = uri.clone();
        self.with_snapshot(
            "semanticTokens",
            &uri,
            move |snapshot, encoding, knowledge| {
                let data = semantic_tokens::of_version(
                    &snapshot,
                    &knowledge.config,
                    &knowledge.catalog,
                    encoding,
                );
                let id =
                    pull::open_result_id(snapshot.instance, snapshot.version, knowledge.generation);
                Some(SemanticTokensResult::Tokens(
                    shared.tokens_sent.full(&target, id, data),
                ))
            },
        )
        .await
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> Result<Option<SemanticTokensFullDeltaResult>> {
        let shared = Arc::clone(&self.0);
        let uri = params.text_document.uri;
        let previous = params.previous_result_id;
        let target = uri.clone();
        self.with_snapshot(
            "semanticTokens",
            &uri,
            move |snapshot, encoding, knowledge| {
                let data = semantic_tokens::of_version(
                    &snapshot,
                    &knowledge.config,
                    &knowledge.catalog,
                    encoding,
                );
                let id =
                    pull::open_result_id(snapshot.instance, snapshot.version, knowledge.generation);
                let sent = &shared.tokens_sent;
                Some(
                    match sent.delta(&target, &previous, id.clone(), Arc::clone(&data)) {
                        Some(delta) => SemanticTokensFullDeltaResult::TokensDelta(delta),
                        None => SemanticTokensFullDeltaResult::Tokens(sent.full(&target, id, data)),
                    },
                )
            },
        )
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let range = params.range;
        self.with_snapshot(
            "semanticTokens",
            &params.text_document.uri,
            move |snapshot, encoding, knowledge| {
                let data = semantic_tokens::of_version(
                    &snapshot,
                    &knowledge.config,
                    &knowledge.catalog,
                    encoding,
                );
                Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
                    result_id: None,
                    data: semantic_tokens::within_lines(&data, range.start.line, range.end.line),
                }))
            },
        )
        .await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.with_snapshot(
            "documentLink",
            &params.text_document.uri,
            |snapshot, encoding, knowledge| {
                let tree = &snapshot.tree;
                let views = snapshot.views(&knowledge.config, &knowledge.catalog);
                let links = record::symbol_links_of(tree, &knowledge.catalog, &views.citations)
                    .into_iter()
                    .filter_map(|link| {
                        Some(DocumentLink {
                            range: convert::range(tree, link.span, encoding),
                            target: Some(link.target.parse().ok()?),
                            tooltip: link.tooltip,
                            data: None,
                        })
                    })
                    .collect();
                Some(links)
            },
        )
        .await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let previous = params.previous_result_id;
        let target = uri.clone();
        let in_sync = self.documents.is_in_sync(&uri);
        let report = self
            .with_snapshot("diagnostic", &uri, move |snapshot, encoding, knowledge| {
                let id =
                    pull::open_result_id(snapshot.instance, snapshot.version, knowledge.generation);
                Some(pull::document_report(previous.as_deref(), id, || {
                    if knowledge.excludes(&target) || !in_sync {
                        return Vec::new();
                    }
                    snapshot
                        .diagnostics(&knowledge.config, &knowledge.catalog)
                        .iter()
                        .map(|d| diagnostics::to_lsp(&snapshot.tree, &target, d, encoding))
                        .collect()
                }))
            })
            .await?;
        // A document that is not open has nothing to report.
        Ok(report.unwrap_or_else(|| pull::document_report(None, String::new(), Vec::new)))
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let shared = Arc::clone(&self.0);
        let knowledge = self.knowledge();
        let report = tokio::task::spawn_blocking(move || {
            pull::workspace_report(&shared, &knowledge, &params.previous_result_ids)
        })
        .await
        .unwrap_or_default();
        Ok(WorkspaceDiagnosticReportResult::Report(report))
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.reindex_changed_files(params.changes).await;
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.with_snapshot(
            "formatting",
            &params.text_document.uri,
            |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                Some(
                    crate::analysis::format::format(tree)
                        .iter()
                        .map(|edit| convert::text_edit(tree, edit, encoding))
                        .collect(),
                )
            },
        )
        .await
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        let range = params.range;
        self.with_snapshot(
            "rangeFormatting",
            &params.text_document.uri,
            move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                Some(
                    crate::analysis::format::format_lines(tree, convert::lines_of(range))
                        .iter()
                        .map(|edit| convert::text_edit(tree, edit, encoding))
                        .collect(),
                )
            },
        )
        .await
    }

    async fn on_type_formatting(
        &self,
        params: DocumentOnTypeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        if params.ch != "\n" {
            return Ok(None);
        }
        let position = params.text_document_position.position;
        self.with_snapshot(
            "onTypeFormatting",
            &params.text_document_position.text_document.uri,
            move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                let edit = on_enter::on_enter(tree, position.line as usize)?;
                Some(vec![convert::enter_edit(tree, &edit, encoding)])
            },
        )
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        self.0.execute_command(params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let target = uri.clone();
        self.with_snapshot("codeLens", &uri, move |snapshot, _, knowledge| {
            Some(lenses::code_lenses(
                &snapshot.tree,
                &knowledge.config,
                &target,
            ))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let request = requests::ActionRequest {
            project: self.project_target(&params.text_document.uri),
            target: params.text_document.uri,
            range: params.range,
            only: params.context.only,
            resolves_edits: self.client_resolves_edits.load(Ordering::Relaxed),
        };
        let uri = request.target.clone();
        self.with_analyzed_snapshot("codeAction", &uri, move |snapshot, encoding, knowledge| {
            Some(requests::code_actions_for(
                &snapshot, encoding, &knowledge, &request,
            ))
        })
        .await
    }

    /// The edit of the fix-all action, computed when the user chooses it.
    async fn code_action_resolve(&self, mut action: CodeAction) -> Result<CodeAction> {
        let Some(uri) = suppression_actions::fix_all_target(&action) else {
            return Ok(action);
        };
        let target = uri.clone();
        action.edit = self
            .with_snapshot(
                "codeAction/resolve",
                &uri,
                move |snapshot, encoding, knowledge| {
                    let found = snapshot.diagnostics(&knowledge.config, &knowledge.catalog);
                    Some(suppression_actions::fix_all_edit(
                        &snapshot.tree,
                        &target,
                        &found,
                        encoding,
                    ))
                },
            )
            .await?;
        Ok(action)
    }
}

impl Shared {
    /// Ask the client for the `unres` section, if it can answer.
    async fn pull_configuration(&self) {
        if !self.can_pull_configuration.load(Ordering::Relaxed) {
            return;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("unres".to_owned()),
        };
        let answer =
            tokio::time::timeout(CLIENT_ANSWER_TIMEOUT, self.client.configuration(vec![item]))
                .await;
        let Ok(answer) = answer else {
            self.log_warning("unres: the client did not send its settings in time".to_owned());
            return;
        };
        match answer {
            Ok(values) => {
                if let Some(value) = values.into_iter().next().filter(|v| !v.is_null()) {
                    self.apply_settings(&value).await;
                }
            }
            Err(error) => {
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!("unres: could not read the client's settings: {error}"),
                    )
                    .await;
            }
        }
    }
}

/// Entry points for the fuzz targets (`fuzz/`) and the stable fuzz driver
/// (`tests/fuzz.rs`); not an API.
#[doc(hidden)]
pub mod testing {
    pub use super::framing::{Decoder, Event, MAX_HEADER, frame};
    pub use super::message::{Incoming, classify};

    use super::documents::Documents;
    use crate::syntax::Tree;
    use crate::text::{PositionEncoding, SourceText};
    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

    /// Run everything the server computes for a text (analysis, every feature,
    /// in every encoding, at positions along each line) and check that each span
    /// lies inside its line on character boundaries. Panics propagate.
    pub fn exercise_features(text: &str) -> Result<(), String> {
        use super::*;
        use crate::syntax::Span;
        let tree = Tree::parse(text);
        let knowledge = Knowledge::new(project::build_scope(&Layer::default(), None, None, ""));
        let config = Arc::clone(&knowledge.config);
        let catalog = Arc::clone(&knowledge.catalog);
        let found = crate::analysis::analyze_with(&tree, &config, &catalog);
        let in_line = |span: &Span, what: &str| -> std::result::Result<(), String> {
            let line = tree.line(span.line).map_or("", |l| l.text.as_str());
            let fits = span.start <= span.end
                && span.end <= line.len()
                && line.is_char_boundary(span.start)
                && line.is_char_boundary(span.end);
            let past_end = span.line >= tree.line_count() && span.start == 0 && span.end == 0;
            if fits || past_end {
                Ok(())
            } else {
                Err(format!("{what}: span {span:?} outside line {line:?}"))
            }
        };
        for diagnostic in &found {
            in_line(&diagnostic.span, diagnostic.code)?;
            for (span, _) in &diagnostic.related {
                in_line(span, diagnostic.code)?;
            }
            for edit in diagnostic.fixes.iter().flat_map(|f| &f.edits) {
                in_line(&edit.span, diagnostic.code)?;
            }
        }
        let format_edits = crate::analysis::format::format(&tree);
        for edit in &format_edits {
            in_line(&edit.span, "format")?;
        }
        let uri: Uri = "file:///fuzz.unres".parse().map_err(|e| format!("{e:?}"))?;
        let lines = tree.line_count().min(20);
        let whole = Range::new(Position::new(0, 0), Position::new(u32::MAX, 0));
        for encoding in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for diagnostic in &found {
                diagnostics::to_lsp(&tree, &uri, diagnostic, encoding);
            }
            diagnostics::code_actions(&tree, &uri, &found, whole, encoding);
            super::suppression_actions::suppression_actions(
                &tree, &uri, &found, whole, encoding, None,
            );
            super::suppression_actions::fix_all_edits(&tree, &found, encoding);
            crate::analysis::numbering::renumber_operative(&tree);
            crate::analysis::numbering::renumber_footnotes(&tree);
            outline::document_symbols(&tree, encoding);
            outline::folding_ranges(&tree);
            super::lenses::status(&tree);
            let mut all = tokens::structure_tokens(&tree);
            all.extend(agreed_language::opening_tokens(&tree, &config));
            all.extend(record::citation_tokens(&tree));
            all.extend(crate::analysis::negotiation_view::tokens(&tree));
            let encoded = semantic_tokens::encode(&tree, &tokens::merge(all), encoding);
            let last = u32::try_from(lines).unwrap_or(u32::MAX);
            semantic_tokens::within_lines(&encoded, last / 2, last);
            semantic_tokens::delta(&encoded, &encoded[encoded.len() / 2..]);
            for edit in &format_edits {
                convert::text_edit(&tree, edit, encoding);
            }
            for line in 0..lines {
                for edit in crate::analysis::format::format_lines(&tree, line..=line + 2) {
                    in_line(&edit.span, "range format")?;
                }
                if let Some(edit) = crate::analysis::format::on_enter::on_enter(&tree, line) {
                    for (line, byte) in [edit.start, edit.end] {
                        in_line(&Span::point(line, byte), "on enter")?;
                    }
                    convert::enter_edit(&tree, &edit, encoding);
                }
            }
            let labels = crate::analysis::labels::paragraph_labels(&tree)
                .into_iter()
                .chain(crate::analysis::labels::operative_labels(&tree))
                .chain(crate::analysis::labels::cited_titles(&tree, &catalog, None));
            for label in labels {
                in_line(&label.at, "inlay hint")?;
                convert::range(&tree, label.at, encoding);
            }
            record::symbol_links(&tree, &catalog);
            // Features at positions depend on the encoding only through the
            // conversion; one encoding runs them all.
            let lines = if encoding == PositionEncoding::Utf16 {
                lines
            } else {
                0
            };
            for line in 0..lines {
                let length = tree.line(line).map_or(0, |l| l.text.len()) as u32;
                for character in [
                    0,
                    1,
                    length / 2,
                    length.saturating_sub(1),
                    length,
                    length + 3,
                ] {
                    let (line, byte) =
                        convert::offset(&tree, Position::new(line as u32, character), encoding);
                    navigation::footnote_hover(&tree, line, byte);
                    crate::analysis::negotiation_view::hover_attribution(&tree, line, byte);
                    navigation::footnote_definition(&tree, line, byte);
                    navigation::footnote_references(&tree, line, byte, true);
                    record::hover_citation(&tree, &catalog, Some(&knowledge.workspace), line, byte);
                    record::definition_symbol(&tree, line, byte);
                    agreed_language::hover_opening(&tree, &config, line, byte);
                    hover::rule_hover(&found, line, byte);
                    crate::analysis::kind::hover_kind(&tree, &config, line);
                    let mut candidates =
                        agreed_language::complete_opening(&tree, &config, line, byte);
                    candidates.extend(record::complete_symbol(
                        &tree,
                        &catalog,
                        Some(&knowledge.workspace),
                        line,
                        byte,
                    ));
                    for candidate in candidates {
                        completion::to_item(&tree, candidate, encoding);
                    }
                }
            }
        }
        Ok(())
    }

    /// One edit: a range of `(line, column)` positions (or the whole text) and
    /// the new text.
    pub type Change = (Option<((u32, u32), (u32, u32))>, String);

    /// Apply `batches` as `didChange`s (all the edits of a batch at once) and
    /// check after each that the text equals the edits applied one by one and
    /// the tree equals a full parse of it.
    pub fn check_batched_changes(
        initial: &str,
        batches: &[Vec<Change>],
        encoding: PositionEncoding,
    ) -> Result<(), String> {
        let uri: Uri = "file:///fuzz.unres".parse().map_err(|e| format!("{e:?}"))?;
        let documents = Documents::default();
        documents.open(uri.clone(), 0, initial);
        let mut reference = SourceText::new(initial);
        for (version, batch) in batches.iter().enumerate() {
            let changes = batch
                .iter()
                .map(|(range, text)| TextDocumentContentChangeEvent {
                    range: range.map(|((a, b), (c, d))| {
                        Range::new(Position::new(a, b), Position::new(c, d))
                    }),
                    range_length: None,
                    text: text.clone(),
                })
                .collect();
            documents.change(&uri, version as i32 + 1, changes, encoding);
            for (range, text) in batch {
                let range = range.map(|((a, b), (c, d))| {
                    (
                        crate::text::LinePosition::new(a, b),
                        crate::text::LinePosition::new(c, d),
                    )
                });
                reference.apply_edit(range, text, encoding);
            }
            let expected = reference.to_string_lossless();
            let held = documents.text(&uri).unwrap_or_default();
            if held != expected {
                return Err(format!("batch {version}: text {held:?} != {expected:?}"));
            }
            let snapshot = documents.snapshot(&uri, 0).ok_or("document gone")?;
            if *snapshot.tree != Tree::parse(&expected) {
                return Err(format!(
                    "batch {version}: tree differs from a full parse of {expected:?}"
                ));
            }
        }
        Ok(())
    }
}

/// Serve LSP over stdin/stdout until the client says exit.
pub fn run_stdio() -> std::process::ExitCode {
    transport::serve_stdio()
}
