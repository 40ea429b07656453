//! Paragraph units for the punctuation rules (PUN001–PUN005): a preambular or
//! operative paragraph with its subparagraphs and continuation lines, and the mark
//! its last line must end with.

use crate::analysis::agreed_language::{OpeningKind, Openings, Recognition};
use crate::analysis::{Edit, Fix};
use crate::syntax::structure::preambular_by_shape;
use crate::syntax::{LexedLine, Role, Span, Tree};

/// The mark that ends a paragraph unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Preambular paragraph: `,` (PUN001).
    Comma,
    /// Operative paragraph that is not the last: `;` (PUN002).
    Semicolon,
    /// Last operative paragraph before a closing line, a new part, an annex or
    /// the end: `.` (PUN003).
    FullStop,
    /// Last paragraph of a section inside the operative part: adopted texts end
    /// it with `;` or `.`.
    SectionLast,
}

impl End {
    pub fn accepts(self, mark: char) -> bool {
        match self {
            End::Comma => mark == ',',
            End::Semicolon => mark == ';',
            End::FullStop => mark == '.',
            End::SectionLast => matches!(mark, ';' | '.'),
        }
    }

    pub fn mark(self) -> char {
        match self {
            End::Comma => ',',
            End::Semicolon | End::SectionLast => ';',
            End::FullStop => '.',
        }
    }
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: OpeningKind,
    pub lead: usize,
    /// Subparagraph and continuation lines, in order.
    pub items: Vec<usize>,
    /// `None` for unnumbered paragraphs of a part without operative paragraphs
    /// (single-paragraph resolutions, declarations): their role is unclear.
    pub end: Option<End>,
    /// The paragraph opens like a resolution paragraph.
    checked: bool,
    /// An unnumbered paragraph that opens with an operative verb.
    finite: bool,
}

impl Unit {
    pub fn last_line(&self) -> usize {
        self.items.last().copied().unwrap_or(self.lead)
    }

    /// The lead-in introduces subparagraphs.
    pub fn has_subparagraphs(&self, tree: &Tree) -> bool {
        self.items
            .first()
            .is_some_and(|&line| matches!(tree.role(line), Role::Subparagraph { .. }))
    }
}

/// Lines that end a part: after them, the next paragraphs start a new sequence.
fn closes_part(role: Role) -> Option<End> {
    match role {
        Role::ClosingMeeting
        | Role::Organ
        | Role::AnnexHeading { .. }
        | Role::PartHeading {
            composite: true, ..
        } => Some(End::FullStop),
        Role::SectionNumber { .. }
        | Role::PartHeading {
            composite: false, ..
        } => Some(End::SectionLast),
        _ => None,
    }
}

/// All paragraph units of the document, with the mark each must end with,
/// from the openings of its lines.
pub fn units(tree: &Tree, openings: &Openings) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    // Index of the first unit of the current part, and where the part's operative
    // paragraphs start.
    let mut part_start = 0;
    let close = |units: &mut Vec<Unit>, part_start: usize, last: End| {
        let part = &mut units[part_start..];
        // Without numbered paragraphs, unnumbered paragraphs that open with an
        // operative verb after the preamble are the operative part (`Having
        // considered …,` `Approves the report ….`).
        if !part.iter().any(|u| u.kind == OpeningKind::Operative) {
            if let Some(first) = part.iter().position(|u| u.finite) {
                if part[first..].iter().all(|u| u.finite) {
                    for unit in &mut part[first..] {
                        unit.kind = OpeningKind::Operative;
                    }
                }
            }
        }
        let has_operative = part.iter().any(|u| u.kind == OpeningKind::Operative);
        let last_operative = part.iter().rposition(|u| u.kind == OpeningKind::Operative);
        for (i, unit) in part.iter_mut().enumerate() {
            if !unit.checked {
                unit.end = None;
                continue;
            }
            unit.end = match unit.kind {
                OpeningKind::Preambular if has_operative && Some(i) < last_operative => {
                    Some(End::Comma)
                }
                OpeningKind::Preambular => None,
                OpeningKind::Operative if Some(i) == last_operative => Some(last),
                OpeningKind::Operative => Some(End::Semicolon),
            };
        }
    };
    let own = tree.own_text();
    for (line, lexed, role) in tree.iter() {
        // `Annex A: Joint Comprehensive Plan of Action` as an indented heading.
        let annex = role == Role::Heading && lexed.body().starts_with("Annex");
        let closer = closes_part(role).or_else(|| annex.then_some(End::FullStop));
        if let Some(last) = closer {
            // A preamble followed by sections (`I`, `A.`) carries over to the
            // operative paragraphs of the first section.
            let operative_seen = units[part_start..]
                .iter()
                .any(|u| u.kind == OpeningKind::Operative);
            if last == End::SectionLast && !operative_seen {
                continue;
            }
            if part_start < units.len() {
                close(&mut units, part_start, last);
            }
            part_start = units.len();
            continue;
        }
        if !own[line] {
            continue;
        }
        // A note or a `[deleted]` paragraph: no words of the resolution.
        if lexed.negotiation.is_some() && lexed.remaining().is_empty() {
            continue;
        }
        let opened = openings.get(line).and_then(Option::as_deref);
        let preambular = match role {
            Role::Preambular => true,
            // A short preambular paragraph that lost its final mark reads as a
            // heading to the parser; a listed opening says it is a paragraph.
            Role::Heading => {
                lexed.body().split_whitespace().count() >= 4
                    && opened
                        .and_then(|o| o.preambular.as_ref())
                        .is_some_and(|o| o.recognition == Recognition::Listed)
            }
            _ => false,
        };
        // Paragraphs whose opening is in no list are checked when the structure
        // reads them as preambular paragraphs by their shape.
        let checked =
            opened.is_some_and(|o| o.opens_like_a_paragraph) || preambular_by_shape(lexed, role);
        match role {
            _ if preambular => units.push(Unit {
                kind: OpeningKind::Preambular,
                lead: line,
                items: Vec::new(),
                end: None,
                checked,
                finite: opened.is_some_and(|o| o.preambular.is_none() && o.operative.is_some()),
            }),
            Role::Operative { .. } | Role::MalformedOperative { .. } => units.push(Unit {
                kind: OpeningKind::Operative,
                lead: line,
                items: Vec::new(),
                end: None,
                checked,
                finite: true,
            }),
            // The operative part of a text without numbers (one paragraph, a
            // budget section): its own end is not checked (a lead-in, a single
            // sentence), but the preamble before it ends with commas.
            Role::UnnumberedOperative { .. } => units.push(Unit {
                kind: OpeningKind::Operative,
                lead: line,
                items: Vec::new(),
                end: None,
                checked: false,
                finite: true,
            }),
            Role::Subparagraph { parent, .. } | Role::Continuation { parent } => {
                if let Some(unit) = units[part_start..]
                    .iter_mut()
                    .rev()
                    .find(|u| u.lead == parent as usize)
                {
                    unit.items.push(line);
                }
            }
            _ => {}
        }
    }
    if part_start < units.len() {
        close(&mut units, part_start, End::FullStop);
    }
    units
}

