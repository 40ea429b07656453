//! Completion of openings: preambular phrases at the start of a preambular
//! paragraph, operative verbs after a paragraph number, the marked form first
//! when the previous paragraph opened with the same phrase, and a snippet for a
//! new numbered paragraph. Everything it reads is precomputed; a call only walks
//! back to the previous paragraph and filters the ranked lists.

use super::{
    Entry, Extras, MarkerWord, OpeningKind, entry_docs, is_security_council, opening_with, ranked,
    with_marker,
};
use crate::analysis::Config;
use crate::analysis::ide::{CompletionCandidate, CompletionKind};
use crate::analysis::style::ordinal_words;
use crate::syntax::{LineShape, Role, Span, Tree};

/// What the cursor is in.
struct Position {
    kind: OpeningKind,
    /// Where the opening starts (after the number, or after the indentation).
    start: usize,
    numbered: bool,
    /// The opening of the previous paragraph of the same kind in the same part.
    previous: Option<(String, Option<MarkerWord>)>,
    /// The number the next operative paragraph takes.
    next_number: u32,
}

/// Candidates for the opening at (`line`, `byte`), ranked; empty when the cursor
/// is not where an opening is typed.
pub fn complete_opening(
    tree: &Tree,
    config: &Config,
    line: usize,
    byte: usize,
) -> Vec<CompletionCandidate> {
    let Some(lexed) = tree.line(line) else {
        return Vec::new();
    };
    let text = &lexed.text;
    let byte = byte.min(text.len());
    if !text.is_char_boundary(byte) {
        return Vec::new();
    }
    let extras = Extras::from_config(config);
    let Some(position) = position(tree, &extras, line) else {
        return Vec::new();
    };
    if byte < position.start {
        return Vec::new();
    }
    let typed = &text[position.start..byte];
    if typed.split_whitespace().count() > 4
        || !typed
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return Vec::new();
    }
    let typed_lower = typed.trim_start().to_lowercase();
    let replace = Span::new(line, position.start, byte);
    let after = text[byte..].chars().next();
    let space = if after.is_some_and(char::is_whitespace) {
        ""
    } else {
        " "
    };
    let kind = position.kind;
    let verb_kind = match kind {
        OpeningKind::Preambular => CompletionKind::PreambularPhrase,
        OpeningKind::Operative => CompletionKind::OperativeVerb,
    };
    // A marker typed first (`Also req`): offer the marked forms.
    let typed_marker = [
        ("once again ", MarkerWord::OnceAgain),
        ("also ", MarkerWord::Also),
        ("further ", MarkerWord::Further),
    ]
    .into_iter()
    .find(|(m, _)| typed_lower.starts_with(m));
    let (phrase_prefix, marker) = match typed_marker {
        Some((m, word)) => (&typed_lower[m.len()..], Some(word)),
        None => (typed_lower.as_str(), None),
    };
    let matches = |phrase_lower: &str, label: &str| {
        phrase_lower.starts_with(phrase_prefix) || label.to_lowercase().starts_with(&typed_lower)
    };
    let mut out = Vec::new();
    // The marked form of the previous paragraph's opening comes first.
    if let Some((previous, previous_marker)) = &position.previous {
        let next_marker = match previous_marker {
            None | Some(MarkerWord::OnceAgain | MarkerWord::Again) => Some(MarkerWord::Also),
            Some(MarkerWord::Also) => Some(MarkerWord::Further),
            Some(MarkerWord::Further) => None,
        };
        let words: Vec<&str> = previous.split(' ').collect();
        if let Some(next_marker) = next_marker.filter(|m| marker.is_none_or(|t| t == *m)) {
            let label = with_marker(&words, kind, Some(next_marker));
            let lower = previous.to_lowercase();
            if matches(&lower, &label) {
                let entry = super::entry(kind, previous);
                let mut documentation = format!(
                    "The previous paragraph also opens with *{previous}*: adopted texts mark the second paragraph in a row with *also* and the third with *further*."
                );
                if let Some(entry) = entry {
                    documentation.push_str("\n\n");
                    documentation.push_str(entry_docs(entry));
                }
                out.push(CompletionCandidate {
                    label: label.clone(),
                    kind: verb_kind,
                    detail: Some(format!("repeats the previous {} opening", kind.noun())),
                    documentation: Some(documentation),
                    replace,
                    insert_text: format!("{label}{space}"),
                    is_snippet: false,
                    sort_text: "0000".to_owned(),
                    filter_text: Some(previous.clone()),
                    resolve_key: None,
                });
            }
        }
    }
    for (rank, entry) in ranked(kind).enumerate() {
        let words: Vec<&str> = entry.phrase.split(' ').collect();
        let label = match marker {
            Some(marker) => with_marker(&words, kind, Some(marker)),
            None => entry.phrase.clone(),
        };
        if out.iter().any(|c| c.label == label) || !matches(&entry.lower, &label) {
            continue;
        }
        out.push(candidate(entry, label, rank + 1, replace, space, verb_kind));
    }
    let listed = out.len();
    for phrase in extras.of_kind(kind) {
        if !phrase.to_lowercase().starts_with(phrase_prefix) {
            continue;
        }
        out.push(CompletionCandidate {
            label: phrase.to_owned(),
            kind: verb_kind,
            detail: Some(format!("{} opening from your configuration", kind.noun())),
            documentation: None,
            replace,
            insert_text: format!("{phrase}{space}"),
            is_snippet: false,
            sort_text: format!("{:04}", 1000 + out.len()),
            filter_text: None,
            resolve_key: None,
        });
    }
    // Security Council texts leave 86 % of their repeats unmarked (corpus): there
    // the marked form comes right after the plain one.
    let security_council = match config.organ {
        Some(organ) => organ == crate::analysis::symbol::Organ::SecurityCouncil,
        None => is_security_council(tree),
    };
    if position.previous.is_some() && security_council {
        if let Some((plain_sort, plain)) = position.previous.as_ref().and_then(|(p, _)| {
            out.iter()
                .find(|c| c.label == *p)
                .map(|c| (c.sort_text.clone(), c.label.clone()))
        }) {
            if let Some(marked) = out
                .iter_mut()
                .find(|c| c.sort_text == "0000" && c.filter_text.as_deref() == Some(plain.as_str()))
            {
                marked.sort_text = format!("{plain_sort}~");
            }
            out.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        }
    }
    for candidate in out.iter_mut().filter(|c| c.kind == verb_kind) {
        candidate.filter_text = Some(filter_text(typed, candidate));
    }
    if position.numbered && kind == OpeningKind::Operative && !typed_lower.is_empty() {
        out.extend(closing_formulas(
            tree,
            security_council,
            &typed_lower,
            replace,
        ));
    }
    if !position.numbered && (kind == OpeningKind::Operative || typed.is_empty()) {
        let verb = if kind == OpeningKind::Operative && listed > 0 {
            out[0].label.clone()
        } else {
            "Decides".to_owned()
        };
        let number = position.next_number;
        out.push(CompletionCandidate {
            label: format!("{number}. {verb} …"),
            kind: CompletionKind::Snippet,
            detail: Some(format!("new operative paragraph {number}")),
            documentation: Some(format!(
                "Starts operative paragraph {number}: number, tab, opening verb. It ends with a semicolon, or with a full stop if it is the last."
            )),
            replace: Span::new(line, 0, byte),
            insert_text: format!("\t{number}.\t${{1:{verb}}} $0"),
            is_snippet: true,
            sort_text: "9999".to_owned(),
            filter_text: Some(verb),
            resolve_key: None,
        });
    }
    out
}

