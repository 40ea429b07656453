//! The structural pass: from lexed lines to the role each line plays.
//!
//! This pass is linear over the cached [`LexedLine`]s and reads only their shapes
//! and a few characters, never running a regular expression, so the incremental
//! parser can afford to run it after every edit. The parse never fails: a line that
//! fits nowhere gets [`Role::Other`].

use std::cell::Cell;

use super::lex::{LexedLine, LineShape};
use super::openings::{OpeningClass, class_of};

/// The role of one line in the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Blank,
    /// Masthead, adoption and report lines, agenda titles: everything before the
    /// title or organ line.
    Header,
    /// `68/230.<TAB>South-South cooperation`.
    Title,
    /// `The General Assembly,`.
    Organ,
    /// An unnumbered paragraph of the preamble (or the preamble of a section).
    Preambular,
    /// A numbered operative paragraph, `segment` being its numbering sequence;
    /// `rank` is the insertion rank of a rolling text's `5 bis.` (1), `5 ter.`
    /// (2) …, 0 for a plain number.
    Operative {
        number: u32,
        segment: u32,
        rank: u8,
    },
    /// An operative paragraph without a number: the single paragraph of a short
    /// resolution, the operative part of a budget section, a lead-in such as
    /// `Adopts the following declaration:`.
    UnnumberedOperative {
        segment: u32,
    },
    /// A paragraph numbered as `12)` or `(12)` (NUM002); still operative.
    MalformedOperative {
        number: u32,
        segment: u32,
    },
    /// A labelled subparagraph of the paragraph on line `parent`: `level` is
    /// its depth in the paragraph's lists (1 = the outer list; a. and i. items
    /// stand at 3 and 4, nested numbers at 5), `label` the kind of its label,
    /// decided by sequence with the level (NUM008). Letters usually hold the
    /// outer list and roman numerals the inner one, but a list opened with (i)
    /// has roman items outside and letters inside, as the official XML nests
    /// them (Security Council mandates: `(ii)` a heading, then `(a)` …).
    Subparagraph {
        level: u8,
        label: ItemLabel,
        parent: u32,
    },
    /// A line starting in lower case that continues the paragraph on line
    /// `parent` (the tail after a list of subparagraphs).
    Continuation {
        parent: u32,
    },
    /// `I`, `II`: a section number; starts a numbering segment.
    SectionNumber {
        segment: u32,
    },
    /// `A`, `B`: a composite part (own numbering, own closing lines) or a lettered
    /// subsection.
    PartHeading {
        segment: u32,
        composite: bool,
    },
    /// A heading without final punctuation.
    Heading,
    /// A row of a table: cells separated by tabs.
    TableRow,
    /// A note under a table, keyed by the letter its cells cite
    /// (`a<TAB>Reflect amounts after recosting.`): part of the table, not of
    /// the paragraph that introduced it.
    TableNote,
    /// `71st plenary meeting`.
    ClosingMeeting,
    /// The adoption date under the meeting line.
    ClosingDate,
    /// `Annex`, `Annex II`.
    AnnexHeading {
        segment: u32,
    },
    /// A numbered paragraph inside an annex.
    AnnexParagraph {
        number: u32,
        segment: u32,
    },
    /// Any other line inside an annex (headings, tables, unnumbered text).
    AnnexText,
    /// `3 Ibid., chap. I.` or `[^3]: Ibid.`.
    FootnoteText {
        number: u32,
    },
    /// A line continuing the previous footnote text.
    FootnoteContinuation,
    Separator,
    /// `[DU1]` (TXT002).
    Artifact,
    /// `<<ODS …>>` lines (TXT001).
    Trailer,
    /// Page furniture after the trailer (TXT003).
    Furniture,
    /// `%% …`: a comment (suppressions); no rule reads it and no structure
    /// sees it — the other lines get the roles they would have without it.
    Comment,
    Other,
}

/// What labels a subparagraph (see [`Role::Subparagraph`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemLabel {
    /// `(a)`, `(b)` … `(aa)`.
    Letter,
    /// `(i)`, `(ii)` ….
    Roman,
    /// `a.`, `b.` ….
    DottedLetter,
    /// `i.`, `ii.` ….
    DottedRoman,
    /// `A.`, `B.` or `I.`, `II.`: a point labelled with a capital letter or a
    /// capital roman numeral.
    Capital,
    /// A dash or bullet.
    Bullet,
    /// A number of a list nested inside a paragraph.
    Number,
    /// A label in a form that is not a subparagraph label (NUM005).
    Malformed,
}

impl Role {
    /// A paragraph that carries text checked by the drafting rules.
    pub fn is_body_paragraph(self) -> bool {
        matches!(
            self,
            Role::Preambular
                | Role::Operative { .. }
                | Role::UnnumberedOperative { .. }
                | Role::MalformedOperative { .. }
                | Role::Subparagraph { .. }
        )
    }

    /// A line of paragraph text: a body paragraph or the continuation of one
    /// after its subparagraphs.
    pub fn is_paragraph_text(self) -> bool {
        self.is_body_paragraph() || matches!(self, Role::Continuation { .. })
    }

    /// A paragraph of the operative part, numbered or not.
    pub fn is_operative(self) -> bool {
        matches!(
            self,
            Role::Operative { .. }
                | Role::UnnumberedOperative { .. }
                | Role::MalformedOperative { .. }
        )
    }

    pub fn operative_number(self) -> Option<(u32, u32)> {
        match self {
            Role::Operative {
                number, segment, ..
            }
            | Role::MalformedOperative { number, segment } => Some((number, segment)),
            _ => None,
        }
    }
}

/// A preambular paragraph by its shape, whatever its opening: it opens with a
/// capital and ends with the mark of a paragraph that others follow (`,` or
/// `;`). The agreed-language lists know the openings of most preambular
/// paragraphs; these are the others (`Continuing in its resolve …`, a preamble
/// in French, `Réaffirmant …`), which are paragraphs and not headings or
/// table rows, so their final mark is checked too (PUN001).
pub fn preambular_by_shape(line: &LexedLine, role: Role) -> bool {
    role == Role::Preambular
        && line.body().starts_with(char::is_uppercase)
        && matches!(line.final_char(), Some((_, ',' | ';')))
}

/// What starts a numbering segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// The operative part of the resolution (or of a composite part).
    Body,
    /// A roman section or lettered subsection inside the operative part.
    Section,
    /// An annex.
    Annex,
}

/// A run of paragraphs numbered as one sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The line that starts it (its heading, or the first line of the body).
    pub start_line: u32,
    /// The composite part it belongs to (0 when the resolution has none).
    pub part: u32,
}

/// The roles of all lines plus the numbering segments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub roles: Vec<Role>,
    pub segments: Vec<Segment>,
    /// Per line: the resolution's own text, not an instrument it adopts or
    /// annexes (a declaration after `Adopts the following declaration:`, an
    /// annex). The drafting rules check only the own text.
    pub own: Vec<bool>,
    /// Where an update after an edit may restart (see [`update`]).
    checkpoints: Vec<Checkpoint>,
    /// Whether a known organ line (`The General Assembly,`) is in the text: it
    /// decides how the header is read, so an edit that changes it builds again.
    has_organ: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Header,
    Body,
    Closing,
    Annex,
    Footnotes,
    Trailer,
}

