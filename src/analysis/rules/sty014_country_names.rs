use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Reads, Rule, RuleMeta, Sink, declare_rule};
use crate::analysis::Fix;
use crate::analysis::date::Date;
use crate::analysis::style::{self, CountryForm, CountryUse, StyleLine};
use crate::syntax::{Role, Span, Tree};

declare_rule! {
    /// ## What it checks
    /// The names of Member States and observer States as the Organization lists
    /// them (`data/style/countries.tsv`, from the UN's voting records and the
    /// adopted texts): `Viet Nam`, not `Vietnam`; `Republic of Korea`, not `South
    /// Korea`; `Côte d'Ivoire`, `Türkiye` (since 1 June 2022), `United Republic of
    /// Tanzania`, `Guinea-Bissau`, `Democratic Republic of the Congo`. A form
    /// inside a longer official name is never reported ("Niger" in "Nigeria",
    /// "Guinea" in "Papua New Guinea", "Iran" in "Islamic Republic of Iran"), nor
    /// one followed by a capitalized word (a proper name: "Netherlands Institute
    /// for the Law of the Sea"), in a quotation, a footnote or an annex, nor a
    /// party's name in the name of a case ("The Gambia v. Myanmar"). A former
    /// name is reported only in texts adopted after the change (undated drafts
    /// use today's names), and not where the clause dates what it names before
    /// the change ("the Summit held in Istanbul, Turkey, on 23 and 24 May 2016",
    /// as 13 of the 15 later General Assembly texts write it). Security Council
    /// practice is accepted in Council texts: "Iran", "Syria", "the United
    /// States", "the United Kingdom", "Russia", "Tanzania" (33 times in 16
    /// Council texts, 15 of which never write the full name); other texts may
    /// use these short forms after the full name
    /// ("the United States of America … the United States") and as modifiers
    /// ("United States dollars"). The abbreviations "DRC", "CAR" and "DPRK" are
    /// accepted in Council texts and in texts that define them ("Central African
    /// Republic (CAR)").
    ///
    /// ## Why
    /// STY014 (`OFFICIAL` principle: UNTERM, and the DGACM quality checks flag
    /// names that do not match the official records; `PRACTICE` list, built from
    /// the UN's own voting lists and checked against 3,579 adopted texts).
    ///
    /// ## Example
    /// `Vietnam` → `Viet Nam` · `Ivory Coast` → `Côte d’Ivoire` · `the UK` →
    /// `the United Kingdom of Great Britain and Northern Ireland`.
    ///
    /// ## Fix
    /// Write the official name (for names the list gives as `Iran (Islamic
    /// Republic of)`, their running-text form `the Islamic Republic of Iran`).
    pub struct CountryNames {
        code: "STY014",
        severity: Warning,
    }
}

impl Rule for CountryNames {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reads the lines that name a country (and may define an abbreviation of one) whole, and nothing of the others.
    fn reads(&self) -> Reads {
        Reads::COUNTRIES
    }

    fn check(&self, context: &Context<'_>, sink: &mut Sink<'_>) {
        let document = Document {
            tree: context.tree,
            council: context.security_council(),
            date: OnceCell::new(),
            defined: OnceCell::new(),
            first_full_names: OnceCell::new(),
        };
        for line in context.style_lines() {
            check_line(line, &document, sink);
        }
    }
}

/// What the whole text says about which forms it may use, each read from the
/// text the first time a form asks for it.
struct Document<'t> {
    tree: &'t Tree,
    council: bool,
    date: OnceCell<Option<Date>>,
    /// Abbreviations the text defines, such as "(DRC)".
    defined: OnceCell<Vec<&'static str>>,
    /// Where each official name first appears: a short form of the Council's
    /// practice may follow it ("the United States of America … the United States").
    first_full_names: OnceCell<HashMap<&'static str, (usize, usize)>>,
}

fn first_full_names(tree: &Tree) -> HashMap<&'static str, (usize, usize)> {
    let mut out = HashMap::new();
    for (index, line, _) in tree.iter() {
        for (start, _, form) in style::countries(&line.text, 0) {
            if form.use_ == CountryUse::Official {
                out.entry(form.official).or_insert((index, start));
            }
        }
    }
    out
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[1-9]|[12][0-9]|3[01]) (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)[0-9]{2}\b")
        .expect("valid regex")
});

/// The date of the text: the first date of its masthead or adoption line, or
/// its closing date; `None` for a draft without one.
fn adoption_date(tree: &Tree) -> Option<Date> {
    tree.iter()
        .filter(|(_, _, role)| matches!(role, Role::Header | Role::ClosingDate))
        .find_map(|(_, line, _)| Date::parse_text(DATE.find(&line.text)?.as_str()))
}

