use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::format::CLOSING_PUNCTUATION;
use crate::analysis::{Edit, Fix};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// Whitespace inside the resolution's own paragraphs (not in annexes or in a
    /// declaration it adopts): no double spaces, no space before `,` `;` `:` `.`
    /// `)`, no space or tab at the end of a paragraph.
    ///
    /// ## Why
    /// PUN010 (a heuristic, not a drafting rule: these are leftovers of editing;
    /// the seed resolution A/RES/68/230 has two of them).
    ///
    /// ## Example
    /// `the  sub-item entitled` · `Cooperation, ` at the end of a line ·
    /// `cooperation ;`
    ///
    /// ## Fix
    /// Remove the extra whitespace (formatting the document or a range does
    /// it too).
    pub struct Whitespace {
        code: "PUN010",
        severity: Information,
    }
}

impl LineRule for Whitespace {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        if !at.own || (!role.is_body_paragraph() && !matches!(role, Role::Continuation { .. })) {
            return;
        }
        let text = &line.text;
        let body_end = text.trim_end().len();
        let bytes = text.as_bytes();
        let mut at = line.body_start;
        while at < body_end {
            if bytes[at] != b' ' {
                at += 1;
                continue;
            }
            let run_end = at + text[at..].len() - text[at..].trim_start_matches(' ').len();
            let next = bytes.get(run_end).copied();
            if next.is_some_and(|b| CLOSING_PUNCTUATION.contains(&char::from(b))) {
                let span = Span::new(index, at, run_end);
                let mark = next.map(char::from).unwrap_or(' ');
                sink.report(span, format!("Remove the space before `{mark}`"))
                    .with_fix(Fix {
                        safe: true,
                        title: "Remove the space".to_owned(),
                        edits: vec![Edit::new(span, "")],
                    });
            } else if run_end - at > 1 {
                let span = Span::new(index, at, run_end);
                sink.report(span, "Replace the double space with a single space")
                    .with_fix(Fix {
                        safe: true,
                        title: "Use a single space".to_owned(),
                        edits: vec![Edit::new(span, " ")],
                    });
            }
            at = run_end;
        }
        if body_end < text.len() && body_end > line.body_start {
            let span = Span::new(index, body_end, text.len());
            sink.report(span, "Remove the whitespace at the end of the paragraph")
                .with_fix(Fix {
                    safe: true,
                    title: "Remove the trailing whitespace".to_owned(),
                    edits: vec![Edit::new(span, "")],
                });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling its resolution 64/222, \n                                 ^ PUN010\n\t1.\tDecides to include the  sub-item .\n                          ^^ PUN010\n                                    ^ PUN010";

    #[test]
    fn whitespace_hygiene() {
        check(TEXT);
    }

    #[test]
    fn fix_removes_the_space() {
        assert!(apply_fix(TEXT, "PUN010").contains("64/222,\n"));
    }
}
