use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::citation::CitedItem;
use crate::analysis::date::Date;
use crate::analysis::symbol::Organ;

declare_rule! {
    /// ## What it checks
    /// Resolutions cited together in one list are listed oldest first. The date of
    /// each item is the date the text gives or, when it gives none, the date in the
    /// record. One hint per list, at the first item out of order. Security Council
    /// texts often list their own resolutions newest first; a list that is wholly
    /// in reverse order is accepted in them.
    ///
    /// ## Why
    /// CIT004 (attested in adopted texts: the seed's "57/270 B of 23 June 2003,
    /// 60/212 of 22 December 2005, … 67/227 of 21 December 2012"). A hint: adopted
    /// texts sometimes group by subject instead.
    ///
    /// ## Example
    /// `resolutions 67/227 of 21 December 2012 and 57/270 B of 23 June 2003`
    ///
    /// ## Fix
    /// Reorder the list oldest first.
    pub struct ChronologicalOrder {
        code: "CIT004",
        severity: Hint,
    }
}

impl Rule for ChronologicalOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the citations and the record only.
    fn reads(&self) -> Reads {
        Reads::CITATIONS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        for citation in &context.citations.list {
            if citation.items.len() < 2 || citation.quoted {
                continue;
            }
            let dated: Vec<(Date, &CitedItem)> = citation
                .items
                .iter()
                .filter_map(|item| {
                    let date = item.date.or_else(|| {
                        item.symbols
                            .first()
                            .and_then(|s| context.catalog.get(s))
                            .and_then(|r| r.adoption_date())
                    })?;
                    Some((date, item))
                })
                .collect();
            let newest_first = dated.windows(2).all(|pair| pair[0].0 >= pair[1].0);
            if newest_first && context.citations.citing == Some(Organ::SecurityCouncil) {
                continue;
            }
            let mut latest: Option<(Date, &CitedItem)> = None;
            for &(date, item) in &dated {
                match latest {
                    Some((previous, previous_item)) if date < previous => {
                        sink.report(
                            item.span,
                            format!(
                                "Cite resolutions oldest first: {} ({date}) is older than {} ({previous}) before it",
                                item.text, previous_item.text
                            ),
                        );
                        break;
                    }
                    _ => latest = Some((date, item)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn out_of_order() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 67/227 of 21 December 2012 and 57/270 B of 23 June 2003,\n\t                                                         ^^^^^^^^ CIT004\n\tRecalling further its resolutions 66/219 of 22 December 2011, 63/233 of 19 December 2008 and 60/212 of 22 December 2005,\n\t                                                              ^^^^^^ CIT004\n\tRecalling also its resolutions 62/209 of 19 December 2007 and 64/1 of 6 October 2009,\n\t1.\tDecides.",
        );
    }

    #[test]
    fn council_lists_newest_first() {
        check(
            "\tThe Security Council,\n\tRecalling its resolutions 2374 (2017), 2364 (2017) and 2359 (2017),\n\tRecalling also its resolutions 2653 (2022), 2743 (2024), 2699 (2023) and 2751 (2024),\n\t                                                         ^^^^^^^^^^^ CIT004\n\t1.\tDecides to remain seized of the matter.",
        );
    }

    #[test]
    fn record_dates_fill_in() {
        check(
            "\tThe General Assembly,\n\tRecalling its resolutions 64/222 of 21 December 2009 and 33/134,\n\t                                                         ^^^^^^ CIT004\n\t                                                         ^^^^^^ CIT001\n\t1.\tDecides.",
        );
    }
}
