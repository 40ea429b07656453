//! `unres compare`: one fixture per outcome (tests/fixtures/compare/, each a
//! version of `base.txt`), the three output formats, and a snapshot of the
//! comparison of two successive real resolutions of the project's corpus
//! (`data/corpus`, read in place: A/RES/75/169 and A/RES/79/160, "Combating
//! glorification of Nazism …", sessions 75 and 79).

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use unres::analysis::compare::{Comparison, Entry, Op, Piece, Status, compare};
use unres::syntax::Tree;

const FIXTURES: &str = "tests/fixtures/compare";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn compare_with_base(version: &str) -> Comparison {
    let old = Tree::parse(&read(&format!("{FIXTURES}/base.txt")));
    let new = Tree::parse(&read(&format!("{FIXTURES}/{version}.txt")));
    compare(&old, &new)
}

/// `status old-label→new-label` for every entry.
fn outline(comparison: &Comparison) -> Vec<String> {
    comparison
        .entries
        .iter()
        .map(|entry| {
            let label = |p: &Option<unres::analysis::compare::Paragraph>| {
                p.as_ref().map_or("-".to_owned(), |p| p.label.clone())
            };
            format!(
                "{} {}→{}",
                entry.status.as_str(),
                label(&entry.old),
                label(&entry.new)
            )
        })
        .collect()
}

fn entries_with(comparison: &Comparison, status: Status) -> Vec<&Entry> {
    comparison
        .entries
        .iter()
        .filter(|e| e.status == status)
        .collect()
}

fn changed_words(entry: &Entry, op: Op) -> Vec<String> {
    entry
        .diff
        .iter()
        .filter(|s| s.op == op)
        .filter_map(|s| match &s.piece {
            Piece::Text(text) => Some(text.trim().to_owned()),
            Piece::Line(_) => None,
        })
        .collect()
}

#[test]
fn same_text_is_unchanged_whatever_the_layout() {
    let comparison = compare_with_base("layout");
    assert_eq!(
        comparison.summary.differing(),
        0,
        "{:?}",
        outline(&comparison)
    );
    assert_eq!(comparison.summary.unchanged, 10);
    assert!(comparison.entries.iter().all(|e| !e.renumbered));
}

#[test]
fn changed_words_are_inserted_and_deleted() {
    let comparison = compare_with_base("changed");
    let changed = entries_with(&comparison, Status::Changed);
    let labels: Vec<&str> = changed
        .iter()
        .map(|e| e.new.as_ref().expect("new").label.as_str())
        .collect();
    assert_eq!(labels, ["OP3", "OP6"]);
    // OP3's lead-in and its subparagraph (b) are one paragraph.
    assert_eq!(
        changed_words(changed[0], Op::Insert),
        ["and regional", "and best practices"]
    );
    assert!(changed_words(changed[0], Op::Delete).is_empty());
    assert_eq!(changed_words(changed[1], Op::Delete), ["eighty-first"]);
    assert_eq!(changed_words(changed[1], Op::Insert), ["eighty-second"]);
    assert_eq!(comparison.summary.unchanged, 8);
}

#[test]
fn a_paragraph_out_of_its_order_is_moved_and_the_others_only_renumbered() {
    let comparison = compare_with_base("moved");
    let moved = entries_with(&comparison, Status::Moved);
    assert_eq!(moved.len(), 1, "{:?}", outline(&comparison));
    assert_eq!(moved[0].old.as_ref().expect("old").label, "OP5");
    assert_eq!(moved[0].new.as_ref().expect("new").label, "OP2");
    assert!(!moved[0].text_changed);
    // OP2–OP4 became OP3–OP5: renumbered, not moved.
    assert_eq!(comparison.summary.unchanged, 9);
    assert_eq!(comparison.summary.renumbered, 4);
    // The moved paragraph is listed at its new place.
    assert_eq!(outline(&comparison)[5], "moved OP5→OP2");
}