/// Subparagraph labels seen so far under the current paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ListState {
    parent: Option<u32>,
    /// Last first-degree label and whether its text ended with a colon.
    letter: Option<String>,
    letter_colon: bool,
    /// Last roman label (cleared by each letter, unless the romans are outside).
    roman: Option<String>,
    /// The list opened with (i): its roman items hold the lettered ones.
    roman_outside: bool,
    dotted_letter: Option<String>,
    dotted_roman: Option<String>,
    /// A heading seen since the last item: a list that restarts at (a) after it
    /// is a new list under that heading.
    heading: Option<u32>,
    /// The level of the last item and whether its text ended with a colon (a
    /// dashed list under it goes one level down).
    last_level: u8,
    last_colon: bool,
    /// The level of the dashed or bulleted items of the list, once one is seen.
    bullet_level: Option<u8>,
    /// The last capital letter of a list lettered `A.`, `B.` ….
    capital: Option<char>,
    /// The value of the last numeral of a list numbered `I.`, `II.` ….
    capital_roman: Option<u32>,
}

struct Builder<'a> {
    lines: &'a [LexedLine],
    roles: Vec<Role>,
    segments: Vec<Segment>,
    state: State,
    has_organ: bool,
    /// The lines `start..end` whose answer to [`Builder::numbered_ahead`] is
    /// `ahead`, found by the latest question (questions come in line order,
    /// so one range makes the look-aheads of a build linear).
    numbered_ahead: Cell<(usize, usize, bool)>,
    own: Vec<bool>,
    checkpoints: Vec<Checkpoint>,
}

/// What the builder carries from line to line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    zone: Zone,
    part: u32,
    segment: u32,
    list: ListState,
    /// The last paragraph that continuation lines attach to.
    last_paragraph: Option<u32>,
    seen_operative: bool,
    /// The last operative paragraph of the part: text after it that opens
    /// like no paragraph belongs to it.
    last_operative: Option<u32>,
    /// The last number of a numbered list nested inside a paragraph.
    nested_number: Option<u32>,
    /// The lines from here on are an instrument the resolution adopts or annexes.
    embedded: bool,
}

/// The builder's state before a numbered paragraph or a section number: no
/// line before such a line looks past it (`next_nonblank` stops at it, the
/// list look-ahead and `numbered_ahead` too), so an update can restart there,
/// and stop at the first one after the edit whose state is the one the
/// previous build had.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checkpoint {
    line: u32,
    state: State,
    segments: u32,
    /// Segment 0 starts at the organ line, which may come after the checkpoint.
    first_segment_start: u32,
}

impl Checkpoint {
    /// The checkpoint with its line numbers moved by `map`; `None` when one
    /// of them lies in the edited lines.
    fn mapped(&self, map: impl Fn(u32) -> Option<u32>) -> Option<Checkpoint> {
        let opt = |line: Option<u32>| match line {
            Some(line) => map(line).map(Some),
            None => Some(None),
        };
        let state = &self.state;
        Some(Checkpoint {
            line: map(self.line)?,
            state: State {
                list: ListState {
                    parent: opt(state.list.parent)?,
                    heading: opt(state.list.heading)?,
                    ..state.list.clone()
                },
                last_paragraph: opt(state.last_paragraph)?,
                last_operative: opt(state.last_operative)?,
                ..state.clone()
            },
            first_segment_start: map(self.first_segment_start)?,
            ..self.clone()
        })
    }

    /// The lines whose roles the lines after the checkpoint read.
    fn referenced_lines(&self) -> impl Iterator<Item = u32> {
        [
            self.state.list.parent,
            self.state.list.heading,
            self.state.last_paragraph,
            self.state.last_operative,
        ]
        .into_iter()
        .flatten()
    }
}

/// Lines that no line before them looks past.
fn is_barrier(line: &LexedLine) -> bool {
    matches!(
        line.shape,
        LineShape::Numbered { .. } | LineShape::SectionNumber { .. }
    )
}

fn has_known_organ(lines: &[LexedLine]) -> bool {
    lines
        .iter()
        .any(|l| matches!(l.shape, LineShape::Organ { known: true, .. }))
}

/// Assign roles to every line. Comment lines are taken out first, so that
/// the structure is the one of the text without them, then put back.
pub fn build(lines: &[LexedLine]) -> Structure {
    if !lines.iter().any(|l| l.shape == LineShape::Comment) {
        return build_text(lines);
    }
    // Where each line of the text without comments stands in the document.
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].shape != LineShape::Comment)
        .collect();
    let text_lines: Vec<LexedLine> = kept.iter().map(|&i| lines[i].clone()).collect();
    let inner = build_text(&text_lines);
    let place = |line: u32| kept.get(line as usize).map_or(line, |&at| at as u32);
    let mut roles = vec![Role::Comment; lines.len()];
    let mut own = vec![false; lines.len()];
    for (index, (&role, &is_own)) in inner.roles.iter().zip(&inner.own).enumerate() {
        roles[kept[index]] = match role {
            Role::Subparagraph {
                level,
                label,
                parent,
            } => Role::Subparagraph {
                level,
                label,
                parent: place(parent),
            },
            Role::Continuation { parent } => Role::Continuation {
                parent: place(parent),
            },
            other => other,
        };
        own[kept[index]] = is_own;
    }
    let segments = inner
        .segments
        .into_iter()
        .map(|segment| Segment {
            start_line: place(segment.start_line),
            ..segment
        })
        .collect();
    Structure {
        roles,
        segments,
        own,
        // Built without its comment lines: an update builds again.
        checkpoints: Vec::new(),
        has_organ: inner.has_organ,
    }
}

/// The structure of `lines` after an edit that replaced `old_count` lines from
/// line `first` of the text `previous` was built from with `new_count` lines:
/// equal to `build(lines)`, but rebuilt only from the last checkpoint before
/// the edit to the first one after it where the state is the previous build's
/// again (the rest is the previous build's, its line numbers moved).
/// `replaced` are the `old_count` lines the edit took out.
pub fn update(
    mut previous: Structure,
    lines: &[LexedLine],
    first: usize,
    replaced: &[LexedLine],
    new_count: usize,
) -> Structure {
    let old_count = replaced.len();
    let old_len = previous.roles.len();
    // The last checkpoint before the edit, on a line the edit left alone.
    let restart = previous
        .checkpoints
        .partition_point(|c| (c.line as usize) < first);
    if restart == 0 || old_len + new_count != lines.len() + old_count || first + old_count > old_len
    {
        return build(lines);
    }
    // A text with comment lines has no checkpoints; one the edit wrote
    // builds again, as does an edit that took out or wrote a known organ line.
    let written = &lines[first..first + new_count];
    if written.iter().any(|l| l.shape == LineShape::Comment)
        || has_known_organ(written)
        || has_known_organ(replaced)
    {
        return build(lines);
    }
    let edit = Edit {
        first,
        old_count,
        new_count,
    };
    let checkpoints = previous.checkpoints.split_off(restart - 1);
    let start = checkpoints[0].line as usize;
    let tail = Tail {
        start,
        first_segment_start: previous.segments[0].start_line,
        roles: previous.roles.split_off(start),
        own: previous.own.split_off(start),
        segments_from: checkpoints[0].segments as usize,
        segments: previous
            .segments
            .split_off(checkpoints[0].segments as usize),
        checkpoints,
    };
    let mut builder = Builder::new(lines, previous.has_organ);
    builder.roles = previous.roles;
    builder.own = previous.own;
    builder.segments = previous.segments;
    builder.checkpoints = previous.checkpoints;
    builder.restore(&tail.checkpoints[0]);
    for (index, line) in lines.iter().enumerate().skip(start) {
        if index >= first + new_count && is_barrier(line) {
            let old_index = index + old_count - new_count;
            if let Ok(k) = tail
                .checkpoints
                .binary_search_by_key(&(old_index as u32), |c| c.line)
            {
                let now = builder.checkpoint(index);
                if tail.checkpoints[k].mapped(|l| edit.map(l)).as_ref() == Some(&now)
                    && builder.reads_alike(&tail, &now, index, old_index, edit)
                {
                    return builder.finish_with(tail, k, edit);
                }
            }
        }
        builder.step(index);
    }
    builder.finish()
}

