//! Open documents: the one place where edits are applied, in arrival order.
//!
//! Only the dispatcher thread (see `transport`) edits, so edits never wait for one
//! another. Each document has its own lock, held only to apply one `didChange` or
//! to take a [`Snapshot`]: a slow edit of one document never holds up another.
//! All the text edits of one `didChange` are applied to the rope first, then the
//! tree is updated once over the lines they touched together (or parsed anew when
//! that window is large).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tower_lsp_server::ls_types::{SemanticToken, TextDocumentContentChangeEvent, Uri};

use super::convert::from_lsp_position;
use crate::analysis::{self, AnalysisMemo, Catalog, Config, Diagnostic, DocumentViews};
use crate::syntax::Tree;
use crate::text::{EditedLines, PositionEncoding, SourceText};

/// Above this many lines, one edit window is parsed anew rather than updated in
/// place (updating matches the window's old lines against its new ones).
const MAX_EDIT_WINDOW: usize = 2_000;

/// The analysis of one version of a document under one generation of the
/// server's knowledge: computed once, by whoever asks first.
#[derive(Debug)]
pub struct AnalysisCell {
    generation: u64,
    analysis: OnceLock<(Arc<Vec<Diagnostic>>, Arc<DocumentViews>)>,
    semantic_tokens: OnceLock<Arc<Vec<SemanticToken>>>,
}

impl AnalysisCell {
    fn new(generation: u64) -> Arc<Self> {
        Arc::new(AnalysisCell {
            generation,
            analysis: OnceLock::new(),
            semantic_tokens: OnceLock::new(),
        })
    }
}

/// What a reader sees of a document.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Which opening of the URI this is: a reopen with the same version is a
    /// different document.
    pub instance: u64,
    pub version: i32,
    pub tree: Arc<Tree>,
    analysis: Arc<AnalysisCell>,
    /// The document's line memo: what the analysis of an earlier version
    /// found on each line, reused for the lines this version did not change.
    memo: Arc<Mutex<AnalysisMemo>>,
}

impl Snapshot {
    /// A snapshot of a text that is not an open document (the warm-up's
    /// samples): its own analysis cell and memo.
    pub fn detached(tree: Tree) -> Snapshot {
        Snapshot {
            instance: 0,
            version: 0,
            tree: Arc::new(tree),
            analysis: AnalysisCell::new(0),
            memo: Arc::new(Mutex::new(AnalysisMemo::default())),
        }
    }

    /// Whether this version's analysis is done: a request that reads only it
    /// and one line is then cheap enough to answer without a blocking thread.
    pub fn is_analyzed(&self) -> bool {
        self.analysis.analysis.get().is_some()
    }

    /// The diagnostics of this version, computed at most once per knowledge
    /// generation (publishing and every code action share them).
    pub fn diagnostics(&self, config: &Config, catalog: &Catalog) -> Arc<Vec<Diagnostic>> {
        Arc::clone(&self.analyzed(config, catalog).0)
    }

    /// The citations and openings the analysis of this version assembled
    /// (semantic tokens and links read them instead of finding them again).
    pub fn views(&self, config: &Config, catalog: &Catalog) -> Arc<DocumentViews> {
        Arc::clone(&self.analyzed(config, catalog).1)
    }

    fn analyzed(
        &self,
        config: &Config,
        catalog: &Catalog,
    ) -> &(Arc<Vec<Diagnostic>>, Arc<DocumentViews>) {
        self.analysis.analysis.get_or_init(|| {
            let mut memo = lock(&self.memo);
            let (diagnostics, views) =
                analysis::analyze_with_views(&self.tree, config, catalog, &mut memo);
            (Arc::new(diagnostics), Arc::new(views))
        })
    }

    /// The semantic tokens of this version, computed by `compute` at most once
    /// per knowledge generation (the position encoding is fixed at
    /// `initialize`).
    pub fn semantic_tokens(
        &self,
        compute: impl FnOnce() -> Vec<SemanticToken>,
    ) -> Arc<Vec<SemanticToken>> {
        Arc::clone(
            self.analysis
                .semantic_tokens
                .get_or_init(|| Arc::new(compute())),
        )
    }
}

#[derive(Debug)]
struct Document {
    instance: u64,
    version: i32,
    source: SourceText,
    tree: Arc<Tree>,
    analysis: Arc<AnalysisCell>,
    memo: Arc<Mutex<AnalysisMemo>>,
    /// False after a change was lost: the text may differ from the client's
    /// until a full-text change or a reopen.
    in_sync: bool,
    /// A publish task runs for this document; `publish_again` asks it to go on
    /// with the newest version when it is done.
    publishing: bool,
    publish_again: bool,
}