#[test]
fn new_paragraphs_are_added_and_the_ones_after_them_renumbered() {
    let comparison = compare_with_base("added");
    assert_eq!(
        outline(&comparison),
        [
            "unchanged PP1→PP1",
            "unchanged PP2→PP2",
            "added -→PP3",
            "unchanged PP3→PP4",
            "unchanged PP4→PP5",
            "unchanged OP1→OP1",
            "unchanged OP2→OP2",
            "unchanged OP3→OP3",
            "added -→OP4",
            "unchanged OP4→OP5",
            "unchanged OP5→OP6",
            "unchanged OP6→OP7",
        ]
    );
    let added = entries_with(&comparison, Status::Added);
    assert_eq!(
        changed_words(added[1], Op::Insert),
        ["Stresses the importance of widget safety;"]
    );
}

#[test]
fn removed_paragraphs_are_deleted_where_they_stood() {
    let comparison = compare_with_base("deleted");
    assert_eq!(
        outline(&comparison),
        [
            "unchanged PP1→PP1",
            "unchanged PP2→PP2",
            "unchanged PP3→PP3",
            "deleted PP4→-",
            "unchanged OP1→OP1",
            "unchanged OP2→OP2",
            "unchanged OP3→OP3",
            "deleted OP4→-",
            "unchanged OP5→OP4",
            "unchanged OP6→OP5",
        ]
    );
}

#[test]
fn a_renumbered_paragraph_with_the_same_words_is_unchanged() {
    let old = Tree::parse(&read(&format!("{FIXTURES}/misnumbered.txt")));
    let new = Tree::parse(&read(&format!("{FIXTURES}/base.txt")));
    let comparison = compare(&old, &new);
    assert_eq!(comparison.summary.differing(), 0);
    assert_eq!(comparison.summary.renumbered, 3);
    let renumbered: Vec<String> = outline(&comparison)
        .into_iter()
        .filter(|line| line.contains("OP7") || line.contains("OP8") || line.contains("OP5→"))
        .collect();
    assert_eq!(
        renumbered,
        [
            "unchanged OP5→OP4",
            "unchanged OP7→OP5",
            "unchanged OP8→OP6"
        ]
    );
}

