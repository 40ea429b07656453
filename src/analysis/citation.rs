//! Citations of resolutions and decisions in running text (spec §6): "its
//! resolution 64/222 of 21 December 2009", lists ("resolutions 57/270 B of
//! 23 June 2003, 60/212 of 22 December 2005 and 67/227 of 21 December 2012"),
//! "Security Council resolution 1325 (2000)", "resolution 2626 (XXV)".
//!
//! A citation is attributed to an organ: named before the keyword ("Security
//! Council resolution"), implied by "its" (the citing organ), or given by the
//! form of the number (`1325 (2000)` is always the Security Council). Citations
//! of other bodies ("Commission on the Status of Women resolution 49/7",
//! "resolution 4/2 of the United Nations Environment Assembly") get no symbol and
//! are never looked up in the record.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::date::Date;
use super::symbol::{Organ, ga_old, roman_value};
use crate::syntax::{LexedLine, LineShape, Role, Span, Tree};

/// The shape of a cited number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemForm {
    /// `1325 (2000)`.
    Council,
    /// `2013/5`: a four-digit year, then the number (ECOSOC).
    YearNumber,
    /// `68/230`, `ES-11/1`, `57/270 B`, `31/6 A and B`.
    SessionNumber,
    /// `2626 (XXV)`, `3411 A and B (XXX)`.
    Roman,
}

/// One number of a citation, with its date when the text gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedItem {
    /// The number as written: `57/270 B`, `2626 (XXV)`, `1325 (2000)`.
    pub span: Span,
    pub text: String,
    pub form: ItemForm,
    /// The date written after the item (`of 21 December 2009`), or shared by a
    /// list (`… both of 27 December 2013`).
    pub date: Option<Date>,
    pub date_span: Option<Span>,
    /// Canonical symbols (one per lettered part); empty for decisions and for
    /// resolutions of bodies the record does not cover.
    pub symbols: Vec<String>,
}

/// One citation: a keyword and the items that follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub line: usize,
    /// From the organ name (or "its") to the end of the last item or date.
    pub span: Span,
    /// `resolution`, `resolutions`, `decision`, `decisions`.
    pub keyword: Span,
    pub decision: bool,
    /// The organ whose resolutions these are; `None` for other bodies.
    pub organ: Option<Organ>,
    /// Written "its resolution".
    pub own: bool,
    /// The line is a paragraph of the resolution itself (preamble, operative
    /// part), not a footnote, an annex or a header.
    pub in_body: bool,
    /// The citation stands inside quotation marks (part of a quoted title).
    pub quoted: bool,
    /// The composite part (A, B …) it stands in, counted from 1; 0 when the
    /// resolution has none. Each part is dated anew.
    pub part: u32,
    pub items: Vec<CitedItem>,
}

const YEAR: &str = r"(?:19[4-9][0-9]|20[0-9]{2})";
const MONTH: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";

static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([Rr]esolution|[Dd]ecision)(s?) ").expect("valid regex"));

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    let letters = r"(?: (?:[A-Z]|AA|BB|CC|DD|EE|FF|GG|HH|II|JJ|KK|LL|MM|NN|OO|PP|QQ|RR|SS|TT|UU|VV|WW|XX|YY|ZZ)(?:(?: and|,| to) [A-Z])*\b)";
    Regex::new(&format!(
        r"^(?:(?P<sc>[1-9][0-9]*) \((?P<scy>{YEAR})\)|(?P<ey>{YEAR})/(?P<en>[1-9][0-9]*)|(?P<gs>[1-9][0-9]?|E?S-[1-9][0-9]?)/(?P<gn>[1-9][0-9]*)(?P<gp>{letters})?|(?P<on>[1-9][0-9]*)(?P<op>{letters})? \((?P<or>(?:E?S-)?[IVXL]+)\))"
    ))
    .expect("valid regex")
});

static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:, (?:sections?|parts?|paragraphs?|annex) [0-9A-Z.]+(?:(?:, | and )[0-9A-Z.]+)*,)?,? (?:(?P<shared>both|all) )?of (?P<date>(?:[1-9]|[12][0-9]|3[01]) {MONTH} {YEAR})(?:[0-9]{{1,2}})?\b"
    ))
    .expect("valid regex")
});

