//! The structure of an AKN4UN document, kind by kind in document order: what the
//! structure gate compares between the UN's official XML and unres's export.
//!
//! The official markup is not uniform, so the reading normalises it by what each
//! element holds, the same way for both files:
//!
//! - a preambular paragraph is a `container` of the `preamble`, or a
//!   `crossHeading` of the operative part whose text ends with a comma (budget
//!   resolutions mark the preamble of each section so);
//! - an operative paragraph is a `paragraph` of the operative part (not of an
//!   annex) numbered `12.`, or without a number and with text of its own;
//! - a subparagraph is a `point` or `item`, or a `paragraph` whose number or text
//!   starts with a subparagraph label (`(a)`, `(ii)`, `a.`, `–`): the official files
//!   mark about one subparagraph in seven as a `paragraph`;
//! - a footnote reference is an `authorialNote`, keyed by its marker and the three
//!   words before it;
//! - a part is a `component` of `components`; an annex an `attachment`; a section
//!   a `section` (or a `paragraph` numbered `I`, `II.`, `A.` that heads one).

use roxmltree::{Document, Node};

/// What an [`Item`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Preambular,
    Operative,
    Subparagraph,
    Footnote,
    Part,
    Annex,
    Section,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Preambular,
        Kind::Operative,
        Kind::Subparagraph,
        Kind::Footnote,
        Kind::Part,
        Kind::Annex,
        Kind::Section,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Preambular => "preambular paragraphs",
            Kind::Operative => "operative paragraphs",
            Kind::Subparagraph => "subparagraphs",
            Kind::Footnote => "footnote references",
            Kind::Part => "parts",
            Kind::Annex => "annexes",
            Kind::Section => "sections",
        }
    }
}

/// One structural element: its kind and the key two readings must agree on (a
/// paragraph's number and first words, a footnote's marker and the words before
/// it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub key: String,
}

/// The items of an AKN document in document order. Fails only when the text is
/// not XML.
pub fn structure(xml: &str) -> Result<Vec<Item>, roxmltree::Error> {
    let document = Document::parse_with_options(
        xml,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )?;
    let mut reader = Reader { items: Vec::new() };
    reader.visit(document.root_element(), Place::Outside);
    Ok(reader.items)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Metadata, cover page, preface: only footnote references count.
    Outside,
    Preamble,
    /// The operative part of the resolution (or of one of its parts).
    Body,
    /// Inside a paragraph's list or a point: labelled items are subparagraphs.
    List,
    /// An annex: only footnote references count.
    Annex,
}

struct Reader {
    items: Vec<Item>,
}

impl Reader {
    fn push(&mut self, kind: Kind, key: String) {
        self.items.push(Item { kind, key });
    }

    /// Read the children of `node`; an annex that starts among them (without an
    /// `attachment`) holds the siblings after it.
    fn visit(&mut self, node: Node<'_, '_>, place: Place) {
        let mut place = place;
        for child in node.children().filter(Node::is_element) {
            place = self.element(child, place);
        }
    }