/// An edit's lines: `old_count` lines from `first` replaced by `new_count`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    first: usize,
    old_count: usize,
    new_count: usize,
}

impl Edit {
    /// The index after the edit of a line of the previous text; `None` for a
    /// line the edit replaced.
    fn map(self, line: u32) -> Option<u32> {
        let line = line as usize;
        if line < self.first {
            Some(line as u32)
        } else if line >= self.first + self.old_count {
            Some((line + self.new_count - self.old_count) as u32)
        } else {
            None
        }
    }

    /// The index in the previous text of a line of the new one.
    fn unmap(self, line: usize) -> Option<usize> {
        if line < self.first {
            Some(line)
        } else if line >= self.first + self.new_count {
            Some(line + self.old_count - self.new_count)
        } else {
            None
        }
    }
}

/// The previous build from the line an update restarts at: what it goes back
/// to once the state matches again.
struct Tail {
    start: usize,
    roles: Vec<Role>,
    own: Vec<bool>,
    /// From the checkpoint the update restarted at.
    checkpoints: Vec<Checkpoint>,
    /// From the segment the restart checkpoint counted up to.
    segments: Vec<Segment>,
    segments_from: usize,
    /// Where segment 0 started at the end of the previous build (an organ
    /// line after the stop may have set it).
    first_segment_start: u32,
}

fn build_text(lines: &[LexedLine]) -> Structure {
    let mut builder = Builder::new(lines, has_known_organ(lines));
    builder.roles.reserve(lines.len());
    builder.own.reserve(lines.len());
    for index in 0..lines.len() {
        builder.step(index);
    }
    builder.finish()
}

/// A role with its line numbers moved by `map`.
fn mapped_role(role: Role, map: impl Fn(u32) -> Option<u32>) -> Option<Role> {
    Some(match role {
        Role::Subparagraph {
            level,
            label,
            parent,
        } => Role::Subparagraph {
            level,
            label,
            parent: map(parent)?,
        },
        Role::Continuation { parent } => Role::Continuation {
            parent: map(parent)?,
        },
        other => other,
    })
}

impl<'a> Builder<'a> {
    fn new(lines: &'a [LexedLine], has_organ: bool) -> Builder<'a> {
        Builder {
            lines,
            roles: Vec::new(),
            segments: vec![Segment {
                kind: SegmentKind::Body,
                start_line: 0,
                part: 0,
            }],
            state: State {
                zone: Zone::Header,
                part: 0,
                segment: 0,
                list: ListState::default(),
                last_paragraph: None,
                seen_operative: false,
                last_operative: None,
                nested_number: None,
                embedded: false,
            },
            has_organ,
            numbered_ahead: Cell::new((0, 0, false)),
            own: Vec::new(),
            checkpoints: Vec::new(),
        }
    }

    fn checkpoint(&self, index: usize) -> Checkpoint {
        Checkpoint {
            line: index as u32,
            state: self.state.clone(),
            segments: self.segments.len() as u32,
            first_segment_start: self.segments[0].start_line,
        }
    }

    fn restore(&mut self, checkpoint: &Checkpoint) {
        self.state = checkpoint.state.clone();
        self.segments[0].start_line = checkpoint.first_segment_start;
    }

    /// The role of line `index`, and whether it is the resolution's own text.
    fn step(&mut self, index: usize) {
        let line = &self.lines[index];
        if is_barrier(line) {
            let checkpoint = self.checkpoint(index);
            self.checkpoints.push(checkpoint);
        }
        let role = self.role_of(index);
        self.roles.push(role);
        match role {
            Role::AnnexHeading { .. } => self.state.embedded = true,
            Role::Heading if line.body().starts_with("Annex") => self.state.embedded = true,
            Role::Organ
            | Role::ClosingMeeting
            | Role::PartHeading {
                composite: true, ..
            } => {
                self.state.embedded = false;
            }
            _ => {}
        }
        self.own.push(!self.state.embedded);
        if self.introduces_a_text(index, role) {
            self.state.embedded = true;
        }
    }

    /// Whether the lines from `index` on read the same roles before them as
    /// they did from `old_index` in the previous build: the lines the state
    /// points to, the line before, and the last line that is not blank.
    fn reads_alike(
        &self,
        tail: &Tail,
        now: &Checkpoint,
        index: usize,
        old_index: usize,
        edit: Edit,
    ) -> bool {
        // The previous build's role and own flag of a line before `old_index`:
        // before the restart it is the builder's own.
        let old = |line: usize| {
            if line < tail.start {
                (self.roles[line], self.own[line])
            } else {
                (tail.roles[line - tail.start], tail.own[line - tail.start])
            }
        };
        let same = |new: usize| {
            edit.unmap(new).is_some_and(|was| {
                let (role, own) = old(was);
                was < old_index
                    && mapped_role(role, |l| edit.map(l)) == Some(self.roles[new])
                    && own == self.own[new]
            })
        };
        let last_nonblank_old = (0..old_index).rev().find(|&i| old(i).0 != Role::Blank);
        let last_nonblank_new = self.previous_nonblank(index);
        now.referenced_lines().all(|line| same(line as usize))
            && index.checked_sub(1).is_none_or(same)
            && match (last_nonblank_new, last_nonblank_old) {
                (Some(new), Some(old)) => same(new) && edit.unmap(new) == Some(old),
                (None, None) => true,
                _ => false,
            }
    }

    fn finish(self) -> Structure {
        Structure {
            roles: self.roles,
            segments: self.segments,
            own: self.own,
            checkpoints: self.checkpoints,
            has_organ: self.has_organ,
        }
    }

    /// The structure with the previous build's lines from its checkpoint
    /// `tail.checkpoints[k]` on, their line numbers moved.
    fn finish_with(mut self, mut tail: Tail, k: usize, edit: Edit) -> Structure {
        let from = tail.checkpoints[k].line as usize - tail.start;
        let segments_at = tail.checkpoints[k].segments as usize - tail.segments_from;
        // The previous build set where segment 0 starts after the stop: the
        // lines from there set it again.
        if tail.first_segment_start != tail.checkpoints[k].first_segment_start {
            match edit.map(tail.first_segment_start) {
                Some(start) => self.segments[0].start_line = start,
                None => return build(self.lines),
            }
        }
        self.own.extend_from_slice(&tail.own[from..]);
        if edit.old_count == edit.new_count {
            // No line moved: the previous build's lines as they are.
            self.roles.extend_from_slice(&tail.roles[from..]);
            self.checkpoints.extend(tail.checkpoints.drain(k..));
            self.segments
                .extend_from_slice(&tail.segments[segments_at..]);
            return self.finish();
        }
        let map = |line| edit.map(line);
        let moved = tail.roles[from..]
            .iter()
            .map(|&role| mapped_role(role, map))
            .collect::<Option<Vec<Role>>>()
            .zip(
                tail.checkpoints[k..]
                    .iter()
                    .map(|c| c.mapped(map))
                    .collect::<Option<Vec<Checkpoint>>>(),
            )
            .zip(
                tail.segments[segments_at..]
                    .iter()
                    .map(|segment| {
                        Some(Segment {
                            start_line: map(segment.start_line)?,
                            ..*segment
                        })
                    })
                    .collect::<Option<Vec<Segment>>>(),
            );
        match moved {
            Some(((roles, checkpoints), segments)) => {
                self.roles.extend(roles);
                self.checkpoints.extend(checkpoints);
                self.segments.extend(segments);
                self.finish()
            }
            // A line number of the previous build in the edited lines.
            None => build(self.lines),
        }
    }
}

impl Builder<'_> {
    fn next_nonblank(&self, index: usize) -> Option<&LexedLine> {
        self.lines[index + 1..]
            .iter()
            .find(|l| l.shape != LineShape::Blank)
    }

