//! Real adopted resolutions with one numbering or footnote defect introduced:
//! unres must report that defect on the right line with the right family of code,
//! and nothing else new.
//!
//! The recall gate (`every_known_defect_is_found_on_its_line`) injects each
//! defect type it knows into adopted texts of `data/corpus` and
//! `../shared/data/extended` (when present; CI requires it): at least 97 % must
//! be found on their line with no new error or warning elsewhere. See
//! docs/RECALL.md.

mod common;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use unres::analysis::agreed_language::{OpeningKind, opening_of};
use unres::analysis::{Catalog, Citations, Config, analyze};
use unres::syntax::{ItemLabel, LineShape, MarkerForm, Role, Tree};

fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("data/corpus")
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("utf-8"))
        })
        .collect()
}

fn findings(text: &str) -> BTreeSet<(usize, String)> {
    analyze(&Tree::parse(text), &Config::default())
        .into_iter()
        .map(|d| (d.span.line, d.code.to_owned()))
        .collect()
}

/// The diagnostics the mutation added.
fn added(before: &str, after: &str) -> Vec<(usize, String)> {
    let old = findings(before);
    findings(after)
        .into_iter()
        .filter(|f| !old.contains(f))
        .collect()
}

fn replace_line(text: &str, line: usize, new: Option<String>) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    match new {
        Some(new) => lines[line] = new,
        None => {
            lines.remove(line);
        }
    }
    lines.join("\n")
}

struct Tally {
    tried: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(
        &mut self,
        name: &str,
        what: &str,
        added: Vec<(usize, String)>,
        line: usize,
        family: &str,
    ) {
        self.tried += 1;
        let hit = added
            .iter()
            .any(|(l, c)| *l == line && c.starts_with(family));
        let foreign: Vec<_> = added
            .iter()
            .filter(|(_, c)| !c.starts_with(family))
            .collect();
        if !hit || !foreign.is_empty() {
            self.failures.push(format!(
                "{name}: {what} (line {}): added {added:?}",
                line + 1
            ));
        }
    }

    fn assert_clean(&self, label: &str, tolerance: usize) {
        assert!(
            self.tried > 50,
            "{label}: only {} mutations tried",
            self.tried
        );
        assert!(
            self.failures.len() <= tolerance,
            "{label}: {} of {} mutations not reported exactly:\n{}",
            self.failures.len(),
            self.tried,
            self.failures.join("\n")
        );
        eprintln!(
            "{label}: {} mutations, {} misses",
            self.tried,
            self.failures.len()
        );
    }
}

#[test]
fn a_misnumbered_operative_paragraph_is_reported_on_its_line() {
    let mut tally = Tally {
        tried: 0,
        failures: Vec::new(),
    };
    for (name, text) in corpus() {
        let tree = Tree::parse(&text);
        let operative: Vec<(usize, u32)> = tree
            .iter()
            .filter_map(|(i, _, r)| match r {
                Role::Operative { number, .. } => Some((i, number)),
                _ => None,
            })
            .collect();
        if operative.len() < 3 {
            continue;
        }
        let (line, number) = operative[operative.len() / 2];
        let LineShape::Numbered { label, .. } = tree.lines()[line].shape else {
            continue;
        };
        let original = &tree.lines()[line].text;
        let mutated_line = format!(
            "{}{}{}",
            &original[..label.start],
            number + 1,
            &original[label.end - 1..]
        );
        let mutated = replace_line(&text, line, Some(mutated_line));
        tally.check(&name, "number + 1", added(&text, &mutated), line, "NUM");
    }
    tally.assert_clean("misnumbered paragraph", 0);
}