    /// Read one element; returns the place of the siblings after it.
    fn element(&mut self, node: Node<'_, '_>, place: Place) -> Place {
        let name = node.tag_name().name();
        match (name, place) {
            ("meta", _) => {}
            ("authorialNote", _) => {}
            ("component", _) if parent_name(node) == Some("components") => {
                self.push(Kind::Part, part_letter(node));
                self.visit(node, Place::Outside);
            }
            ("attachment", _) => {
                // One annex per `Annex …` heading (an attachment may hold
                // several), and one for an attachment without such a heading.
                let headings = node
                    .descendants()
                    .filter(|n| matches!(n.tag_name().name(), "heading" | "subheading" | "p"))
                    // `<p><subheading>Annex</subheading></p>` is one heading.
                    .filter(|n| !matches!(parent_name(*n), Some("heading" | "subheading" | "p")))
                    .filter(|n| starts_an_annex(&text_of(*n)))
                    .count();
                for _ in 0..headings.max(1) {
                    self.push(Kind::Annex, String::new());
                }
                self.notes_in(node);
            }
            ("preamble", _) => self.visit(node, Place::Preamble),
            ("mainBody", Place::Outside) => self.visit(node, Place::Body),
            ("container", Place::Preamble) => {
                self.push(Kind::Preambular, first_words(&text_of(node), 2));
                self.notes_and_items(node);
            }
            ("blockList" | "list", Place::Preamble) => self.visit(node, Place::List),
            ("crossHeading", Place::Body) => {
                let text = text_of(node);
                if text.trim_end().ends_with(',') {
                    self.push(Kind::Preambular, first_words(&text, 2));
                }
                self.notes_in(node);
            }
            ("section" | "subsection" | "part", Place::Body) => {
                // The number is the section's `num`, or a `num` in a block of
                // its own before the heading (`<section><p><num>I</num></p>`).
                let num = node_child(node, "num")
                    .or_else(|| {
                        node_child(node, "p")
                            .filter(|p| {
                                text_of(*p).trim()
                                    == node_child(*p, "num")
                                        .map(text_of)
                                        .unwrap_or_default()
                                        .trim()
                            })
                            .and_then(|p| node_child(p, "num"))
                    })
                    .map(|n| text_of(n))
                    // Or the first heading that is a number
                    // (`<section><subheading>II</subheading>`).
                    .or_else(|| {
                        node.children()
                            .filter(|c| matches!(c.tag_name().name(), "heading" | "subheading"))
                            .map(text_of)
                            .find(|t| is_section_number(t.trim()))
                    })
                    .unwrap_or_default();
                self.push(Kind::Section, section_key(&num));
                self.visit(node, Place::Body);
            }
            ("paragraph", Place::Body) => return self.paragraph(node),
            // A subsection numbered in a `title` of its section
            // (`<section><num>I</num>…<title><num>A.</num><subheading>…`).
            ("title", Place::Body)
                if node_child(node, "num")
                    .is_some_and(|n| is_section_number(text_of(n).trim())) =>
            {
                let num = node_child(node, "num").map(text_of).unwrap_or_default();
                self.push(Kind::Section, section_key(num.trim()));
                self.visit(node, Place::Body);
            }
            ("paragraph" | "crossHeading" | "section" | "container", Place::Annex) => {
                self.notes_in(node)
            }
            ("paragraph" | "point" | "item", Place::List) => self.point(node),
            // A number standing alone as a heading of the body
            // (`<mainBody><subheading>II</subheading>`) heads a section.
            ("heading" | "subheading", Place::Body)
                if parent_name(node) == Some("mainBody")
                    && is_section_number(text_of(node).trim()) =>
            {
                self.push(Kind::Section, section_key(text_of(node).trim()));
                self.notes_in(node);
            }
            ("heading" | "subheading" | "num" | "intro" | "wrapUp" | "listIntroduction", _) => {
                self.notes_in(node);
            }
            ("p" | "docTitle" | "docNumber" | "td" | "th", _) => self.notes_in(node),
            _ => self.visit(node, place),
        }
        place
    }

    /// A `paragraph` of the operative part.
    /// Returns the place of the siblings after it: `Annex` when the paragraph
    /// heads an annex.
    fn paragraph(&mut self, node: Node<'_, '_>) -> Place {
        let num = node_child(node, "num")
            .map(|n| text_of(n))
            .unwrap_or_default();
        let num = num.trim();
        let own_text = content_text(node);
        let heading_text = heading_text(node);
        if num.is_empty()
            && starts_an_annex(if own_text.trim().is_empty() {
                &heading_text
            } else {
                &own_text
            })
        {
            // An annex the markup leaves in the main body.
            self.push(Kind::Annex, String::new());
            self.notes_in(node);
            return Place::Annex;
        }
        if let Some(number) = arabic_number(num) {
            self.push(
                Kind::Operative,
                format!("{number} {}", first_words(&own_text, 2)),
            );
        } else if is_section_number(num) {
            self.push(Kind::Section, section_key(num));
        } else if num.is_empty()
            && own_text.trim().is_empty()
            && is_section_number(heading_text.trim())
        {
            // A paragraph holding only the section's number as its heading
            // (`<paragraph><subheading>II</subheading></paragraph>`).
            self.push(Kind::Section, section_key(heading_text.trim()));
        } else if let Some(label) = sublabel(num) {
            self.push(
                Kind::Subparagraph,
                format!("{label} {}", first_words(&own_text, 2)),
            );
        } else if num.is_empty() && is_section_number(own_text.trim()) {
            // The number alone in the paragraph's text or block
            // (`<paragraph><p><num>XIII</num></p></paragraph>`).
            self.push(Kind::Section, section_key(own_text.trim()));
        } else if num.is_empty() && has_content(node) {
            if let Some((label, rest)) = leading_sublabel(&own_text) {
                self.push(
                    Kind::Subparagraph,
                    format!("{label} {}", first_words(rest, 2)),
                );
            } else if ends_with_a_mark(&own_text) {
                self.push(Kind::Operative, format!("- {}", first_words(&own_text, 2)));
            }
            // Text without a final mark is a heading the markup wrote as a paragraph.
        }
        self.notes_and_items(node);
        Place::Body
    }

