use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::tokenize;
use crate::analysis::{Edit, Fix};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// `Takes note of X` (`Taking note of X` in the preamble): the preposition
    /// follows `note`, or a qualifier and then the preposition (`Takes note with
    /// appreciation of X`). Reported: `Takes note the report` (no `of`) and
    /// `Notes of the report` (`Notes` takes no `of`).
    ///
    /// ## Why
    /// VRB011 (Editorial Manual, resolutions, II.C: "Takes note with appreciation
    /// of the report of the Secretary-General"). In the corpus `Takes note` is
    /// followed by `of`, `with` or `that` in every adopted text.
    ///
    /// ## Example
    /// `1. Takes note the report of the Secretary-General;`
    ///
    /// ## Fix
    /// Add `of` after `note`, or remove it after `Notes`.
    pub struct TakesNoteOf {
        code: "VRB011",
        severity: Error,
    }
}

/// Words that start the object directly: after them `of` is missing.
const OBJECT_START: &[&str] = &["the", "a", "an", "its", "their", "all", "his", "her"];

impl LineRule for TakesNoteOf {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(opening) = at.paragraph_opening() else {
            return;
        };
        let line = at.index;
        let text = &at.lexed.text;
        let tokens = tokenize(text, opening.phrase.start, 4);
        let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let word = |i: usize| words.get(i).map(String::as_str);
        match (word(0), word(1), word(2)) {
            (Some("takes" | "taking"), Some("note"), Some(next))
                if OBJECT_START.contains(&next) =>
            {
                let note = &tokens[1];
                let span = Span::new(line, note.end, note.end);
                sink.report(
                    Span::new(line, tokens[0].start, note.end),
                    format!("Write `{} note of` before the object", tokens[0].text),
                )
                .with_fix(Fix {
                    safe: true,
                    title: "Add `of`".to_owned(),
                    edits: vec![Edit::new(span, " of")],
                });
            }
            (Some("notes" | "noting"), Some("of"), Some(_)) => {
                let of = &tokens[1];
                let span = Span::new(line, tokens[0].end, of.end);
                sink.report(
                    Span::new(line, tokens[0].start, of.end),
                    format!(
                        "`{}` takes its object directly; for `of` write `{} note of`",
                        tokens[0].text,
                        if words[0] == "notes" {
                            "Takes"
                        } else {
                            "Taking"
                        }
                    ),
                )
                .with_fix(Fix {
                    safe: true,
                    title: "Remove `of`".to_owned(),
                    edits: vec![Edit::new(span, "")],
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tTaking note the report of the Secretary-General,\n ^^^^^^^^^^^ VRB011\n\tRecalling its resolution 64/222,\n\t1.\tTakes note with appreciation of the report;\n\t2.\tNotes of the efforts of Member States;\n    ^^^^^^^^ VRB011\n\t3.\tNotes the report of the Secretary-General.";

    #[test]
    fn takes_note_of() {
        check(TEXT);
    }

    #[test]
    fn fix_adds_of() {
        assert!(apply_fix(TEXT, "VRB011").contains("\tTaking note of the report"));
    }
}