    fn new_segment(&mut self, kind: SegmentKind, start_line: usize) -> u32 {
        self.segments.push(Segment {
            kind,
            start_line: start_line as u32,
            part: self.state.part,
        });
        self.state.segment = (self.segments.len() - 1) as u32;
        self.state.segment
    }

    fn start_paragraph(&mut self, index: usize) {
        self.state.list = ListState {
            parent: Some(index as u32),
            ..ListState::default()
        };
        self.state.last_paragraph = Some(index as u32);
    }

    fn role_of(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        // Shapes that mean the same thing in every zone.
        match &line.shape {
            LineShape::Blank => return Role::Blank,
            LineShape::OdsTrailer => {
                self.state.zone = Zone::Trailer;
                return Role::Trailer;
            }
            LineShape::Artifact => return Role::Artifact,
            LineShape::FootnoteDefinition { number, .. } if self.state.zone != Zone::Trailer => {
                return Role::FootnoteText { number: *number };
            }
            _ => {}
        }
        match self.state.zone {
            Zone::Header => self.header_line(index),
            Zone::Body => self.body_line(index),
            Zone::Closing => self.closing_line(index),
            Zone::Annex => self.annex_line(index),
            Zone::Footnotes => self.footnote_line(index),
            Zone::Trailer => Role::Furniture,
        }
    }

    fn header_line(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        match &line.shape {
            LineShape::Organ { known, .. } if *known || !self.has_organ => {
                self.state.zone = Zone::Body;
                self.state.last_operative = None;
                if self.state.seen_operative || self.state.part > 0 {
                    self.new_segment(SegmentKind::Body, index);
                } else {
                    self.segments[0].start_line = index as u32;
                }
                Role::Organ
            }
            LineShape::Title { .. } => {
                if !self.has_organ {
                    self.state.zone = Zone::Body;
                }
                Role::Title
            }
            LineShape::LetterHeading { .. } if self.next_is_organ(index) => {
                self.part_heading(index)
            }
            LineShape::Numbered { .. } | LineShape::MalformedNumber { .. } if !self.has_organ => {
                self.state.zone = Zone::Body;
                self.body_line(index)
            }
            LineShape::Text
                if !self.has_organ && matches!(line.final_char(), Some((_, ',' | ';'))) =>
            {
                self.state.zone = Zone::Body;
                self.body_line(index)
            }
            _ => Role::Header,
        }
    }

    fn next_is_organ(&self, index: usize) -> bool {
        self.next_nonblank(index)
            .is_some_and(|l| matches!(l.shape, LineShape::Organ { .. }))
    }

    fn part_heading(&mut self, index: usize) -> Role {
        self.state.part += 1;
        self.state.seen_operative = false;
        self.state.last_operative = None;
        let segment = self.new_segment(SegmentKind::Body, index);
        self.state.zone = Zone::Header;
        Role::PartHeading {
            segment,
            composite: true,
        }
    }

    fn body_line(&mut self, index: usize) -> Role {
        if self.after_the_last_council_paragraph(index) {
            // What the Council appends after it stays seized: the annex.
            return self.annex_heading(index);
        }
        let line = &self.lines[index];
        match &line.shape {
            // A numbered row of a table (`1.<TAB>Income<TAB>314 723 800`).
            LineShape::Numbered { .. } | LineShape::MalformedNumber { .. }
                if is_table_row(line.body()) && !ends_with_a_mark(line) =>
            {
                Role::TableRow
            }
            // A lettered row of a table (`B<TAB>All Member States …<TAB>0`): a
            // letter heading has no cells.
            LineShape::LetterHeading {
                has_title: true, ..
            } if is_table_row(line.body()) && !ends_with_a_mark(line) => Role::TableRow,
            // `Section<TAB>Amount (United States dollars)`.
            LineShape::Text
                if is_table_row(&line.text[line.indent..]) && !ends_with_a_mark(line) =>
            {
                Role::TableRow
            }
            LineShape::Numbered { number, .. } if self.continues_nested_list(index, *number) => {
                self.state.nested_number = Some(*number);
                let parent = self.state.list.parent.unwrap_or(index as u32);
                Role::Subparagraph {
                    level: 5,
                    label: ItemLabel::Number,
                    parent,
                }
            }
            LineShape::Numbered { number, rank, .. } => {
                self.state.seen_operative = true;
                self.state.last_operative = Some(index as u32);
                self.state.nested_number = None;
                self.start_paragraph(index);
                // `5.<TAB>(a)<TAB>Text`: the list starts on the paragraph's line.
                if let Some(label) = leading_label(line.body()) {
                    self.state.list.letter = Some(label.to_owned());
                }
                Role::Operative {
                    number: *number,
                    segment: self.state.segment,
                    rank: *rank,
                }
            }
            LineShape::MalformedNumber { number, label }
                if self.lines[index].text[label.start..].starts_with('(')
                    && self.continues_nested_list(index, *number) =>
            {
                self.state.nested_number = Some(*number);
                let parent = self.state.list.parent.unwrap_or(index as u32);
                Role::Subparagraph {
                    level: 5,
                    label: ItemLabel::Number,
                    parent,
                }
            }
            LineShape::MalformedNumber { number, .. } => {
                self.state.seen_operative = true;
                self.state.last_operative = Some(index as u32);
                self.start_paragraph(index);
                Role::MalformedOperative {
                    number: *number,
                    segment: self.state.segment,
                }
            }
            LineShape::Subparagraph { label, .. } => self.subparagraph(index, label, false),
            LineShape::MalformedSubparagraph { .. } => match self.state.list.parent {
                Some(parent) => Role::Subparagraph {
                    level: 1,
                    label: ItemLabel::Malformed,
                    parent,
                },
                None => Role::Other,
            },
            LineShape::DottedLetter { label, .. } => self.subparagraph(index, label, true),
            LineShape::Bullet { .. } => self.bullet(index),
            LineShape::SectionNumber {
                numeral,
                has_title: true,
            } if roman_value(&numeral.to_ascii_lowercase())
                .is_some_and(|value| self.roman_point(index, value)) =>
            {
                self.capital_item(index, None, roman_value(&numeral.to_ascii_lowercase()))
            }
            LineShape::LetterHeading {
                letter,
                has_title: true,
            } if self.state.list.capital.is_none()
                && roman_value(&letter.to_ascii_lowercase().to_string())
                    .is_some_and(|value| self.roman_point(index, value)) =>
            {
                self.capital_item(
                    index,
                    None,
                    roman_value(&letter.to_ascii_lowercase().to_string()),
                )
            }
            LineShape::SectionNumber { .. } => {
                let segment = self.new_segment(SegmentKind::Section, index);
                self.state.last_paragraph = None;
                Role::SectionNumber { segment }
            }
            LineShape::LetterHeading {
                letter,
                has_title: true,
            } if self.capital_point(index, *letter) => {
                self.capital_item(index, Some(*letter), None)
            }
            LineShape::LetterHeading { .. } => {
                if self.next_is_organ(index) {
                    self.part_heading(index)
                } else {
                    let segment = self.new_segment(SegmentKind::Section, index);
                    self.state.last_paragraph = None;
                    Role::PartHeading {
                        segment,
                        composite: false,
                    }
                }
            }
            LineShape::Organ { .. } => Role::Organ,
            LineShape::ClosingMeeting => {
                self.state.zone = Zone::Closing;
                Role::ClosingMeeting
            }
            LineShape::AnnexHeading => self.annex_heading(index),
            LineShape::Separator => {
                self.state.zone = Zone::Footnotes;
                Role::Separator
            }
            LineShape::FootnoteCandidate { number, .. } if self.state.seen_operative => {
                self.state.zone = Zone::Footnotes;
                Role::FootnoteText { number: *number }
            }
            _ => self.text_paragraph(index),
        }
    }

