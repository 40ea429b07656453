//! The packaged VS Code extension in a real VS Code (code-server 4.100.3 = VS Code
//! 1.100.3, in Chromium driven by Playwright): `editors/vscode/e2e/vscode_e2e.py`
//! installs a platform-specific .vsix built here around this build's `unres`, opens a
//! draft with defects and a real resolution, and checks what a user sees: Problems with
//! rule codes, the output channel naming the bundled server, a hover with the cited
//! resolution's date, the PP/OP labels as inlay hints, numbering on Enter, completion
//! after `\t12.\tReq`, a quick fix, and "unres: Treat This File as a UN Resolution" on a
//! `.txt`. Screenshots go to `target/tmp/vscode-e2e/`.
//!
//! Needs `editors/vscode/e2e/code-server-setup.sh DIR` once (code-server, Debian's
//! Chromium, Python's Playwright; `.ci/run` runs it), with DIR in `$UNRES_CODE_SERVER_DIR`
//! or `~/.cache/unres-e2e/code-server`, and `npm ci` in editors/vscode. Without them the
//! test is reported as ignored with the reason; under `CI=true` it fails.

// Each editor test uses part of the shared support.
#[allow(dead_code)]
#[path = "editors/support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::{Completion, Failed, Trial, cannot_run, expect_passes, run_with_timeout, runs};

const TIMEOUT: Duration = Duration::from_secs(600);
const CHROMIUM: &str = "/usr/lib/chromium/chromium";

fn code_server() -> PathBuf {
    let dir = std::env::var_os("UNRES_CODE_SERVER_DIR").map_or_else(
        || {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/unres-e2e/code-server")
        },
        PathBuf::from,
    );
    dir.join("code-server")
}

fn missing(extension: &Path, code_server: &Path) -> Option<String> {
    let playwright = Command::new("python3")
        .args(["-c", "import playwright.sync_api"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs("node") || !runs("npm") {
        Some("node and npm are needed to package the extension".to_owned())
    } else if !extension.join("node_modules").is_dir() {
        Some(format!(
            "{} has no node_modules: run `npm ci` there",
            extension.display()
        ))
    } else if !code_server.is_file() {
        Some(format!(
            "no code-server at {}: run editors/vscode/e2e/code-server-setup.sh {}",
            code_server.display(),
            code_server
                .parent()
                .map_or(String::new(), |p| p.display().to_string())
        ))
    } else if !playwright {
        Some("python3 cannot import playwright: pip install playwright".to_owned())
    } else if !Path::new(CHROMIUM).is_file() {
        Some(format!(
            "no Chromium at {CHROMIUM}: apt-get install chromium"
        ))
    } else {
        None
    }
}

fn end_to_end() -> Result<Completion, Failed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extension = root.join("editors/vscode");
    let code_server = code_server();
    if let Some(why) = missing(&extension, &code_server) {
        return cannot_run(why);
    }
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("vscode-e2e");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let started = Instant::now();

    // The platform-specific package, with this build's binary as its server.
    let vsix = work.join("unres-e2e.vsix");
    let (packaged, stdout, stderr) = run_with_timeout(
        Command::new("node")
            .arg("scripts/package.js")
            .arg("--binary")
            .arg(env!("CARGO_BIN_EXE_unres"))
            .arg("--out")
            .arg(&vsix)
            .current_dir(&extension),
        &work,
        TIMEOUT,
    );
    if !packaged {
        return Err(format!("packaging failed\n{stdout}\n{stderr}").into());
    }

    let (success, stdout, stderr) = run_with_timeout(
        Command::new("python3")
            .arg(extension.join("e2e/vscode_e2e.py"))
            .arg("--vsix")
            .arg(&vsix)
            .arg("--code-server")
            .arg(&code_server)
            .arg("--repo")
            .arg(root)
            .arg("--artifacts")
            .arg(work.join("screenshots")),
        &work,
        TIMEOUT,
    );
    let report = format!(
        "VS Code end-to-end test failed after {:.0?} (screenshots and code-server.log in {}).\n\
         --- harness ---\n{stdout}\n--- stderr ---\n{}",
        started.elapsed(),
        work.join("screenshots").display(),
        support::tail(&stderr, 4000)
    );
    if !success {
        return Err(report.into());
    }
    expect_passes(
        &stdout,
        &[
            "install",
            "problems",
            "server",
            "hover",
            "numbering",
            "completion",
            "quickfix",
            "txt",
        ],
        &report,
    )?;
    Ok(Completion::Completed)
}

fn main() {
    support::run(vec![Trial::ignorable_test(
        "vscode_extension_in_a_real_vscode",
        end_to_end,
    )]);
}
