//! Project files (`.unres.toml`) in the server: which one governs each open
//! document (the nearest above it), the effective settings of each (project
//! file over editor settings over defaults), the problems of each file
//! published as diagnostics in the file itself, and reloading when one changes,
//! appears or goes (told by the client's file watcher, or found by polling when
//! the client has none).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde_json::json;
use tower_lsp_server::ls_types::{self as lsp, MessageType, Uri};

use super::{Shared, workspace};
use crate::analysis::settings::{self, Layer, PROJECT_FILE, Placed, Problem, Resolved, Source};
use crate::analysis::{Catalog, Config};
use crate::text::{PositionEncoding, byte_to_column, split_lines};

/// How often project files are looked at when the client watches no files.
const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// A project file as last read: its text, what it says, and when it changed.
#[derive(Debug, Clone)]
pub struct ProjectFile {
    pub path: PathBuf,
    pub text: String,
    pub layer: Layer,
    pub problems: Vec<Problem>,
    stamp: Option<(SystemTime, u64)>,
}

/// The effective settings of the documents one project file (or none) governs.
#[derive(Debug)]
pub struct Scope {
    pub file: Option<ProjectFile>,
    pub resolved: Arc<Resolved>,
    pub config: Arc<Config>,
    pub catalog: Arc<Catalog>,
    /// Catalog files that could not be read.
    pub catalog_problems: Vec<String>,
}

/// Every scope the server knows, and which governs each document directory.
#[derive(Debug, Clone)]
pub struct Scopes {
    /// Editor settings and defaults only: documents with no project file.
    pub default: Arc<Scope>,
    /// Document directory → the project file that governs it (`None`: none).
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    files: HashMap<PathBuf, Arc<Scope>>,
}

impl Scopes {
    pub fn new(default: Scope) -> Self {
        Scopes {
            default: Arc::new(default),
            dirs: HashMap::new(),
            files: HashMap::new(),
        }
    }

    /// The scope of a document in `dir`, when its project file is known.
    pub fn for_dir(&self, dir: &Path) -> Option<&Arc<Scope>> {
        match self.dirs.get(dir)? {
            Some(file) => self.files.get(file),
            None => Some(&self.default),
        }
    }

    pub fn project_files(&self) -> impl Iterator<Item = &ProjectFile> {
        self.files.values().filter_map(|s| s.file.as_ref())
    }
}

/// The directory of a `file:` document.
pub fn document_dir(uri: &Uri) -> Option<PathBuf> {
    let path = uri.to_file_path()?;
    path.parent().map(Path::to_path_buf)
}

pub fn is_project_file(uri: &Uri) -> bool {
    uri.path().as_str().ends_with(&format!("/{PROJECT_FILE}"))
}

/// The nearest project file at or above `dir` (blocking: call off the reactor).
fn nearest(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(PROJECT_FILE))
        .find(|candidate| candidate.is_file())
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Read a project file (blocking). A file that cannot be read is one problem.
fn read_project(path: &Path) -> ProjectFile {
    let stamp = stamp(path);
    match workspace::read_regular_file(path, workspace::MAX_FILE_BYTES) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let (layer, problems) = settings::from_toml(&text);
            ProjectFile {
                path: path.to_path_buf(),
                text,
                layer,
                problems,
                stamp,
            }
        }
        Err(message) => ProjectFile {
            path: path.to_path_buf(),
            text: String::new(),
            layer: Layer::default(),
            problems: vec![Problem {
                message,
                at: None,
                unknown_key: false,
            }],
            stamp,
        },
    }
}

/// Build a scope (blocking: reads the catalog files it names).
pub fn build_scope(
    editor: &Layer,
    root: Option<&Path>,
    file: Option<ProjectFile>,
    workspace_catalog: &str,
) -> Scope {
    let mut layers = vec![Placed {
        source: Source::Editor,
        base: root.map(Path::to_path_buf),
        layer: editor.clone(),
    }];
    if let Some(file) = &file {
        layers.push(Placed {
            source: Source::ProjectFile(file.path.clone()),
            base: file.path.parent().map(Path::to_path_buf),
            layer: file.layer.clone(),
        });
    }
    let resolved = settings::resolve(&layers);
    let mut texts = Vec::new();
    let mut catalog_problems = Vec::new();
    for path in &resolved.catalogs {
        match workspace::read_regular_file(path, workspace::MAX_CATALOG_BYTES) {
            Ok(bytes) => texts.push(String::from_utf8_lossy(&bytes).into_owned()),
            Err(problem) => catalog_problems.push(format!("catalogs: {problem}")),
        }
    }
    let mut config = resolved.config.clone();
    config.extra_catalogs = texts.clone();
    texts.push(workspace_catalog.to_owned());
    Scope {
        file,
        config: Arc::new(config),
        resolved: Arc::new(resolved),
        catalog: Arc::new(Catalog::with_extras(&texts)),
        catalog_problems,
    }
}

