//! What an edit changed, as the document rules read it: the window of lines
//! between the unchanged runs at both ends, how each of its paragraph lines
//! read before and after in the parts a rule may read ([`Reads`]), and how the
//! text around the edit moved, so that kept findings move with it.

use std::ops::{BitOr, Range};
use std::sync::Arc;

use crate::analysis::agreed_language::{LineOpenings, OpeningKind, Openings, tokenize};
use crate::analysis::citation::Citation;
use crate::analysis::diagnostic::Diagnostic;
use crate::analysis::{cross_refs, style};
use crate::syntax::{LexedLine, LineShape, MarkerCandidate, Role, Tree};
use crate::text::{ceil_char_boundary, floor_char_boundary};

/// The parts of a paragraph line a document rule reads besides its role,
/// number, label and indentation (which every rule may read: a change there
/// runs every rule again). Lines other than paragraphs (headers, headings,
/// footnotes, closing lines, rolling-text marks) are read whole by any rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reads(u16);

impl Reads {
    /// Nothing of the paragraph lines' text.
    pub const NONE: Reads = Reads(0);
    /// The role, number, label and indentation of every line: read by every
    /// rule.
    pub const LAYOUT: Reads = Reads(1 << 6);
    /// The preambular and operative openings (`LineOpenings`), and the
    /// beginning of the paragraph text (after any number or label): its first
    /// [`OPENING_BYTES`] bytes, its first [`OPENING_WORDS`] words and the words
    /// of its openings, with the character after. A text that short is read
    /// whole.
    pub const OPENINGS: Reads = Reads(1);
    /// The end of the text: its last [`ENDING_BYTES`] bytes and at least its
    /// last two words before any trailing footnote markers, the markers and
    /// the whitespace after.
    pub const ENDING: Reads = Reads(1 << 1);
    /// The footnote marker candidates and the text around each.
    pub const MARKERS: Reads = Reads(1 << 2);
    /// The citations of resolutions and decisions.
    pub const CITATIONS: Reads = Reads(1 << 3);
    /// The whole text of the lines that name a country (a form of the style
    /// lists' country names) or may define a country's abbreviation (`CAR`,
    /// `DRC`, `DPRK`); nothing of the other lines.
    pub const COUNTRIES: Reads = Reads(1 << 4);
    /// The whole text of the lines that hold a quotation mark or an
    /// apostrophe (`"`, `'`, `“`, `”`, `‘`, `’`); nothing of the others.
    pub const QUOTES: Reads = Reads(1 << 5);
    /// The whole text of the lines that mention a paragraph (where
    /// [`cross_refs`](crate::analysis::cross_refs) finds references to the
    /// resolution's own paragraphs); nothing of the others.
    pub const CROSS_REFS: Reads = Reads(1 << 8);
    /// The whole text of the paragraphs that have no recognised opening of
    /// their kind (a preambular paragraph without a preambular opening, an
    /// operative one without an operative opening); nothing of the others.
    pub const UNOPENED: Reads = Reads(1 << 9);
    /// The whole text of the lines that hold a citation or the word
    /// `resolution`: the dates and clauses around citations (CIT001), bare
    /// Council numbers (CIT007).
    pub const CITING: Reads = Reads(1 << 10);
    /// The whole text of the lines that may hold a draft's symbol (`/L.`).
    pub const DRAFT_SYMBOLS: Reads = Reads(1 << 11);
    /// The first [`AFTER_OPENING_WORDS`] words after each opening, within its
    /// next [`AFTER_OPENING_TOKENS`] words and marks, with the character after
    /// (the object VRB008 compares).
    pub const AFTER_OPENING: Reads = Reads(1 << 12);
    /// Anything else of the text.
    pub const TEXT: Reads = Reads(1 << 15);
    /// Everything: what the window reports when it cannot tell.
    pub const ALL: Reads = Reads(u16::MAX);

    pub const fn union(self, other: Reads) -> Reads {
        Reads(self.0 | other.0)
    }

