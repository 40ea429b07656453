//! Words of a paragraph and the word-level diff of two paragraphs.
//!
//! A paragraph becomes a sequence of tokens: words (letters and digits, with the
//! `-`, `/`, `'`, `’` and `.` inside them: `A/RES/77/140`, `Non-Self-Governing`,
//! `Power’s`), single punctuation marks, and a line break before each
//! subparagraph or continuation line. Whitespace is not a token; each token
//! remembers whether a space came before it, so the texts can be rebuilt.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::paragraphs::Paragraph;

/// The id every line break gets: line breaks match each other whatever their labels.
const BREAK: u32 = 0;

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub text: String,
    pub space_before: bool,
    /// Line breaks only: the index of the paragraph line the break starts.
    pub line: Option<usize>,
}

/// A paragraph ready for comparison.
#[derive(Debug, Clone)]
pub(super) struct Prepared {
    pub tokens: Vec<Token>,
    /// Exact token ids (case and punctuation kept), for the diff.
    pub ids: Vec<u32>,
    /// Lower-cased words only, for similarity.
    pub words: Vec<u32>,
}

/// Token ids shared by both versions of one comparison.
#[derive(Debug, Default)]
pub(super) struct Interner {
    exact: HashMap<String, u32>,
    folded: HashMap<String, u32>,
}

/// The same word for the comparison: the non-breaking hyphen (U+2011) and the
/// hyphen are one mark, a soft hyphen (U+00AD) is nothing. They are typography,
/// not wording.
fn typographic_fold(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{ad}')
        .map(|c| if c == '\u{2011}' { '-' } else { c })
        .collect()
}

impl Interner {
    fn exact(&mut self, text: &str) -> u32 {
        let next = self.exact.len() as u32 + 1;
        *self.exact.entry(typographic_fold(text)).or_insert(next)
    }

    fn folded(&mut self, text: &str) -> u32 {
        let next = self.folded.len() as u32;
        *self
            .folded
            .entry(typographic_fold(text).to_lowercase())
            .or_insert(next)
    }

    pub fn prepare(&mut self, paragraph: &Paragraph) -> Prepared {
        let mut tokens = Vec::new();
        for (index, line) in paragraph.lines.iter().enumerate() {
            if index > 0 {
                tokens.push(Token {
                    text: String::new(),
                    space_before: false,
                    line: Some(index),
                });
            }
            tokenize(&line.text, &mut tokens);
        }
        let mut ids = Vec::with_capacity(tokens.len());
        let mut words = Vec::new();
        for token in &tokens {
            if token.line.is_some() {
                ids.push(BREAK);
                continue;
            }
            ids.push(self.exact(&token.text));
            if token.text.chars().any(char::is_alphanumeric) {
                words.push(self.folded(&token.text));
            }
        }
        Prepared { tokens, ids, words }
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{ad}' | '/' | '\'' | '’' | '.')
}

fn tokenize(text: &str, out: &mut Vec<Token>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut space_before = false;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let mut end_index = i + 1;
        if c.is_alphanumeric() {
            while end_index < chars.len() {
                let next = chars[end_index].1;
                let joined = joins_word(next)
                    && chars
                        .get(end_index + 1)
                        .is_some_and(|(_, after)| after.is_alphanumeric());
                if next.is_alphanumeric() {
                    end_index += 1;
                } else if joined {
                    end_index += 2;
                } else {
                    break;
                }
            }
        }
        let end = chars.get(end_index).map_or(text.len(), |(at, _)| *at);
        out.push(Token {
            text: text[start..end].to_owned(),
            space_before,
            line: None,
        });
        space_before = false;
        i = end_index;
    }
}

/// The share of words two paragraphs have in common, in order:
/// 2 × (longest common subsequence) / (total words), from 0 to 1 (difflib's
/// ratio; rapidfuzz computes it bit-parallel, 64 words at a time, which keeps
/// comparing every old paragraph with every new one cheap).
pub(super) fn similarity(old: &Prepared, new: &Prepared) -> f64 {
    if old.words.is_empty() && new.words.is_empty() {
        return if old.ids == new.ids { 1.0 } else { 0.0 };
    }
    rapidfuzz::distance::indel::normalized_similarity(
        old.words.iter().copied(),
        new.words.iter().copied(),
    )
}

