//! Context-free lexing of one line: what the line looks like on its own.
//!
//! The lexer never fails: every line gets a [`LineShape`], `Text` when nothing more
//! specific fits. Which *role* a line plays (preambular paragraph, heading, footnote
//! text …) depends on its neighbours and is decided in `structure`. Lexing is the
//! expensive part of parsing (regular expressions, marker scanning), so it is done
//! once per changed line and cached by the incremental parser.

use std::sync::LazyLock;

use regex::Regex;

/// A byte range inside one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ByteRange {
    pub start: usize,
    pub end: usize,
}

impl ByteRange {
    pub fn new(start: usize, end: usize) -> Self {
        ByteRange { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// The shape of a line, from its text alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineShape {
    /// Empty or only whitespace.
    Blank,
    /// `%% …`: a comment, not part of the resolution (`%% unres: ignore PUN010`
    /// suppresses a finding, see docs/SUPPRESSION.md). `%%` never opens a line
    /// of an adopted text.
    Comment,
    /// `<TAB>12.<TAB>Text`: an arabic paragraph number (the text may be empty while
    /// the user types). In a rolling text, `12 bis.`, `12ter.`: `rank` is the
    /// insertion rank (`bis` = 1, `ter` = 2 …, 0 for a plain number) and `label`
    /// covers the whole `12 bis.`.
    Numbered {
        number: u32,
        label: ByteRange,
        rank: u8,
    },
    /// `12) Text`, `(12) Text`: a paragraph number in a form resolutions do not use.
    MalformedNumber { number: u32, label: ByteRange },
    /// `29.1.<TAB>Text` (annexes and technical lists).
    DottedNumber { label: ByteRange },
    /// `(a)`, `(ii)`, `(aa)`: a parenthesized lower-case label. `(a bis)` in a
    /// rolling text: `label` is `a`, `rank` the insertion rank (0 for a plain
    /// label, see [`LineShape::Numbered`]).
    Subparagraph {
        label: String,
        range: ByteRange,
        rank: u8,
    },
    /// `(A)`, `(1)`, `b)`: a subparagraph label in a form English resolutions do
    /// not use at the first two degrees.
    MalformedSubparagraph { label: String, range: ByteRange },
    /// `a.`, `i.`: third- and fourth-degree labels.
    DottedLetter { label: String, range: ByteRange },
    /// `–`, `•`, `-` before a tab: an item of a dashed or bulleted list.
    Bullet { range: ByteRange },
    /// `68/230.<TAB>South-South cooperation`.
    Title { number: ByteRange },
    /// `The General Assembly,` (known organ) or another `The …,` line.
    Organ { known: bool, comma: bool },
    /// `I`, `II.` alone on its line, or `II.<TAB>Strategic vision`: a roman
    /// section number. (`I`, `V`, `X` … with a title are letter headings: the
    /// sequence decides which they are.)
    SectionNumber { numeral: String, has_title: bool },
    /// `A`, `B.` alone or followed by a tab and a title: a part or subsection letter.
    LetterHeading { letter: char, has_title: bool },
    /// `71st plenary meeting`, `52nd (resumed) plenary meeting`, `53rd meeting`.
    ClosingMeeting,
    /// `20 December 2013` alone on its line.
    Date,
    /// `Resolution adopted by the General Assembly on …`, `Adopted by the Security
    /// Council at its …`, `Resolution 2334 (2016)`, `[on the report of …]`.
    AdoptionLine,
    /// `Annex`, `Annex II`, `Attachment`, `Appendix`.
    AnnexHeading,
    /// `1 Report of …` at the start of the line: a footnote text if it stands where
    /// footnote texts stand.
    FootnoteCandidate { number: u32, label: ByteRange },
    /// `[^1]: text`, a footnote text wherever it stands.
    FootnoteDefinition { number: u32, label: ByteRange },
    /// `<<ODS JOB NO>>…<<ODS JOB NO>>`: the export trailer (TXT001).
    OdsTrailer,
    /// `[DU1]` alone: an export anchor artifact (TXT002).
    Artifact,
    /// `_______________` or `-----`: a separator (TXT003).
    Separator,
    /// Anything else.
    Text,
}

impl LineShape {
    /// The label of a subparagraph in its list's sequence (`(a)`, `(ii)`) and
    /// where it stands; `None` for other shapes and for a rolling text's
    /// insertions (`(a bis)`), which stand outside the sequence (NUM012).
    pub fn sequence_label(&self) -> Option<(&str, ByteRange)> {
        match self {
            LineShape::Subparagraph {
                label,
                range,
                rank: 0,
            } => Some((label, *range)),
            _ => None,
        }
    }
}

/// How a footnote reference is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerForm {
    /// Digits glued to a word or mark, as in the text export: `Countries,1`.
    Glued,
    /// `[^1]`.
    Bracketed,
    /// Unicode superscript digits: `¹`.
    Superscript,
    /// A marker separated from its word: at the end of a line (`Territory 1`) or
    /// glued to the next word (`Weapons 6and`), as some renderings write it. Only
    /// accepted when the number is the next expected footnote and has a text.
    Detached,
    /// A year with the marker glued on: `for 20191` (2019 + marker 1). Accepted
    /// only to fill a gap in the footnote sequence.
    AfterYear,
    /// A resolution number with the marker glued on: `59/3009` (59/300 +
    /// marker 9). Accepted only to fill a gap, after any other reading.
    AfterSymbol,
    /// Digits that may end or start with a marker the rendering glued to a
    /// number: `Agenda 218` (Agenda 21, marker 8), `2012,727/5` (marker 7 before
    /// resolution 27/5). Several readings of one place are offered; one is
    /// accepted only to fill a gap in the footnote sequence between two
    /// references, when its number is the missing one.
    Split,
    /// The second of several markers at one point written with the wrong
    /// separator (FTN004): `General,1 2`, `General,1-2`, `General,1–2`,
    /// `General,1;2`. Accepted when the marker before it is a reference and its
    /// number has a text.
    Chained,
}

/// A footnote indicator that is not a number (FTN001): a lower-case letter
/// (`[^a]`, `Countriesᵃ`, a footnote text `a Report …`) or a symbol other than
/// the asterisk (`†`, `‡`, `§`, `¶`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherIndicator {
    /// The indicator as written (`a`, `†`).
    pub indicator: String,
    /// Where it stands: the whole `[^a]`, the letter or the symbol.
    pub range: ByteRange,
}

/// A possible footnote reference inside a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerCandidate {
    pub number: u32,
    /// The digits (or `[^n]`) only.
    pub range: ByteRange,
    pub form: MarkerForm,
    /// Glued markers only: true when a mark or closing quote precedes the digits
    /// (`Countries,1`), which makes a footnote almost certain.
    pub after_punctuation: bool,
    /// Punctuation directly after the marker (`session2,`): the marker stands before
    /// the mark it belongs after (FTN003).
    pub punctuation_after: Option<ByteRange>,
}

/// One lexed line: its text and everything the lexer found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexedLine {
    pub text: String,
    pub shape: LineShape,
    /// Leading whitespace ends here.
    pub indent: usize,
    /// Where the paragraph text starts, after any number or label and the
    /// whitespace after it.
    pub body_start: usize,
    /// Where the paragraph text ends: before trailing whitespace and trailing
    /// footnote markers.
    pub content_end: usize,
    pub markers: Vec<MarkerCandidate>,
    /// Footnote indicators that are letters or symbols (FTN001), rarely any.
    pub other_indicators: Vec<OtherIndicator>,
    /// A rolling-text label written before the paragraph (`PP3`, `OP5 bis`,
    /// `OP6 alt 2`): the text after it is lexed as if the label were
    /// indentation, so the shape and `body_start` are those of the rest.
    pub label: Option<super::negotiation::ParagraphLabel>,
    /// What a rolling text writes in the line (brackets, attributions, notes,
    /// ad referendum markers, alternatives) and the words that would remain
    /// without them; `None` for a line with none of them (every adopted
    /// paragraph).
    pub negotiation: Option<Box<super::negotiation::LineMarks>>,
    /// A hash of `text`, computed once at lexing: caches of per-line results
    /// (the analysis' line memo) find the line without hashing its text again.
    pub fingerprint: u64,
}

impl LexedLine {
    pub fn body(&self) -> &str {
        &self.text[self.body_start.min(self.content_end)..self.content_end]
    }

