//! Compare two versions of a resolution paragraph by paragraph (issue 12, item 4).
//!
//! Negotiated texts are renumbered at every round, so paragraphs are aligned by
//! their content, never by their number. Each paragraph of either version comes
//! out as one [`Entry`]: unchanged, changed (with the words inserted and
//! deleted), moved (`OP7` → `OP4`, possibly changed too), added or deleted.
//!
//! ## Paragraphs
//!
//! The units are read from the syntax tree ([`paragraphs::paragraphs`]): a
//! preambular or operative paragraph with its subparagraphs and continuation
//! lines, a numbered annex paragraph or a line of annex text, a heading. Footnote
//! markers are left out of the compared text (footnotes are renumbered when one
//! is added, which is not a change of the paragraph).
//!
//! ## Alignment
//!
//! 1. Paragraphs with the same words and marks are paired, in order.
//! 2. Every remaining old paragraph is scored against every remaining new one:
//!    the similarity is 2 × LCS / (words of both), the share of words kept in
//!    order (case folded, punctuation left out). Pairs scoring at least
//!    [`MATCH_THRESHOLD`] (0.5) are taken greedily, best first; among equal
//!    scores the pair closest in relative position wins. On 1,267 pairs of
//!    successive General Assembly texts (docs/COMPARE.md), 97 % of the revised
//!    paragraphs score 0.5 or more (dates, session numbers and report symbols
//!    change); below it two paragraphs are as likely siblings as a revision
//!    (the best wrong candidate of a paired paragraph scores 0.57 at the 95th
//!    percentile, its partner a median of 1.0). Best first is what keeps
//!    siblings apart, and greedy is enough because the partner stands far above
//!    them.
//! 3. The pairs that keep their order are the longest increasing subsequence of
//!    the new positions; between two of them, an unpaired old and an unpaired new
//!    paragraph of the same kind that open with the same verb or phrase
//!    (`Requests` and `Also requests` do) are the same paragraph rewritten when
//!    they score at least [`IN_PLACE_THRESHOLD`] (0.3) and keep the order:
//!    standing in the same place under the same verb is evidence of its own, as
//!    a facilitator reads a redrafted paragraph. (0.3 alone is about what the
//!    best wrong candidate scores, its median is 0.32, so it never stands alone,
//!    and a pair only its place supports is never reported as moved.)
//! 4. The final longest increasing subsequence decides what moved: pairs outside
//!    it are "moved", pairs inside it only renumbered (`OP5` → `OP6` after an
//!    insertion is not a move).
//!
//! ## Words
//!
//! Inside a pair, the word diff (`similar`, patience algorithm) runs over words,
//! marks and line breaks; a few words that happen to match inside a rewritten
//! passage are shown as part of the replacement, as diff-match-patch's semantic
//! cleanup does.

mod align;
pub mod candidates;
pub mod paragraphs;
pub mod render;
mod words;

use serde::Serialize;

pub use align::{IN_PLACE_THRESHOLD, MATCH_THRESHOLD};
pub use paragraphs::{Paragraph, ParagraphKind, ParagraphLine};
pub use words::{LineStart, Op, Piece, Segment};

use crate::syntax::Tree;
use align::{Pair, Side};
use words::{Interner, Prepared};

/// What happened to a paragraph between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Same words and marks (its label may have changed: renumbered).
    Unchanged,
    /// Same place, words changed.
    Changed,
    /// Out of its old order (its words may have changed too: `text_changed`).
    Moved,
    Added,
    Deleted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Moved => "moved",
            Status::Added => "added",
            Status::Deleted => "deleted",
        }
    }
}

/// One paragraph of the comparison: an old paragraph, a new one, or both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub status: Status,
    /// The words differ (always for added and deleted paragraphs).
    pub text_changed: bool,
    /// The labels differ (`OP5` → `OP6`).
    pub renumbered: bool,
    pub old: Option<Paragraph>,
    pub new: Option<Paragraph>,
    /// 2 × LCS / total words of the pair, rounded to three decimals; `None`
    /// for added and deleted paragraphs.
    pub similarity: Option<f64>,
    pub diff: Vec<Segment>,
}

/// How many entries have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub old_paragraphs: usize,
    pub new_paragraphs: usize,
    pub unchanged: usize,
    pub changed: usize,
    pub moved: usize,
    pub added: usize,
    pub deleted: usize,
    /// Paired paragraphs whose label changed (counted in their status too).
    pub renumbered: usize,
}

impl Summary {
    /// Paragraphs that differ in any way (renumbering aside).
    pub fn differing(&self) -> usize {
        self.changed + self.moved + self.added + self.deleted
    }
}

/// The comparison of two versions: entries in the order of the new text, with
/// deleted paragraphs where they stood and moved ones at their new place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub summary: Summary,
    pub entries: Vec<Entry>,
}

/// The name of the stable JSON shape (docs/COMPARE.md).
pub const JSON_FORMAT: &str = "unres-compare/1";

/// The stable JSON document of `unres compare --format json` and of the
/// editor's `unres.compareWith`: the comparison with the names of the two
/// versions it compares.
#[derive(Debug, Serialize)]
pub struct JsonDocument<'a> {
    pub format: &'static str,
    pub old: &'a str,
    pub new: &'a str,
    #[serde(flatten)]
    pub comparison: &'a Comparison,
}

impl<'a> JsonDocument<'a> {
    pub fn new(comparison: &'a Comparison, old: &'a str, new: &'a str) -> Self {
        JsonDocument {
            format: JSON_FORMAT,
            old,
            new,
            comparison,
        }
    }
}

