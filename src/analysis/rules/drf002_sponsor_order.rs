use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::is_official_country_name;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// The sponsors of a draft are listed in English alphabetical order of
    /// their official short names, with "and" before the last and no serial
    /// comma: `Benin, Bosnia and Herzegovina, Chile, Portugal and Qatar: draft
    /// resolution`. A group stands as `Fiji (on behalf of the Group of 77 and
    /// China)`, sorted under the State's name. Only drafts are checked.
    ///
    /// ## Why
    /// DRF002 (attested in sponsor lines of L-documents; the Editorial Manual
    /// orders signatories the same way). Names such as "Bosnia and Herzegovina"
    /// are read whole: the official names of `data/style/countries.tsv` decide
    /// where the last "and" splits the list. Unofficial names ("Vietnam") are
    /// STY014's.
    ///
    /// ## Example
    /// `Qatar, Benin and Chile: draft resolution` · `Benin, Chile, and Qatar:
    /// draft resolution`.
    ///
    /// ## Fix
    /// Remove the serial comma; for the order, the list sorted.
    pub struct SponsorOrder {
        code: "DRF002",
        severity: Warning,
    }
}

/// Byte ranges of `", "` separators outside parentheses.
fn separators(list: &str, needle: &str) -> Vec<usize> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    for (at, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 && list[at..].starts_with(needle) => out.push(at),
            _ => {}
        }
    }
    out
}

/// A sponsor's name without its group: `Fiji (on behalf of …)` → `Fiji`.
fn state_name(item: &str) -> &str {
    match item.find(" (on behalf of") {
        Some(at) => &item[..at],
        None => item,
    }
}

/// The sponsors as byte ranges of `list`, with whether a serial comma precedes
/// the last.
fn sponsors(list: &str) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut items = Vec::new();
    let mut start = 0;
    for at in separators(list, ", ") {
        items.push((start, at));
        start = at + 2;
    }
    let mut serial = None;
    let last = &list[start..];
    if let Some(rest) = last.strip_prefix("and ") {
        // `Benin, Chile, and Qatar`: the comma before the "and".
        serial = Some(start - 2);
        items.push((start + 4, start + 4 + rest.len()));
        return (items, serial);
    }
    let splits = separators(last, " and ");
    let split = splits
        .iter()
        .find(|&&at| is_official_country_name(state_name(&last[at + 5..])))
        .or_else(|| {
            (!is_official_country_name(state_name(last)))
                .then(|| splits.last())
                .flatten()
        });
    match split {
        Some(&at) => {
            items.push((start, start + at));
            items.push((start + at + 5, list.len()));
        }
        None => items.push((start, list.len())),
    }
    (items, serial)
}

/// The English collation key of a name: letters folded to ASCII, lower case,
/// apostrophes and other marks ignored.
fn collation_key(name: &str) -> String {
    state_name(name)
        .chars()
        .filter_map(|c| {
            let base = match c {
                'à'..='å' | 'À'..='Å' => 'a',
                'ç' | 'Ç' => 'c',
                'è'..='ë' | 'È'..='Ë' => 'e',
                'ì'..='ï' | 'Ì'..='Ï' => 'i',
                'ò'..='ö' | 'Ò'..='Ö' => 'o',
                'ù'..='ü' | 'Ù'..='Ü' => 'u',
                c if c.is_alphanumeric() || c == ' ' => c.to_ascii_lowercase(),
                _ => return None,
            };
            Some(base)
        })
        .collect()
}

impl Rule for SponsorOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the sponsor line (a header line) only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.kind().is_draft() {
            return;
        }
        let Some(index) = context.tree.kind().sponsor_line else {
            return;
        };
        let line = &context.tree.lines()[index];
        let Some(colon) = line.text.rfind(':') else {
            return;
        };
        let start = line.indent;
        if start >= colon || line.text[start..].to_lowercase().starts_with("sponsors") {
            return;
        }
        let list = &line.text[start..colon];
        let (items, serial) = sponsors(list);
        if let Some(at) = serial {
            let span = Span::new(index, start + at, start + at + 1);
            sink.report(span, "No serial comma before the last sponsor")
                .with_fix(Fix::write(span, ""));
        }
        let names: Vec<&str> = items.iter().map(|&(a, b)| &list[a..b]).collect();
        let Some(wrong) = names
            .windows(2)
            .position(|pair| collation_key(pair[0]) > collation_key(pair[1]))
        else {
            return;
        };
        let (a, b) = items[wrong + 1];
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| collation_key(name));
        let rewritten = match sorted.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => return,
        };
        sink.report(
            Span::new(index, start + a, start + b),
            format!(
                "Sponsors are listed in English alphabetical order: `{}` comes before `{}`",
                names[wrong + 1],
                names[wrong]
            ),
        )
        .with_fix(Fix::write(Span::new(index, start, colon), rewritten));
    }
}

#[cfg(test)]
mod tests {
    use super::sponsors;
    use crate::analysis::rules::fixture::{apply_fix, check};

    const BODY: &str = "\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tDecides.";

    fn names(list: &str) -> Vec<&str> {
        sponsors(list).0.iter().map(|&(a, b)| &list[a..b]).collect()
    }

    #[test]
    fn names_with_and_are_read_whole() {
        assert_eq!(
            names("Benin, Bosnia and Herzegovina, Chile and Trinidad and Tobago"),
            [
                "Benin",
                "Bosnia and Herzegovina",
                "Chile",
                "Trinidad and Tobago"
            ]
        );
        assert_eq!(names("Antigua and Barbuda"), ["Antigua and Barbuda"]);
        assert_eq!(
            names("Fiji (on behalf of the Group of 77 and China) and Japan"),
            ["Fiji (on behalf of the Group of 77 and China)", "Japan"]
        );
    }

    #[test]
    fn order_and_serial_comma() {
        check(&format!(
            "Benin, Bosnia and Herzegovina, Chile, Portugal and Qatar: draft resolution{BODY}"
        ));
        check(&format!(
            "Qatar, Benin and Chile: draft resolution\n       ^^^^^ DRF002{BODY}"
        ));
        check(&format!(
            "Benin, Chile, and Qatar: draft resolution\n            ^ DRF002{BODY}"
        ));
        check(&format!(
            "Côte d’Ivoire, Cuba and Türkiye: draft resolution{BODY}"
        ));
    }

    #[test]
    fn fix_sorts_the_list() {
        let fixed = apply_fix(
            &format!("Qatar, Benin and Chile: draft resolution{BODY}"),
            "DRF002",
        );
        assert!(fixed.starts_with("Benin, Chile and Qatar: draft resolution\n"));
    }
}