#[test]
fn a_deleted_footnote_text_is_reported_at_its_reference() {
    let mut tally = Tally {
        tried: 0,
        failures: Vec::new(),
    };
    for (name, text) in corpus() {
        let tree = Tree::parse(&text);
        let footnotes = tree.footnotes();
        // A footnote referenced once, whose text is one line.
        let Some(target) = footnotes.texts.iter().find(|t| {
            t.line == t.last_line
                && footnotes
                    .refs
                    .iter()
                    .filter(|r| r.number == t.number)
                    .count()
                    == 1
        }) else {
            continue;
        };
        let reference = footnotes
            .refs
            .iter()
            .find(|r| r.number == target.number)
            .unwrap();
        let mutated = replace_line(&text, target.line, None);
        let reference_line = if reference.span.line > target.line {
            reference.span.line - 1
        } else {
            reference.span.line
        };
        tally.check(
            &name,
            "footnote text deleted",
            added(&text, &mutated),
            reference_line,
            "FTN",
        );
    }
    tally.assert_clean("deleted footnote text", 0);
}

#[test]
fn a_marker_before_its_punctuation_is_reported() {
    let mut tally = Tally {
        tried: 0,
        failures: Vec::new(),
    };
    for (name, text) in corpus() {
        let tree = Tree::parse(&text);
        let footnotes = tree.footnotes();
        let Some(reference) = footnotes.refs.iter().find(|r| {
            r.marker.form == MarkerForm::Glued
                && r.marker.after_punctuation
                && tree.lines()[r.span.line].text[..r.span.start].ends_with(',')
        }) else {
            continue;
        };
        let line = reference.span.line;
        let original = &tree.lines()[line].text;
        let digits = &original[reference.span.start..reference.span.end];
        let mutated_line = format!(
            "{}{digits},{}",
            &original[..reference.span.start - 1],
            &original[reference.span.end..]
        );
        let mutated = replace_line(&text, line, Some(mutated_line));
        tally.check(
            &name,
            "marker moved before the comma",
            added(&text, &mutated),
            line,
            "FTN003",
        );
    }
    // Allowed misses (4 of 123): S/RES/2231 "Articles 2, 3, 4, 5, 6,7", where the
    // "marker" is a number of a list; and three markers after a resolution number
    // (`resolution 72/55,1` → `72/551,`), which reads as resolution 72/551 — the
    // parser does not guess a footnote inside a symbol before a comma, because
    // adopted texts write `64/263, section II …` far more often.
    tally.assert_clean("marker before punctuation", 4);
}

/// A text of the recall gate, parsed once.
struct Text {
    name: String,
    text: String,
    lines: Vec<String>,
    tree: Tree,
}

/// The mutated lines and the line the defect is on.
type Injected = Option<(Vec<String>, usize)>;

/// One defect type: the code (or code prefix) that must report it and how to
/// inject it into a text, where the text offers a place for it.
struct Defect {
    name: &'static str,
    code: &'static str,
    inject: fn(&Text) -> Injected,
    /// Held to 97 %; the others are measured and printed until their misses
    /// are fixed (docs/RECALL.md says why each misses).
    gated: bool,
}

/// Mutations tried per defect type, spread over the texts.
const PER_DEFECT: usize = 60;

fn recall_texts() -> Vec<Text> {
    let mut paths = common::texts(&common::project_corpus());
    if let Some(extended) = common::extended_corpus("mutations") {
        paths.extend(common::texts(&extended));
    }
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("utf-8");
            Text {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                lines: text.split('\n').map(str::to_owned).collect(),
                tree: Tree::parse(&text),
                text,
            }
        })
        .collect()
}

/// The resolution's own numbered paragraphs (not an annex's), in order.
fn operative(text: &Text) -> Vec<(usize, u32, u32)> {
    let own = text.tree.own_text();
    text.tree
        .iter()
        .filter_map(|(i, _, role)| match role {
            Role::Operative {
                number, segment, ..
            } if own[i] => Some((i, number, segment)),
            _ => None,
        })
        .collect()
}

/// The last numbered paragraph, after one numbered one less in its sequence.
fn last_numbered(text: &Text) -> Option<(usize, u32)> {
    let paragraphs = operative(text);
    let [.., (_, before, segment_before), (line, number, segment)] = paragraphs[..] else {
        return None;
    };
    (paragraphs.len() >= 3 && segment == segment_before && before + 1 == number)
        .then_some((line, number))
}

fn renumber(text: &Text, line: usize, number: u32) -> Injected {
    let LineShape::Numbered { label, .. } = text.tree.lines()[line].shape else {
        return None;
    };
    let mut lines = text.lines.clone();
    let original = &text.lines[line];
    lines[line] = format!(
        "{}{number}{}",
        &original[..label.start],
        &original[label.end - 1..]
    );
    Some((lines, line))
}

