use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::syntax::Span;

declare_rule! {
    /// ## What it checks
    /// A draft that cites both an L-document and its revision
    /// (`A/C.3/78/L.12` and `A/C.3/78/L.12/Rev.1`) cites the earlier text where
    /// the revision replaced it: a `/Rev.` replaces the earlier text entirely.
    /// Reported (as information) at each citation of the unrevised symbol.
    /// Only drafts are checked.
    ///
    /// ## Why
    /// DRF006 (DHL symbols guide: final components; a revision replaces the
    /// texts issued before it). Whether a revision exists beyond the ones the
    /// text itself names is not known here, and an `/Add.` (additional
    /// sponsors) or `/Corr.` does not replace the text: both are left to
    /// people.
    ///
    /// ## Example
    /// "… on draft resolution A/C.3/78/L.12 …" in a text that also names
    /// `A/C.3/78/L.12/Rev.1`.
    ///
    /// ## Fix
    /// Cite the latest revision the text names.
    pub struct SupersededDraft {
        code: "DRF006",
        severity: Information,
    }
}

static DRAFT_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[AES]/(?:[A-Z0-9.]+/)*L\.[1-9][0-9]*(?:/Rev\.([1-9][0-9]*))?")
        .expect("valid regex")
});

impl Rule for SupersededDraft {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the draft symbols in any line.
    fn reads(&self) -> Reads {
        Reads::DRAFT_SYMBOLS
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        if !context.kind().is_draft() {
            return;
        }
        let tree = context.tree;
        let mut latest: std::collections::HashMap<String, u32> = Default::default();
        let mut found = Vec::new();
        for (index, line, _) in tree.iter() {
            for c in DRAFT_SYMBOL.captures_iter(&line.text) {
                let whole = c.get(0).expect("match");
                let revision: u32 = c.get(1).map_or(0, |r| r.as_str().parse().unwrap_or(0));
                let base = match whole.as_str().find("/Rev.") {
                    Some(at) => &whole.as_str()[..at],
                    None => whole.as_str(),
                };
                // `A/C.3/78/L.12/Add.1` is not the base text itself.
                let followed = &line.text[whole.end()..];
                if followed.starts_with("/Add.") || followed.starts_with("/Corr.") {
                    continue;
                }
                let entry = latest.entry(base.to_owned()).or_default();
                *entry = (*entry).max(revision);
                found.push((index, whole.start(), whole.end(), base.to_owned(), revision));
            }
        }
        // The masthead names the document itself, which is the latest.
        let own = tree.kind().symbol_line;
        let mut reported = HashSet::new();
        for (index, start, end, base, revision) in found {
            let newest = latest[&base];
            if revision >= newest || Some(index) == own || !reported.insert((index, start)) {
                continue;
            }
            let span = Span::new(index, start, end);
            let wanted = format!("{base}/Rev.{newest}");
            sink.report(
                span,
                format!("This text is replaced by its revision `{wanted}`"),
            )
            .with_fix(Fix::write(span, wanted));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::check;

    #[test]
    fn superseded_draft_cited() {
        check(
            "Japan: draft resolution\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of draft resolution A/C.3/78/L.12;\n\t                                  ^^^^^^^^^^^^^ DRF006\n\t2.\tDecides to act on draft resolution A/C.3/78/L.12/Rev.1.",
        );
        check(
            "Japan: draft resolution\nSouth-South cooperation\n\tThe General Assembly,\n\tRecalling its resolution 64/222,\n\t1.\tTakes note of draft resolution A/C.3/78/L.12 and A/C.3/78/L.12/Add.1.",
        );
    }
}
