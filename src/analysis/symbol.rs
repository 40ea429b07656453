//! Document symbols and resolution numbers (spec §5): the grammar of Appendix A,
//! the canonical symbols the catalog uses, and the undocs.org links.
//!
//! Canonical symbols follow the catalog: `A/RES/68/230`, `A/RES/57/270 B`,
//! `A/RES/2626(XXV)`, `A/RES/217(III) A`, `A/RES/ES-11/1`, `S/RES/2334(2016)`,
//! `E/RES/2013/5`, `A/HRC/RES/25/1`. Lookups go through [`symbol_key`], which
//! drops the spaces, so `S/RES/2334 (2016)` and `A/RES/57/270B` find them too.

use std::sync::LazyLock;

use regex::Regex;

use crate::syntax::Role;

/// Lines whose document symbols the symbol rules read: the paragraphs of the
/// resolution and its footnotes, where sources are cited.
pub fn reads_symbols(role: Role) -> bool {
    crate::analysis::citation::is_body_role(role) || matches!(role, Role::FootnoteText { .. })
}

/// The principal organs whose resolutions the record knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    HumanRightsCouncil,
}

impl Organ {
    pub fn name(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "General Assembly",
            Organ::SecurityCouncil => "Security Council",
            Organ::EconomicAndSocialCouncil => "Economic and Social Council",
            Organ::HumanRightsCouncil => "Human Rights Council",
        }
    }

    /// The organ of a canonical resolution symbol.
    pub fn of_symbol(symbol: &str) -> Option<Organ> {
        if symbol.starts_with("A/HRC/") {
            Some(Organ::HumanRightsCouncil)
        } else if symbol.starts_with("A/") {
            Some(Organ::GeneralAssembly)
        } else if symbol.starts_with("S/") {
            Some(Organ::SecurityCouncil)
        } else if symbol.starts_with("E/") {
            Some(Organ::EconomicAndSocialCouncil)
        } else {
            None
        }
    }
}

/// What kind of document a symbol names (the patterns of Appendix A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    GaResolution,
    GaResolutionOld,
    GaDraft,
    GaDocument,
    GaRecord,
    ScResolution,
    ScPresidentialStatement,
    ScDocument,
    EcosocResolution,
    EcosocDraft,
    HrcResolution,
    HrcDraft,
    HrcDecision,
}

const SESSION: &str = r"(?:[1-9][0-9]?|E?S-[1-9][0-9]?)";
const N: &str = r"[1-9][0-9]*";
const YEAR: &str = r"(?:19[4-9][0-9]|20[0-9]{2})";
const ROMAN: &str = r"(?:E?S-)?[IVXL]+";
const MOD: &str = r"(?:/(?:Rev|Add|Corr|Amend)\.[1-9][0-9]*)*";

fn expand(pattern: &str) -> Regex {
    let pattern = pattern
        .replace("{SESSION}", SESSION)
        .replace("{N}", N)
        .replace("{YEAR}", YEAR)
        .replace("{ROMAN}", ROMAN)
        .replace("{MOD}", MOD);
    Regex::new(&pattern).expect("valid symbol pattern")
}

static PATTERNS: LazyLock<Vec<(SymbolKind, Regex)>> = LazyLock::new(|| {
    [
        (
            SymbolKind::GaResolution,
            r"^A/RES/{SESSION}/{N}(?: ?[A-Z](?:-[A-Z])?)?$",
        ),
        (
            SymbolKind::GaResolutionOld,
            r"^A/RES/{N}(?: ?[A-Z])? ?\({ROMAN}\)(?: ?[A-Z])?$",
        ),
        (
            SymbolKind::GaDraft,
            r"^A/(?:C\.[1-6]/)?{SESSION}/L\.{N}{MOD}\*?$",
        ),
        (
            SymbolKind::GaDocument,
            r"^A/(?:C\.[1-6]/)?{SESSION}/{N}{MOD}(?: ?\(Vol\. ?[IVX]+\))?\*?$",
        ),
        (
            SymbolKind::GaRecord,
            r"^A/(?:C\.[1-6]/)?{SESSION}/(?:PV|SR)\.{N}{MOD}$",
        ),
        (SymbolKind::ScResolution, r"^S/RES/{N} ?\({YEAR}\)$"),
        (SymbolKind::ScPresidentialStatement, r"^S/PRST/{YEAR}/{N}$"),
        (SymbolKind::ScDocument, r"^S/(?:{YEAR}/)?{N}{MOD}\*?$"),
        (SymbolKind::EcosocResolution, r"^E/RES/{YEAR}/{N}$"),
        (
            SymbolKind::EcosocDraft,
            r"^E/(?:CN\.[1-9][0-9]*/)?{YEAR}/L\.{N}{MOD}$",
        ),
        (
            SymbolKind::HrcResolution,
            r"^A/HRC/RES/(?:S-)?[1-9][0-9]?/{N}$",
        ),
        (
            SymbolKind::HrcDraft,
            r"^A/HRC/(?:S-)?[1-9][0-9]?/L\.{N}{MOD}$",
        ),
        (
            SymbolKind::HrcDecision,
            r"^A/HRC/DEC/(?:S-)?[1-9][0-9]?/{N}$",
        ),
    ]
    .into_iter()
    .map(|(kind, pattern)| (kind, expand(pattern)))
    .collect()
});

