//! The paragraphs a comparison aligns, read from the tree's roles: preambular and
//! operative paragraphs with their subparagraphs and continuation lines, annex
//! paragraphs and annex text, and headings.
//!
//! Labels come from the tree: `PPn` from [`labels::paragraph_labels`], `OPn` and
//! annex numbers from the label the lexer found on the line (so a `5 bis.` the
//! grammar reads becomes `OP5 bis` here without change), subparagraph labels from
//! the text before the line's body.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::agreed_language::{OpeningKind, head_of, opening_of};
use crate::analysis::labels;
use crate::syntax::{LexedLine, LineShape, Role, Tree};

/// What kind of paragraph a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Preambular,
    Operative,
    /// A numbered annex paragraph or a line of annex text.
    Annex,
    /// A heading of the body (not inside a paragraph's list).
    Heading,
}

/// One line of a paragraph: the lead line, a subparagraph or a continuation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphLine {
    /// `(a)`, `(ii)`, `1.` for subparagraphs; `None` for the lead line and for
    /// continuation lines.
    pub label: Option<String>,
    /// The line's text after its number or label, footnote markers removed.
    pub text: String,
}

/// One paragraph of one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// `PP3`, `OP5`, `Annex 2`, `Annex ¶4`, `Heading 1`; prefixed with the part,
    /// section or annex (`B OP3`, `II OP3`) when the plain label is not unique
    /// in the document.
    pub label: String,
    /// First and last line in the text (0-based).
    pub line: usize,
    pub last_line: usize,
    pub lines: Vec<ParagraphLine>,
    /// The first word of its opening phrase (`requests` for `Also requests`),
    /// when it opens with a listed phrase or verb.
    #[serde(skip)]
    pub opening: Option<String>,
}

impl Paragraph {
    /// The paragraph's text: lines joined by `\n`, subparagraph labels before
    /// their text with a tab.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if let Some(label) = &line.label {
                out.push_str(label);
                out.push('\t');
            }
            out.push_str(&line.text);
        }
        out
    }
}

/// Where a paragraph sits, for labels that need it.
#[derive(Debug, Clone, Default)]
struct Place {
    part: Option<String>,
    section: Option<String>,
    annex: Option<String>,
}