    /// The last character of the paragraph text (before trailing markers).
    pub fn final_char(&self) -> Option<(usize, char)> {
        self.text[..self.content_end].char_indices().next_back()
    }

    pub fn is_indented(&self) -> bool {
        self.indent > 0
    }
}

macro_rules! regex {
    ($name:ident, $re:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($re).expect("valid regex"));
    };
}

regex!(
    NUMBERED,
    r"^[ \t]*([1-9][0-9]{0,3})(?:[ \u{a0}]?(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.(?:[ \t]+|$)"
);
regex!(
    MALFORMED_NUMBER,
    r"^[ \t]*(\(?([1-9][0-9]{0,3})\)|([1-9][0-9]{0,3})\t)[ \t]*\S"
);
regex!(
    DOTTED_NUMBER,
    r"^[ \t]*([0-9]+(?:\.[0-9]+)+\.?)(?:[ \t]+|$)"
);
regex!(
    SUBPARAGRAPH,
    r"^[ \t]*(\(([a-z]{1,4})(?:[ \u{a0}](bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\))(?:[ \t]+|$)"
);
regex!(
    MALFORMED_SUB,
    r"^[ \t]*(\(([A-Z]{1,3}|[0-9]{1,2})\)|([a-z])\))[ \t]+\S"
);
regex!(DOTTED_LETTER, r"^[ \t]*(([a-z]{1,4})\.)[ \t]+\S");
regex!(BULLET, r"^[ \t]*([–•·◦▪—-])(?:\t[ \t]*| +)\S");
regex!(
    TITLE,
    // Also without the full stop before a capital (`68/230 South-South
    // cooperation`): still the title line, which DOC008 reports.
    r"^((?:[1-9][0-9]?|E?S-[1-9][0-9]?|[12][0-9]{3})/[1-9][0-9]*(?: [A-Z](?:-[A-Z])?)?)(?:\.[ \t]+\S|[ \t]+[A-Z])"
);
regex!(
    ORGAN_KNOWN,
    // The abbreviations too (`The GA,`): still the organ line, which DOC002
    // reports.
    r"^[ \t]*The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|GA|UNGA|SC|UNSC|ECOSOC|HRC|UNHRC)[ \t]*(,?)[ \t]*$"
);
regex!(ORGAN_OTHER, r"^[ \t]*The [A-Z][A-Za-z\- ]{2,60}(,)[ \t]*$");
regex!(
    SECTION_NUMBER,
    r"^[ \t]*([IVXLC]{1,7})\.?[ \t]*(?:\t[ \t]*(\S.*))?$"
);
regex!(
    LETTER_HEADING,
    r"^[ \t]*([A-Z])\.?[ \t]*(?:\t[ \t]*(\S.*))?$"
);
regex!(
    CLOSING_MEETING,
    // Also the malformed forms DOC004 reports (`71 plenary meeting`, `71st
    // Plenary Meeting`): they still end the body. And the French and Spanish
    // forms of the texts left untranslated (`62e séance plénière`, `1re
    // séance`, `62ª sesión plenaria`, `62a. sesión plenaria (continuación)`):
    // they end the body too, and DOC004 leaves them alone.
    r"^[ \t]*[1-9][0-9]*(?:(?i:st|nd|rd|th)?(?: \(resumed\))? (?i:plenary )?(?i:meeting)|(?:e|er|re|ème) (?i:séance)(?: (?i:plénière))?(?: \((?:reprise|suite)\))?|(?:ª|º|a\.?|o\.?) (?i:sesión)(?: (?i:plenaria))?(?: \((?:continuación|reanudada)\))?)[ \t]*$"
);
regex!(
    DATE_LINE,
    // Also French (`28 avril 2021`, `1er mai 2021`) and Spanish (`28 de abril
    // de 2021`) closing dates, in the texts left untranslated.
    r"^[ \t]*(?:[0-9]{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:1er|[0-9]{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|[0-9]{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre) de) [12][0-9]{3}[ \t]*$"
);
regex!(
    ADOPTION,
    r"^(?:(?:Resolutions?|Decisions?) adopted by the |Adopted by the |Resolution [1-9][0-9]* \([12][0-9]{3}\)[ \t]*$|\[(?:on the report|without reference))"
);
regex!(
    ANNEX,
    r"^[ \t]*(?:Annex(?:es)?|ANNEX|Attachment|Appendix|Enclosure)(?:[ \t]+[IVXLC0-9A-Z]{1,6})?(?:[ \t]*(?::|\t|–|-|—)[ \t]*\S.*)?[ \t]*$"
);
regex!(FOOTNOTE_CANDIDATE, r"^([1-9][0-9]{0,2}) +\S");
regex!(
    FOOTNOTE_DEFINITION,
    r"^[ \t]*(\[\^([1-9][0-9]{0,2})\]):[ \t]*"
);
regex!(
    ODS_TRAILER,
    r"^(?:\[[A-Z]+[0-9]+\])?<<ODS ([A-Z0-9 ]+)>>.*<<ODS ([A-Z0-9 ]+)>>[ \t]*$"
);
regex!(ARTIFACT, r"^[ \t]*\[[A-Z]{1,3}[0-9]+\][ \t]*$");
regex!(SEPARATOR, r"^[ \t]*(?:_{5,}|-{5,})[ \t]*$");
regex!(BRACKET_MARKER, r"\[\^([1-9][0-9]{0,2})\]");

/// What opens a comment line.
pub const COMMENT: &str = "%%";

/// Lex one line (without its terminator).
pub fn lex_line(text: &str) -> LexedLine {
    let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
    let label = super::negotiation::paragraph_label(text, indent);
    // The text after a `PP3`/`OP5 bis` label is lexed as if the label were
    // indentation (same byte length, so every range stays right).
    let masked = label.map(|label| format!("{}{}", " ".repeat(label.end), &text[label.end..]));
    let scanned = masked.as_deref().unwrap_or(text);
    let (shape, body_start) = match &masked {
        Some(masked) => {
            let inner = masked.len() - masked.trim_start_matches([' ', '\t']).len();
            shape_of(masked, inner)
        }
        None => shape_of(text, indent),
    };
    let markers = if matches!(
        shape,
        LineShape::OdsTrailer
            | LineShape::Artifact
            | LineShape::Separator
            | LineShape::Blank
            | LineShape::Comment
    ) {
        Vec::new()
    } else {
        find_markers(scanned, body_start)
    };
    let content_end = content_end(text, body_start, &markers);
    let other_indicators = if matches!(shape, LineShape::Comment | LineShape::Blank) {
        Vec::new()
    } else {
        other_indicators(text, indent)
    };
    let negotiation =
        super::negotiation::scan_line(text, &shape, body_start, content_end, &markers);
    LexedLine {
        text: text.to_owned(),
        shape,
        indent,
        body_start,
        content_end,
        markers,
        other_indicators,
        label,
        negotiation,
        fingerprint: fingerprint(text),
    }
}