/// A standard last paragraph (VRB015): its text with snippet placeholders, the
/// organ it belongs to, and how many adopted texts end with it.
struct ClosingFormula {
    /// The formula with `{session}` for the next session in words.
    template: &'static str,
    security_council: bool,
    /// Last paragraphs of this form among the 3,579 adopted texts of
    /// `data/corpus` and `../shared/data/extended`.
    count: u32,
}

/// The closing formulas of the spec (VRB015), most frequent first.
const CLOSING_FORMULAS: &[ClosingFormula] = &[
    ClosingFormula {
        template: "Decides to remain actively seized of the matter.",
        security_council: true,
        count: 734,
    },
    ClosingFormula {
        template: "Decides to remain seized of the matter.",
        security_council: true,
        count: 476,
    },
    ClosingFormula {
        template: "Decides to include in the provisional agenda of its ${1:{session}} session, under the item entitled “${2:…}”, the sub-item entitled “${3:…}”.",
        security_council: false,
        count: 452,
    },
    ClosingFormula {
        template: "Decides to include in the provisional agenda of its ${1:{session}} session the item entitled “${2:…}”.",
        security_council: false,
        count: 305,
    },
    ClosingFormula {
        template: "Requests the Secretary-General to submit to the General Assembly at its ${1:{session}} session a report on the implementation of the present resolution.",
        security_council: false,
        count: 114,
    },
];

