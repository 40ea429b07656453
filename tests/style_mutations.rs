//! Style defects injected into adopted texts: each STY rule must report its
//! defect on the right line in at least 95 % of the texts where it could be
//! injected, and the injection must add no error or warning anywhere else.
//! The texts are `data/corpus` (and `../shared/data/extended` when present).
//! Each mutation rewrites one occurrence of the right form, outside quotations,
//! in the resolution's own paragraphs (where the style rules read).

mod common;

use std::collections::BTreeSet;

use common::{MutationText as Text, Recall};
use unres::syntax::Role;

/// Whether a byte offset of a line is inside a quotation.
fn quoted(line: &str, at: usize) -> bool {
    let before = &line[..at];
    before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '‑'
}

/// Is an occurrence part of a longer capitalized name ("Congo" in "Democratic
/// Republic of the Congo", "Ireland" in "… and Northern Ireland")? A name is
/// only rewritten where it stands alone.
fn inside_a_name(line: &str, at: usize, needle: &str) -> bool {
    if !needle.starts_with(char::is_uppercase) {
        return false;
    }
    let mut words = line[..at].split_whitespace().rev();
    let joined = |w: &str| matches!(w, "of" | "the" | "and" | "in" | "for");
    let previous = words.next().unwrap_or("");
    let capitalized = |w: &str| w.starts_with(char::is_uppercase) && !w.ends_with([',', ';']);
    let after = line[at + needle.len()..]
        .split_whitespace()
        .next()
        .unwrap_or("");
    capitalized(previous)
        || (joined(previous) && words.next().is_some_and(|w| capitalized(w) || joined(w)))
        || (after.starts_with(char::is_uppercase) && !line[at + needle.len()..].starts_with(','))
}

/// The first whole-word occurrence of `needle` outside quotations in a line
/// the style rules read (the resolution's own paragraphs, not annexes).
fn find_in_paragraphs(text: &Text, needle: &str) -> Option<(usize, usize)> {
    let own = text.tree.own_text();
    for (index, _, role) in text.tree.iter() {
        if !own[index] || !(role.is_body_paragraph() || matches!(role, Role::Continuation { .. })) {
            continue;
        }
        let line = &text.lines[index];
        let body = text.tree.lines()[index].body_start;
        for (at, _) in line.match_indices(needle) {
            let rest = &line[at + needle.len()..];
            // Not the head of a longer figure ("80,000" in "80,000,000").
            let longer_figure = rest.len() > 1
                && rest.starts_with([',', '.'])
                && rest[1..].starts_with(|c: char| c.is_ascii_digit());
            let whole = !line[..at].chars().next_back().is_some_and(is_word_char)
                && !rest.chars().next().is_some_and(is_word_char)
                && !longer_figure;
            if at >= body && whole && !quoted(line, at) && !inside_a_name(line, at, needle) {
                return Some((index, at));
            }
        }
    }
    None
}

/// A mutation: the right forms to look for, each with its defective form.
struct Mutation {
    rule: &'static str,
    pairs: Vec<(String, String)>,
}

fn spelling_pairs(rule: &str, keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    include_str!("../data/style/spelling.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            (cells.get(2) == Some(&rule) && keep(cells[1]))
                .then(|| (cells[1].to_owned(), cells[0].to_owned()))
        })
        .collect()
}

