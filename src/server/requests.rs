//! What hover, completion and code actions answer for one snapshot, and the
//! warm-up that runs them once before the first real request.
//!
//! The handlers in `mod.rs` only take the snapshot and hand it here; the same
//! functions run at `initialized` over a sample resolution, so that the first
//! request of each kind does not pay for compiling the patterns and building
//! the tables it reads (a first hover took 1.4 ms against 0.17 ms for the
//! next ones, most of it compiling the symbol pattern).

use std::sync::Arc;

use tower_lsp_server::ls_types::*;

use super::documents::Snapshot;
use super::suppression_actions::{self, ProjectTarget};
use super::{Knowledge, compare_with, completion, convert, cross_links, diagnostics, hover};
use super::{navigation, record};
use crate::analysis::{Catalog, agreed_language};
use crate::syntax::Tree;
use crate::text::PositionEncoding;

/// The hover at `position`: a finding's rule first, then what the text under
/// the cursor is (footnote, attribution, cross-reference, citation, opening,
/// document kind).
pub fn hover_at(
    snapshot: &Snapshot,
    encoding: PositionEncoding,
    knowledge: &Knowledge,
    position: Position,
) -> Option<Hover> {
    let tree = &snapshot.tree;
    let (line, byte) = convert::offset(tree, position, encoding);
    let other = navigation::footnote_hover(tree, line, byte)
        .or_else(|| {
            // Adopted texts hold no attributions (`(UNAMA)` is a name).
            let adopted = knowledge.config.kind_of(tree) == crate::syntax::DocumentKind::Adopted;
            (!adopted)
                .then(|| crate::analysis::negotiation_view::hover_attribution(tree, line, byte))
                .flatten()
        })
        .or_else(|| cross_links::hover(tree, line, byte))
        .or_else(|| {
            record::hover_citation(
                tree,
                &knowledge.catalog,
                Some(&knowledge.workspace),
                line,
                byte,
            )
        })
        .or_else(|| agreed_language::hover_opening(tree, &knowledge.config, line, byte))
        .or_else(|| crate::analysis::kind::hover_kind(tree, &knowledge.config, line));
    let found = snapshot.diagnostics(&knowledge.config, &knowledge.catalog);
    let info = hover::with_rule(hover::rule_hover(&found, line, byte), other)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: info.markdown,
        }),
        range: Some(convert::range(tree, info.span, encoding)),
    })
}

/// Completion at `position`: agreed openings, and resolution symbols after
/// `resolution` or a symbol prefix.
pub fn completion_at(
    snapshot: &Snapshot,
    encoding: PositionEncoding,
    knowledge: &Knowledge,
    position: Position,
) -> CompletionResponse {
    let tree = &snapshot.tree;
    let (line, byte) = convert::offset(tree, position, encoding);
    let mut candidates = agreed_language::complete_opening(tree, &knowledge.config, line, byte);
    candidates.extend(record::complete_symbol(
        tree,
        &knowledge.catalog,
        Some(&knowledge.workspace),
        line,
        byte,
    ));
    let items: Vec<CompletionItem> = candidates
        .into_iter()
        .map(|c| completion::to_item(tree, c, encoding))
        .collect();
    CompletionResponse::List(CompletionList {
        // Narrowing by what is typed next changes the candidates.
        is_incomplete: true,
        items,
    })
}

/// What a code action request asks besides the snapshot.
pub struct ActionRequest {
    pub target: Uri,
    pub range: Range,
    pub only: Option<Vec<CodeActionKind>>,
    /// The project file "Disable in this project" edits.
    pub project: Option<ProjectTarget>,
    /// The client computes the fix-all edit through `codeAction/resolve`.
    pub resolves_edits: bool,
}

/// The code actions for `request.range`: quick fixes and suppressions of the
/// findings there, fix-all, and "compare with".
pub fn code_actions_for(
    snapshot: &Snapshot,
    encoding: PositionEncoding,
    knowledge: &Knowledge,
    request: &ActionRequest,
) -> Vec<CodeActionOrCommand> {
    let found = snapshot.diagnostics(&knowledge.config, &knowledge.catalog);
    let tree = &snapshot.tree;
    let (target, range, only) = (&request.target, request.range, request.only.as_deref());
    let mut actions = Vec::new();
    if suppression_actions::admits(only, &CodeActionKind::QUICKFIX) {
        actions = diagnostics::code_actions(tree, target, &found, range, encoding);
        actions.extend(suppression_actions::suppression_actions(
            tree,
            target,
            &found,
            range,
            encoding,
            request.project.as_ref(),
        ));
    }
    if suppression_actions::admits(only, &suppression_actions::fix_all_kind()) {
        actions.extend(if request.resolves_edits {
            suppression_actions::unresolved_fix_all_action(target, &found)
        } else {
            suppression_actions::fix_all_action(tree, target, &found, encoding)
        });
    }
    if suppression_actions::admits(only, &compare_with::action_kind()) {
        actions.push(compare_with::code_action(target));
    }
    actions
}

