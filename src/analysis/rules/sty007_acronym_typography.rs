use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::style::{self, Shield};
use crate::analysis::{Edit, Fix, Severity};
use crate::syntax::{LexedLine, Span};

declare_rule! {
    /// ## What it checks
    /// Acronyms are written without full stops (`UNDP`, not `U.N.D.P.`), without
    /// the definite article when they name an organization (`the programmes of
    /// WHO`, not `of the WHO`; the list is `data/style/acronyms.tsv`), and never in
    /// the possessive (`the Commander of UNMIL`, not `UNMIL's Commander`). An
    /// acronym used as a modifier keeps the article of its noun ("the WHO
    /// Framework Convention"), and a treaty's acronym takes one ("the NPT"), so
    /// the article is reported only before listed organizations standing alone.
    /// Security Council texts write the possessive of mission acronyms
    /// throughout ("MONUSCO's mandate", some 2,900 times in adopted texts), so
    /// the possessive is not reported there, and the article before an
    /// organization's acronym ("the IAEA", "the IMO": 227 times in adopted
    /// Council texts, never in General Assembly texts) is only information.
    /// Country abbreviations are STY014's.
    ///
    /// ## Why
    /// STY007 (`OFFICIAL`: the Editorial Manual's rules on abbreviations).
    ///
    /// ## Example
    /// `U.N.D.P.` · `requests the WHO to report` · `UNMIL's Commander`.
    ///
    /// ## Fix
    /// Remove the full stops, or the article; a possessive is reworded by hand
    /// ("the Commander of UNMIL").
    pub struct AcronymTypography {
        code: "STY007",
        severity: Warning,
    }
}

impl Rule for AcronymTypography {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let council = context.security_council();
        for (index, line, _) in style::lines(context) {
            check_line(index, line, council, sink);
        }
    }
}

static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:[A-Z]\.){2,}").expect("valid regex"));
static POSSESSIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z]{2,})[’']s\b").expect("valid regex"));
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Tt]he ([A-Z]{2,})\b").expect("valid regex"));

fn check_line(index: usize, line: &LexedLine, council: bool, sink: &mut Sink<'_>) {
    let text = &line.text;
    let from = line.body_start;
    let mut shield: Option<Shield> = None;
    let mut shielded = |start: usize, end: usize| {
        shield
            .get_or_insert_with(|| Shield::of(text))
            .covers(start, end)
    };
    for found in DOTTED.find_iter(&text[from..]) {
        let (start, end) = (from + found.start(), from + found.end());
        let letters: String = found.as_str().chars().filter(|c| *c != '.').collect();
        // U.N. is STY006's, U.S. and U.K. are country names (STY014).
        let known = style::organization_acronyms().contains_key(letters.as_str());
        let country = style::countries()
            .find(found.as_str(), 0)
            .any(|(s, e, _)| s == 0 && e == found.len());
        if letters == "UN" || country || !(known || letters.len() >= 3) || shielded(start, end) {
            continue;
        }
        let span = Span::new(index, start, end);
        sink.report(
            span,
            format!("Write acronyms without full stops: `{letters}`"),
        )
        .with_fix(Fix::write(span, letters));
    }
    for captures in ARTICLE.captures_iter(&text[from..]) {
        let whole = captures.get(0).expect("group 0");
        let acronym = captures.get(1).expect("group 1");
        let (start, end) = (from + whole.start(), from + whole.end());
        let Some(name) = style::organization_acronyms().get(acronym.as_str()) else {
            continue;
        };
        if !style::stands_alone(&text[end..]) || shielded(start, end) {
            continue;
        }
        let article = Span::new(index, start, from + acronym.start());
        let span = Span::new(index, start, end);
        let level = if council {
            Severity::Information
        } else {
            Severity::Warning
        };
        sink.report_at(
            level,
            span,
            format!(
                "An organization's acronym takes no article: `{}` ({name})",
                acronym.as_str()
            ),
        )
        .with_fix(Fix {
            title: "Remove the article".to_owned(),
            edits: vec![Edit::new(article, "")],
        });
    }
    if council {
        return;
    }
    for captures in POSSESSIVE.captures_iter(&text[from..]) {
        let whole = captures.get(0).expect("group 0");
        let acronym = captures.get(1).expect("group 1").as_str();
        let (start, end) = (from + whole.start(), from + whole.end());
        let country = style::countries()
            .find(acronym, 0)
            .any(|(s, e, _)| s == 0 && e == acronym.len());
        if acronym == "UN" || country || shielded(start, end) {
            continue;
        }
        sink.report(
            Span::new(index, start, end),
            format!("An acronym is not put in the possessive: write `… of {acronym}`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tInvites the U.N.D.P. and the WHO to report, with the WHO Framework Convention;
\t               ^^^^^^^^ STY007
\t                            ^^^^^^^ STY007
\t2.\tWelcomes UNMIL’s work and the Treaty on the Non-Proliferation of Nuclear Weapons, the NPT.
\t            ^^^^^^^ STY007";

    #[test]
    fn stops_articles_and_possessives() {
        check(TEXT);
    }

    #[test]
    fn council_texts_write_possessives() {
        check("\tThe Security Council,\n\t1.\tDecides to extend UNMIL’s mandate.");
    }

    #[test]
    fn fix_removes_the_stops() {
        assert!(apply_fix(TEXT, "STY007").contains("Invites the UNDP and"));
    }
}
