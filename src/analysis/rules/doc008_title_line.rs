use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The number and title line of an adopted resolution: the number, a full
    /// stop, then the title in sentence case. Reported: a number without its
    /// full stop (`68/230 South-South cooperation`), and a title in title case,
    /// recognised by a capitalised *of*, *and*, *the*, *for*, *on*, *in*, *to*,
    /// *with*, *by*, *from* or *at* inside it (`South-South Cooperation And
    /// Development`).
    ///
    /// ## Why
    /// DOC008 (Editorial Manual, resolutions B; the seed `68/230. South-South
    /// cooperation`). Proper names keep their capitals (`United Nations
    /// Conference on the Least Developed Countries`), so only the small words
    /// that no name capitalises are read: none of the 2,118 titles of the
    /// corpus and the extended set capitalises one, except after a colon, a
    /// dash or an opening quotation mark, where a new phrase starts.
    ///
    /// ## Example
    /// `68/230 South-South Cooperation And Development` should be
    /// `68/230. South-South cooperation and development`.
    ///
    /// ## Fix
    /// Inserts the missing full stop. The capitals are left to the drafter:
    /// only they know which words are names.
    pub struct TitleLine {
        code: "DOC008",
        severity: Warning,
    }
}

/// The small words that stay in lower case inside a title, names included.
const SMALL_WORDS: &[&str] = &[
    "Of", "And", "The", "For", "On", "In", "To", "With", "By", "From", "At",
];

impl Rule for TitleLine {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the title line only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for (index, line, role) in context.tree.iter() {
            let (Role::Title, LineShape::Title { number }) = (role, &line.shape) else {
                continue;
            };
            if !line.text[number.end..].starts_with('.') {
                let written = &line.text[number.start..number.end];
                sink.report(
                    Span::new(index, number.start, number.end),
                    format!("Put a full stop after the resolution number: `{written}.`"),
                )
                .with_fix(Fix::write(Span::new(index, number.end, number.end), "."));
            }
            if let Some((start, word)) = capitalised_small_word(&line.text, line.body_start) {
                sink.report(
                    Span::new(index, start, start + word.len()),
                    format!(
                        "Titles are in sentence case: `{}` inside a title, not `{word}`",
                        word.to_lowercase()
                    ),
                );
            }
        }
    }
}

/// The first small word written with a capital inside the title, where no new
/// phrase starts.
fn capitalised_small_word(text: &str, body_start: usize) -> Option<(usize, &str)> {
    let title = &text[body_start..];
    let mut previous: Option<&str> = None;
    let mut offset = 0;
    for word in title.split(' ') {
        let start = offset;
        offset += word.len() + 1;
        let after_break = previous.is_none_or(|p| {
            p.ends_with([':', '–', '—', '“', '"', '‘', '(']) || p == "–" || p == "—"
        });
        let bare = word.trim_end_matches([',', ';', ':']);
        if !after_break && !word.starts_with(['“', '"', '‘']) && SMALL_WORDS.contains(&bare) {
            return Some((body_start + start, bare));
        }
        previous = Some(word);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const BODY: &str = "\n\n\tThe General Assembly,\n\tRecalling its resolution 64/222 of 21 December 2009,\n\t1.\tDecides to act.";

    #[test]
    fn number_without_full_stop() {
        check(&format!(
            "68/230 South-South cooperation\n^^^^^^ DOC008{BODY}"
        ));
        check(&format!("68/230.\tSouth-South cooperation{BODY}"));
    }

    #[test]
    fn title_case() {
        check(&format!(
            "68/230.\tSouth-South Cooperation And Development\n                                ^^^ DOC008{BODY}"
        ));
        check(&format!(
            "68/18.\tFollow-up to the Fourth United Nations Conference on the Least Developed Countries{BODY}"
        ));
        // A new phrase after a colon or a dash.
        check(&format!(
            "75/284.\tPolitical Declaration on HIV and AIDS: The Way Forward{BODY}"
        ));
    }

    #[test]
    fn fix_inserts_the_full_stop() {
        let fixed = apply_fix(&format!("68/230 South-South cooperation{BODY}"), "DOC008");
        assert!(fixed.starts_with("68/230. South-South"), "{fixed}");
    }
}
