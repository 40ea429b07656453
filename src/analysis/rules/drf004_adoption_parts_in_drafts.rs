use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// A draft (an L-document or a negotiation text) has no resolution number,
    /// no adoption line, no `[on the report of …]` line and no closing meeting
    /// line with its date: they are added on adoption. Only drafts are checked
    /// (the `kind` setting, or what the header says).
    ///
    /// ## Why
    /// DRF004 (the L-document's structure against the adopted text's; AKN4UN
    /// part 3 §2: the number and the adoption metadata come from adoption).
    ///
    /// ## Example
    /// A draft ending with `71st plenary meeting` / `20 December 2013`, or whose
    /// title is `68/230. South-South cooperation`.
    ///
    /// ## Fix
    /// Remove the line (for the number, keep the title alone).
    pub struct AdoptionPartsInDrafts {
        code: "DRF004",
        severity: Error,
    }
}

impl Rule for AdoptionPartsInDrafts {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads title, header and closing lines only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.kind().is_draft() {
            return;
        }
        for (index, line, role) in context.tree.iter() {
            let text = line.text.trim_end();
            let whole = Span::new(index, line.indent, text.len());
            match (role, &line.shape) {
                (Role::Title, LineShape::Title { number }) => {
                    let span = Span::new(index, number.start, line.body_start);
                    sink.report(
                        span,
                        "A draft has no resolution number: it is given on adoption",
                    )
                    .with_fix(Fix::write(span, ""));
                }
                (Role::Header, LineShape::AdoptionLine) => {
                    let what = if text.trim_start().starts_with('[') {
                        "A draft has no report line: it is added on adoption"
                    } else {
                        "A draft has no adoption line: it is added on adoption"
                    };
                    sink.report(whole, what).with_fix(Fix::write(whole, ""));
                }
                (Role::ClosingMeeting, _) => {
                    sink.report(
                        whole,
                        "A draft has no closing meeting line: it is added on adoption",
                    )
                    .with_fix(Fix::write(whole, ""));
                }
                (Role::ClosingDate, _) => {
                    sink.report(
                        whole,
                        "A draft has no adoption date: it is added on adoption",
                    )
                    .with_fix(Fix::write(whole, ""));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Config;
    use crate::analysis::rules::fixture::{apply_fix, check, check_with};
    use crate::syntax::DocumentKind;

    const DRAFT: &str = "Japan and Norway: draft resolution\nResolution adopted by the General Assembly on 20 December 2013\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DRF004\n68/230.\tSouth-South cooperation\n^^^^^^^^ DRF004\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.\n\n71st plenary meeting\n^^^^^^^^^^^^^^^^^^^^ DRF004\n20 December 2013\n^^^^^^^^^^^^^^^^ DRF004";

    #[test]
    fn adoption_parts_in_a_draft() {
        check(DRAFT);
    }

    #[test]
    fn adopted_texts_are_silent_by_construction() {
        let seed = std::fs::read_to_string("data/examples/A_RES_68_230.txt").expect("seed");
        let tree = crate::syntax::Tree::parse(&seed);
        let found = crate::analysis::analyze(&tree, &Config::default());
        assert!(found.iter().all(|d| !d.code.starts_with("DRF")));
        // The same text declared a draft by the settings is reported.
        let config = Config {
            kind: Some(DocumentKind::Draft),
            ..Config::default()
        };
        let found = crate::analysis::analyze(&tree, &config);
        assert!(found.iter().filter(|d| d.code == "DRF004").count() >= 4);
        check_with(
            &Config::default(),
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.\n\n71st plenary meeting\n20 December 2013",
        );
    }

    #[test]
    fn fix_removes_the_line() {
        let fixed = apply_fix(DRAFT, "DRF004");
        assert!(fixed.contains("draft resolution\n\n68/230."));
    }
}
