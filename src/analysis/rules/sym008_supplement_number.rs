use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::quoted_at;
use crate::analysis::symbol::reads_symbols;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// A General Assembly Official Records supplement and its symbol agree: the
    /// supplement number is the last number of the symbol (`Supplement No. 39
    /// (A/67/39)`), and a lettered supplement is an addendum (`Supplement No. 53A
    /// (A/72/53/Add.1)`, B = `Add.2`). ECOSOC supplements are numbered apart
    /// from their documents (`Supplement No. 8 (E/2024/28)`) and are not checked.
    ///
    /// ## Why
    /// SYM008 (attested in adopted texts and on the title pages of the
    /// supplements). A mismatch means the footnote cites the wrong report or the
    /// wrong addendum.
    ///
    /// ## Example
    /// `Official Records of the General Assembly, Sixty-seventh Session,
    /// Supplement No. 39 (A/67/39/Add.1).`
    ///
    /// ## Fix
    /// Write the symbol of the supplement: `A/67/39`.
    pub struct SupplementNumber {
        code: "SYM008",
        severity: Information,
    }
}

static SUPPLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Supplement No\. ([1-9][0-9]*) ?([A-Z])?(?: and corrigend(?:um|a))? \((A/(?:[1-9][0-9]?|E?S-[1-9][0-9]?)/([1-9][0-9]*)((?:/(?:Rev|Add|Corr)\.[1-9][0-9]*)*))",
    )
    .expect("valid regex")
});

/// One finding: where, what, and the symbol to write instead.
type Finding = (std::ops::Range<usize>, String, Option<String>);

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("Supplement No.") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for captures in SUPPLEMENT.captures_iter(text) {
        let symbol = captures.get(3).expect("symbol");
        if quoted_at(text, symbol.start()) {
            continue;
        }
        let supplement = &captures[1];
        let addendum = captures
            .get(2)
            .map(|letter| u32::from(letter.as_str().as_bytes()[0] - b'A') + 1);
        let modifiers = &captures[5];
        let written_addendum = modifiers
            .split('/')
            .find_map(|m| m.strip_prefix("Add."))
            .and_then(|n| n.parse::<u32>().ok());
        if &captures[4] == supplement && written_addendum == addendum {
            continue;
        }
        let base = &symbol.as_str()[..symbol.as_str().len() - captures[4].len() - modifiers.len()];
        let expected = match addendum {
            Some(n) => format!("{base}{supplement}/Add.{n}"),
            None => format!("{base}{supplement}"),
        };
        let letter = captures.get(2).map_or("", |l| l.as_str());
        out.push((
            symbol.range(),
            format!(
                "Supplement No. {supplement}{letter} is `{expected}`, not `{}`",
                symbol.as_str()
            ),
            // Keep revisions and corrigenda: only the supplement's own number
            // and addendum are certain.
            (!modifiers.contains("Rev.") && !modifiers.contains("Corr.")).then_some(expected),
        ));
    }
    out
}

impl LineRule for SupplementNumber {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        // Footnotes are read even after an annex: they cite the sources of the
        // whole document.
        let footnote = matches!(role, Role::FootnoteText { .. });
        if !reads_symbols(role) || !(footnote || at.own) {
            return;
        }
        for (range, message, fix) in check_line(&line.text) {
            let span = Span::new(index, range.start, range.end);
            let diagnostic = sink.report(span, message);
            if let Some(fixed) = fix {
                diagnostic.with_fix(Fix::write(span, fixed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_line;
    use crate::analysis::rules::fixture::check;

    #[test]
    fn supplements_and_their_symbols() {
        check(
            "\tThe General Assembly,\n\tTaking note of the report,1\n\t1.\tDecides.\n\n1 Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 39 (A/67/39/Add.1); ibid., Supplement No. 53A (A/72/53/Add.1); ibid., Supplement No. 10 and corrigendum (A/56/10 and A/56/10/Corr.1); ibid., Supplement No. 9 (A/75/8).\n                                                                                      ^^^^^^^^^^^^^ SYM008\n                                                                                                                                                                                                                                                 ^^^^^^ SYM008",
        );
    }

    #[test]
    fn lettered_supplements_are_addenda() {
        assert!(check_line("Supplement No. 53B (A/72/53/Add.2).").is_empty());
        let found = check_line("Supplement No. 53A (A/72/53).");
        assert_eq!(found[0].2.as_deref(), Some("A/72/53/Add.1"));
        assert!(check_line("Ibid., 2024, Supplement No. 8 (E/2024/28).").is_empty());
    }
}
