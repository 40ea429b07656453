//! The seed resolution A/RES/68/230 (raw text export, trailer and all) parses as
//! the drafting spec's Appendix C describes.

use unres::syntax::{Role, Tree};

fn seed() -> Tree {
    Tree::parse(&std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed"))
}

#[test]
fn structure_matches_appendix_c() {
    let tree = seed();
    let count = |f: &dyn Fn(Role) -> bool| tree.roles().iter().filter(|r| f(**r)).count();
    assert_eq!(count(&|r| r == Role::Organ), 1);
    assert_eq!(count(&|r| r == Role::Title), 1);
    assert_eq!(count(&|r| r == Role::Preambular), 3);
    let numbers: Vec<u32> = tree
        .roles()
        .iter()
        .filter_map(|r| r.operative_number().map(|(n, _)| n))
        .collect();
    assert_eq!(numbers, (1..=21).collect::<Vec<_>>());
    assert_eq!(count(&|r| r == Role::ClosingMeeting), 1);
    assert_eq!(count(&|r| r == Role::ClosingDate), 1);
    assert_eq!(count(&|r| matches!(r, Role::FootnoteText { .. })), 6);
    assert_eq!(count(&|r| r == Role::Trailer), 3, "three <<ODS …>> lines");
    // Page furniture after the trailer is not body text.
    let first_trailer = tree
        .roles()
        .iter()
        .position(|r| *r == Role::Trailer)
        .unwrap();
    assert!(
        tree.roles()[first_trailer..]
            .iter()
            .all(|r| matches!(r, Role::Trailer | Role::Furniture | Role::Blank))
    );
}

#[test]
fn footnote_markers_in_text_order() {
    let tree = seed();
    let footnotes = tree.footnotes();
    let numbers: Vec<u32> = footnotes.refs.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 3]);
    let texts: Vec<u32> = footnotes.texts.iter().map(|t| t.number).collect();
    assert_eq!(texts, vec![1, 2, 3, 4, 5, 6]);
}

#[test]
fn only_the_two_whitespace_slips_are_reported() {
    use unres::analysis::{Config, analyze};
    let tree = seed();
    let found: Vec<(usize, &str)> = analyze(&tree, &Config::default())
        .iter()
        .map(|d| (d.span.line + 1, d.code))
        .collect();
    // Appendix C: a trailing space after "Cooperation," (first preambular
    // paragraph) and "the  sub-item" (paragraph 21).
    assert_eq!(found, vec![(6, "PUN010"), (29, "PUN010")]);
}