/// The final mark of a line (before trailing footnote markers), if it is one of
/// `, ; : .`, with its span; otherwise the point where a mark belongs.
pub fn final_mark(index: usize, line: &LexedLine) -> (Option<char>, Span) {
    // A rolling text: the mark the words would end with once the brackets,
    // attributions and notes are gone (`…of the matter.]]` ends with `.`).
    if let Some(marks) = line.negotiation.as_deref() {
        let remaining = &marks.remaining;
        return match remaining.text.char_indices().next_back() {
            Some((at, mark @ (',' | ';' | ':' | '.'))) => {
                let at = remaining.line_offset(at);
                (Some(mark), Span::new(index, at, at + 1))
            }
            Some((at, ch)) => (
                None,
                Span::point(index, remaining.line_offset(at) + ch.len_utf8()),
            ),
            None => (None, Span::point(index, line.content_end)),
        };
    }
    // Invisible format characters after the mark (`,` + U+200E) do not count.
    let text = line.text[..line.content_end]
        .trim_end_matches(['\u{200e}', '\u{200f}', '\u{200b}', '\u{feff}']);
    // A mark inside closing quotation marks: `… A Human Rights Report,”`.
    if let Some(inner) = text.strip_suffix(['”', '’', '"']) {
        if let Some(mark @ (',' | ';' | ':' | '.')) = inner.chars().next_back() {
            let at = inner.len() - 1;
            if at >= line.body_start {
                return (Some(mark), Span::new(index, at, at + 1));
            }
        }
    }
    // A marker the lexer could not tell from a number: `2015–2030,3`, `2017,7`.
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let before = text[..text.len() - digits].trim_end_matches(' ');
        if let Some(mark @ (',' | ';' | ':' | '.')) = before.chars().next_back() {
            let at = before.len() - 1;
            if at >= line.body_start {
                return (Some(mark), Span::new(index, at, at + 1));
            }
        }
    }
    match text.char_indices().next_back() {
        Some((at, mark @ (',' | ';' | ':' | '.'))) if at >= line.body_start => {
            (Some(mark), Span::new(index, at, at + 1))
        }
        _ => (None, Span::point(index, text.len())),
    }
}

/// The fix that writes `mark` at the end of a line.
pub fn mark_fix(span: Span, current: Option<char>, mark: char) -> Fix {
    let title = match current {
        Some(current) => format!("Replace `{current}` with `{mark}`"),
        None => format!("Add `{mark}`"),
    };
    Fix {
        safe: true,
        title,
        edits: vec![Edit::new(span, mark.to_string())],
    }
}

/// How a mark is called in messages.
pub fn mark_name(mark: char) -> &'static str {
    match mark {
        ',' => "a comma",
        ';' => "a semicolon",
        ':' => "a colon",
        '.' => "a full stop",
        _ => "a mark",
    }
}

/// Whether the next non-blank line after `index` starts a preambular or operative
/// paragraph: a colon there introduces nothing.
pub fn paragraph_follows(tree: &Tree, index: usize) -> bool {
    let next = tree.roles()[(index + 1).min(tree.line_count())..]
        .iter()
        .position(|role| *role != Role::Blank)
        .map(|offset| index + 1 + offset);
    next.is_some_and(|next| match tree.role(next) {
        Role::Operative { .. } => true,
        // Not a bullet or dash item (`– to protect …`).
        Role::Preambular => tree.lines()[next].body().starts_with(char::is_uppercase),
        _ => false,
    })
}
