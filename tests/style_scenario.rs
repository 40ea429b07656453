//! The acceptance scenario of issue 13: a short draft with "organisation",
//! "Vietnam", "UN" and "20%" reports each once, with its fix.

use unres::analysis::{Config, analyze};
use unres::syntax::Tree;

#[test]
fn a_short_draft_reports_each_style_defect_once_with_its_fix() {
    let draft = "\tThe General Assembly,\n\tRecalling its resolution 70/1 of 25 September 2015,\n\t1.\tWelcomes the cooperation of Vietnam with the organisation;\n\t2.\tRequests the UN to allocate 20% of the funds to the programme.";
    let tree = Tree::parse(draft);
    let style: Vec<_> = analyze(&tree, &Config::default())
        .into_iter()
        .filter(|d| d.code.starts_with("STY"))
        .collect();
    let found: Vec<(&str, String, String)> = style
        .iter()
        .map(|d| {
            let line = &tree.lines()[d.span.line].text;
            let fix = d.fixes.first().expect("a fix");
            (
                d.code,
                line[d.span.start..d.span.end].to_owned(),
                fix.edits[0].new_text.clone(),
            )
        })
        .collect();
    let expected = [
        ("STY014", "Vietnam", "Viet Nam"),
        ("STY001", "organisation", "organization"),
        ("STY006", "UN", "United Nations"),
        ("STY008", "20%", "20 per cent"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for (code, written, right) in expected {
        assert!(
            found
                .iter()
                .any(|(c, w, r)| *c == code && w == written && r == right),
            "{code} `{written}` → `{right}` missing in {found:?}"
        );
    }
}
