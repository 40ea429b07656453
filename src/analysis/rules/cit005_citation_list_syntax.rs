use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Severity;
use crate::analysis::citation::{Citation, Finding, is_body_role};

declare_rule! {
    /// ## What it checks
    /// A list of cited resolutions takes one plural keyword, commas between the items
    /// and "and" before the last, without a serial comma: `resolutions 57/270 B of 23
    /// June 2003, 60/212 of 22 December 2005 and 62/209 of 19 December 2007`. Flags a
    /// comma before "and" between items, a singular keyword before several items
    /// (`resolution 60/212 and 62/209`), items separated by semicolons and a keyword
    /// repeated for the next item (`resolution 57/270 B and resolution 60/212`).
    /// "its resolution 68/247 A and its resolution 68/248 A both of 27 December 2013"
    /// is a standard form and is accepted, and so is a comma that keeps a date to the
    /// last item only ("resolutions 70/299, and 72/305 of 23 July 2018"). Hints in
    /// Security Council texts, whose adopted lists often take serial commas. The
    /// repeated keyword is a hint everywhere: adopted texts repeat it on purpose
    /// ("including resolution 2175 (2014) of 29 August 2014 and resolution 2730
    /// (2024)", the first and the latest resolution on a subject).
    ///
    /// ## Why
    /// CIT005 (attested in adopted texts).
    ///
    /// ## Example
    /// `Recalling its resolutions 57/270 B of 23 June 2003, and 60/212 of 22 December 2005,`
    ///
    /// ## Fix
    /// Remove the serial comma, write the plural keyword once, separate the items with
    /// commas (quick fixes where the right form is certain).
    pub struct CitationListSyntax {
        code: "CIT005",
        severity: Warning,
    }
}

static SEMICOLON_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^; (?:[1-9][0-9]* \((?:19|20)[0-9]{2}\)|(?:[1-9][0-9]{0,3}|E?S-[1-9][0-9]?)/[1-9][0-9]*)",
    )
    .expect("valid regex")
});

fn check_line(text: &str, citations: &[Citation]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (n, citation) in citations.iter().enumerate() {
        if !citation.in_body || citation.quoted {
            continue;
        }
        let keyword = &text[citation.keyword.start..citation.keyword.end];
        let plural = keyword.ends_with('s');
        for (i, pair) in citation.items.windows(2).enumerate() {
            let end = pair[0].date_span.map_or(pair[0].span.end, |d| d.end);
            // A comma that keeps a date to the last item ("70/299, and 72/305 of
            // 23 July 2018") or marks off a last pair sharing a date ("…, and
            // 74/306 and 74/307 of 11 September 2020") is not a serial comma.
            let keeps_date = pair[0].date.is_none() && pair[1].date.is_some();
            let last_pair_follows = citation.items.get(i + 2).is_some();
            if &text[end..pair[1].span.start] == ", and " && !keeps_date && !last_pair_follows {
                out.push(Finding::new(
                    end..end + 1,
                    "No comma before \"and\" in a list of resolutions",
                    Some(String::new()),
                ));
            }
        }
        if !plural && citation.items.len() > 1 {
            out.push(Finding::new(
                citation.keyword.start..citation.keyword.end,
                format!("Several items take the plural keyword: `{keyword}s`"),
                Some(format!("{keyword}s")),
            ));
        }
        if SEMICOLON_ITEM.is_match(&text[citation.span.end..]) {
            out.push(Finding::new(
                citation.span.end..citation.span.end + 1,
                "Separate the items of a list with commas, \"and\" before the last",
                None,
            ));
        }
        if let Some(next) = citations.get(n + 1) {
            let same_keyword = text[next.keyword.start..next.keyword.end] == *keyword;
            let bare_next = next.span.start == next.keyword.start;
            // "in resolution 65/37 A …, resolution 66/231 … and resolution 73/124":
            // a run that names each resolution on purpose.
            let in_run = n > 0 && text[citations[n - 1].span.end..citation.span.start] == *", ";
            if !plural
                && !in_run
                && same_keyword
                && bare_next
                && !next.quoted
                && next.organ == citation.organ
                && citation.items.len() == 1
                && &text[citation.span.end..next.span.start] == " and "
            {
                let items = &text[citation.keyword.end..citation.span.end];
                // Adopted texts repeat the keyword on purpose ("including
                // resolution 2175 (2014) … and resolution 2730 (2024)", the first
                // and the latest resolution): never a fault in the 3,579 adopted
                // texts, so a hint.
                out.push(
                    Finding::new(
                        citation.keyword.start..next.keyword.end,
                        format!("Write the keyword once, in the plural: `{keyword}s{items} and …`"),
                        Some(format!("{keyword}s{items} and")),
                    )
                    .at(Severity::Hint),
                );
            }
        }
    }
    out
}

impl LineRule for CitationListSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !is_body_role(at.role) || !at.own {
            return;
        }
        for finding in check_line(&at.lexed.text, at.held.citations) {
            // Security Council texts list resolutions with serial commas and
            // repeat the keyword (some 670 times in the adopted texts of the
            // corpus): hints there.
            let finding = if at.facts.council() {
                finding.at(Severity::Hint)
            } else {
                finding
            };
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn list_syntax() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 60/1 of 16 September 2005, and 65/1 of 22 September 2010 and its resolution 68/247 A and its resolution 68/248 A both of 27 December 2013,\n\t                                                   ^ CIT005\n\tRecalling also its resolution 57/270 B and 60/212 and resolution 61/1 and resolution 62/1,\n\t                   ^^^^^^^^^^ CIT005\n\t                              ^^^^^^^^ CIT001\n\t                                           ^^^^^^ CIT001\n\t                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIT005\n\tRecalling further resolutions 62/209; 63/233,\n\t                              ^^^^^^ CIT001\n\t                                    ^ CIT005\n\t1.\tDecides.",
        );
    }

    #[test]
    fn a_repeated_keyword_is_a_hint() {
        let found = check(
            "\tThe General Assembly,\n\tRecalling its resolution 1 (I) of 24 January 1946 and resolution 78/42 of 4 December 2023,\n\t              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIT005\n\t1.\tDecides.",
        );
        let repeated = found.iter().find(|d| d.code == "CIT005").expect("CIT005");
        assert_eq!(repeated.severity, Severity::Hint);
    }

    #[test]
    fn fixes() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling its resolutions 60/1 of 16 September 2005, and 65/1 of 22 September 2010,\n\t1.\tDecides.",
            "CIT005",
        );
        assert!(fixed.contains("16 September 2005 and 65/1"), "{fixed}");
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecalling resolution 57/270 B of 23 June 2003 and resolution 60/212,\n\t1.\tDecides.",
            "CIT005",
        );
        assert!(
            fixed.contains("Recalling resolutions 57/270 B of 23 June 2003 and 60/212,"),
            "{fixed}"
        );
    }
}
