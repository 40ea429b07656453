use super::{Line, LineRule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::style::{Entry, StyleLine, in_case_of};
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// Compounds as the adopted texts write them (`data/style/compounds.tsv`):
    /// closed (`cooperation`, `subregional`, `peacekeeping`, `policymaking`) or
    /// hyphenated (`non-governmental`, `well-being`, `decision-making`,
    /// `capacity-building`, `South-South cooperation`). A dictionary, not a
    /// complete rule set, so the rule only informs; a pair is not reported when
    /// the words after it show it is no compound ("evidence based on").
    /// Proper names keep their spelling ("Organisation for Economic Co-operation
    /// and Development").
    ///
    /// ## Why
    /// STY013 (`ATTESTED`: the seed A/RES/68/230 and other adopted texts; `MEM`
    /// for decision-making, follow-up and capacity-building).
    ///
    /// ## Example
    /// `co-operation` → `cooperation` · `sub-regional` → `subregional` ·
    /// `non governmental` → `non-governmental`.
    ///
    /// ## Fix
    /// Write the attested form.
    pub struct Compounds {
        code: "STY013",
        severity: Information,
    }
}

impl LineRule for Compounds {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_line(&self, line: &Line<'_>, sink: &mut Sink<'_>) {
        let Some(style) = line.style() else {
            return;
        };
        check_line(style, sink);
    }
}

fn check_line(line: &StyleLine<'_>, sink: &mut Sink<'_>) {
    let text = line.text();
    for hit in line.hits.iter() {
        let Entry::Compound(compound) = hit.entry else {
            continue;
        };
        let (start, end) = (hit.start, hit.end);
        let next = text[end..].split_whitespace().next().unwrap_or("");
        if compound.unless_next.contains(&next) || line.shielded(start, end) {
            continue;
        }
        let right = in_case_of(&text[start..end], compound.right);
        let span = Span::new(line.index, start, end);
        sink.report(span, format!("Adopted texts write `{right}`"))
            .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tWelcomes the co-operation of sub-regional and non governmental organizations;
\t                ^^^^^^^^^^^^ STY013
\t                                ^^^^^^^^^^^^ STY013
\t                                                 ^^^^^^^^^^^^^^^^ STY013
\t2.\tNotes the evidence based on reports and the Organisation for Economic Co-operation and Development.";

    #[test]
    fn attested_compounds() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_the_compound() {
        assert!(apply_fix(TEXT, "STY013").contains("the cooperation of"));
    }
}
