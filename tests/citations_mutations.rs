//! Real adopted resolutions with one defect of a symbol, citation, punctuation or
//! opening rule injected (SYM004–SYM014, CIT005–CIT015, PUN006–PUN009, VRB004):
//! the rule must report it on the mutated line in at least 95 % of the cases, and
//! the mutation must add no error or warning of another rule or on another line.
//! Texts come from `data/corpus` and, when present, `../shared/data/extended`.
//! Prints the recall of each rule.

use std::collections::BTreeSet;
use std::path::Path;

use regex::Regex;
use unres::analysis::{Config, Severity, analyze};
use unres::syntax::{Role, Tree};

const EXTENDED: &str = "../shared/data/extended";

/// Mutations tried per rule (spread over the corpus).
const PER_RULE: usize = 40;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Organ {
    Assembly,
    Council,
    Any,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    /// Preambular and operative paragraphs of the resolution's own text.
    Body,
    /// Operative paragraphs of the resolution's own text.
    Operative,
    Footnotes,
}

/// One defect: a rewrite of the first match of `pattern` on an eligible line.
struct Mutation {
    rule: &'static str,
    organ: Organ,
    lines: Lines,
    pattern: &'static str,
    replacement: &'static str,
}

const MUTATIONS: &[Mutation] = &[
    Mutation {
        rule: "SYM004",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"\bA/([1-9][0-9])/([1-9][0-9]{1,3})\b",
        replacement: "A/DEC/$1/$2",
    },
    Mutation {
        rule: "SYM005",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"\bA/([1-9][0-9])/([1-9][0-9]{1,3})\b",
        replacement: "A/C.2/L.$2/$1",
    },
    Mutation {
        rule: "SYM006",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"\b(A/[1-9][0-9]/[1-9][0-9]{1,3})\b",
        replacement: "$1/Rev 1",
    },
    Mutation {
        rule: "SYM008",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"Supplement No\. ([1-9][0-9]?) \((A/[1-9][0-9])/",
        replacement: "Supplement No. ${1}0 ($2/",
    },
    Mutation {
        rule: "SYM010",
        organ: Organ::Council,
        lines: Lines::Body,
        pattern: r"\bS/PRST/((?:19|20)[0-9]{2})/([1-9][0-9]*)\b",
        replacement: "S/PRST/$2/$1",
    },
    Mutation {
        rule: "SYM011",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"Economic and Social Council resolution ((?:19|20)[0-9]{2})/([1-9][0-9]?)\b",
        replacement: "Economic and Social Council resolution $2/$1",
    },
    Mutation {
        rule: "SYM012",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"\bA/HRC/([1-9][0-9])/([1-9][0-9]*)\b",
        replacement: "A/HRC/L.$2/$1",
    },
    Mutation {
        rule: "SYM014",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"\bA/([1-9][0-9])/([1-9][0-9]{1,3})\b",
        replacement: "a/$1/$2",
    },
    Mutation {
        rule: "CIT005",
        organ: Organ::Assembly,
        lines: Lines::Body,
        pattern: r"(resolutions [^,;]{0,40}?[1-9][0-9]/[1-9][0-9]* of [1-9][0-9]? [A-Z][a-z]+ [12][0-9]{3}) and ([1-9][0-9]/[1-9][0-9]* of)",
        replacement: "$1, and $2",
    },
    Mutation {
        rule: "CIT006",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"\bEconomic and Social Council (resolution [1-9])",
        replacement: "ECOSOC $1",
    },
    Mutation {
        rule: "CIT007",
        organ: Organ::Council,
        lines: Lines::Body,
        pattern: r"(resolutions [1-9][0-9]* \([12][0-9]{3}\)(?:, [1-9][0-9]* \([12][0-9]{3}\))*) and ([1-9][0-9]{2,3}) \([12][0-9]{3}\)([,;.])",
        replacement: "$1 and $2$3",
    },
    Mutation {
        rule: "CIT008",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"(and other relevant resolutions)\b",
        replacement: "$1 etc.",
    },
    Mutation {
        rule: "CIT009",
        organ: Organ::Any,
        lines: Lines::Body,
        // Inside the paragraph, not as the object of its opening (CIT001's case).
        pattern: r"\b(with|in|under|to) (paragraphs? [1-9][0-9]*) of (its )?(resolution [1-9][0-9]*/[1-9][0-9]*)([,;]| and )",
        replacement: "$1 $3$4 $2$5",
    },
    Mutation {
        rule: "CIT010",
        organ: Organ::Assembly,
        lines: Lines::Body,
        pattern: r"\bthe present resolution\b",
        replacement: "this resolution",
    },
    Mutation {
        rule: "CIT011",
        organ: Organ::Assembly,
        lines: Lines::Body,
        pattern: r"\bits (seventy|eighty)-(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth) session\b",
        replacement: "its $1 $2 session",
    },
    Mutation {
        rule: "CIT012",
        organ: Organ::Assembly,
        lines: Lines::Body,
        pattern: r"\b(the report of the Secretary-General)\b",
        replacement: "$1 (A/70/100)",
    },
    Mutation {
        rule: "CIT013",
        organ: Organ::Any,
        lines: Lines::Footnotes,
        pattern: r"(Official Records of the General Assembly, [A-Z][a-z]+(?:-[a-z]+)?) Session\b",
        replacement: "$1 session",
    },
    Mutation {
        rule: "CIT014",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"\bthe report of the Secretary-General\b",
        replacement: "the Report of the Secretary-General",
    },
    Mutation {
        rule: "CIT015",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"\bdecision ([1-9][0-9]*/[1-9][0-9]*) of the ",
        replacement: "UNEP decision $1 of the ",
    },
    Mutation {
        rule: "PUN007",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"\b(economic), (social) and (environmental)\b",
        replacement: "$1, $2, and $3",
    },
    Mutation {
        rule: "PUN008",
        organ: Organ::Any,
        lines: Lines::Body,
        pattern: r"\b(paragraph [1-9][0-9]*) (\([a-z]\))",
        replacement: "$1$2",
    },
    Mutation {
        rule: "PUN009",
        organ: Organ::Assembly,
        lines: Lines::Body,
        pattern: r"(the item entitled )“([^”]+)”",
        replacement: "$1‘$2’",
    },
    Mutation {
        rule: "VRB004",
        organ: Organ::Any,
        lines: Lines::Operative,
        pattern: r", and (r)(equests|eaffirms|ecognizes) ",
        replacement: ", and R$2 ",
    },
];

