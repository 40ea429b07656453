use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::RepeatIndicators;

declare_rule! {
    /// ## What it checks
    /// With `footnotes.repeatIndicators = "current"`, a footnote number that already
    /// appeared earlier in the text is reported: the current Editorial Manual inserts
    /// a new footnote with identical text instead. Off in the default `legacy` mode.
    ///
    /// ## Why
    /// FTN007 (Editorial Manual, "Repeated references", current and earlier
    /// versions). Adopted texts still repeat markers: 51 of the 138 corpus
    /// resolutions with footnotes do, so the default does not flag repetition.
    ///
    /// ## Example
    /// `…at that session3` … later `…Cooperation,3`.
    ///
    /// ## Fix
    /// Give the later reference a new number and a footnote text of its own.
    pub struct RepeatedMarker {
        code: "FTN007",
        severity: Warning,
    }
}

impl Rule for RepeatedMarker {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the footnote references (`footnotes.refs`: numbers and spans).
    fn reads(&self) -> Reads {
        Reads::MARKERS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.config.repeat_indicators != RepeatIndicators::Current {
            return;
        }
        let mut seen = Vec::new();
        for reference in &context.footnotes.refs {
            if seen.contains(&reference.number) {
                sink.report(
                    reference.span,
                    format!(
                        "Footnote marker {} is repeated; current practice inserts a new footnote with the same text",
                        reference.number
                    ),
                );
            } else {
                seen.push(reference.number);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{check, check_with};
    use crate::analysis::{Config, RepeatIndicators};

    const TEXT: &str = "\tThe General Assembly,\n\tRecalling the report,1\n\t1.\tDecides, recalling the report,1 to continue.\n\t                                 ^ FTN007\n\n1 A/68/212.";

    #[test]
    fn current_mode_flags_repeats() {
        let config = Config {
            repeat_indicators: RepeatIndicators::Current,
            ..Config::default()
        };
        check_with(&config, TEXT);
    }

    #[test]
    fn legacy_mode_is_quiet() {
        check(&TEXT.replace("\t                                 ^ FTN007\n", ""));
    }
}