static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,? and |, )").expect("valid regex"));

static OTHER_BODY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? (?:of|adopted by) the (?:[A-Z]|High-level)").expect("valid regex")
});

/// Capitalized nouns that end the name of a body other than the four organs
/// ("Commission on the Status of Women resolution", "Environment Assembly
/// resolution").
const BODY_NOUNS: &[&str] = &[
    "Assembly",
    "Council",
    "Commission",
    "Committee",
    "Conference",
    "Board",
    "Women",
    "Drugs",
    "Parties",
    "Organization",
    "Forum",
    "Meeting",
    "Programme",
    "Court",
    "Union",
    "Agency",
    "Rights",
    "Development",
    "Group",
    "Summit",
    "Congress",
    "Justice",
    "Sub-Commission",
    "Session",
    "Secretariat",
    "Mechanism",
    "Convention",
    "Protocol",
    "Crime",
];

/// The organ the document is a resolution of, from its organ line or header.
pub fn citing_organ(tree: &Tree) -> Option<Organ> {
    let named = |text: &str| {
        [
            Organ::GeneralAssembly,
            Organ::SecurityCouncil,
            Organ::EconomicAndSocialCouncil,
            Organ::HumanRightsCouncil,
        ]
        .into_iter()
        .find(|organ| text.contains(organ.name()))
    };
    for (_, line, _) in tree.iter() {
        if let LineShape::Organ { known: true, .. } = line.shape {
            // An abbreviated organ line (`The SC,`, DOC002) names no organ in
            // full: the adoption line may.
            if let Some(organ) = named(&line.text) {
                return Some(organ);
            }
            break;
        }
    }
    // The first adoption line that names an organ ("Resolution 1315 (2000)" does
    // not; "Adopted by the Security Council at its 4186th meeting" does).
    tree.iter()
        .take(40)
        .filter(|(_, line, _)| matches!(line.shape, LineShape::AdoptionLine))
        .find_map(|(_, line, _)| named(&line.text))
}

/// The organ written just before a keyword: `Some(Some(organ))` for one of the
/// four organs or "its", `Some(None)` for another body, `None` when nothing is
/// named.
fn organ_before(before: &str, citing: Option<Organ>) -> (Option<Option<Organ>>, bool, usize) {
    let trimmed = before.trim_end();
    if let Some((organ, rest)) = named_body(trimmed) {
        return (Some(organ), false, rest);
    }
    for own in ["its own", "its", "Its"] {
        if let Some(rest) = trimmed.strip_suffix(own)
            && rest
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            // "the Economic and Social Council, in its resolution": "its" is the
            // body named just before, not the citing organ.
            let named = rest
                .trim_end()
                .trim_end_matches(" in")
                .trim_end_matches(" by")
                .trim_end_matches(',')
                .trim_end();
            let organ = named_body(named).map_or(citing, |(organ, _)| organ);
            return (Some(organ), true, rest.len());
        }
    }
    (None, false, before.len())
}

/// The body whose name ends `text`: one of the four organs (`Some(organ)`),
/// another body (`None`), with the byte where the name starts. "Assembly"
/// alone after a lower-case word ("pursuant to Assembly resolution") is the
/// General Assembly.
fn named_body(text: &str) -> Option<(Option<Organ>, usize)> {
    for organ in [
        Organ::GeneralAssembly,
        Organ::SecurityCouncil,
        Organ::EconomicAndSocialCouncil,
        Organ::HumanRightsCouncil,
    ] {
        if let Some(rest) = text.strip_suffix(organ.name()) {
            return Some((Some(organ), rest.len()));
        }
    }
    let word_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..];
    if word == "Assembly" {
        let previous = text[..word_start].split_whitespace().next_back();
        if previous.is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase)) {
            return Some((Some(Organ::GeneralAssembly), word_start));
        }
    }
    if BODY_NOUNS.contains(&word)
        || (word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()))
    {
        return Some((None, word_start));
    }
    None
}

