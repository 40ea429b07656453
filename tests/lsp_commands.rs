//! `workspace/executeCommand` answered by the server: it computes the edit and
//! asks the client to apply it with `workspace/applyEdit`, so the commands work
//! in any client.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const URI: &str = "file:///tmp/unres-commands.unres";
const TEXT: &str = "\tThe General Assembly,\n\tRecalling the report,2\n\tNoting the note,1\n\t1.\tDecides;\n\t3.\tRecalls paragraph 4 below;\n\t4.\tRequests a report .\n\n1 A/68/213.\n2 A/68/212.";

/// Run `command` on the document; the edit the server sends, and its answer.
fn execute(client: &mut Client, id: i64, command: &str) -> (Value, Value) {
    let body = json!({"jsonrpc": "2.0", "id": id, "method": "workspace/executeCommand", "params": {"command": command, "arguments": [URI]}});
    client.send_raw(&body.to_string());
    let apply = client.wait_for(|m| m["method"] == "workspace/applyEdit");
    let reply = json!({"jsonrpc": "2.0", "id": apply["id"], "result": {"applied": true}});
    client.send_raw(&reply.to_string());
    let answer = client.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none());
    (
        apply["params"]["edit"]["changes"][URI].clone(),
        answer["result"].clone(),
    )
}

fn new_texts(edits: &Value) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = edits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["range"]["start"]["line"].as_u64().unwrap(),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn commands_are_listed_and_apply_through_the_client() {
    let mut client = Client::start();
    let init = client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    let commands = &init["result"]["capabilities"]["executeCommandProvider"]["commands"];
    for name in [
        "unres.renumberParagraphs",
        "unres.renumberFootnotes",
        "unres.fixAll",
    ] {
        assert!(
            commands.as_array().unwrap().iter().any(|c| c == name),
            "{commands}"
        );
    }
    client.open(URI, 1, TEXT);
    client.diagnostics_for_version(1);

    let (edits, answer) = execute(&mut client, 9001, "unres.renumberParagraphs");
    assert_eq!(answer, json!({"applied": true, "edits": 3}));
    assert_eq!(
        new_texts(&edits),
        [
            (4, "2".to_owned()),
            (4, "3".to_owned()),
            (5, "3".to_owned())
        ]
    );

    let (edits, _) = execute(&mut client, 9002, "unres.renumberFootnotes");
    assert_eq!(
        new_texts(&edits),
        [
            (1, "1".to_owned()),
            (2, "2".to_owned()),
            (7, "2".to_owned()),
            (8, "1".to_owned())
        ]
    );

    let (edits, _) = execute(&mut client, 9003, "unres.fixAll");
    assert!(
        new_texts(&edits)
            .iter()
            .any(|(line, text)| *line == 5 && text.is_empty()),
        "{edits}"
    );

    let unknown = client.request(
        "workspace/executeCommand",
        json!({"command": "unres.nothing", "arguments": [URI]}),
    );
    assert!(unknown.get("error").is_some(), "{unknown}");
    client.finish();
}

#[test]
fn clean_text_applies_to_an_agreed_rolling_text_and_says_where_it_cannot() {
    let agreed = "file:///tmp/unres-agreed.unres";
    let open = "file:///tmp/unres-open.unres";
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client.open(
        agreed,
        1,
        "\tThe General Assembly,\n\tPP1\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t1 bis.\t(EU) Invites States to act;\n\t2.\tDecides to remain seized of the matter.",
    );
    client.open(
        open,
        1,
        "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides [to act;\n\t2.\tDecides to remain seized of the matter.",
    );

    let body = json!({"jsonrpc": "2.0", "id": 9101, "method": "workspace/executeCommand", "params": {"command": "unres.cleanText", "arguments": [agreed]}});
    client.send_raw(&body.to_string());
    let apply = client.wait_for(|m| m["method"] == "workspace/applyEdit");
    let edit = &apply["params"]["edit"]["changes"][agreed][0];
    assert_eq!(
        edit["newText"],
        "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tInvites States to act;\n\t3.\tDecides to remain seized of the matter.",
        "{apply}"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 0}));
    let reply = json!({"jsonrpc": "2.0", "id": apply["id"], "result": {"applied": true}});
    client.send_raw(&reply.to_string());
    client.wait_for(|m| m["id"] == json!(9101) && m.get("method").is_none());

    let body = json!({"jsonrpc": "2.0", "id": 9102, "method": "workspace/executeCommand", "params": {"command": "unres.cleanText", "arguments": [open]}});
    client.send_raw(&body.to_string());
    // The message that says where, and the answer that lists the places.
    let (mut shown, mut answer) = (None, None);
    while shown.is_none() || answer.is_none() {
        let message = client.wait_for(|m| {
            m["method"] == "window/showMessage"
                || m["id"] == json!(9102) && m.get("method").is_none()
        });
        if message["method"] == "window/showMessage" {
            shown = Some(message);
        } else {
            answer = Some(message);
        }
    }
    let answer = answer.unwrap();
    assert_eq!(answer["result"]["applied"], false, "{answer}");
    assert_eq!(
        answer["result"]["remaining"][0]["range"]["start"]["line"], 2,
        "{answer}"
    );
    let shown = shown.unwrap();
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("line 3"), "{message}");
    client.finish();
}