    /// A numbered line inside a list rather than a new operative paragraph: `1.`
    /// (or `(1)`) right after a subparagraph or a lead-in ending with a colon, or the
    /// next number of such a nested list.
    fn continues_nested_list(&self, index: usize, number: u32) -> bool {
        let Some(parent) = self.state.list.parent else {
            return false;
        };
        // A list numbered 1, 2 … nests only in a numbered paragraph: after an
        // unnumbered lead-in (`Resolves that, for 2020:`) the numbers are the
        // operative paragraphs.
        if index == 0
            || !matches!(
                self.roles[parent as usize],
                Role::Operative { .. }
                    | Role::MalformedOperative { .. }
                    | Role::AnnexParagraph { .. }
            )
        {
            return false;
        }
        let Some(previous) = self.roles.iter().rposition(|r| *r != Role::Blank) else {
            return false;
        };
        let in_nested_list = matches!(
            self.roles[previous],
            Role::Subparagraph { .. } | Role::Continuation { .. }
        );
        if in_nested_list && self.state.nested_number.is_some_and(|n| n + 1 == number) {
            return true;
        }
        number == 1
            && self.state.seen_operative
            && (matches!(self.roles[previous], Role::Subparagraph { .. })
                || matches!(self.lines[previous].final_char(), Some((_, ':'))))
    }

    /// `a<TAB>Member States in level H* have a discount …` right under the rows
    /// of a table: the note its cells' `a` marks point to.
    fn is_table_note(&self, index: usize) -> bool {
        let mut key = self.lines[index].body().chars();
        key.next().is_some_and(|c| c.is_ascii_lowercase())
            && key.next() == Some('\t')
            && self.previous_nonblank(index).is_some_and(|previous| {
                matches!(self.roles[previous], Role::TableRow | Role::TableNote)
            })
    }

    /// An unlabelled line of text in the body: a preambular paragraph, a heading,
    /// or the continuation of the paragraph before.
    fn text_paragraph(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        let body = line.body();
        // `PP3<TAB>Recalling …`, `OP5 alt<TAB>Decides …`, `OP4 [deleted]`: a
        // rolling text's label without a number makes the line a paragraph of
        // the part it names.
        if let Some(label) = line.label {
            self.start_paragraph(index);
            return match label.part {
                super::negotiation::LabelPart::Preambular => Role::Preambular,
                super::negotiation::LabelPart::Operative => {
                    self.state.seen_operative = true;
                    self.state.last_operative = Some(index as u32);
                    Role::UnnumberedOperative {
                        segment: self.state.segment,
                    }
                }
            };
        }
        if self.is_table_note(index) {
            return Role::TableNote;
        }
        let first = body.chars().next();
        // A number or label printed alone on its line, its text on the next:
        // `1.` then `<TAB>Reaffirms that …`.
        // (At the margin, as a `title` of the official markup prints it; an
        // indented number alone is a paragraph of its own there.)
        let after_bare_label = self.previous_nonblank(index).is_some_and(|previous| {
            let bare = &self.lines[previous];
            bare.body().is_empty()
                && match self.roles[previous] {
                    Role::Subparagraph { .. } => previous + 1 == index,
                    Role::Operative { .. } | Role::AnnexParagraph { .. } => bare.indent == 0,
                    _ => false,
                }
        });
        if after_bare_label {
            if let Some(parent) = self.state.last_paragraph {
                return Role::Continuation { parent };
            }
        }
        if first.is_some_and(|c| c.is_lowercase() || matches!(c, '–' | '-' | '•')) {
            if let Some(parent) = self.state.last_paragraph {
                return Role::Continuation { parent };
            }
        }
        // A closing quote or bracket ends a paragraph only after a mark (`….”`).
        let before_final = line.text[..line.final_char().map_or(0, |(at, _)| at)]
            .chars()
            .next_back();
        // `(“Supporting the Ouagadougou political process”)`: a heading in brackets.
        let bracketed_heading = body.starts_with('(')
            && body.ends_with(')')
            && !matches!(before_final, Some(',' | ';' | ':' | '.'))
            && words_at_most(body, 15);
        let ends_like_paragraph = !bracketed_heading
            && match line.final_char() {
                Some((_, ',' | ';' | ':' | '.')) => true,
                Some((_, '”' | '"' | ')' | '’')) => {
                    matches!(before_final, Some(',' | ';' | ':' | '.'))
                        || !line.text.starts_with("		")
                }
                _ => false,
            };
        let words = body.split_whitespace().count();
        let double_indent = line.text.starts_with("\t\t");
        // `Recalling` alone before `(a) …`: the first words of a preambular
        // paragraph's introduction, all the export printed of it (`Recalls`
        // alone is the same paragraph in the wrong form, VRB013).
        let preambular_lead_in = !self.state.seen_operative
            && class_of(body).is_some()
            && self
                .next_nonblank(index)
                .is_some_and(|next| matches!(next.shape, LineShape::Subparagraph { .. }));
        // `Noting the report` before `1.`: a preambular paragraph that lost its
        // comma (PUN001), not a heading.
        let paragraph_without_its_mark = !self.state.seen_operative
            && !double_indent
            && !bracketed_heading
            && line.indent > 0
            && words >= 2
            && class_of(body).is_some()
            && body
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
            && self.next_nonblank(index).is_some_and(|next| {
                matches!(next.shape, LineShape::Numbered { .. })
                    || (next.shape == LineShape::Text && class_of(next.body()).is_some())
            });
        // `United Nations and International Support:` between two numbered
        // paragraphs: the heading of the group that follows (a `subheading` in
        // the official XML), not the tail of the paragraph before.
        let colon_heading = self.state.seen_operative
            && matches!(line.final_char(), Some((_, ':')))
            && class_of(body).is_none()
            && words <= 8
            && self
                .next_nonblank(index)
                .is_some_and(|next| matches!(next.shape, LineShape::Numbered { .. }));
        if (!ends_like_paragraph || colon_heading)
            && !preambular_lead_in
            && !paragraph_without_its_mark
            && (double_indent || words <= 15)
        {
            // A heading inside a list: the list may go on after it, or restart at (a).
            self.state.list.heading = Some(index as u32);
            self.state.last_paragraph = None;
            return Role::Heading;
        }
        let inside_operative_list = self.state.list.letter.is_some()
            && self
                .state
                .list
                .parent
                .is_some_and(|p| matches!(self.roles[p as usize], Role::Operative { .. }));
        if inside_operative_list && self.state.list.heading.is_none() {
            if let Some(parent) = self.state.list.parent {
                // Unlabelled text inside an operative paragraph's list (a
                // mandate's sub-items under a labelled heading) continues it: the
                // official files make such a line a `paragraph` more often than a
                // point without a label.
                return Role::Continuation { parent };
            }
        }
        // After operative paragraphs, text that opens like neither part (`Monday,
        // 27 May: from 10 a.m. …;` under `… will be held as follows:`, a note
        // under a table) belongs to the paragraph before it.
        if let Some(parent) = self.state.last_operative {
            // A quotation opening (`“Having particular regard …`) is the text
            // the paragraph quotes.
            if class_of(body).is_none() || body.starts_with(['“', '"']) {
                if !ends_like_paragraph {
                    // Unpunctuated, and long: a heading between operative paragraphs.
                    self.state.list.heading = Some(index as u32);
                    self.state.last_paragraph = None;
                    return Role::Heading;
                }
                return Role::Continuation { parent };
            }
        }
        self.start_paragraph(index);
        if self.is_unnumbered_operative(index) {
            self.state.seen_operative = true;
            self.state.last_operative = Some(index as u32);
            return Role::UnnumberedOperative {
                segment: self.state.segment,
            };
        }
        Role::Preambular
    }