/// What applying one `didChange` gave.
#[derive(Debug)]
pub struct Changed {
    /// The version did not increase: `(the document's, the change's)`.
    pub went_backwards: Option<(i32, i32)>,
    /// A full-text change brought a document that had lost a change back in sync.
    pub resynced: bool,
}

#[derive(Debug, Default)]
pub struct Documents {
    open: Mutex<HashMap<Uri, Arc<Mutex<Document>>>>,
    instances: AtomicU64,
}

/// A panic elsewhere while holding a lock must not take the documents down.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Documents {
    fn document(&self, uri: &Uri) -> Option<Arc<Mutex<Document>>> {
        lock(&self.open).get(uri).cloned()
    }

    /// Open (or reopen) `uri`. The text is parsed before any lock is taken.
    pub fn open(&self, uri: Uri, version: i32, text: &str) -> Snapshot {
        let tree = Arc::new(Tree::parse(text));
        let instance = self.instances.fetch_add(1, Ordering::Relaxed) + 1;
        let document = Document {
            instance,
            version,
            source: SourceText::new(text),
            tree,
            analysis: AnalysisCell::new(0),
            memo: Arc::default(),
            in_sync: true,
            publishing: false,
            publish_again: false,
        };
        let snapshot = snapshot_of(&document);
        lock(&self.open).insert(uri, Arc::new(Mutex::new(document)));
        snapshot
    }

    pub fn close(&self, uri: &Uri) -> bool {
        lock(&self.open).remove(uri).is_some()
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        lock(&self.open).contains_key(uri)
    }

    /// Apply the changes of one `didChange` in order: all text edits first, then
    /// one update of the tree. A version that does not increase is applied too
    /// (the edits are relative to the text as it is) and reported.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: PositionEncoding,
    ) -> Option<Changed> {
        let document = self.document(uri)?;
        let mut document = lock(&document);
        let went_backwards = (version <= document.version).then_some((document.version, version));
        let mut window: Option<EditedLines> = None;
        let mut full_text = false;
        for change in changes {
            full_text |= change.range.is_none();
            let range = change
                .range
                .map(|r| (from_lsp_position(r.start), from_lsp_position(r.end)));
            let edited = document.source.apply_edit(range, &change.text, encoding);
            window = Some(match window {
                Some(earlier) => merge(earlier, edited),
                None => edited,
            });
        }
        if let Some(window) = window {
            let document = &mut *document;
            if window.old_count.max(window.new_count) > MAX_EDIT_WINDOW {
                document.tree = Arc::new(Tree::parse(&document.source.to_string_lossless()));
            } else {
                let new_lines: Vec<String> = (window.first..window.first + window.new_count)
                    .map(|i| document.source.line(i).into_owned())
                    .collect();
                Arc::make_mut(&mut document.tree).apply_edit(window, &new_lines);
            }
        }
        let resynced = full_text && !document.in_sync;
        if full_text {
            document.in_sync = true;
        }
        document.version = version;
        document.analysis = AnalysisCell::new(document.analysis.generation);
        Some(Changed {
            went_backwards,
            resynced,
        })
    }

    /// A change to `uri` was lost: its text may now differ from the client's.
    /// True when the document is open and was in sync until now.
    pub fn mark_out_of_sync(&self, uri: &Uri) -> bool {
        self.document(uri)
            .is_some_and(|d| std::mem::replace(&mut lock(&d).in_sync, false))
    }

    pub fn is_in_sync(&self, uri: &Uri) -> bool {
        self.document(uri).is_some_and(|d| lock(&d).in_sync)
    }

    /// A snapshot whose analysis belongs to knowledge `generation`.
    pub fn snapshot(&self, uri: &Uri, generation: u64) -> Option<Snapshot> {
        let document = self.document(uri)?;
        let mut document = lock(&document);
        if document.analysis.generation != generation {
            document.analysis = AnalysisCell::new(generation);
        }
        Some(snapshot_of(&document))
    }

    /// The document's text, exactly as the server holds it.
    pub fn text(&self, uri: &Uri) -> Option<String> {
        let document = self.document(uri)?;
        let text = lock(&document).source.to_string_lossless();
        Some(text)
    }

    /// Is this still the open instance of `uri`, at this version?
    pub fn is_current(&self, uri: &Uri, instance: u64, version: i32) -> bool {
        self.document(uri).is_some_and(|d| {
            let d = lock(&d);
            d.instance == instance && d.version == version
        })
    }

    pub fn uris(&self) -> Vec<Uri> {
        lock(&self.open).keys().cloned().collect()
    }

    /// Start publishing `uri`: the instance to publish, or `None` when a publish
    /// task already runs (it will go on with the newest version).
    pub fn claim_publish(&self, uri: &Uri) -> Option<u64> {
        let document = self.document(uri)?;
        let mut document = lock(&document);
        if document.publishing {
            document.publish_again = true;
            return None;
        }
        document.publishing = true;
        Some(document.instance)
    }

    /// A publish of `instance` is done: true when it must run once more.
    pub fn publish_done(&self, uri: &Uri, instance: u64) -> bool {
        let Some(document) = self.document(uri) else {
            return false;
        };
        let mut document = lock(&document);
        if document.instance != instance {
            return false;
        }
        if std::mem::take(&mut document.publish_again) {
            return true;
        }
        document.publishing = false;
        false
    }
}