/// The citations in one line of text.
pub fn scan_line(text: &str, line: usize, citing: Option<Organ>, in_body: bool) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut quotes = Quotes::default();
    // What follows a position, bounded: a citation item, its date and the
    // separator after it fit in a few hundred bytes, and bounding the slices
    // keeps a pathological single line of megabytes linear.
    let ahead = |from: usize| {
        let mut end = (from + 512).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[from..end]
    };
    for keyword in KEYWORD.captures_iter(text) {
        let whole = keyword.get(0).expect("group 0");
        let decision = keyword[1].eq_ignore_ascii_case("decision");
        let (named, own, start) = organ_before(&text[..whole.start()], citing);
        let mut position = whole.end();
        let mut items: Vec<CitedItem> = Vec::new();
        let mut other_body = named == Some(None);
        while let Some(captures) = ITEM.captures(ahead(position)) {
            let matched = captures.get(0).expect("group 0");
            let end = position + matched.end();
            if text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '/')
            {
                break;
            }
            let form = if captures.name("sc").is_some() {
                ItemForm::Council
            } else if captures.name("ey").is_some() {
                ItemForm::YearNumber
            } else if captures.name("gs").is_some() {
                ItemForm::SessionNumber
            } else {
                ItemForm::Roman
            };
            let mut item = CitedItem {
                span: Span::new(line, position, end),
                text: matched.as_str().to_owned(),
                form,
                date: None,
                date_span: None,
                symbols: Vec::new(),
            };
            position = end;
            if let Some(date) = DATE_AFTER.captures(ahead(position)) {
                let group = date.name("date").expect("date group");
                let parsed = Date::parse_text(group.as_str());
                let span = Span::new(line, position + group.start(), position + group.end());
                if date.name("shared").is_some() {
                    for earlier in items.iter_mut().filter(|i| i.date.is_none()) {
                        earlier.date = parsed;
                        earlier.date_span = Some(span);
                    }
                }
                item.date = parsed;
                item.date_span = Some(span);
                position += date.get(0).expect("group 0").end();
            } else if form != ItemForm::Council && OTHER_BODY_AFTER.is_match(ahead(position)) {
                other_body = true;
            }
            items.push(item);
            match SEPARATOR.find(ahead(position)) {
                Some(separator) if ITEM.is_match(ahead(position + separator.end())) => {
                    position += separator.end();
                }
                _ => break,
            }
        }
        if items.is_empty() {
            continue;
        }
        let organ_hint = match named {
            Some(Some(organ)) => Some(organ),
            Some(None) => None,
            None => citing,
        };
        let span_end = items
            .last()
            .map(|i| i.date_span.map_or(i.span.end, |d| d.end))
            .unwrap_or(whole.end());
        let mut citation_organ = None;
        for item in &mut items {
            let organ = item_organ(item.form, organ_hint, named.is_some(), other_body)
                .filter(|organ| fits_the_organ(*organ, item));
            if !decision && let Some(organ) = organ {
                item.symbols = symbols_of(organ, &captures_of(&item.text));
            }
            citation_organ = citation_organ.or(organ);
        }
        out.push(Citation {
            line,
            span: Span::new(line, start, span_end),
            keyword: Span::new(line, whole.start(), whole.end() - 1),
            decision,
            organ: citation_organ,
            own,
            in_body,
            quoted: quotes.inside(text, start),
            part: 0,
            items,
        });
    }
    out
}

/// Is byte `at` of `text` inside “curly” or "straight" quotation marks (a
/// quoted title)? For one position; a scan over many uses [`Quotes`].
pub fn quoted_at(text: &str, at: usize) -> bool {
    Quotes::default().inside(text, at)
}

/// Quotation marks counted from the start of a line up to a position, moving
/// forward: citations are met left to right, so each byte is counted once.
#[derive(Default)]
pub struct Quotes {
    at: usize,
    opened: usize,
    closed: usize,
    straight: usize,
}