    /// An unnumbered paragraph opening with a finite verb is operative after
    /// numbered operative paragraphs, where no numbered paragraph follows, or when
    /// it introduces a text (`Adopts the following declaration:`); before numbered
    /// paragraphs it is a preambular paragraph in the wrong form (VRB013).
    /// Does a numbered paragraph follow line `index` before the part or
    /// section ends? An unnumbered paragraph with a finite verb before
    /// numbered ones is a misplaced preambular paragraph, one without numbered
    /// ones after it is operative.
    fn numbered_ahead(&self, index: usize) -> bool {
        let (start, end, ahead) = self.numbered_ahead.get();
        if (start..end).contains(&index) {
            return ahead;
        }
        let mut ahead = false;
        let mut end = self.lines.len();
        for (later, line) in self.lines.iter().enumerate().skip(index + 1) {
            match line.shape {
                LineShape::Numbered { .. } | LineShape::MalformedNumber { .. } => {
                    ahead = true;
                    end = later;
                    break;
                }
                LineShape::Organ { known: true, .. }
                | LineShape::ClosingMeeting
                | LineShape::AnnexHeading
                | LineShape::SectionNumber { .. }
                | LineShape::Separator
                | LineShape::OdsTrailer => {
                    end = later;
                    break;
                }
                _ => {}
            }
        }
        self.numbered_ahead.set((index, end, ahead));
        ahead
    }

    fn is_unnumbered_operative(&self, index: usize) -> bool {
        let line = &self.lines[index];
        if class_of(line.body()) != Some(OpeningClass::Operative) {
            return false;
        }
        self.state.seen_operative || !self.numbered_ahead(index) || self.lead_in_to_a_text(index)
    }

    /// A paragraph ending with a colon that no labelled item follows: what
    /// follows is a text it adopts or quotes (`Adopts the following
    /// declaration:`).
    fn lead_in_to_a_text(&self, index: usize) -> bool {
        matches!(self.lines[index].final_char(), Some((_, ':')))
            && !self.next_nonblank(index).is_some_and(|next| {
                matches!(
                    next.shape,
                    LineShape::Subparagraph { .. }
                        | LineShape::MalformedSubparagraph { .. }
                        | LineShape::DottedLetter { .. }
                        | LineShape::Bullet { .. }
                        | LineShape::LetterHeading { .. }
                )
            })
    }

    /// An unnumbered paragraph that introduces an instrument (`Adopts the
    /// following declaration:`, `We, Heads of State …, declare:`): the lines
    /// after it are that instrument's.
    fn introduces_a_text(&self, index: usize, role: Role) -> bool {
        let body = self.lines[index].body();
        match role {
            Role::UnnumberedOperative { .. } | Role::Preambular => {
                self.lead_in_to_a_text(index)
                    && (role != Role::Preambular
                        || body.starts_with("We ")
                        || body.starts_with("We,")
                        || class_of(body) == Some(OpeningClass::Operative))
            }
            _ => false,
        }
    }

    fn previous_nonblank(&self, index: usize) -> Option<usize> {
        self.roles[..index].iter().rposition(|r| *r != Role::Blank)
    }

    /// `A.<TAB>To assist the parties …:` as an item of the list that the
    /// paragraph before introduces with a colon, or the next letter of such a
    /// list; otherwise a capital letter heads a section.
    fn capital_point(&self, index: usize, letter: char) -> bool {
        let ordinal = |c: char| u32::from(c) - u32::from('A') + 1;
        self.continues_capital_list(index, self.state.list.capital.map(ordinal), ordinal(letter))
    }

    /// `I.<TAB>Secure and stable environment:` the same way (the official
    /// markup makes them `point`s, their `(a)` … a sublist); otherwise a roman
    /// numeral heads a section.
    fn roman_point(&self, index: usize, value: u32) -> bool {
        self.continues_capital_list(index, self.state.list.capital_roman, value)
    }

    /// Whether the item numbered `value` (1 for `A.` or `I.`) belongs to the
    /// list of an operative paragraph: the first after a colon, or the next
    /// after `last`.
    fn continues_capital_list(&self, index: usize, last: Option<u32>, value: u32) -> bool {
        let Some(parent) = self.state.list.parent else {
            return false;
        };
        if !self.roles[parent as usize].is_operative() {
            return false;
        }
        match last {
            Some(last) => last + 1 == value,
            None => {
                value == 1
                    && self
                        .previous_nonblank(index)
                        .is_some_and(|p| matches!(self.lines[p].final_char(), Some((_, ':'))))
            }
        }
    }

    /// A point of a list labelled `A.`, `B.` … (`letter`) or `I.`, `II.` …
    /// (`numeral`, its value).
    fn capital_item(&mut self, index: usize, letter: Option<char>, numeral: Option<u32>) -> Role {
        if letter.is_some() {
            self.state.list.capital = letter;
        }
        if numeral.is_some() {
            self.state.list.capital_roman = numeral;
        }
        let parent = self.state.list.parent.unwrap_or(index as u32);
        self.state.list.last_level = 1;
        self.state.list.last_colon = matches!(self.lines[index].final_char(), Some((_, ':')));
        self.state.last_paragraph = Some(parent);
        Role::Subparagraph {
            level: 1,
            label: ItemLabel::Capital,
            parent,
        }
    }

    /// A dashed or bulleted item (`–<TAB>to protect civilians,`): one level
    /// below a labelled item whose text ends with a colon, else at the level of
    /// the items before it.
    fn bullet(&mut self, index: usize) -> Role {
        let Some(parent) = self.state.list.parent else {
            return self.text_paragraph(index);
        };
        let previous_was_bullet = self
            .roles
            .iter()
            .rposition(|r| *r != Role::Blank)
            .is_some_and(|p| matches!(self.lines[p].shape, LineShape::Bullet { .. }));
        let level = match self.state.list.bullet_level {
            Some(level) if previous_was_bullet => level,
            _ if self.state.list.last_level > 0 && self.state.list.last_colon => {
                self.state.list.last_level + 1
            }
            _ if self.state.list.last_level > 0 => self.state.list.last_level,
            _ => 1,
        };
        self.state.list.bullet_level = Some(level);
        self.state.list.last_level = level;
        self.state.list.last_colon = matches!(self.lines[index].final_char(), Some((_, ':')));
        self.state.list.heading = None;
        self.state.last_paragraph = Some(parent);
        Role::Subparagraph {
            level,
            label: ItemLabel::Bullet,
            parent,
        }
    }