    /// A `point`, `item`, or a `paragraph` inside a list.
    fn point(&mut self, node: Node<'_, '_>) {
        let num = node_child(node, "num")
            .map(|n| text_of(n))
            .unwrap_or_default();
        let own_text = content_text(node);
        let (label, rest) = match sublabel(num.trim()) {
            Some(label) => (label, own_text.as_str()),
            None => match leading_sublabel(&own_text) {
                Some((label, rest)) if num.trim().is_empty() => (label, rest),
                _ => (normalise_label(num.trim()), own_text.as_str()),
            },
        };
        self.push(
            Kind::Subparagraph,
            format!("{label} {}", first_words(rest, 2)),
        );
        self.notes_and_items(node);
    }

    /// Footnotes of a paragraph's own blocks, then its nested lists.
    fn notes_and_items(&mut self, node: Node<'_, '_>) {
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "list" | "sublist" | "blockList" => self.visit(child, Place::List),
                "paragraph" | "point" | "item" => self.point(child),
                _ => self.notes_in(child),
            }
        }
    }

    /// Every footnote reference under `node`, with the words before it in its
    /// block.
    fn notes_in(&mut self, node: Node<'_, '_>) {
        let mut before = String::new();
        self.notes_walk(node, &mut before);
    }

    fn notes_walk(&mut self, node: Node<'_, '_>, before: &mut String) {
        for child in node.children() {
            if child.is_text() {
                before.push_str(child.text().unwrap_or(""));
            } else if child.is_element() {
                match child.tag_name().name() {
                    "authorialNote" => {
                        let marker = child.attribute("marker").unwrap_or("");
                        let words = last_words(before, 3);
                        self.push(Kind::Footnote, format!("{marker} {words}"));
                    }
                    // A new block: the words before a marker are those of its block.
                    "p" | "heading" | "subheading" | "num" | "td" | "th" | "intro" | "wrapUp" => {
                        let mut inner = String::new();
                        self.notes_walk(child, &mut inner);
                        before.push(' ');
                        before.push_str(&inner);
                    }
                    _ => self.notes_walk(child, before),
                }
            }
        }
    }
}

fn parent_name<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.parent_element().map(|p| p.tag_name().name())
}

fn node_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The letter of a part: its preface's number (`A`), else its position.
fn part_letter(node: Node<'_, '_>) -> String {
    node.descendants()
        .find(|n| n.tag_name().name() == "docNumber")
        .map(|n| text_of(n).trim().trim_end_matches('.').to_owned())
        .unwrap_or_default()
}

