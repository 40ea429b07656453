use std::sync::LazyLock;

use regex::Regex;

use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::{Finding, Quotes, is_body_role};

declare_rule! {
    /// ## What it checks
    /// UN style has no serial (Oxford) comma: "gender equality, the empowerment of
    /// women and access to information". Flags the comma before "and" closing a list of
    /// at least three single words or capitalized names (`economic, social, and
    /// cultural rights`, `Africa, Asia, and Latin America`). A comma before "and" that
    /// joins clauses ("…, and reaffirms its view") is not a serial comma; longer list
    /// items are left to people, since a comma before "and" is sometimes needed for
    /// sense.
    ///
    /// ## Why
    /// PUN007 (attested throughout adopted texts; OCHA style guide: the serial comma
    /// is not used in UN style).
    ///
    /// ## Example
    /// `Recognizes the economic, social, and cultural dimensions …;`
    ///
    /// ## Fix
    /// Remove the comma before `and` (quick fix).
    pub struct SerialComma {
        code: "PUN007",
        severity: Information,
    }
}

static WORD_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([a-z]{3,}), ([a-z]{3,})(, [a-z]{3,})*(,) and ([a-z]{3,})(?-u:\b)")
        .expect("valid regex")
});

static NAME_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\p{Lu}\p{Ll}+), (\p{Lu}\p{Ll}+)(, \p{Lu}\p{Ll}+)*(,) and (\p{Lu}\p{Ll}+)(?-u:\b)")
        .expect("valid regex")
});

/// Words that make a comma before "and" a clause boundary, not a list.
const NOT_ITEMS: &[&str] = &[
    "which",
    "that",
    "including",
    "inter",
    "alia",
    "where",
    "when",
    "while",
    "also",
    "thus",
    "therefore",
    "however",
    "particular",
    "appropriate",
    "necessary",
    "possible",
    "applicable",
    "relevant",
    "others",
    "especially",
    "notably",
    "respectively",
    "accordingly",
    "well",
];

fn check_line(text: &str) -> Vec<Finding> {
    if !text.contains(", and ") {
        return Vec::new();
    }
    let mut quotes = Quotes::default();
    let mut out = Vec::new();
    for pattern in [&*WORD_LIST, &*NAME_LIST] {
        for captures in pattern.captures_iter(text) {
            let whole = captures.get(0).expect("group 0");
            let words = whole
                .as_str()
                .split([',', ' '])
                .filter(|w| !w.is_empty() && *w != "and");
            if words
                .clone()
                .any(|w| NOT_ITEMS.contains(&w.to_lowercase().as_str()))
                || quotes.inside(text, whole.start())
            {
                continue;
            }
            let comma = captures.get(4).expect("comma");
            out.push(Finding::new(
                comma.range(),
                "No serial comma before \"and\" in UN style",
                Some(String::new()),
            ));
        }
    }
    out
}

impl LineRule for SerialComma {
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
    fn serial_commas() {
        check(
            "\tThe General Assembly,\n\tRecognizing economic, social, and cultural rights in Africa, Asia, and Latin America,\n\t                            ^ PUN007\n\t                                                                 ^ PUN007\n\t1.\tRecognizes the importance of the work, and reaffirms its view, which, and so on.",
        );
    }

    #[test]
    fn fix_removes_the_comma() {
        let fixed = apply_fix(
            "\tThe General Assembly,\n\tRecognizing economic, social, and cultural rights,\n\t1.\tDecides.",
            "PUN007",
        );
        assert!(
            fixed.contains("economic, social and cultural rights,"),
            "{fixed}"
        );
    }
}
