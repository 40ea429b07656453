//! The command line against the defects and features of issue 11: suppression
//! comments in `unres check`, rule documentation, stdin and directories.

use std::io::Write;
use std::process::{Command, Stdio};

fn unres(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run unres");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .expect("write stdin");
    drop(input);
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_honours_suppression_comments_and_reports_unused_ones() {
    let text = "\tThe General Assembly,\n%% unres: ignore PUN010 -- kept as submitted\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n%% unres: ignore PUN010\n\t1.\tDecides to act.\n";
    let (_, stdout, stderr) = unres(&["check", "--format", "json", "-"], Some(text));
    let found: serde_json::Value = serde_json::from_str(&stdout).expect(&stderr);
    let codes: Vec<(&str, u64)> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(codes, [("SUP001", 4)], "{stdout}");
}
