//! Anatomy defects injected into adopted texts: each DOC rule (and NUM004,
//! NUM011, FTN004, FTN010) must report its defect on the right line in at least 95 % of the
//! texts where it could be injected, and the injection must add no error or warning
//! anywhere else. The texts are `data/corpus` (and `../shared/data/extended`
//! with `UNRES_MUTATE_EXTENDED=1`). Adopted texts are never drafts, so the DRF
//! rules stay silent on all of them: checked here too.

mod common;

use common::{Findings, MutationText as Text, Recall};
use unres::analysis::Severity;
use unres::syntax::{LineShape, Role};

/// The first line with `role` for which `pick` holds.
fn first_line(text: &Text, pick: impl Fn(Role, &str) -> bool) -> Option<usize> {
    text.tree
        .iter()
        .find(|(_, line, role)| pick(*role, &line.text))
        .map(|(index, _, _)| index)
}

/// The mutated lines and the line the defect is on.
type Injected = Option<(Vec<String>, usize)>;

/// A mutation: the rule, and how to inject its defect into a text (the new
/// lines and the line the defect is on), or `None` where it does not apply.
struct Mutation {
    rule: &'static str,
    inject: fn(&Text) -> Injected,
}

fn replace_in(text: &Text, line: usize, from: &str, to: &str) -> Injected {
    let mut lines = text.lines.clone();
    let at = lines[line].find(from)?;
    lines[line].replace_range(at..at + from.len(), to);
    Some((lines, line))
}

/// DOC001: the last preambular paragraph moved after the first operative one.
fn preamble_after_operative(text: &Text) -> Injected {
    let tree = &text.tree;
    if tree.segments().len() > 1 {
        return None;
    }
    let first_operative = first_line(text, |role, _| {
        matches!(role, Role::Operative { number: 1, .. })
    })?;
    let preambular = tree
        .iter()
        .take_while(|(index, _, _)| *index < first_operative)
        .filter(|(index, line, role)| {
            *role == Role::Preambular
                && tree.is_own_text(*index)
                && line.text.trim_end().ends_with(',')
                // Without footnotes: moving a reference renumbers them (FTN002).
                && line.markers.is_empty()
        })
        .map(|(index, _, _)| index)
        .last()?;
    // Only a one-line paragraph directly before the operative part.
    if preambular + 1 != first_operative {
        return None;
    }
    let mut lines = text.lines.clone();
    let moved = lines.remove(preambular);
    lines.insert(first_operative, moved);
    Some((lines, first_operative))
}

fn organ_abbreviated(text: &Text) -> Injected {
    let line = first_line(text, |role, _| role == Role::Organ)?;
    replace_in(text, line, "The General Assembly", "The GA")
        .or_else(|| replace_in(text, line, "The Security Council", "The SC"))
}

fn meeting_without_suffix(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role == Role::ClosingMeeting && t.contains("plenary meeting")
    })?;
    let written = text.lines[line].trim_start();
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &written[digits..digits + 2];
    replace_in(
        text,
        line,
        &format!("{}{suffix} ", &written[..digits]),
        &format!("{} ", &written[..digits]),
    )
}

fn council_ordinal(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role == Role::Header && t.starts_with("Adopted by the Security Council at its ")
    })?;
    for (right, wrong) in [
        ("st meeting", "th meeting"),
        ("nd meeting", "th meeting"),
        ("rd meeting", "th meeting"),
        ("th meeting", "st meeting"),
    ] {
        // `11th`, `12th`, `13th` take th; writing st after them is a defect too.
        if let Some(found) = replace_in(text, line, right, wrong) {
            return Some(found);
        }
    }
    None
}

fn committee_in_figures(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role == Role::Header && t.starts_with("[on the report of the ")
    })?;
    ["First", "Second", "Third", "Fifth", "Sixth"]
        .iter()
        .zip(["1st", "2nd", "3rd", "5th", "6th"])
        .find_map(|(words, figures)| {
            replace_in(
                text,
                line,
                &format!("the {words} Committee"),
                &format!("the {figures} Committee"),
            )
        })
}

fn distribution_without_stop(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role == Role::Header && t.trim() == "Distr.: General"
    })?;
    replace_in(text, line, "Distr.:", "Distr:")
}

