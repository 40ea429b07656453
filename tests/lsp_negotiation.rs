//! What a facilitator sees in the editor (issue 12, item 3), through the
//! protocol: the code lens at the top of a negotiation text.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const ROLLING: &str = "Rolling text\n\tThe General Assembly,\nPP1\tRecalling its resolution 77/140,\nOP1\tReaffirms the right of the people;\nOP2\tRequests the administering Power to act.\n";
const ADOPTED: &str =
    "\tThe General Assembly,\n\tRecalling its resolution 77/140,\n\t1.\tDecides to act.\n";

fn start() -> Client {
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client
}

fn lenses(client: &mut Client, uri: &str) -> Vec<Value> {
    let answer = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    answer["result"].as_array().cloned().unwrap_or_default()
}

#[test]
fn negotiation_texts_get_lenses_at_the_top_others_none() {
    let mut client = start();
    let rolling = "file:///tmp/unres-neg-lens.unres";
    let adopted = "file:///tmp/unres-neg-adopted.unres";
    client.open(rolling, 1, ROLLING);
    client.open(adopted, 1, ADOPTED);
    client.diagnostics_where(rolling, |_| true);
    let found = lenses(&mut client, rolling);
    let compare = found
        .iter()
        .find(|l| l["command"]["command"] == "unres.compareWith")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(
        compare["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    assert_eq!(compare["command"]["arguments"], json!([rolling]));
    assert!(lenses(&mut client, adopted).is_empty());
    client.finish();
}
