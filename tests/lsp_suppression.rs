//! Suppression through the server: `%% unres:` comments silence findings and an
//! unused one is a hint; the code actions that write them (for a paragraph, for
//! the project in `.unres.toml`, created when absent) and `source.fixAll.unres`.

mod lsp_support;

use lsp_support::{Client, TempDir, codes, file_uri};
use serde_json::{Value, json};

const DRAFT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n%% unres: ignore PUN010\n\tRecalling also its resolution 64/223 of 21 December 2009 ,\n%% unres: ignore CIT001\n\t1.\tDecides to act.\n";

fn actions(client: &mut Client, uri: &str, line: u32, only: Option<Value>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = only;
    }
    let answer = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "context": context}),
    );
    answer["result"].as_array().cloned().unwrap_or_default()
}

fn titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?} in {actions:#?}"))
}

/// Apply `changes` edits of one document (sorted from the end) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| {
        let start = &e["range"]["start"];
        std::cmp::Reverse((start["line"].as_u64(), start["character"].as_u64()))
    });
    for edit in edits {
        let at = |p: &Value| {
            (
                p["line"].as_u64().unwrap() as usize,
                p["character"].as_u64().unwrap() as usize,
            )
        };
        let (sl, sc) = at(&edit["range"]["start"]);
        let (el, ec) = at(&edit["range"]["end"]);
        let joined = format!(
            "{}{}{}",
            &lines[sl][..sc],
            edit["newText"].as_str().unwrap(),
            &lines[el][ec..]
        );
        lines.splice(
            sl..=el,
            joined.split('\n').map(str::to_owned).collect::<Vec<_>>(),
        );
    }
    lines.join("\n")
}

#[test]
fn suppressions_silence_findings_and_an_unused_one_is_a_hint() {
    let dir = TempDir::new("lsp-suppression");
    let uri = file_uri(&dir.write("draft.unres", DRAFT));
    let mut client = Client::start();
    client.initialize(
        Some(&dir.0),
        json!({"general": {"positionEncodings": ["utf-8"]}}),
    );
    client.open(&uri, 1, DRAFT);
    let found = client.diagnostics_for_version(1);
    let at: Vec<(String, u64)> = found
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(at.contains(&("PUN010".to_owned(), 1)), "{at:?}");
    assert!(!at.contains(&("PUN010".to_owned(), 3)), "{at:?}");
    let unused = found
        .iter()
        .find(|d| d["code"] == "SUP001")
        .expect("SUP001");
    assert_eq!(unused["severity"], 4, "a hint: {unused}");
    assert_eq!(unused["range"]["start"]["line"], 4);

    // The unused one is removed by its action.
    let here = actions(&mut client, &uri, 4, None);
    let removal = titled(&here, "Remove unused suppression");
    let edits = removal["edit"]["changes"][&uri].as_array().unwrap();
    assert!(!apply(DRAFT, edits).contains("CIT001"));
    client.finish();
}

#[test]
fn disable_for_this_paragraph_and_in_this_project() {
    let dir = TempDir::new("lsp-suppression-actions");
    let uri = file_uri(&dir.write("drafts/draft.unres", DRAFT));
    let mut client = Client::start();
    client.initialize(
        Some(&dir.0),
        json!({"general": {"positionEncodings": ["utf-8"]}, "workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}}),
    );
    client.open(&uri, 1, DRAFT);
    client.diagnostics_for_version(1);

    let on_line = actions(&mut client, &uri, 1, None);
    let paragraph = titled(&on_line, "Disable PUN010 for this paragraph");
    assert_eq!(paragraph["kind"], "quickfix");
    let edits = paragraph["edit"]["changes"][&uri].as_array().unwrap();
    let silenced = apply(DRAFT, edits);
    assert!(
        silenced.contains("%% unres: ignore PUN010\n\tRecalling its resolution 64/222"),
        "{silenced}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": silenced}]}),
    );
    let found = client.diagnostics_for_version(2);
    assert!(!codes(&found).contains(&"PUN010".to_owned()), "{found:#?}");

    // No project file yet: the action creates one in the workspace folder.
    let project = titled(&on_line, "Disable PUN010 in this project");
    let operations = project["edit"]["documentChanges"]
        .as_array()
        .expect("operations");
    let toml_uri = file_uri(&dir.0.join(".unres.toml"));
    assert_eq!(operations[0]["kind"], "create");
    assert_eq!(operations[0]["uri"], toml_uri.as_str());
    assert_eq!(
        operations[1]["edits"][0]["newText"],
        "[rules]\nPUN010 = \"off\"\n"
    );
    client.finish();

    // With one, the action edits it in place and keeps what it says.
    let toml = dir.write(".unres.toml", "organ = \"GA\"\n");
    let mut client = Client::start();
    client.initialize(Some(&dir.0), json!({}));
    client.open(&uri, 1, DRAFT);
    client.diagnostics_for_version(1);
    let on_line = actions(&mut client, &uri, 1, None);
    let project = titled(&on_line, "Disable PUN010 in this project");
    let edits = project["edit"]["changes"][file_uri(&toml)]
        .as_array()
        .expect("edits");
    assert_eq!(
        apply("organ = \"GA\"\n", edits),
        "organ = \"GA\"\n\n[rules]\nPUN010 = \"off\"\n"
    );
    client.finish();
}

