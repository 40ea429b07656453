//! Open documents: the one place where edits are applied, in order.
//!
//! `didChange` applies its edits synchronously, under a `std::sync::Mutex` that is
//! never held across an `.await`; readers take an immutable [`Snapshot`] (an `Arc`
//! of the tree) and work on it off the async reactor.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::from_lsp_position;
use crate::syntax::Tree;
use crate::text::{PositionEncoding, SourceText};

/// What a reader sees of a document: its version and its parse.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub version: i32,
    pub tree: Arc<Tree>,
}

#[derive(Debug)]
struct Document {
    version: i32,
    source: SourceText,
    tree: Arc<Tree>,
}

/// Why a change was not applied.
#[derive(Debug, PartialEq, Eq)]
pub enum ChangeError {
    UnknownDocument,
    /// The change's version is not newer than the document's.
    StaleVersion {
        current: i32,
        received: i32,
    },
}

#[derive(Debug, Default)]
pub struct Documents {
    open: Mutex<HashMap<Uri, Document>>,
}

impl Documents {
    fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic elsewhere while holding the lock must not take the documents down.
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn open(&self, uri: Uri, version: i32, text: &str) -> Snapshot {
        let tree = Arc::new(Tree::parse(text));
        let snapshot = Snapshot {
            version,
            tree: Arc::clone(&tree),
        };
        self.lock().insert(
            uri,
            Document {
                version,
                source: SourceText::new(text),
                tree,
            },
        );
        snapshot
    }

    pub fn close(&self, uri: &Uri) {
        self.lock().remove(uri);
    }

    /// Apply the changes of one `didChange` in order and re-parse incrementally.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: PositionEncoding,
    ) -> Result<Snapshot, ChangeError> {
        let mut open = self.lock();
        let document = open.get_mut(uri).ok_or(ChangeError::UnknownDocument)?;
        if version <= document.version {
            return Err(ChangeError::StaleVersion {
                current: document.version,
                received: version,
            });
        }
        let tree = Arc::make_mut(&mut document.tree);
        for change in changes {
            let range = change
                .range
                .map(|r| (from_lsp_position(r.start), from_lsp_position(r.end)));
            let edited = document.source.apply_edit(range, &change.text, encoding);
            let new_lines: Vec<String> = (edited.first..edited.first + edited.new_count)
                .map(|i| document.source.line(i).into_owned())
                .collect();
            tree.apply_edit(edited, &new_lines);
        }
        document.version = version;
        Ok(Snapshot {
            version,
            tree: Arc::clone(&document.tree),
        })
    }

    pub fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        self.lock().get(uri).map(|d| Snapshot {
            version: d.version,
            tree: Arc::clone(&d.tree),
        })
    }

    /// Is `version` still the document's current version?
    pub fn is_current(&self, uri: &Uri, version: i32) -> bool {
        self.lock().get(uri).is_some_and(|d| d.version == version)
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.lock().keys().cloned().collect()
    }
}
