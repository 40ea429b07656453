//! The protocol surface of issue 11 through the LSP layer: pull diagnostics,
//! outline and selection, cross-references as links, rename, inlay hints,
//! semantic tokens and formatting.

mod lsp_support;

use lsp_support::{Client, TempDir, file_uri};
use serde_json::{Value, json};

const DRAFT: &str = "68/230.\tSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tDecides to act;\n\t2.\tRequests a report, as set out in paragraph 1 above;\n\t3.\tInvites States:\n\t(a)\tTo act on paragraphs 1 to 2 above;\n\t(b)\tTo report;\n\t4.\tRecalls paragraph 3 (b) above;\n\t5.\tDecides to remain seized of the matter.\n";

/// The result of a request, or a panic with the error.
fn result(answer: &Value) -> &Value {
    assert!(answer.get("error").is_none(), "{answer}");
    &answer["result"]
}

#[test]
fn pull_diagnostics_replace_push() {
    let dir = TempDir::new("pull");
    dir.write(
        "other.unres",
        "68/231.\tOther\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tDecides to act;\n\t3.\tRequests a report.\n",
    );
    let uri = file_uri(&dir.0.join("draft.unres"));
    let mut client = Client::start();
    let init = client.initialize(
        Some(&dir.0),
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}, "workspace": {"diagnostic": {"refreshSupport": false}}}),
    );
    let provider = &init["result"]["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["workspaceDiagnostics"], true, "{init}");
    client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("indexed"))
    });
    let text = DRAFT.replace("\t5.\t", "\t7.\t");
    client.open(&uri, 1, &text);
    let first = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    let report = result(&first);
    assert_eq!(report["kind"], "full", "{first}");
    let codes = lsp_support::codes(report["items"].as_array().unwrap());
    assert!(codes.contains(&"NUM001".to_owned()), "{codes:?}");
    // Asked again with the id of the last answer: unchanged (once the
    // knowledge indexing replaces has settled).
    let mut id = report["resultId"].as_str().expect("resultId").to_owned();
    let mut unchanged = false;
    for _ in 0..20 {
        let again = client.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}, "previousResultId": id}),
        );
        if result(&again)["kind"] == "unchanged" {
            unchanged = true;
            break;
        }
        id = result(&again)["resultId"]
            .as_str()
            .expect("resultId")
            .to_owned();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(unchanged);

    // The indexed file that is not open, through workspace/diagnostic.
    let workspace = client.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = result(&workspace)["items"]
        .as_array()
        .expect("items")
        .clone();
    let other = items
        .iter()
        .find(|i| {
            i["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("other.unres"))
        })
        .unwrap_or_else(|| panic!("other.unres in {workspace}"));
    assert!(
        lsp_support::codes(other["items"].as_array().unwrap()).contains(&"NUM001".to_owned()),
        "{other}"
    );
    let previous = json!([{"uri": other["uri"], "value": other["resultId"]}]);
    let again = client.request(
        "workspace/diagnostic",
        json!({"previousResultIds": previous}),
    );
    assert!(
        result(&again)["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "unchanged"),
        "{again}"
    );

    // No push to a client that pulls: not for this document, not on close.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    client.send_raw(r#"{"jsonrpc":"2.0","id":"probe","method":"shutdown"}"#);
    client.wait_for(|m| {
        assert_ne!(m["method"], "textDocument/publishDiagnostics", "{m}");
        m["id"] == "probe"
    });
    client.notify("exit", Value::Null);
    assert!(client.child.wait().expect("exit").success());
}

/// An outline as indented lines: `name [first-last]`.
fn outline_text(symbols: &Value, depth: usize, out: &mut String) {
    for symbol in symbols.as_array().into_iter().flatten() {
        out.push_str(&format!(
            "{}{} [{}-{}]\n",
            "  ".repeat(depth),
            symbol["name"].as_str().unwrap_or_default(),
            symbol["range"]["start"]["line"],
            symbol["range"]["end"]["line"]
        ));
        outline_text(&symbol["children"], depth + 1, out);
    }
}

const STRUCTURED: &str = "68/300.\tA structured resolution\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,1\n\tNoting the report,\n\tI\n\tBudget\n\t1.\tDecides:\n\t(a)\tTo act;\n\t(i)\tFirst;\n\t(ii)\tSecond;\n\t(b)\tTo report;\n\t2.\tRequests a report;\n\tII\n\tStaff\n\t3.\tInvites States to act, as set out in paragraph 1 (b) above.\n\n71st plenary meeting\n20 December 2013\nAnnex\nDeclaration on cooperation\n\tGeneral principles\n\t1.\tStates cooperate.\n\t2.\tStates report.\n_______________\n1 A/68/212.\n";

#[test]
fn outline_folding_selection_and_workspace_symbols() {
    let dir = TempDir::new("outline");
    dir.write(
        "A_RES_68_230.txt",
        &std::fs::read_to_string("data/examples/A_RES_68_230.txt").unwrap(),
    );
    let uri = file_uri(&dir.0.join("draft.unres"));
    let mut client = Client::start();
    client.initialize(Some(&dir.0), json!({}));
    client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("indexed 1 resolutions"))
    });
    client.open(&uri, 1, STRUCTURED);
    client.diagnostics_for_version(1);

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let mut outline = String::new();
    outline_text(result(&symbols), 0, &mut outline);
    insta::assert_snapshot!("outline_hierarchy", outline);

    let folds = client.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": uri}}),
    );
    let folds: Vec<(u64, u64)> = result(&folds)
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    // The section I, the section II and the annex fold.
    for expected in [(4, 11), (12, 14), (18, 22)] {
        assert!(folds.contains(&expected), "{expected:?} in {folds:?}");
    }

    // Word → clause → subparagraph → paragraph → section → document.
    let selection = client.request(
        "textDocument/selectionRange",
        json!({"textDocument": {"uri": uri}, "positions": [{"line": 7, "character": 7}]}),
    );
    let mut chain = Vec::new();
    let mut node = &result(&selection)[0];
    while node.is_object() {
        chain.push((
            node["range"]["start"]["line"].as_u64().unwrap(),
            node["range"]["start"]["character"].as_u64().unwrap(),
            node["range"]["end"]["line"].as_u64().unwrap(),
            node["range"]["end"]["character"].as_u64().unwrap(),
        ));
        node = &node["parent"];
    }
    assert_eq!(chain[0], (7, 5, 7, 7), "the word 'To': {chain:?}");
    assert_eq!(chain[1], (7, 5, 7, 12), "the clause: {chain:?}");
    assert!(
        chain.contains(&(6, 0, 10, 15)),
        "the paragraph with (a) and (b): {chain:?}"
    );
    assert!(chain.contains(&(4, 0, 11, 22)), "section I: {chain:?}");
    assert_eq!(chain.last().unwrap().0, 0, "{chain:?}");

    // Workspace symbols: the indexed resolution and its paragraphs, the open
    // document's paragraphs.
    let found = client.request("workspace/symbol", json!({"query": "68/230"}));
    let names: Vec<&str> = result(&found)
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&"A/RES/68/230"), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("21. Decides")),
        "{names:?}"
    );
    let found = client.request("workspace/symbol", json!({"query": "requests a report"}));
    assert!(
        result(&found)
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["location"]["uri"] == uri.as_str()),
        "{found}"
    );
    client.finish();
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// Apply LSP text edits (UTF-8 columns) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut edits: Vec<&Value> = edits.iter().collect();
    let key = |e: &Value| {
        (
            e["range"]["start"]["line"].as_u64().unwrap(),
            e["range"]["start"]["character"].as_u64().unwrap(),
        )
    };
    edits.sort_by_key(|e| std::cmp::Reverse(key(e)));
    for edit in edits {
        let (line, start) = key(edit);
        assert_eq!(
            edit["range"]["end"]["line"].as_u64().unwrap(),
            line,
            "one-line edits"
        );
        let end = edit["range"]["end"]["character"].as_u64().unwrap() as usize;
        let text = &mut lines[line as usize];
        text.replace_range(start as usize..end, edit["newText"].as_str().unwrap());
    }
    lines.join("\n")
}

