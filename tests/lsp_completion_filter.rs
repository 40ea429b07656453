//! Defect 23 of issue 11: completion of agreed language must survive the
//! client's own filtering in every client. Neovim, Helix and Emacs match the
//! typed text as a prefix of `filterText` (often case-sensitively); a marked
//! form ("Also requests") whose `filterText` was the bare verb vanished as soon
//! as `Al` or `Also r` was typed.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const URI: &str = "file:///tmp/unres-completion-filter.unres";
const HEAD: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tRequests the Secretary-General to report;\n\t2.\t";

fn items(client: &mut Client, version: i64, typed: &str) -> Vec<Value> {
    let text = format!("{HEAD}{typed}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
    );
    let character = 4 + typed.len();
    let answer = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 3, "character": character}}),
    );
    answer["result"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// What a prefix-matching client keeps: items whose filter text (or label)
/// starts with the text between the edit's start and the cursor.
fn kept_by_a_prefix_client(items: &[Value], typed: &str) -> Vec<String> {
    items
        .iter()
        .filter(|item| {
            let filter = item["filterText"]
                .as_str()
                .or(item["label"].as_str())
                .unwrap_or("");
            let start = item["textEdit"]["range"]["start"]["character"]
                .as_u64()
                .unwrap() as usize;
            let word = &format!("\t2.\t{typed}")[start..];
            filter.starts_with(word)
        })
        .map(|item| item["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn marked_forms_are_kept_by_prefix_matching_clients() {
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client.open(URI, 1, HEAD);
    for (version, typed) in [(2, "Al"), (3, "Also r"), (4, "also"), (5, "Req")] {
        let offered = items(&mut client, version, typed);
        let kept = kept_by_a_prefix_client(&offered, typed);
        assert!(
            kept.iter().any(|label| label == "Also requests"),
            "typing {typed:?}: {kept:?} of {offered:#?}"
        );
    }
    client.finish();
}