/// The hash of a line's text kept in [`LexedLine::fingerprint`]: FxHash, fixed
/// seed, so equal texts get equal fingerprints in every tree and process.
fn fingerprint(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

fn shape_of(text: &str, indent: usize) -> (LineShape, usize) {
    let rest = &text[indent..];
    let Some(first) = rest.chars().next() else {
        return (LineShape::Blank, text.len());
    };
    let whole = |shape| (shape, indent);
    if let Some(comment) = rest.strip_prefix(COMMENT) {
        return (LineShape::Comment, text.len() - comment.len());
    }
    // `² A/68/212.`: a footnote text numbered in superscript digits.
    if indent == 0 && superscript_value(first).is_some() {
        let digits_end = text
            .char_indices()
            .find(|(_, c)| superscript_value(*c).is_none())
            .map_or(text.len(), |(at, _)| at);
        if text[digits_end..].starts_with([' ', '\t', '\u{a0}']) {
            let number = text[..digits_end]
                .chars()
                .filter_map(superscript_value)
                .fold(0u32, |n, digit| n.saturating_mul(10).saturating_add(digit));
            return (
                LineShape::FootnoteCandidate {
                    number,
                    label: ByteRange::new(0, digits_end),
                },
                after_whitespace(text, digits_end),
            );
        }
    }
    if first.is_ascii_digit() {
        if let Some(title) = title_shape(text, indent) {
            return title;
        }
        if let Some(c) = NUMBERED.captures(text) {
            let digits = c.get(1).expect("group");
            let number = digits.as_str().parse().unwrap_or(0);
            let rank = c
                .get(2)
                .map_or(0, |r| super::negotiation::rank_of(r.as_str()));
            let stop = c.get(2).map_or(digits.end(), |r| r.end());
            return (
                LineShape::Numbered {
                    number,
                    label: ByteRange::new(digits.start(), stop + 1),
                    rank,
                },
                c.get(0).expect("match").end(),
            );
        }
        if let Some(c) = DOTTED_NUMBER.captures(text) {
            let label = c.get(1).expect("group");
            return (
                LineShape::DottedNumber {
                    label: ByteRange::new(label.start(), label.end()),
                },
                c.get(0).expect("match").end(),
            );
        }
        if CLOSING_MEETING.is_match(text) {
            return whole(LineShape::ClosingMeeting);
        }
        if DATE_LINE.is_match(text) {
            return whole(LineShape::Date);
        }
        if let Some(c) = MALFORMED_NUMBER.captures(text) {
            let label = c.get(1).expect("group");
            if c.get(3).is_some() && indent == 0 {
                // `1<TAB>Cell<TAB>…` at the margin: a table row, not a paragraph.
                return whole(LineShape::Text);
            }
            let digits = c.get(2).or_else(|| c.get(3)).expect("one alternative");
            let number = digits.as_str().parse().unwrap_or(0);
            let label_end = label.as_str().trim_end().len() + label.start();
            return (
                LineShape::MalformedNumber {
                    number,
                    label: ByteRange::new(label.start(), label_end),
                },
                after_whitespace(text, label_end),
            );
        }
        if indent == 0 {
            if let Some(c) = FOOTNOTE_CANDIDATE.captures(text) {
                let digits = c.get(1).expect("group");
                return (
                    LineShape::FootnoteCandidate {
                        number: digits.as_str().parse().unwrap_or(0),
                        label: ByteRange::new(digits.start(), digits.end()),
                    },
                    after_whitespace(text, digits.end()),
                );
            }
        }
        return whole(LineShape::Text);
    }
    match first {
        '(' => {
            if let Some(c) = SUBPARAGRAPH.captures(text) {
                let label = c.get(1).expect("group");
                return (
                    LineShape::Subparagraph {
                        label: c.get(2).expect("group").as_str().to_owned(),
                        range: ByteRange::new(label.start(), label.end()),
                        rank: c
                            .get(3)
                            .map_or(0, |r| super::negotiation::rank_of(r.as_str())),
                    },
                    c.get(0).expect("match").end(),
                );
            }
            if let Some(c) = MALFORMED_NUMBER.captures(text) {
                let label = c.get(1).expect("group");
                let number = c.get(2).expect("group").as_str().parse().unwrap_or(0);
                return (
                    LineShape::MalformedNumber {
                        number,
                        label: ByteRange::new(label.start(), label.end()),
                    },
                    after_whitespace(text, label.end()),
                );
            }
            if let Some(shape) = malformed_subparagraph(text) {
                return shape;
            }
        }
        '[' => {
            if ODS_TRAILER.is_match(text) {
                return whole(LineShape::OdsTrailer);
            }
            if ARTIFACT.is_match(text) {
                return whole(LineShape::Artifact);
            }
            if let Some(c) = FOOTNOTE_DEFINITION.captures(text) {
                let label = c.get(1).expect("group");
                return (
                    LineShape::FootnoteDefinition {
                        number: c.get(2).expect("group").as_str().parse().unwrap_or(0),
                        label: ByteRange::new(label.start(), label.end()),
                    },
                    c.get(0).expect("match").end(),
                );
            }
            if ADOPTION.is_match(rest) {
                return whole(LineShape::AdoptionLine);
            }
        }
        '<' if ODS_TRAILER.is_match(text) => return whole(LineShape::OdsTrailer),
        '_' | '-' if SEPARATOR.is_match(text) => return whole(LineShape::Separator),
        '–' | '•' | '·' | '◦' | '▪' | '—' | '-' => {
            if let Some(c) = BULLET.captures(text) {
                let mark = c.get(1).expect("group");
                return (
                    LineShape::Bullet {
                        range: ByteRange::new(mark.start(), mark.end()),
                    },
                    after_whitespace(text, mark.end()),
                );
            }
        }
        'a'..='z' => {
            if let Some(c) = DOTTED_LETTER.captures(text) {
                let label = c.get(1).expect("group");
                return (
                    LineShape::DottedLetter {
                        label: c.get(2).expect("group").as_str().to_owned(),
                        range: ByteRange::new(label.start(), label.end()),
                    },
                    after_whitespace(text, label.end()),
                );
            }
            if let Some(shape) = malformed_subparagraph(text) {
                return shape;
            }
        }
        'A'..='Z' => {
            if let Some(title) = title_shape(text, indent) {
                // `ES-10/24.<TAB>Title`, `S-32/1.<TAB>Title`.
                return title;
            }
            if let Some(c) = ORGAN_KNOWN.captures(text) {
                let comma = !c.get(1).expect("group").as_str().is_empty();
                return whole(LineShape::Organ { known: true, comma });
            }
            if ORGAN_OTHER.is_match(text) {
                return whole(LineShape::Organ {
                    known: false,
                    comma: true,
                });
            }
            if let Some(c) = SECTION_NUMBER.captures(text) {
                let numeral = c.get(1).expect("group").as_str().to_owned();
                match c.get(2) {
                    None => {
                        return whole(LineShape::SectionNumber {
                            numeral,
                            has_title: false,
                        });
                    }
                    Some(title) if numeral.len() > 1 => {
                        return (
                            LineShape::SectionNumber {
                                numeral,
                                has_title: true,
                            },
                            title.start(),
                        );
                    }
                    Some(_) => {}
                }
            }
            if let Some(c) = LETTER_HEADING.captures(text) {
                let letter = c
                    .get(1)
                    .expect("group")
                    .as_str()
                    .chars()
                    .next()
                    .unwrap_or('A');
                let title = c.get(2);
                let body = title.map_or(indent, |t| t.start());
                return (
                    LineShape::LetterHeading {
                        letter,
                        has_title: title.is_some(),
                    },
                    body,
                );
            }
            if ADOPTION.is_match(rest) {
                return whole(LineShape::AdoptionLine);
            }
            if ANNEX.is_match(text) {
                return whole(LineShape::AnnexHeading);
            }
        }
        _ => {}
    }
    whole(LineShape::Text)
}

/// `68/230.<TAB>South-South cooperation` at the margin.
fn title_shape(text: &str, indent: usize) -> Option<(LineShape, usize)> {
    if indent != 0 {
        return None;
    }
    let c = TITLE.captures(text)?;
    let number = c.get(1).expect("group");
    let stop = usize::from(text[number.end()..].starts_with('.'));
    let body = after_whitespace(text, number.end() + stop);
    Some((
        LineShape::Title {
            number: ByteRange::new(number.start(), number.end()),
        },
        body,
    ))
}

fn malformed_subparagraph(text: &str) -> Option<(LineShape, usize)> {
    let c = MALFORMED_SUB.captures(text)?;
    let label = c.get(1).expect("group");
    let inner = c.get(2).or_else(|| c.get(3)).expect("one alternative");
    Some((
        LineShape::MalformedSubparagraph {
            label: inner.as_str().to_owned(),
            range: ByteRange::new(label.start(), label.end()),
        },
        after_whitespace(text, label.end()),
    ))
}

fn after_whitespace(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    from + (text[from..].len() - text[from..].trim_start_matches([' ', '\t']).len())
}

/// Where the paragraph text ends: trailing whitespace and markers at the very end
/// are not part of it, so `Countries,1` ends with the comma.
fn content_end(text: &str, body_start: usize, markers: &[MarkerCandidate]) -> usize {
    let mut end = text.trim_end().len().max(body_start.min(text.len()));
    for marker in markers.iter().rev().filter(|m| m.form != MarkerForm::Split) {
        if marker.range.end == end && marker.punctuation_after.is_none() {
            end = marker.range.start;
            // `…General,1-2`, `…General,1 2`: the separator goes too.
            if marker.form == MarkerForm::Chained {
                end = text[..end].trim_end_matches(['-', '–', ';', ' ']).len();
                continue;
            }
            // Several markers at one point: `…General,1,2`.
            if text[..end].ends_with(',')
                && markers
                    .iter()
                    .any(|m| m.range.end + 1 == end && m.form == marker.form)
            {
                end -= 1;
            }
        } else if marker.range.end < end {
            break;
        }
    }
    let trimmed = text[..end].trim_end().len();
    trimmed.max(body_start.min(trimmed))
}

/// Abbreviations that a number follows after a full stop.
const ABBREVIATIONS: [&str; 16] = [
    "Add", "Rev", "Corr", "Amend", "Suppl", "No", "Nos", "para", "paras", "chap", "vol", "sect",
    "art", "p", "pp", "fig",
];

/// Units written with a power (`km2`, `m3`), which are not footnote markers.
const UNITS: [&str; 12] = [
    "m", "km", "cm", "mm", "dm", "ha", "ft", "mi", "nm", "kg", "g", "t",
];

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript_value(ch: char) -> Option<u32> {
    SUPERSCRIPT_DIGITS
        .iter()
        .position(|&d| d == ch)
        .map(|v| v as u32)
}

/// Find footnote reference candidates in the three written forms (TXT005).
fn find_markers(text: &str, body_start: usize) -> Vec<MarkerCandidate> {
    let mut markers = Vec::new();
    let body = &text[body_start.min(text.len())..];
    if body.contains("[^") {
        for c in BRACKET_MARKER.captures_iter(body) {
            let m = c.get(0).expect("match");
            markers.push(MarkerCandidate {
                number: c.get(1).expect("group").as_str().parse().unwrap_or(0),
                range: ByteRange::new(body_start + m.start(), body_start + m.end()),
                form: MarkerForm::Bracketed,
                after_punctuation: true,
                punctuation_after: punctuation_at(text, body_start + m.end()),
            });
        }
    }
    if !body.is_ascii() {
        let mut chars = body.char_indices().peekable();
        while let Some((start, ch)) = chars.next() {
            let Some(mut value) = superscript_value(ch) else {
                continue;
            };
            let mut end = start + ch.len_utf8();
            while let Some(&(next_start, next)) = chars.peek() {
                match superscript_value(next) {
                    Some(digit) => {
                        value = value * 10 + digit;
                        end = next_start + next.len_utf8();
                        chars.next();
                    }
                    None => break,
                }
            }
            if value > 0 {
                markers.push(MarkerCandidate {
                    number: value,
                    range: ByteRange::new(body_start + start, body_start + end),
                    form: MarkerForm::Superscript,
                    after_punctuation: true,
                    punctuation_after: punctuation_at(text, body_start + end),
                });
            }
        }
    }
    let all_tokens: Vec<(usize, &str)> = tokens(body).collect();
    for (position, &(token_start, token)) in all_tokens.iter().enumerate() {
        let offset = body_start + token_start;
        let next = all_tokens.get(position + 1).map_or("", |t| t.1);
        // `General,1 2`: a second marker written apart from the first.
        if let Some(previous) = position.checked_sub(1).map(|p| all_tokens[p])
            && let Some(digits) = spaced_chain(previous.1, token, next)
        {
            markers.push(MarkerCandidate {
                number: token[..digits].parse().unwrap_or(0),
                range: ByteRange::new(offset, offset + digits),
                form: MarkerForm::Chained,
                after_punctuation: true,
                punctuation_after: None,
            });
            continue;
        }
        // `General,1-2`, `General,1–2`, `General,1;2`: the first marker is read
        // below, from the token cut before the separator.
        let chain = joined_chain(token, next);
        if let Some((_, second)) = chain {
            markers.push(MarkerCandidate {
                number: token[second.start..second.end].parse().unwrap_or(0),
                range: ByteRange::new(offset + second.start, offset + second.end),
                form: MarkerForm::Chained,
                after_punctuation: true,
                punctuation_after: None,
            });
        }
        if chain.is_none()
            && let Some((start, digits, number)) =
                detached_marker(token, position + 1 == all_tokens.len())
        {
            markers.push(MarkerCandidate {
                number,
                range: ByteRange::new(offset + start, offset + start + digits),
                form: MarkerForm::Detached,
                after_punctuation: false,
                punctuation_after: None,
            });
            continue;
        }
        let mut end = chain.map_or(token.len(), |(separator, _)| separator.start);
        // Several markers at one point are comma-separated: `General,1,2`.
        while let Some(marker) = glued_marker(&token[..end]) {
            // `60/212 of 22 December 2005` and `64/269, 65/289`: a citation or a
            // list of symbols, not `60/21` + marker 2.
            let cited = (next == "of" && marker.punctuation_after.is_none())
                || next.contains('/')
                || next.starts_with(|c: char| c.is_ascii_digit());
            if marker.form == MarkerForm::AfterSymbol && cited {
                break;
            }
            // `reports,1) progress …, 2) …`: an inline enumeration label, not
            // a marker inside brackets (`(… Bandar Abbas21),`), when no bracket
            // is open before it.
            let before_digits = &body[..token_start + marker.range.start];
            if token[marker.range.end..].starts_with(')')
                && before_digits.matches('(').count() <= before_digits.matches(')').count()
            {
                break;
            }
            markers.push(MarkerCandidate {
                range: ByteRange::new(offset + marker.range.start, offset + marker.range.end),
                punctuation_after: marker
                    .punctuation_after
                    .map(|r| ByteRange::new(offset + r.start, offset + r.end)),
                ..marker
            });
            let before = &token[..marker.range.start];
            if marker.after_punctuation
                && before.ends_with(',')
                && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
            {
                end = marker.range.start - 1;
            } else {
                break;
            }
        }
    }
    split_candidates(body, body_start, &all_tokens, &mut markers);
    markers.sort_by_key(|m| (m.range.start, m.range.end));
    markers
}

/// [`MarkerForm::Split`] readings of the numbers in a line: the last one or two
/// digits of a number (`218`, `21/124`, `20169`), and the first one or two of a
/// symbol glued after a comma (`2012,727/5`).
fn split_candidates(
    body: &str,
    body_start: usize,
    tokens: &[(usize, &str)],
    markers: &mut Vec<MarkerCandidate>,
) {
    let mut push = |start: usize, digits: &str| {
        if digits.starts_with('0') {
            return;
        }
        if let Ok(number) = digits.parse() {
            markers.push(MarkerCandidate {
                number,
                range: ByteRange::new(body_start + start, body_start + start + digits.len()),
                form: MarkerForm::Split,
                after_punctuation: false,
                punctuation_after: None,
            });
        }
    };
    for (position, &(token_start, token)) in tokens.iter().enumerate() {
        let trimmed = token.trim_end_matches([',', ';', ':', '.', ')', '”', '’']);
        // The digits ending the token, after a number (not a word: `Countries1`
        // is a glued marker the lexer already reads).
        let run = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let before = &trimmed[..trimmed.len() - run];
        // A number on its own needs three digits (`218`, not the day in `27
        // September`).
        // Nor does a marker stand between a symbol and its date (`21/12 of 27
        // September`).
        let next = tokens.get(position + 1).map_or("", |t| t.1);
        let after_next = tokens.get(position + 2).map_or("", |t| t.1);
        let next_is_month = super::MONTHS.iter().any(|m| next.starts_with(m));
        // A year after its month (`19 December 2011`) keeps its four digits; a
        // marker glued to it is an `AfterYear` reading.
        let after_month = position
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|(_, previous)| super::MONTHS.contains(previous));
        // Unless the symbol is a session decision (`5/64 of 2 March`: decision 5/6
        // of the Environment Assembly, marker 4), whose number after the slash
        // is a single digit more often than two.
        let session_decision =
            before.len() == 2 && before.starts_with(|c: char| c.is_ascii_digit());
        let before_its_date = next == "of"
            && after_next.starts_with(|c: char| c.is_ascii_digit())
            && !session_decision;
        // A figure alone in a table cell (`Vessel<TAB>9010723`) is a figure.
        let cell_figure = before.is_empty()
            && body[..token_start].ends_with('\t')
            && body[token_start + token.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '\t');
        // A year standing alone (`the occupation that began in 1967`), after a
        // prefix (`pre-1967`) or ending a range (`2016–2019`) is a year, not
        // `196` and marker 7: a marker glued to a year makes five digits or
        // more (`20044`, an `AfterYear` reading and a split one).
        let hyphen = before.ends_with(['-', '\u{2011}', '–']);
        let prefix = before.trim_end_matches(['-', '\u{2011}', '–']);
        let year = run == 4
            && trimmed[before.len()..]
                .parse::<u32>()
                .is_ok_and(|year| (1900..=2099).contains(&year))
            && (before.is_empty()
                || hyphen && prefix.ends_with(|c: char| c.is_ascii_digit() || c.is_lowercase()));
        // A number before its session or year is a resolution's
        // (`resolution 2621 (XXV)`, `resolution 2467 (2019)`).
        let session = next.trim_end_matches([',', ';', ':', '.']);
        let before_its_session = trimmed.len() == token.len()
            && session.len() > 2
            && session.starts_with('(')
            && session.ends_with(')')
            && {
                let inner = &session[1..session.len() - 1];
                inner.len() == 4 && inner.chars().all(|c| c.is_ascii_digit())
                    || inner.chars().all(|c| "IVXLC".contains(c))
            };
        // A designation of letters and a number keeps two digits (`COVID-19`,
        // and `COVID‑1918` with marker 18).
        let name = prefix.trim_start_matches(['(', '“', '"']);
        let designation =
            hyphen && !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase());
        let kept = if designation { 2 } else { 1 };
        let after_number = !before_its_date
            && !cell_figure
            && !year
            && !before_its_session
            && ((before.is_empty() && run >= 3 && !next_is_month && !after_month)
                || before.ends_with(['/', '-', '\u{2011}', '–', '.']));
        if run > kept && after_number {
            for length in 1..=2.min(run - kept) {
                let start = trimmed.len() - length;
                push(token_start + start, &trimmed[start..]);
            }
        }
        // A marker after a full stop that ends a sentence on a number (`in
        // 2020.3 In 2020, …`).
        if before.ends_with('.')
            && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
            && (1..=3).contains(&run)
            && next.starts_with(|c: char| c.is_uppercase())
        {
            push(
                token_start + trimmed.len() - run,
                &trimmed[trimmed.len() - run..],
            );
        }
        // Digits glued to an acronym or a roman numeral, which the lexer does
        // not read as a marker (`G77`): `HIV/AIDS10`, `INTERPOL1`, `Protocol V8`.
        let word = before.rsplit(['/', '(', '“']).next().unwrap_or(before);
        let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
            || (word.len() == 1 && "IVX".contains(word));
        if acronym && (1..=3).contains(&run) {
            for length in 1..=run {
                let start = trimmed.len() - length;
                push(token_start + start, &trimmed[start..]);
            }
        }
        // `2012,727/5`: a marker glued before the next symbol of a list.
        let mut from = 0;
        while let Some(comma) = token[from..].find([',', ';']).map(|i| from + i) {
            let rest = &token[comma + 1..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits >= 2 && rest[digits..].starts_with('/') {
                for length in 1..=2.min(digits - 1) {
                    if !rest[length..].starts_with('0') {
                        push(token_start + comma + 1, &rest[..length]);
                    }
                }
            }
            // A special session's symbol (`2016,20S-25/1`) starts with its letter.
            if (1..=3).contains(&digits) && rest[digits..].starts_with("S-") {
                push(token_start + comma + 1, &rest[..digits]);
            }
            from = comma + 1;
        }
    }
    // Drop readings that repeat one the lexer already has.
    let taken: Vec<(ByteRange, u32)> = markers
        .iter()
        .filter(|m| m.form != MarkerForm::Split)
        .map(|m| (m.range, m.number))
        .collect();
    markers.retain(|m| m.form != MarkerForm::Split || !taken.contains(&(m.range, m.number)));
    markers.dedup_by_key(|m| (m.range, m.number));
}