fn start_utf8() -> Client {
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client
}

#[test]
fn cross_references_are_links() {
    let uri = "file:///tmp/unres-links.unres";
    let mut client = start_utf8();
    client.open(uri, 1, DRAFT);
    client.diagnostics_for_version(1);
    // Line 8: "\t4.\tRecalls paragraph 3 (b) above;"
    let reference = DRAFT.lines().nth(8).unwrap().find("3 (b)").unwrap() as u32;
    let definition = client.request("textDocument/definition", at(uri, 8, reference));
    assert_eq!(
        result(&definition)["range"]["start"]["line"],
        7,
        "(b) of 3: {definition}"
    );
    let hover = client.request("textDocument/hover", at(uri, 8, reference + 3));
    let text = result(&hover)["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        text.contains("Paragraph 3 (b)") && text.contains("To report"),
        "{text}"
    );

    // Paragraph 2 is cited inside "paragraphs 1 to 2" and "paragraph 1 above".
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 1}, "context": {"includeDeclaration": false}}),
    );
    let lines: Vec<u64> = result(&references)
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![4, 6], "{references}");
    let highlights = client.request("textDocument/documentHighlight", at(uri, 4, 47));
    let kinds: Vec<u64> = result(&highlights)
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_u64().unwrap())
        .collect();
    assert_eq!(kinds, vec![3, 2, 2], "{highlights}");

    // Rename paragraph 3 to 4 renumbers 3 → 4, 4 → 5, 5 → 6 and the reference
    // "3 (b)" follows its paragraph.
    let prepare = client.request("textDocument/prepareRename", at(uri, 5, 1));
    assert_eq!(result(&prepare)["start"]["character"], 1, "{prepare}");
    let refused = client.request("textDocument/prepareRename", at(uri, 2, 3));
    assert!(result(&refused).is_null(), "{refused}");
    let rename = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 1}, "newName": "4"}),
    );
    let edits = result(&rename)["changes"][uri].as_array().unwrap().clone();
    let renamed = apply(DRAFT, &edits);
    insta::assert_snapshot!("rename_paragraph", renamed);
    let bad = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 1}, "newName": "x"}),
    );
    assert!(bad.get("error").is_some(), "{bad}");
    client.finish();
}

