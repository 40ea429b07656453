//! Code actions that silence a rule (for one paragraph, through a `%% unres:`
//! comment; for the project, in `.unres.toml`), remove an unused suppression,
//! and fix every safe problem at once (`source.fixAll.unres`). Everything is a
//! workspace edit: no client-side code.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::{convert, diagnostics};
use crate::analysis::settings::PROJECT_FILE;
use crate::analysis::suppression::{self, UnusedSuppression, Verb};
use crate::analysis::{Diagnostic, Edit};
use crate::syntax::{Span, Tree};
use crate::text::{PositionEncoding, byte_to_column};

/// The kind of the fix-all action, as clients ask for it on save.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.unres")
}

/// The project file a "Disable in this project" action edits: the one that
/// governs the document (with its text), or where a new one would go.
pub struct ProjectTarget {
    pub path: PathBuf,
    /// `None`: the file does not exist yet.
    pub text: Option<String>,
}

impl ProjectTarget {
    /// The governing file if there is one, else `.unres.toml` in the first
    /// workspace folder, else beside the document.
    pub fn new(
        existing: Option<(&Path, &str)>,
        root: Option<&Path>,
        document: &Uri,
    ) -> Option<Self> {
        if let Some((path, text)) = existing {
            return Some(ProjectTarget {
                path: path.to_path_buf(),
                text: Some(text.to_owned()),
            });
        }
        let dir = match root {
            Some(root) => root.to_path_buf(),
            None => super::project::document_dir(document)?,
        };
        Some(ProjectTarget {
            path: dir.join(PROJECT_FILE),
            text: None,
        })
    }
}

impl super::Shared {
    /// Where "Disable RULE in this project" writes for the document `uri`.
    pub(super) fn project_target(&self, uri: &Uri) -> Option<ProjectTarget> {
        let knowledge = self.knowledge();
        let file = super::project::document_dir(uri)
            .and_then(|dir| knowledge.scopes.for_dir(&dir).cloned())
            .and_then(|scope| scope.file.clone());
        let roots = self.roots.read().unwrap_or_else(|p| p.into_inner());
        ProjectTarget::new(
            file.as_ref().map(|f| (f.path.as_path(), f.text.as_str())),
            roots.first().map(PathBuf::as_path),
            uri,
        )
    }
}

/// Does a client's `only` filter (none: everything) admit `kind`?
pub fn admits(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|wanted| {
            kind.as_str() == wanted.as_str()
                || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
        })
    })
}

/// "Disable RULE for this paragraph" and "Disable RULE in this project" for
/// each finding on the lines of `range`; "Remove unused suppression" on SUP001.
pub fn suppression_actions(
    tree: &Tree,
    uri: &Uri,
    found: &[Diagnostic],
    range: lsp::Range,
    encoding: PositionEncoding,
    project: Option<&ProjectTarget>,
) -> Vec<CodeActionOrCommand> {
    let directives = suppression::directives(tree);
    let mut actions = Vec::new();
    let mut offered_here = HashSet::new();
    let mut offered_project = HashSet::new();
    for diagnostic in found {
        let line = diagnostic.span.line as u32;
        if line < range.start.line || range.end.line < line {
            continue;
        }
        let lsp_diagnostic = diagnostics::to_lsp(tree, uri, diagnostic, encoding);
        let action = |title: String, edit: WorkspaceEdit| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                edit: Some(edit),
                is_preferred: Some(false),
                ..CodeAction::default()
            })
        };
        if diagnostic.code == UnusedSuppression::META.code {
            if let Some(edit) = removal(tree, &directives, diagnostic.span, encoding) {
                actions.push(action(
                    "Remove unused suppression".to_owned(),
                    changes(uri, vec![edit]),
                ));
            }
            continue;
        }
        if offered_here.insert((diagnostic.code, diagnostic.span.line)) {
            let edit = ignore_edit(tree, &directives, diagnostic, encoding);
            actions.push(action(
                format!("Disable {} for this paragraph", diagnostic.code),
                changes(uri, vec![edit]),
            ));
        }
        if let Some(project) = project {
            if offered_project.insert(diagnostic.code) {
                if let Some(edit) = project_edit(project, diagnostic.code, encoding) {
                    actions.push(action(
                        format!("Disable {} in this project", diagnostic.code),
                        edit,
                    ));
                }
            }
        }
    }
    actions
}

fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// `%% unres: ignore CODE` above the finding's line, or the code added to an
/// `ignore` comment already there.
fn ignore_edit(
    tree: &Tree,
    directives: &[suppression::Directive],
    diagnostic: &Diagnostic,
    encoding: PositionEncoding,
) -> TextEdit {
    let line = diagnostic.span.line;
    let above = directives.iter().find(|d| {
        d.verb == Some(Verb::Ignore) && suppression::ignored_line(tree, d.line) == Some(line)
    });
    let (span, text) = match above {
        Some(directive) => {
            let end = directive
                .codes
                .last()
                .map_or(directive.verb_span.end, |(_, span)| span.end);
            (
                Span::point(directive.line, end),
                format!(" {}", diagnostic.code),
            )
        }
        None => (
            Span::point(line, 0),
            format!("%% unres: ignore {}\n", diagnostic.code),
        ),
    };
    convert::text_edit(tree, &Edit::new(span, text), encoding)
}

/// The edit that takes an unused code out of its comment, or the whole
/// comment line when it is the only code.
fn removal(
    tree: &Tree,
    directives: &[suppression::Directive],
    at: Span,
    encoding: PositionEncoding,
) -> Option<TextEdit> {
    let directive = directives.iter().find(|d| d.line == at.line)?;
    let text = &tree.line(at.line)?.text;
    let only_code = directive.codes.len() <= 1;
    if only_code || directive.verb.is_none() {
        let start = Position::new(at.line as u32, 0);
        let end = if at.line + 1 < tree.line_count() {
            Position::new(at.line as u32 + 1, 0)
        } else {
            Position::new(at.line as u32, byte_to_column(text, text.len(), encoding))
        };
        return Some(TextEdit::new(lsp::Range::new(start, end), String::new()));
    }
    // The code and the separators before it.
    let start = text[..at.start].trim_end_matches([' ', '\t', ',']).len();
    convert::text_edit(
        tree,
        &Edit::new(Span::new(at.line, start, at.end), ""),
        encoding,
    )
    .into()
}

/// `CODE = "off"` under `[rules]` of the project file (created when absent).
fn project_edit(
    project: &ProjectTarget,
    code: &str,
    encoding: PositionEncoding,
) -> Option<WorkspaceEdit> {
    let uri = Uri::from_file_path(&project.path)?;
    let old = project.text.as_deref().unwrap_or("");
    let mut document: toml_edit::DocumentMut = old.parse().ok()?;
    if !document.contains_key("rules") {
        // A `[rules]` section, as the documentation writes it.
        document.insert("rules", toml_edit::table());
    }
    document["rules"][code] = toml_edit::value("off");
    let new = document.to_string();
    let lines: Vec<&str> = old.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    let end = Position::new(
        last as u32,
        byte_to_column(lines[last], lines[last].len(), encoding),
    );
    let edit = TextEdit::new(lsp::Range::new(Position::new(0, 0), end), new);
    if project.text.is_some() {
        return Some(changes(&uri, vec![edit]));
    }
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(edit)],
            }),
        ])),
        ..WorkspaceEdit::default()
    })
}

/// The edits of every safe fix: of each finding with exactly one fix, when
/// that fix is safe and touches nothing another fix taken already touches.
pub fn fix_all_edits(
    tree: &Tree,
    found: &[Diagnostic],
    encoding: PositionEncoding,
) -> Vec<TextEdit> {
    let mut taken: Vec<Span> = Vec::new();
    let mut edits = Vec::new();
    for diagnostic in found {
        let [fix] = diagnostic.fixes.as_slice() else {
            continue;
        };
        let touches = |a: &Span, b: &Span| a.line == b.line && a.start <= b.end && b.start <= a.end;
        if !fix.safe
            || fix
                .edits
                .iter()
                .any(|e| taken.iter().any(|t| touches(t, &e.span)))
        {
            continue;
        }
        for edit in &fix.edits {
            taken.push(edit.span);
            edits.push(convert::text_edit(tree, edit, encoding));
        }
    }
    edits
}

