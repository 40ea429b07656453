//! Completion items from analysis candidates.

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat,
    MarkupContent, MarkupKind, TextEdit,
};

use super::convert;
use crate::analysis::ide::{CompletionCandidate, CompletionKind};
use crate::syntax::Tree;
use crate::text::PositionEncoding;

pub fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

pub fn to_item(
    tree: &Tree,
    candidate: CompletionCandidate,
    encoding: PositionEncoding,
) -> CompletionItem {
    let kind = match candidate.kind {
        CompletionKind::PreambularPhrase | CompletionKind::OperativeVerb => {
            CompletionItemKind::KEYWORD
        }
        CompletionKind::Resolution => CompletionItemKind::REFERENCE,
        CompletionKind::Snippet => CompletionItemKind::SNIPPET,
    };
    let range = convert::range(tree, candidate.replace, encoding);
    CompletionItem {
        label: candidate.label,
        kind: Some(kind),
        detail: candidate.detail,
        documentation: candidate.documentation.map(markdown),
        sort_text: Some(candidate.sort_text),
        filter_text: candidate.filter_text,
        insert_text_format: Some(if candidate.is_snippet {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            candidate.insert_text,
        ))),
        data: candidate
            .resolve_key
            .map(|key| serde_json::json!({ "resolution": key })),
        ..CompletionItem::default()
    }
}