#[test]
fn diff_segments_rebuild_both_versions() {
    let comparison = compare_with_base("changed");
    for entry in &comparison.entries {
        let side = |keep: Op| -> String {
            let mut out = String::new();
            for segment in entry
                .diff
                .iter()
                .filter(|s| s.op == Op::Equal || s.op == keep)
            {
                match &segment.piece {
                    Piece::Text(text) => out.push_str(text),
                    Piece::Line(_) => out.push('\n'),
                }
            }
            out
        };
        let plain = |p: &unres::analysis::compare::Paragraph| {
            p.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(side(Op::Delete), plain(entry.old.as_ref().expect("old")));
        assert_eq!(side(Op::Insert), plain(entry.new.as_ref().expect("new")));
    }
}

fn unres(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .output()
        .expect("run unres");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn text_output_marks_additions_bold_and_deletions_struck() {
    let (code, stdout) = unres(&[
        "compare",
        "tests/fixtures/compare/base.txt",
        "tests/fixtures/compare/changed.txt",
    ]);
    assert_eq!(code, 1, "differences exit 1, like diff");
    assert!(stdout.contains("OP6 · changed"), "{stdout}");
    assert!(stdout.contains("agenda of its ~~eighty-first~~ **eighty-second** session"));
    assert!(stdout.contains("\n(b) Exchange of information on standards **and best practices**;"));
    let (code, _) = unres(&[
        "compare",
        "tests/fixtures/compare/base.txt",
        "tests/fixtures/compare/layout.txt",
    ]);
    assert_eq!(code, 0, "no difference exits 0");
}

#[test]
fn json_shape_is_stable() {
    let (_, stdout) = unres(&[
        "compare",
        "--format",
        "json",
        "tests/fixtures/compare/base.txt",
        "tests/fixtures/compare/moved.txt",
    ]);
    let value: Value = serde_json::from_str(&stdout).expect("json");
    let keys = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&value), ["entries", "format", "new", "old", "summary"]);
    assert_eq!(value["format"], "unres-compare/1");
    assert_eq!(
        keys(&value["summary"]),
        [
            "added",
            "changed",
            "deleted",
            "moved",
            "new_paragraphs",
            "old_paragraphs",
            "renumbered",
            "unchanged"
        ]
    );
    let moved = value["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["status"] == "moved")
        .expect("a moved entry");
    assert_eq!(
        keys(moved),
        [
            "diff",
            "new",
            "old",
            "renumbered",
            "similarity",
            "status",
            "text_changed"
        ]
    );
    assert_eq!(
        keys(&moved["old"]),
        ["kind", "label", "last_line", "line", "lines"]
    );
    assert_eq!(moved["old"]["label"], "OP5");
    assert_eq!(moved["new"]["label"], "OP2");
    assert_eq!(moved["old"]["kind"], "operative");
    assert_eq!(moved["diff"][0]["op"], "equal");
    let with_list = value["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["new"]["label"] == "OP4")
        .expect("OP4");
    let line = with_list["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .find(|s| s.get("line").is_some())
        .expect("a line start");
    assert_eq!(line["line"]["old_label"], "(a)");
    assert_eq!(line["line"]["new_label"], "(a)");
}

#[test]
fn html_page_is_standalone_and_escapes_text() {
    let dir = std::env::temp_dir().join(format!("unres-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let old = dir.join("old <1>.txt");
    let new = dir.join("new.txt");
    let base = read(&format!("{FIXTURES}/base.txt"));
    std::fs::write(&old, &base).expect("write");
    std::fs::write(
        &new,
        base.replace(
            "programmes of work;",
            "programmes of work & <b>budgets</b>;",
        ),
    )
    .expect("write");
    let page = dir.join("page.html");
    let (code, stdout) = unres(&[
        "compare",
        "--format",
        "html",
        "--output",
        page.to_str().expect("utf-8 path"),
        old.to_str().expect("utf-8 path"),
        new.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "--output writes the file only");
    let html = std::fs::read_to_string(&page).expect("page");
    std::fs::remove_dir_all(&dir).ok();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"));
    for external in ["<script", "<link", "src=", "http://", "https://"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    assert!(html.contains("old &lt;1&gt;.txt"));
    assert!(
        html.contains("work <ins>&amp; &lt;b&gt;budgets&lt;/b&gt;</ins>;"),
        "{html}"
    );
    assert!(!html.contains("<b>budgets"));
    assert_eq!(html.matches("<tr class=").count(), 10);
}

#[test]
fn successive_corpus_resolutions() {
    let old = "data/corpus/A_RES_75_169.txt";
    let new = "data/corpus/A_RES_79_160.txt";
    assert!(Path::new(old).is_file() && Path::new(new).is_file());
    let comparison = compare(&Tree::parse(&read(old)), &Tree::parse(&read(new)));
    let text = unres::analysis::compare::render::text(&comparison, "A/RES/75/169", "A/RES/79/160");
    insta::assert_snapshot!("compare_75_169_79_160", text);
}

#[test]
fn a_new_subparagraph_is_marked_with_its_label() {
    let base = read(&format!("{FIXTURES}/base.txt"));
    let new = base
        .replace(
            "\t(b)\tExchange of information",
            "\t(c)\tExchange of information",
        )
        .replace("\t(c)\tTechnical", "\t(d)\tTechnical")
        .replace(
            "\t(c)\tExchange",
            "\t(b)\tSecondment of experts;\n\t(c)\tExchange",
        );
    let comparison = compare(&Tree::parse(&base), &Tree::parse(&new));
    let text = unres::analysis::compare::render::text(&comparison, "old", "new");
    assert!(
        text.contains(
            "\n(a) Training of widget engineers;\n**(b) Secondment of experts;**\n(c) Exchange of information on standards;\n(d) Technical"
        ),
        "{text}"
    );
    assert_eq!(comparison.summary.changed, 1);
}
