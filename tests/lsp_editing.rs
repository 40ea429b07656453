//! Issue 11's editing surface through the LSP layer: range and on-type
//! formatting, semantic tokens for a range and as deltas, inlay hints with
//! operative labels and cited titles.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const URI: &str = "file:///tmp/unres-editing.unres";

/// The result of a request, or a panic with the error.
fn result(answer: &Value) -> &Value {
    assert!(answer.get("error").is_none(), "{answer}");
    &answer["result"]
}

fn start(options: Value) -> (Client, Value) {
    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "initializationOptions": options,
               "capabilities": {"general": {"positionEncodings": ["utf-8"]}}}),
    );
    client.notify("initialized", json!({}));
    (client, result(&init)["capabilities"].clone())
}

fn change(client: &mut Client, version: i64, text: &str) {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
    );
}

/// Apply LSP text edits (UTF-8 columns; they may span lines) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
        start + position["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_owned();
    for edit in edits {
        let range = offset(&edit["range"]["start"])..offset(&edit["range"]["end"]);
        out.replace_range(range, edit["newText"].as_str().unwrap());
    }
    out
}

fn range(first: u32, last: u32) -> Value {
    json!({"start": {"line": first, "character": 0}, "end": {"line": last, "character": 0}})
}

#[test]
fn capabilities_announce_the_editing_surface() {
    let (client, capabilities) = start(Value::Null);
    assert_eq!(capabilities["documentRangeFormattingProvider"], true);
    assert_eq!(
        capabilities["documentOnTypeFormattingProvider"]["firstTriggerCharacter"],
        "\n"
    );
    let tokens = &capabilities["semanticTokensProvider"];
    assert_eq!(tokens["range"], true);
    assert_eq!(tokens["full"]["delta"], true);
    let types: Vec<&str> = tokens["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        types,
        [
            "keyword",
            "number",
            "string",
            "variable",
            "comment",
            "namespace",
            "operator",
            "decorator",
            "enumMember"
        ]
    );
    client.finish();
}

const SPACED: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\tNoting  the report ,\n\t1.\tRequests the Secretary-General ;\n\t2.\tDecides to remain seized of the matter.\n";

#[test]
fn range_formatting_formats_the_lines_of_the_range() {
    let (mut client, _) = start(Value::Null);
    client.open(URI, 1, SPACED);
    let answer = client.request(
        "textDocument/rangeFormatting",
        json!({"textDocument": {"uri": URI}, "range": range(1, 2), "options": {"tabSize": 4, "insertSpaces": false}}),
    );
    let edits = result(&answer).as_array().unwrap().clone();
    assert_eq!(
        edits.len(),
        1,
        "the range ends at the start of line 2: {edits:?}"
    );
    let once = apply(SPACED, &edits);
    assert!(
        once.contains("December 2009,\n\tNoting  the report ,\n"),
        "{once}"
    );
    assert!(
        once.contains("Secretary-General ;"),
        "outside the range: {once}"
    );

    let answer = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 4, "insertSpaces": false}}),
    );
    let formatted = apply(SPACED, result(&answer).as_array().unwrap());
    assert_eq!(
        formatted,
        "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\tNoting the report,\n\t1.\tRequests the Secretary-General;\n\t2.\tDecides to remain seized of the matter.\n"
    );
    let squash = |s: &str| s.replace([' ', '\t', '\n'], "");
    assert_eq!(
        squash(&formatted),
        squash(SPACED),
        "only whitespace changes"
    );
    client.finish();
}