impl Quotes {
    /// Is `text[..to]` inside a quotation?
    pub fn inside(&mut self, text: &str, to: usize) -> bool {
        if to < self.at {
            *self = Quotes::default();
        }
        for ch in text[self.at..to].chars() {
            match ch {
                '“' => self.opened += 1,
                '”' => self.closed += 1,
                '"' => self.straight += 1,
                _ => {}
            }
        }
        self.at = to;
        self.opened > self.closed || self.straight % 2 == 1
    }
}

/// Whose resolution an item is, from the named (or citing) organ and its form.
fn item_organ(form: ItemForm, hint: Option<Organ>, named: bool, other_body: bool) -> Option<Organ> {
    match form {
        ItemForm::Council => Some(Organ::SecurityCouncil),
        _ if other_body => None,
        ItemForm::YearNumber => match hint {
            Some(Organ::EconomicAndSocialCouncil) => hint,
            _ if !named => Some(Organ::EconomicAndSocialCouncil),
            _ => None,
        },
        ItemForm::SessionNumber => match hint {
            Some(Organ::GeneralAssembly | Organ::HumanRightsCouncil) => hint,
            None if !named => Some(Organ::GeneralAssembly),
            _ => None,
        },
        ItemForm::Roman => match hint {
            Some(Organ::GeneralAssembly) => hint,
            None if !named => Some(Organ::GeneralAssembly),
            _ => None,
        },
    }
}

/// Can the item be a resolution of `organ`, by the form of its number and its
/// date? The General Assembly numbered its resolutions `2626 (XXV)` up to its
/// thirtieth session and `N/x` from the thirty-first; session N opens in
/// September of 1945 + N and closes in the next year. A number in the other
/// form ("resolution 6/2" of a conference of States parties, "990 (LIV)" of
/// a commission), or dated in another year, belongs to another body's
/// numbering ("resolutions and decisions of the Human Rights Council, the most
/// recent of which being resolutions 42/3 of 26 September 2019"; a regional
/// commission's "resolution 73/8 of 19 May 2017"), which the record does not
/// cover.
fn fits_the_organ(organ: Organ, item: &CitedItem) -> bool {
    if organ != Organ::GeneralAssembly {
        return true;
    }
    // Special and emergency special sessions (`S-32/1`, `ES-11/1`, `(S-IV)`)
    // have their own numbering.
    let regular = |session: &str| !session.contains('S');
    match item.form {
        ItemForm::SessionNumber => {
            let session = item.text.split('/').next().unwrap_or_default();
            let Ok(session) = session.parse::<u16>() else {
                return true;
            };
            if session < 31 {
                return false;
            }
            let opened = 1945 + session;
            item.date
                .is_none_or(|date| date.year == opened || date.year == opened + 1)
        }
        ItemForm::Roman => {
            let roman = item
                .text
                .rsplit_once('(')
                .map_or("", |(_, r)| r.trim_end_matches(')'));
            !regular(roman) || roman_value(roman).is_some_and(|session| session <= 30)
        }
        ItemForm::Council | ItemForm::YearNumber => true,
    }
}

/// The parts of an item's text: number groups and letters.
struct ItemParts {
    /// `68/230`, `2013/5`, `1325 (2000)`; for the old GA form the number alone.
    base: String,
    roman: Option<String>,
    letters: Vec<char>,
}

fn captures_of(text: &str) -> ItemParts {
    let captures = ITEM.captures(text).expect("an item's own text matches");
    let letters_of = |group: Option<regex::Match<'_>>| -> Vec<char> {
        let Some(group) = group else {
            return Vec::new();
        };
        let letters: Vec<char> = group
            .as_str()
            .split([' ', ','])
            .filter(|w| w.len() == 1)
            .filter_map(|w| w.chars().next())
            .collect();
        if group.as_str().contains(" to ") && letters.len() == 2 {
            (letters[0]..=letters[1]).collect()
        } else {
            letters
        }
    };
    if let Some(n) = captures.name("sc") {
        ItemParts {
            base: format!("{}({})", n.as_str(), &captures["scy"]),
            roman: None,
            letters: Vec::new(),
        }
    } else if let Some(year) = captures.name("ey") {
        ItemParts {
            base: format!("{}/{}", year.as_str(), &captures["en"]),
            roman: None,
            letters: Vec::new(),
        }
    } else if let Some(session) = captures.name("gs") {
        ItemParts {
            base: format!("{}/{}", session.as_str(), &captures["gn"]),
            roman: None,
            letters: letters_of(captures.name("gp")),
        }
    } else {
        ItemParts {
            base: captures["on"].to_owned(),
            roman: Some(captures["or"].to_owned()),
            letters: letters_of(captures.name("op")),
        }
    }
}