fn defined_abbreviations(tree: &Tree) -> Vec<&'static str> {
    let abbreviations: Vec<&'static str> = ["CAR", "DRC", "DPRK"]
        .into_iter()
        .filter(|form| style::countries(form, 0).any(|(_, _, f)| f.use_ == CountryUse::Defined))
        .collect();
    abbreviations
        .into_iter()
        .filter(|form| {
            let forms = [
                format!("({form})"),
                format!("(“{form}”)"),
                format!("(\"{form}\")"),
            ];
            tree.lines()
                .iter()
                .any(|line| forms.iter().any(|f| line.text.contains(f.as_str())))
        })
        .collect()
}

impl Document<'_> {
    fn accepts(&self, form: &CountryForm, at: (usize, usize)) -> bool {
        match form.use_ {
            CountryUse::Official => true,
            CountryUse::Flag => false,
            CountryUse::Council => {
                self.council
                    || self
                        .first_full_names
                        .get_or_init(|| first_full_names(self.tree))
                        .get(form.official)
                        .is_some_and(|first| *first < at)
            }
            CountryUse::Defined => {
                self.council
                    || self
                        .defined
                        .get_or_init(|| defined_abbreviations(self.tree))
                        .contains(&form.form)
            }
            CountryUse::Former(since) => self
                .date
                .get_or_init(|| adoption_date(self.tree))
                .is_some_and(|date| date < since),
        }
    }
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:1[89]|20)[0-9]{2}\b").expect("valid regex"));

/// Does the clause around a former name at `start..end` date what it speaks
/// of before the change, with years close to the name and all earlier than
/// `since` ("held in Istanbul, Turkey, on 23 and 24 May 2016", "committed in
/// East Timor in 1999", "in 2014 and 2019 in the Netherlands")?
fn dated_before(text: &str, start: usize, end: usize, since: Date) -> bool {
    let boundary = |mut at: usize, forward: bool| {
        while !text.is_char_boundary(at) {
            if forward { at += 1 } else { at -= 1 }
        }
        at
    };
    let clause_start = text[..start].rfind([';', ':']).map_or(0, |at| at + 1);
    let clause_end = text[end..]
        .find([';', ':'])
        .map_or(text.len(), |at| end + at);
    let from = boundary(start.saturating_sub(30).max(clause_start), false);
    let to = boundary((end + 40).min(clause_end), true);
    let mut years = YEAR
        .find_iter(&text[from..start])
        .chain(YEAR.find_iter(&text[end..to]))
        .filter_map(|year| year.as_str().parse::<u16>().ok())
        .peekable();
    years.peek().is_some() && years.all(|year| year < since.year)
}

/// The name as running text writes it: `Iran (Islamic Republic of)` →
/// `Islamic Republic of Iran`.
fn running_form(official: &str) -> String {
    match official.strip_suffix(')').and_then(|s| s.split_once(" (")) {
        Some((name, qualifier)) => format!("{qualifier} {name}"),
        None => official.to_owned(),
    }
}

/// Does the text before a form end with a name of two or more capitalized
/// words that the form completes ("United Nations Mission of Support in East
/// Timor", "Special Envoy of the Secretary-General for Syria")?
fn ends_a_name(before: &str) -> bool {
    const LINKS: [&str; 6] = ["of", "for", "in", "the", "and", "on"];
    let mut capitalized = 0;
    for word in before.trim_end().rsplit(' ') {
        if LINKS.contains(&word) {
            continue;
        }
        if !word.starts_with(char::is_uppercase) || word.ends_with([',', ';', ':', '.']) {
            break;
        }
        capitalized += 1;
    }
    capitalized >= 2
}

/// Does the next word show a short form used as a modifier ("United States
/// dollars", "Iran nuclear programme")?
fn modifies(rest: &str) -> bool {
    const MODIFIED: [&str; 20] = [
        "dollar",
        "dollars",
        "federal",
        "judiciary",
        "net",
        "nuclear",
        "citizens",
        "nationals",
        "forces",
        "military",
        "armed",
        "authorities",
        "officials",
        "courts",
        "law",
        "territory",
        "territories",
        "national",
        "sanctions",
        "mainland",
    ];
    rest.strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', ';', '.', ')']).next())
        .is_some_and(|word| MODIFIED.contains(&word))
}

/// Names that running text writes with the article: `the Republic of Korea`.
fn takes_article(name: &str) -> bool {
    const FIRST_WORDS: [&str; 14] = [
        "Republic",
        "Islamic",
        "Kingdom",
        "United",
        "Democratic",
        "Syrian",
        "Central",
        "Russian",
        "Plurinational",
        "Bolivarian",
        "Federated",
        "Lao",
        "Dominican",
        "Holy",
    ];
    FIRST_WORDS
        .iter()
        .any(|w| name.split(' ').next() == Some(*w))
}