/// Superscript lower-case letters (modifier letters), as rich text pasted as
/// plain text writes letter indicators: `Countriesᵃ`.
const SUPERSCRIPT_LETTERS: &str = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ";

/// Symbols used as footnote indicators; the asterisk is not among them (it
/// marks election decisions, reissue notes and the keys of annexed lists).
const INDICATOR_SYMBOLS: [char; 2] = ['†', '‡'];

/// Footnote indicators that are not numbers (FTN001): `[^a]` or `[^†]`
/// anywhere; a superscript letter or a dagger glued to a word or mark
/// (`Countriesᵃ`, `Countries,†`); and, at the margin, a letter or a dagger then
/// a space and a capital or a figure (`a Report of …`, `† A/68/212.`), which
/// the structure reads as a footnote text only in the footnote zone.
fn other_indicators(text: &str, indent: usize) -> Vec<OtherIndicator> {
    let mut out = Vec::new();
    let ascii = text.is_ascii();
    if ascii && !text.contains("[^") && !(indent == 0 && text.as_bytes().get(1) == Some(&b' ')) {
        return out;
    }
    let mut from = 0;
    while let Some(at) = text[from..].find("[^").map(|i| from + i) {
        let rest = &text[at + 2..];
        if let Some(inner) = rest
            .split(']')
            .next()
            .filter(|inner| rest.len() > inner.len())
        {
            let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
            let symbol = inner.chars().count() == 1 && inner.starts_with(INDICATOR_SYMBOLS);
            if letter || symbol {
                out.push(OtherIndicator {
                    indicator: inner.to_owned(),
                    range: ByteRange::new(at, at + 3 + inner.len()),
                });
            }
        }
        from = at + 2;
    }
    if indent == 0 {
        let mut chars = text.chars();
        let first = chars.next();
        let second = chars.next();
        let third = chars.find(|c| *c != ' ');
        if let (Some(first), Some(' '), Some(third)) = (first, second, third)
            && (first.is_ascii_lowercase() || INDICATOR_SYMBOLS.contains(&first))
            && (third.is_uppercase() || third.is_ascii_digit())
        {
            out.push(OtherIndicator {
                indicator: first.to_string(),
                range: ByteRange::new(0, first.len_utf8()),
            });
        }
    }
    if !ascii {
        let mut previous: Option<char> = None;
        for (at, ch) in text.char_indices() {
            let glued = previous.is_some_and(|p| {
                p.is_alphabetic() || matches!(p, ',' | ';' | ':' | '.' | ')' | '”' | '’')
            });
            let indicator = SUPERSCRIPT_LETTERS.contains(ch)
                && !previous.is_some_and(|p| SUPERSCRIPT_LETTERS.contains(p))
                && !text[at + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| SUPERSCRIPT_LETTERS.contains(n))
                || INDICATOR_SYMBOLS.contains(&ch);
            if indicator && glued && !out.iter().any(|o| o.range.start <= at && at < o.range.end) {
                out.push(OtherIndicator {
                    indicator: ch.to_string(),
                    range: ByteRange::new(at, at + ch.len_utf8()),
                });
            }
            previous = Some(ch);
        }
    }
    out.sort_by_key(|o| o.range.start);
    out
}

