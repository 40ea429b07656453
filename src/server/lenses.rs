//! Code lenses: at the top of a negotiation text, what a facilitator wants to
//! see first (issue 12, item 3: paragraphs agreed, bracketed, with
//! alternatives, and the brackets open) and "Compare with…" (the command
//! `unres.compareWith`, which asks which version). The status lens runs
//! `unres.negotiationStatus`, which shows the same figures with the
//! paragraphs they count and answers them as JSON.

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::{CodeLens, Command, MessageType, Position, Range, Uri};

use super::{Shared, compare_with};
use crate::analysis::Config;
use crate::analysis::negotiation_view;
use crate::syntax::{DocumentKind, ParagraphState, Tree};

pub const NEGOTIATION_STATUS: &str = "unres.negotiationStatus";

fn is_negotiation(tree: &Tree, config: &Config) -> bool {
    config.kind_of(tree) == DocumentKind::Negotiation
}

/// The lenses of a document: none unless it is a negotiation text (read from
/// the text, or set with `kind = "negotiation"`).
pub fn code_lenses(tree: &Tree, config: &Config, uri: &Uri) -> Vec<CodeLens> {
    if !is_negotiation(tree, config) {
        return Vec::new();
    }
    let first = tree
        .lines()
        .iter()
        .position(|l| !l.text.trim().is_empty())
        .unwrap_or(0) as u32;
    let at = Range::new(Position::new(first, 0), Position::new(first, 0));
    let tally = negotiation_view::tally(tree);
    vec![
        CodeLens {
            range: at,
            command: Some(Command {
                title: tally.title(),
                command: NEGOTIATION_STATUS.to_owned(),
                arguments: Some(vec![json!(uri.as_str())]),
            }),
            data: None,
        },
        CodeLens {
            range: at,
            command: Some(compare_with::command(uri)),
            data: None,
        },
    ]
}

/// The status as JSON, and the message that lists the paragraphs.
pub fn status(tree: &Tree) -> (Value, String) {
    let tally = negotiation_view::tally(tree);
    let mut by_state: Vec<(ParagraphState, Vec<String>)> = [
        ParagraphState::Bracketed,
        ParagraphState::Alternative,
        ParagraphState::Deleted,
        ParagraphState::AgreedAdRef,
    ]
    .into_iter()
    .map(|state| (state, Vec::new()))
    .collect();
    let mut listed = Vec::new();
    for paragraph in &negotiation_view::paragraphs(tree) {
        let state = negotiation_view::paragraph_state(tree, paragraph);
        if let Some((_, labels)) = by_state.iter_mut().find(|(s, _)| *s == state) {
            labels.push(paragraph.label.clone());
        }
        listed
            .push(json!({"label": paragraph.label, "line": paragraph.line, "state": state.name()}));
    }
    let unbalanced: Vec<Value> = tree
        .negotiation()
        .unbalanced()
        .map(|b| json!({"line": b.at.line, "character": b.at.start, "open": b.open}))
        .collect();
    let mut message = format!("Negotiation text: {}.", tally.title());
    for (state, labels) in &by_state {
        if !labels.is_empty() {
            message.push_str(&format!(" {}: {}.", state.name(), labels.join(", ")));
        }
    }
    let value = json!({
        "paragraphs": tally.paragraphs,
        "agreed": tally.agreed,
        "ad_ref": tally.ad_ref,
        "bracketed": tally.bracketed,
        "alternatives": tally.alternatives,
        "deleted": tally.deleted,
        "open_brackets": tally.open_brackets,
        "unbalanced": unbalanced,
        "states": listed,
    });
    (value, message)
}

impl Shared {
    /// Run `unres.negotiationStatus` on the open document `uri`.
    pub(super) async fn negotiation_status(&self, uri: Uri) -> Result<Option<Value>> {
        let found = self
            .with_snapshot("negotiationStatus", &uri, |snapshot, _, _| {
                Some(status(&snapshot.tree))
            })
            .await?;
        let Some((value, message)) = found else {
            return Err(jsonrpc::Error::invalid_params(format!(
                "unres: {} is not open",
                uri.as_str()
            )));
        };
        self.outbox.send_lossy(json!({
            "jsonrpc": "2.0",
            "method": "window/showMessage",
            "params": {"type": MessageType::INFO, "message": message},
        }));
        Ok(Some(value))
    }
}
