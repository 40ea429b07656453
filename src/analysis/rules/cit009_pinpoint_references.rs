use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::Citation;
use crate::analysis::citation::{Finding, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A pinpoint reference to part of a resolution stands before it or after a comma:
    /// "section VI of its resolution 68/247 A", "resolution 69/283, annex II". Flags a
    /// section, paragraph, part or chapter written right after the cited number
    /// (`resolution 68/247 A section VI`) and an annex without its comma
    /// (`resolution 69/283 annex II`).
    ///
    /// ## Why
    /// CIT009 (attested in adopted texts).
    ///
    /// ## Example
    /// `Recalling resolution 68/247 A section VI,`
    ///
    /// ## Fix
    /// Write `section VI of resolution 68/247 A` or `resolution 69/283, annex II`
    /// (quick fix).
    pub struct PinpointReferences {
        code: "CIT009",
        severity: Warning,
    }
}

static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (annex(?:es)?|sections?|paragraphs?|parts?|chapters?)(?-u:\b)(?: (?:[IVXLC]+|[1-9][0-9]*|[A-Z])(?-u:\b)(?: \([a-z]\))?)?")
        .expect("valid regex")
});

fn check_line(text: &str, citations: &[Citation]) -> Vec<Finding> {
    let mut out = Vec::new();
    for citation in citations {
        if !citation.in_body || citation.quoted || citation.items.len() != 1 {
            continue;
        }
        let Some(pinpoint) = PINPOINT.captures(&text[citation.span.end..]) else {
            continue;
        };
        let whole = pinpoint.get(0).expect("group 0");
        let written = whole.as_str().trim_start();
        let end = citation.span.end + whole.end();
        if pinpoint[1].starts_with("annex") {
            out.push(Finding::new(
                citation.span.end..end,
                format!("A comma goes before the annex: `, {written}`"),
                Some(format!(", {written}")),
            ));
        } else {
            let cited = &text[citation.span.start..citation.span.end];
            let fixed = format!("{written} of {cited}");
            out.push(Finding::new(
                citation.span.start..end,
                format!("The pinpoint comes first: `{fixed}`"),
                Some(fixed),
            ));
        }
    }
    out
}

impl LineRule for PinpointReferences {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !is_body_role(at.role) || !at.own {
            return;
        }
        for finding in check_line(&at.lexed.text, at.held.citations) {
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn pinpoints_after_the_number() {
        check(
            "\tThe General Assembly,\n\tRecalling resolution 68/247 A section VI, resolution 69/283 annex II, resolution 66/288, annex, and section II of its resolution 64/260,\n\t          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIT009\n\t                     ^^^^^^^^ CIT001\n\t                                                           ^^^^^^^^^ CIT009\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fixes_move_the_pinpoint() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 68/247 A section VI,\n\t1.\tDecides.",
            "CIT009",
        );
        assert!(
            fixed.contains("Recalling section VI of its resolution 68/247 A,"),
            "{fixed}"
        );
    }
}