/// What a whole token is, or `None` when it fits no pattern.
pub fn classify(symbol: &str) -> Option<SymbolKind> {
    PATTERNS
        .iter()
        .find(|(_, re)| re.is_match(symbol))
        .map(|(kind, _)| *kind)
}

/// Document symbols of the A, S and E series in running text or footnotes:
/// byte ranges of the whole token (with a parenthesized year or roman session
/// and, for resolutions, a part letter).
static SYMBOL_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^A-Za-z0-9/.])((?:A|S|E)/[A-Za-z0-9.\-/]*[A-Za-z0-9](?: ?\((?:[0-9]{4}|(?:E?S-)?[IVXL]+)\))?\*?)",
    )
    .expect("valid regex")
});

static PART_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ [A-Z](?:-[A-Z])?\b").expect("valid regex"));

/// Every symbol-like token in `text`, as byte ranges.
pub fn symbol_tokens(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for captures in SYMBOL_TOKEN.captures_iter(text) {
        let token = captures.get(1).expect("group 1");
        let mut range = token.range();
        if text[range.clone()].contains("/RES/")
            && !text[range.clone()].ends_with(')')
            && let Some(part) = PART_AFTER.find(&text[range.end..])
        {
            range.end += part.end();
        }
        out.push(range);
    }
    out
}

/// The lookup key of a symbol: without spaces.
pub fn symbol_key(symbol: &str) -> String {
    symbol.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The undocs.org address of a document: `https://undocs.org/S/RES/1325(2000)`.
pub fn undocs_url(symbol: &str) -> String {
    format!("https://undocs.org/{}", symbol_key(symbol))
}

/// The canonical symbol of a resolution document written in any accepted
/// spacing (`S/RES/2334 (2016)` → `S/RES/2334(2016)`, `A/RES/57/270B` →
/// `A/RES/57/270 B`, `A/RES/217 A (III)` → `A/RES/217(III) A`).
pub fn canonical_resolution(symbol: &str) -> Option<String> {
    static OLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^A/RES/([1-9][0-9]*) ?([A-Z])? ?\(((?:E?S-)?[IVXL]+)\) ?([A-Z])?$")
            .expect("valid regex")
    });
    static NEW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(A/RES/(?:[1-9][0-9]?|E?S-[1-9][0-9]?)/[1-9][0-9]*) ?([A-Z](?:-[A-Z])?)?$")
            .expect("valid regex")
    });
    let symbol = symbol.trim();
    match classify(symbol)? {
        SymbolKind::GaResolution => {
            let captures = NEW.captures(symbol)?;
            Some(match captures.get(2) {
                Some(part) => format!("{} {}", &captures[1], part.as_str()),
                None => captures[1].to_owned(),
            })
        }
        SymbolKind::GaResolutionOld => {
            let captures = OLD.captures(symbol)?;
            let part = captures.get(2).or(captures.get(4));
            Some(ga_old(&captures[1], &captures[3], part.map(|p| p.as_str())))
        }
        SymbolKind::ScResolution | SymbolKind::EcosocResolution | SymbolKind::HrcResolution => {
            Some(symbol_key(symbol))
        }
        _ => None,
    }
}

/// `A/RES/217(III) A`.
pub fn ga_old(number: &str, roman: &str, part: Option<&str>) -> String {
    match part {
        Some(part) => format!("A/RES/{number}({roman}) {part}"),
        None => format!("A/RES/{number}({roman})"),
    }
}