impl Place {
    fn prefix(&self) -> String {
        [&self.part, &self.section]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

struct Builder<'t> {
    tree: &'t Tree,
    markers: HashMap<usize, Vec<(usize, usize)>>,
    preambular_labels: HashMap<usize, String>,
    out: Vec<Paragraph>,
    places: Vec<Place>,
    place: Place,
    /// Subparagraph and continuation lines attach to the last paragraph.
    open: bool,
    annex_texts: u32,
    headings: u32,
}

/// The paragraphs of a document, in order.
pub fn paragraphs(tree: &Tree) -> Vec<Paragraph> {
    let mut markers: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for reference in &tree.footnotes().refs {
        markers
            .entry(reference.span.line)
            .or_default()
            .push((reference.span.start, reference.span.end));
    }
    let preambular_labels = labels::paragraph_labels(tree)
        .into_iter()
        .map(|label| (label.at.line, label.label))
        .collect();
    let mut builder = Builder {
        tree,
        markers,
        preambular_labels,
        out: Vec::new(),
        places: Vec::new(),
        place: Place::default(),
        open: false,
        annex_texts: 0,
        headings: 0,
    };
    for (index, line, role) in tree.iter() {
        builder.line(index, line, role);
    }
    builder.finish()
}

impl Builder<'_> {
    fn line(&mut self, index: usize, line: &LexedLine, role: Role) {
        match role {
            Role::Blank => {}
            Role::Preambular => {
                let label = self
                    .preambular_labels
                    .get(&index)
                    .cloned()
                    .unwrap_or_else(|| "PP".to_owned());
                self.start(ParagraphKind::Preambular, label, index, line);
            }
            Role::Operative { number, .. } | Role::MalformedOperative { number, .. } => {
                let label = format!("OP{}", labels::written_number(line, number));
                self.start(ParagraphKind::Operative, label, index, line);
            }
            Role::AnnexParagraph { number, .. } => {
                let label = format!(
                    "{} {}",
                    self.annex_name(),
                    labels::written_number(line, number)
                );
                self.start(ParagraphKind::Annex, label, index, line);
            }
            Role::AnnexText => {
                self.annex_texts += 1;
                let label = format!("{} ¶{}", self.annex_name(), self.annex_texts);
                self.start(ParagraphKind::Annex, label, index, line);
            }
            Role::Heading if self.open && self.list_goes_on(index) => self.attach(index, line),
            Role::Heading => {
                self.headings += 1;
                let label = format!("Heading {}", self.headings);
                self.start(ParagraphKind::Heading, label, index, line);
            }
            Role::Subparagraph { .. } | Role::Continuation { .. } if self.open => {
                self.attach(index, line)
            }
            Role::Subparagraph { .. } | Role::Continuation { .. } => {
                self.headings += 1;
                let label = format!("Heading {}", self.headings);
                let sublabel = self.label_before_body(index, line);
                self.start(ParagraphKind::Heading, label, index, line);
                if let Some(first) = self.out.last_mut().and_then(|p| p.lines.first_mut()) {
                    first.label = sublabel;
                }
            }
            Role::PartHeading {
                composite: true, ..
            } => {
                self.place = Place {
                    part: letter_of(line),
                    ..Place::default()
                };
                self.open = false;
            }
            Role::PartHeading {
                composite: false, ..
            } => {
                self.place.section = letter_of(line);
                self.open = false;
            }
            Role::SectionNumber { .. } => {
                self.place.section = match &line.shape {
                    LineShape::SectionNumber { numeral, .. } => Some(numeral.clone()),
                    _ => None,
                };
                self.open = false;
            }
            Role::AnnexHeading { .. } => {
                self.place.annex = Some(annex_name(line.body()));
                self.place.section = None;
                self.annex_texts = 0;
                self.open = false;
            }
            _ => self.open = false,
        }
    }

    /// The next line that is not blank belongs to the open paragraph's list.
    fn list_goes_on(&self, index: usize) -> bool {
        let roles = &self.tree.roles()[index + 1..];
        roles
            .iter()
            .find(|role| !matches!(role, Role::Blank | Role::Heading))
            .is_some_and(|role| {
                matches!(role, Role::Subparagraph { .. } | Role::Continuation { .. })
            })
    }

    fn annex_name(&self) -> String {
        self.place
            .annex
            .clone()
            .unwrap_or_else(|| "Annex".to_owned())
    }

    fn start(&mut self, kind: ParagraphKind, label: String, index: usize, line: &LexedLine) {
        let opening_kind = match kind {
            ParagraphKind::Preambular => Some(OpeningKind::Preambular),
            ParagraphKind::Operative => Some(OpeningKind::Operative),
            ParagraphKind::Annex | ParagraphKind::Heading => None,
        };
        let opening = opening_kind
            .and_then(|kind| opening_of(&line.text, line.body_start, kind))
            .map(|opening| head_of(&opening).to_owned());
        self.out.push(Paragraph {
            opening,
            kind,
            label,
            line: index,
            last_line: index,
            lines: vec![ParagraphLine {
                label: None,
                text: self.body(index, line),
            }],
        });
        self.places.push(self.place.clone());
        self.open = true;
    }

    fn attach(&mut self, index: usize, line: &LexedLine) {
        let label = self.label_before_body(index, line);
        let text = self.body(index, line);
        if let Some(paragraph) = self.out.last_mut() {
            paragraph.last_line = index;
            paragraph.lines.push(ParagraphLine { label, text });
        }
    }

    /// A subparagraph's label as written: the text between the indent and the body.
    fn label_before_body(&self, index: usize, line: &LexedLine) -> Option<String> {
        let role = self.tree.role(index);
        let label = line.text[line.indent..line.body_start.max(line.indent)].trim();
        (matches!(role, Role::Subparagraph { .. }) && !label.is_empty()).then(|| label.to_owned())
    }