    pub const fn intersects(self, other: Reads) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for Reads {
    type Output = Reads;
    fn bitor(self, other: Reads) -> Reads {
        self.union(other)
    }
}

/// How many bytes before the end of a paragraph's text [`Reads::ENDING`]
/// covers: the final mark, and the words a rule reads before it
/// (`; and`, `, inter alia:`).
pub const ENDING_BYTES: usize = 32;

/// How many bytes of a paragraph's text from its start [`Reads::OPENINGS`]
/// covers at least besides the recognised openings.
pub const OPENING_BYTES: usize = 48;

/// How many words (between white space) of a paragraph's text
/// [`Reads::OPENINGS`] covers at least: the class of an opening is told from
/// the first word after up to two adverbs, and a heading with a listed opening
/// of four words or more is a preambular paragraph.
const OPENING_WORDS: usize = 4;

/// How many words at the end of a paragraph's text [`Reads::ENDING`] covers
/// at least (`; and`, `Requesting also`).
const ENDING_WORDS: usize = 2;

/// How many words and marks after an opening [`Reads::AFTER_OPENING`] covers
/// at most.
pub const AFTER_OPENING_TOKENS: usize = 8;

/// How many words after an opening [`Reads::AFTER_OPENING`] covers.
pub const AFTER_OPENING_WORDS: usize = 3;

/// How many bytes on each side of a footnote marker [`Reads::MARKERS`] covers.
const MARKER_CONTEXT: usize = 16;

/// What the comparison of a line before and after an edit reads besides its
/// text, kept with the line so the old version need not be lexed again.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    shape: LineShape,
    indent: usize,
    body_start: usize,
    content_end: usize,
    markers: Vec<MarkerCandidate>,
    /// No rolling-text marks, label or symbol footnote indicators: the line
    /// rules and the document rules read these in ways of their own.
    plain: bool,
}

impl Layout {
    pub(super) fn of(line: &LexedLine) -> Layout {
        Layout {
            shape: line.shape.clone(),
            indent: line.indent,
            body_start: line.body_start,
            content_end: line.content_end,
            markers: line.markers.clone(),
            plain: line.negotiation.is_none()
                && line.label.is_none()
                && line.other_indicators.is_empty(),
        }
    }

    fn same(&self, other: &Layout) -> bool {
        self.shape == other.shape
            && self.indent == other.indent
            && self.body_start == other.body_start
    }
}

/// A line the edit replaced, as the memo kept it.
#[derive(Debug)]
pub(super) struct OldLine {
    pub text: Box<str>,
    pub layout: Layout,
    pub role: Role,
    pub own: bool,
    pub openings: Option<Arc<LineOpenings>>,
    pub citations: Arc<[Citation]>,
}

/// How one line of the window changed within its text: the bytes before
/// `prefix` and the last `suffix` bytes are the same in both versions.
#[derive(Debug, Clone, Copy)]
struct LineDiff {
    prefix: usize,
    suffix: usize,
    old_len: usize,
    new_len: usize,
}

impl LineDiff {
    fn of(old: &str, new: &str) -> LineDiff {
        let (old_bytes, new_bytes) = (old.as_bytes(), new.as_bytes());
        let shorter = old_bytes.len().min(new_bytes.len());
        let prefix = (0..shorter)
            .find(|&i| old_bytes[i] != new_bytes[i])
            .unwrap_or(shorter);
        let suffix = (0..shorter - prefix)
            .find(|&k| old_bytes[old_bytes.len() - 1 - k] != new_bytes[new_bytes.len() - 1 - k])
            .unwrap_or(shorter - prefix);
        LineDiff {
            prefix,
            suffix,
            old_len: old_bytes.len(),
            new_len: new_bytes.len(),
        }
    }

    /// Where the byte range `start..end` of the old line stands in the new
    /// one, if it lies wholly in the unchanged text.
    fn map(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end <= self.prefix {
            Some((start, end))
        } else if start >= self.old_len - self.suffix {
            let moved = |at: usize| at + self.new_len - self.old_len;
            Some((moved(start), moved(end)))
        } else {
            None
        }
    }
}

/// The lines an analysis found changed since the memo's previous version.
#[derive(Debug)]
pub(super) struct Window {
    /// The first changed line (the same in both versions).
    first: usize,
    old_count: usize,
    new_count: usize,
    /// What changed in the lines of the window, as the document rules read
    /// them; [`Reads::ALL`] when the window cannot tell (lines added or
    /// removed, a changed layout, lines other than paragraphs, a memo
    /// started afresh).
    changed: Reads,
    /// Per line of the window, when `changed` is not [`Reads::ALL`].
    diffs: Vec<LineDiff>,
    /// The window changed no line's citations nor any role.
    keeps_citations: bool,
}

