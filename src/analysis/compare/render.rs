//! A comparison as text (the compilation style facilitators circulate:
//! additions **bold**, deletions ~~struck~~) and as a standalone HTML page with
//! the two versions side by side.

use std::fmt::Write as _;

use super::{Comparison, Entry, Op, Piece, Segment, Status, Summary};

/// The summary line: `42 paragraphs: 30 unchanged, 8 changed, …`.
pub fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "{} unchanged, {} changed, {} moved, {} added, {} deleted",
        summary.unchanged, summary.changed, summary.moved, summary.added, summary.deleted
    );
    if summary.renumbered > 0 {
        let _ = write!(line, " ({} renumbered)", summary.renumbered);
    }
    format!(
        "{} paragraphs before, {} after: {line}.",
        summary.old_paragraphs, summary.new_paragraphs
    )
}

/// `OP7 → OP4 · moved, changed`.
fn heading(entry: &Entry) -> String {
    let labels = match (&entry.old, &entry.new) {
        (Some(old), Some(new)) if old.label != new.label => {
            format!("{} → {}", old.label, new.label)
        }
        (_, Some(paragraph)) | (Some(paragraph), None) => paragraph.label.clone(),
        (None, None) => String::new(),
    };
    let mut status = entry.status.as_str().to_owned();
    if entry.status == Status::Moved && entry.text_changed {
        status.push_str(", changed");
    }
    if let Some(similarity) = entry.similarity.filter(|_| entry.text_changed) {
        let _ = write!(status, " ({:.0} % of words kept)", similarity * 100.0);
    }
    format!("{labels} · {status}")
}

/// The comparison as text: every paragraph of both versions under its labels,
/// insertions in `**bold**`, deletions in `~~strikethrough~~` (Markdown).
pub fn text(comparison: &Comparison, old_name: &str, new_name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Comparison of {old_name} (before) and {new_name} (after)"
    );
    let _ = writeln!(out, "{}", summary_line(&comparison.summary));
    let _ = writeln!(
        out,
        "Additions in **bold**, deletions in ~~strikethrough~~."
    );
    for entry in &comparison.entries {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", heading(entry));
        let _ = writeln!(out, "{}", marked_text(&entry.diff));
    }
    out
}

fn marked_text(segments: &[Segment]) -> String {
    fn marker(op: Op) -> &'static str {
        match op {
            Op::Equal => "",
            Op::Delete => "~~",
            Op::Insert => "**",
        }
    }
    // The marker still open, so that a new line's label and its words are one
    // span (`**(e) Adopting …;**`); spaces stay outside the markers.
    fn close(out: &mut String, open: &mut Option<Op>) {
        if let Some(op) = open.take() {
            let spaced = out.ends_with(' ');
            if spaced {
                out.pop();
            }
            out.push_str(marker(op));
            if spaced {
                out.push(' ');
            }
        }
    }
    let mut out = String::new();
    let mut open: Option<Op> = None;
    for segment in segments {
        match &segment.piece {
            Piece::Text(text) => {
                let words = text.trim_start();
                let spaced = text.len() > words.len();
                if open == Some(segment.op) {
                    if spaced {
                        out.push(' ');
                    }
                } else {
                    let after_deletion = open == Some(Op::Delete);
                    close(&mut out, &mut open);
                    if spaced || (after_deletion && !out.ends_with([' ', '\n'])) {
                        out.push(' ');
                    }
                    if segment.op != Op::Equal {
                        out.push_str(marker(segment.op));
                        open = Some(segment.op);
                    }
                }
                out.push_str(words);
            }
            Piece::Line(start) => {
                close(&mut out, &mut open);
                if out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                let label = match segment.op {
                    Op::Delete => start.old_label.as_deref(),
                    Op::Equal | Op::Insert => start.new_label.as_deref(),
                };
                if let Some(label) = label {
                    if segment.op != Op::Equal {
                        out.push_str(marker(segment.op));
                        open = Some(segment.op);
                    }
                    out.push_str(label);
                    out.push(' ');
                }
            }
        }
    }
    close(&mut out, &mut open);
    out.trim_end().to_owned()
}

