//! What a facilitator sees in the editor (issue 12, item 3), through the
//! protocol: the code lenses at the top of a negotiation text and the status
//! command, inlay hints, semantic tokens, folding of alternatives and the
//! hover on an attribution.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const ROLLING: &str = "Rolling text\n\tThe General Assembly,\nPP1\tRecalling its resolution 77/140,\n\t1.\tReaffirms the right of the people (agreed ad ref);\n\t2.\tRequests [the administering Power] (EU) to act [G77: delete];\n\t2 bis.\tInvites States to act;\nOP3\tDecides to continue to follow the question;\nOP3 alt\tDecides to remain seized of the matter;\nOP3 alt 2\tDecides to consider the question [at its next session;\nNote: OP3 to be discussed at the next round.\n\t4.\tEncourages [US, JPN: further] efforts.\n";
const ADOPTED: &str =
    "\tThe General Assembly,\n\tRecalling its resolution 77/140,\n\t1.\tDecides to act.\n";
const URI: &str = "file:///tmp/unres-neg-rolling.unres";

/// A client with the rolling text open; the server's semantic token legend.
fn start() -> (Client, Vec<String>) {
    let mut client = Client::start();
    let init = client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    let legend = init["result"]["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    client.open(URI, 1, ROLLING);
    client.diagnostics_where(URI, |_| true);
    (client, legend)
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
    let (mut client, _) = start();
    let adopted = "file:///tmp/unres-neg-adopted.unres";
    client.open(adopted, 1, ADOPTED);
    let found = lenses(&mut client, URI);
    let titles: Vec<&str> = found
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "8 paragraphs: 4 agreed (1 ad ref), 2 bracketed, 2 with alternatives · 2 open brackets (1 unbalanced)",
            "Compare with…"
        ]
    );
    for lens in &found {
        assert_eq!(lens["range"]["start"], json!({"line": 0, "character": 0}));
        assert_eq!(lens["command"]["arguments"], json!([URI]));
    }
    assert_eq!(found[0]["command"]["command"], "unres.negotiationStatus");
    assert_eq!(found[1]["command"]["command"], "unres.compareWith");
    assert!(lenses(&mut client, adopted).is_empty());

    // The status lens's command: the paragraphs in each state.
    let body = json!({"jsonrpc": "2.0", "id": 8001, "method": "workspace/executeCommand", "params": {"command": "unres.negotiationStatus", "arguments": [URI]}});
    client.send_raw(&body.to_string());
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("bracketed: OP2, OP4.") && text.contains("alternative: OP3 alt, OP3 alt 2."),
        "{text}"
    );
    let answer = client.wait_for(|m| m["id"] == json!(8001) && m.get("method").is_none());
    let status = &answer["result"];
    assert_eq!(
        (
            &status["agreed"],
            &status["bracketed"],
            &status["alternatives"],
            &status["open_brackets"]
        ),
        (&json!(4), &json!(2), &json!(2), &json!(2)),
        "{status}"
    );
    assert_eq!(
        status["unbalanced"],
        json!([{"line": 8, "character": 43, "open": true}])
    );
    client.finish();
}

#[test]
fn inlay_hints_show_bis_and_skip_written_labels() {
    let (mut client, _) = start();
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}}),
    );
    let labels: Vec<(u64, &str)> = hints["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [(3, "OP1"), (4, "OP2"), (5, "OP2 bis"), (10, "OP4")],
        "{hints}"
    );
    client.finish();
}

#[test]
fn semantic_tokens_mark_brackets_attributions_and_notes() {
    let (mut client, legend) = start();
    let answer = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let data: Vec<u64> = answer["result"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let (mut line, mut start) = (0, 0);
    let mut tokens = Vec::new();
    for token in data.chunks(5) {
        if token[0] > 0 {
            start = 0;
        }
        line += token[0];
        start += token[1];
        tokens.push((
            line,
            start,
            token[2],
            legend[token[3] as usize].as_str(),
            token[4],
        ));
    }
    let on = |wanted: u64| -> Vec<(u64, u64, &str)> {
        tokens
            .iter()
            .filter(|t| t.0 == wanted)
            .map(|t| (t.1, t.2, t.3))
            .collect()
    };
    let line4 = on(4);
    for expected in [
        (13, 1, "operator"),
        (37, 1, "operator"),
        (39, 4, "decorator"),
        (51, 13, "decorator"),
    ] {
        assert!(line4.contains(&expected), "{expected:?} in {line4:?}");
    }
    assert!(on(9).contains(&(0, 44, "comment")), "{:?}", on(9));
    assert!(on(10).contains(&(16, 9, "decorator")), "{:?}", on(10));
    client.finish();
}

#[test]
fn alternatives_fold_and_attributions_hover() {
    let (mut client, _) = start();
    let folds = client.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": URI}}),
    );
    let alternatives: Vec<(u64, u64)> = folds["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["collapsedText"] == "alternatives")
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(alternatives, [(6, 9)], "{folds}");

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 4, "character": 40}}),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        text.contains("**Proposals in OP2**")
            && text.contains("- **EU**: the administering Power (line 5)")
            && text.contains("- **G77**: delete (line 5)"),
        "{hover}"
    );
    assert_eq!(
        hover["result"]["range"],
        json!({"start": {"line": 4, "character": 39}, "end": {"line": 4, "character": 43}})
    );
    client.finish();
}