/// The session after the resolution's own, in words (`sixty-ninth` for
/// 68/230), from its title line; `…` when the text has none.
fn next_session(tree: &Tree) -> String {
    tree.iter()
        .find_map(|(_, line, _)| match line.shape {
            LineShape::Title { number } => {
                let session: u32 = line.text[number.start..number.end]
                    .split('/')
                    .next()?
                    .parse()
                    .ok()?;
                ordinal_words(session + 1)
            }
            _ => None,
        })
        .unwrap_or_else(|| "…".to_owned())
}

/// The closing formulas of the document's organ that start with what is typed.
fn closing_formulas(
    tree: &Tree,
    security_council: bool,
    typed_lower: &str,
    replace: Span,
) -> Vec<CompletionCandidate> {
    let session = next_session(tree);
    CLOSING_FORMULAS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.security_council == security_council)
        .filter_map(|(rank, formula)| {
            let insert_text = formula.template.replace("{session}", &session);
            let label = insert_text
                .replace("${1:", "")
                .replace("${2:", "")
                .replace("${3:", "")
                .replace('}', "");
            label.to_lowercase().starts_with(typed_lower).then(|| CompletionCandidate {
                label: label.clone(),
                kind: CompletionKind::Snippet,
                detail: Some(format!(
                    "closing formula · ends {} adopted texts",
                    formula.count
                )),
                documentation: Some(
                    "A standard last paragraph (VRB015). The last operative paragraph ends with a full stop."
                        .to_owned(),
                ),
                replace,
                insert_text: format!("{insert_text}$0"),
                is_snippet: true,
                sort_text: format!("{:04}", 900 + rank),
                filter_text: Some(label),
                resolve_key: None,
            })
        })
        .collect()
}

/// The text a client filters `candidate` by: what is typed, continued by the
/// form it was typed towards (the label, `Also requests`, or the bare phrase,
/// `Requests`, for a marked form). Clients that match prefixes (Neovim, Helix,
/// Emacs) and case-sensitively keep it as VS Code's fuzzy matching does.
fn filter_text(typed: &str, candidate: &CompletionCandidate) -> String {
    let typed_lower = typed.to_lowercase();
    let forms = std::iter::once(candidate.label.as_str()).chain(candidate.filter_text.as_deref());
    for form in forms {
        if form.to_lowercase().starts_with(&typed_lower) {
            let rest: String = form.chars().skip(typed.chars().count()).collect();
            return format!("{typed}{rest}");
        }
    }
    candidate.label.clone()
}

