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

/// Defect 20 of issue 11: the documentation `unres explain`, `unres rules` and
/// the README show names only what exists and its summaries are sentences.
#[test]
fn every_rule_documentation_is_sound() {
    let code = regex::Regex::new(r"\b[A-Z]{3}[0-9]{3}\b").unwrap();
    let backticked = regex::Regex::new(r"`([^`]+)`").unwrap();
    let mut faults = Vec::new();
    for meta in all_rules() {
        let summary = meta.summary();
        let words = summary.split_whitespace().count();
        let cut = ["e.g.", "i.e.", "No."].iter().any(|a| summary.ends_with(a));
        if !summary.ends_with('.') || words < 7 || cut || summary.matches('`').count() % 2 == 1 {
            faults.push(format!("{}: summary {summary:?}", meta.code));
        }
        for found in code.find_iter(meta.doc) {
            let spec_only = meta.doc[..found.start()].ends_with("spec's ");
            if unres::analysis::rule_meta(found.as_str()).is_none() && !spec_only {
                faults.push(format!(
                    "{}: names {}, which is no rule",
                    meta.code,
                    found.as_str()
                ));
            }
        }
        for quoted in backticked.captures_iter(meta.doc) {
            let name = &quoted[1];
            let snake =
                name.contains('_') && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            let setting = unres::analysis::settings::KEYS
                .iter()
                .any(|key| name.starts_with(&format!("{}.", key.split('.').next().unwrap_or(key))));
            let known = unres::analysis::settings::KEYS.contains(&name);
            if snake || (setting && !known && !name.contains(' ')) {
                faults.push(format!(
                    "{}: names the setting `{name}`, which does not exist",
                    meta.code
                ));
            }
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn the_readme_lists_every_rule_with_its_summary() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for meta in all_rules() {
        let row = format!(
            "| {} | {} | {} |",
            meta.code,
            meta.summary(),
            meta.default_severity.as_str()
        );
        assert!(readme.contains(&row), "README.md lacks the row:\n{row}");
    }
}