/// How running text cites a resolution: `68/230`, `57/270 B`, `217 A (III)`,
/// `1325 (2000)`, `2013/5`, `25/1`.
pub fn citation_form(symbol: &str) -> Option<String> {
    static OLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^A/RES/([0-9]+)\(([^)]+)\)(?: (.+))?$").expect("valid regex")
    });
    static SC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^S/RES/([0-9]+) ?\(([0-9]{4})\)$").expect("valid regex"));
    if let Some(captures) = OLD.captures(symbol) {
        return Some(match captures.get(3) {
            Some(part) => format!("{} {} ({})", &captures[1], part.as_str(), &captures[2]),
            None => format!("{} ({})", &captures[1], &captures[2]),
        });
    }
    if let Some(captures) = SC.captures(symbol) {
        return Some(format!("{} ({})", &captures[1], &captures[2]));
    }
    ["A/HRC/RES/", "A/RES/", "E/RES/"]
        .iter()
        .find_map(|prefix| symbol.strip_prefix(prefix))
        .map(str::to_owned)
}

/// The value of a roman numeral (`XXV` → 25).
pub fn roman_value(roman: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut previous = 0u32;
    for c in roman.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if value < previous {
            total = total.checked_sub(value)?;
        } else {
            total += value;
            previous = value;
        }
    }
    (total > 0).then_some(total)
}

/// The session (GA, HRC) or year (SC, ECOSOC) a resolution belongs to, in words
/// for a hover: `68th session`, `10th emergency special session`, `2016`.
pub fn period_of(symbol: &str) -> Option<String> {
    fn session(slot: &str) -> Option<String> {
        if let Some(n) = slot.strip_prefix("ES-") {
            return Some(format!(
                "{} emergency special session",
                ordinal(n.parse().ok()?)
            ));
        }
        if let Some(n) = slot.strip_prefix("S-") {
            return Some(format!("{} special session", ordinal(n.parse().ok()?)));
        }
        Some(format!("{} session", ordinal(slot.parse().ok()?)))
    }
    if let Some(rest) = symbol.strip_prefix("A/HRC/RES/") {
        return session(rest.split('/').next()?).map(|s| format!("Human Rights Council, {s}"));
    }
    if let Some(rest) = symbol.strip_prefix("A/RES/") {
        if let Some(open) = rest.find('(') {
            let roman = rest[open + 1..].split(')').next()?;
            let (kind, numeral) = if let Some(n) = roman.strip_prefix("ES-") {
                ("emergency special session", n)
            } else if let Some(n) = roman.strip_prefix("S-") {
                ("special session", n)
            } else {
                ("session", roman)
            };
            return Some(format!("{} {kind}", ordinal(roman_value(numeral)?)));
        }
        return session(rest.split('/').next()?);
    }
    if let Some(rest) = symbol.strip_prefix("S/RES/") {
        let open = rest.find('(')?;
        return Some(rest[open + 1..].trim_end_matches(')').to_owned());
    }
    symbol
        .strip_prefix("E/RES/")
        .and_then(|rest| rest.split('/').next())
        .map(str::to_owned)
}