/// Windows wider than this are not compared line by line: the edit ran the
/// structure over them, and the rules run again.
const WIDEST_COMPARED: usize = 64;

impl Window {
    /// The window of lines `first..first + new_count` of `tree`, which
    /// replaced `old`; `openings` and `citations` are the memo's views of
    /// `tree`. `reset`: the memo was started afresh or read every line anew.
    pub(super) fn new(
        first: usize,
        old: Vec<OldLine>,
        new_count: usize,
        reset: bool,
        tree: &Tree,
        openings: &Openings,
        citations: &[Arc<[Citation]>],
    ) -> Window {
        let mut window = Window {
            first,
            old_count: old.len(),
            new_count,
            changed: Reads::ALL,
            diffs: Vec::new(),
            keeps_citations: false,
        };
        if reset || old.len() != new_count || new_count > WIDEST_COMPARED {
            return window;
        }
        window.keeps_citations = old.iter().enumerate().all(|(i, old)| {
            old.role == tree.role(first + i) && *old.citations == *citations[first + i]
        });
        let mut changed = Reads::NONE;
        for (i, old) in old.iter().enumerate() {
            let index = first + i;
            let new = &tree.lines()[index];
            let Some(reads) = compare(
                old,
                new,
                tree.role(index),
                tree.is_own_text(index),
                openings[index].as_deref(),
                &citations[index],
            ) else {
                return window;
            };
            changed = changed | reads;
            window.diffs.push(LineDiff::of(&old.text, &new.text));
        }
        window.changed = changed;
        window
    }

    /// The lines of the window in the new version.
    pub(super) fn new_lines(&self) -> Range<usize> {
        self.first..self.first + self.new_count
    }

    /// What changed, as the document rules read it.
    pub(super) fn changed(&self) -> Reads {
        self.changed
    }

    /// The document's citations are those of the previous version.
    pub(super) fn keeps_citations(&self) -> bool {
        self.keeps_citations
    }

    /// Move `findings` of the previous version to the new one; `false` when
    /// one of their spans touches text the edit changed (they are then left
    /// half moved, to be found again).
    pub(super) fn carry(&self, findings: &mut [Diagnostic]) -> bool {
        let lines = self.new_lines();
        if lines.is_empty() {
            return true;
        }
        debug_assert_eq!(self.old_count, self.new_count);
        let mut whole = true;
        for diagnostic in findings {
            if !diagnostic.spans().any(|span| lines.contains(&span.line)) {
                continue;
            }
            diagnostic.for_each_span(|span| {
                if lines.contains(&span.line) {
                    match self.diffs[span.line - self.first].map(span.start, span.end) {
                        Some((start, end)) => (span.start, span.end) = (start, end),
                        None => whole = false,
                    }
                }
            });
        }
        whole
    }
}

/// What differs between a line before and after the edit, as the document
/// rules read it; `None` when a rule may read it in any way (not a
/// paragraph line, or its layout changed).
fn compare(
    old: &OldLine,
    new: &LexedLine,
    role: Role,
    own: bool,
    openings: Option<&LineOpenings>,
    citations: &[Citation],
) -> Option<Reads> {
    if *old.text == *new.text && old.role == role && old.own == own {
        return Some(Reads::NONE);
    }
    if !(old.role.is_paragraph_text() && role.is_paragraph_text())
        || old.own != own
        || old.role != role
    {
        return None;
    }
    let (before, after) = (&old.layout, &Layout::of(new));
    if !before.plain || !after.plain || !before.same(after) {
        return None;
    }
    let (old_text, new_text) = (&*old.text, new.text.as_str());
    let mut changed = Reads::TEXT;
    let old_openings = old.openings.as_deref();
    if old_openings != openings
        || head(old_text, before, old_openings) != head(new_text, after, openings)
    {
        changed = changed | Reads::OPENINGS;
    }
    if !after_openings(old_text, old_openings).eq(after_openings(new_text, openings)) {
        changed = changed | Reads::AFTER_OPENING;
    }
    if ending(old_text, before) != ending(new_text, after) {
        changed = changed | Reads::ENDING;
    }
    if !markers(old_text, before).eq(markers(new_text, after)) {
        changed = changed | Reads::MARKERS;
    }
    if *old.citations != *citations {
        changed = changed | Reads::CITATIONS;
    }
    let either = |holds: fn(&str) -> bool| holds(old_text) || holds(new_text);
    if either(names_a_country) {
        changed = changed | Reads::COUNTRIES;
    }
    if either(holds_quotes) {
        changed = changed | Reads::QUOTES;
    }
    if either(cross_refs::mentions_paragraphs) {
        changed = changed | Reads::CROSS_REFS;
    }
    if unopened(role, old_openings) || unopened(role, openings) {
        changed = changed | Reads::UNOPENED;
    }
    if !old.citations.is_empty() || !citations.is_empty() || either(|t| t.contains("esolution")) {
        changed = changed | Reads::CITING;
    }
    if either(|t| t.contains("/L.")) {
        changed = changed | Reads::DRAFT_SYMBOLS;
    }
    Some(changed)
}

