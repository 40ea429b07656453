use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{self, StyleLine, in_case_of};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The Concise Oxford first forms the spec names: `programme` (not
    /// `program`) and, at information level, `judgement` (not `judgment`).
    /// Left to people: `program` for computer programs (skipped after
    /// "computer" or "software") and `judgment` in legal contexts, where the UN
    /// keeps it ("judgments of the International Court of Justice"): a line that
    /// speaks of a court, a tribunal, a judge or an appeal is not checked for it.
    /// The names of other bodies keep their owners' spelling ("Food Stamp
    /// Program"); the names of United Nations bodies do not. Security Council
    /// texts keep their penholders' spelling: `program` and `programs` occur 256
    /// times in 134 of the 1,460 adopted Council texts we have (63 of which
    /// never write `programme`), so there the rule informs.
    ///
    /// ## Why
    /// STY002 (`OFFICIAL` for programme and judgement: the Editorial Manual's
    /// spelling authority is the Concise Oxford English Dictionary, first-listed
    /// form; `HEURISTIC` for the legal exception).
    ///
    /// ## Example
    /// `funds and programs` → `funds and programmes`; `United Nations
    /// Development Program` → `Programme`.
    ///
    /// ## Fix
    /// Write the first form, in the case of the word written.
    pub struct CodFirstForms {
        code: "STY002",
        severity: Warning,
    }
}

impl LineRule for CodFirstForms {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.council_level(Severity::Warning), sink);
    }
}

/// Words around `judgment` that make it a legal judgment.
const LEGAL: [&str; 8] = [
    "Court", "court", "Tribunal", "tribunal", "Judge", "judge", "appeal", "Appeal",
];

fn check_line(line: &StyleLine<'_>, programme_level: Severity, sink: &mut Sink<'_>) {
    let text = line.text();
    for (word, entry) in style::misspelled("STY002", line) {
        if style::in_proper_name(text, word.start, word.end) {
            continue;
        }
        let judgement = entry.right.starts_with("judgement");
        let computing = !judgement && computing_before(text, word.start);
        if computing || (judgement && LEGAL.iter().any(|w| text.contains(w))) {
            continue;
        }
        let right = in_case_of(word.text, entry.right);
        let span = Span::new(line.index, word.start, word.end);
        let message = format!("UN spelling is `{right}` (Concise Oxford first form)");
        let level = if judgement {
            Severity::Information
        } else {
            programme_level
        };
        sink.report_at(level, span, message)
            .with_fix(Fix::write(span, right));
    }
}

/// Is the word before `at` "computer" or "software" (a computer program)?
fn computing_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.ends_with("computer") || before.ends_with("software")
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tInvites the funds and programs of the United Nations and the United Nations Development Program to act;
\t                         ^^^^^^^^ STY002
\t                                                                                           ^^^^^^^ STY002
\t2.\tNotes the computer program of the Secretariat and the judgment of the Secretary-General;
\t                                                         ^^^^^^^^ STY002
\t3.\tWelcomes the judgments of the International Court of Justice.";

    #[test]
    fn programme_and_judgement() {
        let found = check(TEXT);
        let judgement = found.iter().find(|d| d.message.contains("judgement"));
        assert_eq!(
            judgement.map(|d| d.severity),
            Some(crate::analysis::Severity::Information)
        );
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(
            "\tThe Security Council,\n\t1.\tWelcomes the disarmament programs.\n\t                            ^^^^^^^^ STY002",
        );
        assert_eq!(found[0].severity, crate::analysis::Severity::Information);
    }

    #[test]
    fn fix_writes_programmes() {
        assert!(apply_fix(TEXT, "STY002").contains("funds and programmes of"));
    }
}
