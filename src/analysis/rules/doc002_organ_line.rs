use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The organ line is "The <organ name>," with the full name, in ordinary
    /// capitals, and a final comma when a preamble follows: "The General
    /// Assembly,", "The Security Council,", "The Economic and Social Council,",
    /// "The Human Rights Council,". Reported: abbreviations (`The GA,`), a missing
    /// "The" (`General Assembly,`), capitals throughout (`THE GENERAL ASSEMBLY,`,
    /// a Model UN habit), and a missing comma before preambular paragraphs.
    ///
    /// ## Why
    /// DOC002 (Editorial Manual, resolutions C; every adopted text). Subsidiary
    /// bodies use their own name ("The Conference of the Parties,") and are not
    /// checked.
    ///
    /// ## Example
    /// `The GA,` should be `The General Assembly,`.
    ///
    /// ## Fix
    /// Write the organ line in its standard form.
    pub struct OrganLine {
        code: "DOC002",
        severity: Error,
    }
}

/// Full names and the abbreviations drafters use for them.
const ORGANS: [(&str, &[&str]); 4] = [
    ("General Assembly", &["GA", "UNGA"]),
    ("Security Council", &["SC", "UNSC"]),
    ("Economic and Social Council", &["ECOSOC"]),
    ("Human Rights Council", &["HRC", "UNHRC"]),
];

/// The organ a would-be organ line names, if it is one of the four: `The GA,`,
/// `General Assembly,`, `THE GENERAL ASSEMBLY,`.
fn named_organ(body: &str) -> Option<&'static str> {
    let words = body.trim().trim_end_matches(',').trim_end();
    let name = words
        .strip_prefix("The ")
        .or_else(|| words.strip_prefix("THE "))
        .or_else(|| words.strip_prefix("the "))
        .unwrap_or(words);
    ORGANS.iter().find_map(|(full, short)| {
        (name.eq_ignore_ascii_case(full) || short.contains(&name)).then_some(*full)
    })
}

impl Rule for OrganLine {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the roles, the layout, and the beginning and end of paragraphs (an organ's name is a few words, read whole by `OPENINGS`; trailing white space by `ENDING`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::ENDING
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        for (index, line, role) in tree.iter() {
            // The organ line itself, or a line standing where it would (the
            // masthead names the organ without "The" and without a comma).
            let candidate = role == Role::Organ
                || (line.is_indented() || line.text.trim_end().ends_with(','))
                    && matches!(role, Role::Header | Role::Preambular | Role::Heading);
            if !candidate || !context.own_text()[index] {
                continue;
            }
            let body = line.text.trim();
            let Some(full) = named_organ(body) else {
                continue;
            };
            let preamble_follows = tree.roles()[index + 1..]
                .iter()
                .find(|r| **r != Role::Blank)
                .is_some_and(|r| *r == Role::Preambular);
            let has_comma = body.ends_with(',');
            let standard = format!("The {full}");
            let name_right = body.trim_end_matches(',').trim_end() == standard;
            let span = Span::new(index, line.indent, line.indent + body.len());
            if !name_right {
                let comma = if has_comma || preamble_follows {
                    ","
                } else {
                    ""
                };
                let wanted = format!("{standard}{comma}");
                sink.report(
                    span,
                    format!(
                        "Write the organ line as `{wanted}`, its full name in ordinary capitals"
                    ),
                )
                .with_fix(Fix::write(span, wanted));
            } else if !has_comma
                && preamble_follows
                && matches!(line.shape, LineShape::Organ { comma: false, .. })
            {
                let end = Span::point(index, line.indent + body.len());
                sink.report(end, "The organ line takes a comma before the preamble")
                    .with_fix(Fix::write(end, ","));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn abbreviated_bare_and_capitalized_organ_lines() {
        check("\tThe GA,\n\t^^^^^^^ DOC002\n\tRecalling its resolution 64/222,\n\t1.\tDecides.");
        check(
            "\tTHE GENERAL ASSEMBLY,\n\t^^^^^^^^^^^^^^^^^^^^^ DOC002\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
        );
        check(
            "\tGeneral Assembly,\n\t^^^^^^^^^^^^^^^^^ DOC002\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn comma_before_the_preamble() {
        check(
            "\tThe General Assembly\n\t                    ^ DOC002\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn standard_lines_and_other_bodies_pass() {
        check("\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.");
        check("\tThe Conference of the Parties,\n\tRecalling its decision 1/1,\n\t1.\tDecides.");
        check(
            "United Nations\nA/RES/68/1\nGeneral Assembly\nDistr.: General\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn fix_writes_the_full_name() {
        let fixed = apply_fix(
            "\tThe GA,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.",
            "DOC002",
        );
        assert!(fixed.starts_with("\tThe General Assembly,\n"));
    }
}