/// A preambular or operative paragraph without an opening of its kind.
fn unopened(role: Role, openings: Option<&LineOpenings>) -> bool {
    let kind = match role {
        Role::Preambular => OpeningKind::Preambular,
        Role::Operative { .. } | Role::MalformedOperative { .. } => OpeningKind::Operative,
        _ => return false,
    };
    openings.and_then(|o| o.of_kind(kind)).is_none()
}

fn names_a_country(text: &str) -> bool {
    style::countries(text, 0).next().is_some()
        || ["CAR", "DRC", "DPRK"].iter().any(|a| text.contains(a))
}

fn holds_quotes(text: &str) -> bool {
    text.contains(['"', '\'', '“', '”', '‘', '’'])
}

/// The beginning of the paragraph text [`Reads::OPENINGS`] covers: through
/// the last of its first [`OPENING_BYTES`] bytes, its first [`OPENING_WORDS`]
/// words and its openings, and the character after (which tells whether the
/// last word goes on).
fn head<'t>(text: &'t str, layout: &Layout, openings: Option<&LineOpenings>) -> &'t str {
    let start = layout.body_start.min(text.len());
    let opening_end = openings
        .into_iter()
        .flat_map(|o| [&o.preambular, &o.operative])
        .flatten()
        .map(|o| o.range.end)
        .max()
        .unwrap_or(start);
    let end = (start + OPENING_BYTES)
        .max(end_of_words(text, start, OPENING_WORDS))
        .max(opening_end);
    &text[start..with_next_char(text, end)]
}

/// After each opening of the line, its first [`AFTER_OPENING_WORDS`] words
/// within [`AFTER_OPENING_TOKENS`] tokens, and the character after them.
fn after_openings<'t>(
    text: &'t str,
    openings: Option<&'t LineOpenings>,
) -> impl Iterator<Item = &'t str> {
    openings
        .into_iter()
        .flat_map(|o| [&o.preambular, &o.operative])
        .flatten()
        .map(move |opening| {
            let start = opening.range.end.min(text.len());
            let tokens = tokenize(text, start, AFTER_OPENING_TOKENS);
            let end = tokens
                .iter()
                .filter(|t| t.word)
                .nth(AFTER_OPENING_WORDS - 1)
                .or(tokens.last())
                .map_or(start, |t| t.end);
            &text[start..with_next_char(text, end)]
        })
}