/// Typing a resolution line by line: after each Enter the server's
/// on-type edit is applied, then the paragraph's text is typed (the last
/// Enter is on a line holding only a label: it ends the list).
#[test]
fn enter_continues_numbers_and_labels() {
    let (mut client, _) = start(Value::Null);
    let mut text = "\tThe General Assembly,".to_owned();
    client.open(URI, 1, &text);
    let typed = [
        "Recalling its resolution 78/167,",
        "\t1.\tDecides to act;",
        "Requests the Secretary-General to report on:",
        "The budget;",
        "The programme, including:",
        "Staff;",
        "Posts;",
        "",
        "",
    ];
    let mut version = 1;
    let mut session = String::new();
    for words in typed {
        // Enter at the end of the last line.
        text.push('\n');
        version += 1;
        change(&mut client, version, &text);
        let line = text.split('\n').count() as u32 - 1;
        let answer = client.request(
            "textDocument/onTypeFormatting",
            json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": 0}, "ch": "\n", "options": {"tabSize": 4, "insertSpaces": false}}),
        );
        let edits = result(&answer).as_array().cloned().unwrap_or_default();
        text = apply(&text, &edits);
        let written = edits
            .first()
            .map_or("nothing".to_owned(), |e| e["newText"].to_string());
        session.push_str(&format!("Enter → {written}\n"));
        if words.starts_with('\t') {
            // Leave the preamble: the user replaces the tab with a number.
            text.truncate(text.rfind('\n').unwrap() + 1);
        }
        text.push_str(words);
        version += 1;
        change(&mut client, version, &text);
    }
    session.push_str("---\n");
    session.push_str(&text);
    insta::assert_snapshot!("enter_session", session);

    // Enter inside a paragraph splits it and adds nothing.
    let split = "\tThe General Assembly,\n\t1.\tDecides\nto act;";
    change(&mut client, version + 1, split);
    let answer = client.request(
        "textDocument/onTypeFormatting",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 0}, "ch": "\n", "options": {"tabSize": 4, "insertSpaces": false}}),
    );
    assert!(
        result(&answer).is_null() || result(&answer) == &json!([]),
        "{answer}"
    );
    client.finish();
}

fn token_data(value: &Value) -> Vec<u64> {
    value["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect()
}

#[test]
fn semantic_tokens_for_ranges_and_as_deltas() {
    let (mut client, _) = start(Value::Null);
    let text = "\tThe General Assembly,\n%% unres: ignore PUN010\n\tRecalling its resolution 78/167 of 19 December 2023,\n\t1.\tDecides to act;\n\t2.\tRequests a report.\n";
    client.open(URI, 1, text);
    let full = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let full = result(&full).clone();
    let id = full["resultId"].as_str().expect("resultId").to_owned();
    let data = token_data(&full);
    // The comment line is a comment token (type 4) on line 1.
    assert_eq!(&data[..5], &[1, 0, 23, 4, 0], "{data:?}");

    // Lines 3 to 4: the tokens of those lines, the first relative to 0:0.
    let ranged = client.request(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": URI}, "range": range(3, 4)}),
    );
    let ranged = token_data(result(&ranged));
    assert_eq!(&ranged[..5], &[3, 1, 2, 1, 1], "OP1's number: {ranged:?}");
    assert!(ranged.chunks(5).skip(1).all(|t| t[0] <= 1), "{ranged:?}");

    let edited = text.replace(
        "\t2.\tRequests a report.\n",
        "\t2.\tAlso requests a report.\n",
    );
    change(&mut client, 2, &edited);
    let delta = client.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": {"uri": URI}, "previousResultId": id}),
    );
    let delta = result(&delta).clone();
    let edits = delta["edits"].as_array().expect("a delta");
    let mut patched = data.clone();
    for edit in edits {
        let start = edit["start"].as_u64().unwrap() as usize;
        let end = start + edit["deleteCount"].as_u64().unwrap() as usize;
        let insert: Vec<u64> = edit["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect();
        patched.splice(start..end, insert);
    }
    let new_id = delta["resultId"].as_str().unwrap().to_owned();
    assert_ne!(new_id, id);
    let stale = client.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": {"uri": URI}, "previousResultId": "nothing-sent"}),
    );
    assert_eq!(
        token_data(result(&stale)),
        patched,
        "an unknown result id gets the tokens in full, the delta's result"
    );
    client.finish();
}

fn hint_labels(client: &mut Client) -> Vec<(u64, String)> {
    let answer = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": range(0, 20)}),
    );
    result(&answer)
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const CITING: &str = "\tThe General Assembly,\n\tRecalling its resolution 78/167 of 19 December 2023,\n\t1.\tDecides to act;\n\t2.\tRequests a report.\n";

#[test]
fn inlay_hints_label_paragraphs_and_may_show_cited_titles() {
    let (mut client, _) = start(Value::Null);
    client.open(URI, 1, CITING);
    assert_eq!(
        hint_labels(&mut client),
        [
            (1, "PP1".to_owned()),
            (2, "OP1".to_owned()),
            (3, "OP2".to_owned())
        ]
    );
    client.finish();

    let (mut client, _) =
        start(json!({"inlayHints": {"citationTitles": true, "operativeLabels": false}}));
    client.open(URI, 1, CITING);
    let labels = hint_labels(&mut client);
    assert_eq!(
        labels,
        [
            (1, "PP1".to_owned()),
            (1, "South-South cooperation".to_owned())
        ]
    );
    client.finish();
}
