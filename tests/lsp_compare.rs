//! "Compare with…" in the editor: `workspace/executeCommand` `unres.compareWith`
//! answered by the server (no client code): the summary as a message, the
//! side-by-side page opened with `window/showDocument`, the stable JSON as the
//! answer; without the other version the server asks which with
//! `window/showMessageRequest`.

mod lsp_support;

use lsp_support::{Client, TempDir, file_uri};
use serde_json::{Value, json};

const OLD: &str = "77/140.\tQuestion of Guam\n\tThe General Assembly,\n\tRecalling its resolution 76/96,\n\t1.\tReaffirms the right of the people;\n\t2.\tRequests the administering Power to act;\n\t3.\tDecides to continue to follow the question.\n";
const NEW: &str = "78/92.\tQuestion of Guam\n\tThe General Assembly,\n\tRecalling its resolution 77/140,\n\t1.\tReaffirms the right of the people;\n\t2.\tWelcomes the visit;\n\t3.\tRequests the administering Power to act;\n\t4.\tDecides to continue to follow the question.\n";
const OTHER: &str =
    "78/10.\tSouth-South cooperation\n\tThe General Assembly,\n\t1.\tDecides to act.\n";

fn capabilities(show_document: bool) -> Value {
    json!({
        "general": {"positionEncodings": ["utf-8"]},
        "window": {"showDocument": {"support": show_document}},
    })
}

/// Send `workspace/executeCommand` with `arguments`; its id.
fn send_compare(client: &mut Client, id: i64, arguments: Value) {
    let body = json!({"jsonrpc": "2.0", "id": id, "method": "workspace/executeCommand", "params": {"command": "unres.compareWith", "arguments": arguments}});
    client.send_raw(&body.to_string());
}

fn answer(client: &mut Client, id: i64) -> Value {
    client.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
}

fn reply(client: &mut Client, request: &Value, result: Value) {
    let body = json!({"jsonrpc": "2.0", "id": request["id"], "result": result});
    client.send_raw(&body.to_string());
}

/// A workspace with two revisions of one title (the older only on disk, the
/// newer open) and a third text, indexed.
fn workspace(label: &str, show_document: bool) -> (TempDir, Client, String, String) {
    let dir = TempDir::new(label);
    let old = file_uri(&dir.write("A_RES_77_140.unres", OLD));
    dir.write("other/A_RES_78_10.unres", OTHER);
    let new = file_uri(&dir.write("A_RES_78_92.unres", NEW));
    let mut client = Client::start();
    client.initialize(Some(&dir.0), capabilities(show_document));
    client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("indexed 3 resolutions"))
    });
    client.open(&new, 1, NEW);
    client.diagnostics_for_version(1);
    (dir, client, old, new)
}

fn page_text(result: &Value) -> String {
    let page = result["html"].as_str().expect("the page's URI");
    let path = page.strip_prefix("file://").expect("a file URI");
    let html = std::fs::read_to_string(path).expect("the page is written");
    std::fs::remove_file(path).ok();
    html
}

#[test]
fn compares_with_a_file_on_disk_and_opens_the_page() {
    let (_dir, mut client, old, new) = workspace("compare-given", true);
    send_compare(&mut client, 7001, json!([new, old]));
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("A_RES_77_140.unres (before) with A_RES_78_92.unres (after)")
            && text.contains(
                "4 paragraphs before, 5 after: 3 unchanged, 1 changed, 0 moved, 1 added, 0 deleted"
            ),
        "{text}"
    );
    assert_eq!(message["params"]["type"], json!(3), "{message}");
    let show = client.wait_for(|m| m["method"] == "window/showDocument");
    assert_eq!(show["params"]["external"], json!(true), "{show}");
    let page = show["params"]["uri"].as_str().unwrap().to_owned();
    assert!(page.ends_with(".html"), "{page}");
    reply(&mut client, &show, json!({"success": true}));
    let result = answer(&mut client, 7001)["result"].clone();
    assert_eq!(result["format"], "unres-compare/1");
    assert_eq!(
        (result["old"].as_str(), result["new"].as_str()),
        (Some(old.as_str()), Some(new.as_str()))
    );
    assert_eq!(
        result["summary"],
        json!({"old_paragraphs": 4, "new_paragraphs": 5, "unchanged": 3, "changed": 1, "moved": 0, "added": 1, "deleted": 0, "renumbered": 2})
    );
    assert_eq!(result["html"], json!(page));
    let statuses: Vec<&str> = result["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["changed", "unchanged", "added", "unchanged", "unchanged"]
    );
    let html = page_text(&result);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Welcomes the visit"));
    client.finish();
}