#[test]
fn fix_all_applies_every_safe_fix_and_answers_only_when_asked() {
    let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\tNoting  the report ,\n\t1.\tDecides to act;\n\t2.\tRequests a report.[^1]\n";
    let uri = "file:///tmp/unres-fix-all.unres";
    let mut client = Client::start();
    client.initialize(None, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client.open(uri, 1, text);
    let found = client.diagnostics_for_version(1);
    assert!(codes(&found).contains(&"FTN008".to_owned()), "{found:#?}");

    let on_save = actions(&mut client, uri, 0, Some(json!(["source.fixAll"])));
    assert_eq!(on_save.len(), 1, "{on_save:#?}");
    assert_eq!(on_save[0]["kind"], "source.fixAll.unres");
    let fixed = apply(text, on_save[0]["edit"]["changes"][uri].as_array().unwrap());
    assert!(
        fixed.contains("64/222 of 21 December 2009,\n\tNoting the report,\n"),
        "{fixed}"
    );
    // The footnote text to write is not a safe fix.
    assert!(!fixed.contains("[^1]: "), "{fixed}");

    let quick = actions(&mut client, uri, 0, Some(json!(["quickfix"])));
    assert!(quick.iter().all(|a| a["kind"] == "quickfix"), "{quick:#?}");

    // Defect 14: the FTN008 fix adds an empty footnote text; it is not preferred.
    let on_reference = actions(&mut client, uri, 4, Some(json!(["quickfix"])));
    let add = on_reference
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Add footnote text 1"))
        })
        .unwrap_or_else(|| panic!("{on_reference:#?}"));
    assert_eq!(add["isPreferred"], false, "{add}");
    client.finish();
}

#[test]
fn a_client_that_resolves_edits_gets_the_fix_all_edit_when_it_asks() {
    let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\tNoting  the report ,\n\t1.\tDecides to act;\n";
    let uri = "file:///tmp/unres-fix-all-resolve.unres";
    let mut client = Client::start();
    client.initialize(
        None,
        json!({
            "general": {"positionEncodings": ["utf-8"]},
            "textDocument": {"codeAction": {"dataSupport": true, "resolveSupport": {"properties": ["edit"]}}},
        }),
    );
    client.open(uri, 1, text);
    client.diagnostics_for_version(1);

    let on_save = actions(&mut client, uri, 0, Some(json!(["source.fixAll"])));
    assert_eq!(on_save.len(), 1, "{on_save:#?}");
    // Offered without its edit: the answer to each move of the cursor stays small.
    assert!(on_save[0].get("edit").is_none(), "{on_save:#?}");
    let resolved = client.request("codeAction/resolve", on_save[0].clone());
    let edits = resolved["result"]["edit"]["changes"][uri]
        .as_array()
        .unwrap_or_else(|| panic!("{resolved:#?}"));
    assert!(
        apply(text, edits).contains("64/222 of 21 December 2009,\n\tNoting the report,\n"),
        "{resolved:#?}"
    );
    client.finish();
}
