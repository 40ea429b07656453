//! The rolling-text grammar (spec §2.1, §12; docs/NEGOTIATION.md): what a
//! facilitator's text writes besides the resolution's own words.
//!
//! - `5 bis.`, `5ter.`, `(a bis)`: inserted paragraphs and subparagraphs, an
//!   insertion *rank* on the lexed shape ([`LineShape::Numbered`],
//!   [`LineShape::Subparagraph`]) and on [`Role::Operative`];
//! - `PP3`, `OP5 bis`, `OP6 alt 2` written before a paragraph: a
//!   [`ParagraphLabel`] on the lexed line (the rest of the line is lexed as if the
//!   label were indentation);
//! - square brackets, nested and across paragraphs: one document pass
//!   ([`Negotiation::build`]) gives each bracket its partner and depth;
//! - alternatives (`[Alt 1: …]`, `OP5 alt`), attributions (`(EU)`,
//!   `[G77: delete]`, `[US, JPN: retain]`), facilitator notes (`Note:`,
//!   `Facilitator’s note:`), `agreed ad ref` markers and `[deleted]`: per line, at
//!   lexing ([`LineMarks`]);
//! - the words that would remain without them ([`Remaining`]), which the
//!   punctuation and verb rules read.
//!
//! None of it applies to the lines that are not a resolution's body (masthead,
//! the `[on the report of …]` line, `[DU1]` artifacts, the ODS trailer), nor to
//! footnote markers `[^1]`.

use super::lex::{ByteRange, LineShape, MarkerCandidate, MarkerForm};
use super::structure::Role;
use super::{LexedLine, Span};

/// The words after a number that insert a paragraph, by rank (`bis` = 1).
pub const RANKS: [&str; 10] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
    "undecies",
];

/// The insertion rank of `bis`, `ter` … (0 when the word is none of them).
pub fn rank_of(word: &str) -> u8 {
    RANKS
        .iter()
        .position(|r| r.eq_ignore_ascii_case(word))
        .map_or(0, |i| i as u8 + 1)
}

/// The word of a rank (`1` → `bis`); empty for 0.
pub fn rank_word(rank: u8) -> &'static str {
    match rank {
        0 => "",
        r => RANKS.get(r as usize - 1).copied().unwrap_or("bis"),
    }
}

/// Which part a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelPart {
    /// `PP`: a preambular paragraph.
    Preambular,
    /// `OP`: an operative paragraph.
    Operative,
}

/// `PP3`, `OP5 bis`, `OP6 alt 2` at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParagraphLabel {
    pub part: LabelPart,
    pub number: u32,
    /// `bis` = 1 … (0 without).
    pub rank: u8,
    /// `alt` (`Some(0)`), `alt 2` (`Some(2)`).
    pub alt: Option<u8>,
    /// The label's bytes (from the indent to after the label and a `.` or `:`
    /// directly after it).
    pub start: usize,
    pub end: usize,
}

/// A label at `indent`: `PP`/`OP`, an optional space, digits, then optionally
/// `bis`/`ter`… and `alt` (with a number), before whitespace, `.`, `:`, `[` or
/// the end.
pub fn paragraph_label(text: &str, indent: usize) -> Option<ParagraphLabel> {
    let body = &text[indent..];
    let part = if body.starts_with("PP") {
        LabelPart::Preambular
    } else if body.starts_with("OP") {
        LabelPart::Operative
    } else {
        return None;
    };
    let mut at = indent + 2;
    at += text[at..].len() - text[at..].trim_start_matches(' ').len();
    let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let number: u32 = text[at..at + digits].parse().ok()?;
    at += digits;
    let mut end = at;
    let word_after = |from: usize| -> (usize, &str) {
        let spaces = text[from..].len() - text[from..].trim_start_matches([' ', '\u{a0}']).len();
        let start = from + spaces;
        let len = text[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(text.len() - start);
        (start, &text[start..start + len])
    };
    let mut rank = 0;
    let (start, word) = word_after(end);
    if rank_of(word) > 0 {
        rank = rank_of(word);
        end = start + word.len();
    }
    let mut alt = None;
    let (start, word) = word_after(end);
    if word.eq_ignore_ascii_case("alt") {
        end = start + word.len();
        alt = Some(0);
        let (start, word) = word_after(end);
        if !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            alt = word.parse().ok();
            end = start + word.len();
        }
    }
    let after = &text[end..];
    if !(after.is_empty() || after.starts_with([' ', '\t', '.', ':', '[', '\u{a0}'])) {
        return None;
    }
    if after.starts_with(['.', ':']) {
        end += 1;
    }
    Some(ParagraphLabel {
        part,
        number,
        rank,
        alt,
        start: indent,
        end,
    })
}

