use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::agreed_language::{Finding, finding};
use crate::analysis::{Fix, Severity};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// An opening verb that none of the agreed-language lists knows but that is a
    /// near miss of a listed one (information, "did you mean `Requests`" for
    /// `Reqeusts`), and a
    /// listed phrase found only in Model UN guides, never in UN texts (hint: not
    /// standard UN usage, e.g. `Fully alarmed`). Add your own phrases with the
    /// `phrases.preambular` and `phrases.operative` settings (in `.unres.toml`,
    /// `[phrases]` then `operative = ["Applauds"]`).
    ///
    /// ## Why
    /// VRB017 (the phrase lists of the drafting spec and openings counted in 300
    /// adopted resolutions). An unknown opening is not an error by itself.
    ///
    /// ## Example
    /// `3. Reqeusts the Secretary-General …;` · `Fully alarmed by …,`
    ///
    /// ## Fix
    /// Replace the word with a suggestion.
    pub struct UnknownOpening {
        code: "VRB017",
        severity: Information,
    }
}

impl Rule for UnknownOpening {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the paragraphs' openings and the whole text of those without one (`finding`).
    fn reads(&self) -> Reads {
        Reads::OPENINGS | Reads::UNOPENED
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let extras = context.extras();
        for paragraph in context.paragraphs() {
            let line = paragraph.lexed;
            if let Some(opening) = &paragraph.opening {
                if let Some(entry) = opening.entry.filter(|e| e.mun_only()) {
                    sink.report_at(
                        Severity::Hint,
                        Span::in_line(paragraph.line, opening.phrase),
                        format!(
                            "`{}` comes from Model UN guides and is not found in UN texts; prefer a standard opening",
                            entry.phrase
                        ),
                    );
                }
                continue;
            }
            let Some(Finding::Unknown {
                range,
                written,
                suggestions,
            }) = finding(&line.text, line.remaining_start(), paragraph.kind, extras)
            else {
                continue;
            };
            // Without a near miss, an unknown first word is as likely a noun of an
            // annexed list (`Weapons with a calibre …`) as a verb: say nothing.
            if suggestions.is_empty() {
                continue;
            }
            let span = Span::in_line(paragraph.line, range);
            let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
            let message = format!(
                "Unusual {} opening `{written}`: did you mean {}?",
                paragraph.kind.noun(),
                list.join(" or ")
            );
            let diagnostic = sink.report(span, message);
            for suggestion in suggestions {
                diagnostic.with_fix(Fix::write(span, suggestion));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Config;
    use crate::analysis::rules::fixture::{apply_fix, check, check_with};

    const TEXT: &str = "\tThe General Assembly,\n\tFully alarmed by the situation,\n ^^^^^^^^^^^^^ VRB017\n\tRecalling its resolution 64/222,\n\t1.\tReqeusts the Secretary-General to report.\n    ^^^^^^^^ VRB017";

    #[test]
    fn unknown_openings() {
        check(TEXT);
    }

    #[test]
    fn openings_behind_brackets_and_attributions() {
        // A rolling text: the words that would remain open the paragraphs.
        check(
            "\tThe General Assembly,\n\tPP1\t[Recalling its resolution 64/222,]\n\tOP1\t1.\t[Invites] States to act;\n\tOP2\t2.\t[EU: Requests the Secretary-General to report.]",
        );
        check(
            "\tThe General Assembly,\n\tPP1\t[Recalling its resolution 64/222,]\n\tOP1\t1.\t[Reqeusts] States to act.\n\t        ^^^^^^^^ VRB017",
        );
    }

    #[test]
    fn configured_phrases_are_known() {
        let config = Config {
            extra_operative_verbs: vec!["Reserves".to_owned()],
            ..Config::default()
        };
        check_with(
            &config,
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tReserves the right to act.",
        );
    }

    #[test]
    fn fix_takes_the_suggestion() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tReqeusts the Secretary-General to report.",
            "VRB017",
        );
        assert!(fixed.contains("\t1.\tRequests the"));
    }
}
