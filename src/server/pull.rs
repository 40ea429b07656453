//! Pull diagnostics: `textDocument/diagnostic` for open documents and
//! `workspace/diagnostic` for the resolution files of the workspace index.
//!
//! A client that announces pull support is not pushed diagnostics as well
//! (one list per document, not two); it is asked to pull again with
//! `workspace/diagnostic/refresh` when the server's knowledge changes.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use tower_lsp_server::ls_types::{
    self as lsp, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport, Uri,
    WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport, WorkspaceUnchangedDocumentDiagnosticReport,
};

use super::diagnostics;
use super::workspace::{self, FileRead};
use super::{Knowledge, Shared};
use crate::analysis;

/// The identifier of unres's diagnostics for clients that pull from several
/// servers.
pub const IDENTIFIER: &str = "unres";

/// Does the client pull (`textDocument.diagnostic` in its capabilities)?
pub fn client_pulls(capabilities: &lsp::ClientCapabilities) -> bool {
    capabilities
        .text_document
        .as_ref()
        .is_some_and(|t| t.diagnostic.is_some())
}

/// Can the client be asked to pull again?
pub fn client_refreshes(capabilities: &lsp::ClientCapabilities) -> bool {
    capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.diagnostics.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false)
}

pub fn options() -> lsp::DiagnosticServerCapabilities {
    lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
        identifier: Some(IDENTIFIER.to_owned()),
        inter_file_dependencies: false,
        workspace_diagnostics: true,
        work_done_progress_options: lsp::WorkDoneProgressOptions::default(),
    })
}

/// A report for an open document: unchanged when `previous` is the id of the
/// same instance, version and knowledge.
pub fn document_report(
    previous: Option<&str>,
    result_id: String,
    compute: impl FnOnce() -> Vec<lsp::Diagnostic>,
) -> DocumentDiagnosticReportResult {
    let report = if previous == Some(result_id.as_str()) {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items: compute(),
            },
        })
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// The result id of an open document's diagnostics.
pub fn open_result_id(instance: u64, version: i32, generation: u64) -> String {
    format!("open-{instance}-{version}-{generation}")
}

/// Reports for the indexed files that are not open (open ones are pulled per
/// document). A file whose text and knowledge are those of `previous` is
/// reported unchanged.
pub fn workspace_report(
    shared: &Arc<Shared>,
    knowledge: &Knowledge,
    previous: &[lsp::PreviousResultId],
) -> WorkspaceDiagnosticReport {
    let encoding = shared.encoding();
    let files = knowledge.workspace.files();
    let mut items = Vec::new();
    for file in files {
        let Ok(uri) = file.parse::<Uri>() else {
            continue;
        };
        if shared.documents.is_open(&uri) {
            continue;
        }
        let Some(path) = uri.to_file_path() else {
            continue;
        };
        let FileRead::Resolution(tree) = workspace::read(&path) else {
            continue;
        };
        let scoped = knowledge.clone().for_document(&uri);
        let mut hasher = DefaultHasher::new();
        tree.text().hash(&mut hasher);
        let result_id = format!("file-{:x}-{}", hasher.finish(), knowledge.generation);
        let was = previous
            .iter()
            .any(|p| p.uri == uri && p.value == result_id);
        let report = if was {
            WorkspaceDocumentDiagnosticReport::Unchanged(
                WorkspaceUnchangedDocumentDiagnosticReport {
                    uri,
                    version: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                },
            )
        } else {
            let found = if scoped.excludes(&uri) {
                Vec::new()
            } else {
                analysis::analyze_with(&tree, &scoped.config, &scoped.catalog)
            };
            let items = found
                .iter()
                .map(|d| diagnostics::to_lsp(&tree, &uri, d, encoding))
                .collect();
            WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                uri,
                version: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items,
                },
            })
        };
        items.push(report);
    }
    WorkspaceDiagnosticReport { items }
}
