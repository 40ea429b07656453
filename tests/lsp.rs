//! End to end: spawn `unres lsp` and drive it over stdio like an editor does.

mod lsp_support;

use lsp_support::Client;
use serde_json::{Value, json};

const URI: &str = "file:///tmp/draft.unres";
const DRAFT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,1\n\t1.\tDecides to act;\n\t2.\tRequests a report;\n\t4.\tInvites States to act.\n\n1 A/68/212.\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn lifecycle_sync_and_diagnostics() {
    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}),
    );
    let capabilities = &init["result"]["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(
        capabilities["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    client.notify("initialized", json!({}));

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "unres", "version": 1, "text": DRAFT}}),
    );
    let diagnostics = client.diagnostics_for_version(1);
    assert!(
        codes(&diagnostics).contains(&"NUM001".to_owned()),
        "{diagnostics:#?}"
    );
    let gap = diagnostics
        .iter()
        .find(|d| d["code"] == "NUM001")
        .expect("NUM001");
    assert_eq!(gap["range"]["start"], json!({"line": 4, "character": 1}));

    // Fix the gap with an incremental edit: "4" -> "3" on line 4.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 4, "character": 1}, "end": {"line": 4, "character": 2}}, "text": "3"}]
        }),
    );
    let diagnostics = client.diagnostics_for_version(2);
    assert!(
        !codes(&diagnostics).contains(&"NUM001".to_owned()),
        "{diagnostics:#?}"
    );

    // Two quick edits in one go: insert a paragraph, then break the numbering again.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 3},
            "contentChanges": [
                {"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "text": "\t5.\tDecides to remain seized of the matter.\n"},
            ]
        }),
    );
    let diagnostics = client.diagnostics_for_version(3);
    assert!(
        codes(&diagnostics).contains(&"NUM001".to_owned()),
        "paragraph 5 after 3: {diagnostics:#?}"
    );

    // A version that goes backwards is applied in the order received (the edit
    // is relative to the text as it is), and the user is told.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 0}}, "text": "\n"}]}),
    );
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not newer")),
        "{shown}"
    );
    client.diagnostics_for_version(2);

    // Hover on the first line shows the document's kind; hover on the
    // footnote marker shows its text.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 2}}),
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.starts_with("**Document:")),
        "{hover}"
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 54}}),
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .contains("A/68/212"),
        "{hover}"
    );

    // Hover on a diagnostic explains its rule.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 5, "character": 1}}),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        value.contains("NUM001") && value.contains("## Why"),
        "{hover}"
    );

    // Out-of-range positions clamp instead of failing.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 999, "character": 999}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");

    // Quick fix for the gap renumbers from there.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions["result"]
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Renumber in document order")),
        "{titles:?}"
    );

    // Garbage on stdin does not take the server down.
    client.send_raw("{this is not json");
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert!(
        symbols["result"].as_array().is_some_and(|s| !s.is_empty()),
        "{symbols}"
    );

    let shutdown = client.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("exit");
    assert!(status.success());
}

#[test]
fn utf8_positions_with_astral_characters() {
    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.notify("initialized", json!({}));
    let text = "\tThe General Assembly,\n\tNoting 𠮷 and 👍🏽 and قرار,1\n\t1.\tDecides.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "unres", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics_for_version(1);
    let dangling = diagnostics
        .iter()
        .find(|d| d["code"] == "FTN008")
        .expect("FTN008");
    let line = "\tNoting 𠮷 and 👍🏽 and قرار,";
    assert_eq!(dangling["range"]["start"]["character"], json!(line.len()));
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().expect("exit").success());
}

#[test]
fn record_features_and_workspace() {
    // A workspace holding the seed resolution A/RES/68/230.
    let root = std::env::temp_dir().join(format!("unres-lsp-ws-{}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(
        "data/examples/A_RES_68_230.txt",
        root.join("A_RES_68_230.txt"),
    )
    .unwrap();
    let root_uri = format!("file://{}", root.display());
    let draft_uri = format!("{root_uri}/draft.unres");

    let mut client = Client::start();
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "ws"}],
            "capabilities": {}
        }),
    );
    client.notify("initialized", json!({}));
    client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("indexed 1 resolutions"))
    });

    let draft = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 and its resolution 68/230 of 20 December 2013,\n\t1.\tRecalls resolution 68/23";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft_uri, "languageId": "unres", "version": 1, "text": draft}}),
    );
    client.diagnostics_for_version(1);

    // Hover on 64/222: the record's date and the official document link.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 1, "character": 28}}),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(text.contains("21 December 2009"), "{text}");
    assert!(text.contains("https://undocs.org/"), "{text}");

    // Completion after "resolution 68/23" offers 68/230.
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 2, "character": 28}}),
    );
    let labels: Vec<String> = completion["result"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str().map(str::to_owned))
        .collect();
    assert!(labels.iter().any(|l| l.starts_with("68/230")), "{labels:?}");

    // Go to definition on 68/230 opens the workspace file.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": draft_uri}, "position": {"line": 1, "character": 72}}),
    );
    let target = definition["result"]["uri"].as_str().unwrap_or_default();
    assert!(target.ends_with("A_RES_68_230.txt"), "{definition}");

    // Links and semantic tokens.
    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": draft_uri}}),
    );
    assert!(
        links["result"].as_array().is_some_and(|l| l.len() >= 2),
        "{links}"
    );
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": draft_uri}}),
    );
    assert!(
        tokens["result"]["data"]
            .as_array()
            .is_some_and(|d| !d.is_empty()),
        "{tokens}"
    );

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().expect("exit").success());
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn agreed_language_completion_and_hover() {
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t11.\tRequests the Secretary-General to report;\n\t12.\tReq";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "unres", "version": 1, "text": text}}),
    );
    client.diagnostics_for_version(1);
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 3, "character": 8}}),
    );
    let mut items: Vec<(String, String)> = completion["result"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["sortText"].as_str().unwrap_or_default().to_owned(),
                i["label"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    items.sort();
    let labels: Vec<&str> = items.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels.first(), Some(&"Also requests"), "{labels:?}");
    assert!(labels.contains(&"Requests"), "{labels:?}");
    let first = &completion["result"]["items"][0];
    assert!(
        first["textEdit"]["range"]["start"]["character"] == json!(5),
        "{first}"
    );

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 3}}),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(value.to_lowercase().contains("preambular"), "{value}");
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().expect("exit").success());
}
