use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::ordinal_words;
use crate::syntax::{Role, Span};

declare_rule! {
    /// ## What it checks
    /// The masthead fields: `Distr.: General` or `Distr.: Limited` (full stop
    /// and colon); the session as a spelled-out ordinal with a capital
    /// (`Sixty-eighth session`, not `68th session`); the agenda item as
    /// `Agenda item 24 (b)`, with "item" in lower case and a space before the
    /// sub-item letter in parentheses.
    ///
    /// ## Why
    /// DOC012 (attested in every adopted text's masthead; DHL symbols guide for
    /// limited distribution).
    ///
    /// ## Example
    /// `Distr: Limited` · `68th session` · `Agenda item 24(b)` · `Agenda Item 24 b)`.
    ///
    /// ## Fix
    /// Write the field in its standard form.
    pub struct MastheadFields {
        code: "DOC012",
        severity: Warning,
    }
}

/// The standard form of a `Distr` line, if it is one that needs correcting.
fn distribution(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Distr")?;
    let kind = rest.trim_start_matches(['.', ':', ' ']);
    let wanted = match kind.to_ascii_lowercase().as_str() {
        "general" => "Distr.: General",
        "limited" => "Distr.: Limited",
        "restricted" => "Distr.: Restricted",
        _ => return None,
    };
    (text != wanted).then(|| wanted.to_owned())
}

/// The standard form of a session line written with figures or in lower case
/// (`68th session`, `sixty-eighth session`).
fn session(text: &str) -> Option<String> {
    let ordinal = text.strip_suffix(" session")?;
    if ordinal.contains(' ') {
        return None;
    }
    let digits = ordinal.bytes().take_while(u8::is_ascii_digit).count();
    let words = if digits > 0 {
        let suffix = &ordinal[digits..];
        if !matches!(suffix, "st" | "nd" | "rd" | "th" | "") {
            return None;
        }
        ordinal_words(ordinal[..digits].parse().ok()?)?
    } else if ordinal.starts_with(|c: char| c.is_ascii_lowercase())
        && ordinal.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && (1..=99).any(|n| ordinal_words(n).as_deref() == Some(ordinal))
    {
        ordinal.to_owned()
    } else {
        return None;
    };
    let mut chars = words.chars();
    let first = chars.next()?.to_ascii_uppercase();
    Some(format!("{first}{} session", chars.as_str()))
}

/// The standard form of an agenda line (`Agenda Item 24(b)` → `Agenda item 24
/// (b)`), when it differs.
fn agenda(text: &str) -> Option<String> {
    let (head, rest) = text.split_at_checked(12)?;
    if !head.eq_ignore_ascii_case("agenda item ") || !head.starts_with('A') {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let (number, tail) = rest.split_at(digits);
    let letter = tail
        .trim_start()
        .trim_start_matches('(')
        .trim_end_matches(')');
    let sub = match letter {
        "" => String::new(),
        l if l.len() <= 2 && l.chars().all(|c| c.is_ascii_lowercase()) => format!(" ({l})"),
        _ => return None,
    };
    let wanted = format!("Agenda item {number}{sub}");
    (wanted != text).then_some(wanted)
}

impl Rule for MastheadFields {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads header lines only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for (index, line, role) in context.tree.iter() {
            if role != Role::Header {
                continue;
            }
            let text = line.text.trim();
            let Some(wanted) = distribution(text)
                .or_else(|| session(text))
                .or_else(|| agenda(text))
            else {
                continue;
            };
            let span = Span::new(index, line.indent, line.indent + text.len());
            sink.report(span, format!("Write the masthead field as `{wanted}`"))
                .with_fix(Fix::write(span, wanted));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{agenda, distribution, session};
    use crate::analysis::rules::fixture::{apply_fix, check};

    #[test]
    fn field_forms() {
        assert_eq!(
            distribution("Distr: Limited").as_deref(),
            Some("Distr.: Limited")
        );
        assert_eq!(distribution("Distr.: General"), None);
        assert_eq!(
            session("68th session").as_deref(),
            Some("Sixty-eighth session")
        );
        assert_eq!(
            session("sixty-eighth session").as_deref(),
            Some("Sixty-eighth session")
        );
        assert_eq!(session("Sixty-eighth session"), None);
        assert_eq!(session("Tenth emergency special session"), None);
        assert_eq!(
            agenda("Agenda item 24(b)").as_deref(),
            Some("Agenda item 24 (b)")
        );
        assert_eq!(
            agenda("Agenda Item 24 b)").as_deref(),
            Some("Agenda item 24 (b)")
        );
        assert_eq!(agenda("Agenda item 24 (b)"), None);
        assert_eq!(agenda("Agenda item 59"), None);
    }

    const DRAFT: &str = "United Nations\nA/C.2/68/L.45\nGeneral Assembly\nDistr: Limited\n^^^^^^^^^^^^^^ DOC012\n68th session\n^^^^^^^^^^^^ DOC012\nAgenda item 24(b)\n^^^^^^^^^^^^^^^^^ DOC012\nJapan: draft resolution\n\tThe General Assembly\n\t1.\tDecides.";

    #[test]
    fn masthead_of_a_draft() {
        check(DRAFT);
    }

    #[test]
    fn fix_writes_the_field() {
        assert!(apply_fix(DRAFT, "DOC012").contains("\nDistr.: Limited\n"));
    }
}
