//! What the text is: an adopted resolution, a draft L-document, a rolling
//! negotiation text, or a bare body without a header (spec §1.1, §1.2, §10).
//!
//! Read from the text once, after the structure: the masthead symbol
//! (`A/RES/68/230`, `A/C.2/68/L.45`, in the header, the flattened masthead after
//! the body or the ODS trailer), the adoption and report lines, the sponsor line
//! ending "draft resolution", "Distr.: Limited", and the `PP1`/`OP1` labels of a
//! rolling text. The settings may override what the text says (`kind`).

use std::fmt;

use super::lex::{LexedLine, LineShape};
use super::structure::Role;

/// The kind of document, which decides the DOC and DRF rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// An adopted resolution (`A/RES`, `S/RES`, `E/RES`, `A/HRC/RES`): adoption
    /// line, number and title, closing lines.
    Adopted,
    /// A draft L-document (`A/C.2/78/L.12`), with its sponsor line
    /// "…: draft resolution".
    Draft,
    /// An informal rolling text under negotiation: `PP1`, `OP5 bis` labels.
    Negotiation,
    /// A body without any header: organ line, preamble, operative part.
    Body,
}

impl DocumentKind {
    /// The name used in the settings (`kind = "draft"`).
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Adopted => "adopted",
            DocumentKind::Draft => "draft",
            DocumentKind::Negotiation => "negotiation",
            DocumentKind::Body => "body",
        }
    }

    /// Read a settings value (`adopted`, `draft` or `l-document`, `negotiation`,
    /// `body`), in any case.
    pub fn parse(text: &str) -> Option<DocumentKind> {
        match text.to_ascii_lowercase().as_str() {
            "adopted" => Some(DocumentKind::Adopted),
            "draft" | "l-document" => Some(DocumentKind::Draft),
            "negotiation" => Some(DocumentKind::Negotiation),
            "body" => Some(DocumentKind::Body),
            _ => None,
        }
    }

    /// A text still being drafted: draft rules apply, adopted-only parts
    /// (adoption line, closing lines) must be absent.
    pub fn is_draft(self) -> bool {
        matches!(self, DocumentKind::Draft | DocumentKind::Negotiation)
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Adopted => "adopted resolution",
            DocumentKind::Draft => "draft resolution (L-document)",
            DocumentKind::Negotiation => "negotiation text",
            DocumentKind::Body => "resolution body without a header",
        })
    }
}

/// What the text says about its kind, and the line that says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindEvidence {
    pub kind: DocumentKind,
    /// The line the kind was read from (`None` for a bare body).
    pub line: Option<usize>,
    /// What on that line decided it, for the hover.
    pub reason: &'static str,
    /// The sponsor line of a draft ("…: draft resolution"), wherever the kind
    /// came from.
    pub sponsor_line: Option<usize>,
    /// The masthead symbol's line.
    pub symbol_line: Option<usize>,
}

impl Default for KindEvidence {
    /// An empty text: a body without a header.
    fn default() -> Self {
        KindEvidence {
            kind: DocumentKind::Body,
            line: None,
            reason: BARE_BODY,
            sponsor_line: None,
            symbol_line: None,
        }
    }
}

const BARE_BODY: &str = "no masthead, symbol, adoption or sponsor line";

/// The symbol of an adopted resolution, at the start of `text`.
fn adopted_symbol(text: &str) -> bool {
    ["A/RES/", "S/RES/", "E/RES/", "A/HRC/RES/"]
        .iter()
        .any(|prefix| text.starts_with(prefix))
}

/// A limited-distribution draft symbol: `A/C.2/78/L.12`, `A/78/L.5/Rev.1`,
/// `E/2013/L.20`, `A/HRC/55/L.3` — a symbol with an `L.` component.
fn draft_symbol(text: &str) -> bool {
    let symbol = text.split_whitespace().next().unwrap_or_default();
    symbol.starts_with(['A', 'E', 'S'])
        && symbol.contains('/')
        && symbol
            .split('/')
            .any(|part| part.strip_prefix("L.").is_some_and(starts_with_digit))
}

fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// The masthead symbol a line carries: the symbol alone, after "United Nations"
/// in the flattened masthead, or in the ODS trailer's symbol field.
fn masthead_symbol(text: &str) -> Option<&str> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("United Nations") {
        return (!rest.is_empty()).then_some(rest);
    }
    if let Some(rest) = text
        .split("<<ODS DOC SYMBOL1>>")
        .nth(1)
        .filter(|rest| !rest.is_empty())
    {
        return Some(rest);
    }
    (!text.contains(' ') || text.ends_with(')') || is_part_suffix(text)).then_some(text)
}

