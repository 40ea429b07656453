use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::structure::{self, to_roman};
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The headings of the annexes of a General Assembly, ECOSOC or Human
    /// Rights Council resolution: `Annex` when there is one, `Annex I`,
    /// `Annex II` … in order when there are several. Reported: another word
    /// (`Appendix`, `Attachment`, `Enclosure`), a label in letters or figures
    /// (`Annex A`, `Annex 1`), a lone annex numbered `Annex I`, and roman
    /// numbers out of order. Unnumbered headings above numbered ones are
    /// allowed: an annexed convention may have annexes of its own.
    ///
    /// ## Why
    /// DOC009 (AKN4UN part 3, attachments; every annex of the General Assembly
    /// texts in the corpus and the extended set is headed so). Security Council
    /// resolutions are left alone: their annexes are often lists and
    /// instruments that keep their own labels (`Annex A`, `Annex B` in
    /// resolution 2231 (2015)).
    ///
    /// ## Example
    /// `Appendix` or `Annex A` heading the only annex should be `Annex`.
    ///
    /// ## Fix
    /// Write the heading as `Annex`, or `Annex` with the roman number of its
    /// place.
    pub struct AnnexHeadings {
        code: "DOC009",
        severity: Warning,
    }
}

/// An annex heading split into its word, its label and what follows.
struct Heading<'a> {
    line: usize,
    /// Byte range of the word and label (`Annex II`) in the line.
    start: usize,
    end: usize,
    word: &'a str,
    label: Option<&'a str>,
}

fn heading(line: usize, text: &str, body_start: usize) -> Option<Heading<'_>> {
    let body = &text[body_start..];
    let word_len = body.find([' ', '\t', ':', '–', '—']).unwrap_or(body.len());
    let word = &body[..word_len];
    let rest = &body[word_len..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let after = &rest[gap..];
    let label_len = after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len());
    // A label is a short token (`II`, `A`, `1`), not the first word of a title.
    let label = (gap > 0 && label_len > 0 && label_len <= 6)
        .then(|| &after[..label_len])
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        });
    let end = body_start + word_len + label.map_or(0, |l| gap + l.len());
    Some(Heading {
        line,
        start: body_start,
        end,
        word,
        label,
    })
}

/// `n` as an upper-case roman numeral (`II`).
fn roman(n: usize) -> String {
    to_roman(n as u32).to_uppercase()
}

/// The value of an upper-case roman numeral (`IV` → 4).
fn roman_value(label: &str) -> Option<u32> {
    structure::roman_value(&label.to_lowercase())
}

impl Rule for AnnexHeadings {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads annex heading lines only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if context.security_council() {
            return;
        }
        let headings: Vec<Heading<'_>> = context
            .tree
            .iter()
            // An annex that starts without a heading line is not headed wrongly.
            .filter(|(_, line, role)| {
                matches!(role, Role::AnnexHeading { .. }) && line.shape == LineShape::AnnexHeading
            })
            .filter_map(|(index, line, _)| heading(index, &line.text, line.body_start))
            .collect();
        // Unnumbered headings may stand above numbered ones: an annexed
        // convention with annexes of its own (A/RES/77/100). So the numbered
        // headings are counted among themselves.
        let mut numbered = 0;
        for heading in &headings {
            let written = &context.tree.lines()[heading.line].text[heading.start..heading.end];
            let roman_number = heading.label.and_then(roman_value);
            if roman_number.is_some() {
                numbered += 1;
            }
            let expected = match heading.label {
                Some(_) if headings.len() > 1 => format!("Annex {}", roman(numbered.max(1))),
                _ => "Annex".to_owned(),
            };
            let message = if heading.word != "Annex" {
                format!(
                    "A resolution's annex is headed `{expected}`, not `{}`",
                    heading.word
                )
            } else {
                match (heading.label, roman_number) {
                    (Some(_), None) => format!(
                        "Annexes are numbered with roman numerals: `{expected}`, not `{written}`"
                    ),
                    (Some(_), Some(_)) if headings.len() == 1 => {
                        "A single annex is headed `Annex`, without a number".to_owned()
                    }
                    (Some(_), Some(value)) if value != numbered as u32 => {
                        format!("This is numbered annex {numbered}: `{expected}`, not `{written}`")
                    }
                    _ => continue,
                }
            };
            sink.report(Span::new(heading.line, heading.start, heading.end), message)
                .with_fix(Fix::write(
                    Span::new(heading.line, heading.start, heading.end),
                    expected,
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const HEAD: &str = "\tThe General Assembly,\n\tRecalling its resolution 68/230 of 20 December 2013,\n\t1.\tAdopts the text annexed to the present resolution.\n\n64th plenary meeting\n5 December 2014\n\n";

    #[test]
    fn wrong_word_and_letter_labels() {
        check(&format!(
            "{HEAD}Appendix\n^^^^^^^^ DOC009\n\tText of the annex."
        ));
        check(&format!(
            "{HEAD}Annex A\n^^^^^^^ DOC009\n\tText of the annex."
        ));
        check(&format!(
            "{HEAD}Annex I\n^^^^^^^ DOC009\n\tText of the only annex."
        ));
    }

    #[test]
    fn several_annexes_in_order() {
        check(&format!(
            "{HEAD}Annex I\n\tFirst annex.\n\nAnnex III\n^^^^^^^^^ DOC009\n\tSecond annex."
        ));
        check(&format!(
            "{HEAD}Annex I\n\tFirst annex.\n\nAnnex II\n\tSecond annex."
        ));
        check(&format!("{HEAD}Annex\n\tThe only annex."));
        // An annexed convention with annexes of its own.
        check(&format!(
            "{HEAD}Annex\n\tConvention.\n\tAnnex I\n\tForm.\n\tAnnex II\n\tCertificate."
        ));
    }

    #[test]
    fn security_council_annexes_keep_their_labels() {
        check(
            "\tThe Security Council,\n\tRecalling its resolution 2231 (2015),\n\t1.\tDecides to remain seized of the matter.\n\nAnnex A\n\tText.\n\nAnnex B\n\tText.",
        );
    }

    #[test]
    fn fix_writes_the_heading() {
        let fixed = apply_fix(&format!("{HEAD}Appendix\n\tText of the annex."), "DOC009");
        assert!(fixed.contains("\n\nAnnex\n\tText"), "{fixed}");
    }
}