/// The diagnostics of a project file: its problems at their keys, and the
/// catalogs it names that could not be read.
pub fn file_diagnostics(scope: &Scope, encoding: PositionEncoding) -> Vec<lsp::Diagnostic> {
    let Some(file) = &scope.file else {
        return Vec::new();
    };
    let lines = split_lines(&file.text);
    let mut out: Vec<lsp::Diagnostic> = file
        .problems
        .iter()
        .map(|problem| {
            let range = match &problem.at {
                Some(at) => {
                    let (line, bytes) = settings::line_span(&file.text, at);
                    let text = lines.get(line).copied().unwrap_or_default();
                    lsp::Range::new(
                        lsp::Position::new(
                            line as u32,
                            byte_to_column(text, bytes.start, encoding),
                        ),
                        lsp::Position::new(line as u32, byte_to_column(text, bytes.end, encoding)),
                    )
                }
                None => lsp::Range::default(),
            };
            lsp::Diagnostic {
                range,
                severity: Some(if problem.unknown_key {
                    lsp::DiagnosticSeverity::WARNING
                } else {
                    lsp::DiagnosticSeverity::ERROR
                }),
                source: Some("unres".to_owned()),
                message: problem.message.clone(),
                ..lsp::Diagnostic::default()
            }
        })
        .collect();
    out.extend(
        scope
            .catalog_problems
            .iter()
            .map(|message| lsp::Diagnostic {
                range: lsp::Range::default(),
                severity: Some(lsp::DiagnosticSeverity::ERROR),
                source: Some("unres".to_owned()),
                message: message.clone(),
                ..lsp::Diagnostic::default()
            }),
    );
    out
}