/// `5.` `6.` `8.`: the last paragraph skips a number.
fn numbering_gap(text: &Text) -> Injected {
    let (line, number) = last_numbered(text)?;
    renumber(text, line, number + 1)
}

/// `5.` `6.` `6.`: the last paragraph repeats the number before it.
fn numbering_duplicate(text: &Text) -> Injected {
    let (line, number) = last_numbered(text)?;
    renumber(text, line, number - 1)
}

/// `(a)` `(b)` `(d)`: the last item of a list of at least three skips a letter.
fn skipped_subparagraph(text: &Text) -> Injected {
    let own = text.tree.own_text();
    let mut lists: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (index, _, role) in text.tree.iter() {
        if let Role::Subparagraph {
            level: 1,
            label: ItemLabel::Letter,
            parent,
        } = role
            && own[index]
        {
            lists.entry(parent).or_default().push(index);
        }
    }
    let list = lists.values().find(|items| {
        items.len() >= 3
            && items.iter().enumerate().all(|(n, &line)| {
                matches!(&text.tree.lines()[line].shape,
                    LineShape::Subparagraph { label, .. } if label.trim_matches(['(', ')']) == ((b'a' + n as u8) as char).to_string())
            })
            && items.len() < 25
    })?;
    let line = *list.last()?;
    let LineShape::Subparagraph { range, .. } = &text.tree.lines()[line].shape else {
        return None;
    };
    let original = &text.lines[line];
    let label = &original[range.start..range.end];
    let letter = (b'a' + list.len() as u8) as char;
    // `(h)` then `(i)` reads as the first item of a roman list.
    if matches!(letter, 'i' | 'v' | 'x') {
        return None;
    }
    let skipped = label.replace(
        ((b'a' + list.len() as u8 - 1) as char).to_string().as_str(),
        &letter.to_string(),
    );
    let mut lines = text.lines.clone();
    lines[line] = format!(
        "{}{skipped}{}",
        &original[..range.start],
        &original[range.end..]
    );
    Some((lines, line))
}

/// A footnote referenced once loses its (one-line) text: its reference dangles.
fn dangling_footnote(text: &Text) -> Injected {
    let footnotes = text.tree.footnotes();
    let target = footnotes.texts.iter().find(|t| {
        t.line == t.last_line
            && footnotes
                .refs
                .iter()
                .filter(|r| r.number == t.number)
                .count()
                == 1
    })?;
    let reference = footnotes.refs.iter().find(|r| r.number == target.number)?;
    // An "Ibid." after it would cite another source once it is gone (FTN009).
    if footnotes
        .texts
        .iter()
        .any(|t| t.number > target.number && text.lines[t.line].contains("Ibid"))
    {
        return None;
    }
    let mut lines = text.lines.clone();
    lines.remove(target.line);
    let line = if reference.span.line > target.line {
        reference.span.line - 1
    } else {
        reference.span.line
    };
    Some((lines, line))
}

/// The last footnote loses its only reference: its text is unused.
fn unused_footnote(text: &Text) -> Injected {
    let footnotes = text.tree.footnotes();
    let last = footnotes.texts.last()?;
    let mut refs = footnotes.refs.iter().filter(|r| r.number == last.number);
    let (Some(reference), None) = (refs.next(), refs.next()) else {
        return None;
    };
    if reference.marker.form != MarkerForm::Glued
        || footnotes.refs.iter().any(|r| r.number > last.number)
    {
        return None;
    }
    let mut lines = text.lines.clone();
    let span = reference.span;
    lines[span.line].replace_range(span.start..span.end, "");
    Some((lines, last.line))
}

/// The final character of a one-line paragraph replaced.
fn end_replaced(text: &Text, line: usize, from: char, to: char) -> Injected {
    let lexed = &text.tree.lines()[line];
    let (at, last) = lexed.final_char()?;
    if last != from
        || text.tree.lines().get(line + 1).is_some_and(|next| {
            matches!(
                text.tree.role(line + 1),
                Role::Continuation { .. } | Role::Subparagraph { .. }
            ) && !next.text.trim().is_empty()
        })
    {
        return None;
    }
    let mut lines = text.lines.clone();
    lines[line].replace_range(at..at + from.len_utf8(), &to.to_string());
    Some((lines, line))
}

