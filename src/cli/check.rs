//! `unres check`: the analysis of the server, for CI.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::Format;
use crate::analysis::{Config, Diagnostic, Severity, analyze};
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

fn char_column(line: &str, byte: usize) -> usize {
    let byte = byte.min(line.len());
    line[..byte].chars().count() + 1
}

pub fn run(files: &[PathBuf], format: Format, config: &Config) -> ExitCode {
    let mut json = Vec::new();
    let mut counts = [0usize; 4];
    let mut unreadable = false;
    for path in files {
        let (text, warning) = match read_text(path) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("unres: {message}");
                unreadable = true;
                continue;
            }
        };
        if let Some(warning) = warning {
            eprintln!("unres: {warning}");
        }
        let tree = Tree::parse(&text);
        let diagnostics = analyze(&tree, config);
        let display = path.display().to_string();
        for diagnostic in &diagnostics {
            counts[diagnostic.severity as usize] += 1;
            match format {
                Format::Text => print_human(&display, &tree, diagnostic),
                Format::Json | Format::Sarif => json.push(to_json(&display, &tree, diagnostic)),
            }
        }
    }
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
                say!("{} checked: no problems", plural(files.len(), "file"));
            } else {
                say!(
                    "{} checked: {} ({} {}, {} {}, {} information, {} {})",
                    plural(files.len(), "file"),
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
    if unreadable {
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
    let rules: Vec<_> = crate::analysis::RULES
        .iter()
        .map(|rule| {
            let meta = rule.meta();
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
