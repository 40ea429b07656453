use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes};
use crate::analysis::style::ordinal_words;
use crate::syntax::Role;

declare_rule! {
    /// ## What it checks
    /// Footnotes cite the Official Records in their fixed form: `Official Records of
    /// the General Assembly, Sixty-seventh Session, Supplement No. 39 (A/67/39).` –
    /// the session in words with a capital S, "Supplement No." and the symbol in
    /// parentheses. Flags `67th session`, `Sixty-seventh session`, `Supplement 39` and
    /// `Supplement No. 39, A/67/39`. "See" before a source is common in adopted
    /// footnotes and is accepted; the other source forms (sales publications, treaty
    /// series) are left to people.
    ///
    /// ## Why
    /// CIT013 (attested in adopted texts; Editorial Manual, "Footnotes and other
    /// references", United Nations sources).
    ///
    /// ## Example
    /// `2 Official Records of the General Assembly, 67th session, Supplement 39, A/67/39.`
    ///
    /// ## Fix
    /// Write `Official Records of the General Assembly, Sixty-seventh Session,
    /// Supplement No. 39 (A/67/39).` (quick fixes for each part).
    pub struct FootnoteSources {
        code: "CIT013",
        severity: Warning,
    }
}

const RECORDS: &str =
    r"Official Records of the (?:General Assembly|Security Council|Economic and Social Council), ";

static FIGURE_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{RECORDS}(([1-9][0-9]?)(?:st|nd|rd|th) [Ss]ession)(?-u:\b)"
    ))
    .expect("valid regex")
});

static WORD_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{RECORDS}((?:[A-Za-z][a-z]+-)?[A-Za-z][a-z]+ [Ss]ession)(?-u:\b)"
    ))
    .expect("valid regex")
});

static SUPPLEMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)Supplement (?:[Nn]o\.? ?|[Nn]o )?([1-9][0-9]*[A-Z]?)(?-u:\b)")
        .expect("valid regex")
});

static BARE_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,? ((?:A|E|S)/[A-Za-z0-9.\-/]*[0-9])").expect("valid regex"));

/// `Sixty-seventh Session`.
fn title_session(ordinal: &str) -> String {
    let mut out = String::new();
    let mut chars = ordinal.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(&chars.as_str().to_lowercase());
    }
    out.push_str(" Session");
    out
}

fn check_line(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if text.contains("Official Records") {
        for captures in FIGURE_SESSION.captures_iter(text) {
            let session = captures.get(1).expect("group 1");
            if let Some(words) = captures[2].parse().ok().and_then(ordinal_words) {
                let fixed = title_session(&words);
                out.push(Finding::new(
                    session.range(),
                    format!("Official Records titles give the session in words: `{fixed}`"),
                    Some(fixed),
                ));
            }
        }
        for captures in WORD_SESSION.captures_iter(text) {
            let session = captures.get(1).expect("group 1");
            let ordinal = session.as_str().rsplit_once(' ').map_or("", |(o, _)| o);
            let is_ordinal = (1..100)
                .filter_map(ordinal_words)
                .any(|w| w == ordinal.to_lowercase());
            let fixed = title_session(ordinal);
            if is_ordinal && session.as_str() != fixed {
                out.push(Finding::new(
                    session.range(),
                    format!("In an Official Records title the session is `{fixed}`"),
                    Some(fixed),
                ));
            }
        }
    }
    if text.contains("Supplement") {
        for captures in SUPPLEMENT_NUMBER.captures_iter(text) {
            let whole = captures.get(0).expect("group 0");
            let number = &captures[1];
            let canonical = format!("Supplement No. {number}");
            if whole.as_str() != canonical {
                out.push(Finding::new(
                    whole.range(),
                    format!("Write `{canonical}`"),
                    Some(canonical.clone()),
                ));
                continue;
            }
            if let Some(symbol) = BARE_SYMBOL.captures(&text[whole.end()..]) {
                let all = symbol.get(0).expect("group 0");
                let fixed = format!("{canonical} ({})", &symbol[1]);
                out.push(Finding::new(
                    whole.start()..whole.end() + all.end(),
                    format!("The symbol of a supplement stands in parentheses: `{fixed}`"),
                    Some(fixed),
                ));
            }
        }
    }
    let mut quotes = Quotes::default();
    out.sort_by_key(|f| f.range.start);
    out.retain(|f| !quotes.inside(text, f.range.start));
    out
}

impl LineRule for FootnoteSources {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        if !matches!(
            at.role,
            Role::FootnoteText { .. } | Role::FootnoteContinuation
        ) {
            return;
        }
        for finding in check_line(&at.lexed.text) {
            sink.report_finding(at.index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const BODY: &str = "\tThe General Assembly,\n\tTaking note of the report,1\n\t1.\tDecides.\n\n";

    #[test]
    fn official_records_forms() {
        check(&format!(
            "{BODY}1 See Official Records of the General Assembly, 67th session, Supplement 39, A/67/39; ibid., Sixty-eighth session, Supplement No. 53, A/68/53.\n                                                ^^^^^^^^^^^^ CIT013\n                                                              ^^^^^^^^^^^^^ CIT013\n                                                                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIT013"
        ));
        check(&format!(
            "{BODY}1 Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 39 (A/67/39), chap. I."
        ));
    }

    #[test]
    fn fix_writes_the_title_form() {
        let fixed = apply_fix(
            &format!(
                "{BODY}1 Official Records of the General Assembly, 67th session, Supplement No. 39 (A/67/39)."
            ),
            "CIT013",
        );
        assert!(
            fixed.contains("Assembly, Sixty-seventh Session, Supplement"),
            "{fixed}"
        );
    }
}