/// A bracket of the negotiation: a `[` or `]` that is not a footnote marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BracketMark {
    pub at: usize,
    pub open: bool,
}

/// `(EU)`, `[G77: delete]`, `[US, JPN: retain]`: who proposed or holds a
/// passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// All of it: the parentheses or brackets, or `US, JPN:` inside a bracket
    /// whose text goes on.
    pub range: ByteRange,
    pub parties: Vec<String>,
    /// `delete`, `retain` … when the attribution is one.
    pub action: Option<String>,
    /// The attribution is a whole `[…]` or `(…)` (its brackets are not
    /// negotiation brackets).
    pub whole: bool,
}

/// `[Alt 1: …]`: the tag of an alternative inside its bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlternativeTag {
    /// `Alt 1:`.
    pub range: ByteRange,
    /// The `[` it follows.
    pub bracket: usize,
    pub number: Option<u8>,
}

/// What a rolling text writes in one line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineMarks {
    /// The negotiation brackets, in order (inside attributions and footnote
    /// markers excluded).
    pub brackets: Vec<BracketMark>,
    pub attributions: Vec<Attribution>,
    pub alternatives: Vec<AlternativeTag>,
    /// A facilitator's note: the whole line (`Note: …`) or a `[Note: …]`
    /// passage.
    pub notes: Vec<ByteRange>,
    /// `agreed ad ref`, `(agreed ad referendum)`.
    pub ad_ref: Vec<ByteRange>,
    /// `[deleted]`, `OP4 [deleted]`.
    pub deleted: bool,
    /// The words that would remain without the above.
    pub remaining: Remaining,
}

/// The paragraph text (from `body_start` to `content_end`) without labels,
/// attributions, notes, ad referendum markers, alternative tags and bracket
/// characters (the words inside brackets are kept), as the punctuation and verb
/// rules read it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remaining {
    pub text: String,
    /// For each byte of `text`, its offset in the line; one more entry for the
    /// end.
    pub offsets: Vec<usize>,
}

impl Remaining {
    /// The offset in the line of byte `at` of the remaining text.
    pub fn line_offset(&self, at: usize) -> usize {
        self.offsets
            .get(at)
            .or_else(|| self.offsets.last())
            .copied()
            .unwrap_or(0)
    }

    fn build(text: &str, from: usize, to: usize, removed: &[ByteRange]) -> Remaining {
        let mut out = Remaining::default();
        let mut pending_space = false;
        for (at, ch) in text[from..to].char_indices() {
            let at = from + at;
            if removed.iter().any(|r| r.start <= at && at < r.end) {
                // A removed passage between words leaves one space.
                pending_space = true;
                continue;
            }
            if pending_space {
                pending_space = false;
                let prev_space = out.text.is_empty() || out.text.ends_with([' ', '\t']);
                let mark = matches!(ch, ',' | ';' | ':' | '.' | ' ' | '\t');
                if mark && ch != ' ' {
                    while out.text.ends_with(' ') {
                        out.text.pop();
                        out.offsets.pop();
                    }
                }
                if !prev_space && !mark {
                    out.text.push(' ');
                    out.offsets.push(at);
                }
            }
            if ch == ' ' && (out.text.is_empty() || out.text.ends_with(' ')) {
                continue;
            }
            let len = ch.len_utf8();
            out.text.push(ch);
            out.offsets.extend((0..len).map(|i| at + i));
        }
        // Spaces left before a mark or at the end by a removed passage.
        while out.text.ends_with(' ') {
            out.text.pop();
            out.offsets.pop();
        }
        // Each byte of a character maps to its own byte, so the end is one
        // past the last.
        out.offsets
            .push(out.offsets.last().map_or(from, |&last| last + 1));
        out
    }
}

