//! The grammatical form of an opening that is not in the list of its part: a
//! phrase of the other part (VRB013), a wrong form of a known verb (VRB001,
//! VRB002), an unknown verb with near misses (VRB017), or plain text that is no
//! opening at all (no finding).

use super::{Extras, OpeningKind, Token, entry, heads, is_head, opening_with, tokenize};
use crate::syntax::ByteRange;

/// What is wrong with the opening of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The opening is a phrase of the other part: `Recalls` in the preamble,
    /// `Recalling` in the operative part. `replacement` is the same phrase in the
    /// right form when the list has it.
    OtherPart {
        range: ByteRange,
        written: String,
        replacement: Option<String>,
    },
    /// A known verb in a wrong form (`Request`, `Requested`, `To request`,
    /// `Requesting` in the operative part; `The Assembly recalls` in the
    /// preamble).
    WrongForm {
        range: ByteRange,
        written: String,
        replacement: Option<String>,
    },
    /// A verb-like first word that no list knows, with near misses.
    Unknown {
        range: ByteRange,
        written: String,
        suggestions: Vec<&'static str>,
    },
}

/// Words that cannot open a preambular paragraph (VRB001).
const NOT_PREAMBULAR: &[&str] = &["The", "In", "By", "It", "This", "We", "As", "With"];

/// Subjects that stand before an operative verb in a sentence of the drafter's
/// own (`The Assembly requests`, `We request`): in a resolution the organ is
/// the subject of every operative paragraph and is not repeated (VRB002).
const OPERATIVE_SUBJECTS: &[&str] = &["The", "We", "It", "This", "They", "Our", "I"];

/// The finding for the opening of a paragraph of `kind` whose text starts at
/// `body_start`, or `None` when the opening is listed (or not verb-like at all).
pub fn finding(
    text: &str,
    body_start: usize,
    kind: OpeningKind,
    extras: &Extras,
) -> Option<Finding> {
    if opening_with(text, body_start, kind, extras).is_some() {
        return None;
    }
    let tokens = tokenize(text, body_start, 6);
    let mut at = 0;
    if tokens
        .first()
        .is_some_and(|t| t.word && matches!(t.text, "Also" | "Further" | "Again"))
    {
        at = 1;
    }
    let first = tokens.get(at).filter(|t| t.word)?;
    if !tokens[0].text.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some(other) = opening_with(text, first.start, kind.other(), extras) {
        let replacement = convert(&other.canonical, kind);
        return Some(Finding::OtherPart {
            range: other.phrase,
            written: text[other.phrase.start..other.phrase.end].to_owned(),
            replacement,
        });
    }
    let range = ByteRange::new(first.start, first.end);
    let written = first.text.to_owned();
    match kind {
        OpeningKind::Operative => {
            if OPERATIVE_SUBJECTS.contains(&first.text) {
                return subject_before_verb(text, &tokens, at);
            }
            if let Some(replacement) = finite_of_wrong_form(&tokens, at) {
                let end = if first.text == "To" {
                    tokens[at + 1].end
                } else {
                    first.end
                };
                return Some(Finding::WrongForm {
                    range: ByteRange::new(first.start, end),
                    written: text[first.start..end].to_owned(),
                    replacement: Some(replacement),
                });
            }
            if first.text.ends_with('s') || first.text.ends_with("ing") {
                return unknown(kind, range, written);
            }
            None
        }
        OpeningKind::Preambular => {
            // The finite form of a preambular participle no operative list has
            // (`Bears in mind` for `Bearing in mind`).
            if let Some(participle) = participle_of_finite(first.text) {
                return Some(Finding::OtherPart {
                    range,
                    written,
                    replacement: Some(participle),
                });
            }
            if NOT_PREAMBULAR.contains(&first.text) {
                return Some(Finding::WrongForm {
                    range,
                    written,
                    replacement: None,
                });
            }
            if first.text.ends_with("ing") || first.text.ends_with("ed") {
                return unknown(kind, range, written);
            }
            None
        }
    }
}

