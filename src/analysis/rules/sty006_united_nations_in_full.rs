use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::StyleLine;
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// "United Nations" written in full, never `UN`, `U.N.` or `UNO` (error), and
    /// the principal organs by name, not `UNGA`, `UNSC` or `ECOSOC` (warning):
    /// the acronyms the UN writes in full (`data/style/terms.tsv`). Names that
    /// contain the acronym (`UN-Women`, `UN-Habitat`), quotations, footnotes and
    /// annexes are left alone. Security Council texts of 2000–2012 often write
    /// "UN" ("the UN country team": 1,040 times in 341 of the 1,460 adopted
    /// Council texts we have): there the rule informs.
    ///
    /// ## Why
    /// STY006 (`ATTESTED`: adopted texts spell out "United Nations" and the
    /// organs every time; the Editorial Manual has a section on abbreviations,
    /// `OFFICIAL-TOC`).
    ///
    /// ## Example
    /// `the UN development system` → `the United Nations development system` ·
    /// `the ECOSOC Bureau` → `the Economic and Social Council Bureau` (in a
    /// citation, `ECOSOC resolution 2013/5`, CIT006 reports it).
    ///
    /// ## Fix
    /// Write the name in full (`the UN’s role` → `the United Nations’ role`).
    pub struct UnitedNationsInFull {
        code: "STY006",
        severity: Error,
    }
}

impl LineRule for UnitedNationsInFull {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, line.facts.security_council, sink);
    }
}

fn check_line(line: &StyleLine<'_>, council: bool, sink: &mut Sink<'_>) {
    let text = line.text();
    for (start, end, term) in line.terms_of("STY006") {
        if cites_an_act(&text[end..]) {
            // `ECOSOC resolution 2013/5`: CIT006 reports the organ of a citation.
            continue;
        }
        let written = &text[start..end];
        // A possessive takes the apostrophe alone after a name ending in s.
        let (end, right) = match ["’s", "'s"].iter().find(|s| text[end..].starts_with(**s)) {
            Some(possessive) if term.right.ends_with('s') => (
                end + possessive.len(),
                format!("{}{}", term.right, &possessive[..possessive.len() - 1]),
            ),
            _ => (end, term.right.to_owned()),
        };
        let span = Span::new(line.index, start, end);
        let level = if council {
            Severity::Information
        } else {
            term.level
        };
        sink.report_at(
            level,
            span,
            format!("Write `{}` in full, not `{written}`", term.right),
        )
        .with_fix(Fix::write(span, right));
    }
}

/// The text after an organ's acronym cites one of its acts
/// (` resolution 2013/5`, ` decisions 1/2`).
fn cites_an_act(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    ["resolution", "Resolution", "decision", "Decision"]
        .iter()
        .find_map(|word| rest.strip_prefix(word))
        .map(|rest| rest.strip_prefix('s').unwrap_or(rest))
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tWelcomes the work of the UN development system and of UN-Women;
\t                            ^^ STY006
\t2.\tRecalls the ECOSOC Bureau and the U.N.’s role, as “UN reform”.
\t               ^^^^^^ STY006
\t                                     ^^^^^^ STY006";

    #[test]
    fn acronyms_written_in_full() {
        let found = check(TEXT);
        let levels: Vec<Severity> = found.iter().map(|d| d.severity).collect();
        assert_eq!(
            levels,
            vec![Severity::Error, Severity::Warning, Severity::Error]
        );
    }

    #[test]
    fn the_organ_of_a_citation_is_left_to_cit006() {
        let found = check(
            "\tThe General Assembly,\n\t1.\tRecalls ECOSOC resolution 2013/5 and ECOSOC decisions 1/2;",
        );
        assert!(found.iter().all(|d| d.code != "STY006"), "{found:?}");
    }

    #[test]
    fn council_texts_are_informed() {
        let found = check(
            "\tThe Security Council,\n\t1.\tCalls on the UN country team to act.\n\t                ^^ STY006",
        );
        assert_eq!(found[0].severity, Severity::Information);
    }

    #[test]
    fn fix_spells_out() {
        let fixed = apply_fix(TEXT, "STY006");
        assert!(fixed.contains("of the United Nations development system"));
        assert!(fixed.contains("UN-Women"));
    }

    #[test]
    fn possessive_fix() {
        let text = "\tThe General Assembly,\n\t1.\tWelcomes the UN’s role.";
        assert!(apply_fix(text, "STY006").contains("the United Nations’ role"));
    }
}
