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

/// How deep elements nest (the root element is at depth 1).
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
        if node.is_element() {
            deepest = deepest.max(depth);
        }
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
    let mut out = String::with_capacity(raw.len());
    // The pending run of spaces and line breaks: whether it holds a line break, and
    // the character before it.
    let mut run: Option<bool> = None;
    let mut before_run: Option<char> = None;
    for c in raw.chars() {
        let c = match c {
            '\u{ad}' => continue,
            '\u{a0}' | '\u{2000}'..='\u{200a}' => ' ',
            other => other,
        };
        if matches!(c, ' ' | '\n' | '\r') {
            run = Some(run.unwrap_or(false) || c == '\n');
            continue;
        }
        if let Some(has_break) = run.take() {
            let between_words =
                before_run.is_some_and(|b| !b.is_whitespace()) && !c.is_whitespace();
            if keep_breaks && has_break && between_words {
                out.push('\n');
            } else if c != '\t' && !out.ends_with('\t') {
                out.push(' ');
            }
        }
        out.push(c);
        before_run = Some(c);
    }
    if run.is_some() && !out.ends_with('\t') {
        out.push(' ');
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A resolution around `inner`, with an empty body unless `inner` has one.
    fn statement(inner: &str) -> String {
        let body = if inner.contains("<mainBody") {
            ""
        } else {
            "<mainBody/>"
        };
        format!(
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\
             <statement name=\"resolution\">{inner}{body}</statement></akomaNtoso>"
        )
    }

    fn body(inner: &str) -> String {
        statement(&format!("<mainBody>{inner}</mainBody>"))
    }

    fn imported(xml: &str) -> String {
        import(xml).expect("imports")
    }

    #[test]
    fn cover_page_one_line_per_p_then_a_blank_line() {
        let xml = statement(
            r##"<coverPage>
                 <p><span><docAuthority>United Nations</docAuthority></span></p>
                 <p><docNumber>S/RES/1298 (2000)</docNumber></p>
                 <p><docTitle refersTo="#resolutionNumber"></docTitle></p>
                 <p xml:space="preserve"><docTitle>Adopted by the Security Council at its <inline name="adoptionMeeting">4144th meeting</inline>, on<docDate date="2000-05-17">17 May 2000</docDate></docTitle></p>
               </coverPage>"##,
        );
        assert_eq!(
            imported(&xml),
            "United Nations\nS/RES/1298 (2000)\n\
             Adopted by the Security Council at its 4144th meeting, on 17 May 2000\n\n"
        );
    }

    #[test]
    fn preface_is_the_number_a_tab_and_the_title() {
        let xml = statement(
            "<preface><p><docNumber>76/15.</docNumber>\
             <docTitle><span class=\"bold\">\tCredentials of representatives </span></docTitle>\
             </p></preface>",
        );
        assert_eq!(imported(&xml), "76/15.\tCredentials of representatives\n");
    }

    #[test]
    fn preamble_formula_and_containers_are_indented_lines() {
        let xml = statement(
            r##"<preamble>
                 <formula name="enactingFormula"><p xml:space="preserve">
                   <span class="italic">The General Assembly</span>,</p></formula>
                 <container name="Recalling"><p>	<span class="italic">Recalling</span> its resolution 70/1,</p></container>
                 <container name="Noting"><p>		<span class="italic">Noting</span> the report,</p></container>
               </preamble>"##,
        );
        assert_eq!(
            imported(&xml),
            "\tThe General Assembly,\n\tRecalling its resolution 70/1,\n\t\tNoting the report,\n"
        );
    }

    #[test]
    fn numbered_and_unnumbered_operative_paragraphs() {
        let xml = body(
            r##"<paragraph><num>	1.</num><content><p>	<span class="italic">Decides</span> to remain seized of the matter; </p></content></paragraph>
               <paragraph><content><p>
                 <span class="italic">Approves</span> the report.</p></content></paragraph>"##,
        );
        assert_eq!(
            imported(&xml),
            "\t1.\tDecides to remain seized of the matter;\n\tApproves the report.\n"
        );
    }

    #[test]
    fn list_intro_points_and_sublist() {
        let xml = body(
            r##"<paragraph><num>2.</num><list>
                 <intro><p>	<span class="italic">Urges</span> all States:</p></intro>
                 <point><num>(a)</num><content><p>	To cooperate;</p></content></point>
                 <point><num>(b)</num><list>
                   <intro><p>	To support:</p></intro>
                   <point><num>(i)</num><content><p>	Training;</p></content></point>
                 </list></point>
                 <sublist><point><num>(ii)</num><content><p>	Links;</p></content></point></sublist>
                 <wrapUp><p>		and <span class="italic">requests</span> a report;</p></wrapUp>
               </list></paragraph>"##,
        );
        assert_eq!(
            imported(&xml),
            "\t2.\tUrges all States:\n\t(a)\tTo cooperate;\n\t(b)\tTo support:\n\
             \t(i)\tTraining;\n\t(ii)\tLinks;\n\t\tand requests a report;\n"
        );
    }

    #[test]
    fn a_number_without_words_of_its_own_stands_alone() {
        let xml = body(
            r##"<paragraph><num>58.</num><list>
                 <point><num>(a)</num><content><p>Requests a report;</p></content></point>
               </list></paragraph>"##,
        );
        assert_eq!(imported(&xml), "\t58.\n\t(a)\tRequests a report;\n");
    }

    #[test]
    fn section_heading_first_and_its_number_after_its_paragraphs() {
        let xml = body(
            r##"<section><num>I</num>
                 <subheading>		 Budget for 2020</subheading>
                 <crossHeading refersTo="#preamble">
                   <span class="italic">Having considered</span> the reports, </crossHeading>
                 <paragraph><num>	1.</num><content><p>Takes note of the reports;</p></content></paragraph>
               </section>"##,
        );
        assert_eq!(
            imported(&xml),
            "\t\tBudget for 2020\nHaving considered the reports,\n\t1.\tTakes note of the reports;\n\tI\n"
        );
    }

    #[test]
    fn headings_keep_their_tabs_and_their_line_breaks() {
        let xml = body(
            "<paragraph class=\"H1\"><heading>\t\tPolitical declaration</heading></paragraph>\
             <paragraph class=\"H23\"><num>I</num><subheading>Children without care</subheading></paragraph>\
             <paragraph><subheading> Role of the Department in United Nations\n    peacekeeping</subheading></paragraph>",
        );
        assert_eq!(
            imported(&xml),
            "\t\tPolitical declaration\nChildren without care\n\tI\n\
             Role of the Department in United Nations\npeacekeeping\n"
        );
    }

    #[test]
    fn cross_headings_are_at_the_margin_unless_tabbed() {
        let xml = body(
            r##"<crossHeading><span class="italic">Recalling</span> its resolution,</crossHeading>
               <crossHeading><span class="italic">	Noting</span> the report,</crossHeading>"##,
        );
        assert_eq!(
            imported(&xml),
            "Recalling its resolution,\n\tNoting the report,\n"
        );
    }

    #[test]
    fn components_print_their_letter_and_title() {
        let xml = r##"<akomaNtoso>
              <documentCollection>
                <preface><p><docNumber>77/128.</docNumber><docTitle>Questions relating to information</docTitle></p></preface>
                <collectionBody><component><documentRef showAs="Resolution A"/></component></collectionBody>
              </documentCollection>
              <components>
                <component><statement>
                  <preface><p><docNumber>A</docNumber><docTitle><span>		Information in the service of humanity</span></docTitle></p></preface>
                  <mainBody><paragraph><content><p>	Urges all countries;</p></content></paragraph></mainBody>
                </statement></component>
                <component><statement>
                  <preface><p><docNumber>B</docNumber><docTitle>Policies</docTitle></p></preface>
                  <mainBody><paragraph><num>1.</num><content><p>Requests;</p></content></paragraph></mainBody>
                </statement></component>
              </components>
            </akomaNtoso>"##;
        assert_eq!(
            imported(xml),
            "77/128.\tQuestions relating to information\n\
             A\tInformation in the service of humanity\n\tUrges all countries;\n\
             B\tPolicies\n\t1.\tRequests;\n"
        );
    }

    #[test]
    fn attachments_follow_a_blank_line_and_tables_are_tab_separated() {
        let xml = body("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>")
            .replace(
                "</mainBody>",
                r##"</mainBody>
                <attachments><attachment><doc name="annex"><meta/><mainBody>
                  <paragraph class="H1"><content><p>
                    <docType>Annex</docType>
                    <docTitle>		Financing for 2020</docTitle>
                  </p></content></paragraph>
                  <container name="table"><table>
                    <tr><th></th><th><p><span>Gross</span></p></th><th><p>Net </p></th></tr>
                    <tr><th></th><th></th><th></th></tr>
                    <tr><td><p>	Total assessment</p></td><td></td><td></td></tr>
                    <tr><td><p>Requirements</p><p>for 2020</p></td><td><p>96 924 500 </p></td><td><p>–</p></td></tr>
                  </table></container>
                </mainBody></doc></attachment></attachments>"##,
            );
        assert_eq!(
            imported(&xml),
            "\t1.\tDecides.\n\n\tAnnex\t\tFinancing for 2020\n\tGross\tNet\n\n\
             Total assessment\nRequirements for 2020\t96 924 500\t–\n"
        );
    }

    #[test]
    fn footnote_markers_follow_the_word_and_texts_come_last() {
        let xml = body(
            r##"<paragraph><content><p>	<span class="italic">Approves</span> the report,<authorialNote marker="1" placement="bottom"><p>	 	<a href="https://undocs.org/en/A/76/550">A/76/550</a>.</p></authorialNote> and the plan<authorialNote marker="2"><p>See annex.</p></authorialNote> </p></content></paragraph>"##,
        );
        assert_eq!(
            imported(&xml),
            "\tApproves the report,1 and the plan2\n\n_______________\n1 A/76/550.\n2 See annex.\n"
        );
    }

    #[test]
    fn conclusions_meeting_line_and_date() {
        let xml = body("<paragraph><content><p>Decides.</p></content></paragraph>").replace(
            "</mainBody>",
            r##"</mainBody><conclusions><p>
                 <inline name="adoptionMeeting">44th plenary meeting</inline>
                 <eol />
                 <docDate date="2021-12-06">6 December 2021</docDate>
               </p></conclusions>"##,
        );
        assert_eq!(
            imported(&xml),
            "\tDecides.\n\n44th plenary meeting\n6 December 2021\n"
        );
    }

    #[test]
    fn whitespace_rules() {
        let xml = body(
            "<paragraph><num>(a) </num><content><p>\u{a0}20\u{a0}December  2007, \
             missile\u{ad}related,\u{202f}kept (a) \tspaced\u{2002}out \u{202f}</p></content></paragraph>\
             <paragraph><content><p>\n  <span>Action 13</span>\n  <span>. </span>\n  <span>We will</span>\n</p></content></paragraph>",
        );
        assert_eq!(
            imported(&xml),
            "\t(a)\t20 December 2007, missilerelated,\u{202f}kept (a)\tspaced out\n\tAction 13 . We will\n"
        );
    }

    #[test]
    fn block_list_introduction_prints_only_its_elements() {
        // The corpus texts keep only the elements of a `listIntroduction` (here the
        // italic opening and the linked symbol), not the words between them.
        let xml = statement(
            r##"<preamble><container name="Recalling"><blockList>
                 <listIntroduction>	<span class="italic">Recalling</span> its resolution <a href="x">77/247</a> of 30 December 2022:</listIntroduction>
                 <item><num>(a)</num><p>	What are the consequences?</p></item>
               </blockList></container>
               <blockList><item><num>(b)</num>	<p>International peace, </p></item></blockList>
               <block name="subheading">AMISOM</block>
               <p><span class="bold">Degrading the threat</span></p></preamble>"##,
        );
        assert_eq!(
            imported(&xml),
            "\tRecalling\n\t77/247\n\t(a)\tWhat are the consequences?\n\t(b)\tInternational peace,\n\
             \tDegrading the threat\n"
        );
    }

    #[test]
    fn unknown_elements_are_walked_through() {
        let xml = body(
            r##"<section><num>I</num><heading>Conditions of service</heading>
                 <title><num>A.	</num><subheading>		Base salary</subheading>
                   <paragraph><num>1.</num><content><p>	Reaffirms the range;</p></content></paragraph>
                 </title></section>"##,
        );
        assert_eq!(
            imported(&xml),
            "Conditions of service\nA.\n\t\tBase salary\n1.\n\tReaffirms the range;\n\tI\n"
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(matches!(import(""), Err(ImportError::NotXml(_))));
        let not_xml = import("<akomaNtoso><statement>").unwrap_err();
        assert!(
            not_xml.to_string().starts_with("not well-formed XML: "),
            "{not_xml}"
        );
        assert_eq!(
            import("<html><body/></html>").unwrap_err().to_string(),
            "not an Akoma Ntoso file: the root element is <html>, not <akomaNtoso>"
        );
        assert_eq!(
            import("<akomaNtoso><statement><preface/></statement></akomaNtoso>"),
            Err(ImportError::NoBody)
        );
        let deep = format!(
            "<akomaNtoso><mainBody>{}{}</mainBody></akomaNtoso>",
            "<span>".repeat(10_000),
            "</span>".repeat(10_000)
        );
        assert_eq!(import(&deep), Err(ImportError::TooDeep { depth: 10_002 }));
    }

    #[test]
    fn nesting_up_to_the_limit_is_rendered() {
        let levels = MAX_DEPTH - 6;
        let xml = body(&format!(
            "<paragraph><content><p>{}deep{}</p></content></paragraph><container>{}<p>wide</p>{}</container>",
            "<span>".repeat(levels),
            "</span>".repeat(levels),
            "<x>".repeat(levels),
            "</x>".repeat(levels)
        ));
        assert_eq!(imported(&xml), "\tdeep\n\twide\n");
    }

    #[test]
    fn a_byte_order_mark_and_a_dtd_are_accepted() {
        let xml = format!(
            "\u{feff}<?xml version=\"1.0\"?><!DOCTYPE akomaNtoso [<!ENTITY un \"United Nations\">]>{}",
            body("<paragraph><content><p>The &un;.</p></content></paragraph>")
        );
        assert_eq!(imported(&xml), "\tThe United Nations.\n");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,200}") {
            let _ = import(&text);
        }

        #[test]
        fn never_panics_on_a_cut_or_spliced_resolution(cut in 0usize..2000, splice in "[<>/a-zA-Z\"= \t\n&;#0-9]{0,12}") {
            let xml = body(
                r##"<paragraph><num>1.</num><list><intro><p>Urges:<authorialNote marker="1"><p>A/1.</p></authorialNote></p></intro>
                   <point><num>(a)</num><content><p>To act;<eol/></p></content></point></list></paragraph>
                   <section><num>I</num><subheading>Head</subheading><title><num>A.</num></title></section>"##,
            );
            let mut at = cut.min(xml.len());
            while !xml.is_char_boundary(at) {
                at -= 1;
            }
            let _ = import(&xml[..at]);
            let _ = import(&format!("{}{splice}{}", &xml[..at], &xml[at..]));
        }
    }
}