/// Whether a word names a party: an upper-case code or group (`EU`, `G77`,
/// `G-77`, `JPN`, `CARICOM`, `AGN`).
fn is_party(word: &str) -> bool {
    let word = word.trim();
    (2..=10).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '+')
        // `II`, `IV`: roman numerals, not parties.
        && !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

fn parties_of(text: &str) -> Option<Vec<String>> {
    let parties: Vec<String> = text
        .split([',', '/'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_owned())
        .collect();
    parties
        .iter()
        .all(|p| is_party(p))
        .then_some(parties)
        .filter(|p| !p.is_empty())
}

/// The words that make a `[PARTY: …]` bracket a position rather than text.
const ACTIONS: [&str; 10] = [
    "delete",
    "retain",
    "reserve",
    "reservation",
    "keep",
    "support",
    "oppose",
    "move",
    "add",
    "bracket",
];

const NOTES: [&str; 5] = [
    "Note:",
    "Facilitator's note:",
    "Facilitator’s note:",
    "Co-facilitators' note:",
    "Co-facilitators’ note:",
];

fn starts_with_note(text: &str) -> bool {
    NOTES.iter().any(|n| {
        text.get(..n.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(n))
    })
}

/// Scan one lexed line for the rolling-text constructs. `None` for a line with
/// none of them, and for lines that are not paragraph text (header lines such
/// as `[on the report of …]`, artifacts, the trailer).
pub fn scan_line(
    text: &str,
    shape: &LineShape,
    body_start: usize,
    content_end: usize,
    markers: &[MarkerCandidate],
) -> Option<Box<LineMarks>> {
    if matches!(
        shape,
        LineShape::AdoptionLine
            | LineShape::Artifact
            | LineShape::OdsTrailer
            | LineShape::Blank
            | LineShape::Comment
            | LineShape::Separator
            | LineShape::FootnoteDefinition { .. }
    ) {
        return None;
    }
    let body_start = body_start.min(text.len());
    let end = content_end.max(body_start).min(text.len());
    let body = &text[body_start..end];
    // `[Adopted without a vote.]`, `[Original: Arabic]`: notes of the
    // issued text, not negotiation brackets.
    if ["[Adopted", "[Original:", "[Translated"]
        .iter()
        .any(|p| body.starts_with(p))
        && body.ends_with(']')
    {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let maybe = body.contains(['[', ']'])
        || starts_with_note(body)
        || lower.contains("ad ref")
        || (body.contains('(') && body.contains(')'))
        || body.trim().eq_ignore_ascii_case("deleted");
    if !maybe {
        return None;
    }
    let footnote = |at: usize| {
        markers
            .iter()
            .any(|m| m.form == MarkerForm::Bracketed && m.range.start <= at && at < m.range.end)
    };
    let mut marks = LineMarks::default();
    // A whole line of note.
    if starts_with_note(body) {
        marks.notes.push(ByteRange::new(body_start, end));
    }
    // Brackets and what they hold.
    let mut open_stack: Vec<usize> = Vec::new();
    let mut whole_brackets: Vec<usize> = Vec::new();
    for (offset, ch) in body.char_indices() {
        let at = body_start + offset;
        match ch {
            '[' if !footnote(at) => {
                marks.brackets.push(BracketMark { at, open: true });
                open_stack.push(at);
                let inner = &text[at + 1..end];
                let close = inner.find(']').map(|i| at + 1 + i);
                let content = close.map_or(inner, |c| &text[at + 1..c]);
                // `[Alt 1: …]`, `[Alternative 2: …]`.
                if let Some(tag) = alternative_tag(content) {
                    marks.alternatives.push(AlternativeTag {
                        range: ByteRange::new(at + 1, at + 1 + tag.0),
                        bracket: at,
                        number: tag.1,
                    });
                }
                // `[Note: …]`.
                if starts_with_note(content) {
                    if let Some(close) = close {
                        marks.notes.push(ByteRange::new(at, close + 1));
                        whole_brackets.extend([at, close]);
                    }
                }
                // `[G77: delete]`, `[US, JPN: retain]`, `[EU: text …]`.
                if let Some((head, tail)) = content.split_once(':') {
                    if let Some(parties) = parties_of(head) {
                        let action = tail.trim().trim_end_matches('.').to_ascii_lowercase();
                        let is_action =
                            ACTIONS.iter().any(|a| action.starts_with(a)) || action.is_empty();
                        if let Some(close) = close.filter(|_| is_action) {
                            marks.attributions.push(Attribution {
                                range: ByteRange::new(at, close + 1),
                                parties,
                                action: Some(action).filter(|a| !a.is_empty()),
                                whole: true,
                            });
                            whole_brackets.extend([at, close]);
                        } else {
                            let colon = at + 1 + head.len();
                            let spaces = text[colon + 1..].len()
                                - text[colon + 1..].trim_start_matches(' ').len();
                            marks.attributions.push(Attribution {
                                range: ByteRange::new(at + 1, colon + 1 + spaces),
                                parties,
                                action: None,
                                whole: false,
                            });
                        }
                    }
                }
                // `[agreed ad ref]`.
                if let Some(close) = close.filter(|_| is_ad_ref(content.trim())) {
                    marks.ad_ref.push(ByteRange::new(at, close + 1));
                    whole_brackets.extend([at, close]);
                }
                if content.trim().eq_ignore_ascii_case("deleted") {
                    marks.deleted = true;
                    if let Some(close) = close {
                        whole_brackets.extend([at, close]);
                    }
                }
            }
            ']' if !footnote(at) => {
                open_stack.pop();
                marks.brackets.push(BracketMark { at, open: false });
            }
            '(' => {
                let Some(close) = text[at..end].find(')').map(|i| at + i) else {
                    continue;
                };
                let content = &text[at + 1..close];
                if is_ad_ref(content.trim()) {
                    marks.ad_ref.push(ByteRange::new(at, close + 1));
                    continue;
                }
                // `(EU)`, `(US, JPN)`: after a closing bracket, alone, or at the
                // very end of the paragraph (after its final mark).
                let Some(parties) = parties_of(content) else {
                    continue;
                };
                let before = text[body_start..at].trim_end();
                let after = text[close + 1..end].trim();
                let placed = before.is_empty()
                    || before.ends_with([']', ',', ';', '.', ':'])
                    || after.is_empty()
                        && (before.ends_with([']', ';', '.', ',', ':'])
                            || before.ends_with(|c: char| c.is_ascii_digit()))
                    || after.starts_with('[');
                if placed {
                    marks.attributions.push(Attribution {
                        range: ByteRange::new(at, close + 1),
                        parties,
                        action: None,
                        whole: true,
                    });
                }
            }
            _ => {}
        }
    }
    // `agreed ad ref` without brackets.
    let mut search = 0;
    while let Some(found) = lower[search..].find("agreed ad ref") {
        let start = body_start + search + found;
        let mut stop = start + "agreed ad ref".len();
        if lower[stop - body_start..].starts_with("erendum") {
            stop += "erendum".len();
        }
        if lower[stop - body_start..].starts_with('.') {
            stop += 1;
        }
        if !marks
            .ad_ref
            .iter()
            .any(|r| r.start <= start && start < r.end)
        {
            marks.ad_ref.push(ByteRange::new(start, stop));
        }
        search = stop - body_start;
    }
    if body.trim().eq_ignore_ascii_case("deleted") {
        marks.deleted = true;
    }
    // Brackets that belong to an attribution, note or marker are not the
    // negotiation's.
    marks.brackets.retain(|b| !whole_brackets.contains(&b.at));
    if marks.brackets.is_empty()
        && marks.attributions.is_empty()
        && marks.notes.is_empty()
        && marks.ad_ref.is_empty()
        && !marks.deleted
    {
        return None;
    }
    let mut removed: Vec<ByteRange> = Vec::new();
    removed.extend(marks.attributions.iter().map(|a| a.range));
    removed.extend(marks.notes.iter().copied());
    removed.extend(marks.ad_ref.iter().copied());
    removed.extend(marks.alternatives.iter().map(|a| a.range));
    removed.extend(
        marks
            .brackets
            .iter()
            .map(|b| ByteRange::new(b.at, b.at + 1)),
    );
    if marks.deleted {
        removed.push(ByteRange::new(body_start, end));
    }
    marks.remaining = Remaining::build(text, body_start, end, &removed);
    Some(Box::new(marks))
}

fn is_ad_ref(text: &str) -> bool {
    let lower = text.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "agreed ad ref" | "agreed ad referendum" | "ad ref" | "ad referendum"
    )
}

/// `Alt 1:`, `Alt. 2:`, `Alternative 1:`, `Alt:` at the start of a bracket's
/// text: its length (with the spaces after) and number.
fn alternative_tag(content: &str) -> Option<(usize, Option<u8>)> {
    let word = ["Alternative", "Alt.", "Alt", "ALT"]
        .iter()
        .find(|w| content.starts_with(**w))?;
    let rest = &content[word.len()..];
    let spaces = rest.len() - rest.trim_start().len();
    let rest = &rest[spaces..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = rest[..digits].parse().ok();
    let rest = &rest[digits..];
    let rest = rest.strip_prefix(':')?;
    let trailing = rest.len() - rest.trim_start().len();
    Some((content.len() - rest.len() + trailing, number))
}

/// The state of a paragraph in a rolling text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParagraphState {
    /// No brackets, alternatives or markers.
    Clean,
    /// Holds or stands inside bracketed language.
    Bracketed,
    /// One of several alternatives (`[Alt 1: …]`, `OP5 alt`).
    Alternative,
    /// `[deleted]`.
    Deleted,
    /// Marked `agreed ad ref`, without brackets left.
    AgreedAdRef,
}

impl ParagraphState {
    pub fn name(self) -> &'static str {
        match self {
            ParagraphState::Clean => "clean",
            ParagraphState::Bracketed => "bracketed",
            ParagraphState::Alternative => "alternative",
            ParagraphState::Deleted => "deleted",
            ParagraphState::AgreedAdRef => "agreed ad ref",
        }
    }
}

