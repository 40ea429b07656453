use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::citation::is_body_role;
use crate::analysis::symbol::{SymbolKind, classify, symbol_tokens};
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// General Assembly resolutions since the thirty-first session are numbered
    /// session/number: `resolution 68/230`, symbol `A/RES/68/230`. Flags
    /// `resolution 68-230`, `A/RES/68-230` and `A/RES/068/230`.
    ///
    /// ## Why
    /// SYM001 (official: Editorial Manual, "Identification of resolutions";
    /// Dag Hammarskjöld Library guide to GA resolutions).
    ///
    /// ## Example
    /// `Recalling its resolution 68-230 of 20 December 2013,`
    ///
    /// ## Fix
    /// Write `68/230` (`A/RES/68/230`).
    pub struct GaResolutionNumber {
        code: "SYM001",
        severity: Error,
    }
}

static DASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bresolutions? (?:its )?((?:E?S-)?[1-9][0-9]?)[-–]([1-9][0-9]*)\b")
        .expect("valid regex")
});

/// `A/RES/68-230` → `A/RES/68/230`, `A/RES/068/230` → `A/RES/68/230`.
fn repaired(token: &str) -> Option<String> {
    let rest = token.strip_prefix("A/RES/")?;
    let rest = rest.replacen(
        ['-', '–'],
        "/",
        usize::from(!rest.starts_with("ES-") && !rest.starts_with("S-")),
    );
    let rest = rest.trim_start_matches('0');
    let candidate = format!("A/RES/{rest}");
    matches!(
        classify(&candidate),
        Some(SymbolKind::GaResolution | SymbolKind::GaResolutionOld)
    )
    .then_some(candidate)
}

impl LineRule for GaResolutionNumber {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let index = line.index;
        let role = line.role;
        let line = line.lexed;
        let footnote = matches!(role, Role::FootnoteText { .. });
        if !(is_body_role(role) || footnote) {
            return;
        }
        if is_body_role(role) {
            for captures in DASHED.captures_iter(&line.text) {
                let session = captures.get(1).expect("session");
                let number = captures.get(2).expect("number");
                let span = Span::new(index, session.start(), number.end());
                let fixed = format!("{}/{}", session.as_str(), number.as_str());
                sink.report(span, format!("Write the resolution number as `{fixed}`"))
                    .with_fix(Fix::write(span, fixed));
            }
        }
        if !line.text.contains("A/RES/") {
            return;
        }
        for range in symbol_tokens(&line.text) {
            let token = &line.text[range.clone()];
            if !token.starts_with("A/RES/") || classify(token).is_some() {
                continue;
            }
            let span = Span::new(index, range.start, range.end);
            let diagnostic = sink.report(
                span,
                format!("`{token}` is not a General Assembly resolution symbol (`A/RES/68/230`)"),
            );
            if let Some(fixed) = repaired(token) {
                diagnostic.with_fix(Fix::write(span, fixed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn dashed_and_padded_numbers() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 68-230 of 20 December 2013,\n\t                         ^^^^^^ SYM001\n\t1.\tTakes note of A/RES/068/230 and A/RES/68/230;\n\t                 ^^^^^^^^^^^^^ SYM001",
        );
    }

    #[test]
    fn fix_writes_the_slash() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 68-230 of 20 December 2013,\n\t1.\tDecides.",
            "SYM001",
        );
        assert!(fixed.contains("resolution 68/230 of"));
    }
}