/// `The Assembly requests`, `We request`: the subject and the verb after it
/// (within a few words), to be replaced by the verb in its finite form.
fn subject_before_verb(text: &str, tokens: &[Token<'_>], at: usize) -> Option<Finding> {
    let first = &tokens[at];
    (at + 1..tokens.len()).find_map(|j| {
        let token = &tokens[j];
        if !token.word || !token.text.starts_with(char::is_lowercase) {
            return None;
        }
        let finite = capitalize(token.text);
        let verb = if is_head(OpeningKind::Operative, &finite) {
            Some(finite)
        } else {
            finite_of_wrong_form(tokens, j)
        }?;
        Some(Finding::WrongForm {
            range: ByteRange::new(first.start, token.end),
            written: text[first.start..token.end].to_owned(),
            replacement: Some(verb),
        })
    })
}

fn unknown(kind: OpeningKind, range: ByteRange, written: String) -> Option<Finding> {
    let suggestions = near_misses(kind, &written);
    Some(Finding::Unknown {
        range,
        written,
        suggestions,
    })
}

/// `Bears` → `Bearing`, `Notes` → `Noting`, when the participle opens
/// preambular paragraphs.
fn participle_of_finite(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let base = lower
        .strip_suffix("sses")
        .map(|s| format!("{s}ss"))
        .or_else(|| {
            lower
                .strip_suffix("es")
                .filter(|s| s.ends_with(['h', 'x']))
                .map(str::to_owned)
        })
        .or_else(|| {
            lower
                .strip_suffix('s')
                .filter(|s| s.len() > 2)
                .map(str::to_owned)
        })?;
    let trimmed = base.strip_suffix('e').unwrap_or(&base);
    let doubled = format!("{base}{}", base.chars().next_back()?);
    [
        format!("{trimmed}ing"),
        format!("{base}ing"),
        format!("{doubled}ing"),
    ]
    .into_iter()
    .find(|participle| is_head(OpeningKind::Preambular, participle))
    .map(|participle| capitalize(&participle))
}

/// `Request`, `Requested`, `Requesting`, `To request` → `Requests`.
fn finite_of_wrong_form(tokens: &[Token<'_>], at: usize) -> Option<String> {
    let first = tokens.get(at)?;
    let word = if first.text == "To" {
        tokens.get(at + 1).filter(|t| t.word)?.text
    } else {
        first.text
    };
    let lower = word.to_lowercase();
    let mut stems = vec![lower.clone()];
    if let Some(stem) = lower.strip_suffix("ing") {
        stems.push(stem.to_owned());
        stems.push(format!("{stem}e"));
        if stem.len() > 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] {
            stems.push(stem[..stem.len() - 1].to_owned());
        }
    }
    if let Some(stem) = lower.strip_suffix("ed") {
        stems.push(stem.to_owned());
        stems.push(format!("{stem}e"));
    }
    stems.iter().find_map(|stem| {
        [format!("{stem}s"), format!("{stem}es")]
            .into_iter()
            .find(|finite| is_head(OpeningKind::Operative, finite))
            .map(|finite| capitalize(&finite))
    })
}

/// The phrase `canonical` rewritten for the part `to`: `Takes note of` →
/// `Taking note of`, `Deeply concerned` → `Is deeply concerned`, when the
/// result is listed.
fn convert(canonical: &str, to: OpeningKind) -> Option<String> {
    let (head, rest) = canonical
        .split_once(' ')
        .map_or((canonical, ""), |(h, r)| (h, r));
    let lower = head.to_lowercase();
    let mut candidates = Vec::new();
    match to {
        OpeningKind::Preambular => {
            if lower == "is" {
                candidates.push(capitalize(rest));
            }
            let base = lower
                .strip_suffix("sses")
                .map(|s| format!("{s}ss"))
                .or_else(|| {
                    lower
                        .strip_suffix("es")
                        .filter(|s| s.ends_with(['h', 'x']))
                        .map(str::to_owned)
                })
                .or_else(|| lower.strip_suffix('s').map(str::to_owned));
            if let Some(base) = base {
                let trimmed = base.strip_suffix('e').unwrap_or(&base);
                let doubled = format!("{base}{}", base.chars().next_back().unwrap_or('t'));
                for participle in [
                    format!("{trimmed}ing"),
                    format!("{base}ing"),
                    format!("{doubled}ing"),
                ] {
                    candidates.push(join(&capitalize(&participle), rest));
                }
            }
        }
        OpeningKind::Operative => {
            candidates.push(format!("Is {}", canonical.to_lowercase()));
            if let Some(stem) = lower.strip_suffix("ing") {
                let mut stems = vec![stem.to_owned(), format!("{stem}e")];
                if stem.len() > 2
                    && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
                {
                    stems.push(stem[..stem.len() - 1].to_owned());
                }
                for stem in stems {
                    for finite in [format!("{stem}s"), format!("{stem}es")] {
                        candidates.push(join(&capitalize(&finite), rest));
                    }
                }
            }
        }
    }
    candidates
        .into_iter()
        .find(|candidate| entry(to, candidate).is_some())
}

fn join(head: &str, rest: &str) -> String {
    if rest.is_empty() {
        head.to_owned()
    } else {
        format!("{head} {rest}")
    }
}

pub(super) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Known first words within a small edit distance of `word`, closest first.
pub fn near_misses(kind: OpeningKind, word: &str) -> Vec<&'static str> {
    let lower = word.to_lowercase();
    // Typing slips keep the first letter; longer words allow two edits.
    let limit = if lower.chars().count() >= 8 { 2 } else { 1 };
    let mut found: Vec<(usize, &'static str)> = heads(kind)
        .filter_map(|head| {
            let head_lower = head.to_lowercase();
            if head_lower.chars().next() != lower.chars().next() {
                return None;
            }
            let distance = edit_distance(&lower, &head_lower);
            (distance <= limit).then_some((distance, head))
        })
        .collect();
    found.sort();
    found.into_iter().take(3).map(|(_, head)| head).collect()
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, kind: OpeningKind) -> Option<Finding> {
        finding(text, 0, kind, &Extras::default())
    }

    #[test]
    fn other_part_with_conversion() {
        let Some(Finding::OtherPart { replacement, .. }) =
            find("Takes note of the report", OpeningKind::Preambular)
        else {
            panic!("other part");
        };
        assert_eq!(replacement.as_deref(), Some("Taking note of"));
        let Some(Finding::OtherPart { replacement, .. }) =
            find("Recalling its resolution", OpeningKind::Operative)
        else {
            panic!("other part");
        };
        assert_eq!(replacement.as_deref(), Some("Recalls"));
        let Some(Finding::OtherPart { replacement, .. }) =
            find("Deeply concerned about", OpeningKind::Operative)
        else {
            panic!("other part");
        };
        assert_eq!(replacement.as_deref(), Some("Is deeply concerned"));
        let Some(Finding::OtherPart { replacement, .. }) =
            find("Stresses the need", OpeningKind::Preambular)
        else {
            panic!("other part");
        };
        assert_eq!(replacement.as_deref(), Some("Stressing"));
    }

    #[test]
    fn finite_forms_of_preambular_participles() {
        let Some(Finding::OtherPart { replacement, .. }) =
            find("Bears in mind the Charter", OpeningKind::Preambular)
        else {
            panic!("other part");
        };
        assert_eq!(replacement.as_deref(), Some("Bearing"));
    }

    #[test]
    fn wrong_forms() {
        for written in [
            "Request the",
            "Requested the",
            "To request the",
            "Requesting the",
        ] {
            let Some(Finding::WrongForm { replacement, .. }) =
                find(written, OpeningKind::Operative)
            else {
                panic!("{written}");
            };
            assert_eq!(replacement.as_deref(), Some("Requests"), "{written}");
        }
    }

    #[test]
    fn near_misses_and_plain_text() {
        let Some(Finding::Unknown { suggestions, .. }) =
            find("Reqeusts the", OpeningKind::Operative)
        else {
            panic!("unknown");
        };
        assert_eq!(suggestions.first(), Some(&"Requests"));
        assert_eq!(find("Gaza will be", OpeningKind::Operative), None);
        assert_eq!(find("Recalling its", OpeningKind::Preambular), None);
    }
}