/// A stretch of the diff: tokens kept, or old tokens replaced by new ones (either
/// side may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hunk {
    Equal {
        old: Range<usize>,
        new: Range<usize>,
    },
    Change {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// What a diff segment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// The start of a subparagraph or continuation line inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineStart {
    /// Its label in the old version (`None` when the line is new, or has no label).
    pub old_label: Option<String>,
    pub new_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Piece {
    /// Words and marks; a leading space is part of the text.
    Text(String),
    /// A new line starts here.
    Line(LineStart),
}

/// One piece of a paragraph's diff. The `equal` and `delete` segments in order
/// give the old paragraph, the `equal` and `insert` segments the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    #[serde(flatten)]
    pub piece: Piece,
}

/// The word-level diff of two paragraphs.
pub(super) fn diff(
    old: &Prepared,
    old_paragraph: &Paragraph,
    new: &Prepared,
    new_paragraph: &Paragraph,
) -> Vec<Segment> {
    let ops = capture_diff_slices(Algorithm::Patience, &old.ids, &new.ids);
    let mut hunks = Vec::new();
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let hunk = match tag {
            DiffTag::Equal => Hunk::Equal {
                old: old_range,
                new: new_range,
            },
            _ => Hunk::Change {
                old: old_range,
                new: new_range,
            },
        };
        push_hunk(&mut hunks, hunk);
    }
    let mut hunks = absorb_short_equalities(hunks, &old.ids);
    start_lines_with_their_labels(&mut hunks, &old.ids, &new.ids);
    let sides = Sides {
        old,
        old_paragraph,
        new,
        new_paragraph,
    };
    let mut segments = Vec::new();
    for hunk in hunks {
        match hunk {
            Hunk::Equal { old, new } => {
                sides.emit(Op::Equal, old, Some(new), &mut segments);
            }
            Hunk::Change { old, new } => {
                sides.emit(Op::Delete, old, None, &mut segments);
                sides.emit(Op::Insert, new, None, &mut segments);
            }
        }
    }
    segments
}

/// The whole paragraph as one kind of segment (an added or deleted paragraph).
pub(super) fn whole(prepared: &Prepared, paragraph: &Paragraph, op: Op) -> Vec<Segment> {
    let sides = Sides {
        old: prepared,
        old_paragraph: paragraph,
        new: prepared,
        new_paragraph: paragraph,
    };
    let mut segments = Vec::new();
    let range = 0..prepared.tokens.len();
    let new_range = (op == Op::Equal).then(|| range.clone());
    sides.emit(op, range, new_range, &mut segments);
    segments
}

/// Merge a hunk into the last one when both are changes (so a change is one
/// stretch of old words replaced by one stretch of new words).
fn push_hunk(hunks: &mut Vec<Hunk>, hunk: Hunk) {
    if let (Some(Hunk::Change { old, new }), Hunk::Change { old: o, new: n }) =
        (hunks.last_mut(), &hunk)
    {
        old.end = o.end;
        new.end = n.end;
        return;
    }
    if let (Some(Hunk::Equal { old, new }), Hunk::Equal { old: o, new: n }) =
        (hunks.last_mut(), &hunk)
    {
        old.end = o.end;
        new.end = n.end;
        return;
    }
    hunks.push(hunk);
}

fn change_size(hunk: Option<&Hunk>) -> usize {
    match hunk {
        Some(Hunk::Change { old, new }) => old.len().max(new.len()),
        _ => 0,
    }
}

/// Readable diffs: a few words that happen to match inside a rewritten passage
/// ("the" between two replaced clauses) are shown as part of the replacement.
/// An equal stretch goes when it is no longer than the change on either side of
/// it (the rule of diff-match-patch's semantic cleanup), unless it holds a line
/// break, which keeps the lines apart.
fn absorb_short_equalities(mut hunks: Vec<Hunk>, old_ids: &[u32]) -> Vec<Hunk> {
    loop {
        let mut changed = false;
        let mut out: Vec<Hunk> = Vec::with_capacity(hunks.len());
        let mut index = 0;
        while index < hunks.len() {
            if let Hunk::Equal { old, new } = &hunks[index] {
                let before = change_size(out.last());
                let after = change_size(hunks.get(index + 1));
                let has_break = old_ids[old.clone()].contains(&BREAK);
                if before > 0 && after > 0 && old.len() <= before.min(after) && !has_break {
                    push_hunk(
                        &mut out,
                        Hunk::Change {
                            old: old.clone(),
                            new: new.clone(),
                        },
                    );
                    changed = true;
                    index += 1;
                    continue;
                }
            }
            push_hunk(&mut out, hunks[index].clone());
            index += 1;
        }
        hunks = out;
        if !changed {
            return hunks;
        }
    }
}

