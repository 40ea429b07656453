//! `unres.compareWith`: "compare with…" in the editor, answered by the server
//! so that it needs no code in the client (issue 12, item 4).
//!
//! Arguments: the current document (NEW), then optionally the other version
//! (OLD), each a URI string or `{"uri": …}`; or one object
//! `{"uri": NEW, "other": OLD}`. Without the other version the server asks
//! with `window/showMessageRequest`, offering the other open documents and the
//! indexed workspace files, those with the same title first. Either document
//! may be open (its text in the editor is compared) or only on disk.
//!
//! The result is shown three ways: the summary as `window/showMessage`, the
//! side-by-side HTML page written to a file and opened with
//! `window/showDocument` (`external: true`) when the client can, and the
//! stable JSON of `unres compare --format json` (plus `html`, the page's URI)
//! as the command's answer.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, MessageActionItem, MessageType,
    ShowDocumentParams, Uri,
};

use super::{Shared, workspace};
use crate::analysis::compare::{self, candidates, render};
use crate::analysis::workspace::summarize;
use crate::syntax::Tree;

pub const COMPARE_WITH: &str = "unres.compareWith";

/// How long the user may take to pick the other version.
const CHOICE_TIMEOUT: Duration = Duration::from_secs(300);
/// At most this many versions are offered in one question.
const MAX_CHOICES: usize = 20;
/// Titles are cut to this many characters in the choices.
const TITLE_SHOWN: usize = 50;

/// The kind of the "Compare with…" code action.
pub fn action_kind() -> CodeActionKind {
    CodeActionKind::new("source.compare.unres")
}

/// "Compare with…" for `uri`: the command without the other version, so the
/// server asks which.
pub fn command(uri: &Uri) -> Command {
    Command {
        title: "Compare with…".to_owned(),
        command: COMPARE_WITH.to_owned(),
        arguments: Some(vec![json!(uri.as_str())]),
    }
}

pub fn code_action(uri: &Uri) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: "Compare with… (another version of this text)".to_owned(),
        kind: Some(action_kind()),
        command: Some(command(uri)),
        ..CodeAction::default()
    })
}

fn uri_of(value: &Value) -> Option<Uri> {
    value
        .as_str()
        .or_else(|| value.get("uri").and_then(Value::as_str))?
        .parse()
        .ok()
}

/// The current document and the other version, if given.
fn arguments(arguments: &[Value]) -> Option<(Uri, Option<Uri>)> {
    let first = arguments.first()?;
    let current = uri_of(first)?;
    let other = arguments
        .get(1)
        .filter(|v| !v.is_null())
        .map(uri_of)
        .or_else(|| {
            first
                .get("other")
                .filter(|v| !v.is_null())
                .map(|v| v.as_str().and_then(|s| s.parse().ok()))
        });
    match other {
        Some(None) => None, // Given, but not a URI.
        Some(Some(other)) => Some((current, Some(other))),
        None => Some((current, None)),
    }
}

fn cut(title: &str) -> String {
    if title.chars().count() <= TITLE_SHOWN {
        return title.to_owned();
    }
    let mut out: String = title.chars().take(TITLE_SHOWN - 1).collect();
    out.push('…');
    out
}

/// A document's file name, safe in any file system.
fn file_stem(uri: &Uri) -> String {
    let stem = match uri.to_file_path() {
        Some(path) => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => {
            let last = uri.as_str().rsplit('/').next().unwrap_or_default();
            last.split('.').next().unwrap_or_default().to_owned()
        }
    };
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    if safe.is_empty() {
        "document".to_owned()
    } else {
        safe
    }
}

/// Where the page comparing `old` and `new` is written: the system's
/// temporary directory, `unres-compare/NEW-vs-OLD-HASH.html` (the hash of the
/// two URIs keeps pairs with the same file names apart; comparing the same
/// pair again overwrites it).
fn page_path(old: &Uri, new: &Uri) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (old.as_str(), new.as_str()).hash(&mut hasher);
    let name = format!(
        "{}-vs-{}-{:08x}.html",
        file_stem(new),
        file_stem(old),
        hasher.finish() as u32
    );
    std::env::temp_dir().join("unres-compare").join(name)
}

fn write_page(path: &Path, html: &str) -> std::result::Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

impl Shared {
    /// How a document is shown to the user: its path relative to a workspace
    /// folder, else its path, else its URI.
    fn short_name(&self, uri: &Uri) -> String {
        let Some(path) = uri.to_file_path() else {
            return uri.as_str().to_owned();
        };
        let roots = self.roots.read().unwrap_or_else(|p| p.into_inner());
        roots
            .iter()
            .find_map(|root| path.strip_prefix(root).ok())
            .filter(|relative| !relative.as_os_str().is_empty())
            .unwrap_or(&path)
            .display()
            .to_string()
    }

