use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::agreed_language::{MarkerPlace, Opening, Recognition, tokenize_opening};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Only the first word of an opening is capitalized: `Takes note of`, `Deeply
    /// concerned`. With a marker before an operative verb the marker takes the
    /// capital and the verb is lower case: `Also requests`. Proper nouns inside a
    /// listed opening keep their capitals (`Acting under Chapter VII of the
    /// Charter of the United Nations`).
    ///
    /// ## Why
    /// VRB003 (attested in every adopted text).
    ///
    /// ## Example
    /// `Also Takes Note of …;` · `requests the Secretary-General …;`
    ///
    /// ## Fix
    /// Rewrite the opening with the right capitals.
    pub struct OpeningCapitals {
        code: "VRB003",
        severity: Error,
    }
}

impl LineRule for OpeningCapitals {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, at: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(opening) = at.paragraph_opening() else {
            return;
        };
        let text = &at.lexed.text;
        let expected = expected_case(text, opening);
        let written = &text[opening.range.start..opening.range.end];
        if expected == written {
            return;
        }
        let span = Span::in_line(at.index, opening.range);
        sink.report(
            span,
            format!("Capitalize only the first word of the opening: `{expected}`"),
        )
        .with_fix(Fix::write(span, expected));
    }
}

/// The opening as written, with the capitals it should have.
fn expected_case(text: &str, opening: &Opening) -> String {
    let canonical: Vec<&str> = match opening.recognition {
        // An adverb before a known verb (`Strongly takes note of`): both words
        // are known; else only the head word is.
        Recognition::Head
            if opening
                .canonical
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with("ly")) =>
        {
            opening.canonical.split(' ').take(2).collect()
        }
        Recognition::Head => opening.canonical.split(' ').take(1).collect(),
        Recognition::Listed | Recognition::Extra => opening.canonical.split(' ').collect(),
    };
    let leading = opening
        .marker
        .is_some_and(|m| m.place == MarkerPlace::BeforePhrase);
    let mut out = text[opening.range.start..opening.range.end].to_owned();
    let mut phrase_index = 0;
    for token in tokenize_opening(text, opening) {
        let in_marker = opening
            .marker
            .is_some_and(|m| token.start >= m.range.start && token.end <= m.range.end);
        let word = token.text;
        let fixed = if in_marker {
            if leading && token.start == opening.range.start {
                capitalized(word)
            } else {
                word.to_lowercase()
            }
        } else {
            let model = canonical.get(phrase_index).copied();
            phrase_index += 1;
            if phrase_index == 1 {
                if leading {
                    word.to_lowercase()
                } else {
                    capitalized(word)
                }
            } else {
                match model {
                    Some(model) if model.chars().all(|c| !c.is_lowercase()) && model.len() > 1 => {
                        word.to_uppercase()
                    }
                    Some(model) if model.starts_with(char::is_uppercase) => capitalized(word),
                    Some(_) => word.to_lowercase(),
                    None => word.to_owned(),
                }
            }
        };
        let at = token.start - opening.range.start;
        out.replace_range(at..at + word.len(), &fixed);
    }
    out
}

fn capitalized(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,\n\tDeeply Concerned about the situation,\n ^^^^^^^^^^^^^^^^ VRB003\n\t1.\tTakes note of the report;\n\t2.\tAlso Takes Note of the note;\n    ^^^^^^^^^^^^^^^^^^ VRB003\n\t3.\trequests the Secretary-General to report.\n    ^^^^^^^^ VRB003";

    #[test]
    fn a_verb_after_an_adverb_is_in_lower_case() {
        let text = "\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides to act;\n\t2.\tStrongly Takes note of the report.\n    ^^^^^^^^^^^^^^^^^^^^^^ VRB003";
        check(text);
        assert!(apply_fix(text, "VRB003").contains("\tStrongly takes note of the report."));
    }

    #[test]
    fn only_the_first_word_is_capitalized() {
        check(TEXT);
    }

    #[test]
    fn fix_rewrites_the_capitals() {
        let fixed = apply_fix(TEXT, "VRB003");
        assert!(fixed.contains("\tDeeply concerned about"));
    }
}