fn corpus() -> Vec<(String, String)> {
    let mut dirs = vec![Path::new("data/corpus").to_path_buf()];
    if Path::new(EXTENDED).is_dir() {
        dirs.push(Path::new(EXTENDED).to_path_buf());
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{EXTENDED} is missing: CI must have the shared data beside the clone"
        );
        println!("note: {EXTENDED} is absent; mutating data/corpus only");
    }
    let mut out = Vec::new();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus directory")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in files {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            out.push((name, std::fs::read_to_string(&path).expect("utf-8")));
        }
    }
    out
}

type Finding = (usize, String, Severity);

fn findings(text: &str) -> BTreeSet<Finding> {
    analyze(&Tree::parse(text), &Config::default())
        .into_iter()
        .map(|d| (d.span.line, d.code.to_owned(), d.severity))
        .collect()
}

fn eligible(tree: &Tree, own: &[bool], index: usize, lines: Lines) -> bool {
    let before_annex = own[index];
    match (lines, tree.role(index)) {
        (Lines::Footnotes, Role::FootnoteText { .. }) => true,
        (Lines::Body, Role::Preambular | Role::Operative { .. }) => before_annex,
        (Lines::Operative, Role::Operative { .. }) => before_annex,
        _ => false,
    }
}

/// The mutated text and the mutated line, or `None` when the text offers no
/// place for this defect.
fn mutate(text: &str, mutation: &Mutation, pattern: &Regex) -> Option<(String, usize)> {
    let council =
        text.contains("Adopted by the Security Council") || text.contains("\tThe Security Council");
    let assembly = text.contains("\tThe General Assembly,");
    match mutation.organ {
        Organ::Council if !council => return None,
        Organ::Assembly if council || !assembly => return None,
        _ => {}
    }
    let tree = Tree::parse(text);
    let own = tree.own_text();
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for index in 0..tree.line_count() {
        if !eligible(&tree, own, index, mutation.lines) || !pattern.is_match(&lines[index]) {
            continue;
        }
        lines[index] = pattern
            .replacen(&lines[index], 1, mutation.replacement)
            .into_owned();
        return Some((lines.join("\n"), index));
    }
    None
}