    /// The line's paragraph text without its footnote markers.
    fn body(&self, index: usize, line: &LexedLine) -> String {
        let start = line.body_start.min(line.content_end);
        let end = line.content_end;
        let mut text = String::with_capacity(end - start);
        let mut at = start;
        let mut cuts = self.markers.get(&index).cloned().unwrap_or_default();
        cuts.sort_unstable();
        for (cut_start, cut_end) in cuts {
            if let (true, Some(kept)) = (cut_end <= end, line.text.get(at..cut_start)) {
                text.push_str(kept);
                at = cut_end;
            }
        }
        text.push_str(line.text.get(at..end).unwrap_or_default());
        text
    }

    /// Labels that repeat (numbering that restarts in each part or section) get
    /// the part and section before them.
    fn finish(mut self) -> Vec<Paragraph> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for paragraph in &self.out {
            *counts.entry(paragraph.label.as_str()).or_default() += 1;
        }
        let repeated: Vec<bool> = self
            .out
            .iter()
            .map(|p| counts[p.label.as_str()] > 1)
            .collect();
        for ((paragraph, place), repeated) in self.out.iter_mut().zip(&self.places).zip(repeated) {
            let prefix = place.prefix();
            if repeated && !prefix.is_empty() && paragraph.kind != ParagraphKind::Annex {
                paragraph.label = format!("{prefix} {}", paragraph.label);
            }
        }
        self.out
    }
}

/// The number as the line writes it (`5` from `5.`), or the role's number when
/// the line's form is not the usual one.
fn letter_of(line: &LexedLine) -> Option<String> {
    match line.shape {
        LineShape::LetterHeading { letter, .. } => Some(letter.to_string()),
        _ => None,
    }
}

/// `Annex`, `Annex II`, `Appendix A`: the heading's first word and its number.
fn annex_name(heading: &str) -> String {
    let mut words = heading.split(|c: char| c.is_whitespace() || c == ':');
    let first = words.next().unwrap_or("Annex");
    match words.next() {
        Some(number)
            if !number.is_empty()
                && number.len() <= 6
                && number
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
        {
            format!("{first} {number}")
        }
        _ => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Vec<(String, Vec<Option<String>>, String)> {
        paragraphs(&Tree::parse(text))
            .into_iter()
            .map(|p| {
                let labels = p.lines.iter().map(|l| l.label.clone()).collect();
                (p.label.clone(), labels, p.text())
            })
            .collect()
    }

    #[test]
    fn paragraphs_with_their_subparagraphs_and_without_markers() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 79/1,1\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(b)\tTo report;\n\t2.\tRequests a report.2\n\n72nd plenary meeting\n10 December 2025\n_______________\n1 A/RES/79/1.\n2 A/80/1.";
        assert_eq!(
            outline(text),
            [
                (
                    "PP1".to_owned(),
                    vec![None],
                    "Recalling its resolution 79/1,".to_owned()
                ),
                (
                    "OP1".to_owned(),
                    vec![None, Some("(a)".to_owned()), Some("(b)".to_owned())],
                    "Decides:\n(a)\tTo act;\n(b)\tTo report;".to_owned()
                ),
                (
                    "OP2".to_owned(),
                    vec![None],
                    "Requests a report.".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn repeated_numbers_get_their_section() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 79/1,\nI\n\t1.\tDecides to act;\nII\n\t1.\tRequests a report.";
        let labels: Vec<String> = outline(text).into_iter().map(|p| p.0).collect();
        assert_eq!(labels, ["PP1", "I OP1", "II OP1"]);
    }

    #[test]
    fn odd_input_yields_paragraphs_without_panic() {
        for text in [
            "",
            "\u{0}\u{ffff}\t(",
            "\t1.\t",
            "\t(a)\n\t(b)\tx1",
            "Annex\n\t1.\tText;\n\tMore text.",
        ] {
            for paragraph in paragraphs(&Tree::parse(text)) {
                assert!(paragraph.line <= paragraph.last_line);
            }
        }
    }
}