    fn subparagraph(&mut self, index: usize, label: &str, dotted: bool) -> Role {
        if let (Some(heading), "a") = (self.state.list.heading, label) {
            if !dotted && self.state.list.letter.is_some() {
                self.state.list = ListState {
                    parent: Some(heading),
                    ..ListState::default()
                };
            }
        }
        self.state.list.heading = None;
        let Some(parent) = self.state.list.parent else {
            return self.text_paragraph(index);
        };
        let ends_with_colon = matches!(self.lines[index].final_char(), Some((_, ':')));
        let (level, kind) = if dotted {
            let roman_next = self
                .state
                .list
                .dotted_roman
                .as_deref()
                .is_some_and(|last| successor_roman(last).as_deref() == Some(label))
                || (label == "i"
                    && self
                        .state
                        .list
                        .dotted_letter
                        .as_deref()
                        .is_some_and(|l| l != "h"));
            if roman_next {
                self.state.list.dotted_roman = Some(label.to_owned());
                (4, ItemLabel::DottedRoman)
            } else {
                self.state.list.dotted_letter = Some(label.to_owned());
                self.state.list.dotted_roman = None;
                (3, ItemLabel::DottedLetter)
            }
        } else {
            if self.state.list.letter.is_none() && self.state.list.roman.is_none() && label == "i" {
                self.state.list.roman_outside = true;
            }
            let kind = if label == "i" && self.roman_list_follows(index) {
                ItemLabel::Roman
            } else {
                subparagraph_kind(&self.state.list, label)
            };
            if kind == ItemLabel::Letter {
                self.state.list.letter = Some(label.to_owned());
                self.state.list.letter_colon = ends_with_colon;
                if !self.state.list.roman_outside {
                    // `(a) (i)<TAB>…`: the item's first subitem stands on its line.
                    self.state.list.roman = leading_label(self.lines[index].body())
                        .filter(|l| *l == "i")
                        .map(str::to_owned);
                }
            } else {
                self.state.list.roman = Some(label.to_owned());
            }
            let outer = (kind == ItemLabel::Letter) != self.state.list.roman_outside;
            (if outer { 1 } else { 2 }, kind)
        };
        self.state.list.last_level = level;
        self.state.list.last_colon = ends_with_colon;
        self.state.list.bullet_level = None;
        self.state.last_paragraph = Some(parent);
        Role::Subparagraph {
            level,
            label: kind,
            parent,
        }
    }

    /// After (h), `(i)` opens a roman list when (ii) comes before (j) (and
    /// before another (i)) within the paragraph: `(h)<TAB>Disarmament …` as a
    /// heading of romans.
    fn roman_list_follows(&self, index: usize) -> bool {
        if self.state.list.letter.as_deref() != Some("h") || self.state.list.roman.is_some() {
            return false;
        }
        for line in &self.lines[index + 1..] {
            match &line.shape {
                LineShape::Subparagraph { label, .. } => match label.as_str() {
                    "ii" => return true,
                    "i" | "j" => return false,
                    _ => {}
                },
                LineShape::Numbered { .. } | LineShape::SectionNumber { .. } => return false,
                _ => {}
            }
        }
        false
    }

    fn closing_line(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        match &line.shape {
            LineShape::Date if index > 0 && self.roles[index - 1] == Role::ClosingMeeting => {
                Role::ClosingDate
            }
            LineShape::Date => Role::ClosingDate,
            LineShape::Separator => {
                self.state.zone = Zone::Footnotes;
                Role::Separator
            }
            LineShape::FootnoteCandidate { number, .. } => {
                self.state.zone = Zone::Footnotes;
                Role::FootnoteText { number: *number }
            }
            LineShape::LetterHeading { .. } => self.part_heading(index),
            LineShape::Organ { .. } => {
                self.state.zone = Zone::Body;
                self.state.last_operative = None;
                Role::Organ
            }
            // Text after the closing lines is an annex, whether or not it has an
            // `Annex` heading (budget resolutions append their tables so).
            _ => self.annex_heading(index),
        }
    }

    /// A line set apart by a blank line after `Decides to remain seized of the
    /// matter.`, the last paragraph of a Council resolution, which has no
    /// closing lines to end its body.
    fn after_the_last_council_paragraph(&self, index: usize) -> bool {
        let line = &self.lines[index];
        if index < 2
            || line.shape == LineShape::Blank
            || self.lines[index - 1].shape != LineShape::Blank
            || matches!(
                line.shape,
                LineShape::Separator
                    | LineShape::FootnoteCandidate { .. }
                    | LineShape::ClosingMeeting
                    | LineShape::Date
            )
        {
            return false;
        }
        let Some(previous) = (0..index - 1)
            .rev()
            .find(|&i| self.lines[i].shape != LineShape::Blank)
        else {
            return false;
        };
        self.roles[previous].is_operative()
            && self.lines[previous]
                .body()
                .trim_end()
                .ends_with("seized of the matter.")
    }

    fn annex_heading(&mut self, index: usize) -> Role {
        self.state.zone = Zone::Annex;
        self.state.last_paragraph = None;
        let segment = self.new_segment(SegmentKind::Annex, index);
        Role::AnnexHeading { segment }
    }

    fn annex_line(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        match &line.shape {
            LineShape::AnnexHeading => self.annex_heading(index),
            LineShape::Numbered { .. } if is_table_row(line.body()) => Role::AnnexText,
            LineShape::Numbered { number, .. } if self.continues_nested_list(index, *number) => {
                self.state.nested_number = Some(*number);
                let parent = self.state.list.parent.unwrap_or(index as u32);
                Role::Subparagraph {
                    level: 5,
                    label: ItemLabel::Number,
                    parent,
                }
            }
            LineShape::Numbered { number, .. } => {
                self.state.nested_number = None;
                self.start_paragraph(index);
                Role::AnnexParagraph {
                    number: *number,
                    segment: self.state.segment,
                }
            }
            LineShape::Subparagraph { label, .. } => match self.state.list.parent {
                Some(_) => self.subparagraph(index, label, false),
                None => Role::AnnexText,
            },
            LineShape::SectionNumber { .. } | LineShape::LetterHeading { .. } => {
                self.new_segment(SegmentKind::Annex, index);
                self.state.list = ListState::default();
                Role::AnnexText
            }
            LineShape::Separator => {
                self.state.zone = Zone::Footnotes;
                Role::Separator
            }
            _ => {
                // Annex headings and lead-ins start a new list context; other
                // unlabelled text may sit inside a list that goes on after it.
                match line.final_char() {
                    Some((_, ':')) => {
                        self.state.list = ListState {
                            parent: Some(index as u32),
                            ..ListState::default()
                        };
                    }
                    Some((_, ',' | ';' | '.')) => {}
                    // A heading: the list may go on after it, or restart at (a).
                    _ => self.state.list.heading = Some(index as u32),
                }
                Role::AnnexText
            }
        }
    }

    fn footnote_line(&mut self, index: usize) -> Role {
        let line = &self.lines[index];
        match &line.shape {
            LineShape::FootnoteCandidate { number, .. } => Role::FootnoteText { number: *number },
            LineShape::AnnexHeading => self.annex_heading(index),
            LineShape::Separator => Role::Separator,
            _ => Role::FootnoteContinuation,
        }
    }
}

/// The subparagraph label a paragraph's text starts with: `(a)` in
/// `5.<TAB>(a)<TAB>Lebanese judges …`.
pub fn leading_label(body: &str) -> Option<&str> {
    let rest = body.strip_prefix('(')?;
    let end = rest.find(')')?;
    let label = &rest[..end];
    (is_letter_label(label) && rest[end + 1..].starts_with(['\t', ' '])).then_some(label)
}

