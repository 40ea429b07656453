//! AKN4UN XML → the plain-text layout of `data/corpus/`.
//!
//! Every corpus text was rendered from the UN's official AKN4UN file by a script we do
//! not have; this module reproduces that rendering, quirks included, so that a file
//! imported here reads exactly like a corpus text (all 3,579 texts of `../shared/data`
//! come back byte for byte: `tests/akn_import.rs`). The mapping from each element to
//! the layout is documented in `docs/AKN.md`, section "Import".
//!
//! The XML is read with `roxmltree` (a read-only DOM); elements are matched by their
//! local name, whatever their namespace.

use std::fmt;

use roxmltree::{Document, Node, ParsingOptions};

/// Elements nested deeper than this are refused: the official files go 29 deep, and
/// the renderer recurses, so a hostile file must not exhaust the stack.
pub const MAX_DEPTH: usize = 256;

/// The line that separates the text from its footnotes, as in the corpus.
const FOOTNOTE_RULE: &str = "_______________";

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not well-formed XML; the message says what and where.
    NotXml(String),
    /// Well-formed XML whose root element is not `akomaNtoso`.
    NotAkomaNtoso { root: String },
    /// An Akoma Ntoso file without a `mainBody` (or `body`): no resolution in it.
    NoBody,
    /// Elements nested deeper than [`MAX_DEPTH`].
    TooDeep { depth: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotXml(message) => write!(f, "not well-formed XML: {message}"),
            ImportError::NotAkomaNtoso { root } => write!(
                f,
                "not an Akoma Ntoso file: the root element is <{root}>, not <akomaNtoso>"
            ),
            ImportError::NoBody => write!(
                f,
                "an Akoma Ntoso file without a body: no <mainBody> (or <body>) element"
            ),
            ImportError::TooDeep { depth } => write!(
                f,
                "elements nested {depth} deep; at most {MAX_DEPTH} levels are read"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Lay out an AKN4UN document as the plain text of the corpus: cover-page lines, the
/// title line, tab-indented paragraphs, the meeting line, annexes, then the footnotes
/// after a rule. Never panics; refuses only what is not an Akoma Ntoso document.
pub fn import(xml: &str) -> Result<String, ImportError> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(xml, options)
        .map_err(|error| ImportError::NotXml(error.to_string()))?;
    let root = document.root_element();
    if name(root) != "akomaNtoso" {
        return Err(ImportError::NotAkomaNtoso {
            root: name(root).to_owned(),
        });
    }
    let depth = nesting_depth(&document);
    if depth > MAX_DEPTH {
        return Err(ImportError::TooDeep { depth });
    }
    if !root
        .descendants()
        .any(|node| matches!(name(node), "mainBody" | "body"))
    {
        return Err(ImportError::NoBody);
    }
    let mut renderer = Renderer::default();
    for part in elements(root) {
        renderer.document_part(part);
    }
    Ok(renderer.finish())
}

/// The local name of an element ("" for other nodes).
fn name<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

fn elements<'a, 'input>(node: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(Node::is_element)
}

/// How deep elements nest (the root element is 1).
fn nesting_depth(document: &Document) -> usize {
    // Node ids follow document order, so a parent's depth is known before its children's.
    let mut depths: Vec<usize> = Vec::new();
    let mut deepest = 0;
    for node in document.descendants() {
        let depth = node
            .parent()
            .and_then(|parent| depths.get(parent.id().get_usize()).copied())
            .map_or(0, |parent_depth| parent_depth + 1);
        let index = node.id().get_usize();
        if depths.len() <= index {
            depths.resize(index + 1, 0);
        }
        depths[index] = depth;
        deepest = deepest.max(depth);
    }
    deepest
}

/// Lines of text in the making, and the footnotes met on the way (marker, text), in
/// the order their references occur.
#[derive(Default)]
struct Renderer {
    lines: Vec<String>,
    notes: Vec<(String, String)>,
}

impl Renderer {
    fn finish(self) -> String {
        let mut out = self.lines.join("\n");
        if !self.notes.is_empty() {
            out.push_str("\n\n");
            out.push_str(FOOTNOTE_RULE);
            for (marker, text) in &self.notes {
                out.push('\n');
                out.push_str(marker);
                out.push(' ');
                out.push_str(text);
            }
        }
        out.push('\n');
        out
    }

    /// Every line ends without trailing whitespace.
    fn emit(&mut self, line: &str) {
        self.lines.push(line.trim_end().to_owned());
    }

    /// The parts of the document: `statement`, `documentCollection` and `components`
    /// are mere wrappers; `meta` and the collection's list of components print nothing.
    fn document_part(&mut self, node: Node) {
        match name(node) {
            "meta" | "collectionBody" => {}
            "coverPage" => {
                for p in elements(node) {
                    let line = self.text(p);
                    let line = strip(&line);
                    if !line.is_empty() {
                        self.emit(line);
                    }
                }
                self.emit("");
            }
            // `68/230.<TAB>Title`, or `A<TAB>Title` for a component.
            "preface" => {
                for p in elements(node) {
                    let cells: Vec<String> = elements(p)
                        .map(|cell| strip(&self.text(cell)).to_owned())
                        .collect();
                    self.emit(&cells.join("\t"));
                }
            }
            "preamble" => self.preamble(node),
            "mainBody" | "body" => {
                for child in elements(node) {
                    self.block(child);
                }
            }
            // The meeting line and the date, after a blank line; `eol` breaks them.
            "conclusions" => {
                self.emit("");
                for p in elements(node) {
                    let text = self.text(p);
                    for line in text.split('\n') {
                        self.emit(strip(line));
                    }
                }
            }
            "attachment" => {
                self.emit("");
                for child in elements(node) {
                    self.document_part(child);
                }
            }
            "p" => {
                let text = self.text(node);
                self.emit(&indented(&text));
            }
            _ => {
                for child in elements(node) {
                    self.document_part(child);
                }
            }
        }
    }

    /// Each element inside a preambular `container` (or the `formula`) is one line:
    /// normally its single `p`. Text outside those elements is not rendered, so a
    /// `block` holding bare text prints nothing.
    fn preamble(&mut self, node: Node) {
        for child in elements(node) {
            if name(child) == "blockList" {
                self.block_list(child);
                continue;
            }
            for inner in elements(child) {
                if name(inner) == "blockList" {
                    self.block_list(inner);
                } else {
                    let text = self.text(inner);
                    self.emit(&indented(&text));
                }
            }
        }
    }

    /// `item`s are numbered lines; the `listIntroduction` prints one line per child
    /// element (its bare text is not rendered).
    fn block_list(&mut self, node: Node) {
        for child in elements(node) {
            if name(child) == "item" {
                self.numbered(child);
            } else {
                for inner in elements(child) {
                    let text = self.text(inner);
                    self.emit(&indented(&text));
                }
            }
        }
    }

    /// An element of the body.
    fn block(&mut self, node: Node) {
        match name(node) {
            "paragraph" | "point" | "section" | "subsection" | "part" | "item" | "alinea" => {
                self.numbered(node)
            }
            // Headings keep their own leading tabs (`\t\tTitle` is centred), and the
            // line breaks written inside them.
            "heading" | "subheading" => {
                let text = self.text_keeping_breaks(node);
                self.emit(at_margin(&text));
            }
            "crossHeading" | "num" => {
                let text = self.text(node);
                self.emit(at_margin(&text));
            }
            "container" => {
                for child in elements(node) {
                    self.block(child);
                }
            }
            "p" => {
                let text = self.text(node);
                self.emit(&format!("\t{}", strip(&text)));
            }
            "table" => self.table(node),
            "list" | "sublist" => {
                self.list(node, None);
            }
            "blockList" => self.block_list(node),
            _ => self.generic(node),
        }
    }

    /// A numbered unit: its `num` goes before the first line of its content
    /// (`\t1.\ttext`); a number with no content of its own (a section's `I`, a
    /// paragraph holding only a list) is printed alone, `\tI`, after the unit.
    fn numbered(&mut self, node: Node) {
        let mut num: Option<String> = None;
        for child in elements(node) {
            match name(child) {
                "num" => num = Some(strip(&self.text(child)).to_owned()),
                "content" | "intro" => {
                    for p in elements(child) {
                        self.numbered_line(p, num.take());
                    }
                }
                "wrapUp" => self.wrap_up(child),
                "p" => self.numbered_line(child, num.take()),
                "list" | "sublist" => num = self.list(child, num),
                _ => self.block(child),
            }
        }
        if let Some(num) = num {
            self.emit(&format!("\t{num}"));
        }
    }

    /// A list inherits its parent's number for its `intro`; if a `point` comes first,
    /// the number is printed alone before it. Returns the number if still unprinted.
    fn list(&mut self, node: Node, mut num: Option<String>) -> Option<String> {
        for child in elements(node) {
            match name(child) {
                "intro" => {
                    for p in elements(child) {
                        self.numbered_line(p, num.take());
                    }
                }
                "wrapUp" => self.wrap_up(child),
                kind @ ("point" | "sublist" | "list") => {
                    if let Some(num) = num.take() {
                        self.emit(&format!("\t{num}"));
                    }
                    if kind == "point" {
                        self.numbered(child);
                    } else {
                        num = self.list(child, None);
                    }
                }
                _ => self.block(child),
            }
        }
        num
    }

    fn numbered_line(&mut self, p: Node, num: Option<String>) {
        let text = self.text(p);
        let line = match num {
            Some(num) => format!("\t{num}\t{}", strip(&text)),
            None => format!("\t{}", strip(&text)),
        };
        self.emit(&line);
    }

    /// The words after a list ("and requests …"), indented but keeping their own tabs.
    fn wrap_up(&mut self, node: Node) {
        for p in elements(node) {
            let text = self.text(p);
            self.emit(&indented(&text));
        }
    }

    /// One line per row, cells separated by tabs (empty cells kept, so columns align).
    fn table(&mut self, node: Node) {
        for row in elements(node) {
            let cells: Vec<String> = elements(row)
                .map(|cell| {
                    let paragraphs: Vec<String> = elements(cell)
                        .map(|p| strip(&self.text(p)).to_owned())
                        .collect();
                    paragraphs.join(" ")
                })
                .collect();
            self.emit(&cells.join("\t"));
        }
    }

    /// An element the layout has no rule for (such as `title`): its `p`s are indented
    /// lines, its numbers and headings lines at the margin, the rest is walked through.
    fn generic(&mut self, node: Node) {
        for child in elements(node) {
            match name(child) {
                "p" => {
                    let text = self.text(child);
                    self.emit(&indented(&text));
                }
                "heading" | "subheading" => {
                    let text = self.text_keeping_breaks(child);
                    self.emit(at_margin(&text));
                }
                "num" | "crossHeading" => {
                    let text = self.text(child);
                    self.emit(at_margin(&text));
                }
                _ => self.generic(child),
            }
        }
    }

    /// The text of an element with its whitespace normalized. Footnote references
    /// print their marker right after the preceding word and their text is kept for
    /// the end; `eol` breaks the line.
    fn text(&mut self, node: Node) -> String {
        self.normalized_text(node, false)
    }

    /// Like [`Renderer::text`], but a line break written between two words in the XML
    /// stays a line break.
    fn text_keeping_breaks(&mut self, node: Node) -> String {
        self.normalized_text(node, true)
    }

    fn normalized_text(&mut self, node: Node, keep_breaks: bool) -> String {
        let mut lines = vec![String::new()];
        self.collect_text(node, &mut lines);
        let last = lines.len() - 1;
        let normalized: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let line = normalize_whitespace(line, keep_breaks);
                // No space left hanging at a forced line break.
                let line = if index < last { line.trim_end() } else { &line };
                let line = if index > 0 {
                    line.trim_start_matches(' ')
                } else {
                    line
                };
                line.to_owned()
            })
            .collect();
        normalized.join("\n")
    }

    fn collect_text(&mut self, node: Node, lines: &mut Vec<String>) {
        for child in node.children() {
            if child.is_text() {
                push(lines, child.text().unwrap_or(""));
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match name(child) {
                "authorialNote" => {
                    let marker = child.attribute("marker").unwrap_or("").to_owned();
                    push(lines, &marker);
                    let note = self.note_text(child);
                    self.notes.push((marker, note));
                }
                "eol" => lines.push(String::new()),
                // The cover page writes "on<docDate>17 May 2000</docDate>".
                "docDate" => {
                    push(lines, " ");
                    self.collect_text(child, lines);
                }
                _ => self.collect_text(child, lines),
            }
        }
    }

    fn note_text(&mut self, note: Node) -> String {
        let paragraphs: Vec<String> = elements(note)
            .map(|p| strip(&self.text(p)).to_owned())
            .collect();
        paragraphs.join(" ")
    }
}

