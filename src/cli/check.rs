//! `unres check`: the analysis of the server, for CI and pre-commit hooks.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use std::collections::HashMap;
use std::sync::Arc;

use super::Format;
use super::project::{self, Projects};
use crate::analysis::settings::Layer;
use crate::analysis::{Catalog, Diagnostic, Severity, analyze_with};
use crate::syntax::Tree;

/// One finding in the stable JSON shape: 1-based lines, columns in characters.
#[derive(Debug, Serialize)]
struct JsonDiagnostic {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: Severity,
    code: &'static str,
    message: String,
}

/// Read a file as text; invalid UTF-8 is replaced (and said), never fatal.
pub fn read_text(path: &Path) -> Result<(String, Option<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Ok((
                text,
                Some(format!(
                    "{}: not valid UTF-8 (first bad byte at offset {at}); checked with replacement characters",
                    path.display()
                )),
            ))
        }
    }
}

/// One thing to check: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    fn display(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }

    fn read(&self) -> Result<(String, Option<String>), String> {
        match self {
            Input::File(path) => read_text(path),
            Input::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
                Ok(match String::from_utf8(bytes) {
                    Ok(text) => (text, None),
                    Err(error) => (
                        String::from_utf8_lossy(error.as_bytes()).into_owned(),
                        Some(
                            "<stdin>: not valid UTF-8; checked with replacement characters"
                                .to_owned(),
                        ),
                    ),
                })
            }
        }
    }
}

/// The files that the command line names: a file as given; a directory as the
/// resolution files under it (`*.unres`, and `*.txt` files that read as
/// resolutions, or the files the governing project file's `include` globs
/// name; hidden entries skipped); a glob pattern as the files it matches; `-`
/// as standard input. Files found in directories or through patterns are left
/// out when a path or name matches one of `excludes` or the project file's
/// `exclude`; a file named on the command line is always checked. In sorted
/// order per argument, each file once.
pub fn collect_inputs(
    arguments: &[String],
    excludes: &[String],
    projects: &mut Projects,
    command_line: &Layer,
) -> Result<Vec<Input>, String> {
    for e in excludes {
        glob::Pattern::new(e).map_err(|error| format!("--exclude {e}: {error}"))?;
    }
    let excludes: Vec<(Option<PathBuf>, String)> =
        excludes.iter().map(|e| (None, e.clone())).collect();
    // Whether a file found in a directory (`walked`) or through a pattern is taken.
    let mut selected = |path: &Path, walked: bool| {
        let project = projects.for_file(path);
        let resolved = project::resolve(project.as_deref(), command_line);
        if project::matches(&excludes, path) || project::matches(&resolved.exclude, path) {
            return false;
        }
        if !walked {
            return true;
        }
        if resolved.include.is_empty() {
            is_resolution_file(path)
        } else {
            project::matches(&resolved.include, path)
        }
    };
    let mut inputs = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        if argument == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort();
            inputs.extend(
                found
                    .into_iter()
                    .filter(|p| selected(p, true))
                    .map(Input::File),
            );
        } else if !path.exists() && argument.contains(['*', '?', '[']) {
            let matches = glob::glob(argument).map_err(|error| format!("{argument}: {error}"))?;
            let mut found: Vec<PathBuf> = matches
                .filter_map(Result::ok)
                .filter(|p| p.is_file() && selected(p, false))
                .collect();
            if found.is_empty() {
                return Err(format!("{argument}: no file matches this pattern"));
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            // A missing file is reported when it is read, with the others checked.
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| input == &Input::Stdin || seen.insert(input.clone()));
    Ok(inputs)
}

/// The files under `dir`, depth first; hidden and unreadable entries are skipped.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, found),
            Ok(kind) if kind.is_file() => found.push(path),
            _ => {}
        }
    }
}

/// `*.unres`, or a `*.txt` whose text the parser reads as a resolution: an
/// organ line ("The General Assembly,") or numbered operative paragraphs.
fn is_resolution_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("unres") => true,
        Some("txt") => read_text(path).is_ok_and(|(text, _)| {
            Tree::parse(&text).iter().any(|(_, _, role)| {
                matches!(
                    role,
                    crate::syntax::Role::Organ | crate::syntax::Role::Operative { .. }
                )
            })
        }),
        _ => false,
    }
}

fn char_column(line: &str, byte: usize) -> usize {
    let byte = byte.min(line.len());
    line[..byte].chars().count() + 1
}

/// The catalog for a list of catalog files, read once per list.
type Catalogs = HashMap<Vec<PathBuf>, Result<Arc<Catalog>, String>>;

fn catalog_for(cache: &mut Catalogs, paths: &[PathBuf]) -> Result<Arc<Catalog>, String> {
    cache
        .entry(paths.to_vec())
        .or_insert_with(|| {
            let mut texts = Vec::new();
            for path in paths {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("catalog {}: cannot read: {e}", path.display()))?;
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
            Ok(Arc::new(Catalog::with_extras(&texts)))
        })
        .clone()
}