/// The scores the alignment gives pairs of paragraphs of two versions:
/// 2 × LCS / (words of both), case folded, punctuation left out.
pub struct Similarities {
    old: Vec<Prepared>,
    new: Vec<Prepared>,
}

impl Similarities {
    pub fn new(old: &[Paragraph], new: &[Paragraph]) -> Similarities {
        let mut interner = Interner::default();
        Similarities {
            old: old.iter().map(|p| interner.prepare(p)).collect(),
            new: new.iter().map(|p| interner.prepare(p)).collect(),
        }
    }

    /// The score of old paragraph `old` and new paragraph `new` (indexes into
    /// the slices given to [`Similarities::new`]).
    pub fn score(&self, old: usize, new: usize) -> f64 {
        words::similarity(&self.old[old], &self.new[new])
    }
}

/// Compare two parsed versions of a resolution.
pub fn compare(old: &Tree, new: &Tree) -> Comparison {
    compare_paragraphs(paragraphs::paragraphs(old), paragraphs::paragraphs(new))
}

fn compare_paragraphs(old: Vec<Paragraph>, new: Vec<Paragraph>) -> Comparison {
    let mut interner = Interner::default();
    let old_prepared: Vec<Prepared> = old.iter().map(|p| interner.prepare(p)).collect();
    let new_prepared: Vec<Prepared> = new.iter().map(|p| interner.prepare(p)).collect();
    let old_kinds: Vec<ParagraphKind> = old.iter().map(|p| p.kind).collect();
    let new_kinds: Vec<ParagraphKind> = new.iter().map(|p| p.kind).collect();
    let old_openings: Vec<Option<String>> = old.iter().map(|p| p.opening.clone()).collect();
    let new_openings: Vec<Option<String>> = new.iter().map(|p| p.opening.clone()).collect();
    let pairs = align::align(
        &Side {
            prepared: &old_prepared,
            kinds: &old_kinds,
            openings: &old_openings,
        },
        &Side {
            prepared: &new_prepared,
            kinds: &new_kinds,
            openings: &new_openings,
        },
    );
    let kept = align::in_order(&pairs);

    let mut pair_of_new: Vec<Option<(Pair, bool)>> = vec![None; new.len()];
    let mut paired_old = vec![false; old.len()];
    for (pair, kept) in pairs.iter().zip(&kept) {
        pair_of_new[pair.new] = Some((*pair, *kept));
        paired_old[pair.old] = true;
    }

    let deleted = |index: usize| Entry {
        status: Status::Deleted,
        text_changed: true,
        renumbered: false,
        old: Some(old[index].clone()),
        new: None,
        similarity: None,
        diff: words::whole(&old_prepared[index], &old[index], Op::Delete),
    };
    let mut entries = Vec::with_capacity(old.len().max(new.len()));
    // For each new position, the old index of the next pair that kept its order:
    // the unpaired old paragraphs before it were deleted in the stretch that
    // ends there, and are listed first, where they stood.
    let mut next_kept_old = vec![old.len(); new.len() + 1];
    for j in (0..new.len()).rev() {
        next_kept_old[j] = match pair_of_new[j] {
            Some((pair, true)) => pair.old,
            _ => next_kept_old[j + 1],
        };
    }
    let mut next_old = 0;
    for (j, pair) in pair_of_new.iter().enumerate() {
        let unpaired = (next_old..next_kept_old[j]).filter(|&i| !paired_old[i]);
        entries.extend(unpaired.map(deleted));
        next_old = next_old.max(next_kept_old[j]);
        let Some((pair, kept)) = *pair else {
            entries.push(Entry {
                status: Status::Added,
                text_changed: true,
                renumbered: false,
                old: None,
                new: Some(new[j].clone()),
                similarity: None,
                diff: words::whole(&new_prepared[j], &new[j], Op::Insert),
            });
            continue;
        };
        if kept {
            next_old = pair.old + 1;
        }
        let (old_paragraph, new_paragraph) = (&old[pair.old], &new[j]);
        let text_changed = old_prepared[pair.old].ids != new_prepared[j].ids;
        let status = match (kept, text_changed) {
            (false, _) => Status::Moved,
            (true, true) => Status::Changed,
            (true, false) => Status::Unchanged,
        };
        let diff = if text_changed {
            words::diff(
                &old_prepared[pair.old],
                old_paragraph,
                &new_prepared[j],
                new_paragraph,
            )
        } else {
            words::whole(&old_prepared[pair.old], old_paragraph, Op::Equal)
        };
        entries.push(Entry {
            status,
            text_changed,
            renumbered: old_paragraph.label != new_paragraph.label,
            old: Some(old_paragraph.clone()),
            new: Some(new_paragraph.clone()),
            similarity: Some((pair.similarity * 1000.0).round() / 1000.0),
            diff,
        });
    }
    let unpaired = (next_old..old.len()).filter(|&i| !paired_old[i]);
    entries.extend(unpaired.map(deleted));

    let mut summary = Summary {
        old_paragraphs: old.len(),
        new_paragraphs: new.len(),
        ..Summary::default()
    };
    for entry in &entries {
        match entry.status {
            Status::Unchanged => summary.unchanged += 1,
            Status::Changed => summary.changed += 1,
            Status::Moved => summary.moved += 1,
            Status::Added => summary.added += 1,
            Status::Deleted => summary.deleted += 1,
        }
        summary.renumbered += usize::from(entry.renumbered);
    }
    Comparison { summary, entries }
}
