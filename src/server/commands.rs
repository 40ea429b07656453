//! `workspace/executeCommand`: renumber the operative paragraphs, renumber the
//! footnotes, fix all safe problems. The server computes the edit and asks the
//! client to apply it (`workspace/applyEdit`), so the commands need no code in
//! the editor (Neovim's `vim.lsp.buf.execute_command`, Helix's `:lsp-workspace-command`,
//! Emacs' `eglot-execute-command`). Each takes the document's URI (a string or
//! `{"uri": …}`) as its argument.

use std::collections::HashMap;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::{ExecuteCommandParams, MessageType, TextEdit, Uri, WorkspaceEdit};

use super::{Shared, compare_with, convert, lenses, suppression_actions};
use crate::analysis::numbering;

pub const RENUMBER_PARAGRAPHS: &str = "unres.renumberParagraphs";
pub const RENUMBER_FOOTNOTES: &str = "unres.renumberFootnotes";
pub const FIX_ALL: &str = "unres.fixAll";
/// The clean text of an agreed rolling text (`analysis::clean`): one edit
/// replacing the document; no edit while brackets or alternatives remain
/// (DRF007 and `unres clean` say where).
pub const CLEAN_TEXT: &str = "unres.cleanText";

/// The commands the server answers, for its capabilities.
pub fn names() -> Vec<String> {
    [
        RENUMBER_PARAGRAPHS,
        RENUMBER_FOOTNOTES,
        FIX_ALL,
        CLEAN_TEXT,
        compare_with::COMPARE_WITH,
        lenses::NEGOTIATION_STATUS,
    ]
    .map(str::to_owned)
    .to_vec()
}

fn invalid(message: String) -> jsonrpc::Error {
    jsonrpc::Error::invalid_params(message)
}

/// The document a command is about: its first argument.
fn document(arguments: &[Value]) -> Option<Uri> {
    let first = arguments.first()?;
    let text = first
        .as_str()
        .or_else(|| first.get("uri").and_then(Value::as_str))?;
    text.parse().ok()
}

impl Shared {
    /// Run a command; the answer says whether the client applied the edit.
    pub(super) async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<Value>> {
        let command = params.command;
        if !names().contains(&command) {
            return Err(invalid(format!("unres: no command {command}")));
        }
        if command == compare_with::COMPARE_WITH {
            return self.compare_with(&params.arguments).await;
        }
        let uri = document(&params.arguments)
            .ok_or_else(|| invalid(format!("unres: {command} needs the document's URI")))?;
        if command == lenses::NEGOTIATION_STATUS {
            return self.negotiation_status(uri).await;
        }
        if command == CLEAN_TEXT {
            return self.clean_text(uri).await;
        }
        let which = command.clone();
        let edits: Option<Vec<TextEdit>> = self
            .with_snapshot(
                "executeCommand",
                &uri,
                move |snapshot, encoding, knowledge| {
                    let tree = &snapshot.tree;
                    let edits = match which.as_str() {
                        RENUMBER_PARAGRAPHS => numbering::renumber_operative(tree),
                        RENUMBER_FOOTNOTES => numbering::renumber_footnotes(tree),
                        _ => {
                            let found = snapshot.diagnostics(&knowledge.config, &knowledge.catalog);
                            return Some(suppression_actions::fix_all_edits(
                                tree, &found, encoding,
                            ));
                        }
                    };
                    Some(
                        edits
                            .iter()
                            .map(|edit| convert::text_edit(tree, edit, encoding))
                            .collect(),
                    )
                },
            )
            .await?;
        let Some(edits) = edits else {
            return Err(invalid(format!("unres: {} is not open", uri.as_str())));
        };
        if edits.is_empty() {
            return Ok(Some(json!({"applied": false, "edits": 0})));
        }
        self.apply_edits(&command, uri, edits).await
    }

    /// `unres.cleanText`: the whole document replaced by its clean text, or,
    /// while brackets or alternatives remain, a message saying where (the
    /// answer lists the places too).
    async fn clean_text(&self, uri: Uri) -> Result<Option<Value>> {
        let outcome = self
            .with_snapshot("executeCommand", &uri, move |snapshot, encoding, _| {
                let tree = &snapshot.tree;
                Some(match crate::analysis::clean::clean(&tree.text()) {
                    Ok(clean) => {
                        let last = tree.line_count().saturating_sub(1);
                        let len = tree.line(last).map_or(0, |l| l.text.len());
                        // An edit from the start to the end of the document
                        // (analysis spans stay within one line).
                        let end =
                            crate::analysis::Edit::new(crate::syntax::Span::point(last, len), "");
                        let mut whole = convert::text_edit(tree, &end, encoding);
                        whole.range.start = tower_lsp_server::ls_types::Position::new(0, 0);
                        whole.new_text = clean;
                        Ok(vec![whole])
                    }
                    Err(remains) => Err(remains
                        .iter()
                        .map(|r| (convert::range(tree, r.span, encoding), r.what.clone()))
                        .collect::<Vec<_>>()),
                })
            })
            .await?;
        match outcome {
            None => Err(invalid(format!("unres: {} is not open", uri.as_str()))),
            Some(Ok(edits)) => self.apply_edits(CLEAN_TEXT, uri, edits).await,
            Some(Err(remains)) => {
                let places: Vec<String> = remains
                    .iter()
                    .take(5)
                    .map(|(range, what)| format!("line {}: {what}", range.start.line + 1))
                    .collect();
                let more = remains.len().saturating_sub(places.len());
                let message = format!(
                    "unres: the text cannot be cleaned while {} place{} still need{} agreement ({}{})",
                    remains.len(),
                    if remains.len() == 1 { "" } else { "s" },
                    if remains.len() == 1 { "s" } else { "" },
                    places.join("; "),
                    if more > 0 {
                        format!("; {more} more")
                    } else {
                        String::new()
                    }
                );
                self.outbox.send_lossy(json!({
                    "jsonrpc": "2.0",
                    "method": "window/showMessage",
                    "params": {"type": MessageType::WARNING, "message": message},
                }));
                self.log_warning(message);
                let remaining: Vec<Value> = remains
                    .iter()
                    .map(|(range, what)| json!({"range": range, "what": what}))
                    .collect();
                Ok(Some(
                    json!({"applied": false, "edits": 0, "remaining": remaining}),
                ))
            }
        }
    }

    /// Ask the client to apply `edits` to `uri`; the answer says whether it did.
    async fn apply_edits(
        &self,
        command: &str,
        uri: Uri,
        edits: Vec<TextEdit>,
    ) -> Result<Option<Value>> {
        let count = edits.len();
        let edit = WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        };
        let applied = match self.client.apply_edit(edit).await {
            Ok(response) => response.applied,
            Err(error) => {
                self.log_warning(format!(
                    "unres: {command}: the client did not apply the edit: {error}"
                ));
                false
            }
        };
        Ok(Some(json!({"applied": applied, "edits": count})))
    }
}
