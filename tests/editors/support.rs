//! What the editor tests share: they run with `libtest-mimic` (`harness = false`), so
//! that a test whose editor is missing is reported by `cargo test` as
//! `test NAME ... ignored, REASON` and counted as ignored, not passed; under `CI=true`
//! the same test fails with the reason instead.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use libtest_mimic::{Arguments, Completion, Failed, Trial};

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true" || value == "1")
}

/// The outcome of a test that cannot run here: ignored with its reason, or a
/// failure under CI.
pub fn cannot_run(reason: impl Into<String>) -> Result<Completion, Failed> {
    let reason = reason.into();
    if in_ci() {
        Err(format!("CI=true and this test cannot run: {reason}").into())
    } else {
        Ok(Completion::ignored_with(reason))
    }
}

/// Runs the trials with the command line `cargo test` passed.
pub fn run(trials: Vec<Trial>) -> ! {
    libtest_mimic::run(&Arguments::from_args(), trials).exit()
}

/// Whether `program --version` runs.
pub fn runs(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Runs a command to completion or until `timeout`, returning (success, stdout,
/// stderr). Its output goes through files in `dir`, so a chatty child never blocks
/// on a pipe.
pub fn run_with_timeout(
    command: &mut Command,
    dir: &Path,
    timeout: Duration,
) -> (bool, String, String) {
    let stdout_path = dir.join("harness.stdout");
    let stderr_path = dir.join("harness.stderr");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).expect("stdout file"))
        .stderr(std::fs::File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("start the editor");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the editor") {
            break Some(status);
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let mut stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    if status.is_none() {
        stderr.push_str(&format!("\nkilled after {timeout:?}\n"));
    }
    (status.is_some_and(|s| s.success()), stdout, stderr)
}

/// The last `bytes` bytes of `text`, moved forward to a character boundary.
pub fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Every `PASS name:` line the harness must print, or the failure report.
pub fn expect_passes(stdout: &str, checks: &[&str], report: &str) -> Result<(), Failed> {
    let failures: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL ")).collect();
    if !failures.is_empty() {
        return Err(format!("{}\n{report}", failures.join("\n")).into());
    }
    let missing: Vec<&&str> = checks
        .iter()
        .filter(|check| {
            !stdout
                .lines()
                .any(|l| l.starts_with(&format!("PASS {check}:")))
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("no PASS line for {missing:?}\n{report}").into())
    }
}
