use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};
use crate::analysis::style::ordinal_words;

declare_rule! {
    /// ## What it checks
    /// Sessions are spelled-out ordinals, hyphenated from twenty-first on and in lower
    /// case in running text: "at its sixty-ninth session". Flags `69th session`,
    /// `sixty ninth session` and `its Sixty-Ninth Session`. Ordinals from 100 on stay in
    /// figures ("its 102nd session"), as adopted texts write them. The capital "Session"
    /// of Official Records titles belongs to footnotes and is not checked here; meeting
    /// numbers ("71st plenary meeting") are left to people.
    ///
    /// ## Why
    /// CIT011 (attested in adopted texts; Editorial Manual, "Numbers, dates and time").
    ///
    /// ## Example
    /// `Decides to include in the provisional agenda of its 69th session the item …`
    ///
    /// ## Fix
    /// Write the ordinal in words: `sixty-ninth session` (quick fix).
    pub struct SessionOrdinals {
        code: "CIT011",
        severity: Warning,
    }
}

static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([1-9][0-9]?)(?:st|nd|rd|th) ((?:regular |special |emergency special )?session)(?-u:\b)",
    )
    .expect("valid regex")
});

static UNHYPHENATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)) ((?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)) session(?-u:\b)")
        .expect("valid regex")
});

static CAPITALIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:its|the) ((?:[A-Z][a-z]+-)?[A-Za-z][a-z]+ Session)(?-u:\b)")
        .expect("valid regex")
});

/// The ordinals in words, 1 to 99, in lower case.
static ORDINALS: LazyLock<std::collections::HashSet<String>> =
    LazyLock::new(|| (1..100).filter_map(ordinal_words).collect());

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains("ession") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for captures in FIGURES.captures_iter(text) {
        let whole = captures.get(0).expect("group 0");
        let n: u32 = captures[1].parse().unwrap_or(0);
        if let Some(words) = ordinal_words(n) {
            let fixed = format!("{words} {}", &captures[2]);
            out.push(Finding::new(
                whole.range(),
                format!("Write the session in words: `{fixed}`"),
                Some(fixed),
            ));
        }
    }
    for captures in UNHYPHENATED.captures_iter(text) {
        let whole = captures.get(0).expect("group 0");
        let fixed = format!("{}-{} session", &captures[1], &captures[2]);
        out.push(Finding::new(
            whole.range(),
            format!("Compound ordinals take a hyphen: `{fixed}`"),
            Some(fixed),
        ));
    }
    for captures in CAPITALIZED.captures_iter(text) {
        let phrase = captures.get(1).expect("group 1");
        let lower = phrase.as_str().to_lowercase();
        let ordinal = lower.trim_end_matches(" session");
        if ORDINALS.contains(ordinal) {
            out.push(Finding::new(
                phrase.range(),
                format!("In running text the session is in lower case: `{lower}`"),
                Some(lower),
            ));
        }
    }
    let mut quotes = Quotes::default();
    out.sort_by_key(|f| f.range.start);
    out.retain(|f| !quotes.inside(text, f.range.start));
    out
}

impl LineRule for SessionOrdinals {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let (index, line, role) = (at.index, at.lexed, at.role);
        if !is_body_role(role) || !at.own {
            return;
        }
        for finding in check_line(&line.text) {
            sink.report_finding(index, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn sessions_in_words() {
        check(
            "\tThe General Assembly,\n\tNoting the report of the Committee at its 102nd session and of the Council at its 15th session,\n\t                                                                                  ^^^^^^^^^^^^ CIT011\n\t1.\tDecides to include in the provisional agenda of its sixty ninth session the item entitled “The 69th session”, as decided at its Sixty-Eighth Session.\n\t                                                       ^^^^^^^^^^^^^^^^^^^ CIT011\n\t                                                                                                                                   ^^^^^^^^^^^^^^^^^^^^ CIT011",
        );
    }

    #[test]
    fn fix_spells_the_ordinal() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\t1.\tDecides to consider the question at its 81st session.",
            "CIT011",
        );
        assert!(fixed.contains("at its eighty-first session."), "{fixed}");
    }
}