/// A short draft with what the requests read: citations, symbols, a
/// footnote, a cross-reference, openings, brackets and an attribution.
const SAMPLE: &str = "\tThe General Assembly,\n\
\tRecalling its resolution 70/1 of 25 September 2015 and Security Council resolution 2231 (2015),\n\
\tTaking note of document A/C.3/80/L.12 and of A/RES/79/1,1\n\
\t1.\tDecides [to consider (EU)] the question, in line with paragraph 2 below;\n\
\t2.\tRequests the Secretary-General to report on S/RES/1325 (2000).\n\
\n\
1 See A/79/PV.3.\n";

/// Run hover, completion and code actions once at every word of the sample,
/// so that the patterns and tables they read are built before the first real
/// request. Off the reactor. Positions are in UTF-16 whatever the client
/// chose: what is warmed does not depend on it. The record is left out: its
/// completion indexes (4 MiB of title words) are built only for a user who
/// completes resolutions.
pub fn warm_up(knowledge: &Knowledge) {
    let encoding = PositionEncoding::Utf16;
    let knowledge = &Knowledge {
        catalog: Arc::new(Catalog::empty()),
        ..knowledge.clone()
    };
    agreed_language::prepare_completion();
    record::prepare_completion();
    let snapshot = Snapshot::detached(Tree::parse(SAMPLE));
    let target: Uri = "untitled:unres-warm-up".parse().expect("a valid URI");
    for (number, text) in SAMPLE.lines().enumerate() {
        let line = number as u32;
        for column in word_starts(text) {
            let at = Position::new(line, column);
            std::hint::black_box(hover_at(&snapshot, encoding, knowledge, at));
            std::hint::black_box(completion_at(&snapshot, encoding, knowledge, at));
        }
        let request = ActionRequest {
            target: target.clone(),
            range: Range::new(Position::new(line, 0), Position::new(line + 1, 0)),
            only: None,
            project: None,
            resolves_edits: true,
        };
        std::hint::black_box(code_actions_for(&snapshot, encoding, knowledge, &request));
    }
}

/// The columns (in UTF-16 units) where a word starts, and the line's end.
fn word_starts(text: &str) -> Vec<u32> {
    let mut starts = Vec::new();
    let (mut column, mut previous) = (0u32, ' ');
    for c in text.chars() {
        if !c.is_whitespace() && previous.is_whitespace() {
            starts.push(column);
        }
        previous = c;
        column += c.len_utf16() as u32;
    }
    starts.push(column);
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::settings::Layer;

    fn knowledge() -> Knowledge {
        Knowledge::new(super::super::project::build_scope(
            &Layer::default(),
            None,
            None,
            "",
        ))
    }

    #[test]
    fn the_sample_gives_every_request_something_to_answer() {
        let knowledge = knowledge();
        let snapshot = Snapshot::detached(Tree::parse(SAMPLE));
        let at = |line, column| Position::new(line, column);
        let hover = |line, column| {
            hover_at(
                &snapshot,
                PositionEncoding::Utf16,
                &knowledge,
                at(line, column),
            )
            .map(|h| match h.contents {
                HoverContents::Markup(m) => m.value,
                _ => String::new(),
            })
            .unwrap_or_default()
        };
        // A citation, a draft symbol, a footnote marker, a cross-reference.
        assert!(hover(1, 27).contains("70/1"), "{}", hover(1, 27));
        assert!(hover(2, 28).contains("A/C.3/80/L.12"), "{}", hover(2, 28));
        assert!(hover(2, 57).contains("A/79/PV.3"), "{}", hover(2, 57));
        assert!(hover(3, 68).contains("Requests"), "{}", hover(3, 68));
        let CompletionResponse::List(list) =
            completion_at(&snapshot, PositionEncoding::Utf16, &knowledge, at(3, 4))
        else {
            panic!("a list");
        };
        assert!(!list.items.is_empty());
        warm_up(&knowledge);
    }

    #[test]
    fn word_starts_are_the_first_letters_and_the_end() {
        assert_eq!(word_starts("\t1.\tDecides to act"), vec![1, 4, 12, 15, 18]);
        assert_eq!(word_starts("“Agenda” item"), vec![0, 9, 13]);
    }
}