fn symbols_of(organ: Organ, parts: &ItemParts) -> Vec<String> {
    let prefix = match organ {
        Organ::GeneralAssembly => "A/RES/",
        Organ::SecurityCouncil => "S/RES/",
        Organ::EconomicAndSocialCouncil => "E/RES/",
        Organ::HumanRightsCouncil => "A/HRC/RES/",
    };
    if let Some(roman) = &parts.roman {
        if parts.letters.is_empty() {
            return vec![ga_old(&parts.base, roman, None)];
        }
        return parts
            .letters
            .iter()
            .map(|l| ga_old(&parts.base, roman, Some(&l.to_string())))
            .collect();
    }
    let base = format!("{prefix}{}", parts.base);
    if parts.letters.is_empty() {
        vec![base]
    } else {
        parts
            .letters
            .iter()
            .map(|l| format!("{base} {l}"))
            .collect()
    }
}

/// One finding of a line-local rule: where in the line, what is wrong, and the
/// text to write there instead when the right form is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: std::ops::Range<usize>,
    pub message: String,
    pub fix: Option<String>,
    /// A severity other than the rule's default (rules whose spec entry gives
    /// two levels, or organ profiles that relax a rule).
    pub severity: Option<crate::analysis::Severity>,
}

impl Finding {
    pub fn new(
        range: std::ops::Range<usize>,
        message: impl Into<String>,
        fix: Option<String>,
    ) -> Self {
        Finding {
            range,
            message: message.into(),
            fix,
            severity: None,
        }
    }

    /// The same finding at another severity.
    pub fn at(self, severity: crate::analysis::Severity) -> Self {
        Finding {
            severity: Some(severity),
            ..self
        }
    }
}

/// Lines whose citations count as the resolution's own text.
pub fn is_body_role(role: Role) -> bool {
    role.is_body_paragraph() || matches!(role, Role::Continuation { .. })
}

/// Lines worth scanning at all (not trailer or page furniture).
fn is_scanned_role(role: Role) -> bool {
    !matches!(
        role,
        Role::Blank | Role::Trailer | Role::Furniture | Role::Artifact | Role::Separator
    )
}

/// The citations of one line of role `role`, found on line 0 ([`scan_line`]);
/// none for lines the document's scan skips.
pub fn line_citations(line: &LexedLine, role: Role, citing: Option<Organ>) -> Vec<Citation> {
    if !is_scanned_role(role) || !line.text.contains("esolution") && !line.text.contains("ecision")
    {
        return Vec::new();
    }
    scan_line(&line.text, 0, citing, is_body_role(role))
}

impl Citation {
    /// The citation found on line 0 as it stands on line `line` of part `part`.
    fn moved_to(&self, line: usize, part: u32) -> Citation {
        let at = |span: Span| Span { line, ..span };
        Citation {
            line,
            span: at(self.span),
            keyword: at(self.keyword),
            part,
            items: self
                .items
                .iter()
                .map(|item| CitedItem {
                    span: at(item.span),
                    date_span: item.date_span.map(at),
                    ..item.clone()
                })
                .collect(),
            ..*self
        }
    }
}

/// Every citation of a document, with first-citation tracking.
#[derive(Debug, Clone, Default)]
pub struct Citations {
    pub citing: Option<Organ>,
    pub list: Vec<Citation>,
    /// (Composite part, symbol) → (citation, item) of its first citation in the
    /// body.
    first: HashMap<(u32, String), (usize, usize)>,
}

impl Citations {
    pub fn collect(tree: &Tree) -> Citations {
        let citing = citing_organ(tree);
        let mut per_line: Vec<Vec<Citation>> = vec![Vec::new(); tree.line_count()];
        for (index, line, role) in tree.iter() {
            per_line[index] = line_citations(line, role, citing);
        }
        Citations::assemble(tree, citing, |index| &per_line[index])
    }

