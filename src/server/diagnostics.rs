//! Diagnostics and the quick fixes they carry.

use std::collections::HashMap;
use std::sync::LazyLock;

use tower_lsp_server::ls_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, NumberOrString, Uri,
    WorkspaceEdit,
};

use super::convert;
use crate::analysis::Diagnostic;
use crate::syntax::Tree;
use crate::text::PositionEncoding;

/// The link to each rule's documentation, parsed once: a publish converts
/// hundreds of diagnostics, and formatting and parsing each one's link was
/// most of the conversion.
static CODE_DESCRIPTIONS: LazyLock<HashMap<&'static str, lsp::CodeDescription>> =
    LazyLock::new(|| {
        crate::analysis::all_rules()
            .filter_map(|meta| {
                let href = meta.doc_url().parse().ok()?;
                Some((meta.code, lsp::CodeDescription { href }))
            })
            .collect()
    });

fn code_description(code: &str) -> Option<lsp::CodeDescription> {
    CODE_DESCRIPTIONS.get(code).cloned()
}

pub fn to_lsp(
    tree: &Tree,
    uri: &Uri,
    diagnostic: &Diagnostic,
    encoding: PositionEncoding,
) -> lsp::Diagnostic {
    let related = diagnostic
        .related
        .iter()
        .map(|(span, message)| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), convert::range(tree, *span, encoding)),
            message: message.clone(),
        })
        .collect::<Vec<_>>();
    lsp::Diagnostic {
        range: convert::range(tree, diagnostic.span, encoding),
        severity: Some(convert::severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        code_description: code_description(diagnostic.code),
        source: Some("unres".to_owned()),
        message: diagnostic.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

/// Quick fixes for the diagnostics that touch `range`.
pub fn code_actions(
    tree: &Tree,
    uri: &Uri,
    found: &[Diagnostic],
    range: lsp::Range,
    encoding: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let lines = range.start.line as usize..=range.end.line as usize;
    // Spans lie in one line: the ones outside the range are left before any
    // column is converted.
    for diagnostic in found.iter().filter(|d| lines.contains(&d.span.line)) {
        let diagnostic_range = convert::range(tree, diagnostic.span, encoding);
        let overlaps = diagnostic_range.start.line <= range.end.line
            && range.start.line <= diagnostic_range.end.line;
        if !overlaps {
            continue;
        }
        for fix in &diagnostic.fixes {
            let edits = fix
                .edits
                .iter()
                .map(|edit| convert::text_edit(tree, edit, encoding))
                .collect();
            let mut changes = HashMap::new();
            changes.insert(uri.clone(), edits);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(tree, uri, diagnostic, encoding)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(diagnostic.fixes.len() == 1 && fix.safe),
                ..CodeAction::default()
            }));
        }
    }
    actions
}
