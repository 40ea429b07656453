//! The README's rule table lists every rule with its summary and default
//! severity, as `unres rules` prints them (generated from the rules' docs).

use unres::analysis::RULES;

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for rule in RULES {
        let meta = rule.meta();
        let row = format!(
            "| {} | {} | {} |",
            meta.code,
            meta.summary(),
            meta.default_severity.as_str()
        );
        assert!(readme.contains(&row), "README.md lacks the row:\n{row}");
    }
}