/// `General,1 2`: the length of the digits of `token` when it is a second
/// marker written apart from a marker glued to `previous` (ascending, one or
/// two digits), unless it starts a date or a count (`Day,5 9 December`,
/// `Convention,5 10 States`).
fn spaced_chain(previous: &str, token: &str, next: &str) -> Option<usize> {
    let digits = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) || token.starts_with('0') || token.len() != digits {
        return None;
    }
    let first = glued_marker(previous)?;
    if first.form != MarkerForm::Glued
        || first.range.end != previous.len()
        || first.punctuation_after.is_some()
    {
        return None;
    }
    let first_number = first.number;
    let number: u32 = token.parse().ok()?;
    let next_word = next.trim_end_matches([',', ';', ':', '.']);
    // The text goes on after the markers (`2 and the reports`), or the line
    // ends; not a count (`2 per cent`, `2 million`).
    let goes_on = next.is_empty()
        || next_word.chars().next().is_some_and(|c| c.is_lowercase())
            && !matches!(next_word, "per" | "million" | "billion" | "times");
    (number > first_number && goes_on && !super::MONTHS.contains(&next_word)).then_some(digits)
}

/// `General,1-2`, `General,1–2`, `General,1;2`: the separator and the second
/// marker of a chain inside one token, when what precedes the separator is a
/// glued marker and the numbers ascend (not `Beijing,4–15 September`, a date
/// range, nor `Corr.1–3`, `SR.11–13`, parts of a symbol).
fn joined_chain(token: &str, next: &str) -> Option<(ByteRange, ByteRange)> {
    let end = token.trim_end_matches([',', ';', ':', '.']).len();
    let body = &token[..end];
    let second_start = body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let second = &body[second_start..];
    if !(1..=2).contains(&second.len()) || second.starts_with('0') {
        return None;
    }
    let separator = body[..second_start].chars().next_back()?;
    if !matches!(separator, '-' | '–' | ';') {
        return None;
    }
    let separator_start = second_start - separator.len_utf8();
    let first = glued_marker(&token[..separator_start])?;
    if first.form != MarkerForm::Glued
        || !first.after_punctuation
        || first.range.end != separator_start
        || first.punctuation_after.is_some()
        || first.range.end - first.range.start > 2
    {
        return None;
    }
    let before = &token[..first.range.start];
    if before.contains(['/', '.']) {
        return None;
    }
    let first_number = first.number;
    let number: u32 = second.parse().ok()?;
    let month = super::MONTHS.contains(&next.trim_end_matches([',', ';', ':', '.']));
    (number > first_number && !month).then_some((
        ByteRange::new(separator_start, second_start),
        ByteRange::new(second_start, end),
    ))
}