/// Lists of at least three subparagraphs ending in bare semicolons: give one of
/// them "; and" before its last item (PUN006 reports the odd one out).
fn mutate_and_before_last(text: &str) -> Option<(String, usize)> {
    let tree = Tree::parse(text);
    // The resolution's own lists: not those of an instrument it adopts or annexes.
    let own = tree.own_text();
    let mut lists: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (index, _, role) in tree.iter() {
        if let Role::Subparagraph {
            level: 1, parent, ..
        } = role
            && own[index]
        {
            lists.entry(parent).or_default().push(index);
        }
    }
    let ending = |line: usize| {
        let lexed = &tree.lines()[line];
        lexed.text[..lexed.content_end].trim_end().to_owned()
    };
    if tree
        .iter()
        .any(|(index, _, _)| ending(index).ends_with("; and"))
    {
        return None;
    }
    // Lists of three or more items whose item before the last ends with a bare
    // semicolon.
    let long: Vec<&Vec<usize>> = lists
        .values()
        .filter(|l| l.len() >= 3 && ending(l[l.len() - 2]).ends_with(';'))
        .collect();
    if long.len() < 3 {
        return None;
    }
    let target = long[0][long[0].len() - 2];
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let end = tree.lines()[target].content_end;
    lines[target].insert_str(end, " and");
    Some((lines.join("\n"), target))
}

#[test]
fn injected_defects_are_found_on_their_line() {
    let texts = corpus();
    let mut failures = Vec::new();
    let rules: Vec<&str> = MUTATIONS.iter().map(|m| m.rule).chain(["PUN006"]).collect();
    for rule in rules {
        let mutation = MUTATIONS.iter().find(|m| m.rule == rule);
        let pattern = mutation.map(|m| Regex::new(m.pattern).expect("valid pattern"));
        let mut tried = 0;
        let mut found = 0;
        let mut clean = 0;
        // Spread the mutations over the corpus: start at a different text for each rule.
        let start = rule.bytes().map(usize::from).sum::<usize>() % texts.len();
        for offset in 0..texts.len() {
            if tried == PER_RULE {
                break;
            }
            let (name, text) = &texts[(start + offset) % texts.len()];
            let mutated = match (mutation, &pattern) {
                (Some(m), Some(p)) => mutate(text, m, p),
                _ => mutate_and_before_last(text),
            };
            let Some((after, line)) = mutated else {
                continue;
            };
            tried += 1;
            let old = findings(text);
            let added: Vec<Finding> = findings(&after)
                .into_iter()
                .filter(|f| !old.contains(f))
                .collect();
            let hit = added.iter().any(|(l, c, _)| *l == line && c == rule);
            let foreign: Vec<&Finding> = added
                .iter()
                .filter(|(l, c, s)| *s <= Severity::Warning && !(*l == line && c == rule))
                .collect();
            found += usize::from(hit);
            clean += usize::from(foreign.is_empty());
            if !hit || !foreign.is_empty() {
                failures.push(format!("{rule} {name}:{} added {added:?}", line + 1));
            }
        }
        let line = format!(
            "{rule}: {found}/{tried} found on the mutated line ({:.0} %), {clean}/{tried} with nothing else new",
            if tried == 0 {
                0.0
            } else {
                100.0 * found as f64 / tried as f64
            }
        );
        println!("{line}");
        assert!(
            tried >= 5,
            "{rule}: only {tried} texts offer a place for the defect"
        );
        assert!(
            found * 100 >= tried * 95,
            "{rule}: {found}/{tried} found\n{}",
            failures.join("\n")
        );
        assert!(
            clean * 100 >= tried * 95,
            "{rule}: mutations added other errors or warnings\n{}",
            failures.join("\n")
        );
    }
    if !failures.is_empty() {
        println!("missed or noisy mutations:\n{}", failures.join("\n"));
    }
}