/// A negotiation bracket of the document with its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bracket {
    /// The `[` or `]` (one byte).
    pub at: Span,
    pub open: bool,
    /// The bracket that closes (or opens) it; `None` when it has none.
    pub partner: Option<Span>,
    /// Nesting depth: 1 for an outer pair.
    pub depth: u32,
}

/// Per line: the negotiation facts of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineState {
    /// The line starts inside an open bracket (opened on an earlier line).
    pub inside: bool,
    /// The line has negotiation brackets of its own.
    pub has_brackets: bool,
    /// The depth of brackets open at the end of the line.
    pub depth_after: u32,
}

/// The document's negotiation facts: every bracket with its partner, the state
/// of each line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Negotiation {
    pub brackets: Vec<Bracket>,
    pub lines: Vec<LineState>,
}

/// The lines whose brackets count: the body, not the header, the closing lines
/// (`[Adopted without a vote.]`) or the trailer.
pub fn counted(role: Role) -> bool {
    !matches!(
        role,
        Role::ClosingMeeting
            | Role::ClosingDate
            | Role::Other
            | Role::Header
            | Role::Title
            | Role::Trailer
            | Role::Furniture
            | Role::Artifact
            | Role::Comment
            | Role::Blank
    )
}

impl Negotiation {
    /// Pair the brackets of the whole document (linear, no regex).
    pub fn build(lines: &[LexedLine], roles: &[Role]) -> Negotiation {
        let mut out = Negotiation {
            brackets: Vec::new(),
            lines: vec![LineState::default(); lines.len()],
        };
        let mut stack: Vec<usize> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            let role = roles.get(index).copied().unwrap_or(Role::Other);
            out.lines[index].inside = !stack.is_empty();
            let Some(marks) = line.negotiation.as_deref() else {
                out.lines[index].depth_after = stack.len() as u32;
                continue;
            };
            if !counted(role) {
                out.lines[index].depth_after = stack.len() as u32;
                continue;
            }
            out.lines[index].has_brackets = !marks.brackets.is_empty();
            for mark in &marks.brackets {
                let at = Span::new(index, mark.at, mark.at + 1);
                if mark.open {
                    stack.push(out.brackets.len());
                    out.brackets.push(Bracket {
                        at,
                        open: true,
                        partner: None,
                        depth: stack.len() as u32,
                    });
                } else {
                    match stack.pop() {
                        Some(opener) => {
                            let depth = out.brackets[opener].depth;
                            out.brackets[opener].partner = Some(at);
                            out.brackets.push(Bracket {
                                at,
                                open: false,
                                partner: Some(out.brackets[opener].at),
                                depth,
                            });
                        }
                        None => out.brackets.push(Bracket {
                            at,
                            open: false,
                            partner: None,
                            depth: 0,
                        }),
                    }
                }
            }
            out.lines[index].depth_after = stack.len() as u32;
        }
        out
    }

    /// The brackets without a partner.
    pub fn unbalanced(&self) -> impl Iterator<Item = &Bracket> {
        self.brackets.iter().filter(|b| b.partner.is_none())
    }

    /// Whether line `index` holds or stands inside bracketed language.
    pub fn bracketed(&self, index: usize) -> bool {
        self.lines
            .get(index)
            .is_some_and(|l| l.inside || l.has_brackets)
    }

    /// The state of the paragraph on line `index`.
    pub fn state(&self, index: usize, line: &LexedLine) -> ParagraphState {
        let marks = line.negotiation.as_deref();
        if marks.is_some_and(|m| m.deleted) {
            return ParagraphState::Deleted;
        }
        if marks.is_some_and(|m| !m.alternatives.is_empty())
            || line.label.is_some_and(|l| l.alt.is_some())
        {
            return ParagraphState::Alternative;
        }
        if self.bracketed(index) {
            return ParagraphState::Bracketed;
        }
        if marks.is_some_and(|m| !m.ad_ref.is_empty()) {
            return ParagraphState::AgreedAdRef;
        }
        ParagraphState::Clean
    }
}