fn closing_date_changed(text: &Text) -> Injected {
    // Only texts whose adoption line gives the date to compare with.
    first_line(text, |role, t| {
        role == Role::Header && t.starts_with("Resolution adopted by")
    })?;
    let line = first_line(text, |role, _| role == Role::ClosingDate)?;
    let written = text.lines[line].trim();
    let (day, rest) = written.split_once(' ')?;
    let day: u32 = day.parse().ok()?;
    let other = if day > 1 { day - 1 } else { day + 1 };
    replace_in(text, line, written, &format!("{other} {rest}"))
}

fn preamble_labelled(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role == Role::Preambular && t.starts_with('\t')
    })?;
    let mut lines = text.lines.clone();
    lines[line].insert_str(1, "PP1 ");
    Some((lines, line))
}

/// FTN010: the first one-line footnote text loses its full stop.
fn footnote_without_stop(text: &Text) -> Injected {
    let footnote = text
        .tree
        .footnotes()
        .texts
        .iter()
        .find(|f| f.line == f.last_line && text.lines[f.line].trim_end().ends_with('.'))?;
    let mut lines = text.lines.clone();
    let trimmed = lines[footnote.line].trim_end().len();
    lines[footnote.line].replace_range(trimmed - 1..trimmed, "");
    Some((lines, footnote.line))
}

/// FTN004: the reference after a marker that ends its word (`Countries,1
/// and`) moves right after it, behind a hyphen (`Countries,1-2 and`), where it
/// is the next footnote and referenced only there.
fn markers_with_hyphen(text: &Text) -> Injected {
    use unres::syntax::MarkerForm;
    let footnotes = text.tree.footnotes();
    let refs = &footnotes.refs;
    for pair in refs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let line = &text.lines[a.span.line];
        let word_start = line[..a.span.start].rfind([' ', '\t']).map_or(0, |i| i + 1);
        let word = &line[word_start..a.span.start];
        let next = line[a.span.end..].split(' ').nth(1).unwrap_or("");
        let ends_word = line[a.span.end..].is_empty() || line[a.span.end..].starts_with(' ');
        let short = |r: &unres::syntax::FootnoteRef| r.span.end - r.span.start <= 2;
        if a.marker.form != MarkerForm::Glued
            || !a.marker.after_punctuation
            || a.marker.punctuation_after.is_some()
            || !ends_word
            || word.contains(['/', '.'])
            || !short(a)
            || b.number != a.number + 1
            || b.marker.form != MarkerForm::Glued
            || !short(b)
            || unres::syntax::MONTHS.contains(&next)
            || refs.iter().filter(|r| r.number == b.number).count() != 1
            || footnotes.text(b.number).is_none()
        {
            continue;
        }
        let mut lines = text.lines.clone();
        let digits = lines[b.span.line][b.span.start..b.span.end].to_owned();
        lines[b.span.line].replace_range(b.span.start..b.span.end, "");
        lines[a.span.line].insert_str(a.span.end, &format!("-{digits}"));
        return Some((lines, a.span.line));
    }
    None
}

/// DOC008: the number of the title line loses its full stop.
fn title_without_stop(text: &Text) -> Injected {
    let line = first_line(text, |role, _| role == Role::Title)?;
    let LineShape::Title { number } = &text.tree.lines()[line].shape else {
        return None;
    };
    let mut lines = text.lines.clone();
    let after = &lines[line][number.end..];
    // Without the stop the title must start with a capital to read as one.
    if !after.starts_with(".\t") || !after[2..].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    lines[line].remove(number.end);
    Some((lines, line))
}

/// DOC009: a General Assembly text gets an annex headed `Appendix`.
fn annex_as_appendix(text: &Text) -> Injected {
    first_line(text, |role, t| {
        role == Role::Organ && t.contains("General Assembly")
    })?;
    let closing = first_line(text, |role, _| role == Role::ClosingDate)?;
    // Only after the last line of the closing: an annex of its own.
    if text
        .tree
        .iter()
        .any(|(index, _, role)| index > closing && !matches!(role, Role::Blank))
    {
        return None;
    }
    let mut lines = text.lines.clone();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.push(String::new());
    let heading = lines.len();
    lines.push("Appendix".to_owned());
    lines.push("Text of the appendix".to_owned());
    Some((lines, heading))
}

