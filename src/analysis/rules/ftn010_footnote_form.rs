use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A footnote text starts with a capital letter, a figure, a symbol or a
    /// quotation mark and ends with a full stop: `4 A/68/212.`, `1 Report of the
    /// United Nations Conference …, chap. I.`.
    ///
    /// ## Why
    /// FTN010 (attested in every adopted text's footnotes). A text ending with a
    /// colon introduces the lines under it and is left alone, a web address
    /// keeps its lower case, and a lower-case "ibid." is FTN009's.
    ///
    /// ## Example
    /// `4 A/68/212` · `4 see A/68/212.`.
    ///
    /// ## Fix
    /// Add the full stop; capitalize the first letter.
    pub struct FootnoteForm {
        code: "FTN010",
        severity: Warning,
    }
}

impl Rule for FootnoteForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads only the footnote texts, which are not paragraph lines.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let lines = context.tree.lines();
        for text in &context.footnotes.texts {
            let first = &lines[text.line].text;
            let body = &first[text.body.start.min(first.len())..text.body.end.min(first.len())];
            let Some(initial) = body.chars().next() else {
                continue;
            };
            // A web address keeps its lower case (`http://legal.un.org/…`).
            let address = body.starts_with("http") || body.starts_with("www.");
            // A document symbol in the wrong case (`a/68/212.`) is SYM014's
            // finding: one defect, one diagnostic.
            let symbol = body
                .split_whitespace()
                .next()
                .is_some_and(|w| w.contains('/'));
            if initial.is_lowercase() && !body.starts_with("ibid") && !address && !symbol {
                let span = Span::new(
                    text.line,
                    text.body.start,
                    text.body.start + initial.len_utf8(),
                );
                sink.report(span, "A footnote text starts with a capital letter")
                    .with_fix(Fix::write(span, initial.to_uppercase().to_string()));
            }
            let last = &lines[text.last_line].text;
            let trimmed = last.trim_end();
            let ends_well = trimmed.ends_with(['.', ':', '?', '!'])
                || trimmed.ends_with(".”")
                || trimmed.ends_with(".\"")
                || trimmed.ends_with(".)");
            if !ends_well && !trimmed.is_empty() {
                let at = Span::point(text.last_line, trimmed.len());
                sink.report(at, "A footnote text ends with a full stop")
                    .with_fix(Fix::write(at, "."));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tTaking note of the reports,1\n\tNoting the report,2\n\t1.\tDecides.\n\n1 A/68/212\n          ^ FTN010\n2 see A/68/213.\n  ^ FTN010";

    #[test]
    fn footnote_text_form() {
        check(TEXT);
        check(
            "\tThe General Assembly,\n\tTaking note of the report,1\n\t1.\tDecides.\n\n1 A/68/212.",
        );
        check(
            "\tThe General Assembly,\n\tTaking note of the report,1\n\t1.\tDecides.\n\n1 http://legal.un.org/repertory.",
        );
    }

    #[test]
    fn fix_adds_the_full_stop() {
        assert!(apply_fix(TEXT, "FTN010").contains("\n1 A/68/212.\n"));
    }
}