/// `A/RES/80/84 A-B`, `A/RES/57/270 B`: a symbol with its part letters.
fn is_part_suffix(text: &str) -> bool {
    text.rsplit_once(' ')
        .is_some_and(|(_, tail)| tail.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

/// The sponsor line of a draft: "Argentina, … and Japan: draft resolution",
/// "Revised draft resolution", "Draft resolution submitted by …" (what DRF001
/// checks is the form; here any of them says "draft").
pub fn is_sponsor_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', ' ']);
    lower.ends_with("draft resolution")
        || lower.starts_with("draft resolution submitted by")
        || lower.starts_with("revised draft resolution")
        || lower.starts_with("sponsors:")
}

/// A rolling-text label at the start of a paragraph: `PP1`, `OP 5`, `OP5 bis`.
pub fn negotiation_label(body: &str) -> Option<usize> {
    let rest = body
        .strip_prefix("PP")
        .or_else(|| body.strip_prefix("OP"))?;
    let rest_trimmed = rest.trim_start_matches(' ');
    let digits = rest_trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let end = body.len() - rest_trimmed.len() + digits;
    let after = &body[end..];
    after
        .starts_with([' ', '\t', '.', ':', ')', ']'])
        .then_some(end)
        .or_else(|| after.is_empty().then_some(end))
}

/// Read the kind from the text. Draft signals win over adopted ones: a draft
/// that wrongly keeps an adoption line is still a draft (DRF004 reports it).
pub fn detect(lines: &[LexedLine], roles: &[Role]) -> KindEvidence {
    let mut adopted: Option<(usize, &'static str)> = None;
    let mut draft: Option<(usize, &'static str)> = None;
    let mut sponsor_line = None;
    let mut symbol_line = None;
    let mut labels = 0usize;
    let mut first_label = None;
    // Inserted paragraphs and brackets: a rolling text, unless the text says
    // it is a draft or an adopted text (where NUM012 reports them).
    let mut rolling: Option<(usize, &'static str)> = None;
    for (index, line) in lines.iter().enumerate() {
        let role = roles.get(index).copied().unwrap_or(Role::Other);
        let text = line.text.trim();
        let outside_body = matches!(
            role,
            Role::Header | Role::Title | Role::Trailer | Role::Furniture | Role::Other
        );
        if outside_body {
            if let Some(symbol) = masthead_symbol(text) {
                if draft_symbol(symbol) {
                    draft.get_or_insert((index, "its L-document symbol"));
                    symbol_line.get_or_insert(index);
                } else if adopted_symbol(symbol) {
                    adopted.get_or_insert((index, "its resolution symbol"));
                    symbol_line.get_or_insert(index);
                }
            }
        }
        if role == Role::Header {
            if text.starts_with("Distr.: Limited") || text.starts_with("Distr: Limited") {
                draft.get_or_insert((index, "“Distr.: Limited”"));
            } else if is_sponsor_line(text) {
                draft.get_or_insert((index, "its sponsor line"));
                sponsor_line.get_or_insert(index);
            } else if line.shape == LineShape::AdoptionLine {
                adopted.get_or_insert((index, "its adoption line"));
            }
            let lower = text.to_lowercase();
            if lower.starts_with("rolling text") || lower.starts_with("zero draft") {
                first_label.get_or_insert(index);
                labels += 2;
            }
        }
        if role == Role::Title {
            adopted.get_or_insert((index, "its number and title line"));
        }
        let body_line = !outside_body && super::negotiation::counted(role);
        if body_line
            && matches!(
                line.shape,
                LineShape::Numbered { rank: 1.., .. } | LineShape::Subparagraph { rank: 1.., .. }
            )
        {
            rolling.get_or_insert((index, "its bis/ter paragraphs"));
        }
        if body_line
            && line
                .negotiation
                .as_deref()
                .is_some_and(|m| !m.brackets.is_empty() || !m.attributions.is_empty())
        {
            rolling.get_or_insert((index, "its square brackets"));
        }
        if line.label.is_some() || negotiation_label(line.body()).is_some() {
            labels += 1;
            first_label.get_or_insert(index);
        }
    }
    // Two labels make a rolling text: one `PP1` could be a typing slip (NUM004).
    let evidence = |(line, reason): (usize, &'static str), kind| KindEvidence {
        kind,
        line: Some(line),
        reason,
        sponsor_line,
        symbol_line,
    };
    if labels >= 2 {
        return evidence(
            (first_label.unwrap_or(0), "its PP/OP paragraph labels"),
            DocumentKind::Negotiation,
        );
    }
    if let Some(found) = draft {
        return evidence(found, DocumentKind::Draft);
    }
    if let Some(found) = adopted {
        return evidence(found, DocumentKind::Adopted);
    }
    if let Some(found) = rolling {
        return evidence(found, DocumentKind::Negotiation);
    }
    KindEvidence {
        symbol_line,
        ..KindEvidence::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Tree;

    fn kind(text: &str) -> DocumentKind {
        Tree::parse(text).kind().kind
    }

    #[test]
    fn adopted_by_symbol_adoption_line_or_title() {
        let seed = std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed");
        assert_eq!(kind(&seed), DocumentKind::Adopted);
        assert_eq!(
            kind(
                "United Nations\nS/RES/2334 (2016)\nSecurity Council\n\tThe Security Council,\n\t1.\tDecides."
            ),
            DocumentKind::Adopted
        );
        assert_eq!(
            kind("68/230.\tSouth-South cooperation\n\tThe General Assembly,\n\t1.\tDecides."),
            DocumentKind::Adopted
        );
        assert_eq!(
            kind(
                "United Nations\nA/HRC/RES/25/1\nGeneral Assembly\n\tThe Human Rights Council,\n\t1.\tDecides."
            ),
            DocumentKind::Adopted
        );
    }

    #[test]
    fn draft_by_symbol_distribution_or_sponsor_line() {
        assert_eq!(
            kind(
                "United Nations\nA/C.2/78/L.12\nGeneral Assembly\nDistr.: Limited\n\tThe General Assembly,\n\t1.\tDecides."
            ),
            DocumentKind::Draft
        );
        assert_eq!(
            kind(
                "Japan and Norway: draft resolution\nSouth-South cooperation\n\tThe General Assembly,\n\t1.\tDecides."
            ),
            DocumentKind::Draft
        );
        // A draft that keeps an adoption line is a draft with a defect.
        assert_eq!(
            kind(
                "A/78/L.5\nResolution adopted by the General Assembly on 1 May 2024\n\tThe General Assembly,\n\t1.\tDecides."
            ),
            DocumentKind::Draft
        );
    }

    #[test]
    fn negotiation_by_labels_and_bare_body() {
        assert_eq!(
            kind(
                "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\tOP1\tDecides;\n\tOP1 bis\tRequests."
            ),
            DocumentKind::Negotiation
        );
        assert_eq!(
            kind("\tThe General Assembly,\n\t1.\tDecides."),
            DocumentKind::Body
        );
        assert_eq!(
            kind("\tThe General Assembly,\n\t1.\tDecides;\n\t1 bis.\tRequests."),
            DocumentKind::Negotiation
        );
        assert_eq!(
            kind("\tThe General Assembly,\n\t1.\tDecides [to act]."),
            DocumentKind::Negotiation
        );
        // "without reference to a Main Committee (A/61/L.45)" names a draft but
        // is an adopted text's report line.
        assert_eq!(
            kind(
                "Resolution adopted by the General Assembly on 1 May 2007\n[without reference to a Main Committee (A/61/L.45 and Add.1)]\n\tThe General Assembly,\n\t1.\tDecides."
            ),
            DocumentKind::Adopted
        );
    }

    #[test]
    fn labels_and_settings_names() {
        assert_eq!(negotiation_label("PP1\tRecalling"), Some(3));
        assert_eq!(negotiation_label("OP 12 bis Decides"), Some(5));
        assert_eq!(negotiation_label("OPEC members"), None);
        assert_eq!(negotiation_label("PPP"), None);
        for kind in [
            DocumentKind::Adopted,
            DocumentKind::Draft,
            DocumentKind::Negotiation,
            DocumentKind::Body,
        ] {
            assert_eq!(DocumentKind::parse(kind.key()), Some(kind));
        }
        assert_eq!(DocumentKind::parse("L-Document"), Some(DocumentKind::Draft));
        assert_eq!(DocumentKind::parse("final"), None);
    }
}
