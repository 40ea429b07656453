//! The VS Code extension in `editors/vscode`: `npm test` compiles it, bundles it, runs the
//! manifest and unit tests (`node --test`) and the grammar tests (`vscode-tmgrammar-test`
//! on real resolution lines). It needs `npm ci` in editors/vscode first.
//!
//! Without node, npm or node_modules the test is reported as ignored with the reason;
//! under `CI=true` it fails.

// Each editor test uses part of the shared support.
#[allow(dead_code)]
#[path = "editors/support.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use support::{Completion, Failed, Trial, cannot_run, runs};

/// Why the extension cannot be tested here, if it cannot.
fn node_missing(dir: &Path) -> Option<String> {
    if !runs("node") {
        Some("node is not installed".to_owned())
    } else if !runs("npm") {
        Some("npm is not installed".to_owned())
    } else if !dir.join("node_modules").is_dir() {
        Some(format!(
            "{} has no node_modules: run `npm ci` there",
            dir.display()
        ))
    } else {
        None
    }
}

fn npm_test() -> Result<Completion, Failed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    if let Some(why) = node_missing(&dir) {
        return cannot_run(why);
    }
    let output = Command::new("npm")
        .arg("test")
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run npm test: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report = format!("--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}");
    if !output.status.success() {
        return Err(format!("npm test failed in editors/vscode\n{report}").into());
    }
    // Both parts ran: node's test runner summary and the grammar tests.
    if !stdout.contains("# fail 0") {
        return Err(format!("the unit tests did not report\n{report}").into());
    }
    if !stdout.contains("general-assembly.test.unres run successfuly") {
        return Err(format!("the grammar tests did not run\n{report}").into());
    }
    Ok(Completion::Completed)
}

fn main() {
    support::run(vec![Trial::ignorable_test(
        "vscode_extension_npm_test_passes",
        npm_test,
    )]);
}