impl Shared {
    fn editor_layer(&self) -> Layer {
        self.editor
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn first_root(&self) -> Option<PathBuf> {
        self.roots
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .first()
            .cloned()
    }

    /// Make sure the project file governing `uri` is known; true when the
    /// knowledge changed (a new scope, or a directory newly mapped).
    pub(super) async fn ensure_scope(self: &Arc<Self>, uri: &Uri) -> bool {
        let Some(dir) = document_dir(uri) else {
            return false;
        };
        let knowledge = self.knowledge();
        if knowledge.scopes.dirs.contains_key(&dir) {
            return false;
        }
        let lookup_dir = dir.clone();
        let found = tokio::task::spawn_blocking(move || nearest(&lookup_dir));
        let found = match tokio::time::timeout(workspace::IO_TIMEOUT, found).await {
            Ok(Ok(found)) => found,
            _ => {
                self.log_warning(format!(
                    "unres: looking for {PROJECT_FILE} above {} failed or took too long",
                    dir.display()
                ));
                None
            }
        };
        let scope = match &found {
            Some(file) if !knowledge.scopes.files.contains_key(file) => {
                Some(self.load_scope(file.clone()).await)
            }
            _ => None,
        };
        self.update_knowledge(|k| {
            let scopes = Arc::make_mut(&mut k.scopes);
            if let (Some(file), Some(scope)) = (&found, &scope) {
                scopes.files.insert(file.clone(), Arc::clone(scope));
            }
            scopes.dirs.insert(dir, found);
        });
        if let Some(scope) = scope {
            self.publish_scope(&scope).await;
        }
        true
    }

    /// Read and build the scope of a project file, off the reactor.
    async fn load_scope(&self, file: PathBuf) -> Arc<Scope> {
        let editor = self.editor_layer();
        let root = self.first_root();
        let workspace_catalog = self.knowledge().workspace.catalog_tsv();
        let shown = file.display().to_string();
        let built = tokio::task::spawn_blocking(move || {
            let project = read_project(&file);
            build_scope(&editor, root.as_deref(), Some(project), &workspace_catalog)
        });
        match tokio::time::timeout(workspace::IO_TIMEOUT, built).await {
            Ok(Ok(scope)) => Arc::new(scope),
            _ => {
                self.log_warning(format!("unres: reading {shown} failed or took too long"));
                Arc::clone(&self.knowledge().scopes.default)
            }
        }
    }

    /// Rebuild every scope from what is known (after the editor settings or
    /// the workspace's record changed); project files are not read again.
    pub(super) async fn rebuild_scopes(&self) {
        let editor = self.editor_layer();
        let root = self.first_root();
        let knowledge = self.knowledge();
        let workspace_catalog = knowledge.workspace.catalog_tsv();
        let files: Vec<ProjectFile> = knowledge.scopes.project_files().cloned().collect();
        let built = tokio::task::spawn_blocking(move || {
            let default = build_scope(&editor, root.as_deref(), None, &workspace_catalog);
            let scopes: Vec<(PathBuf, Scope)> = files
                .into_iter()
                .map(|file| {
                    let path = file.path.clone();
                    let scope =
                        build_scope(&editor, root.as_deref(), Some(file), &workspace_catalog);
                    (path, scope)
                })
                .collect();
            (default, scopes)
        });
        let Ok(Ok((default, scopes))) = tokio::time::timeout(workspace::IO_TIMEOUT, built).await
        else {
            self.log(
                MessageType::ERROR,
                "unres: building the settings failed".to_owned(),
            );
            return;
        };
        for problem in &default.catalog_problems {
            self.log_warning(format!("unres settings: {problem}"));
        }
        let scopes: Vec<(PathBuf, Arc<Scope>)> =
            scopes.into_iter().map(|(p, s)| (p, Arc::new(s))).collect();
        self.update_knowledge(|k| {
            let current = Arc::make_mut(&mut k.scopes);
            current.default = Arc::new(default);
            for (path, scope) in &scopes {
                current.files.insert(path.clone(), Arc::clone(scope));
            }
            k.config = Arc::clone(&current.default.config);
            k.catalog = Arc::clone(&current.default.catalog);
            k.settings = Arc::clone(&current.default.resolved);
        });
        for (_, scope) in &scopes {
            self.publish_scope(scope).await;
        }
    }

    /// Publish a project file's problems as its diagnostics.
    pub(super) async fn publish_scope(&self, scope: &Scope) {
        let Some(file) = &scope.file else {
            return;
        };
        let Some(uri) = Uri::from_file_path(&file.path) else {
            return;
        };
        let diagnostics = file_diagnostics(scope, self.encoding());
        self.outbox
            .send(json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": lsp::PublishDiagnosticsParams { uri, diagnostics, version: None },
            }))
            .await;
    }

    /// A project file changed, appeared or went: forget which file governs
    /// which directory, read the changed ones again, republish everything.
    pub(super) async fn project_files_changed(self: &Arc<Self>, changed: &[PathBuf]) {
        let knowledge = self.knowledge();
        let mut reloaded = Vec::new();
        let mut gone = Vec::new();
        for path in changed {
            if !knowledge.scopes.files.contains_key(path) {
                continue;
            }
            let exists = {
                let path = path.clone();
                tokio::task::spawn_blocking(move || path.is_file())
                    .await
                    .unwrap_or(false)
            };
            if exists {
                reloaded.push((path.clone(), self.load_scope(path.clone()).await));
            } else {
                gone.push(path.clone());
            }
        }
        self.update_knowledge(|k| {
            let scopes = Arc::make_mut(&mut k.scopes);
            scopes.dirs.clear();
            for path in &gone {
                scopes.files.remove(path);
            }
            for (path, scope) in &reloaded {
                scopes.files.insert(path.clone(), Arc::clone(scope));
            }
        });
        for path in &gone {
            if let Some(uri) = Uri::from_file_path(path) {
                self.send_diagnostics(uri, Vec::new(), None).await;
            }
        }
        for (path, scope) in &reloaded {
            self.log(
                MessageType::INFO,
                format!("unres: {} read again", path.display()),
            );
            self.publish_scope(scope).await;
        }
        for uri in self.documents.uris() {
            self.ensure_scope(&uri).await;
        }
        self.republish_all();
    }

    /// Without a client-side file watcher: look at the project files every few
    /// seconds (a few `stat` calls) and reload the ones that changed.
    pub(super) fn poll_project_files(self: &Arc<Self>) {
        let shared = Arc::clone(self);
        self.runtime.spawn(async move {
            loop {
                tokio::time::sleep(POLL_INTERVAL).await;
                let knowledge = shared.knowledge();
                let known: Vec<(PathBuf, Option<(SystemTime, u64)>)> = knowledge
                    .scopes
                    .project_files()
                    .map(|f| (f.path.clone(), f.stamp))
                    .collect();
                let dirs: Vec<(PathBuf, Option<PathBuf>)> = knowledge
                    .scopes
                    .dirs
                    .iter()
                    .map(|(d, f)| (d.clone(), f.clone()))
                    .collect();
                let looked = tokio::task::spawn_blocking(move || {
                    let mut changed: Vec<PathBuf> = known
                        .into_iter()
                        .filter(|(path, seen)| stamp(path) != *seen)
                        .map(|(path, _)| path)
                        .collect();
                    for (dir, governing) in dirs {
                        let now = nearest(&dir);
                        if now != governing {
                            changed.extend(now.into_iter().chain(governing));
                        }
                    }
                    changed.sort();
                    changed.dedup();
                    changed
                });
                let Ok(Ok(changed)) = tokio::time::timeout(workspace::IO_TIMEOUT, looked).await
                else {
                    continue;
                };
                if !changed.is_empty() {
                    shared.project_files_changed(&changed).await;
                }
            }
        });
    }
}
