//! Which old paragraph became which new one, and which pairs kept their order.

use std::collections::{HashMap, VecDeque};

use super::paragraphs::ParagraphKind;
use super::words::{Prepared, similarity};

/// Two paragraphs anywhere in the documents are the same paragraph revised when
/// at least half of their words are kept in order.
pub const MATCH_THRESHOLD: f64 = 0.5;

/// Two paragraphs of the same kind that stand in the same place (between the
/// same matched neighbours) and open with the same verb or phrase are the same
/// paragraph rewritten when at least 30 % of their words are kept in order.
pub const IN_PLACE_THRESHOLD: f64 = 0.3;

/// An old paragraph and the new paragraph it became.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Pair {
    pub old: usize,
    pub new: usize,
    pub similarity: f64,
}

pub(super) struct Side<'a> {
    pub prepared: &'a [Prepared],
    pub kinds: &'a [ParagraphKind],
    /// The first word of each paragraph's opening, when it has a listed one.
    pub openings: &'a [Option<String>],
}

/// Pair the paragraphs: identical texts first, then the most similar pairs above
/// [`MATCH_THRESHOLD`], then, between pairs that kept their order, pairs of the
/// same kind and opening above [`IN_PLACE_THRESHOLD`]. Pairs are sorted by old
/// index.
pub(super) fn align(old: &Side<'_>, new: &Side<'_>) -> Vec<Pair> {
    let mut old_free = vec![true; old.prepared.len()];
    let mut new_free = vec![true; new.prepared.len()];
    let mut pairs = identical(old, new, &mut old_free, &mut new_free);

    let mut candidates = Vec::new();
    for (i, old_paragraph) in old.prepared.iter().enumerate() {
        if !old_free[i] {
            continue;
        }
        for (j, new_paragraph) in new.prepared.iter().enumerate() {
            if !new_free[j] {
                continue;
            }
            let similarity = similarity(old_paragraph, new_paragraph);
            if similarity >= IN_PLACE_THRESHOLD {
                candidates.push(Pair {
                    old: i,
                    new: j,
                    similarity,
                });
            }
        }
    }
    let distance = |pair: &Pair| {
        let at = |index: usize, len: usize| index as f64 / len.max(1) as f64;
        (at(pair.old, old.prepared.len()) - at(pair.new, new.prepared.len())).abs()
    };
    // Best first; among equals, the pair whose places in the documents are closest.
    candidates.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(distance(a).total_cmp(&distance(b)))
            .then((a.old, a.new).cmp(&(b.old, b.new)))
    });
    for candidate in &candidates {
        if candidate.similarity >= MATCH_THRESHOLD
            && old_free[candidate.old]
            && new_free[candidate.new]
        {
            old_free[candidate.old] = false;
            new_free[candidate.new] = false;
            pairs.push(*candidate);
        }
    }

    pairs.sort_by_key(|pair| pair.old);
    let kept = in_order(&pairs);
    // The stretches between two pairs that kept their order (and before the
    // first, after the last): a paragraph there stands in the place of the other.
    let anchors: Vec<(usize, usize)> = pairs
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| **kept)
        .map(|(pair, _)| (pair.old, pair.new))
        .collect();
    let stretch = |index: usize, side_of: fn(&(usize, usize)) -> usize| {
        anchors.partition_point(|anchor| side_of(anchor) < index)
    };
    let mut in_place = Vec::new();
    for candidate in &candidates {
        let same_place = stretch(candidate.old, |a| a.0) == stretch(candidate.new, |a| a.1);
        let same_opening = match (&old.openings[candidate.old], &new.openings[candidate.new]) {
            (Some(old), Some(new)) => old == new,
            _ => true,
        };
        if same_place
            && same_opening
            && old.kinds[candidate.old] == new.kinds[candidate.new]
            && old_free[candidate.old]
            && new_free[candidate.new]
        {
            old_free[candidate.old] = false;
            new_free[candidate.new] = false;
            in_place.push(*candidate);
        }
    }
    let in_place_count = in_place.len();
    pairs.extend(in_place);
    let first_in_place = pairs.len() - in_place_count;
    let mut indexed: Vec<(usize, Pair)> = pairs.into_iter().enumerate().collect();
    indexed.sort_by_key(|(_, pair)| pair.old);
    let sorted: Vec<Pair> = indexed.iter().map(|(_, pair)| *pair).collect();
    // Pairs that are only evidenced by their place must keep their order.
    indexed
        .into_iter()
        .zip(in_order(&sorted))
        .filter(|((index, _), kept)| *kept || *index < first_in_place)
        .map(|((_, pair), _)| pair)
        .collect()
}

/// Paragraphs with the same words and marks, paired in order of appearance.
fn identical(
    old: &Side<'_>,
    new: &Side<'_>,
    old_free: &mut [bool],
    new_free: &mut [bool],
) -> Vec<Pair> {
    let mut by_text: HashMap<&[u32], VecDeque<usize>> = HashMap::new();
    for (j, paragraph) in new.prepared.iter().enumerate() {
        by_text.entry(&paragraph.ids).or_default().push_back(j);
    }
    let mut pairs = Vec::new();
    for (i, paragraph) in old.prepared.iter().enumerate() {
        if let Some(j) = by_text
            .get_mut(paragraph.ids.as_slice())
            .and_then(VecDeque::pop_front)
        {
            old_free[i] = false;
            new_free[j] = false;
            pairs.push(Pair {
                old: i,
                new: j,
                similarity: 1.0,
            });
        }
    }
    pairs
}

/// For pairs sorted by old index: which belong to the longest run that keeps
/// the order of the new document (a longest increasing subsequence of the new
/// indices). The others moved.
pub(super) fn in_order(pairs: &[Pair]) -> Vec<bool> {
    // tails[k]: index (into `pairs`) of the smallest last new index of an
    // increasing run of length k + 1; previous[i]: the pair before i in its run.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, pair) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs[t].new < pair.new);
        previous[i] = length.checked_sub(1).map(|k| tails[k]);
        if length == tails.len() {
            tails.push(i);
        } else {
            tails[length] = i;
        }
    }
    let mut kept = vec![false; pairs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = previous[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(news: &[usize]) -> Vec<Pair> {
        news.iter()
            .enumerate()
            .map(|(old, &new)| Pair {
                old,
                new,
                similarity: 1.0,
            })
            .collect()
    }

    #[test]
    fn one_paragraph_moved_up_is_the_one_out_of_order() {
        // Old OP7 (index 6) became OP4 (index 3).
        let kept = in_order(&pairs(&[0, 1, 2, 4, 5, 6, 3, 7]));
        assert_eq!(kept, [true, true, true, true, true, true, false, true]);
    }

    #[test]
    fn kept_order_moves_nothing() {
        assert!(in_order(&pairs(&[0, 2, 3, 5])).iter().all(|k| *k));
    }
}
