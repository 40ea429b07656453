//! Workspace indexing on the server side: watching files, reading them off the
//! reactor (through `workspace`), and keeping the workspace index and the record
//! current.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tower_lsp_server::ls_types::*;

use super::{Backend, workspace};
use crate::analysis::workspace::WorkspaceIndex;

impl Backend {
    /// Files changed on disk: re-read them, or drop them from the index.
    pub(super) async fn reindex_changed_files(&self, changes: Vec<FileEvent>) {
        let (projects, changes): (Vec<FileEvent>, Vec<FileEvent>) = changes
            .into_iter()
            .partition(|event| super::project::is_project_file(&event.uri));
        if !projects.is_empty() {
            let paths: Vec<PathBuf> = projects
                .iter()
                .filter_map(|e| e.uri.to_file_path().map(|p| p.into_owned()))
                .collect();
            self.0.project_files_changed(&paths).await;
        }
        let mut index = (*self.knowledge().workspace).clone();
        let mut changed = false;
        for event in changes {
            let Some(path) = event.uri.to_file_path().map(|p| p.into_owned()) else {
                continue;
            };
            let key = event.uri.as_str().to_owned();
            index.remove_file(&key);
            changed = true;
            if event.typ == FileChangeType::DELETED {
                continue;
            }
            self.index_file(&mut index, &key, path).await;
        }
        if changed {
            self.replace_workspace(index).await;
        }
    }

    /// Take `index` as the workspace's. The analyses read only its record (the
    /// workspace's part of each scope's catalog): when that is unchanged, as
    /// when the first indexing finds the open documents as they are, the
    /// analyses cached and under way stay valid and nothing is published
    /// again; hover and completion read the new index at once.
    async fn replace_workspace(&self, index: WorkspaceIndex) {
        if self.knowledge().workspace.catalog_tsv() == index.catalog_tsv() {
            self.0.replace_workspace_index(Arc::new(index));
            return;
        }
        self.update_knowledge(|k| k.workspace = Arc::new(index));
        self.rebuild_scopes().await;
        self.0.republish_all();
    }

    /// Read one workspace file off the reactor and index it under `key`; problems
    /// become log lines. True when it was indexed as a resolution.
    pub(super) async fn index_file(
        &self,
        index: &mut WorkspaceIndex,
        key: &str,
        path: PathBuf,
    ) -> bool {
        let read = tokio::task::spawn_blocking(move || workspace::read(&path));
        let Ok(read) = tokio::time::timeout(workspace::IO_TIMEOUT, read).await else {
            self.log_warning(format!(
                "unres: reading {key} took more than {:?}; skipped",
                workspace::IO_TIMEOUT
            ));
            return false;
        };
        match read {
            Ok(workspace::FileRead::Resolution(tree)) => index.update(key, &tree).is_some(),
            Ok(workspace::FileRead::Skipped) => false,
            Ok(workspace::FileRead::Problem(problem)) => {
                self.client
                    .log_message(MessageType::WARNING, format!("unres: {problem}"))
                    .await;
                false
            }
            Err(error) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("unres: reading {key} failed: {error}"),
                    )
                    .await;
                false
            }
        }
    }

    /// Ask the client to tell us when resolution files and project files
    /// change on disk; false when it cannot.
    pub(super) async fn watch_files(&self) -> bool {
        if !self.can_watch_files.load(Ordering::Relaxed) {
            return false;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: ["**/*.unres", "**/*.txt", "**/*.xml", "**/.unres.toml"]
                .into_iter()
                .map(|glob| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(glob.to_owned()),
                    kind: None,
                })
                .collect(),
        };
        let registration = Registration {
            id: "unres-watch-resolutions".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(error) = self.client.register_capability(vec![registration]).await {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!("unres: cannot watch files: {error}"),
                )
                .await;
            return false;
        }
        true
    }

    /// Index the resolution files of the workspace folders in the background,
    /// with progress, then republish with the workspace known to the record.
    pub(super) async fn index_workspace(&self) {
        let roots = self.roots.read().unwrap_or_else(|p| p.into_inner()).clone();
        if roots.is_empty() {
            return;
        }
        let listing = tokio::task::spawn_blocking(move || workspace::list_files(&roots));
        let Ok(listing) = tokio::time::timeout(workspace::IO_TIMEOUT, listing).await else {
            self.log_warning(format!(
                "unres: listing the workspace took more than {:?}; not indexed",
                workspace::IO_TIMEOUT
            ));
            return;
        };
        let files = match listing {
            Ok(files) => files,
            Err(error) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("unres: listing the workspace failed: {error}"),
                    )
                    .await;
                return;
            }
        };
        let progress = if self.can_report_progress.load(Ordering::Relaxed) {
            let token = NumberOrString::String(format!(
                "unres-index-{}",
                self.progress_tokens.fetch_add(1, Ordering::Relaxed)
            ));
            match self.client.create_work_done_progress(token.clone()).await {
                Ok(()) => Some(
                    self.client
                        .progress(token, "Indexing resolutions")
                        .with_percentage(0)
                        .begin()
                        .await,
                ),
                Err(_) => None,
            }
        } else {
            None
        };
        let mut index = WorkspaceIndex::new();
        let total = files.len().max(1);
        let mut indexed = 0;
        for (done, path) in files.into_iter().enumerate() {
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            if self.index_file(&mut index, uri.as_str(), path).await {
                indexed += 1;
            }
            if let Some(progress) = &progress {
                if done % 20 == 0 {
                    let percent = ((done * 100) / total) as u32;
                    progress
                        .report_with_message(format!("{done}/{total} files"), percent)
                        .await;
                }
            }
        }
        if let Some(progress) = progress {
            progress
                .finish_with_message(format!("{indexed} resolutions indexed"))
                .await;
        }
        self.client
            .log_message(
                MessageType::INFO,
                format!("unres: indexed {indexed} resolutions of the workspace"),
            )
            .await;
        self.replace_workspace(index).await;
    }
}
