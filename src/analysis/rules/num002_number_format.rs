use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// An operative paragraph number is an arabic numeral followed by a full stop
    /// (`12.`), not `12)` or `(12)`.
    ///
    /// ## Why
    /// NUM002 (attested in every adopted text; AKN4UN `<num>1.</num>`).
    ///
    /// ## Example
    /// `12) Calls upon …` should be `12. Calls upon …`.
    ///
    /// ## Fix
    /// Rewrite the number as `12.`.
    pub struct NumberFormat {
        code: "NUM002",
        severity: Error,
    }
}

impl LineRule for NumberFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        let (Role::MalformedOperative { number, .. }, LineShape::MalformedNumber { label, .. }) =
            (role, &line.shape)
        else {
            return;
        };
        let span = Span::in_line(index, *label);
        let written = &line.text[label.start..label.end];
        sink.report(
            span,
            format!("Write the paragraph number as `{number}.`, not `{written}`"),
        )
        .with_fix(Fix::write(span, format!("{number}.")));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn parenthesized_numbers() {
        check(
            "\tThe General Assembly,\n\t1.\tDecides;\n\t2) Requests;\n\t^^ NUM002\n\t(3) Invites.\n\t^^^ NUM002",
        );
    }

    #[test]
    fn fix_writes_the_full_stop() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\t1.\tDecides;\n\t2) Requests.",
            "NUM002",
        );
        assert!(fixed.ends_with("\t2. Requests."));
    }
}