/// A preambular paragraph (not the last) ends with a semicolon.
fn preambular_semicolon(text: &Text) -> Injected {
    let own = text.tree.own_text();
    let preambular: Vec<usize> = text
        .tree
        .iter()
        .filter(|(i, _, role)| *role == Role::Preambular && own[*i])
        .map(|(i, _, _)| i)
        .collect();
    let &line = preambular.get(preambular.len().checked_sub(2)?)?;
    end_replaced(text, line, ',', ';')
}

/// An operative paragraph before another ends with a comma.
fn operative_comma(text: &Text) -> Injected {
    let paragraphs = operative(text);
    let (line, _, _) = *paragraphs.get(paragraphs.len().checked_sub(2)?)?;
    end_replaced(text, line, ';', ',')
}

/// The last operative paragraph ends with a semicolon.
fn final_semicolon(text: &Text) -> Injected {
    let paragraphs = operative(text);
    let (line, _, _) = *paragraphs.last()?;
    if paragraphs.len() < 2 {
        return None;
    }
    end_replaced(text, line, '.', ';')
}

/// An operative verb without its `s`: `Request the Secretary-General`.
fn operative_verb_form(text: &Text) -> Injected {
    const VERBS: &[&str] = &[
        "Requests ",
        "Decides ",
        "Urges ",
        "Encourages ",
        "Invites ",
        "Calls ",
        "Stresses ",
        "Welcomes ",
    ];
    operative(text).into_iter().find_map(|(line, _, _)| {
        let lexed = &text.tree.lines()[line];
        let verb = VERBS.iter().find(|v| lexed.body().starts_with(**v))?;
        let mut lines = text.lines.clone();
        let at = lexed.body_start + verb.len() - 2;
        lines[line].replace_range(at..at + 1, "");
        Some((lines, line))
    })
}

/// A preambular paragraph opening with an operative verb: `Recalls`.
fn operative_verb_in_preamble(text: &Text) -> Injected {
    let own = text.tree.own_text();
    text.tree.iter().find_map(|(line, lexed, role)| {
        if role != Role::Preambular || !own[line] {
            return None;
        }
        let rest = lexed.body().strip_prefix("Recalling ")?;
        if ["also", "further", "again"]
            .iter()
            .any(|m| rest.starts_with(m))
        {
            return None;
        }
        let mut lines = text.lines.clone();
        lines[line].replace_range(
            lexed.body_start..lexed.body_start + "Recalling".len(),
            "Recalls",
        );
        Some((lines, line))
    })
}

/// A cited date the record confirms, one day off.
fn wrong_cited_date(text: &Text) -> Injected {
    static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::embedded);
    let citations = Citations::collect(&text.tree);
    citations
        .list
        .iter()
        .filter(|c| c.in_body && !c.quoted)
        .find_map(|citation| {
            citation.items.iter().find_map(|item| {
                let (date, span) = (item.date?, item.date_span?);
                if item.symbols.len() != 1
                    || CATALOG.get(&item.symbols[0])?.adoption_date()? != date
                {
                    return None;
                }
                let written = &text.lines[span.line][span.start..span.end];
                let (day, rest) = written.split_once(' ')?;
                let day: u32 = day.parse().ok()?;
                let other = if day > 1 { day - 1 } else { day + 1 };
                let mut lines = text.lines.clone();
                lines[span.line].replace_range(span.start..span.end, &format!("{other} {rest}"));
                Some((lines, span.line))
            })
        })
}

