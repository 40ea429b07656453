//! The parsed document: cached lexed lines plus their structure, updated
//! incrementally.

use crate::text::{EditedLines, split_lines};

use super::document_kind::{self, KindEvidence};
use super::footnotes::Footnotes;
use super::lex::{LexedLine, lex_line};
use super::negotiation::Negotiation;
use super::structure::{self, Role, Segment, Structure};

/// Do the footnotes, the document kind and the rolling text's brackets read
/// `old` and `new`, in `role` both, alike? The text of a paragraph line
/// matters to them only through its layout, footnote markers, rolling-text
/// marks and label; any other line is read whole.
fn derives_alike(old: &LexedLine, new: &LexedLine, role: Role) -> bool {
    if old.text == new.text {
        return true;
    }
    let paragraph = role.is_paragraph_text();
    let labelled = |line: &LexedLine| document_kind::negotiation_label(line.body()).is_some();
    paragraph
        && old.shape == new.shape
        && old.body_start == new.body_start
        && old.label.is_none()
        && new.label.is_none()
        && old.negotiation.is_none()
        && new.negotiation.is_none()
        && old.markers == new.markers
        && old.other_indicators == new.other_indicators
        && labelled(old) == labelled(new)
}

/// A lossless parse of a resolution: one [`LexedLine`] per line of the text (same
/// count, same text), and the [`Role`] of each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tree {
    lines: Vec<LexedLine>,
    structure: Structure,
    footnotes: Footnotes,
    kind: KindEvidence,
    negotiation: Negotiation,
}

impl Tree {
    /// Parse a whole text. Never fails.
    pub fn parse(text: &str) -> Tree {
        let lines: Vec<LexedLine> = split_lines(text).into_iter().map(lex_line).collect();
        let structure = structure::build(&lines);
        let footnotes = Footnotes::collect(&lines, &structure.roles);
        let kind = document_kind::detect(&lines, &structure.roles);
        let negotiation = Negotiation::build(&lines, &structure.roles);
        Tree {
            lines,
            structure,
            footnotes,
            kind,
            negotiation,
        }
    }

    /// Apply an edit reported by the text layer: re-lex only the replaced lines
    /// (`new_lines` are their new texts, without terminators) and rebuild the
    /// structure from the cached lines.
    pub fn apply_edit<S: AsRef<str>>(&mut self, edited: EditedLines, new_lines: &[S]) {
        debug_assert_eq!(new_lines.len(), edited.new_count);
        let first = edited.first.min(self.lines.len());
        let end = (edited.first + edited.old_count).min(self.lines.len());
        let relexed = new_lines.iter().map(|line| {
            let line = line.as_ref();
            // Lines the edit window covered but did not change keep their lexing.
            match self.lines[first..end].iter().find(|old| old.text == line) {
                Some(old) => old.clone(),
                None => lex_line(line),
            }
        });
        let relexed: Vec<LexedLine> = relexed.collect();
        let old_roles = self.structure.roles.clone();
        let replaced: Vec<LexedLine> = self.lines.splice(first..end, relexed).collect();
        self.structure = structure::update(
            std::mem::take(&mut self.structure),
            &self.lines,
            first,
            &replaced,
            edited.new_count,
        );
        let derived_alike = replaced.len() == edited.new_count
            && old_roles == self.structure.roles
            && replaced
                .iter()
                .zip(&self.lines[first..first + edited.new_count])
                .zip(&self.structure.roles[first..])
                .all(|((old, new), role)| derives_alike(old, new, *role));
        if !derived_alike {
            self.footnotes = Footnotes::collect(&self.lines, &self.structure.roles);
            self.kind = document_kind::detect(&self.lines, &self.structure.roles);
            self.negotiation = Negotiation::build(&self.lines, &self.structure.roles);
        }
    }

    /// The rolling text's brackets (each with its partner) and the state of each
    /// line (see `syntax::negotiation`).
    pub fn negotiation(&self) -> &Negotiation {
        &self.negotiation
    }

    /// What the text says it is (adopted, draft, negotiation text, bare body),
    /// and the line that says it. The settings may override it
    /// (`analysis::Config::kind`).
    pub fn kind(&self) -> KindEvidence {
        self.kind
    }

    /// Footnote references and footnote texts, decided with the structure.
    pub fn footnotes(&self) -> &Footnotes {
        &self.footnotes
    }

    pub fn lines(&self) -> &[LexedLine] {
        &self.lines
    }

    pub fn line(&self, index: usize) -> Option<&LexedLine> {
        self.lines.get(index)
    }

    pub fn roles(&self) -> &[Role] {
        &self.structure.roles
    }

    pub fn role(&self, index: usize) -> Role {
        self.structure
            .roles
            .get(index)
            .copied()
            .unwrap_or(Role::Other)
    }

    /// Whether a line is the resolution's own text (not an adopted instrument or
    /// an annex).
    pub fn is_own_text(&self, index: usize) -> bool {
        self.structure.own.get(index).copied().unwrap_or(false)
    }

    pub fn own_text(&self) -> &[bool] {
        &self.structure.own
    }

    pub fn segments(&self) -> &[Segment] {
        &self.structure.segments
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The lines of the resolution with their roles, in order: comment lines
    /// (`%% …`) are not the resolution's and are left out, so no rule reads them.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &LexedLine, Role)> {
        self.lines
            .iter()
            .zip(self.structure.roles.iter().copied())
            .enumerate()
            .filter(|(_, (_, role))| *role != Role::Comment)
            .map(|(index, (line, role))| (index, line, role))
    }

    /// The text, reassembled with `\n` line ends.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&line.text);
        }
        out
    }
}