/// The text of a paragraph's `heading` or `subheading`.
fn heading_text(node: Node<'_, '_>) -> String {
    node.children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "heading" | "subheading"))
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Annex`, `Annex II`, `Annex: UNAMID benchmarks …`, `ANNEX A`, `Appendix`,
/// `Attachment`, `Enclosure`: the headings the parser starts an annex at.
fn starts_an_annex(text: &str) -> bool {
    let text = text.trim();
    let Some(rest) = ["Annex", "ANNEX", "Appendix", "Attachment", "Enclosure"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
    else {
        return false;
    };
    let rest = rest.strip_prefix("es").unwrap_or(rest);
    (rest.is_empty() || rest.starts_with([' ', '\t', ':', '\u{a0}'])) && !ends_with_a_mark(text)
}

/// Ends with `.`, `,`, `;` or `:` (closing quotes and brackets set aside): a
/// paragraph, not a heading.
fn ends_with_a_mark(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '’', '"', ')', ']'])
        .ends_with(['.', ',', ';', ':'])
}

fn has_content(node: Node<'_, '_>) -> bool {
    node.children()
        .any(|c| c.is_element() && matches!(c.tag_name().name(), "content" | "list" | "intro"))
        && !content_text(node).trim().is_empty()
}

/// The text of a paragraph's content, intro or first block (not its number,
/// headings or subparagraphs).
fn content_text(node: Node<'_, '_>) -> String {
    let mut out = String::new();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "content" | "intro" | "p" | "listIntroduction" => {
                out.push_str(&text_of(child));
                out.push(' ');
            }
            "list" | "blockList" => {
                if let Some(intro) =
                    node_child(child, "intro").or(node_child(child, "listIntroduction"))
                {
                    out.push_str(&text_of(intro));
                }
                break;
            }
            _ => {}
        }
        if !out.trim().is_empty() {
            break;
        }
    }
    out
}

/// All text under `node`, footnote texts left out.
pub fn text_of(node: Node<'_, '_>) -> String {
    let mut out = String::new();
    for descendant in node.descendants() {
        if descendant.is_text()
            && !descendant
                .ancestors()
                .any(|a| a.tag_name().name() == "authorialNote")
        {
            out.push_str(descendant.text().unwrap_or(""));
        }
    }
    out
}

fn words(text: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

pub fn first_words(text: &str, count: usize) -> String {
    words(text).take(count).collect::<Vec<_>>().join(" ")
}

pub fn last_words(text: &str, count: usize) -> String {
    let mut last: Vec<String> = words(text).rev().take(count).collect();
    last.reverse();
    last.join(" ")
}

fn arabic_number(num: &str) -> Option<u32> {
    let digits = num.strip_suffix('.').unwrap_or(num).trim();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn is_section_number(num: &str) -> bool {
    let head = num.trim_end_matches('.');
    !head.is_empty()
        && (head.chars().all(|c| "IVXLC".contains(c))
            || (head.len() == 1 && head.chars().all(|c| c.is_ascii_uppercase())))
}

pub fn section_key(num: &str) -> String {
    num.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_owned()
}

/// `(a)`, `(ii)`, `a.`, `ii)`, a dash or bullet: a subparagraph label, normalised
/// (`a`, `ii`, `•`).
fn sublabel(num: &str) -> Option<String> {
    let num = num.trim();
    if matches!(num, "–" | "-" | "—" | "•" | "·" | "") {
        return (!num.is_empty()).then(|| "•".to_owned());
    }
    let inner = num
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .or_else(|| num.strip_suffix(')'))
        .or_else(|| num.strip_suffix('.'))?;
    let letters = inner.chars().all(|c| c.is_ascii_lowercase());
    // `(1)`: a numbered item of a list (not `1.`, an operative number).
    let numbered = num.starts_with('(') && inner.chars().all(|c| c.is_ascii_digit());
    (!inner.is_empty() && inner.len() <= 5 && (letters || numbered)).then(|| inner.to_owned())
}

fn normalise_label(num: &str) -> String {
    sublabel(num).unwrap_or_else(|| num.trim_matches(['(', ')', '.']).to_owned())
}

/// A paragraph whose text starts with its label: `(a) Prioritizing …`.
fn leading_sublabel(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace)?;
    let label = sublabel(&text[..end]).filter(|l| l != "•" || text.starts_with(['–', '•']))?;
    Some((label, &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(xml: &str) -> Vec<(Kind, String)> {
        structure(xml)
            .expect("xml")
            .into_iter()
            .map(|i| (i.kind, i.key))
            .collect()
    }

    #[test]
    fn reads_paragraphs_points_and_notes() {
        let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>
<preamble><formula><p>The General Assembly,</p></formula>
<container><p><span>Recalling</span> its resolution,<authorialNote marker="1"><p>A/1.</p></authorialNote></p></container></preamble>
<mainBody><paragraph><num>1.</num><list><intro><p>Decides that:</p></intro>
<point><num>(a)</num><content><p>The first</p></content></point></list></paragraph>
<paragraph><content><p>(b) Labelled in the text</p></content></paragraph>
<section><num>II</num><crossHeading>Having considered the report,</crossHeading>
<paragraph><subheading>A heading</subheading></paragraph></section></mainBody></statement></akomaNtoso>"#;
        assert_eq!(
            keys(xml),
            vec![
                (Kind::Preambular, "recalling its".to_owned()),
                (Kind::Footnote, "1 recalling its resolution".to_owned()),
                (Kind::Operative, "1 decides that".to_owned()),
                (Kind::Subparagraph, "a the first".to_owned()),
                (Kind::Subparagraph, "b labelled in".to_owned()),
                (Kind::Section, "II".to_owned()),
                (Kind::Preambular, "having considered".to_owned()),
            ]
        );
    }
}
