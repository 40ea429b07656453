//! Puts the commit the binary was built from into its version
//! (`unres 0.1.0 (a1b2c3d 2026-12-01)`), read from git when the source is a git
//! checkout; a source tree without git (a crate tarball) gives `unres 0.1.0`.

use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let commit = git(&["rev-parse", "--short=9", "HEAD"]);
    let full = match &commit {
        Some(commit) => {
            let date = git(&["log", "-1", "--format=%cs", "HEAD"]).unwrap_or_default();
            format!("{version} ({commit} {date})")
        }
        None => version.to_owned(),
    };
    println!("cargo:rustc-env=UNRES_VERSION={full}");
    println!(
        "cargo:rustc-env=UNRES_COMMIT={}",
        commit.unwrap_or_default()
    );
    // Rebuild the version when the checked-out commit moves (only files that
    // exist: a missing one would rerun this script on every build).
    let mut watched = vec![PathBuf::from("build.rs")];
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        watched.push(PathBuf::from(dir).join("HEAD"));
    }
    if let Some(common) = git(&["rev-parse", "--git-common-dir"]) {
        let common = PathBuf::from(common);
        watched.push(common.join("packed-refs"));
        if let Some(reference) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watched.push(common.join(reference));
        }
    }
    for path in watched.iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}