fn check_line(line: &StyleLine<'_>, document: &Document<'_>, sink: &mut Sink<'_>) {
    let (text, index) = (line.text(), line.index);
    for (start, end, form) in line.countries() {
        if form.use_ == CountryUse::Official {
            continue;
        }
        // A capitalized word after the form makes it part of a proper name.
        let rest = &text[end..];
        let in_a_name = (rest.starts_with(' ') && rest[1..].starts_with(char::is_uppercase))
            || ends_a_name(&text[..start]);
        // A short form used as a modifier: "United States dollars".
        let modifier = form.use_ == CountryUse::Council && modifies(rest);
        // The name of a case keeps the party's name: "The Gambia v. Myanmar".
        let case = rest.starts_with(" v. ") || text[..start].ends_with(" v. ");
        // A former name for what happened before the change.
        let then =
            matches!(form.use_, CountryUse::Former(since) if dated_before(text, start, end, since));
        if in_a_name
            || modifier
            || case
            || then
            || document.accepts(form, (index, start))
            || line.shielded(start, end)
        {
            continue;
        }
        let mut right = running_form(form.official);
        let written_article = form.form.starts_with("The ") || form.form.starts_with("the ");
        let has_article =
            written_article || text[..start].ends_with("the ") || text[..start].ends_with("The ");
        if written_article || (!has_article && takes_article(&right)) {
            right = format!("the {right}");
        }
        let why = match form.use_ {
            CountryUse::Former(since) => format!("the name since {}", since.iso()),
            _ => "the official name".to_owned(),
        };
        let span = Span::new(index, start, end);
        sink.report(
            span,
            format!("Write `{right}` ({why}), not `{}`", form.form),
        )
        .with_fix(Fix::write(span, right));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::fixture::{apply_fix, check};

    const TEXT: &str = "\tThe General Assembly,
\t1.\tWelcomes the cooperation of Vietnam, South Korea, Nigeria, the Niger and Papua New Guinea;
\t                               ^^^^^^^ STY014
\t                                        ^^^^^^^^^^^ STY014
\t2.\tCalls upon Iran, the Islamic Republic of Iran and the Netherlands Institute to act.
\t              ^^^^ STY014";

    #[test]
    fn official_names() {
        check(TEXT);
    }

    #[test]
    fn fix_writes_the_official_name() {
        assert!(apply_fix(TEXT, "STY014").contains("cooperation of Viet Nam,"));
    }

    #[test]
    fn fix_adds_the_article() {
        let text = "\tThe General Assembly,\n\t1.\tInvites South Korea and the UK to act.";
        let fixed = apply_fix(text, "STY014");
        assert!(
            fixed.contains("Invites the Republic of Korea and"),
            "{fixed}"
        );
    }

    #[test]
    fn council_practice_and_defined_abbreviations() {
        check(
            "\tThe Security Council,\n\tRecalling its resolutions on Iran and Syria,\n\t1.\tCalls upon the DRC to act.",
        );
        check(
            "\tThe General Assembly,\n\tRecalling the situation in the Democratic Republic of the Congo (DRC),\n\t1.\tCalls upon the DRC and the CAR to act.\n\t                              ^^^ STY014",
        );
    }

    #[test]
    fn short_forms_after_the_full_name_and_as_modifiers() {
        check(
            "\tThe General Assembly,\n\tRecalling the role of the United States of America,\n\t1.\tNotes that the United States and 1 billion United States dollars are mentioned.",
        );
        check(
            "\tThe General Assembly,\n\t1.\tNotes that the United States acts.\n\t                  ^^^^^^^^^^^^^ STY014",
        );
    }

    #[test]
    fn case_names_and_council_short_forms() {
        check(
            "\tThe General Assembly,\n\t1.\tRecalls the order in the case of The Gambia v. Myanmar.",
        );
        check(
            "\tThe Security Council,\n\t1.\tCommends Kenya, Seychelles and Tanzania for their efforts.",
        );
        check(
            "\tThe General Assembly,\n\t1.\tCommends Kenya, Seychelles and Tanzania.\n\t                                  ^^^^^^^^ STY014",
        );
    }

    #[test]
    fn former_names_for_what_happened_before_the_change() {
        let text = "Resolution adopted by the General Assembly on 1 December 2023\n\tThe General Assembly,\n\tTaking note of the Summit held in Istanbul, Turkey, on 23 and 24 May 2016, and of the violations committed in East Timor in 1999,\n\t1.\tWelcomes the offer of Turkey to host the conference in 2026.\n\t                         ^^^^^^ STY014";
        check(text);
    }

    #[test]
    fn former_names_after_the_change() {
        let before = "Resolution adopted by the General Assembly on 1 December 2021\n\t The General Assembly,\n\t1.\tWelcomes the summit held in Istanbul, Turkey.";
        check(before);
        check(
            "Resolution adopted by the General Assembly on 1 December 2023\n\tThe General Assembly,\n\t1.\tWelcomes the summit held in Istanbul, Turkey.\n\t                                         ^^^^^^ STY014",
        );
    }
}