/// The components of a document symbol in words (spec §5.4): `A/C.2/68/L.45/Rev.1`
/// → "General Assembly · Second Committee (Economic and Financial) · 68th
/// session · limited-distribution document (draft) no. 45 · revision 1
/// (replaces earlier versions)".
pub fn decode(symbol: &str) -> String {
    let (symbol, reissued) = match symbol.strip_suffix('*') {
        Some(rest) => (rest, true),
        None => (symbol, false),
    };
    let mut parts = Vec::new();
    let mut components = symbol.split('/').peekable();
    let mut period_seen = false;
    match components.next() {
        Some("A") if components.peek() == Some(&"HRC") => {
            components.next();
            parts.push("Human Rights Council".to_owned());
        }
        Some("A") => parts.push("General Assembly".to_owned()),
        Some("S") => parts.push("Security Council".to_owned()),
        Some("E") => parts.push("Economic and Social Council".to_owned()),
        Some(other) => parts.push(format!("series {other}")),
        None => {}
    }
    let numbered =
        |text: &str, prefix: &str| -> Option<u32> { text.strip_prefix(prefix)?.parse().ok() };
    for component in components {
        let component = component.trim();
        let described = if let Some(n) = numbered(component, "C.") {
            Some(committee(n))
        } else if let Some(n) = numbered(component, "CN.") {
            Some(format!("functional commission no. {n}{}", commission(n)))
        } else if let Some(n) = numbered(component, "L.") {
            Some(format!("limited-distribution document (draft) no. {n}"))
        } else if let Some(n) = numbered(component, "PV.") {
            Some(format!("verbatim record of meeting {n}"))
        } else if let Some(n) = numbered(component, "SR.") {
            Some(format!("summary record of meeting {n}"))
        } else if let Some(n) = numbered(component, "Rev.") {
            Some(format!("revision {n} (replaces earlier versions)"))
        } else if let Some(n) = numbered(component, "Add.") {
            Some(format!("addendum {n}"))
        } else if let Some(n) = numbered(component, "Corr.") {
            Some(format!("corrigendum {n}"))
        } else if let Some(n) = numbered(component, "Amend.") {
            Some(format!("amendment {n}"))
        } else if component == "RES" {
            Some("resolution".to_owned())
        } else if component == "DEC" {
            Some("decision".to_owned())
        } else if component == "PRST" {
            Some("statement by the President".to_owned())
        } else if let Some(n) = component.strip_prefix("ES-").and_then(|n| n.parse().ok()) {
            period_seen = true;
            Some(format!("{} emergency special session", ordinal(n)))
        } else if let Some(n) = component.strip_prefix("S-").and_then(|n| n.parse().ok()) {
            period_seen = true;
            Some(format!("{} special session", ordinal(n)))
        } else if let Ok(n) = component.parse::<u32>() {
            let period = !period_seen && ((1946..=2100).contains(&n) || n < 100);
            period_seen |= period;
            Some(match n {
                _ if !period => format!("no. {n}"),
                1946..=2100 => n.to_string(),
                _ => format!("{} session", ordinal(n)),
            })
        } else {
            None
        };
        parts.push(described.unwrap_or_else(|| component.to_owned()));
    }
    if reissued {
        parts.push(
            "reissued for technical reasons (SYM007: keep the asterisk when citing this version)"
                .to_owned(),
        );
    }
    parts.join(" · ")
}

fn committee(n: u32) -> String {
    let name = match n {
        1 => "First Committee (Disarmament and International Security)",
        2 => "Second Committee (Economic and Financial)",
        3 => "Third Committee (Social, Humanitarian and Cultural)",
        4 => "Fourth Committee (Special Political and Decolonization)",
        5 => "Fifth Committee (Administrative and Budgetary)",
        6 => "Sixth Committee (Legal)",
        _ => return format!("committee no. {n}"),
    };
    name.to_owned()
}

fn commission(n: u32) -> &'static str {
    match n {
        3 => " (Statistical Commission)",
        5 => " (Commission for Social Development)",
        6 => " (Commission on the Status of Women)",
        7 => " (Commission on Narcotic Drugs)",
        9 => " (Commission on Population and Development)",
        15 => " (Commission on Crime Prevention and Criminal Justice)",
        16 => " (Commission on Science and Technology for Development)",
        _ => "",
    }
}

/// `1st`, `22nd`, `68th`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The calendar years in which a resolution can have been adopted, from its
/// symbol alone (GA regular session n runs from September 1945 + n into the next
/// year; SC and ECOSOC carry the year). `None` for special sessions and HRC.
pub fn plausible_years(symbol: &str) -> Option<(u16, u16)> {
    if let Some(rest) = symbol.strip_prefix("A/RES/") {
        let session = if let Some(open) = rest.find('(') {
            let roman = rest[open + 1..].split(')').next()?;
            roman_value(roman)?
        } else {
            rest.split('/').next()?.parse().ok()?
        };
        let start = 1945 + u16::try_from(session).ok()?;
        return Some((start.max(1946), start + 1));
    }
    if let Some(rest) = symbol.strip_prefix("S/RES/") {
        let open = rest.find('(')?;
        let year = rest[open + 1..].trim_end_matches(')').parse().ok()?;
        return Some((year, year));
    }
    let year: u16 = symbol
        .strip_prefix("E/RES/")?
        .split('/')
        .next()?
        .parse()
        .ok()?;
    Some((year, year + 1))
}

/// A defect in the way a document symbol is written (spec §5.3): the rule it
/// breaks, where it is in the line, what is wrong, and the symbol written right
/// when the right form is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolDefect {
    /// `SYM004`, `SYM005`, `SYM006`, `SYM010`, `SYM011`, `SYM012` or `SYM014`.
    pub rule: &'static str,
    pub range: std::ops::Range<usize>,
    pub message: String,
    pub fix: Option<String>,
}