/// `paragraph 5 above` pointing past the last paragraph.
fn dangling_cross_reference(text: &Text) -> Injected {
    static REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bparagraph ([1-9][0-9]*) above\b").expect("valid regex"));
    let paragraphs = operative(text);
    let last = paragraphs.iter().map(|(_, n, _)| *n).max()?;
    // One numbering sequence: a reference cannot mean another section's paragraph.
    if paragraphs.iter().any(|(_, _, s)| *s != paragraphs[0].2) {
        return None;
    }
    paragraphs.iter().find_map(|&(line, _, _)| {
        let found = REFERENCE.captures(&text.lines[line])?;
        let number = found.get(1)?;
        let mut lines = text.lines.clone();
        lines[line].replace_range(number.range(), &(last + 10).to_string());
        Some((lines, line))
    })
}

/// The opening verb of an operative paragraph and whether a sequence marker
/// (`Also`, `Further`) stands before it: `Also requests` → (`requests`, true).
fn operative_head(body: &str) -> Option<(String, bool)> {
    let mut words = body.split_whitespace();
    let first = words.next()?;
    if matches!(first, "Also" | "Further") {
        return Some((words.next()?.to_lowercase(), true));
    }
    Some((first.to_lowercase(), false))
}

/// Adjacent operative paragraphs of a General Assembly text that open with the
/// same verb: (line of the second, marked).
fn adjacent_repeats(text: &Text) -> Vec<(usize, bool)> {
    if !text.text.contains("\tThe General Assembly,") {
        return Vec::new();
    }
    let paragraphs = operative(text);
    paragraphs
        .windows(2)
        .filter(|pair| pair[0].2 == pair[1].2)
        .filter_map(|pair| {
            let first = operative_head(text.tree.lines()[pair[0].0].body())?;
            let (second, marked) = operative_head(text.tree.lines()[pair[1].0].body())?;
            (first.0 == second).then_some((pair[1].0, marked))
        })
        .collect()
}