    /// The citations of `tree` from each line's own, as [`line_citations`]
    /// found them (on line 0, outside any part): moved to their line and
    /// given their composite part. The analysis keeps each line's citations
    /// with the line, so a keystroke scans only the edited lines.
    pub fn assemble<'c>(
        tree: &Tree,
        citing: Option<Organ>,
        of_line: impl Fn(usize) -> &'c [Citation],
    ) -> Citations {
        let mut list: Vec<Citation> = Vec::new();
        let mut part = 0;
        for (index, _, role) in tree.iter() {
            if let Role::PartHeading {
                composite: true, ..
            } = role
            {
                part += 1;
            }
            list.extend(of_line(index).iter().map(|c| c.moved_to(index, part)));
        }
        let mut first = HashMap::new();
        for (c, citation) in list.iter().enumerate() {
            if !citation.in_body {
                continue;
            }
            for (i, item) in citation.items.iter().enumerate() {
                for symbol in &item.symbols {
                    first
                        .entry((citation.part, symbol.clone()))
                        .or_insert((c, i));
                }
            }
        }
        Citations {
            citing,
            list,
            first,
        }
    }

    /// The citations of one line (the list is in line order).
    pub fn on_line(&self, line: usize) -> &[Citation] {
        let start = self.list.partition_point(|c| c.line < line);
        let end = self.list.partition_point(|c| c.line <= line);
        &self.list[start..end]
    }

    /// Is item `item` of citation `citation` the first citation of `symbol` in
    /// the body (of its composite part)?
    pub fn is_first(&self, citation: usize, item: usize, symbol: &str) -> bool {
        let part = self.list[citation].part;
        self.first.get(&(part, symbol.to_owned())) == Some(&(citation, item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, citing: Option<Organ>) -> Vec<Citation> {
        scan_line(text, 0, citing, true)
    }

    fn symbols(citations: &[Citation]) -> Vec<(String, Option<String>)> {
        citations
            .iter()
            .flat_map(|c| c.items.iter())
            .flat_map(|i| {
                i.symbols
                    .iter()
                    .map(move |s| (s.clone(), i.date.map(|d| d.to_string())))
            })
            .collect()
    }

    #[test]
    fn single_and_list() {
        let ga = Some(Organ::GeneralAssembly);
        let found = scan(
            "\tReaffirming its resolution 64/222 of 21 December 2009, in which",
            ga,
        );
        assert_eq!(
            symbols(&found),
            [(
                "A/RES/64/222".to_owned(),
                Some("21 December 2009".to_owned())
            )]
        );
        assert!(found[0].own);
        let text = "\tRecalling its resolutions 57/270 B of 23 June 2003, 60/212 of 22 December 2005, 62/209 of 19 December 2007, 63/233 of 19 December 2008, 64/1 of 6 October 2009, 66/219 of 22 December 2011, 67/227 of 21 December 2012 and other resolutions relevant to South-South cooperation,";
        let found = symbols(&scan(text, ga));
        assert_eq!(found.len(), 7);
        assert_eq!(found[0].0, "A/RES/57/270 B");
        assert_eq!(
            found[6],
            (
                "A/RES/67/227".to_owned(),
                Some("21 December 2012".to_owned())
            )
        );
    }

    #[test]
    fn a_date_outside_the_assembly_session_is_another_bodys_number() {
        let ga = Some(Organ::GeneralAssembly);
        let found = symbols(&scan(
            "the most recent of which being resolutions 42/3 of 26 September 2019 and 74/54 of 19 December 2019",
            ga,
        ));
        let names: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["A/RES/74/54"]);
        // A year off by one within the session's two years stays the Assembly's.
        let found = symbols(&scan("its resolution 78/69 of 5 December 2024", ga));
        assert_eq!(found[0].0, "A/RES/78/69");
    }

    #[test]
    fn organs_and_forms() {
        let ga = Some(Organ::GeneralAssembly);
        let sc = Some(Organ::SecurityCouncil);
        let found = symbols(&scan(
            "Security Council resolution 1325 (2000) of 31 October 2000 and resolution 2626 (XXV) and resolutions 3411 A and B (XXX)",
            ga,
        ));
        let names: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "S/RES/1325(2000)",
                "A/RES/2626(XXV)",
                "A/RES/3411(XXX) A",
                "A/RES/3411(XXX) B"
            ]
        );
        let found = symbols(&scan("Recalling its resolution 2086 (2013)", sc));
        assert_eq!(found[0].0, "S/RES/2086(2013)");
        let found = symbols(&scan(
            "Economic and Social Council resolution 2012/32 of 27 July 2012",
            ga,
        ));
        assert_eq!(found[0].0, "E/RES/2012/32");
        let found = symbols(&scan(
            "Human Rights Council resolution 25/1 of 27 March 2014",
            ga,
        ));
        assert_eq!(found[0].0, "A/HRC/RES/25/1");
        // Other bodies are never looked up.
        assert!(
            symbols(&scan(
                "resolution 4/2 of the United Nations Environment Assembly",
                ga
            ))
            .is_empty()
        );
        assert!(
            symbols(&scan(
                "Commission on the Status of Women resolution 49/7",
                ga
            ))
            .is_empty()
        );
        assert!(
            symbols(&scan(
                "recalls decision 17/1 of the High-level Committee",
                ga
            ))
            .is_empty()
        );
        // In a Security Council text an undesignated N/M number is not a GA one.
        assert!(symbols(&scan("its resolution 64/222", sc)).is_empty());
        let found = symbols(&scan(
            "in accordance with Assembly resolution 76/238 of 24 December 2021",
            ga,
        ));
        assert_eq!(found[0].0, "A/RES/76/238");
        let found = symbols(&scan(
            "as endorsed by the Economic and Social Council in its resolution 2020/8 of 18 June 2020",
            ga,
        ));
        assert_eq!(found[0].0, "E/RES/2020/8");
        assert!(
            symbols(&scan(
                "at the request of the Commission on Human Rights, in its resolution 2005/5",
                ga
            ))
            .is_empty()
        );
        assert!(
            symbols(&scan(
                "in line with United Nations Environment Assembly resolution 4/1",
                ga
            ))
            .is_empty()
        );
        let found = symbols(&scan(
            "its resolutions 68/247 A and 68/248 A both of 27 December 2013",
            ga,
        ));
        assert!(
            found
                .iter()
                .all(|(_, d)| d.as_deref() == Some("27 December 2013")),
            "{found:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn scanning_never_panics(text in "\\PC{0,80}", tail in "(resolutions? |its |Council |\u{a0}|[0-9/ ()A-Z,])*") {
            let line = format!("{text}{tail}");
            for citation in scan_line(&line, 0, Some(Organ::GeneralAssembly), true) {
                for item in &citation.items {
                    assert!(line.is_char_boundary(item.span.start) && line.is_char_boundary(item.span.end));
                }
            }
        }
    }

    #[test]
    fn glued_footnote_marker_after_year() {
        let found = scan(
            "resolution 33/134 of 19 December 19781 in which",
            Some(Organ::GeneralAssembly),
        );
        assert_eq!(found[0].items[0].date.map(|d| d.year), Some(1978));
    }

    #[test]
    fn seed_document() {
        let text =
            std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed resolution");
        let tree = Tree::parse(&text);
        let citations = Citations::collect(&tree);
        assert_eq!(citations.citing, Some(Organ::GeneralAssembly));
        let dated: HashMap<String, String> = citations
            .list
            .iter()
            .flat_map(|c| c.items.iter())
            .filter_map(|i| Some((i.symbols.first()?.clone(), i.date?.to_string())))
            .collect();
        assert_eq!(dated["A/RES/64/222"], "21 December 2009");
        assert_eq!(dated["A/RES/33/134"], "19 December 1978");
        assert_eq!(dated["A/RES/57/270 B"], "23 June 2003");
        assert_eq!(dated["A/RES/57/263"], "20 December 2002");
        assert_eq!(dated.len(), 10);
    }
}