fn push(lines: &mut [String], text: &str) {
    if let Some(last) = lines.last_mut() {
        last.push_str(text);
    }
}

/// The whitespace rules of the layout: no-break and fixed-width spaces become spaces,
/// soft hyphens vanish, runs of spaces and line breaks become one space (or, when
/// `keep_breaks`, one line break where they separate two words), and spaces next to a
/// tab disappear. Other characters, the narrow no-break space among them, stay.
fn normalize_whitespace(raw: &str, keep_breaks: bool) -> String {
    let chars: Vec<char> = raw
        .chars()
        .filter(|&c| c != '\u{ad}')
        .map(|c| match c {
            '\u{a0}' | '\u{2000}'..='\u{200a}' => ' ',
            other => other,
        })
        .collect();
    let mut collapsed = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !matches!(c, ' ' | '\n' | '\r') {
            collapsed.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && matches!(chars[i], ' ' | '\n' | '\r') {
            i += 1;
        }
        let between_words = start > 0
            && !chars[start - 1].is_whitespace()
            && i < chars.len()
            && !chars[i].is_whitespace();
        if keep_breaks && between_words && chars[start..i].contains(&'\n') {
            collapsed.push('\n');
        } else {
            collapsed.push(' ');
        }
    }
    // Spaces were single by now; drop those touching a tab.
    let mut out = String::with_capacity(collapsed.len());
    let mut previous = None;
    let mut rest = collapsed.chars().peekable();
    while let Some(c) = rest.next() {
        if c == ' ' && (previous == Some('\t') || rest.peek() == Some(&'\t')) {
            continue;
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Without leading spaces and tabs or trailing whitespace.
fn strip(text: &str) -> &str {
    text.trim_start_matches([' ', '\t', '\n', '\r']).trim_end()
}

/// Without leading spaces (leading tabs are the XML's own indentation) or trailing
/// whitespace.
fn at_margin(text: &str) -> &str {
    text.trim_start_matches(' ').trim_end()
}

/// At least one tab of indentation: the XML's own leading tabs are kept.
fn indented(text: &str) -> String {
    let text = at_margin(text);
    if text.starts_with('\t') {
        text.to_owned()
    } else {
        format!("\t{text}")
    }
}