    /// The text of a version: the editor's when it is open, else the file's.
    async fn version_tree(&self, uri: &Uri) -> std::result::Result<Arc<Tree>, String> {
        let generation = self.knowledge().generation;
        if let Some(snapshot) = self.documents.snapshot(uri, generation) {
            return Ok(snapshot.tree);
        }
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return Err(format!(
                "{} is not open and is not a file",
                self.short_name(uri)
            ));
        };
        let read = tokio::task::spawn_blocking(move || workspace::read_any(&path));
        match tokio::time::timeout(workspace::IO_TIMEOUT, read).await {
            Err(_) => Err(format!(
                "reading {} took more than {:?}",
                self.short_name(uri),
                workspace::IO_TIMEOUT
            )),
            Ok(Err(error)) => Err(format!("reading {} failed: {error}", self.short_name(uri))),
            Ok(Ok(read)) => read.map(Arc::new),
        }
    }

    /// Show `message` as an error and answer with it.
    fn compare_error(&self, message: String) -> jsonrpc::Error {
        let message = format!("unres: compare with: {message}");
        self.outbox.send_lossy(json!({
            "jsonrpc": "2.0",
            "method": "window/showMessage",
            "params": {"type": MessageType::ERROR, "message": message},
        }));
        self.log(MessageType::ERROR, message.clone());
        jsonrpc::Error::invalid_params(message)
    }

    /// The versions to offer for `current`, in order.
    fn compare_candidates(&self, current: &Uri) -> (Option<String>, Vec<candidates::Ranked>) {
        let knowledge = self.knowledge();
        let title_of = |tree: &Tree| summarize(tree).and_then(|s| s.title);
        let mut open = self.documents.uris();
        open.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        let mut title = None;
        let mut listed = Vec::new();
        for uri in open {
            if super::project::is_project_file(&uri) {
                continue;
            }
            let Some(snapshot) = self.documents.snapshot(&uri, knowledge.generation) else {
                continue;
            };
            let doc_title = title_of(&snapshot.tree);
            if uri == *current {
                title = doc_title;
                continue;
            }
            listed.push(candidates::Candidate {
                uri: uri.as_str().to_owned(),
                name: self.short_name(&uri),
                title: doc_title,
                open: true,
            });
        }
        let mut entries: Vec<_> = knowledge.workspace.entries().collect();
        entries.sort_by(|a, b| (&a.file, &a.summary.symbol).cmp(&(&b.file, &b.summary.symbol)));
        for entry in entries {
            if entry.file == current.as_str() {
                title = title.or_else(|| entry.summary.title.clone());
                continue;
            }
            let Ok(uri) = entry.file.parse::<Uri>() else {
                continue;
            };
            listed.push(candidates::Candidate {
                uri: entry.file.clone(),
                name: self.short_name(&uri),
                title: entry.summary.title.clone(),
                open: false,
            });
        }
        let ranked = candidates::rank(current.as_str(), title.as_deref(), listed);
        (title, ranked)
    }

    /// Ask the user which version to compare `current` with. `Ok(None)` when
    /// the question is dismissed.
    async fn ask_other_version(&self, current: &Uri) -> Result<Option<Uri>> {
        let (title, ranked) = self.compare_candidates(current);
        if ranked.is_empty() {
            return Err(self.compare_error(format!(
                "no other version of {} to compare with: open one, or pass its URI as the second argument",
                self.short_name(current)
            )));
        }
        let mut choices: Vec<(String, String)> = Vec::new();
        for ranked in ranked.iter().take(MAX_CHOICES) {
            let candidate = &ranked.candidate;
            let mut label = candidate.name.clone();
            match (&candidate.title, ranked.same_title) {
                (Some(_), true) => label.push_str(" — same title"),
                (Some(title), false) => {
                    label.push_str(" — ");
                    label.push_str(&cut(title));
                }
                (None, _) => {}
            }
            if candidate.open {
                label.push_str(" (open)");
            }
            choices.push((label, candidate.uri.clone()));
        }
        let mut message = format!(
            "Compare {} with which version? It is taken as the older one.",
            self.short_name(current)
        );
        if let Some(title) = &title {
            message.push_str(&format!(" Title: {}.", cut(title)));
        }
        if ranked.len() > MAX_CHOICES {
            message.push_str(&format!(
                " {} more not shown: pass the URI as the command's second argument.",
                ranked.len() - MAX_CHOICES
            ));
        }
        let actions = choices
            .iter()
            .map(|(label, _)| MessageActionItem {
                title: label.clone(),
                properties: Default::default(),
            })
            .collect();
        let asked = self
            .client
            .show_message_request(MessageType::INFO, message, Some(actions));
        let answer = match tokio::time::timeout(CHOICE_TIMEOUT, asked).await {
            Err(_) => return Ok(None),
            Ok(Err(error)) => {
                return Err(
                    self.compare_error(format!("the editor could not ask which version: {error}"))
                );
            }
            Ok(Ok(answer)) => answer,
        };
        let Some(chosen) = answer else {
            return Ok(None);
        };
        let uri = choices
            .iter()
            .find(|(label, _)| *label == chosen.title)
            .and_then(|(_, uri)| uri.parse().ok());
        match uri {
            Some(uri) => Ok(Some(uri)),
            None => Err(self.compare_error(format!("no version is called {:?}", chosen.title))),
        }
    }

    /// Run `unres.compareWith`.
    pub(super) async fn compare_with(&self, arguments: &[Value]) -> Result<Option<Value>> {
        let Some((current, other)) = self::arguments(arguments) else {
            return Err(self.compare_error(
                "needs the current document's URI, then optionally the other version's".to_owned(),
            ));
        };
        let other = match other {
            Some(other) => other,
            None => match self.ask_other_version(&current).await? {
                Some(other) => other,
                None => {
                    self.log(
                        MessageType::INFO,
                        "unres: compare with: no version chosen".to_owned(),
                    );
                    return Ok(None);
                }
            },
        };
        if other == current {
            return Err(self.compare_error(format!(
                "{} is the document itself; pick another version",
                self.short_name(&current)
            )));
        }
        let old_tree = self
            .version_tree(&other)
            .await
            .map_err(|e| self.compare_error(e))?;
        let new_tree = self
            .version_tree(&current)
            .await
            .map_err(|e| self.compare_error(e))?;
        let (old_name, new_name) = (self.short_name(&other), self.short_name(&current));
        let page = page_path(&other, &current);
        let (old_uri, new_uri) = (other.as_str().to_owned(), current.as_str().to_owned());
        let shown = (old_name.clone(), new_name.clone());
        let page_at = page.clone();
        let work = tokio::task::spawn_blocking(move || {
            let comparison = compare::compare(&old_tree, &new_tree);
            let html = render::html(&comparison, &shown.0, &shown.1);
            let written = write_page(&page_at, &html);
            let json =
                serde_json::to_value(compare::JsonDocument::new(&comparison, &old_uri, &new_uri))
                    .unwrap_or(Value::Null);
            (render::summary_line(&comparison.summary), json, written)
        });
        let (summary, mut json, written) = match work.await {
            Ok(done) => done,
            Err(error) => return Err(self.compare_error(format!("the comparison failed: {error}"))),
        };
        let page_uri = match written {
            Ok(()) => Uri::from_file_path(&page),
            Err(problem) => {
                self.log_warning(format!("unres: compare with: {problem}"));
                None
            }
        };
        let mut message =
            format!("Compared {old_name} (before) with {new_name} (after): {summary}");
        let can_show = self.can_show_document.load(Ordering::Relaxed);
        if page_uri.is_some() && !can_show {
            message.push_str(&format!(" Side by side: {}", page.display()));
        }
        self.outbox.send_lossy(json!({
            "jsonrpc": "2.0",
            "method": "window/showMessage",
            "params": {"type": MessageType::INFO, "message": message},
        }));
        if let Some(uri) = page_uri.clone().filter(|_| can_show) {
            let params = ShowDocumentParams {
                uri,
                external: Some(true),
                take_focus: Some(true),
                selection: None,
            };
            let shown = tokio::time::timeout(
                super::CLIENT_ANSWER_TIMEOUT,
                self.client.show_document(params),
            )
            .await;
            match shown {
                Ok(Ok(true)) => {}
                Ok(Ok(false)) => self.log_warning(format!(
                    "unres: compare with: the editor did not open {}",
                    page.display()
                )),
                Ok(Err(error)) => self.log_warning(format!(
                    "unres: compare with: the editor did not open {}: {error}",
                    page.display()
                )),
                Err(_) => self.log_warning(format!(
                    "unres: compare with: the editor did not answer showDocument for {}",
                    page.display()
                )),
            }
        }
        if let Some(object) = json.as_object_mut() {
            object.insert(
                "html".to_owned(),
                page_uri.map_or(Value::Null, |u| json!(u.as_str())),
            );
        }
        Ok(Some(json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_in_every_form() {
        let new = "file:///w/new.unres";
        let old = "file:///w/old.unres";
        let read = |args: Value| {
            arguments(args.as_array().unwrap())
                .map(|(a, b)| (a.as_str().to_owned(), b.map(|b| b.as_str().to_owned())))
        };
        let both = Some((new.to_owned(), Some(old.to_owned())));
        assert_eq!(read(json!([new, old])), both);
        assert_eq!(read(json!([{"uri": new}, {"uri": old}])), both);
        assert_eq!(read(json!([{"uri": new, "other": old}])), both);
        assert_eq!(read(json!([new])), Some((new.to_owned(), None)));
        assert_eq!(read(json!([new, null])), Some((new.to_owned(), None)));
        assert_eq!(read(json!([new, 5])), None);
        assert_eq!(read(json!([])), None);
    }

    #[test]
    fn page_names_are_safe_and_per_pair() {
        let a: Uri = "file:///w/A%20RES%2078.txt".parse().unwrap();
        let b: Uri = "file:///w/rev%201.unres".parse().unwrap();
        let c: Uri = "file:///elsewhere/rev%201.unres".parse().unwrap();
        let page = page_path(&a, &b);
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("rev_1-vs-A_RES_78-"), "{name}");
        assert!(name.ends_with(".html"));
        assert_ne!(page, page_path(&a, &c));
        assert_eq!(cut("short"), "short");
        assert_eq!(cut(&"x".repeat(80)).chars().count(), TITLE_SHOWN);
    }
}