const FIX_ALL_TITLE: &str = "Fix all safe problems";

/// `source.fixAll.unres`, when there is something safe to fix.
pub fn fix_all_action(
    tree: &Tree,
    uri: &Uri,
    found: &[Diagnostic],
    encoding: PositionEncoding,
) -> Option<CodeActionOrCommand> {
    let edits = fix_all_edits(tree, found, encoding);
    if edits.is_empty() {
        return None;
    }
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: FIX_ALL_TITLE.to_owned(),
        kind: Some(fix_all_kind()),
        edit: Some(changes(uri, edits)),
        ..CodeAction::default()
    }))
}

/// `source.fixAll.unres` without its edit, for a client that resolves it when
/// it is chosen (`codeAction/resolve`): editors ask for code actions at every
/// move of the cursor, and the edit of a whole document's fixes would be most
/// of each answer.
pub fn unresolved_fix_all_action(uri: &Uri, found: &[Diagnostic]) -> Option<CodeActionOrCommand> {
    // What `fix_all_edits` takes first: the first diagnostic with one safe fix.
    let fixable = found
        .iter()
        .any(|d| matches!(d.fixes.as_slice(), [fix] if fix.safe));
    fixable.then(|| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title: FIX_ALL_TITLE.to_owned(),
            kind: Some(fix_all_kind()),
            data: Some(serde_json::json!({ "fixAll": uri.as_str() })),
            ..CodeAction::default()
        })
    })
}

/// The document whose fixes an [`unresolved_fix_all_action`] stands for.
pub fn fix_all_target(action: &CodeAction) -> Option<Uri> {
    action.data.as_ref()?.get("fixAll")?.as_str()?.parse().ok()
}

/// The edit of every safe fix of `found`, as a fix-all action carries it.
pub fn fix_all_edit(
    tree: &Tree,
    uri: &Uri,
    found: &[Diagnostic],
    encoding: PositionEncoding,
) -> WorkspaceEdit {
    changes(uri, fix_all_edits(tree, found, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_project_text(old: Option<&str>, code: &str) -> String {
        let project = ProjectTarget {
            path: PathBuf::from("/tmp/p/.unres.toml"),
            text: old.map(str::to_owned),
        };
        let edit = project_edit(&project, code, PositionEncoding::Utf16).expect("an edit");
        let text_edit = match (&edit.changes, &edit.document_changes) {
            (Some(changes), _) => changes.values().next().unwrap()[0].clone(),
            (None, Some(DocumentChanges::Operations(ops))) => match &ops[1] {
                DocumentChangeOperation::Edit(e) => match &e.edits[0] {
                    OneOf::Left(edit) => edit.clone(),
                    OneOf::Right(edit) => edit.text_edit.clone(),
                },
                DocumentChangeOperation::Op(_) => panic!("edit second"),
            },
            _ => panic!("no edit"),
        };
        text_edit.new_text
    }

    #[test]
    fn project_file_edits_keep_what_is_there() {
        assert_eq!(
            new_project_text(None, "PUN010"),
            "[rules]\nPUN010 = \"off\"\n"
        );
        assert_eq!(
            new_project_text(
                Some("organ = \"GA\" # ours\n\n[rules]\nNUM001 = \"hint\"\n"),
                "PUN010"
            ),
            "organ = \"GA\" # ours\n\n[rules]\nNUM001 = \"hint\"\nPUN010 = \"off\"\n"
        );
        assert_eq!(
            new_project_text(Some("[rules]\nPUN010 = \"warning\"\n"), "PUN010"),
            "[rules]\nPUN010 = \"off\"\n"
        );
    }

    #[test]
    fn only_filters_by_kind_prefix() {
        let kind = fix_all_kind();
        assert!(admits(None, &kind));
        assert!(admits(Some(&[CodeActionKind::SOURCE_FIX_ALL]), &kind));
        assert!(admits(Some(&[CodeActionKind::SOURCE]), &kind));
        assert!(!admits(Some(&[CodeActionKind::QUICKFIX]), &kind));
        assert!(!admits(
            Some(&[CodeActionKind::new("source.fixAll.ruff")]),
            &kind
        ));
    }
}