#[test]
fn the_open_text_is_compared_and_order_is_old_then_new() {
    let (_dir, mut client, old, new) = workspace("compare-open", false);
    // Unsaved edits of the older version count.
    let edited = OLD.replace("to act;", "to act now;");
    client.open(&old, 1, &edited);
    client.diagnostics_where(&old, |_| true);
    send_compare(&mut client, 7002, json!([{"uri": old, "other": new}]));
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    let text = message["params"]["message"].as_str().unwrap();
    // No showDocument: the message says where the page is.
    assert!(text.contains("Side by side: /"), "{text}");
    let result = answer(&mut client, 7002)["result"].clone();
    assert_eq!(result["old"], json!(new));
    assert_eq!(result["summary"]["deleted"], json!(1), "{result}");
    assert_eq!(result["summary"]["changed"], json!(2), "{result}");
    page_text(&result);
    client.finish();
}

#[test]
fn without_the_other_version_the_server_asks_same_title_first() {
    let (_dir, mut client, old, new) = workspace("compare-ask", false);
    send_compare(&mut client, 7003, json!([new]));
    let question = client.wait_for(|m| m["method"] == "window/showMessageRequest");
    let actions: Vec<&str> = question["params"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "A_RES_77_140.unres — same title",
            "other/A_RES_78_10.unres — South-South cooperation"
        ],
        "{question}"
    );
    let asked = question["params"]["message"].as_str().unwrap();
    assert!(
        asked.contains("Compare A_RES_78_92.unres with which version?"),
        "{asked}"
    );
    reply(&mut client, &question, json!({"title": actions[0]}));
    let result = answer(&mut client, 7003)["result"].clone();
    assert_eq!(result["old"], json!(old));
    assert_eq!(result["summary"]["added"], json!(1));
    page_text(&result);

    // Dismissed: no comparison, no error.
    send_compare(&mut client, 7004, json!([new]));
    let question = client.wait_for(|m| m["method"] == "window/showMessageRequest");
    reply(&mut client, &question, Value::Null);
    let dismissed = answer(&mut client, 7004);
    assert_eq!(dismissed["result"], Value::Null, "{dismissed}");
    assert!(dismissed.get("error").is_none(), "{dismissed}");
    client.finish();
}

#[test]
fn an_unreadable_version_is_an_error_and_a_message() {
    let (dir, mut client, _old, new) = workspace("compare-error", true);
    let missing = file_uri(&dir.0.join("gone.unres"));
    send_compare(&mut client, 7005, json!([new, missing]));
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(message["params"]["type"], json!(1), "{message}");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("reading gone.unres failed") || text.contains("cannot read"),
        "{text}"
    );
    let error = answer(&mut client, 7005);
    let said = error["error"]["message"].as_str().unwrap_or_default();
    assert!(said.contains("gone.unres"), "{error}");

    send_compare(&mut client, 7006, json!([new, new]));
    let error = answer(&mut client, 7006);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("itself"),
        "{error}"
    );
    client.finish();
}

#[test]
fn offered_as_a_source_action_and_listed() {
    let (_dir, mut client, _old, new) = workspace("compare-action", false);
    let range = json!({"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}});
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": new}, "range": range, "context": {"diagnostics": [], "only": ["source"]}}),
    );
    let action = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.compare.unres")
        .unwrap_or_else(|| panic!("{actions}"))
        .clone();
    assert_eq!(action["command"]["command"], "unres.compareWith");
    assert_eq!(action["command"]["arguments"], json!([new]));
    let quick = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": new}, "range": range, "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert!(
        !quick["result"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "source.compare.unres"),
        "{quick}"
    );
    client.finish();
}