fn words_at_most(text: &str, limit: usize) -> bool {
    text.split_whitespace().nth(limit).is_none()
}

fn ends_with_a_mark(line: &LexedLine) -> bool {
    matches!(line.final_char(), Some((_, ',' | ';' | ':' | '.')))
}

/// A row of a table: tab-separated cells
/// (`Income from staff assessment<TAB>314 723 800`).
/// Cells holding only invisible characters (a left-to-right mark between two
/// tabs) do not count; a dash is the figure of an empty row (`Services<TAB>–`).
fn is_table_row(body: &str) -> bool {
    leading_label(body).is_none()
        && body
            .split('\t')
            .filter(|cell| {
                cell.chars()
                    .any(|c| c.is_alphanumeric() || matches!(c, '–' | '—'))
            })
            .count()
            >= 2
}

/// NUM008: decide whether a parenthesized label is a letter or a roman
/// numeral, by sequence.
fn subparagraph_kind(list: &ListState, label: &str) -> ItemLabel {
    let next_letter = list
        .letter
        .as_deref()
        .map_or_else(|| Some("a".to_owned()), successor_letter);
    let next_roman = list
        .roman
        .as_deref()
        .map_or_else(|| Some("i".to_owned()), successor_roman);
    if list.roman_outside && list.roman.is_some() {
        // Roman headings with letters under them: the letters restart at (a)
        // under each heading or run on through the list.
        if next_letter.as_deref() == Some(label) || label == "a" {
            return ItemLabel::Letter;
        }
        if next_roman.as_deref() == Some(label) {
            return ItemLabel::Roman;
        }
    }
    if subparagraph_level(list, label) == 1 {
        ItemLabel::Letter
    } else {
        ItemLabel::Roman
    }
}

/// Whether a label goes on a list of letters (1) or opens or continues a list
/// of roman numerals (2).
fn subparagraph_level(list: &ListState, label: &str) -> u8 {
    let next_letter = list
        .letter
        .as_deref()
        .map_or_else(|| Some("a".to_owned()), successor_letter);
    let next_roman = list
        .roman
        .as_deref()
        .map_or_else(|| Some("i".to_owned()), successor_roman);
    let roman_open = list.roman.is_some();
    if roman_open && next_roman.as_deref() == Some(label) {
        return 2;
    }
    if label == "i" && !roman_open && (list.letter.is_none() || list.letter_colon) {
        // A roman list under a lead-in ending with a colon, or opened directly under
        // the paragraph (Security Council texts do this).
        return 2;
    }
    if next_letter.as_deref() == Some(label) {
        return 1;
    }
    // `(d)` after `(iii)` is a letter: lists never count to 50, 100 or 500.
    let numeral_like = label.chars().all(|c| "ivx".contains(c))
        || (label.len() > 1 && label.chars().all(|c| "ivxlcdm".contains(c)));
    if roman_open && numeral_like {
        // A malformed numeral inside a roman list, such as (iiii).
        return 2;
    }
    if list.letter.is_some() && label == "i" && (list.letter_colon || !roman_open) {
        return 2;
    }
    if list.letter.is_some() && roman_value(label).is_some() && !is_letter_label(label) {
        return 2;
    }
    if is_letter_label(label) || list.letter.is_none() {
        1
    } else {
        2
    }
}

/// `a` … `z`, then `aa`, `bb` … (NUM006).
pub fn is_letter_label(label: &str) -> bool {
    let mut chars = label.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_lowercase() && chars.all(|c| c == first)
}

/// The letter label after `label`: `b` after `a`, `aa` after `z`, `bb` after `aa`.
pub fn successor_letter(label: &str) -> Option<String> {
    if !is_letter_label(label) {
        return None;
    }
    let first = label.chars().next()?;
    Some(if first == 'z' {
        "a".repeat(label.len() + 1)
    } else {
        let next = (first as u8 + 1) as char;
        next.to_string().repeat(label.len())
    })
}

/// The value of a lower-case roman numeral in standard subtractive form.
pub fn roman_value(label: &str) -> Option<u32> {
    if label.is_empty() || label.len() > 12 {
        return None;
    }
    let digit = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let values: Option<Vec<u32>> = label.chars().map(digit).collect();
    let values = values?;
    let mut total = 0;
    for (i, value) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > value) {
            total -= *value as i64;
        } else {
            total += *value as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    (to_roman(total) == label).then_some(total)
}

/// `n` as a lower-case roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

pub fn successor_roman(label: &str) -> Option<String> {
    roman_value(label).map(|v| to_roman(v + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preambular_paragraphs_by_shape() {
        let shaped =
            |text: &str| preambular_by_shape(&super::super::lex::lex_line(text), Role::Preambular);
        assert!(shaped(
            "\tContinuing in its resolve to ensure that sanctions are targeted;"
        ));
        assert!(shaped(
            "\tRéaffirmant que la participation des femmes est indispensable,"
        ));
        // Headings and sentences without the mark of a paragraph in a sequence.
        assert!(!shaped("\tAchieving sustainable fisheries"));
        assert!(!shaped("\tReporting:"));
        assert!(!shaped("\t“Having particular regard to the report,"));
        assert!(!preambular_by_shape(
            &super::super::lex::lex_line("\tContinuing in its resolve;"),
            Role::Heading
        ));
    }

    #[test]
    fn letter_and_roman_sequences() {
        assert_eq!(successor_letter("a").as_deref(), Some("b"));
        assert_eq!(successor_letter("z").as_deref(), Some("aa"));
        assert_eq!(successor_letter("aa").as_deref(), Some("bb"));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("vv"), None);
        assert_eq!(successor_roman("viii").as_deref(), Some("ix"));
    }

    fn levels(labels: &[(&str, bool)]) -> Vec<u8> {
        let mut list = ListState {
            parent: Some(0),
            ..ListState::default()
        };
        labels
            .iter()
            .map(|(label, colon)| {
                let level = subparagraph_level(&list, label);
                if level == 1 {
                    list.letter = Some(label.to_string());
                    list.letter_colon = *colon;
                    list.roman = None;
                } else {
                    list.roman = Some(label.to_string());
                }
                level
            })
            .collect()
    }

    #[test]
    fn num008_disambiguation() {
        // (h) (i) (j): letters.
        let labels = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map(|l| (l, false));
        assert_eq!(levels(&labels), vec![1; 10]);
        // (a) …: (i) (ii) (b): roman under (a).
        assert_eq!(
            levels(&[("a", true), ("i", false), ("ii", false), ("b", false)]),
            vec![1, 2, 2, 1]
        );
        // (h) …: (i) (ii) (i)…: a colon before (i) opens a roman list even after (h).
        assert_eq!(
            levels(&[
                ("g", false),
                ("h", true),
                ("i", false),
                ("ii", false),
                ("i", false)
            ]),
            vec![1, 1, 2, 2, 1]
        );
        // (a) (b) (i) (iii) (d): a letter after a roman list, not a numeral.
        assert_eq!(
            levels(&[
                ("a", false),
                ("b", false),
                ("i", false),
                ("iii", false),
                ("d", false)
            ]),
            vec![1, 1, 2, 2, 1]
        );
        // (u) (v) (w) and (w) (x) (y): letters.
        assert_eq!(
            levels(&[("u", false), ("v", false), ("w", false), ("x", false)]),
            vec![1; 4]
        );
    }
}