/// Anything shaped like a symbol of the A, S or E series (or a bare `HRC/…`),
/// in any case and with stray spaces around the slashes, and a modifier written
/// after a space (`A/68/L.12 Rev.1`).
static WRITTEN_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^A-Za-z0-9/.\-])((?:[ASEase]|HRC)(?: ?/ ?[A-Za-z0-9][A-Za-z0-9.\-]*)+\*?(?: (?:Rev|Add|Corr|Amend|Revision|Addendum|Corrigendum|Amendment)\.? ?[1-9][0-9]*\b)?)",
    )
    .expect("valid regex")
});

static MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(rev|add|corr|amend|revision|addendum|corrigendum|amendment))(\.?) ?([1-9][0-9]*)$",
    )
    .expect("valid regex")
});

static BARE_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:rev|add|corr|amend|revision|addendum|corrigendum|amendment)\.?$")
        .expect("valid regex")
});

static SPACED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ [1-9][0-9]*\b").expect("valid regex"));

static EMBEDDED_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*[0-9])[. ]((?i:rev|add|corr|amend)\.? ?[1-9][0-9]*)$").expect("valid regex")
});

/// `Rev`, `Add`, `Corr`, `Amend` for any spelling of a modifier word.
fn modifier_name(word: &str) -> &'static str {
    match word.to_ascii_lowercase().as_str() {
        "rev" | "revision" => "Rev",
        "add" | "addendum" => "Add",
        "corr" | "corrigendum" => "Corr",
        _ => "Amend",
    }
}

/// Every badly written symbol in `text`, one defect per symbol (the first rule it
/// breaks, in the order typography, modifiers, structure).
pub fn symbol_defects(text: &str) -> Vec<SymbolDefect> {
    if !text.contains('/') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for captures in WRITTEN_SYMBOL.captures_iter(text) {
        let token = captures.get(1).expect("group 1");
        let mut range = token.range();
        let mut written = token.as_str().to_owned();
        // A sentence's full stop is not part of the symbol.
        if written.ends_with('.') {
            written.pop();
            range.end -= 1;
        }
        // `A/68/L.12/Rev 1`: the number after a space belongs to the modifier.
        if written
            .rsplit('/')
            .next()
            .is_some_and(|last| BARE_MODIFIER.is_match(last))
            && let Some(number) = SPACED_NUMBER.find(&text[range.end..])
        {
            range.end += number.end();
            written = text[range.clone()].to_owned();
        }
        // A joint symbol (`A/74/73-E/2019/14`): each symbol on its own.
        let mut start = range.start;
        for part in split_joint(&written) {
            if let Some(defect) = diagnose(part) {
                out.push(SymbolDefect {
                    range: start..start + part.len(),
                    ..defect
                });
            }
            start += part.len() + 1;
        }
    }
    out
}

/// The symbols of a joint symbol (`A/74/73-E/2019/14`, issued under two series).
fn split_joint(written: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in written.match_indices('-') {
        let next = &written[at + 1..];
        if ["A/", "E/", "S/"]
            .iter()
            .any(|series| next.starts_with(series))
        {
            parts.push(&written[from..at]);
            from = at + 1;
        }
    }
    parts.push(&written[from..]);
    parts
}

/// The defect of one written symbol, with an empty range (the caller places it).
fn diagnose(written: &str) -> Option<SymbolDefect> {
    let defect = |rule: &'static str, message: String, fix: Option<String>| SymbolDefect {
        rule,
        range: 0..0,
        message,
        fix,
    };
    let (body, reissue) = match written.strip_suffix('*') {
        Some(body) => (body, "*"),
        None => (written, ""),
    };
    // Spaces around the slashes (SYM014).
    let unspaced = body.replace(" /", "/").replace("/ ", "/");
    let spaced = unspaced != body;
    // Components, with modifiers written as separate components.
    let mut components: Vec<String> = Vec::new();
    let mut modifier_defect = false;
    let mut modifier_caps = false;
    for component in unspaced.split('/') {
        let (head, tail) = match EMBEDDED_MODIFIER.captures(component) {
            Some(c) if !MODIFIER.is_match(component) => {
                modifier_defect = true;
                (c[1].to_owned(), Some(c[2].to_owned()))
            }
            _ => (component.to_owned(), None),
        };
        for part in std::iter::once(head).chain(tail) {
            match MODIFIER.captures(&part) {
                Some(m) => {
                    let canonical = format!("{}.{}", modifier_name(&m[1]), &m[3]);
                    if part != canonical {
                        if m[1].len() > 1
                            && m[1].chars().all(|c| c.is_ascii_uppercase())
                            && &m[2] == "."
                        {
                            modifier_caps = true;
                        } else {
                            modifier_defect = true;
                        }
                    }
                    components.push(canonical);
                }
                None => components.push(part),
            }
        }
    }
    // Upper case except the modifiers (and `Sub.`).
    let cased: Vec<String> = components
        .iter()
        .map(|c| {
            if MODIFIER.is_match(c) || c.starts_with("Sub.") {
                c.clone()
            } else {
                c.to_uppercase()
            }
        })
        .collect();
    let case_defect = cased != components;
    let canonical = format!("{}{reissue}", cased.join("/"));
    let known = classify(&canonical).is_some();
    if known && (spaced || case_defect || modifier_caps) {
        return Some(defect(
            "SYM014",
            format!(
                "Write the symbol without spaces, in capitals except the modifiers: `{canonical}`"
            ),
            Some(canonical),
        ));
    }
    if known && modifier_defect {
        return Some(defect(
            "SYM006",
            format!("Write modifiers as `/Rev.1`, `/Add.1`, `/Corr.1`: `{canonical}`"),
            Some(canonical),
        ));
    }
    if known || case_defect {
        // A known symbol written right, or an unknown one in lower case (`s/he`,
        // a web address): nothing to say.
        return None;
    }
    structural_defect(&cased, reissue).map(|(rule, message, fix)| defect(rule, message, fix))
}