fn candidate(
    entry: &Entry,
    label: String,
    rank: usize,
    replace: Span,
    space: &str,
    kind: CompletionKind,
) -> CompletionCandidate {
    let detail = if entry.count > 0 {
        format!(
            "{} · opens {} paragraphs of adopted texts",
            entry.kind.noun(),
            entry.count
        )
    } else {
        format!("{} · not found in adopted texts", entry.kind.noun())
    };
    CompletionCandidate {
        insert_text: format!("{label}{space}"),
        filter_text: (label != entry.phrase).then(|| entry.phrase.clone()),
        label,
        kind,
        detail: Some(detail),
        documentation: Some(entry_docs(entry).to_owned()),
        replace,
        is_snippet: false,
        sort_text: format!("{rank:04}"),
        resolve_key: None,
    }
}

/// Where an opening is typed on `line`, or `None` outside the body.
fn position(tree: &Tree, extras: &Extras, line: usize) -> Option<Position> {
    let lexed = tree.line(line)?;
    let (numbered, start) = match tree.role(line) {
        Role::Operative { .. } | Role::MalformedOperative { .. } => (true, lexed.body_start),
        Role::Preambular
        | Role::Heading
        | Role::Blank
        | Role::Continuation { .. }
        | Role::Other => (false, lexed.indent.min(lexed.text.len())),
        _ => return None,
    };
    // Walk back to the previous paragraph and the start of the part.
    let mut kind = None;
    let mut previous = None;
    let mut next_number = 1;
    let mut in_body = false;
    for index in (0..line).rev() {
        let role = tree.role(index);
        let here = match role {
            Role::Preambular => Some(OpeningKind::Preambular),
            Role::Operative { number, .. } | Role::MalformedOperative { number, .. } => {
                if kind.is_none() {
                    next_number = number + 1;
                }
                Some(OpeningKind::Operative)
            }
            Role::Organ => {
                in_body = true;
                break;
            }
            Role::SectionNumber { .. } | Role::PartHeading { .. } => {
                in_body = true;
                break;
            }
            Role::ClosingMeeting
            | Role::ClosingDate
            | Role::AnnexHeading { .. }
            | Role::Header
            | Role::Title => break,
            _ => None,
        };
        if let Some(here) = here {
            in_body = true;
            if kind.is_none() {
                kind = Some(here);
                let line = tree.line(index)?;
                previous = opening_with(&line.text, line.body_start, here, extras)
                    .map(|o| (o.canonical.to_string(), o.marker.map(|m| m.word)));
            }
            if here == OpeningKind::Operative {
                break;
            }
        }
    }
    if !in_body {
        return None;
    }
    let found = kind;
    let kind = if numbered {
        OpeningKind::Operative
    } else {
        found.unwrap_or(OpeningKind::Preambular)
    };
    Some(Position {
        kind,
        start,
        numbered,
        // The previous paragraph counts only when it is of the same kind.
        previous: previous.filter(|_| found == Some(kind)),
        next_number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to continue;\n";

    fn complete(text: &str, line: usize, byte: usize) -> Vec<CompletionCandidate> {
        complete_opening(&Tree::parse(text), &Config::default(), line, byte)
    }

    fn labels(candidates: &[CompletionCandidate]) -> Vec<&str> {
        candidates.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn operative_verbs_after_a_number() {
        let text = format!("{BASE}\t2.\tReq");
        let candidates = complete(&text, 3, 7);
        assert_eq!(candidates[0].label, "Requests");
        assert_eq!(candidates[0].replace, Span::new(3, 4, 7));
        assert_eq!(candidates[0].kind, CompletionKind::OperativeVerb);
        assert!(
            candidates[0]
                .documentation
                .as_deref()
                .is_some_and(|d| d.contains("A/RES/"))
        );
        assert!(candidates.iter().all(|c| c.label.starts_with("Re")));
        assert!(
            candidates
                .windows(2)
                .all(|w| w[0].sort_text <= w[1].sort_text)
        );
    }

    #[test]
    fn marked_form_first_after_the_same_verb() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t11.\tRequests the Secretary-General to report;\n\t12.\tReq";
        let candidates = complete(text, 3, 8);
        assert_eq!(labels(&candidates)[..2], ["Also requests", "Requests"]);
        assert_eq!(candidates[0].replace, Span::new(3, 5, 8));
        let text = text.replace("\t11.\tRequests", "\t11.\tAlso requests");
        assert_eq!(complete(&text, 3, 8)[0].label, "Further requests");
    }

    #[test]
    fn security_council_offers_the_plain_form_first() {
        let text = "\tThe Security Council,\n\tRecalling its resolution 1325 (2000),\n\t1.\tRequests the Secretary-General to report;\n\t2.\tReq";
        let candidates = complete(text, 3, 7);
        assert_eq!(labels(&candidates)[..2], ["Requests", "Also requests"]);
    }

    #[test]
    fn preambular_phrases_at_the_start_of_a_preambular_paragraph() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\tRec";
        let candidates = complete(text, 2, 4);
        assert_eq!(
            labels(&candidates)[..3],
            ["Recalling also", "Recalling", "Recognizing"]
        );
        assert_eq!(candidates[1].kind, CompletionKind::PreambularPhrase);
        let text = "\tThe General Assembly,\n\t";
        let candidates = complete(text, 1, 1);
        assert_eq!(candidates[0].label, "Recalling");
    }

    #[test]
    fn typed_marker_and_case() {
        let text = format!("{BASE}\t2.\talso tak");
        let candidates = complete(&text, 3, 12);
        assert!(labels(&candidates).contains(&"Also takes note of"));
    }

    #[test]
    fn snippet_for_a_new_paragraph() {
        let text = format!("{BASE}\t");
        let candidates = complete(&text, 3, 1);
        let snippet = candidates
            .iter()
            .find(|c| c.kind == CompletionKind::Snippet)
            .expect("snippet");
        assert!(snippet.is_snippet);
        assert!(snippet.insert_text.starts_with("\t2.\t${1:"));
        assert_eq!(snippet.replace, Span::new(3, 0, 1));
    }

    #[test]
    fn closing_formulas_for_the_organ() {
        let text = "68/230.\tSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of the report;\n\t2.\tDecides to inc";
        let candidates = complete(text, 4, 18);
        let formula = candidates
            .iter()
            .find(|c| c.kind == CompletionKind::Snippet)
            .expect("closing formula");
        assert_eq!(
            formula.label,
            "Decides to include in the provisional agenda of its sixty-ninth session, under the item entitled “…”, the sub-item entitled “…”."
        );
        assert!(formula.insert_text.contains("its ${1:sixty-ninth} session"));
        assert!(formula.is_snippet);
        assert!(!labels(&candidates).iter().any(|l| l.contains("seized")));
        let text = "\tThe Security Council,\n\tRecalling its resolution 1325 (2000),\n\t1.\tDecides to rem";
        let candidates = complete(text, 2, 18);
        let formulas: Vec<&str> = candidates
            .iter()
            .filter(|c| c.kind == CompletionKind::Snippet)
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(
            formulas,
            [
                "Decides to remain actively seized of the matter.",
                "Decides to remain seized of the matter."
            ]
        );
    }

    #[test]
    fn nothing_inside_a_paragraph_or_the_header() {
        let text = format!("{BASE}\t2.\tRequests the Secretary-General, to");
        assert!(complete(&text, 3, 40).is_empty());
        assert!(complete(BASE, 0, 3).is_empty());
    }

    #[test]
    fn configured_phrases_are_offered() {
        let config = Config {
            extra_operative_verbs: vec!["Exhorts".to_owned()],
            ..Config::default()
        };
        let text = format!("{BASE}\t2.\tEx");
        let candidates = complete_opening(&Tree::parse(&text), &config, 3, 6);
        assert!(labels(&candidates).contains(&"Exhorts"));
    }
}
