//! Which part an unnumbered paragraph belongs to, from its first words: a
//! participle or adjective opens a preambular paragraph (`Recalling`, `Deeply
//! concerned`), a finite verb an operative one (`Decides`, `Also requests`).
//!
//! The structure needs this for paragraphs that carry no number: the single
//! paragraph of a short resolution, the operative part of a budget section, a
//! declaration's lead-in (`Adopts the following declaration:`). It reads only
//! the first word of each phrase of the shipped agreed language
//! (`data/agreed-language/openings.tsv`); the analysis layer recognises whole
//! phrases and their markers.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The part a paragraph's opening belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpeningClass {
    Preambular,
    Operative,
}

struct Heads {
    preambular: HashSet<&'static str>,
    operative: HashSet<&'static str>,
}

static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let mut heads = Heads {
        preambular: HashSet::new(),
        operative: HashSet::new(),
    };
    for line in include_str!("../../data/agreed-language/openings.tsv")
        .lines()
        .skip(1)
    {
        let mut cells = line.split('\t');
        let (Some(kind), Some(phrase)) = (cells.next(), cells.next()) else {
            continue;
        };
        let Some(head) = phrase.split_whitespace().next() else {
            continue;
        };
        match kind {
            "preambular" => heads.preambular.insert(head),
            _ => heads.operative.insert(head),
        };
    }
    heads
});

/// Adverbs that may stand before an opening verb or adjective: the class is
/// that of the word after them (`Strongly condemns`, `Deeply concerned`).
const ADVERBS: [&str; 12] = [
    "Also",
    "Further",
    "Furthermore",
    "Again",
    "Once",
    "Strongly",
    "Deeply",
    "Gravely",
    "Firmly",
    "Fully",
    "Seriously",
    "Hereby",
];

/// The class of a paragraph's opening, or `None` when its first word is not a
/// known opening word (a heading, a sentence in the first person, a table row).
pub fn class_of(body: &str) -> Option<OpeningClass> {
    // `[Invites States …`: a rolling text's bracket before the first word.
    let body = body.trim_start_matches(['[', ' ']);
    let mut words = body
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
        .filter(|w| !w.is_empty());
    let mut word = words.next()?;
    let mut after_adverb = false;
    for _ in 0..2 {
        if !ADVERBS.contains(&&*capitalised(word)) {
            break;
        }
        match words.next() {
            Some(next) => {
                after_adverb = true;
                word = next;
            }
            None => break,
        }
    }
    let head = capitalised(word);
    let heads = &*HEADS;
    if heads.operative.contains(&*head) {
        return Some(OpeningClass::Operative);
    }
    if heads.preambular.contains(&*head) {
        return Some(OpeningClass::Preambular);
    }
    // Openings beyond the shipped lists, by form: a participle, or a verb in the
    // third person (`Forwards the nominations`) before a lower-case word.
    if head.ends_with("ing") && head.len() > 5 {
        return Some(OpeningClass::Preambular);
    }
    let next_is_lower = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
    let finite_form = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !PLURAL_SUBJECTS.contains(&&*head);
    ((after_adverb || next_is_lower) && finite_form).then_some(OpeningClass::Operative)
}

/// Plural nouns that open sentences of annexed texts (`States should …`).
const PLURAL_SUBJECTS: [&str; 8] = [
    "States",
    "Parties",
    "Members",
    "Governments",
    "Countries",
    "Organizations",
    "Participants",
    "Its",
];

/// `again` → `Again`, so that a lower-case word after an adverb is found;
/// borrowed when the word is already capitalised (nearly every opening: every
/// paragraph line of every parse asks).
fn capitalised(word: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() || !first.is_alphabetic() => word.into(),
        Some(first) => first.to_uppercase().chain(chars).collect::<String>().into(),
        None => word.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        use OpeningClass::*;
        for (text, class) in [
            ("Recalling its resolution 64/222,", Some(Preambular)),
            ("Deeply concerned by the situation,", Some(Preambular)),
            ("Decides to remain seized of the matter.", Some(Operative)),
            ("Also requests the Secretary-General", Some(Operative)),
            ("Strongly condemns all attacks", Some(Operative)),
            ("Once again requests the Secretary-General", Some(Operative)),
            ("Forwards the following nominations", Some(Operative)),
            ("Underscoring the need", Some(Preambular)),
            ("The General Assembly,", None),
            ("We, Heads of State and Government,", None),
            ("States should cooperate", None),
        ] {
            assert_eq!(class_of(text), class, "{text}");
        }
    }
}