/// `6and` (a marker glued to the next word) or a lone `1` ending the line.
fn detached_marker(token: &str, last: bool) -> Option<(usize, usize, u32)> {
    let (start, digits) = detached_digits(token)?;
    if digits == 0 || digits > 2 || token[start..].starts_with('0') {
        return None;
    }
    let rest = &token[start + digits..];
    let before = &token[..start];
    // Between the letters of two words or inside a long one (`Paris
    // Agreement4and its`, `with a view to doublin4g their share`): the
    // renderer put the marker where the official text has it.
    let between_letters = before.chars().count() > 1 && before.chars().all(char::is_alphabetic);
    let glued_to_word = (rest.len() > 1 || between_letters && !rest.is_empty())
        && rest.chars().all(|c| c.is_ascii_lowercase());
    let alone_at_end = rest.is_empty() && last && start == 0;
    if !(glued_to_word || alone_at_end) {
        return None;
    }
    // After one letter (`a21nd`), the letters around the digits make a word
    // the renderer split: the marker belongs before it.
    if start > 0 && !between_letters && !before.ends_with([',', ';', ':']) {
        let joined = format!("{}{rest}", &token[..start]);
        if !SPLIT_WORDS.contains(&joined.as_str()) {
            return None;
        }
    }
    Some((start, digits, token[start..start + digits].parse().ok()?))
}

/// Short words that renderings split with a marker after their first letter
/// (`a21nd`, `t7he`): the marker belongs to the text before them.
const SPLIT_WORDS: [&str; 14] = [
    "and", "the", "that", "this", "these", "to", "in", "of", "on", "for", "with", "as", "which",
    "who",
];

/// Where the digits of a detached marker start and how many there are: at the
/// start of the token (`6and`), after a mark glued to the word before
/// (`Agreement,38and`), or after the first letter of a split word (`t7he`).
fn detached_digits(token: &str) -> Option<(usize, usize)> {
    let start = match token.find(|c: char| c.is_ascii_digit())? {
        0 => 0,
        at => {
            let before = &token[..at];
            let after_mark = before.len() > 1
                && before.ends_with([',', ';', ':'])
                && before[..before.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | '”' | '’'));
            let in_word = before.len() == 1 && before.chars().all(|c| c.is_ascii_lowercase());
            // `Agreement4and`, `doublin4g`: a word that ends in a small letter.
            let between_letters = before.chars().count() > 1
                && before.chars().all(char::is_alphabetic)
                && before.ends_with(|c: char| c.is_lowercase());
            if !(after_mark || in_word || between_letters) {
                return None;
            }
            at
        }
    };
    let digits = token[start..].len()
        - token[start..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    Some((start, digits))
}

fn punctuation_at(text: &str, at: usize) -> Option<ByteRange> {
    text[at..]
        .starts_with([',', ';', ':', '.'])
        .then(|| ByteRange::new(at, at + 1))
}

/// Whitespace-separated tokens with their byte offsets. Offsets come from the
/// split itself: the separators differ in width (U+00A0 is two bytes).
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    const SEPARATORS: [char; 3] = [' ', '\t', '\u{a0}'];
    text.split_inclusive(SEPARATORS)
        .scan(0usize, |offset, piece| {
            let start = *offset;
            *offset += piece.len();
            Some((start, piece.strip_suffix(SEPARATORS).unwrap_or(piece)))
        })
        .filter(|(_, token)| !token.is_empty())
}

/// A marker glued to the end of a whitespace-separated token, with ranges relative
/// to the token.
fn glued_marker(token: &str) -> Option<MarkerCandidate> {
    let bytes = token.as_bytes();
    if !bytes.last()?.is_ascii_digit() && !bytes.last()?.is_ascii_punctuation() {
        return None;
    }
    // Trailing punctuation after the digits: `session2,` (wrong side, FTN003).
    let mut end = token.len();
    let mut punctuation_after = None;
    if matches!(bytes[end - 1], b',' | b';' | b':' | b'.') {
        punctuation_after = Some(ByteRange::new(end - 1, end));
        end -= 1;
    }
    // A marker inside brackets or quotes: `(… Bandar Abbas21),`.
    let closed = token[..end].trim_end_matches([')', ']', '”', '’', '"']);
    if closed.len() < end && closed.ends_with(|c: char| c.is_ascii_digit()) {
        end = closed.len();
        punctuation_after = None;
    }
    let digits_start = token[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| {
            i + token[i..].chars().next().map_or(1, char::len_utf8)
        });
    let digits = &token[digits_start..end];
    if digits.is_empty() {
        return None;
    }
    let before = &token[..digits_start];
    let Some(last_before) = before.chars().next_back() else {
        return year_marker(token, digits_start, end, punctuation_after);
    };
    let (word, after_punctuation) = match last_before {
        ',' | ';' | ':' | '.' => (&before[..before.len() - 1], true),
        ')' | ']' | '”' | '’' | '"' => (before, true),
        c if c.is_alphabetic() => (before, false),
        '/' => return symbol_marker(token, digits_start, end, punctuation_after),
        _ => {
            return year_marker(token, digits_start, end, punctuation_after);
        }
    };
    if digits.len() > 3 || digits.starts_with('0') {
        return None;
    }
    if word.contains('/') && !matches!(last_before, ',' | ';') {
        // Digits inside a symbol (`A/68/443/Add.2`), not a marker.
        return None;
    }
    // `resolution 42/12,18`, `Agenda 21,2`, `for 2019,1`: a marker after a
    // symbol or a number and a comma.
    let after_number = after_punctuation
        && matches!(last_before, ',' | ';')
        && (word.contains('/') || word.ends_with(|c: char| c.is_ascii_digit()));
    // `1,137 students`: a group of thousands, not marker 137 after `1,`.
    let figure_run = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    // After a symbol (`resolution 5/14,118`) the digits are a marker.
    if after_number
        && last_before == ','
        && digits.len() == 3
        && (1..=3).contains(&figure_run)
        && !word.contains('/')
    {
        return None;
    }
    // `9 June 2017.3`: a year that ends a sentence, then its marker. Taken, as
    // other readings after a year, only to fill a gap.
    if last_before == '.'
        && word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|year| (1945..=2099).contains(&year))
    {
        return Some(MarkerCandidate {
            number: digits.parse().ok()?,
            range: ByteRange::new(digits_start, end),
            form: MarkerForm::AfterYear,
            after_punctuation: true,
            punctuation_after,
        });
    }
    if after_punctuation && !after_number && !ends_like_a_word(word) {
        // `5,6` or `2.5`: numbers, not markers.
        return None;
    }
    // Document parts and pinpoints: `Add.1`, `Rev.2`, `No.3`, `para.4`.
    if last_before == '.' && ABBREVIATIONS.contains(&word.trim_start_matches(['(', '['])) {
        return None;
    }
    // Sales numbers and section pinpoints: `E.93.I.8`.
    if last_before == '.' && word.contains('.') && word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if !after_punctuation && word.contains('.') {
        // `B.l1`, `No.1`: codes and abbreviations.
        return None;
    }
    if !after_punctuation {
        // Acronyms and formulas (`G77`, `UF6`, `COVID19`) and units (`km2`, `m3`).
        if letters.iter().all(|c| c.is_uppercase()) {
            return None;
        }
        if UNITS.contains(&word) {
            return None;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    Some(MarkerCandidate {
        number: digits.parse().ok()?,
        range: ByteRange::new(digits_start, end),
        form: MarkerForm::Glued,
        after_punctuation,
        // `Rights,1.`: the marker already follows a mark; what comes after is text.
        // After a closing quote or bracket (`”1,`) it still stands before the mark.
        punctuation_after: if matches!(last_before, ',' | ';' | ':' | '.') {
            None
        } else {
            punctuation_after
        },
    })
}

/// The text before a marker ends with a word, a closing bracket or quote, or an
/// earlier marker of the same chain (`General,1` in `General,1,2`).
fn ends_like_a_word(word: &str) -> bool {
    let mut word = word;
    loop {
        let trimmed = word.trim_end_matches(|c: char| c.is_ascii_digit());
        if trimmed.len() < word.len() && trimmed.ends_with(',') {
            word = &trimmed[..trimmed.len() - 1];
            continue;
        }
        // An abbreviation's full stop (`1 p.m.,1`) ends a word too.
        let word = word
            .strip_suffix('.')
            .filter(|rest| rest.ends_with(|c: char| c.is_ascii_lowercase()))
            .unwrap_or(word);
        return word
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | ']' | '”' | '’' | '"'));
    }
}