pub fn run(
    files: &[Input],
    format: Format,
    projects: &mut Projects,
    command_line: &Layer,
) -> ExitCode {
    let mut json = Vec::new();
    let mut counts = [0usize; 4];
    let mut unreadable = 0;
    let mut catalogs = Catalogs::new();
    for input in files {
        let (text, warning) = match input.read() {
            Ok(read) => read,
            Err(message) => {
                eprintln!("unres: {message}");
                unreadable += 1;
                continue;
            }
        };
        if let Some(warning) = warning {
            eprintln!("unres: {warning}");
        }
        let project = match input {
            Input::File(path) => projects.for_file(path),
            Input::Stdin => projects.for_dir(Path::new(".")),
        };
        let resolved = project::resolve(project.as_deref(), command_line);
        let catalog = match catalog_for(&mut catalogs, &resolved.catalogs) {
            Ok(catalog) => catalog,
            Err(message) => {
                eprintln!("unres: {message}");
                return ExitCode::from(2);
            }
        };
        let tree = Tree::parse(&text);
        let diagnostics = analyze_with(&tree, &resolved.config, &catalog);
        let display = input.display();
        for diagnostic in &diagnostics {
            counts[diagnostic.severity as usize] += 1;
            match format {
                Format::Text => print_human(&display, &tree, diagnostic),
                Format::Json | Format::Sarif => json.push(to_json(&display, &tree, diagnostic)),
            }
        }
    }
    let checked = files.len() - unreadable;
    let not_read = if unreadable > 0 {
        format!("; {} could not be read", plural(unreadable, "file"))
    } else {
        String::new()
    };
    match format {
        Format::Json => {
            say!(
                "{}",
                serde_json::to_string_pretty(&json).expect("serializable")
            );
        }
        Format::Sarif => {
            say!(
                "{}",
                serde_json::to_string_pretty(&sarif(&json)).expect("serializable")
            );
        }
        Format::Text => {
            let [errors, warnings, infos, hints] = counts;
            let total = errors + warnings + infos + hints;
            if total == 0 {
                say!("{} checked: no problems{not_read}", plural(checked, "file"));
            } else {
                say!(
                    "{} checked: {} ({} {}, {} {}, {} information, {} {}){not_read}",
                    plural(checked, "file"),
                    plural(total, "problem"),
                    errors,
                    if errors == 1 { "error" } else { "errors" },
                    warnings,
                    if warnings == 1 { "warning" } else { "warnings" },
                    infos,
                    hints,
                    if hints == 1 { "hint" } else { "hints" },
                );
            }
        }
    }
    if unreadable > 0 || projects.had_problems {
        ExitCode::from(2)
    } else if counts[Severity::Error as usize] > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The findings as a SARIF 2.1.0 log, with every rule's documentation.
fn sarif(findings: &[JsonDiagnostic]) -> serde_json::Value {
    use serde_json::json;
    let rules: Vec<_> = crate::analysis::all_rules()
        .map(|meta| {
            let summary = meta.summary();
            json!({
                "id": meta.code,
                "name": meta.name,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": meta.doc.trim() },
                "defaultConfiguration": { "level": sarif_level(meta.default_severity) },
            })
        })
        .collect();
    let results: Vec<_> = findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        }
                    }
                }]
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "unres",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            // Columns count Unicode code points, as the text and JSON output do.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn to_json(path: &str, tree: &Tree, diagnostic: &Diagnostic) -> JsonDiagnostic {
    let text = tree
        .line(diagnostic.span.line)
        .map_or("", |l| l.text.as_str());
    JsonDiagnostic {
        path: path.to_owned(),
        line: diagnostic.span.line + 1,
        column: char_column(text, diagnostic.span.start),
        end_line: diagnostic.span.line + 1,
        end_column: char_column(text, diagnostic.span.end),
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message.clone(),
    }
}

/// `path:line:col: severity[CODE]: message`, then the line with carets under the
/// span, as compilers print it. Tabs are shown as four spaces so the carets line up.
fn print_human(path: &str, tree: &Tree, diagnostic: &Diagnostic) {
    let text = tree
        .line(diagnostic.span.line)
        .map_or("", |l| l.text.as_str());
    let column = char_column(text, diagnostic.span.start);
    say!(
        "{path}:{}:{column}: {}[{}]: {}",
        diagnostic.span.line + 1,
        diagnostic.severity.as_str(),
        diagnostic.code,
        diagnostic.message
    );
    let shown = |s: &str| s.replace('\t', "    ");
    let start = diagnostic.span.start.min(text.len());
    let end = diagnostic.span.end.clamp(start, text.len());
    let gutter = format!("{}", diagnostic.span.line + 1);
    let pad = " ".repeat(gutter.len());
    const MAX: usize = 160;
    // Very long lines: show a window around the span.
    let (window_start, prefix) = if shown(&text[..start]).chars().count() > MAX / 2 {
        let mut from = start.saturating_sub(MAX / 2);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        (from, "…")
    } else {
        (0, "")
    };
    let mut window_end = (end.max(start) + MAX / 2).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end += 1;
    }
    let suffix = if window_end < text.len() { "…" } else { "" };
    say!("{pad} |");
    say!(
        "{gutter} | {prefix}{}{suffix}",
        shown(&text[window_start..window_end])
    );
    let lead = prefix.chars().count() + shown(&text[window_start..start]).chars().count();
    let width = shown(&text[start..end]).chars().count().max(1);
    say!("{pad} | {}{}", " ".repeat(lead), "^".repeat(width));
}