impl LexedLine {
    /// The words of the paragraph text that would remain without the rolling
    /// text's brackets, attributions, notes and markers (the body itself when
    /// there are none).
    pub fn remaining(&self) -> &str {
        match &self.negotiation {
            Some(marks) => &marks.remaining.text,
            None => self.body(),
        }
    }

    /// Where the remaining words start in the line (after `[`, an attribution
    /// or an alternative tag at the start of the paragraph).
    pub fn remaining_start(&self) -> usize {
        match &self.negotiation {
            Some(marks) => marks.remaining.line_offset(0),
            None => self.body_start,
        }
    }

    /// The last character of the remaining words and its offset in the line.
    pub fn remaining_final_char(&self) -> Option<(usize, char)> {
        match &self.negotiation {
            Some(marks) => {
                let (at, ch) = marks.remaining.text.char_indices().next_back()?;
                Some((marks.remaining.line_offset(at), ch))
            }
            None => self.final_char(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lex::lex_line;
    use crate::syntax::{Role, Tree};

    #[test]
    fn bis_and_ter_paragraphs_are_operative_with_a_rank() {
        for (text, number, rank) in [
            ("\t2 bis.\tInvites States to act;", 2, 1),
            ("\t5bis.\tInvites States to act;", 5, 1),
            ("\t5 ter.\tInvites States to act;", 5, 2),
            ("\t12 quinquies.\tInvites", 12, 4),
        ] {
            let line = lex_line(text);
            assert!(
                matches!(line.shape, LineShape::Numbered { number: n, rank: r, .. } if n == number && r == rank),
                "{text}: {:?}",
                line.shape
            );
            assert_eq!(line.body(), &text[text.find("Invites").unwrap()..]);
        }
        let line = lex_line("\t\t(a bis)\tTo act;");
        assert!(matches!(
            &line.shape,
            LineShape::Subparagraph { label, rank: 1, .. } if label == "a"
        ));
        // Not a rank: `5 bison.`.
        assert!(!matches!(
            lex_line("\t5 bison.\tText").shape,
            LineShape::Numbered { .. }
        ));
    }

    #[test]
    fn a_bis_paragraph_does_not_split_the_outline() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tRequests a report;\n\t2 bis.\tInvites States to act;\n\t3.\tDecides to remain seized of the matter.",
        );
        assert_eq!(
            tree.role(4),
            Role::Operative {
                number: 2,
                segment: 0,
                rank: 1
            }
        );
        assert_eq!(tree.segments().len(), 1);
    }

    #[test]
    fn labels_before_or_instead_of_the_number() {
        let line = lex_line("\tOP5 bis\t5 bis.\tDecides to act;");
        let label = line.label.expect("label");
        assert_eq!(
            (label.part, label.number, label.rank, label.alt),
            (LabelPart::Operative, 5, 1, None)
        );
        assert!(matches!(
            line.shape,
            LineShape::Numbered {
                number: 5,
                rank: 1,
                ..
            }
        ));
        let line = lex_line("\tOP6 alt 2\tDecides to act;");
        assert_eq!(line.label.expect("label").alt, Some(2));
        assert_eq!(line.body(), "Decides to act;");
        let line = lex_line("PP2bis\tRecalling its resolution 64/222,");
        let label = line.label.expect("label");
        assert_eq!((label.number, label.rank), (2, 1));
        assert_eq!(line.body(), "Recalling its resolution 64/222,");
        let line = lex_line("\tOP5 alt\tDecides");
        assert_eq!(line.label.expect("label").alt, Some(0));
        assert_eq!(lex_line("\tOPEC members").label, None);
        // The label's digits are not a footnote marker.
        assert!(lex_line("\tPP12\tRecalling it,").markers.is_empty());
        let tree = Tree::parse(
            "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tOP1\t1.\tDecides to act;\n\tOP2\tRequests a report.",
        );
        assert_eq!(tree.role(1), Role::Preambular);
        assert!(matches!(tree.role(2), Role::Operative { number: 1, .. }));
        assert!(tree.role(3).is_operative());
    }

    #[test]
    fn brackets_pair_across_paragraphs_and_nest() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\t1.\tDecides [to consider [acting];\n\t2.\tRequests a report.]\n\t3.\tInvites [States to act;",
        );
        let negotiation = tree.negotiation();
        let brackets = &negotiation.brackets;
        assert_eq!(brackets.len(), 5);
        assert_eq!(brackets[0].partner, Some(brackets[3].at));
        assert_eq!(brackets[1].depth, 2);
        assert_eq!(brackets[3].at.line, 2);
        assert_eq!(brackets[4].partner, None);
        assert!(negotiation.lines[2].inside);
        assert_eq!(
            negotiation
                .unbalanced()
                .map(|b| b.at.line)
                .collect::<Vec<_>>(),
            vec![3]
        );
        assert_eq!(
            negotiation.state(2, &tree.lines()[2]),
            ParagraphState::Bracketed
        );
    }

