use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::date::Date;
use crate::syntax::{LineShape, Role, Span};

declare_rule! {
    /// ## What it checks
    /// The date in the adoption line ("Resolution adopted by the General
    /// Assembly on 20 December 2013") equals the date under the closing meeting
    /// line. The masthead's issue date is not compared: the A/RES document is
    /// issued later than the resolution is adopted.
    ///
    /// ## Why
    /// DOC013 (attested: the seed is adopted on 20 December 2013 and issued on
    /// 7 February 2014). Two different adoption dates in one resolution are a
    /// copying error.
    ///
    /// ## Example
    /// Adoption line "… on 20 December 2013", closing line "19 December 2013".
    ///
    /// ## Fix
    /// Write the closing date as the adoption line gives it (check which is
    /// right).
    pub struct AdoptionDate {
        code: "DOC013",
        severity: Error,
    }
}

/// The date at the end of an adoption line, with its byte range.
fn adoption_date(text: &str) -> Option<(Date, usize)> {
    let at = text.rfind(" on ")? + 4;
    let date = Date::parse_text(text[at..].trim_end())?;
    Some((date, at))
}

impl Rule for AdoptionDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the adoption line and the closing date only.
    fn reads(&self) -> Reads {
        Reads::NONE
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let tree = context.tree;
        // The adoption date of the current part (composite parts and texts
        // adopted on several days carry an adoption line each).
        let mut adopted: Option<(Date, Span)> = None;
        for (index, line, role) in tree.iter() {
            match role {
                Role::Header
                    if line.shape == LineShape::AdoptionLine
                        && line.text.starts_with("Resolution adopted by") =>
                {
                    if let Some((date, at)) = adoption_date(&line.text) {
                        let span = Span::new(index, at, line.text.trim_end().len());
                        adopted = Some((date, span));
                    }
                }
                Role::ClosingDate => {
                    let Some((date, adoption)) = adopted else {
                        continue;
                    };
                    let text = line.text.trim();
                    let Some(closing) = Date::parse_text(text) else {
                        continue;
                    };
                    if closing == date {
                        continue;
                    }
                    let span = Span::new(index, line.indent, line.indent + text.len());
                    let wanted = format!("{} {} {}", date.day, date.month_name(), date.year);
                    sink.report(
                        span,
                        format!("The closing date differs from the adoption date, {wanted}"),
                    )
                    .with_related(adoption, "the adoption line's date")
                    .with_fix(Fix::write(span, wanted));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "Resolution adopted by the General Assembly on 20 December 2013\n68/230.\tSouth-South cooperation\n\tThe General Assembly\n\t1.\tDecides.\n\n71st plenary meeting\n19 December 2013\n^^^^^^^^^^^^^^^^ DOC013";

    #[test]
    fn closing_date_differs() {
        check(TEXT);
        check(
            &TEXT
                .replace("19 December", "20 December")
                .replace("\n^^^^^^^^^^^^^^^^ DOC013", ""),
        );
    }

    #[test]
    fn fix_writes_the_adoption_date() {
        assert!(apply_fix(TEXT, "DOC013").ends_with("\n20 December 2013"));
    }
}
