//! `unres clean` on a rolling text built from a real resolution: A/RES/74/181
//! with paragraph 19 inserted as `18 bis` (so 20 … were 19 …), PP/OP labels,
//! an attribution, an `agreed ad ref` marker and a facilitator's note; the
//! clean text is the adopted text again, numbers and cross-references
//! included.

use unres::analysis::clean::clean;
use unres::analysis::cross_refs;
use unres::analysis::{Config, analyze};
use unres::syntax::{DocumentKind, Role, Tree};

const ORIGINAL: &str = include_str!("../data/corpus/A_RES_74_181.txt");

/// The rolling text a facilitator would have circulated before agreement.
fn rolling(original: &str) -> String {
    let tree = Tree::parse(original);
    let mut lines: Vec<String> = tree.lines().iter().map(|l| l.text.clone()).collect();
    // Cross-references first (same line, later spans first).
    let mut references = cross_refs::collect(&tree);
    references.sort_by_key(|r| std::cmp::Reverse((r.span.line, r.span.start)));
    for reference in references {
        let new = match reference.number {
            19 => "18 bis".to_owned(),
            n if n > 19 => (n - 1).to_string(),
            n => n.to_string(),
        };
        lines[reference.span.line].replace_range(reference.span.start..reference.span.end, &new);
    }
    let mut preambular = 0;
    let mut out = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        let lexed = &tree.lines()[index];
        let own = tree.is_own_text(index);
        match tree.role(index) {
            Role::Preambular if own => {
                preambular += 1;
                out.push(format!("\tPP{preambular}\t{}", &line[lexed.body_start..]));
            }
            Role::Operative { number, .. } if own => {
                let written = match number {
                    19 => "18 bis".to_owned(),
                    n if n > 19 => (n - 1).to_string(),
                    n => n.to_string(),
                };
                let mut text = format!("\tOP{written}\t{written}.\t{}", &line[lexed.body_start..]);
                if number == 2 {
                    text.push_str(" (agreed ad ref)");
                }
                if number == 5 {
                    text.push_str(" (EU, CARICOM)");
                }
                out.push(text);
                if number == 3 {
                    out.push(
                        "\tFacilitator’s note: OP3 to be checked with the Secretariat.".into(),
                    );
                }
            }
            _ => out.push(line),
        }
    }
    out.join("\n")
}

#[test]
fn clean_gives_back_the_adopted_text() {
    let original = ORIGINAL.replace("\r\n", "\n");
    let rolling = rolling(&original);
    insta::assert_snapshot!(
        "rolling_A_RES_74_181_operative",
        rolling
            .lines()
            .filter(|l| l.starts_with("\tOP") || l.contains("note:"))
            .map(|l| l.chars().take(90).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The rolling text reads as one: no NUM001 for `18 bis`, no NUM012, no
    // DRF007.
    let tree = Tree::parse(&rolling);
    let config = Config {
        kind: Some(DocumentKind::Negotiation),
        ..Config::default()
    };
    let found = analyze(&tree, &config);
    let negotiation: Vec<_> = found
        .iter()
        .filter(|d| matches!(d.code, "NUM001" | "NUM012" | "DRF007" | "NUM004" | "NUM010"))
        .map(|d| {
            format!(
                "{}:{} {} {}",
                d.span.line + 1,
                d.span.start,
                d.code,
                d.message
            )
        })
        .collect();
    assert_eq!(negotiation, Vec::<String>::new());
    let cleaned = clean(&rolling).expect("agreed");
    assert_eq!(cleaned, original);
}

#[test]
fn clean_refuses_with_the_places() {
    let rolling = rolling(&ORIGINAL.replace("\r\n", "\n")).replacen(
        "Takes note of the reports",
        "Takes note [of the reports",
        1,
    );
    let remains = clean(&rolling).expect_err("a bracket is open");
    assert_eq!(remains.len(), 1);
    assert_eq!(remains[0].what, "an unclosed bracket");
}
