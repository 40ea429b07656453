use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::is_body_role;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// In running text, the capital letter of a resolution adopted in parts
    /// follows the number after a space: `resolution 57/270 B`, not `57/270B`,
    /// `57/270 (B)` or `57/270-B`.
    ///
    /// ## Why
    /// SYM003 (official: Editorial Manual, "Identification of resolutions").
    /// Symbols and undocs.org addresses may omit the space (`A/RES/68/247B`); this
    /// rule reads only "resolution(s) …" in the text.
    ///
    /// ## Example
    /// `Recalling its resolution 57/270B of 23 June 2003,`
    ///
    /// ## Fix
    /// Write `57/270 B`.
    pub struct PartLetter {
        code: "SYM003",
        severity: Warning,
    }
}

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bresolutions? ((?:E?S-)?[1-9][0-9]?/[1-9][0-9]*)(?:([A-Z])|-([A-Z])| \(([A-Z])\))(?:[^A-Za-z0-9]|$)")
        .expect("valid regex")
});

impl LineRule for PartLetter {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let index = line.index;
        let role = line.role;
        let line = line.lexed;
        if !is_body_role(role) || !line.text.contains("esolution") {
            return;
        }
        for captures in GLUED.captures_iter(&line.text) {
            let number = captures.get(1).expect("number");
            let letter = captures
                .get(2)
                .or(captures.get(3))
                .or(captures.get(4))
                .expect("a letter");
            let end = if captures.get(4).is_some() {
                letter.end() + 1
            } else {
                letter.end()
            };
            let span = Span::new(index, number.start(), end);
            let fixed = format!("{} {}", number.as_str(), letter.as_str());
            sink.report(
                span,
                format!("Write the part letter after a space: `{fixed}`"),
            )
            .with_fix(Fix::write(span, fixed));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn glued_and_bracketed_letters() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 57/270B of 23 June 2003 and 58/270 B of 23 December 2003,\n\t                          ^^^^^^^ SYM003\n\tRecalling further its resolution 68/247 (A) of 27 December 2013,\n\t                                 ^^^^^^^^^^ SYM003\n\t                                 ^^^^^^ CIT001\n\tRecalling also its resolution 57/270 B of 23 June 2003,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_inserts_the_space() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 57/270-B of 23 June 2003,\n\t1.\tDecides.",
            "SYM003",
        );
        assert!(fixed.contains("resolution 57/270 B of"));
    }
}
