//! The language server: the only layer that knows LSP types and JSON.
//!
//! Concurrency (see ARCHITECTURE.md): tower-lsp-server may run several handlers at
//! once. Edits are applied synchronously inside `did_change`, before its first
//! `.await`, in one place ([`documents::Documents`]); versions must increase.
//! Readers take an `Arc` snapshot and compute on a blocking thread, where a panic
//! becomes an error answer instead of taking the server down. Diagnostics computed
//! for a version that is no longer current are dropped, and published ones carry
//! their version.

mod completion;
mod convert;
mod diagnostics;
mod documents;
mod hover;
mod indexing;
mod navigation;
mod outline;
mod semantic_tokens;
mod settings;
mod stdin_guard;
mod workspace;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, RwLock};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::analysis::workspace::WorkspaceIndex;
use crate::analysis::{Catalog, Config, agreed_language, record, tokens};
use crate::text::PositionEncoding;
use documents::{ChangeError, Documents, Snapshot};

/// What requests read besides the document: the settings, the record (embedded
/// catalog + the user's catalogs + the workspace's resolutions) and the workspace
/// index. Replaced as a whole when one of them changes; never per keystroke.
#[derive(Clone)]
pub struct Knowledge {
    pub config: Arc<Config>,
    pub catalog: Arc<Catalog>,
    pub workspace: Arc<WorkspaceIndex>,
}

pub struct Backend {
    client: Client,
    documents: Arc<Documents>,
    encoding: RwLock<PositionEncoding>,
    knowledge: RwLock<Knowledge>,
    /// Texts of the catalog files named in `unres.catalogs`.
    user_catalogs: RwLock<Vec<String>>,
    roots: RwLock<Vec<PathBuf>>,
    can_pull_configuration: AtomicBool,
    can_watch_files: AtomicBool,
    can_report_progress: AtomicBool,
    progress_tokens: AtomicI32,
}

impl Backend {
    fn new(client: Client) -> Self {
        Backend {
            client,
            documents: Arc::new(Documents::default()),
            encoding: RwLock::new(PositionEncoding::Utf16),
            knowledge: RwLock::new(Knowledge {
                config: Arc::new(Config::default()),
                catalog: Arc::new(Catalog::embedded()),
                workspace: Arc::new(WorkspaceIndex::new()),
            }),
            user_catalogs: RwLock::new(Vec::new()),
            roots: RwLock::new(Vec::new()),
            can_pull_configuration: AtomicBool::new(false),
            can_watch_files: AtomicBool::new(false),
            can_report_progress: AtomicBool::new(false),
            progress_tokens: AtomicI32::new(0),
        }
    }

    fn encoding(&self) -> PositionEncoding {
        *self.encoding.read().unwrap_or_else(|p| p.into_inner())
    }

    fn knowledge(&self) -> Knowledge {
        self.knowledge
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Rebuild the record from the embedded catalog, the user's catalogs and the
    /// workspace index (a few tens of milliseconds, off the reactor).
    async fn rebuild_catalog(&self) {
        let mut extras = self
            .user_catalogs
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let workspace = self.knowledge().workspace;
        extras.push(workspace.catalog_tsv());
        let built = tokio::task::spawn_blocking(move || Catalog::with_extras(&extras)).await;
        match built {
            Ok(catalog) => {
                self.knowledge
                    .write()
                    .unwrap_or_else(|p| p.into_inner())
                    .catalog = Arc::new(catalog);
            }
            Err(error) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("unres: building the catalog failed: {error}"),
                    )
                    .await;
            }
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (settings, mut problems) = settings::parse(value);
        let roots = self.roots.read().unwrap_or_else(|p| p.into_inner()).clone();
        let mut catalogs = Vec::new();
        for path in &settings.catalog_paths {
            let mut full = PathBuf::from(path);
            if full.is_relative() {
                if let Some(root) = roots.first() {
                    full = root.join(full);
                }
            }
            match std::fs::read(&full) {
                Ok(bytes) => catalogs.push(String::from_utf8_lossy(&bytes).into_owned()),
                Err(error) => problems.push(format!(
                    "unres.catalogs: cannot read {}: {error}",
                    full.display()
                )),
            }
        }
        *self
            .user_catalogs
            .write()
            .unwrap_or_else(|p| p.into_inner()) = catalogs;
        self.knowledge
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .config = Arc::new(settings.config);
        self.rebuild_catalog().await;
        for problem in problems {
            self.client
                .log_message(MessageType::WARNING, format!("unres settings: {problem}"))
                .await;
            self.client
                .show_message(MessageType::WARNING, format!("unres settings: {problem}"))
                .await;
        }
    }