/// The comparison as a standalone HTML page: one row per paragraph, the old
/// version on the left with deletions struck, the new on the right with
/// insertions highlighted. No scripts, no external resources; all text escaped.
pub fn html(comparison: &Comparison, old_name: &str, new_name: &str) -> String {
    let mut out = String::new();
    let title = format!("Comparison of {old_name} and {new_name}");
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str(STYLE);
    out.push_str("</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        escape(&summary_line(&comparison.summary))
    );
    out.push_str(
        "<p class=\"legend\"><del>deleted</del> <ins>inserted</ins> \
         <span class=\"tag moved\">moved</span> \
         <span class=\"tag added\">added</span> \
         <span class=\"tag deleted\">deleted</span></p>\n",
    );
    out.push_str("<table>\n<thead><tr>");
    let _ = write!(
        out,
        "<th>{} (before)</th><th>{} (after)</th>",
        escape(old_name),
        escape(new_name)
    );
    out.push_str("</tr></thead>\n<tbody>\n");
    for entry in &comparison.entries {
        let _ = writeln!(out, "<tr class=\"{}\">", entry.status.as_str());
        cell(&mut out, entry, Side::Old);
        cell(&mut out, entry, Side::New);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

fn cell(out: &mut String, entry: &Entry, side: Side) {
    let paragraph = match side {
        Side::Old => entry.old.as_ref(),
        Side::New => entry.new.as_ref(),
    };
    let Some(paragraph) = paragraph else {
        out.push_str("<td class=\"empty\"></td>\n");
        return;
    };
    out.push_str("<td>");
    let _ = write!(
        out,
        "<div class=\"head\"><span class=\"label\">{}</span>",
        escape(&paragraph.label)
    );
    let note = match (side, entry.status) {
        (Side::Old, Status::Moved) => entry
            .new
            .as_ref()
            .map(|new| format!("moved to {}", new.label)),
        (Side::New, Status::Moved) => entry
            .old
            .as_ref()
            .map(|old| format!("moved from {}", old.label)),
        (Side::New, Status::Unchanged | Status::Changed) if entry.renumbered => entry
            .old
            .as_ref()
            .map(|old| format!("{} before", old.label)),
        (Side::New, Status::Added) => Some("added".to_owned()),
        (Side::Old, Status::Deleted) => Some("deleted".to_owned()),
        _ => None,
    };
    if let Some(note) = note {
        let _ = write!(
            out,
            " <span class=\"tag {}\">{}</span>",
            entry.status.as_str(),
            escape(&note)
        );
    }
    out.push_str("</div>\n<p>");
    let hidden = match side {
        Side::Old => Op::Insert,
        Side::New => Op::Delete,
    };
    for segment in entry.diff.iter().filter(|s| s.op != hidden) {
        let (open, close) = match segment.op {
            Op::Equal => ("", ""),
            Op::Delete => ("<del>", "</del>"),
            Op::Insert => ("<ins>", "</ins>"),
        };
        match &segment.piece {
            Piece::Text(text) => {
                let words = text.trim_start();
                if text.len() > words.len() {
                    out.push(' ');
                }
                out.push_str(open);
                out.push_str(&escape(words));
                out.push_str(close);
            }
            Piece::Line(start) => {
                out.push_str("<br>\n");
                let label = match side {
                    Side::Old => start.old_label.as_deref(),
                    Side::New => start.new_label.as_deref(),
                };
                if let Some(label) = label {
                    let _ = write!(
                        out,
                        "{open}<span class=\"sublabel\">{}</span>{close} ",
                        escape(label)
                    );
                }
            }
        }
    }
    out.push_str("</p></td>\n");
}

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "<style>
body { font-family: Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 90em; padding: 0 1em; color: #1b1b1b; }
h1 { font-size: 1.3em; }
.summary, .legend { font-family: system-ui, sans-serif; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { font-family: system-ui, sans-serif; text-align: left; border-bottom: 2px solid #666; padding: 0.4em; }
td { vertical-align: top; border-bottom: 1px solid #ddd; padding: 0.5em 0.6em; line-height: 1.45; }
td.empty { background: #f4f4f4; }
.head { font-family: system-ui, sans-serif; font-size: 0.8em; color: #555; margin-bottom: 0.2em; }
.label { font-weight: bold; color: #1b1b1b; }
.sublabel { font-weight: bold; }
.tag { border-radius: 3px; padding: 0 0.4em; margin-left: 0.4em; }
.tag.moved { background: #dbe8ff; }
.tag.added { background: #d8f5d8; }
.tag.deleted { background: #fbdada; }
.tag.unchanged, .tag.changed { background: #eee; }
tr.changed td, tr.moved td { background: #fffdf3; }
tr.added td:not(.empty) { background: #f2fbf2; }
tr.deleted td:not(.empty) { background: #fdf3f3; }
del { background: #fbcaca; color: #7a1010; text-decoration: line-through; }
ins { background: #c8efc8; color: #0c4d0c; text-decoration: none; font-weight: bold; }
</style>
";