fn snapshot_of(document: &Document) -> Snapshot {
    Snapshot {
        instance: document.instance,
        version: document.version,
        tree: Arc::clone(&document.tree),
        analysis: Arc::clone(&document.analysis),
        memo: Arc::clone(&document.memo),
    }
}

/// The lines two edits in a row replaced together: `earlier` took the text from
/// A to B, `later` from B to C; the result takes it from A to C.
fn merge(earlier: EditedLines, later: EditedLines) -> EditedLines {
    let first = earlier.first.min(later.first);
    // The end of the union in B's lines, then mapped back to A and on to C.
    let end_in_b = (earlier.first + earlier.new_count).max(later.first + later.old_count);
    let end_in_a = end_in_b - earlier.new_count + earlier.old_count;
    let end_in_c = end_in_b + later.new_count - later.old_count;
    EditedLines {
        first,
        old_count: end_in_a - first,
        new_count: end_in_c - first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(line: u32, start: u32, end: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(line, start),
                Position::new(line, end),
            )),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn many_changes_in_one_did_change_equal_a_full_parse() {
        let documents = Documents::default();
        let uri: Uri = "file:///a.unres".parse().unwrap();
        let text: String = (1..=50)
            .map(|i| format!("\t{i}.\tDecides to act;\n"))
            .collect();
        documents.open(uri.clone(), 1, &format!("\tThe General Assembly,\n{text}"));
        let changes = vec![
            edit(3, 1, 2, "7"),
            edit(40, 0, 0, "\tNew line,\n\tAnother\n"),
            edit(2, 0, 0, "\tRecalling,\n"),
            edit(49, 3, 20, ""),
            edit(0, 0, 0, "x"),
        ];
        let changed = documents
            .change(&uri, 2, changes, PositionEncoding::Utf16)
            .unwrap();
        let text = documents.text(&uri).unwrap();
        let snapshot = documents.snapshot(&uri, 0).unwrap();
        assert_eq!(*snapshot.tree, Tree::parse(&text));
        assert!(changed.went_backwards.is_none());
    }

    #[test]
    fn backwards_versions_apply_and_are_reported() {
        let documents = Documents::default();
        let uri: Uri = "file:///a.unres".parse().unwrap();
        documents.open(uri.clone(), 5, "abc");
        let changed = documents
            .change(&uri, 3, vec![edit(0, 3, 3, "d")], PositionEncoding::Utf16)
            .unwrap();
        assert_eq!(changed.went_backwards, Some((5, 3)));
        assert_eq!(documents.text(&uri).unwrap(), "abcd");
    }

    #[test]
    fn reopening_is_a_new_instance() {
        let documents = Documents::default();
        let uri: Uri = "file:///a.unres".parse().unwrap();
        let first = documents.open(uri.clone(), 1, "a");
        documents.close(&uri);
        let second = documents.open(uri.clone(), 1, "b");
        assert!(!documents.is_current(&uri, first.instance, 1));
        assert!(documents.is_current(&uri, second.instance, 1));
    }

    #[test]
    fn full_text_change_resyncs() {
        let documents = Documents::default();
        let uri: Uri = "file:///a.unres".parse().unwrap();
        documents.open(uri.clone(), 1, "a");
        assert!(documents.mark_out_of_sync(&uri));
        assert!(!documents.mark_out_of_sync(&uri), "said once");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "b".to_owned(),
        };
        let changed = documents
            .change(&uri, 2, vec![full], PositionEncoding::Utf16)
            .unwrap();
        assert!(changed.resynced);
        assert!(documents.is_in_sync(&uri));
    }
}
