//! `docs/rules.md`, the page every diagnostic links to (`codeDescription.href`,
//! `#code` anchors), is every rule's documentation as `unres explain` prints it.
//! Regenerate with `UPDATE_RULES_DOC=1 cargo test --test rules_doc`.

use unres::analysis::all_rules;

fn reference() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' doc comments by tests/rules_doc.rs; do not edit. -->\n\n\
         Every diagnostic of unres names its rule and links here (`#` and the rule's code in lower case). \
         `unres explain CODE` prints the same text; `.unres.toml` (`[rules]`) and the editor's `unres.rules` \
         set a rule's severity or turn it off; `%% unres: ignore CODE` silences it for one paragraph \
         (see [SUPPRESSION.md](SUPPRESSION.md)).\n",
    );
    for meta in all_rules() {
        out.push_str(&format!(
            "\n## {}\n\n`{}` · default severity: {}\n\n",
            meta.code,
            meta.name,
            meta.default_severity.as_str()
        ));
        for line in meta.doc.trim().lines() {
            let line = line.strip_prefix(' ').unwrap_or(line);
            match line.strip_prefix("## ") {
                Some(heading) => out.push_str(&format!("### {heading}\n")),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn rules_reference_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let expected = reference();
    if std::env::var_os("UPDATE_RULES_DOC").is_some() {
        std::fs::write(path, &expected).expect("write docs/rules.md");
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        current == expected,
        "docs/rules.md is stale: run UPDATE_RULES_DOC=1 cargo test --test rules_doc"
    );
}