/// The first three words after the opening phrase of an operative paragraph
/// (`Takes note of` | `the report of`), in lower case.
fn object(text: &Text, line: usize) -> Option<Vec<String>> {
    let lexed = &text.tree.lines()[line];
    let opening = opening_of(&lexed.text, lexed.body_start, OpeningKind::Operative)?;
    let words: Vec<String> = lexed.text[opening.range.end..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    (words.len() == 3).then_some(words)
}

/// `Also requests` after `Requests` loses its marker, where the text's own
/// practice shows the marker is needed (and the paragraph before is not itself
/// an unmarked repeat): it marks every adjacent repeat (at least four), or the
/// paragraph after goes on with `Further` and the same
/// verb, or both paragraphs go on with the same three words after the opening
/// (`Requests the Secretary-General` twice: 82 % of such repeats are marked in
/// General Assembly texts, against 46 % of the others).
fn repeat_marker_removed(text: &Text) -> Injected {
    let repeats = adjacent_repeats(text);
    let always = repeats.len() >= 4 && repeats.iter().all(|(_, marked)| *marked);
    let paragraphs = operative(text);
    repeats
        .iter()
        .filter(|(_, marked)| *marked)
        .find_map(|&(line, _)| {
            let at = paragraphs.iter().position(|p| p.0 == line)?;
            let body = text.tree.lines()[line].body();
            let rest = body.strip_prefix("Also ")?;
            // A run the text left unmarked before (`Requests`, `Requests`, `Also
            // requests`): its own practice does not ask for the marker here.
            let previous = paragraphs[at - 1].0;
            if repeats.contains(&(previous, false)) {
                return None;
            }
            let same_words = object(text, previous).is_some_and(|o| Some(o) == object(text, line));
            let further_next = paragraphs.get(at + 1).is_some_and(|next| {
                next.2 == paragraphs[at].2
                    && text.tree.lines()[next.0]
                        .body()
                        .strip_prefix("Further ")
                        .is_some_and(|r| {
                            r.split_whitespace().next() == rest.split_whitespace().next()
                        })
            });
            if !(always || same_words || further_next) {
                return None;
            }
            let lexed = &text.tree.lines()[line];
            let mut verb = rest.to_owned();
            verb[..1].make_ascii_uppercase();
            let mut lines = text.lines.clone();
            lines[line] = format!(
                "{}{verb}{}",
                &lexed.text[..lexed.body_start],
                &lexed.text[lexed.content_end..]
            );
            Some((lines, line))
        })
}

fn known_defects() -> Vec<Defect> {
    vec![
        Defect {
            name: "numbering gap",
            code: "NUM001",
            inject: numbering_gap,
            gated: true,
        },
        Defect {
            name: "numbering duplicate",
            code: "NUM001",
            inject: numbering_duplicate,
            gated: true,
        },
        Defect {
            name: "skipped subparagraph",
            code: "NUM006",
            inject: skipped_subparagraph,
            gated: true,
        },
        Defect {
            name: "dangling footnote reference",
            code: "FTN008",
            inject: dangling_footnote,
            gated: true,
        },
        Defect {
            name: "unused footnote",
            code: "FTN008",
            inject: unused_footnote,
            gated: true,
        },
        Defect {
            name: "preambular paragraph without its comma",
            code: "PUN001",
            inject: preambular_semicolon,
            gated: true,
        },
        Defect {
            name: "operative paragraph without its semicolon",
            code: "PUN002",
            inject: operative_comma,
            gated: true,
        },
        Defect {
            name: "last paragraph without its full stop",
            code: "PUN003",
            inject: final_semicolon,
            gated: true,
        },
        Defect {
            name: "operative verb form",
            code: "VRB002",
            inject: operative_verb_form,
            gated: true,
        },
        Defect {
            name: "operative verb in the preamble",
            code: "VRB013",
            inject: operative_verb_in_preamble,
            gated: true,
        },
        Defect {
            name: "wrong cited date",
            code: "CIT016",
            inject: wrong_cited_date,
            gated: true,
        },
        Defect {
            name: "dangling cross-reference",
            code: "NUM010",
            inject: dangling_cross_reference,
            gated: true,
        },
        Defect {
            name: "marker removed from a repeated opening",
            code: "VRB008",
            inject: repeat_marker_removed,
            gated: true,
        },
    ]
}

#[test]
fn every_known_defect_is_found_on_its_line() {
    let texts = recall_texts();
    let mut before: Vec<Option<common::Findings>> = vec![None; texts.len()];
    let mut report = Vec::new();
    let mut failures = Vec::new();
    let only = std::env::var("UNRES_RECALL_ONLY").ok();
    for defect in known_defects() {
        if only.as_deref().is_some_and(|o| !defect.name.contains(o)) {
            continue;
        }
        let mut recall = common::Recall::default();
        // Spread the injections over all texts: every n-th text that offers a place.
        let places: Vec<usize> = (0..texts.len())
            .filter(|&i| (defect.inject)(&texts[i]).is_some())
            .collect();
        let step = places.len().div_ceil(PER_DEFECT).max(1);
        for &i in places.iter().step_by(step) {
            let text = &texts[i];
            let Some((lines, line)) = (defect.inject)(text) else {
                continue;
            };
            let old = before[i].get_or_insert_with(|| common::findings_of(&text.text));
            let added = common::added(old, &common::findings_of(&lines.join("\n")));
            recall.record(format!("{}:{}", text.name, line + 1), &added, |l, code| {
                l == line && code.starts_with(defect.code)
            });
        }
        let clean = recall.tried - recall.misses.len().max(recall.noise.len());
        report.push(
            recall.summary(defect.name)
                + if defect.gated {
                    ""
                } else {
                    " [measured, not gated]"
                },
        );
        if !defect.gated && !recall.misses.is_empty() {
            // What keeps the type below the gate, for whoever takes it on.
            eprintln!("{}", recall.details(defect.name));
        }
        if defect.gated
            && (recall.tried < 20 || recall.recall() < 97.0 || 100 * clean < 97 * recall.tried)
        {
            failures.push(recall.details(defect.name));
        }
    }
    let repeats: Vec<(usize, bool)> = texts.iter().flat_map(adjacent_repeats).collect();
    let marked = repeats.iter().filter(|(_, m)| *m).count();
    report.push(format!(
        "adjacent operative repeats of General Assembly texts: {} of {} marked ({:.0} %)",
        marked,
        repeats.len(),
        100.0 * marked as f64 / repeats.len().max(1) as f64
    ));
    eprintln!("recall gate:\n{}", report.join("\n"));
    println!("recall gate:\n{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