/// The symbols that fit no pattern because a component is misplaced or
/// misspelt, by series: GA drafts (SYM005), GA decisions (SYM004), Security
/// Council (SYM010), ECOSOC (SYM011), Human Rights Council (SYM012).
fn structural_defect(
    components: &[String],
    reissue: &str,
) -> Option<(&'static str, String, Option<String>)> {
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[1-9][0-9]?|E?S-[1-9][0-9]?)$").expect("valid regex"));
    static YEAR4: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:19[4-9][0-9]|20[0-9]{2})$").expect("valid regex"));
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[1-9][0-9]*$").expect("valid regex"));
    static UNDOTTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(L|C|CN|PV|SR)([1-9][0-9]*)$").expect("valid regex"));
    let c: Vec<&str> = components.iter().map(String::as_str).collect();
    let join = |parts: &[&str]| format!("{}{reissue}", parts.join("/"));
    let fixed = |parts: Vec<String>| {
        let candidate = format!("{}{reissue}", parts.join("/"));
        classify(&candidate).is_some().then_some(candidate)
    };
    // A missing full stop in `C.2`, `L.45`, `CN.7`, `PV.70`.
    if c.iter().any(|p| UNDOTTED.is_match(p)) && matches!(c.first(), Some(&("A" | "E" | "S"))) {
        let parts: Vec<String> = c
            .iter()
            .map(|p| UNDOTTED.replace(p, "$1.$2").into_owned())
            .collect();
        if let Some(fix) = fixed(parts) {
            let rule = match (c[0], c.get(1)) {
                ("E", _) => "SYM011",
                ("A", Some(&"HRC")) => "SYM012",
                ("S", _) => "SYM010",
                _ => "SYM005",
            };
            return Some((
                rule,
                format!(
                    "Committee, commission, draft and record numbers keep their full stop: `{fix}`"
                ),
                Some(fix),
            ));
        }
    }
    match c.as_slice() {
        // GA drafts in the wrong order: `A/C.2/L.45/68`, `A/68/C.2/L.45`.
        ["A", committee, l, session, rest @ ..]
            if committee.starts_with("C.") && l.starts_with("L.") && DIGITS.is_match(session) =>
        {
            let mut parts = vec!["A", committee, session, l];
            parts.extend(rest);
            let fix = fixed(parts.iter().map(|p| p.to_string()).collect());
            Some((
                "SYM005",
                format!(
                    "A Main Committee draft is `A/C.<committee>/<session>/L.<number>`{}",
                    fix.as_deref().map(|f| format!(": `{f}`")).unwrap_or_default()
                ),
                fix,
            ))
        }
        ["A", session, committee, l, rest @ ..]
            if committee.starts_with("C.") && l.starts_with("L.") && DIGITS.is_match(session) =>
        {
            let mut parts = vec!["A", committee, session, l];
            parts.extend(rest);
            let fix = fixed(parts.iter().map(|p| p.to_string()).collect());
            Some((
                "SYM005",
                format!(
                    "A Main Committee draft is `A/C.<committee>/<session>/L.<number>`{}",
                    fix.as_deref().map(|f| format!(": `{f}`")).unwrap_or_default()
                ),
                fix,
            ))
        }
        ["A", committee, ..]
            if committee.starts_with("C.")
                && committee[2..].parse::<u32>().is_ok_and(|n| n > 6)
                && c.iter().any(|p| p.starts_with("L.")) =>
        {
            Some((
                "SYM005",
                format!("The General Assembly has six Main Committees (`A/C.1` to `A/C.6`), not `{committee}`"),
                None,
            ))
        }
        // GA decisions have no symbol.
        ["A", "DEC", session, number] if DIGITS.is_match(session) && NUMBER.is_match(number) => Some((
            "SYM004",
            format!("General Assembly decisions have no document symbol: cite `decision {session}/{number}`"),
            None,
        )),
        // Security Council.
        ["S", l, ..] if l.starts_with("L.") => Some((
            "SYM010",
            "Security Council drafts are ordinary documents `S/<year>/<number>`, not L-documents".to_owned(),
            None,
        )),
        ["S", "PRST", number, year] if NUMBER.is_match(number) && YEAR4.is_match(year) => {
            let fix = join(&["S", "PRST", year, number]);
            Some((
                "SYM010",
                format!("A presidential statement is `S/PRST/<year>/<number>`: `{fix}`"),
                Some(fix),
            ))
        }
        ["S", "PRST", year, _] if year.len() == 2 => Some((
            "SYM010",
            "A presidential statement carries the four-digit year: `S/PRST/<year>/<number>`".to_owned(),
            None,
        )),
        ["S", "DEC", ..] => Some((
            "SYM010",
            "Security Council decisions are unnumbered and have no document symbol".to_owned(),
            None,
        )),
        // ECOSOC.
        ["E", "RES", number, year] if NUMBER.is_match(number) && YEAR4.is_match(year) => {
            let fix = join(&["E", "RES", year, number]);
            Some((
                "SYM011",
                format!("An ECOSOC resolution is `E/RES/<year>/<number>`: `{fix}`"),
                Some(fix),
            ))
        }
        ["E", "RES", year, number] if year.len() == 2 && NUMBER.is_match(number) => Some((
            "SYM011",
            "An ECOSOC resolution carries the four-digit year: `E/RES/<year>/<number>`".to_owned(),
            None,
        )),
        // Human Rights Council.
        ["HRC", "RES" | "DEC", ..] => {
            let fix = fixed(
                std::iter::once("A".to_owned())
                    .chain(c.iter().map(|p| p.to_string()))
                    .collect(),
            );
            Some((
                "SYM012",
                format!(
                    "Human Rights Council documents are in the A series{}",
                    fix.as_deref().map(|f| format!(": `{f}`")).unwrap_or_default()
                ),
                fix,
            ))
        }
        ["A", "HRC", l, session, rest @ ..] if l.starts_with("L.") && DIGITS.is_match(session) => {
            let mut parts = vec!["A", "HRC", session, l];
            parts.extend(rest);
            let fix = join(&parts);
            Some((
                "SYM012",
                format!("A Human Rights Council draft is `A/HRC/<session>/L.<number>`: `{fix}`"),
                Some(fix),
            ))
        }
        ["A", "HRC", "RES" | "DEC", year, _] if YEAR4.is_match(year) => Some((
            "SYM012",
            "Human Rights Council resolutions and decisions are numbered by session, not year: `A/HRC/RES/<session>/<number>`".to_owned(),
            None,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_a_vectors() {
        for positive in [
            "A/RES/68/230",
            "A/RES/57/270 B",
            "A/RES/ES-11/1",
            "A/RES/S-19/2",
            "A/RES/2626 (XXV)",
            "A/RES/217 A (III)",
            "A/RES/3201 (S-VI)",
            "A/68/L.12",
            "A/68/L.12/Rev.1",
            "A/68/L.12/Add.1",
            "A/C.2/68/L.45",
            "A/C.3/78/L.12/Rev.1",
            "A/ES-10/L.22",
            "A/68/L.12*",
            "A/68/443/Add.2",
            "A/67/39",
            "A/68/49 (Vol. I)",
            "A/68/PV.70",
            "A/C.3/68/SR.54",
            "S/RES/2334 (2016)",
            "S/PRST/2013/5",
            "S/2016/1085",
            "S/26695",
            "E/RES/2013/5",
            "E/2013/L.20",
            "E/CN.7/2014/L.2",
            "A/HRC/RES/25/1",
            "A/HRC/RES/S-30/1",
            "A/HRC/25/L.10/Rev.1",
        ] {
            assert!(classify(positive).is_some(), "{positive}");
        }
        for negative in [
            "A/RES/068/230",
            "A/C.7/68/L.1",
            "A/68/L12",
            "A/68/L.12/Rev1",
            "S/RES/2334",
            "S/PRST/13/5",
            "E/RES/13/5",
            "A/HRC/L.10",
        ] {
            assert_eq!(classify(negative), None, "{negative}");
        }
        assert_eq!(classify("A/68/230"), Some(SymbolKind::GaDocument));
    }

    #[test]
    fn canonical_forms_and_links() {
        assert_eq!(
            canonical_resolution("S/RES/2334 (2016)").as_deref(),
            Some("S/RES/2334(2016)")
        );
        assert_eq!(
            canonical_resolution("A/RES/57/270B").as_deref(),
            Some("A/RES/57/270 B")
        );
        assert_eq!(
            canonical_resolution("A/RES/217 A (III)").as_deref(),
            Some("A/RES/217(III) A")
        );
        assert_eq!(canonical_resolution("A/68/212"), None);
        assert_eq!(
            undocs_url("S/RES/1325(2000)"),
            "https://undocs.org/S/RES/1325(2000)"
        );
        assert_eq!(
            undocs_url("A/RES/64/222"),
            "https://undocs.org/A/RES/64/222"
        );
        assert_eq!(
            citation_form("A/RES/217(III) A").as_deref(),
            Some("217 A (III)")
        );
        assert_eq!(
            citation_form("S/RES/1325(2000)").as_deref(),
            Some("1325 (2000)")
        );
        assert_eq!(citation_form("A/RES/57/270 B").as_deref(), Some("57/270 B"));
        assert_eq!(citation_form("A/HRC/RES/25/1").as_deref(), Some("25/1"));
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode("A/C.2/68/L.45/Rev.1"),
            "General Assembly · Second Committee (Economic and Financial) · 68th session · limited-distribution document (draft) no. 45 · revision 1 (replaces earlier versions)"
        );
        assert_eq!(
            decode("A/68/443/Add.2"),
            "General Assembly · 68th session · no. 443 · addendum 2"
        );
        assert_eq!(
            decode("S/PRST/2013/5"),
            "Security Council · statement by the President · 2013 · no. 5"
        );
        assert_eq!(
            decode("E/CN.7/2014/L.2"),
            "Economic and Social Council · functional commission no. 7 (Commission on Narcotic Drugs) · 2014 · limited-distribution document (draft) no. 2"
        );
        assert_eq!(
            decode("A/68/L.12*"),
            "General Assembly · 68th session · limited-distribution document (draft) no. 12 · reissued for technical reasons (SYM007: keep the asterisk when citing this version)"
        );
    }

    #[test]
    fn periods() {
        assert_eq!(period_of("A/RES/68/230").as_deref(), Some("68th session"));
        assert_eq!(
            period_of("A/RES/2626(XXV)").as_deref(),
            Some("25th session")
        );
        assert_eq!(
            period_of("A/RES/ES-10/22").as_deref(),
            Some("10th emergency special session")
        );
        assert_eq!(period_of("S/RES/1325(2000)").as_deref(), Some("2000"));
        assert_eq!(plausible_years("A/RES/68/230"), Some((2013, 2014)));
        assert_eq!(plausible_years("A/RES/1(I)"), Some((1946, 1947)));
    }

    #[test]
    fn symbol_defects_in_text() {
        let rules = |text: &str| -> Vec<&'static str> {
            symbol_defects(text).into_iter().map(|d| d.rule).collect()
        };
        assert_eq!(
            rules("A/74/73-E/2019/14 and A/DEC/74/73-E/2019/14"),
            ["SYM004"]
        );
        assert_eq!(rules("A/HRC/L.17/22/Add.4, A/HRC/22/17/Add.4"), ["SYM012"]);
        assert_eq!(
            rules("see A/68/212. and s/he and http://a/b"),
            Vec::<&str>::new()
        );
        assert_eq!(rules("A/68/L.12 Rev.1"), ["SYM006"]);
    }

    #[test]
    fn tokens_in_text() {
        let text = "the report (A/68/212) and A/RES/57/270 B of 2003; S/RES/1325 (2000).";
        let tokens: Vec<&str> = symbol_tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(tokens, ["A/68/212", "A/RES/57/270 B", "S/RES/1325 (2000)"]);
    }
}
