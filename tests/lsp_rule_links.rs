//! Diagnostics link to their rule (`codeDescription.href` into docs/rules.md)
//! and a hover on a finding shows its rule even where another hover applies
//! (an opening, a citation).

mod lsp_support;

use lsp_support::Client;
use serde_json::json;

const URI: &str = "file:///tmp/unres-rule-links.unres";
const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 22 December 2009,\n\t1.\tTakes note the report;\n\t2.\tDecides to act.\n";

fn hover(client: &mut Client, line: u32, character: u32) -> String {
    let answer = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
    );
    answer["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn diagnostics_link_to_their_rule_and_hover_shows_it_first() {
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client.open(URI, 1, TEXT);
    let found = client.diagnostics_for_version(1);
    assert!(!found.is_empty());
    for diagnostic in &found {
        let code = diagnostic["code"].as_str().unwrap().to_ascii_lowercase();
        let href = diagnostic["codeDescription"]["href"]
            .as_str()
            .unwrap_or_default();
        assert!(
            href.ends_with(&format!("docs/rules.md#{code}")),
            "{diagnostic}"
        );
    }

    // "Takes note the report": the opening has its own hover; VRB011 comes first.
    let on_opening = hover(&mut client, 2, 5);
    assert!(on_opening.starts_with("**VRB011**"), "{on_opening}");
    assert!(on_opening.contains("docs/rules.md#vrb011"), "{on_opening}");
    assert!(
        on_opening.contains("---"),
        "the opening's hover follows: {on_opening}"
    );

    // The date the record contradicts: CIT016, then the citation.
    let on_date = hover(&mut client, 1, 40);
    assert!(on_date.starts_with("**CIT016**"), "{on_date}");
    assert!(on_date.contains("64/222"), "{on_date}");
    client.finish();
}
