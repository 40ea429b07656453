use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// "Ibid." repeats the source of the footnote just before it. It cannot be the
    /// first footnote (error); it is spelled `Ibid.` with a capital and a full
    /// stop (warning). After a footnote that cites several sources it is pointed
    /// out (information): adopted texts do write it there, for the last source
    /// named, so it is no error, but a moved footnote makes it ambiguous.
    ///
    /// ## Why
    /// FTN009 (attested in adopted texts; Editorial Manual, "Use of ibid."). When
    /// footnotes move, an "Ibid." silently changes what it points to, so it is
    /// re-checked on every edit. "Ibid." after several sources is adopted
    /// practice: over the 3,579 adopted texts of the corpora (about 3,000
    /// "Ibid." footnotes) it occurs 14 times, each time meaning the last source
    /// of the footnote before (`… and A/78/40.` then `Ibid., para. 7`).
    ///
    /// ## Example
    /// `1 Ibid.` · `3 ibid., chap. I.` · footnote 2 `A/68/212; A/68/213.` then `3 Ibid.`
    ///
    /// ## Fix
    /// Write the source in full, or spell `Ibid.`.
    pub struct Ibid {
        code: "FTN009",
        severity: Error,
    }
}

impl Rule for Ibid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads only the footnote texts, which are not paragraph lines.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let lines = context.tree.lines();
        let texts = &context.footnotes.texts;
        for (position, text) in texts.iter().enumerate() {
            let line = &lines[text.line].text;
            let body = &line[text.body.start..text.body.end];
            let word_end = body
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(body.len());
            let word = &body[..word_end];
            if !word.eq_ignore_ascii_case("ibid") && !word.eq_ignore_ascii_case("ib") {
                continue;
            }
            let after = &body[word_end..];
            let span = Span::new(
                text.line,
                text.body.start,
                text.body.start + word_end + usize::from(after.starts_with('.')),
            );
            if word != "Ibid" || !after.starts_with('.') {
                sink.report_at(
                    Severity::Warning,
                    span,
                    "Write `Ibid.` with a capital I and a full stop",
                );
            }
            let previous = position.checked_sub(1).map(|p| &texts[p]);
            match previous {
                None => {
                    sink.report(span, "\"Ibid.\" cannot be the first footnote: there is no source before it to repeat");
                }
                Some(previous) => {
                    let previous_line = &lines[previous.line].text;
                    let previous_body = &previous_line[previous.body.start..previous.body.end];
                    if cites_several_sources(previous_body) {
                        sink.report_at(
                            Severity::Information,
                            span,
                            format!(
                                "\"Ibid.\" follows footnote {}, which cites more than one source: it repeats the last one; name the source if another is meant",
                                previous.number
                            ),
                        )
                        .with_related(previous.body, "the footnote before");
                    }
                }
            }
        }
    }
}

/// `A/68/212; A/68/213.` or `A/68/212 and A/68/213.` cite several sources.
fn cites_several_sources(body: &str) -> bool {
    let body = body.trim_end_matches('.');
    if body.contains("; ") {
        return true;
    }
    // A document and its corrigenda, addenda or revisions are one source
    // (`A/ES-10/273 and A/ES-10/273/Corr.1`).
    let mut documents: Vec<&str> = body
        .split_whitespace()
        .filter(|w| w.contains('/') && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .map(|w| {
            let w = w.trim_end_matches([',', '.', ';', ')']);
            ["/Corr.", "/Add.", "/Rev.", "/Amend."]
                .iter()
                .filter_map(|part| w.find(part))
                .min()
                .map_or(w, |at| &w[..at])
        })
        .collect();
    documents.sort_unstable();
    documents.dedup();
    documents.len() > 1 && body.contains(" and ")
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    const BODY: &str =
        "\tThe General Assembly,\n\tRecalling the report,1\n\t1.\tTakes note;2\n\t2.\tDecides.\n\n";

    #[test]
    fn ibid_after_a_single_source_is_fine() {
        check(&format!(
            "{BODY}1 Official Records of the General Assembly, Supplement No. 39 (A/67/39).\n2 Ibid., chap. I."
        ));
    }

    #[test]
    fn ibid_first_or_after_several_sources() {
        check(&format!("{BODY}1 Ibid.\n  ^^^^^ FTN009\n2 A/68/212."));
        check(&format!(
            "{BODY}1 A/68/212; A/68/213.\n2 Ibid.\n  ^^^^^ FTN009"
        ));
    }

    #[test]
    fn a_document_and_its_corrigendum_are_one_source() {
        check(&format!(
            "{BODY}1 See A/ES-10/273 and A/ES-10/273/Corr.1.\n2 Ibid., para. 88."
        ));
    }

    #[test]
    fn spelling() {
        check(&format!(
            "{BODY}1 A/68/212.\n2 ibid., chap. I.\n  ^^^^^ FTN009"
        ));
    }

    #[test]
    fn ibid_after_several_sources_is_information_only() {
        use crate::analysis::{Config, Severity, analyze};
        use crate::syntax::Tree;
        let text = format!("{BODY}1 A/68/212 and A/69/213.\n2 Ibid.");
        let severities: Vec<Severity> = analyze(&Tree::parse(&text), &Config::default())
            .into_iter()
            .filter(|d| d.code == "FTN009")
            .map(|d| d.severity)
            .collect();
        assert_eq!(severities, [Severity::Information]);
    }
}
