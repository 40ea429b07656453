//! The project file `.unres.toml` through the server: found above the open
//! document, applied over the editor's settings, its problems shown in the file
//! itself at their keys, reloaded when it changes; unknown editor settings told.

mod lsp_support;

use lsp_support::{Client, TempDir, codes, file_uri};
use serde_json::{Value, json};

const DRAFT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\t1.\tDecides to act;\n\t3.\tRequests a report.\n";

#[test]
fn project_file_rules_apply_and_reload_without_restart() {
    let dir = TempDir::new("lsp-config");
    let toml = dir.write(".unres.toml", "[rules]\nPUN010 = \"off\"\n");
    let draft = file_uri(&dir.write("drafts/draft.unres", DRAFT));
    let mut client = Client::start();
    // No file watcher: the server polls the project file itself.
    client.initialize(Some(&dir.0), json!({}));
    client.open(&draft, 1, DRAFT);
    let found = client.diagnostics_where(&draft, |d| !d.is_empty());
    assert!(codes(&found).contains(&"NUM001".to_owned()), "{found:#?}");
    assert!(
        !codes(&found).contains(&"PUN010".to_owned()),
        "PUN010 is off: {found:#?}"
    );

    // Turn PUN010 back on and NUM001 off in the file: the open document follows.
    std::fs::write(&toml, "[rules]\nNUM001 = \"off\"\n").unwrap();
    let found = client.diagnostics_where(&draft, |d| {
        codes(d).contains(&"PUN010".to_owned()) && !codes(d).contains(&"NUM001".to_owned())
    });
    assert!(!found.is_empty());

    // The file removed: the editor's settings and the defaults apply again.
    std::fs::remove_file(&toml).unwrap();
    client.diagnostics_where(&draft, |d| {
        codes(d).contains(&"PUN010".to_owned()) && codes(d).contains(&"NUM001".to_owned())
    });
    client.finish();
}

#[test]
fn project_file_problems_are_diagnostics_at_their_keys() {
    let dir = TempDir::new("lsp-config-problems");
    let toml = dir.write(
        ".unres.toml",
        "organ = \"SC\"\nrulez = 1\n[rules]\nPUN010 = \"loud\"\nXYZ999 = \"off\"\n",
    );
    let draft = file_uri(&dir.write("draft.unres", DRAFT));
    let mut client = Client::start();
    client.initialize(
        Some(&dir.0),
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    client.open(&draft, 1, DRAFT);
    let toml_uri = file_uri(&toml);
    let problems = client.diagnostics_where(&toml_uri, |d| !d.is_empty());
    let located: Vec<(u64, u64, String)> = problems
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            (
                1,
                0,
                "unknown setting `rulez`; did you mean `rules`?".to_owned()
            ),
            (
                3,
                9,
                "`rules.PUN010`: `loud` is not error, warning, information, hint or off".to_owned()
            ),
            (
                4,
                0,
                "`rules`: no rule XYZ999 (`unres rules` lists them)".to_owned()
            ),
        ]
    );
    // Fixed on disk, told by the client's watcher: the problems go.
    std::fs::write(&toml, "organ = \"SC\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml_uri, "type": 2}]}),
    );
    client.diagnostics_where(&toml_uri, <[Value]>::is_empty);
    client.finish();
}

#[test]
fn project_file_wins_over_editor_settings_and_unknown_settings_are_told() {
    let dir = TempDir::new("lsp-config-precedence");
    dir.write(".unres.toml", "[rules]\nNUM001 = \"hint\"\n");
    let draft = file_uri(&dir.write("draft.unres", DRAFT));
    let mut client = Client::start();
    let initialize = json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "processId": null,
            "rootUri": file_uri(&dir.0),
            "capabilities": {},
            "initializationOptions": {"rules": {"NUM001": "warning", "PUN010": "off"}, "rulez": {}}
        }
    });
    client.send_raw(&initialize.to_string());
    let told = client.wait_for(|m| m["method"] == "window/showMessage");
    client.wait_for(|m| m["id"] == 1);
    assert_eq!(
        told["params"]["message"],
        "unres settings: unknown setting `unres.rulez`; did you mean `unres.rules`?"
    );
    client.notify("initialized", json!({}));
    client.open(&draft, 1, DRAFT);
    let found = client.diagnostics_where(&draft, |d| !d.is_empty());
    let num001 = found
        .iter()
        .find(|d| d["code"] == "NUM001")
        .expect("NUM001");
    assert_eq!(
        num001["severity"], 4,
        "the project file's hint wins: {num001}"
    );
    assert!(
        !codes(&found).contains(&"PUN010".to_owned()),
        "editor's off kept"
    );
    client.finish();
}