    /// Analyze `snapshot` off the reactor and publish, unless the document moved on.
    fn publish(&self, uri: Uri, snapshot: Snapshot) {
        let client = self.client.clone();
        let documents = Arc::clone(&self.documents);
        let knowledge = self.knowledge();
        let encoding = self.encoding();
        tokio::spawn(async move {
            let tree = Arc::clone(&snapshot.tree);
            let for_uri = uri.clone();
            let still_current = Arc::clone(&documents);
            let version = snapshot.version;
            let computed = tokio::task::spawn_blocking(move || {
                // Typing ahead makes this version stale: skip the work.
                if !still_current.is_current(&for_uri, version) {
                    return Vec::new();
                }
                diagnostics::compute(
                    &tree,
                    &for_uri,
                    &knowledge.config,
                    &knowledge.catalog,
                    encoding,
                )
            })
            .await;
            match computed {
                Ok(diagnostics) if documents.is_current(&uri, snapshot.version) => {
                    client
                        .publish_diagnostics(uri, diagnostics, Some(snapshot.version))
                        .await;
                }
                Ok(_) => {} // A newer version is on its way.
                Err(error) => {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("unres: analysis of {} failed: {error}", uri.as_str()),
                        )
                        .await;
                }
            }
        });
    }

    fn republish_all(&self) {
        for uri in self.documents.uris() {
            if let Some(snapshot) = self.documents.snapshot(&uri) {
                self.publish(uri, snapshot);
            }
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
        let Some(snapshot) = self.documents.snapshot(uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let knowledge = self.knowledge();
        match tokio::task::spawn_blocking(move || work(snapshot, encoding, knowledge)).await {
            Ok(result) => Ok(result),
            Err(error) => {
                let message = format!("unres: {feature} failed on {}: {error}", uri.as_str());
                self.client.log_message(MessageType::ERROR, &message).await;
                Err(jsonrpc::Error {
                    code: jsonrpc::ErrorCode::InternalError,
                    message: message.into(),
                    data: None,
                })
            }
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = convert::negotiate(offered);
        *self.encoding.write().unwrap_or_else(|p| p.into_inner()) = encoding;
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
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
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
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: Some(false),
                            ..SemanticTokensOptions::default()
                        },
                    ),
                ),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
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
        self.watch_files().await;
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let snapshot = self
            .documents
            .open(document.uri.clone(), document.version, &document.text);
        self.publish(document.uri, snapshot);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // No `.await` before the edit is applied: changes apply in arrival order.
        let uri = params.text_document.uri;
        let result = self.documents.change(
            &uri,
            params.text_document.version,
            params.content_changes,
            self.encoding(),
        );
        match result {
            Ok(snapshot) => self.publish(uri, snapshot),
            Err(ChangeError::UnknownDocument) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "unres: change for a document that is not open: {}",
                            uri.as_str()
                        ),
                    )
                    .await;
            }
            Err(ChangeError::StaleVersion { current, received }) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "unres: ignored a change to {} with version {received}, not newer than {current}",
                            uri.as_str()
                        ),
                    )
                    .await;
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents.close(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        match params.settings.get("unres") {
            Some(section) => {
                let section = section.clone();
                self.apply_settings(&section).await;
            }
            None => self.pull_configuration().await,
        }
        self.republish_all();
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        self.with_snapshot("hover", &uri, move |snapshot, encoding, knowledge| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let info = navigation::footnote_hover(tree, line, byte)
                .or_else(|| {
                    record::hover_citation(
                        tree,
                        &knowledge.catalog,
                        Some(&knowledge.workspace),
                        line,
                        byte,
                    )
                })
                .or_else(|| agreed_language::hover_opening(tree, &knowledge.config, line, byte))
                .or_else(|| hover::rule_hover(tree, &knowledge, line, byte))?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: info.markdown,
                }),
                range: Some(convert::range(tree, info.span, encoding)),
            })
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
            if let Some(span) = navigation::footnote_definition(tree, line, byte) {
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
            let spans = navigation::footnote_references(tree, line, byte, include);
            Some(
                spans
                    .into_iter()
                    .map(|span| Location::new(target.clone(), convert::range(tree, span, encoding)))
                    .collect(),
            )
        })
        .await
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
            move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                let hints = crate::analysis::labels::paragraph_labels(tree)
                    .into_iter()
                    .filter(|l| {
                        let line = l.at.line as u32;
                        range.start.line <= line && line <= range.end.line
                    })
                    .map(|l| InlayHint {
                        position: convert::range(tree, l.at, encoding).start,
                        label: InlayHintLabel::String(l.label),
                        kind: None,
                        text_edits: None,
                        tooltip: l.tooltip.map(InlayHintTooltip::String),
                        padding_left: None,
                        padding_right: Some(true),
                        data: None,
                    })
                    .collect();
                Some(hints)
            },
        )
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position.position;
        let uri = params.text_document_position.text_document.uri;
        self.with_snapshot("completion", &uri, move |snapshot, encoding, knowledge| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let mut candidates =
                agreed_language::complete_opening(tree, &knowledge.config, line, byte);
            candidates.extend(record::complete_symbol(
                tree,
                &knowledge.catalog,
                Some(&knowledge.workspace),
                line,
                byte,
            ));
            let items: Vec<CompletionItem> = candidates
                .into_iter()
                .map(|c| completion::to_item(tree, c, encoding))
                .collect();
            Some(CompletionResponse::List(CompletionList {
                // Narrowing by what is typed next changes the candidates.
                is_incomplete: true,
                items,
            }))
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
        self.with_snapshot(
            "semanticTokens",
            &params.text_document.uri,
            |snapshot, encoding, knowledge| {
                let tree = &snapshot.tree;
                let mut all = tokens::structure_tokens(tree);
                all.extend(agreed_language::opening_tokens(tree, &knowledge.config));
                all.extend(record::citation_tokens(tree));
                let merged = tokens::merge(all);
                Some(SemanticTokensResult::Tokens(SemanticTokens {
                    result_id: None,
                    data: semantic_tokens::encode(tree, &merged, encoding),
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
                let links = record::symbol_links(tree, &knowledge.catalog)
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

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let target = uri.clone();
        let range = params.range;
        self.with_snapshot("codeAction", &uri, move |snapshot, encoding, knowledge| {
            Some(diagnostics::code_actions(
                &snapshot.tree,
                &target,
                &knowledge.config,
                &knowledge.catalog,
                range,
                encoding,
            ))
        })
        .await
    }
}

impl Backend {
    /// A message from the client could not be decoded (see `stdin_guard`).
    async fn invalid_message(&self, params: Value) {
        let reason = params["reason"].as_str().unwrap_or("unknown");
        self.client
            .log_message(
                MessageType::ERROR,
                format!("unres: ignored an invalid message from the client: {reason}"),
            )
            .await;
    }

    /// Ask the client for the `unres` section, if it can answer.
    async fn pull_configuration(&self) {
        if !self.can_pull_configuration.load(Ordering::Relaxed) {
            return;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("unres".to_owned()),
        };
        match self.client.configuration(vec![item]).await {
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

/// Serve LSP over stdin/stdout until the client says exit.
pub fn run_stdio() -> std::process::ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("unres: cannot start the async runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let (guarded_in, guarded_out) = tokio::io::duplex(1 << 16);
        tokio::spawn(stdin_guard::guard(tokio::io::stdin(), guarded_out));
        let stdout = tokio::io::stdout();
        let (service, socket) = LspService::build(Backend::new)
            .custom_method("unres/invalidMessage", Backend::invalid_message)
            .finish();
        Server::new(guarded_in, stdout, socket).serve(service).await;
    });
    // The stdin reader sits in a blocking read; do not wait for it.
    runtime.shutdown_background();
    std::process::ExitCode::SUCCESS
}
