use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::{OpeningKind, is_head};
use crate::analysis::citation::{Finding, Quotes};
use crate::syntax::Role;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A paragraph may chain further verbs after its opening ("…, and reaffirms its
    /// view …", "…, and in this regard requests …"); they stay in lower case. Flags a
    /// capitalized opening verb (`and Reaffirms`, `and in this context Requests`,
    /// preambular `and Recognizing`) after "and" inside a paragraph. Later verbs are
    /// not checked against the phrase lists (VRB017 reads only the opening), and a
    /// compound opening ("Acknowledges and encourages", the spec's VRB012) is part of the
    /// opening and accepted. Which other capitalized words are verbs is left to
    /// people.
    ///
    /// ## Why
    /// VRB004 (attested: A/RES/68/230, paragraphs 4, 5, 6, 11, 17 and 18).
    ///
    /// ## Example
    /// `4. Recognizes the importance …, and Reaffirms its view …;`
    ///
    /// ## Fix
    /// Write the verb in lower case: `and reaffirms` (quick fix).
    pub struct LaterVerbs {
        code: "VRB004",
        severity: Warning,
    }
}

static LATER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[,;] and (?:also |further |in this (?:regard|context),? |in that (?:regard|context),? )?(\p{Lu}\p{Ll}+)(?-u:\b)")
        .expect("valid regex")
});

fn check_line(text: &str, kind: OpeningKind) -> Vec<Finding> {
    if !text.contains(" and ") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    LATER_VERB
        .captures_iter(text)
        .filter_map(|captures| {
            let verb = captures.get(1).expect("group 1");
            let word = verb.as_str();
            let verb_form = match kind {
                OpeningKind::Operative => word.ends_with('s'),
                OpeningKind::Preambular => word.ends_with("ing"),
            };
            (verb_form && is_head(kind, word) && !quotes.inside(text, verb.start())).then(|| {
                let lower = word.to_lowercase();
                Finding::new(
                    verb.range(),
                    format!("A later verb in a paragraph stays in lower case: `{lower}`"),
                    Some(lower),
                )
            })
        })
        .collect()
}

/// The kind of opening whose verbs a line's later verbs repeat.
fn kind_of(role: Role) -> Option<OpeningKind> {
    match role {
        Role::Preambular => Some(OpeningKind::Preambular),
        Role::Operative { .. } | Role::MalformedOperative { .. } => Some(OpeningKind::Operative),
        _ => None,
    }
}

impl LineRule for LaterVerbs {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        if kind_of(role).is_none() || !at.own {
            return;
        }
        for finding in check_line(&line.text, kind_of(role).expect("checked above")) {
            let span = Span::new(index, finding.range.start, finding.range.end);
            let diagnostic = match finding.severity {
                Some(severity) => sink.report_at(severity, span, finding.message),
                None => sink.report(span, finding.message),
            };
            if let Some(fixed) = finding.fix {
                diagnostic.with_fix(Fix::write(span, fixed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn capitalized_later_verbs() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222, and Recognizing the role of the South,\n\t                                     ^^^^^^^^^^^ VRB004\n\t1.\tRecognizes the importance of the work, and Reaffirms its view;\n\t  \t                                           ^^^^^^^^^ VRB004\n\t2.\tWelcomes the report, and in this regard Requests the Secretary-General to report, and Nations and States;\n\t  \t                                        ^^^^^^^^ VRB004\n\t3.\tDecides.",
        );
    }

    /// VRB012: a compound opening ("Acknowledges and encourages") is one opening;
    /// no opening rule reports its second verb, and a later verb after "and" in
    /// lower case is never reported.
    #[test]
    fn compound_openings_are_accepted() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tAcknowledges and encourages the initiatives of the Office;\n\t2.\tWelcomes and endorses the plan, and reaffirms its view;\n\t3.\tTakes note of the report, and in this context requests the Secretary-General to report;\n\t4.\tDecides.",
        );
    }

    #[test]
    fn fix_lowers_the_verb() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\t1.\tRecognizes the work, and Reaffirms its view.",
            "VRB004",
        );
        assert!(fixed.contains("and reaffirms its view."), "{fixed}");
    }
}
