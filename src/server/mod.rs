//! The language server: the only layer that knows LSP types and JSON.
//!
//! Concurrency (see ARCHITECTURE.md): tower-lsp-server may run several handlers at
//! once. Edits are applied synchronously inside `did_change`, before its first
//! `.await`, in one place ([`documents::Documents`]); versions must increase.
//! Readers take an `Arc` snapshot and compute on a blocking thread, where a panic
//! becomes an error answer instead of taking the server down. Diagnostics computed
//! for a version that is no longer current are dropped, and published ones carry
//! their version.

mod convert;
mod diagnostics;
mod documents;
mod navigation;
mod outline;
mod settings;
mod stdin_guard;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::analysis::Config;
use crate::text::PositionEncoding;
use documents::{ChangeError, Documents, Snapshot};

pub struct Backend {
    client: Client,
    documents: Arc<Documents>,
    encoding: RwLock<PositionEncoding>,
    config: RwLock<Arc<Config>>,
    can_pull_configuration: AtomicBool,
}

impl Backend {
    fn new(client: Client) -> Self {
        Backend {
            client,
            documents: Arc::new(Documents::default()),
            encoding: RwLock::new(PositionEncoding::Utf16),
            config: RwLock::new(Arc::new(Config::default())),
            can_pull_configuration: AtomicBool::new(false),
        }
    }

    fn encoding(&self) -> PositionEncoding {
        *self.encoding.read().unwrap_or_else(|p| p.into_inner())
    }

    fn config(&self) -> Arc<Config> {
        Arc::clone(&self.config.read().unwrap_or_else(|p| p.into_inner()))
    }

    async fn apply_settings(&self, value: &Value) {
        let (config, problems) = settings::parse(value);
        *self.config.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(config);
        for problem in problems {
            self.client
                .show_message(MessageType::WARNING, format!("unres settings: {problem}"))
                .await;
        }
    }

    /// Analyze `snapshot` off the reactor and publish, unless the document moved on.
    fn publish(&self, uri: Uri, snapshot: Snapshot) {
        let client = self.client.clone();
        let documents = Arc::clone(&self.documents);
        let config = self.config();
        let encoding = self.encoding();
        tokio::spawn(async move {
            let tree = Arc::clone(&snapshot.tree);
            let for_uri = uri.clone();
            let computed = tokio::task::spawn_blocking(move || {
                diagnostics::compute(&tree, &for_uri, &config, encoding)
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
        work: impl FnOnce(Snapshot, PositionEncoding, Arc<Config>) -> Option<T> + Send + 'static,
    ) -> Result<Option<T>> {
        let Some(snapshot) = self.documents.snapshot(uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let config = self.config();
        match tokio::task::spawn_blocking(move || work(snapshot, encoding, config)).await {
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
        self.with_snapshot("hover", &uri, move |snapshot, encoding, _config| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let info = navigation::footnote_hover(tree, line, byte)?;
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
        self.with_snapshot("definition", &uri, move |snapshot, encoding, _| {
            let tree = &snapshot.tree;
            let (line, byte) = convert::offset(tree, position, encoding);
            let span = navigation::footnote_definition(tree, line, byte)?;
            Some(GotoDefinitionResponse::Scalar(Location::new(
                target,
                convert::range(tree, span, encoding),
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

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let target = uri.clone();
        let range = params.range;
        self.with_snapshot("codeAction", &uri, move |snapshot, encoding, config| {
            Some(diagnostics::code_actions(
                &snapshot.tree,
                &target,
                &config,
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