/// Issue 11, item 7: A/RES/68/230 with paragraph 5 moved after 8. Every
/// NUM001 fix renumbers the part in document order (21 paragraphs, 1 to 21)
/// and the result has no NUM001 left.
#[test]
fn renumbering_after_a_moved_paragraph() {
    let original = std::fs::read_to_string("data/examples/A_RES_68_230.txt").unwrap();
    let mut lines: Vec<&str> = original.split('\n').collect();
    let five = lines.iter().position(|l| l.starts_with("\t5.\t")).unwrap();
    let moved = lines.remove(five);
    let eight = lines.iter().position(|l| l.starts_with("\t8.\t")).unwrap();
    lines.insert(eight + 1, moved);
    let text = lines.join("\n");
    let uri = "file:///tmp/unres-moved.txt";
    let mut client = start_utf8();
    client.open(uri, 1, &text);
    let diagnostics = client.diagnostics_for_version(1);
    let num001: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "NUM001")
        .collect();
    assert!(!num001.is_empty(), "{diagnostics:?}");
    for diagnostic in num001 {
        let line = diagnostic["range"]["start"]["line"].as_u64().unwrap();
        let actions = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        );
        let action = result(&actions)
            .as_array()
            .unwrap()
            .iter()
            .find(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Renumber in document order"))
            })
            .unwrap_or_else(|| panic!("renumber on line {line}: {actions}"))
            .clone();
        let fixed = apply(&text, action["edit"]["changes"][uri].as_array().unwrap());
        let numbers: Vec<u32> = fixed
            .lines()
            .filter_map(|l| l.strip_prefix('\t')?.split_once(".\t")?.0.parse().ok())
            .collect();
        assert_eq!(
            numbers,
            (1..=21).collect::<Vec<u32>>(),
            "fix on line {line}"
        );
        assert!(
            fixed.contains("\t8.\tAlso recognizes that South-South"),
            "the moved paragraph is 8"
        );
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": line as i64 + 2}, "contentChanges": [{"text": fixed}]}),
        );
        let after = client.diagnostics_for_version(line as i64 + 2);
        assert!(
            !lsp_support::codes(&after).contains(&"NUM001".to_owned()),
            "{after:?}"
        );
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": line as i64 + 1000}, "contentChanges": [{"text": text}]}),
        );
    }
    client.finish();
}