    #[test]
    fn header_lines_artifacts_and_footnote_markers_are_not_brackets() {
        let tree = Tree::parse(
            "Resolution adopted by the General Assembly on 20 December 2013\n[on the report of the Second Committee (A/68/440/Add.2)]\n[Adopted without a vote.]\n\tThe General Assembly,\n\tRecalling its resolution 64/222,[^1]\n\t1.\tDecides to act.\n[DU1]\n[^1]: A/64/1.",
        );
        assert!(
            tree.negotiation().brackets.is_empty(),
            "{:?}",
            tree.negotiation()
        );
    }

    #[test]
    fn attributions_notes_alternatives_and_ad_ref() {
        let line = lex_line("\t3.\tDecides [to act now] (EU);");
        let marks = line.negotiation.as_deref().expect("marks");
        assert_eq!(marks.attributions[0].parties, vec!["EU"]);
        assert_eq!(marks.remaining.text, "Decides to act now;");
        let line = lex_line("\t3.\t[G77: delete][US, JPN: retain] Decides to act;");
        let marks = line.negotiation.as_deref().expect("marks");
        assert_eq!(marks.attributions.len(), 2);
        assert_eq!(marks.attributions[1].parties, vec!["US", "JPN"]);
        assert_eq!(marks.attributions[0].action.as_deref(), Some("delete"));
        assert!(marks.brackets.is_empty());
        assert_eq!(marks.remaining.text, "Decides to act;");
        assert_eq!(line.remaining_start(), line.text.find("Decides").unwrap());
        let line = lex_line("\t4.\t[Alt 1: Decides to act;] [Alt 2: Requests a report;]");
        let marks = line.negotiation.as_deref().expect("marks");
        assert_eq!(marks.alternatives.len(), 2);
        assert_eq!(marks.alternatives[1].number, Some(2));
        assert_eq!(marks.remaining.text, "Decides to act; Requests a report;");
        let line = lex_line("\tFacilitator’s note: to be discussed on Monday.");
        assert_eq!(line.remaining(), "");
        let line = lex_line("\t5.\tDecides to act; (agreed ad ref)");
        let marks = line.negotiation.as_deref().expect("marks");
        assert_eq!(marks.remaining.text, "Decides to act;");
        assert_eq!(marks.ad_ref.len(), 1);
        let line = lex_line("\tOP4 [deleted]");
        assert!(line.negotiation.as_deref().expect("marks").deleted);
        // An acronym in a sentence is not an attribution.
        assert!(
            lex_line("\t1.\tWelcomes the work of the World Health Organization (WHO);")
                .negotiation
                .is_none()
        );
    }

