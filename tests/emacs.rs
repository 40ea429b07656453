//! The Emacs setup in `editors/emacs/unres.el`, driven in a real Emacs in batch mode with
//! eglot against the real `unres` binary: the major mode, the server start through
//! `eglot-ensure`, flymake diagnostics with the configured severity, hover (Markdown,
//! rendered by markdown-mode when it is installed) and completion through eglot's
//! completion-at-point.
//!
//! Needs `emacs` with eglot (Emacs 29+, or Debian's `emacs-nox` and `elpa-eglot`;
//! `.ci/run` installs them with `elpa-markdown-mode`). Without them the test is reported
//! as ignored with the reason; under `CI=true` it fails.

// Each editor test uses part of the shared support.
#[allow(dead_code)]
#[path = "editors/support.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::{Completion, Failed, Trial, cannot_run, expect_passes, run_with_timeout};

const TIMEOUT: Duration = Duration::from_secs(120);

/// Why Emacs cannot run the test, if it cannot.
fn emacs_missing() -> Option<String> {
    let probe = Command::new("emacs")
        .args([
            "--batch",
            "-q",
            "--eval",
            "(progn (package-initialize) (princ (if (locate-library \"eglot\") \"eglot\" \"none\")))",
        ])
        .output();
    match probe {
        Err(_) => Some("no emacs: apt-get install emacs-nox elpa-eglot".to_owned()),
        Ok(output) if String::from_utf8_lossy(&output.stdout).contains("eglot") => None,
        Ok(_) => Some("emacs has no eglot: apt-get install elpa-eglot (Emacs 28)".to_owned()),
    }
}

fn eglot_end_to_end() -> Result<Completion, Failed> {
    if let Some(why) = emacs_missing() {
        return cannot_run(why);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let home = std::env::temp_dir().join(format!("unres-emacs-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| format!("temporary home: {e}"))?;
    let (success, stdout, stderr) = run_with_timeout(
        Command::new("emacs")
            .current_dir(root)
            .args(["--batch", "-q", "-l"])
            .arg(root.join("tests/editors/emacs_e2e.el"))
            .arg(env!("CARGO_BIN_EXE_unres"))
            .arg(root.join("editors/emacs"))
            .arg(root.join("tests/editors/fixtures/skipped_number.unres"))
            // Emacs's own state goes to a throwaway home, never the developer's.
            .env("HOME", &home),
        &home,
        TIMEOUT,
    );
    let _ = std::fs::remove_dir_all(&home);
    let report = format!(
        "Emacs end-to-end test failed.\n--- harness ---\n{stdout}\n--- stderr (last 4000 bytes) ---\n{}",
        support::tail(&stderr, 4000)
    );
    if !success {
        return Err(report.into());
    }
    expect_passes(
        &stdout,
        &[
            "plugin",
            "mode",
            "server",
            "diagnostics",
            "hover",
            "eldoc",
            "completion",
        ],
        &report,
    )?;
    Ok(Completion::Completed)
}

fn main() {
    support::run(vec![Trial::ignorable_test(
        "emacs_eglot_shows_diagnostics_hover_and_completion_from_the_server",
        eglot_end_to_end,
    )]);
}