/// DOC010: a General Assembly text without footnotes becomes two composite
/// parts, A without closing lines of its own.
fn composite_without_closing(text: &Text) -> Injected {
    let tree = &text.tree;
    // Every line moves: only texts without findings of their own compare.
    let quiet = text
        .before
        .keys()
        .all(|(_, _, severity)| *severity > Severity::Warning);
    if !quiet || !tree.footnotes().texts.is_empty() || tree.segments().len() > 1 {
        return None;
    }
    let organ = first_line(text, |role, t| {
        role == Role::Organ && t.contains("General Assembly")
    })?;
    let meeting = first_line(text, |role, _| role == Role::ClosingMeeting)?;
    let title = first_line(text, |role, _| role == Role::Title)?;
    if title > organ {
        return None;
    }
    let body = &text.lines[organ..meeting];
    let mut lines = text.lines[..organ].to_vec();
    lines.push("A".to_owned());
    lines.extend(body.iter().cloned());
    let heading = lines.len();
    lines.push("B".to_owned());
    lines.extend(text.lines[organ..].iter().cloned());
    Some((lines, heading))
}

/// NUM011: a reference in the text abbreviated (`para. 5 of`).
fn reference_abbreviated(text: &Text) -> Injected {
    let line = first_line(text, |role, t| {
        role.is_body_paragraph() && t.contains("paragraph ") && t.contains(" of ")
    })?;
    if !text.tree.is_own_text(line) {
        return None;
    }
    let written = &text.lines[line];
    let at = written.match_indices("paragraph ").find_map(|(at, _)| {
        let rest = &written[at + "paragraph ".len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && rest[digits..].starts_with(" of ")).then_some(at)
    })?;
    let mut lines = text.lines.clone();
    lines[line].replace_range(at..at + "paragraph".len(), "para.");
    Some((lines, line))
}

fn mutations() -> Vec<Mutation> {
    vec![
        Mutation {
            rule: "DOC001",
            inject: preamble_after_operative,
        },
        Mutation {
            rule: "DOC002",
            inject: organ_abbreviated,
        },
        Mutation {
            rule: "DOC004",
            inject: meeting_without_suffix,
        },
        Mutation {
            rule: "DOC005",
            inject: council_ordinal,
        },
        Mutation {
            rule: "DOC007",
            inject: committee_in_figures,
        },
        Mutation {
            rule: "DOC008",
            inject: title_without_stop,
        },
        Mutation {
            rule: "DOC009",
            inject: annex_as_appendix,
        },
        Mutation {
            rule: "DOC010",
            inject: composite_without_closing,
        },
        Mutation {
            rule: "DOC012",
            inject: distribution_without_stop,
        },
        Mutation {
            rule: "DOC013",
            inject: closing_date_changed,
        },
        Mutation {
            rule: "NUM004",
            inject: preamble_labelled,
        },
        Mutation {
            rule: "NUM011",
            inject: reference_abbreviated,
        },
        Mutation {
            rule: "FTN010",
            inject: footnote_without_stop,
        },
        Mutation {
            rule: "FTN004",
            inject: markers_with_hyphen,
        },
    ]
}

fn run(mutation: &Mutation, texts: &[Text]) -> Recall {
    let mut tally = Recall::default();
    for text in texts {
        let Some((lines, line)) = (mutation.inject)(text) else {
            continue;
        };
        // DOC001 swaps two lines: the findings they had move with them.
        let before: Findings = if mutation.rule == "DOC001" {
            text.before
                .iter()
                .map(|(&(l, code, severity), &n)| {
                    let l = if l == line {
                        line - 1
                    } else if l + 1 == line {
                        line
                    } else {
                        l
                    };
                    ((l, code, severity), n)
                })
                .collect()
        } else {
            text.before.clone()
        };
        let added = common::added(&before, &common::findings_of(&lines.join("\n")));
        let expected = |l: usize, code: &str| l == line && code == mutation.rule;
        // The paragraph the moved one now follows reads as the last of its
        // part, or the moved one as operative (PUN002): the same misplacement.
        let excused = |l: usize, code: &str| {
            expected(l, code) || (mutation.rule == "DOC001" && (l + 1 == line || l == line))
        };
        tally.record_excusing(
            format!("{}:{}", text.name, line + 1),
            &added,
            &expected,
            &excused,
        );
    }
    tally
}

#[test]
fn every_anatomy_defect_is_found_on_its_line() {
    let texts = common::mutation_texts();
    let tallies: Vec<_> = mutations()
        .iter()
        .map(|mutation| (mutation.rule, run(mutation, &texts)))
        .collect();
    common::assert_mutation_gate("anatomy mutations", &tallies);
}

#[test]
fn adopted_texts_are_never_drafts() {
    for text in common::mutation_texts() {
        let drafts: Vec<_> = text
            .before
            .keys()
            .filter(|(_, code, _)| code.starts_with("DRF"))
            .collect();
        assert!(drafts.is_empty(), "{}: {drafts:?}", text.name);
    }
}