    #[test]
    fn remaining_words_look_through_brackets() {
        let line = lex_line("\t5.\tDecides to remain seized [of the matter.]]");
        assert_eq!(line.remaining(), "Decides to remain seized of the matter.");
        let (at, ch) = line.remaining_final_char().expect("char");
        assert_eq!(ch, '.');
        assert_eq!(&line.text[at..at + 1], ".");
        let line = lex_line("\t1.\t[Invites] States to act;");
        assert_eq!(line.remaining(), "Invites States to act;");
    }

    #[test]
    fn remaining_words_after_a_multibyte_character() {
        let line = lex_line("\t1.\tDecides [to act] à");
        assert_eq!(line.remaining(), "Decides to act à");
        let line = lex_line("\t1.\t[Décidé…]");
        assert_eq!(line.remaining_final_char().map(|c| c.1), Some('…'));
    }

    #[test]
    fn states() {
        let tree = Tree::parse(
            "\tThe General Assembly,\n\t1.\tDecides to act;\n\t2.\t[Alt 1: Decides;] [Alt 2: Requests;]\n\tOP3 [deleted]\n\t4.\tInvites States; (agreed ad ref)\n\t5.\tRequests [a report].",
        );
        let n = tree.negotiation();
        let states: Vec<_> = (1..6).map(|i| n.state(i, &tree.lines()[i])).collect();
        assert_eq!(
            states,
            vec![
                ParagraphState::Clean,
                ParagraphState::Alternative,
                ParagraphState::Deleted,
                ParagraphState::AgreedAdRef,
                ParagraphState::Bracketed
            ]
        );
    }
}
