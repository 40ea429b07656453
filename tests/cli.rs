//! `unres check` as CI uses it: output shapes and exit codes.

use std::process::Command;

use serde_json::Value;

fn unres(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .output()
        .expect("run unres");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn seed_is_clean_and_exits_zero() {
    let (code, stdout, _) = unres(&["check", "data/examples/A_RES_68_230.txt"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("1 file checked"));
}

#[test]
fn defects_are_printed_with_the_line_and_exit_one() {
    let (code, stdout, _) = unres(&["check", "tests/fixtures/draft_with_defects.unres"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("check_text", stdout);
}

#[test]
fn json_shape_is_stable() {
    let (code, stdout, _) = unres(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/draft_with_defects.unres",
    ]);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&stdout).expect("json");
    let items = value.as_array().expect("array");
    assert!(!items.is_empty());
    for item in items {
        let mut keys: Vec<&str> = item
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code",
                "column",
                "end_column",
                "end_line",
                "line",
                "message",
                "path",
                "severity"
            ]
        );
    }
    insta::assert_snapshot!("check_json", stdout);
}

#[test]
fn rule_levels_and_bad_arguments() {
    let (code, _, _) = unres(&[
        "check",
        "--rule",
        "NUM001=off",
        "--rule",
        "NUM006=warning",
        "--rule",
        "FTN008=hint",
        "tests/fixtures/draft_with_defects.unres",
    ]);
    assert_eq!(code, 0, "no errors left");
    let (code, _, stderr) = unres(&[
        "check",
        "--rule",
        "XYZ123=off",
        "tests/fixtures/draft_with_defects.unres",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no rule XYZ123"));
    let (code, _, stderr) = unres(&["check", "does/not/exist.unres"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"));
}

#[test]
fn invalid_utf8_is_checked_not_fatal() {
    let dir = std::env::temp_dir().join(format!("unres-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.unres");
    std::fs::write(
        &path,
        b"\tThe General Assembly,\n\t1.\tDecides \xff\xfe to act.\n",
    )
    .unwrap();
    let (code, _, stderr) = unres(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
}

#[test]
fn explain_prints_the_rule_documentation() {
    let (code, stdout, _) = unres(&["explain", "num001"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("NUM001") && stdout.contains("## Why"));
}

#[test]
fn sarif_output() {
    let (code, stdout, _) = unres(&[
        "check",
        "--format",
        "sarif",
        "tests/fixtures/draft_with_defects.unres",
    ]);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(value["version"], "2.1.0");
    let run = &value["runs"][0];
    assert!(
        run["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|r| r.len() >= 10)
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "FTN008");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
}

#[test]
fn format_rewrites_layout_and_keeps_line_endings() {
    let dir = std::env::temp_dir().join(format!("unres-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("draft.unres");
    std::fs::write(&path, "The General Assembly,\r\n1. Decides  to act.\r\n").unwrap();
    let (code, stdout, _) = unres(&["format", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    let (code, _, _) = unres(&["format", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "\tThe General Assembly,\r\n\t1.\tDecides to act.\r\n"
    );
    let (code, _, _) = unres(&["format", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn extra_catalog_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("unres-cat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("extra.tsv");
    std::fs::write(
        &catalog,
        "symbol\tdate\ttitle\nA/RES/99/1\t2044-10-01\tA future resolution\n",
    )
    .unwrap();
    let draft = dir.join("draft.unres");
    std::fs::write(&draft, "\tThe General Assembly,\n\tRecalling its resolution 99/1 of 2 October 2044,\n\t1.\tDecides.\n").unwrap();
    let (_, stdout, _) = unres(&[
        "check",
        "--catalog",
        catalog.to_str().unwrap(),
        draft.to_str().unwrap(),
    ]);
    assert!(
        stdout.contains("CIT016"),
        "the record's date contradicts the cited one: {stdout}"
    );
}

#[test]
fn a_huge_single_line_is_checked() {
    // One paragraph of about a megabyte with thousands of citations: positions,
    // citations and quotes must stay linear in the line's length.
    let dir = std::env::temp_dir().join(format!("unres-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.unres");
    let mut text = String::from("\tThe General Assembly,\n\t1.\tDecides, recalling");
    for i in 0..20_000 {
        text.push_str(&format!(
            " “resolution 64/222 of 21 December 2009” and 联合国 𠮷 {i}"
        ));
    }
    text.push_str(".\n");
    std::fs::write(&path, &text).unwrap();
    let (code, stdout, _) = unres(&["check", "--format", "json", path.to_str().unwrap()]);
    assert!(code == 0 || code == 1, "{code}");
    assert!(serde_json::from_str::<Value>(&stdout).is_ok());
}

#[test]
fn organ_profile_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("unres-organ-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("draft.unres");
    std::fs::write(
        &draft,
        "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tCalls on all States to act.\n",
    )
    .unwrap();
    let (_, general_assembly, _) = unres(&["check", draft.to_str().unwrap()]);
    assert!(general_assembly.contains("VRB010"), "{general_assembly}");
    let (_, security_council, _) = unres(&["check", "--organ", "sc", draft.to_str().unwrap()]);
    assert!(!security_council.contains("VRB010"), "{security_council}");
}

#[test]
fn document_kind_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("unres-kind-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // An adopted text's masthead with a paragraph inserted as `2 bis`.
    let text = dir.join("rolling.txt");
    std::fs::write(
        &text,
        "United Nations\tA/RES/68/230\n\n68/230.\tSouth-South cooperation\n\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tDecides to act;\n\t1 bis.\tInvites States to act;\n\t2.\tDecides to remain seized of the matter.\n",
    )
    .unwrap();
    let (_, adopted, _) = unres(&["check", text.to_str().unwrap()]);
    assert!(adopted.contains("error[NUM012]"), "{adopted}");
    for flag in ["--kind", "--mode"] {
        let (_, rolling, _) = unres(&["check", flag, "negotiation", text.to_str().unwrap()]);
        assert!(!rolling.contains("NUM012"), "{flag}: {rolling}");
    }
}

fn unres_with_stdin(args: &[&str], stdin: &str) -> (i32, String) {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run unres");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn version_names_the_build() {
    let (code, stdout, _) = unres(&["--version"]);
    assert_eq!(code, 0);
    let version = stdout.trim();
    assert!(
        version.starts_with(concat!("unres ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    // Built from a git checkout (as these tests are), the commit follows.
    if std::path::Path::new(".git").exists() {
        assert!(
            version.contains(" (") && version.ends_with(')'),
            "{version}"
        );
    }
}

#[test]
fn completions_and_manual_come_from_the_command_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, stdout, stderr) = unres(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(stdout.contains("check"), "{shell}");
        assert!(stdout.contains("--exclude"), "{shell}");
    }
    let (code, stdout, _) = unres(&["man"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with(".ie"), "{stdout}");
    assert!(stdout.contains(".TH unres 1"));
    assert!(stdout.contains("completions"));
}

#[test]
fn check_reads_directories_patterns_and_stdin() {
    let dir = std::env::temp_dir().join(format!("unres-cli-inputs-{}", std::process::id()));
    let drafts = dir.join("drafts");
    std::fs::create_dir_all(drafts.join("archive")).expect("folders");
    std::fs::create_dir_all(dir.join(".hidden")).expect("folders");
    let skipped = "\tThe General Assembly,\n\t1.\tRequests;\n\t3.\tDecides.\n";
    std::fs::write(drafts.join("one.unres"), skipped).expect("write");
    std::fs::write(drafts.join("two.txt"), skipped).expect("write");
    std::fs::write(drafts.join("notes.txt"), "Shopping list: milk, tea.\n").expect("write");
    std::fs::write(drafts.join("archive/old.unres"), skipped).expect("write");
    std::fs::write(dir.join(".hidden/secret.unres"), skipped).expect("write");
    let root = dir.display().to_string();

    let (code, stdout, _) = unres(&["check", &root]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("3 files checked"), "{stdout}");
    for name in ["one.unres", "two.txt", "old.unres"] {
        assert!(stdout.contains(name), "{name} in {stdout}");
    }
    assert!(!stdout.contains("notes.txt") && !stdout.contains("secret"));

    let (_, stdout, _) = unres(&["check", &root, "--exclude", "*/archive/*"]);
    assert!(stdout.contains("2 files checked"), "{stdout}");
    assert!(!stdout.contains("old.unres"), "{stdout}");

    let pattern = format!("{root}/drafts/**/*.unres");
    let (_, stdout, _) = unres(&["check", &pattern]);
    assert!(stdout.contains("2 files checked"), "{stdout}");
    let (code, _, stderr) = unres(&["check", &format!("{root}/*.nothing")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no file matches"), "{stderr}");

    let (code, stdout) = unres_with_stdin(&["check", "-"], skipped);
    assert_eq!(code, 1);
    assert!(stdout.contains("<stdin>:3:2: error[NUM001]"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pre_commit_hooks_run_an_existing_command() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("hook definitions");
    let entries: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry: "))
        .collect();
    assert_eq!(entries.len(), 2, "{hooks}");
    for entry in entries {
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("unres"));
        let args: Vec<&str> = words.chain(["--help"]).collect();
        let (code, _, stderr) = unres(&args);
        assert_eq!(code, 0, "{entry}: {stderr}");
    }
}

/// A directory under the system's temporary directory with `files` in it.
fn project(label: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("unres-cli-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const SPACED: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009 ,\n\t1.\tDecides to act;\n\t3.\tRequests a report.\n";

#[test]
fn project_file_is_found_above_the_file_and_flags_win() {
    let dir = project(
        "project",
        &[
            (
                ".unres.toml",
                "exclude = [\"archive/**\"]\n[rules]\nPUN010 = \"off\"\nNUM001 = \"warning\"\n",
            ),
            ("drafts/deep/a.unres", SPACED),
            ("archive/old.unres", SPACED),
        ],
    );
    let root = dir.to_str().unwrap();
    // PUN010 is off, NUM001 a warning (so exit 0), the archive left out.
    let (code, stdout, stderr) = unres(&["check", root]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("warning[NUM001]"), "{stdout}");
    assert!(
        !stdout.contains("PUN010") && !stdout.contains("archive"),
        "{stdout}"
    );
    assert!(stdout.contains("1 file checked"), "{stdout}");
    // The command line wins over the project file.
    let (code, stdout, _) = unres(&[
        "check",
        "--rule",
        "NUM001=error",
        "--rule",
        "pun010=hint",
        root,
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("error[NUM001]") && stdout.contains("hint[PUN010]"),
        "{stdout}"
    );
    // --isolated reads no project file.
    let (_, stdout, _) = unres(&[
        "check",
        "--isolated",
        &format!("{root}/drafts/deep/a.unres"),
    ]);
    assert!(stdout.contains("information[PUN010]"), "{stdout}");
    // A file named on the command line is checked even where `exclude` matches.
    let (_, stdout, _) = unres(&["check", &format!("{root}/archive/old.unres")]);
    assert!(stdout.contains("1 file checked: 1 problem"), "{stdout}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn project_file_include_selects_the_files_of_a_directory() {
    let dir = project(
        "include",
        &[
            (".unres.toml", "include = [\"*.draft\"]\n"),
            ("a.draft", SPACED),
            ("b.unres", SPACED),
        ],
    );
    let (_, stdout, _) = unres(&["check", dir.to_str().unwrap()]);
    assert!(
        stdout.contains("a.draft:") && !stdout.contains("b.unres"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn project_file_problems_name_the_file_and_line() {
    let dir = project(
        "problems",
        &[
            (
                ".unres.toml",
                "organ = \"GA\"\nrulez = 1\n[rules]\nPUN010 = \"loud\"\n",
            ),
            ("a.unres", SPACED),
        ],
    );
    let (code, _, stderr) = unres(&["check", dir.join("a.unres").to_str().unwrap()]);
    assert_eq!(code, 2, "a broken project file fails the run");
    let toml = dir.join(".unres.toml");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "{0}:2:1: error: unknown setting `rulez`; did you mean `rules`?\n{0}:4:10: error: `rules.PUN010`: `loud` is not error, warning, information, hint or off",
            toml.display()
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn config_prints_each_value_and_its_source() {
    let dir = project(
        "config",
        &[
            (".unres.toml", "organ = \"sc\"\n[rules]\nPUN010 = \"off\"\n"),
            ("sub/a.unres", SPACED),
        ],
    );
    let file = dir.join("sub/a.unres");
    let (code, stdout, _) = unres(&["config", file.to_str().unwrap(), "--rule", "FTN009=hint"]);
    assert_eq!(code, 0, "{stdout}");
    let toml = dir.join(".unres.toml").display().to_string();
    let stdout = stdout.replace(&toml, "<project>");
    insta::assert_snapshot!("config_sources", stdout);
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 11, defect 19: `--organ SC` was refused ("invalid value 'SC'").
#[test]
fn organ_is_accepted_in_any_case() {
    for organ in ["SC", "sc", "Sc", "ECOSOC", "auto", "GA"] {
        let (code, _, stderr) =
            unres(&["check", "--organ", organ, "data/examples/A_RES_68_230.txt"]);
        assert_ne!(code, 2, "--organ {organ}: {stderr}");
    }
}

/// Issue 11, defect 21: SARIF columns are code points and say so; an unreadable
/// file is not counted as checked.
#[test]
fn sarif_says_its_column_kind_and_unreadable_files_are_counted_apart() {
    let (_, stdout, _) = unres(&[
        "check",
        "--format",
        "sarif",
        "tests/fixtures/draft_with_defects.unres",
    ]);
    let log: Value = serde_json::from_str(&stdout).expect("sarif");
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    let (code, stdout, _) = unres(&["check", "missing.unres", "data/examples/A_RES_68_230.txt"]);
    assert_eq!(code, 2);
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(summary.starts_with("1 file checked: "), "{summary}");
    assert!(summary.ends_with("; 1 file could not be read"), "{summary}");
}