/// `59/3009`: resolution 59/300 with marker 9 glued on (only the last digit; the
/// analysis accepts it only as the next expected footnote).
fn symbol_marker(
    token: &str,
    digits_start: usize,
    end: usize,
    punctuation_after: Option<ByteRange>,
) -> Option<MarkerCandidate> {
    let digits = &token[digits_start..end];
    // Only a bare `59/3009`: before a comma (`64/263, section II`) the digits are
    // far more often the resolution's own.
    if punctuation_after.is_some()
        || digits.len() < 3
        || digits.ends_with('0')
        || token.matches('/').count() != 1
    {
        return None;
    }
    Some(MarkerCandidate {
        number: digits[digits.len() - 1..].parse().ok()?,
        range: ByteRange::new(end - 1, end),
        form: MarkerForm::AfterSymbol,
        after_punctuation: false,
        punctuation_after,
    })
}

/// `20191` in "for 20191 and": a year with a marker glued on.
fn year_marker(
    token: &str,
    digits_start: usize,
    end: usize,
    punctuation_after: Option<ByteRange>,
) -> Option<MarkerCandidate> {
    let digits = &token[digits_start..end];
    // The year stands alone or ends a range: `for 20191`, `2015–20303`.
    let standalone = digits_start == 0 || token[..digits_start].ends_with(['–', '-']);
    if !standalone || !(5..=7).contains(&digits.len()) {
        return None;
    }
    let year: u32 = digits[..4].parse().ok()?;
    if !(1945..=2099).contains(&year) || digits[4..].starts_with('0') {
        return None;
    }
    Some(MarkerCandidate {
        number: digits[4..].parse().ok()?,
        range: ByteRange::new(digits_start + 4, end),
        form: MarkerForm::AfterYear,
        after_punctuation: false,
        punctuation_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidates other than detached ones (which the analysis accepts only as
    /// the next expected footnote).
    fn markers(text: &str) -> Vec<(u32, MarkerForm)> {
        lex_line(text)
            .markers
            .iter()
            .filter(|m| !matches!(m.form, MarkerForm::Detached | MarkerForm::Split))
            .map(|m| (m.number, m.form))
            .collect()
    }

    #[test]
    fn seed_markers() {
        use MarkerForm::Glued;
        assert_eq!(
            markers("\tReaffirming also its resolution, Developing Countries,1"),
            vec![(1, Glued)]
        );
        assert_eq!(
            markers(
                "\t1.\tTakes note of the report on its seventeenth session,2 the decisions taken at that session3 and"
            ),
            vec![(2, Glued), (3, Glued)]
        );
        assert_eq!(markers("the Secretary-General;6"), vec![(6, Glued)]);
    }

    #[test]
    fn not_markers() {
        for text in [
            "the Group of 77 and the G77 and G5 and UF6 and 10 m3 of COVID-19",
            "Sales No. E.93.I.8 and A/68/443/Add.2 and 2030 Agenda",
            "resolution 1325 (2000), paragraph 5",
        ] {
            assert_eq!(markers(text), vec![], "{text}");
        }
    }

    #[test]
    fn other_forms() {
        assert_eq!(
            markers("Countries,[^1] and Rights¹²"),
            vec![(1, MarkerForm::Bracketed), (12, MarkerForm::Superscript)]
        );
        assert_eq!(markers("for 20191 and"), vec![(1, MarkerForm::AfterYear)]);
        assert_eq!(
            markers("Framework 2015–20303 to"),
            vec![(3, MarkerForm::AfterYear)]
        );
        assert_eq!(markers("for 2019,1"), vec![(1, MarkerForm::Glued)]);
        assert_eq!(markers("2.5 per cent and 1,000 people"), vec![]);
        assert_eq!(
            markers("resolution 42/12,18 and Agenda 21,2 and (No.182),14"),
            vec![
                (18, MarkerForm::Glued),
                (2, MarkerForm::Glued),
                (14, MarkerForm::Glued)
            ]
        );
    }

    #[test]
    fn an_inline_enumeration_label_is_no_marker() {
        assert_eq!(
            markers("to assess in his regular reports,1) progress achieved, 2) implementation"),
            vec![]
        );
        assert_eq!(
            markers("the port (at Bandar Abbas21), and"),
            vec![(21, MarkerForm::Glued)]
        );
    }

    #[test]
    fn chained_markers() {
        use MarkerForm::{Chained, Glued};
        for text in [
            "the reports of the Secretary-General,1 2 and",
            "the reports of the Secretary-General,1-2 and",
            "the reports of the Secretary-General,1–2 and",
            "the reports of the Secretary-General,1;2 and",
            "the reports of the Secretary-General,1 2",
        ] {
            assert_eq!(markers(text), vec![(1, Glued), (2, Chained)], "{text}");
        }
        assert_eq!(
            lex_line("\tNoting the reports of the Secretary-General,1-2").body(),
            "Noting the reports of the Secretary-General,"
        );
        for text in [
            "Human Rights Day,5 9 December as the Day",
            "the Conference, Beijing,4–15 September 1995",
            "document C 2009/REP and Corr.1–3, appendix E",
            "See A/C.6/56/SR.11–13, A/C.6/56/SR.15–19",
            "decision EC-94/DEC.2;11",
            "the Convention,5 10 States have",
        ] {
            assert!(
                !lex_line(text).markers.iter().any(|m| m.form == Chained),
                "{text}"
            );
        }
    }

    #[test]
    fn letter_and_symbol_indicators() {
        let found = |text: &str| -> Vec<String> {
            lex_line(text)
                .other_indicators
                .into_iter()
                .map(|o| o.indicator)
                .collect()
        };
        assert_eq!(
            found("\tNoting the report,[^a] and the note[^†]"),
            ["a", "†"]
        );
        assert_eq!(
            found("\tNoting the report of the Countriesᵃ and the note,†"),
            ["ᵃ", "†"]
        );
        assert_eq!(found("a Report of the Secretary-General."), ["a"]);
        assert_eq!(found("† A/68/212."), ["†"]);
        for text in [
            "\tNoting the report, a note and a [^1] marker",
            "a matter of concern",
            "\ta Report",
            "TOSEE TAAVON BANK*",
            "* To be notified in advance.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn detached_candidates() {
        let detached = |text: &str| -> Vec<u32> {
            lex_line(text)
                .markers
                .iter()
                .filter(|m| m.form == MarkerForm::Detached)
                .map(|m| m.number)
                .collect()
        };
        assert_eq!(detached("the Occupied Palestinian Territory 1"), vec![1]);
        assert_eq!(
            detached("Nuclear Weapons 6and the opinion, 7in which"),
            vec![6, 7]
        );
        assert_eq!(detached("on 1 July and 2 more"), Vec::<u32>::new());
        // Glued after the mark before it, or splitting a short word.
        assert_eq!(
            detached("the Paris Agreement,38and the plan, a21nd the outcome, t7he end"),
            vec![38, 21, 7]
        );
        assert_eq!(
            detached("the item b12ank, x3yz and Add.2and"),
            Vec::<u32>::new()
        );
        // Between two words or inside a long one, after a small letter.
        assert_eq!(
            detached("the Paris Agreement4and its, a view to doublin4g their"),
            vec![4, 4]
        );
        assert_eq!(
            detached("the DAC2a table, H5N1 and mid2020s, HIV/AIDS4and"),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn a_marker_after_a_year_that_ends_a_sentence() {
        let line = lex_line("held from 5 to 9 June 2017.3 It also noted 2.5 per cent.");
        let after_year: Vec<_> = line
            .markers
            .iter()
            .filter(|m| m.form == MarkerForm::AfterYear)
            .map(|m| m.number)
            .collect();
        assert_eq!(after_year, vec![3]);
    }

    #[test]
    fn markers_glued_to_symbols_acronyms_and_abbreviations() {
        // Every candidate reading, split ones included (`markers` leaves those out).
        let candidates = |text: &str| -> Vec<(u32, MarkerForm)> {
            lex_line(text)
                .markers
                .iter()
                .map(|m| (m.number, m.form))
                .collect()
        };
        assert!(candidates("on COVID\u{2011}1918 and").contains(&(18, MarkerForm::Split)));
        assert!(candidates("resolution 5/14,118 and").contains(&(118, MarkerForm::Glued)));
        assert!(candidates("to 1 p.m.,1 including").contains(&(1, MarkerForm::Glued)));
        assert!(candidates("resolutions 5/64 of 2 March").contains(&(4, MarkerForm::Split)));
        assert!(!candidates("resolutions 21/12 of 27 September").contains(&(2, MarkerForm::Split)));
        assert!(candidates("2016,20S-25/1 of").contains(&(20, MarkerForm::Split)));
        // A year standing alone stays whole; with a marker glued on it has five
        // digits.
        assert_eq!(candidates("the occupation that began in 1967 and"), vec![]);
        assert!(candidates("adopted in 20044 and").contains(&(4, MarkerForm::AfterYear)));
        assert!(candidates("of 19072 and").contains(&(2, MarkerForm::Split)));
        assert!(candidates("Agenda 218 and").contains(&(8, MarkerForm::Split)));
        assert_eq!(
            candidates("the pre\u{2011}1967 borders, in 2016–2019 and"),
            vec![]
        );
        assert_eq!(
            candidates("resolutions 2621 (XXV) and 2467 (2019),"),
            vec![]
        );
        assert_eq!(candidates("the (COVID-19) pandemic"), vec![]);
        assert_eq!(detached_marker("w14hich", false), Some((1, 2, 14)));
    }

    #[test]
    fn a_group_of_thousands_is_not_a_marker() {
        assert_eq!(markers("has graduated 1,137 students"), vec![]);
    }

    #[test]
    fn marker_before_punctuation_is_noted() {
        let line = lex_line("on its seventeenth session2, the decisions");
        let marker = line.markers[0];
        assert_eq!(marker.number, 2);
        assert!(marker.punctuation_after.is_some());
    }

    #[test]
    fn content_end_skips_trailing_markers() {
        let line = lex_line("\tReaffirming also its resolution, Developing Countries,1");
        assert_eq!(line.final_char().map(|(_, c)| c), Some(','));
        let line = lex_line("\tNoting the reports of the Secretary-General,1,2 ");
        assert_eq!(line.final_char().map(|(_, c)| c), Some(','));
        assert!(line.body().ends_with("General,"));
    }

    #[test]
    fn number_without_full_stop() {
        let line = lex_line("\t3\tCalls upon all Member States");
        assert!(matches!(
            line.shape,
            LineShape::MalformedNumber { number: 3, .. }
        ));
        assert_eq!(line.body(), "Calls upon all Member States");
    }

    #[test]
    fn marker_ranges_after_a_no_break_space() {
        // U+00A0 is two bytes: every range after it must still cover the digits.
        for text in ["a\u{a0}é1,", "\tNoting\u{a0}its session1,", "\u{a0}’2"] {
            let line = lex_line(text);
            for marker in &line.markers {
                let digits = &text[marker.range.start..marker.range.end];
                assert!(
                    digits.starts_with("[^") || digits.chars().all(|c| c.is_ascii_digit()),
                    "{text:?}: {digits:?}"
                );
            }
        }
    }

    #[test]
    fn annex_heading_with_title() {
        let line = lex_line("\t\tAnnex A: Joint Comprehensive Plan of Action");
        assert!(matches!(line.shape, LineShape::AnnexHeading));
    }

    #[test]
    fn shapes() {
        assert!(matches!(
            lex_line("\t12.\tCalls upon").shape,
            LineShape::Numbered { number: 12, .. }
        ));
        assert!(matches!(
            lex_line("12.").shape,
            LineShape::Numbered { number: 12, .. }
        ));
        assert!(matches!(
            lex_line("68/230.\tSouth-South cooperation").shape,
            LineShape::Title { .. }
        ));
        assert!(matches!(
            lex_line("\t(iv)\tText").shape,
            LineShape::Subparagraph { .. }
        ));
        assert!(matches!(
            lex_line("\tThe General Assembly,").shape,
            LineShape::Organ {
                known: true,
                comma: true
            }
        ));
        assert!(matches!(
            lex_line("71st plenary meeting").shape,
            LineShape::ClosingMeeting
        ));
        assert!(matches!(
            lex_line("52nd (resumed) plenary meeting").shape,
            LineShape::ClosingMeeting
        ));
        assert!(matches!(
            lex_line("20 December 2013").shape,
            LineShape::Date
        ));
        for closing in [
            "62e séance plénière",
            "1re séance plénière",
            "62ª sesión plenaria",
            "62a. sesión plenaria (continuación)",
        ] {
            assert_eq!(
                lex_line(closing).shape,
                LineShape::ClosingMeeting,
                "{closing}"
            );
        }
        for date in ["28 avril 2021", "1er mai 2021", "28 de abril de 2021"] {
            assert_eq!(lex_line(date).shape, LineShape::Date, "{date}");
        }
        assert_ne!(lex_line("28 avril de 2021").shape, LineShape::Date);
        assert!(matches!(
            lex_line("3 Ibid., chap. I.").shape,
            LineShape::FootnoteCandidate { number: 3, .. }
        ));
        assert!(matches!(
            lex_line("[^3]: Ibid.").shape,
            LineShape::FootnoteDefinition { number: 3, .. }
        ));
        assert!(matches!(
            lex_line("[DU1]<<ODS JOB NO>>N1345325E<<ODS JOB NO>>").shape,
            LineShape::OdsTrailer
        ));
        assert!(matches!(lex_line("[DU1]").shape, LineShape::Artifact));
        assert!(matches!(
            lex_line("\tII").shape,
            LineShape::SectionNumber {
                has_title: false,
                ..
            }
        ));
        let titled = lex_line("\tII.\tStrategic vision");
        assert!(matches!(
            titled.shape,
            LineShape::SectionNumber {
                has_title: true,
                ..
            }
        ));
        assert_eq!(titled.body(), "Strategic vision");
        // One letter with a title is a letter heading: the sequence decides.
        assert!(matches!(
            lex_line("\tI.\tIntroduction").shape,
            LineShape::LetterHeading { letter: 'I', .. }
        ));
        assert!(matches!(
            lex_line("B\tUnited Nations global communications").shape,
            LineShape::LetterHeading {
                letter: 'B',
                has_title: true
            }
        ));
        assert!(matches!(
            lex_line("\t12) Calls upon").shape,
            LineShape::MalformedNumber { number: 12, .. }
        ));
        assert!(matches!(
            lex_line("\tb) To do").shape,
            LineShape::MalformedSubparagraph { .. }
        ));
        assert!(matches!(
            lex_line("Annex II").shape,
            LineShape::AnnexHeading
        ));
        assert!(matches!(
            lex_line("_______________").shape,
            LineShape::Separator
        ));
        assert!(matches!(lex_line("   ").shape, LineShape::Blank));
        assert!(matches!(
            lex_line("\t–\tto protect civilians,").shape,
            LineShape::Bullet { .. }
        ));
        assert!(matches!(
            lex_line("\t•\tThe Government").shape,
            LineShape::Bullet { .. }
        ));
        assert_eq!(
            lex_line("\t–\tto protect civilians,").body(),
            "to protect civilians,"
        );
    }
}