fn country_pairs() -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut seen = BTreeSet::new();
    for line in include_str!("../data/style/countries.tsv").lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        // One defective form per State, from the forms always reported; not for
        // the two names whose full form licenses a later short form.
        let licenses =
            cells[1].starts_with("United States") || cells[1].starts_with("United Kingdom");
        if cells.get(2) == Some(&"flag")
            && !cells[1].contains('(')
            && !licenses
            && seen.insert(cells[1])
        {
            pairs.push((cells[1].to_owned(), cells[0].to_owned()));
        }
    }
    pairs
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn mutations() -> Vec<Mutation> {
    let ize = [
        "organization",
        "recognizes",
        "emphasizes",
        "recognizing",
        "emphasizing",
    ];
    vec![
        Mutation {
            rule: "STY001",
            pairs: spelling_pairs("STY001", |right| ize.contains(&right)),
        },
        Mutation {
            rule: "STY002",
            pairs: pairs(&[("programmes", "programs"), ("programme", "program")]),
        },
        Mutation {
            rule: "STY003",
            pairs: pairs(&[
                ("labour", "labor"),
                ("centre", "center"),
                ("defence", "defense"),
                ("neighbouring", "neighboring"),
                ("fulfil", "fulfill"),
                ("fulfilment", "fulfillment"),
                ("ageing", "aging"),
                ("centres", "centers"),
                ("offences", "offenses"),
            ]),
        },
        Mutation {
            rule: "STY004",
            pairs: pairs(&[("Secretary-General", "Secretary General")]),
        },
        Mutation {
            rule: "STY005",
            pairs: pairs(&[
                ("Member States", "member states"),
                ("Member State", "Member state"),
            ]),
        },
        Mutation {
            rule: "STY006",
            pairs: pairs(&[("United Nations", "UN")]),
        },
        Mutation {
            rule: "STY007",
            // Every organization acronym of the list, written with full stops.
            pairs: include_str!("../data/style/acronyms.tsv")
                .lines()
                .skip(1)
                .filter_map(|line| line.split('\t').next())
                .map(|acronym| {
                    let dotted: String = acronym.chars().flat_map(|c| [c, '.']).collect();
                    (acronym.to_owned(), dotted)
                })
                .collect(),
        },
        Mutation {
            rule: "STY008",
            pairs: (1..100)
                .map(|n| (format!("{n} per cent"), format!("{n}%")))
                .collect(),
        },
        Mutation {
            rule: "STY009",
            pairs: [
                "two", "three", "four", "five", "six", "seven", "eight", "nine",
            ]
            .iter()
            .enumerate()
            .flat_map(|(i, word)| {
                ["years", "months", "days", "weeks"]
                    .map(|noun| (format!("{word} {noun}"), format!("{} {noun}", i + 2)))
            })
            .collect(),
        },
        Mutation {
            rule: "STY010",
            pairs: (1..100)
                .flat_map(|n| {
                    ["000", "500", "200"].map(|rest| (format!("{n},{rest}"), format!("{n} {rest}")))
                })
                .collect(),
        },
        Mutation {
            rule: "STY011",
            pairs: (1..100)
                .map(|n| (format!("{n} million"), format!("{n},000,000")))
                .collect(),
        },
        Mutation {
            rule: "STY012",
            pairs: pairs(&[
                ("twenty-first century", "21st century"),
                ("twentieth century", "20th century"),
                // Adopted texts name few centuries outside quoted titles, so
                // the drafter's figure is also written into a common phrase.
                ("in the world", "in the world of the 21st century"),
                ("of the world", "of the world of the XXI century"),
            ]),
        },
        Mutation {
            rule: "STY013",
            pairs: pairs(&[
                ("cooperation", "co-operation"),
                ("peacekeeping", "peace-keeping"),
                ("subregional", "sub-regional"),
                ("peacebuilding", "peace-building"),
                ("coordination", "co-ordination"),
            ]),
        },
        Mutation {
            rule: "STY014",
            pairs: country_pairs(),
        },
    ]
}

fn run(mutation: &Mutation, texts: &[Text]) -> Recall {
    let mut tally = Recall::default();
    for text in texts {
        let Some((right, wrong, line, at)) = mutation.pairs.iter().find_map(|(right, wrong)| {
            let (line, at) = find_in_paragraphs(text, right)?;
            Some((right, wrong, line, at))
        }) else {
            continue;
        };
        let mut lines = text.lines.clone();
        lines[line].replace_range(at..at + right.len(), wrong);
        let added = common::added(&text.before, &common::findings_of(&lines.join("\n")));
        tally.record(
            format!("{}:{} `{right}` → `{wrong}`", text.name, line + 1),
            &added,
            |l, code| l == line && code == mutation.rule,
        );
    }
    tally
}

#[test]
fn every_style_defect_is_found_on_its_line() {
    let texts = common::mutation_texts();
    let tallies: Vec<_> = mutations()
        .iter()
        .map(|mutation| (mutation.rule, run(mutation, &texts)))
        .collect();
    common::assert_mutation_gate("style mutations", &tallies);
}