/// Where the first `count` words of `text` from `start` end; the end of the
/// text when it has fewer.
fn end_of_words(text: &str, start: usize, count: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (offset, ch) in text[start..].char_indices() {
        if ch.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == count {
                    return start + offset;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// The offset just after the character at `at` (moved back to a character
/// boundary), or the end of the text.
fn with_next_char(text: &str, at: usize) -> usize {
    let at = floor_char_boundary(text, at);
    text[at..]
        .chars()
        .next()
        .map_or(at, |next| at + next.len_utf8())
}

/// The last [`ENDING_BYTES`] bytes of the text before its content end, at
/// least its last [`ENDING_WORDS`] words, and everything after.
fn ending<'t>(text: &'t str, layout: &Layout) -> &'t str {
    let content_end = layout.content_end.min(text.len());
    let mut start = floor_char_boundary(text, content_end.saturating_sub(ENDING_BYTES));
    let mut words = 0;
    let mut in_word = false;
    for (at, ch) in text[..content_end].char_indices().rev() {
        if at < layout.body_start.min(content_end) || (at < start && words >= ENDING_WORDS) {
            break;
        }
        if ch.is_whitespace() {
            words += usize::from(in_word);
            in_word = false;
        } else {
            in_word = true;
        }
        start = start.min(at);
    }
    &text[start..]
}

/// Each footnote marker candidate, as the lexer read it (its position left
/// out), with the text around it.
fn markers<'t>(text: &'t str, layout: &'t Layout) -> impl Iterator<Item = impl PartialEq + 't> {
    layout.markers.iter().map(move |marker| {
        let start = floor_char_boundary(text, marker.range.start.saturating_sub(MARKER_CONTEXT));
        let end = ceil_char_boundary(text, marker.range.end + MARKER_CONTEXT);
        let punctuation_after = marker.punctuation_after.map(|after| {
            (
                after.start.saturating_sub(marker.range.end),
                after.end - after.start,
            )
        });
        (
            marker.number,
            marker.form,
            marker.after_punctuation,
            punctuation_after,
            &text[start..end],
        )
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{Layout, LineDiff, OldLine, Reads, compare};
    use crate::analysis::agreed_language::{Extras, LineOpenings};
    use crate::syntax::Tree;

    /// What differs, as the document rules read it, between two versions of
    /// the text of an operative paragraph.
    fn changed(old: &str, new: &str) -> Reads {
        let document = |paragraph: &str| {
            Tree::parse(&format!(
                "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\t{paragraph}\n"
            ))
        };
        let (before, after) = (document(old), document(new));
        let openings =
            |tree: &Tree| LineOpenings::of(&tree.lines()[2], tree.role(2), &Extras::default());
        let old_line = OldLine {
            text: before.lines()[2].text.as_str().into(),
            layout: Layout::of(&before.lines()[2]),
            role: before.role(2),
            own: true,
            openings: Some(Arc::new(openings(&before))),
            citations: Arc::from([]),
        };
        let new_openings = openings(&after);
        compare(
            &old_line,
            &after.lines()[2],
            after.role(2),
            true,
            Some(&new_openings),
            &[],
        )
        .expect("a paragraph line of the same layout")
    }

    const REPORT: &str = "Requests the Secretary-General to submit to the General Assembly at its next session a report on the implementation of the programme of work;";

    #[test]
    fn a_word_typed_mid_paragraph_changes_no_part_a_rule_reads() {
        let typed = REPORT.replace("a report", "a detailed report");
        let parts = Reads::OPENINGS
            | Reads::ENDING
            | Reads::MARKERS
            | Reads::AFTER_OPENING
            | Reads::UNOPENED
            | Reads::CITING;
        assert!(!changed(REPORT, &typed).intersects(parts));
    }

    #[test]
    fn the_words_after_an_opening_are_read_as_its_object() {
        let typed = REPORT.replace("the Secretary-General", "the Deputy Secretary-General");
        assert!(changed(REPORT, &typed).intersects(Reads::AFTER_OPENING));
    }

    #[test]
    fn a_paragraph_without_an_opening_is_read_whole() {
        let old = "The Assembly asks the Secretary-General to submit to the General Assembly at its next session a report on the implementation;";
        let typed = old.replace("a report", "a detailed report");
        assert!(changed(old, &typed).intersects(Reads::UNOPENED));
        assert!(
            !changed(REPORT, &REPORT.replace("a report", "a detailed report"))
                .intersects(Reads::UNOPENED)
        );
    }

    #[test]
    fn the_ending_holds_the_last_two_words_however_long() {
        let old = "Decides to transmit the present resolution to the Special Committee on Peacekeeping Operations, to the Intergovernmental-Working-Group-on-the-Right-to-Development;";
        let typed = old.replace("-Group-", "-Groups-");
        assert!(changed(old, &typed).intersects(Reads::ENDING));
    }

    #[test]
    fn a_line_naming_a_resolution_is_read_by_the_citation_rules() {
        let old = "Decides to consider at its next session the implementation of the present resolution and of resolution 70/1;";
        let typed = old.replace("next session", "next regular session");
        assert!(changed(old, &typed).intersects(Reads::CITING));
    }

    #[test]
    fn a_line_diff_keeps_the_text_before_and_moves_the_text_after() {
        let diff = LineDiff::of("Decides to act;", "Decides now to act;");
        assert_eq!(diff.map(0, 7), Some((0, 7)));
        assert_eq!(diff.map(14, 15), Some((18, 19)));
        assert_eq!(diff.map(5, 12), None);
    }
}