/// A whole line inserted (or deleted) after an equal line break ends with a
/// line break of its own, so the diff may put the new line's label on either
/// break: `(e) **Adopting …;** **(f)** Strengthening …`. Move such an insertion
/// one token back, to start at the break: `**(e) Adopting …;** (f)
/// Strengthening …`, as a reader expects a new subparagraph to look.
fn start_lines_with_their_labels(hunks: &mut [Hunk], old_ids: &[u32], new_ids: &[u32]) {
    for k in 1..hunks.len().saturating_sub(1) {
        let (before, rest) = hunks.split_at_mut(k);
        let (change, after) = rest.split_at_mut(1);
        let (
            Some(Hunk::Equal {
                old: equal_old,
                new: equal_new,
            }),
            Hunk::Change { old, new },
            Some(Hunk::Equal {
                old: next_old,
                new: next_new,
            }),
        ) = (before.last_mut(), &mut change[0], after.first_mut())
        else {
            continue;
        };
        let ends_with_break =
            |ids: &[u32], range: &Range<usize>| !range.is_empty() && ids[range.end - 1] == BREAK;
        let one_sided = (old.start == old.end && ends_with_break(new_ids, new))
            || (new.start == new.end && ends_with_break(old_ids, old));
        if one_sided && equal_old.len() > 1 && ends_with_break(old_ids, equal_old) {
            equal_old.end -= 1;
            equal_new.end -= 1;
            *old = old.start - 1..old.end - 1;
            *new = new.start - 1..new.end - 1;
            next_old.start -= 1;
            next_new.start -= 1;
        }
    }
}

struct Sides<'a> {
    old: &'a Prepared,
    old_paragraph: &'a Paragraph,
    new: &'a Prepared,
    new_paragraph: &'a Paragraph,
}

impl Sides<'_> {
    /// Segments for a run of tokens: text pieces split at line breaks. `range`
    /// indexes the old tokens for `equal` and `delete`, the new ones for `insert`;
    /// `equal` passes the new range too, for the new labels of its line breaks.
    fn emit(
        &self,
        op: Op,
        range: Range<usize>,
        new_range: Option<Range<usize>>,
        out: &mut Vec<Segment>,
    ) {
        let (prepared, paragraph) = match op {
            Op::Insert => (self.new, self.new_paragraph),
            Op::Equal | Op::Delete => (self.old, self.old_paragraph),
        };
        let mut text = String::new();
        let offset = new_range.map(|new| new.start as isize - range.start as isize);
        for index in range {
            let token = &prepared.tokens[index];
            let Some(line) = token.line else {
                if token.space_before {
                    text.push(' ');
                }
                text.push_str(&token.text);
                continue;
            };
            if !text.is_empty() {
                out.push(Segment {
                    op,
                    piece: Piece::Text(std::mem::take(&mut text)),
                });
            }
            let label_of = |paragraph: &Paragraph, line: usize| {
                paragraph.lines.get(line).and_then(|l| l.label.clone())
            };
            let start = match op {
                Op::Insert => LineStart {
                    old_label: None,
                    new_label: label_of(paragraph, line),
                },
                Op::Delete => LineStart {
                    old_label: label_of(paragraph, line),
                    new_label: None,
                },
                Op::Equal => {
                    let new_index = (index as isize + offset.unwrap_or(0)) as usize;
                    let new_line = self.new.tokens.get(new_index).and_then(|t| t.line);
                    LineStart {
                        old_label: label_of(paragraph, line),
                        new_label: new_line.and_then(|l| label_of(self.new_paragraph, l)),
                    }
                }
            };
            out.push(Segment {
                op,
                piece: Piece::Line(start),
            });
        }
        if !text.is_empty() {
            out.push(Segment {
                op,
                piece: Piece::Text(text),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, bool)> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        tokens
            .into_iter()
            .map(|t| (t.text, t.space_before))
            .collect()
    }

    #[test]
    fn words_keep_their_inner_marks() {
        let tokens =
            texts("Recalls resolution A/RES/77/140, the Power’s Non-Self-Governing (a) 2.5");
        let words: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            words,
            [
                "Recalls",
                "resolution",
                "A/RES/77/140",
                ",",
                "the",
                "Power’s",
                "Non-Self-Governing",
                "(",
                "a",
                ")",
                "2.5"
            ]
        );
        assert!(!tokens[3].1, "no space before the comma");
        assert!(tokens[4].1);
    }
}
