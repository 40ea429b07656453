//! Generated resolutions, for benchmarks and property tests.
//!
//! The corpus has one very large resolution and many small ones; benchmarks and
//! property tests also need documents of any chosen size. [`omnibus`] writes a
//! deterministic General Assembly resolution in the layout of the corpus texts:
//! title line, organ line, preambular paragraphs, numbered operative paragraphs
//! (some with `(a)`, `(b)` subparagraphs and glued footnote markers), the closing
//! meeting and date lines, and the footnote texts. It is consistent by
//! construction (numbering in sequence, every marker has its footnote text and the
//! other way round), so the analysis has (almost) nothing to report on it and a
//! benchmark measures the work done on a clean document. No randomness crate: a
//! fixed-seed linear congruential generator chooses the wording, so the same
//! `paragraphs` always gives the same text.

/// Knuth's MMIX linear congruential generator with a fixed seed.
struct Lcg(u64);

impl Lcg {
    fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: usize) -> usize {
        (self.step() % bound as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PREAMBULAR_OPENINGS: &[&str] = &[
    "Recalling",
    "Reaffirming",
    "Noting with concern",
    "Welcoming",
    "Recognizing",
    "Bearing in mind",
    "Deeply concerned about",
    "Stressing",
    "Acknowledging",
    "Noting with appreciation",
    "Guided by",
    "Expressing its concern about",
];

/// Verbs followed by who is asked to act: `Calls upon States to …`.
const REQUEST_VERBS: &[&str] = &[
    "Requests",
    "Calls upon",
    "Urges",
    "Encourages",
    "Invites",
    "Also requests",
    "Further invites",
    "Strongly encourages",
];

/// Verbs followed by what the Assembly thinks: `Stresses the importance of …`.
const STATEMENT_VERBS: &[&str] = &[
    "Stresses",
    "Emphasizes",
    "Reaffirms",
    "Recognizes",
    "Underlines",
    "Notes with appreciation",
    "Welcomes",
];

const ACTIONS: &[&str] = &[
    "give priority to",
    "continue to support",
    "redouble efforts to ensure",
    "take concrete measures to advance",
    "consider, as appropriate,",
];

const SUBJECTS: &[&str] = &[
    "Member States",
    "the Secretary-General",
    "the relevant United Nations entities",
    "the international community",
    "the specialized agencies and programmes",
    "regional and subregional organizations",
    "all parties concerned",
    "the Economic and Social Council",
];

const OBJECTS: &[&str] = &[
    "the full and effective implementation of the Programme of Action",
    "the importance of international cooperation and capacity-building",
    "the role of civil society and the private sector",
    "the need for timely, reliable and disaggregated data",
    "the protection and promotion of all human rights and fundamental freedoms",
    "the mobilization of adequate financial resources from all sources",
    "the strengthening of national institutions and administrative capacities",
    "the principles of transparency, accountability and inclusiveness",
    "the sustainable management of natural resources and ecosystems",
    "the commitments made at the major United Nations conferences and summits",
];

const TAILS: &[&str] = &[
    "in accordance with the Charter of the United Nations",
    "at the national, regional and international levels",
    "within existing resources",
    "in close cooperation with the host country",
    "taking into account national circumstances and priorities",
    "with the full participation of women and young people",
    "in a coordinated and coherent manner",
];

const SUB_ITEMS: &[&str] = &[
    "To strengthen cooperation and coordination among all relevant actors",
    "To submit a report on the implementation of the present resolution",
    "To promote the exchange of information and good practices",
    "To support national efforts to build resilience and capacity",
    "To ensure the participation of all stakeholders",
    "To review the progress made and the challenges that remain",
];

const FOOTNOTE_TEXTS: &[&str] = &[
    "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 3",
    "See resolution 70/1",
    "United Nations, Treaty Series, vol. 1520, No. 26360",
    "Report of the Secretary-General on the work of the Organization",
    "Resolution 217 A (III)",
    "See A/79/210, annex",
];

/// At most this many footnotes: glued markers have one or two digits.
const MAX_FOOTNOTES: usize = 90;

/// A resolution symbol whose last number cannot be read as a glued footnote
/// marker (`59/3009` would be `59/300` + marker 9): two digits, or ending in 0.
fn resolution_symbol(rng: &mut Lcg) -> String {
    let session = 50 + rng.below(30);
    let number = if rng.below(2) == 0 {
        10 + rng.below(90)
    } else {
        10 * (10 + rng.below(30))
    };
    format!("{session}/{number}")
}

fn date(rng: &mut Lcg, year: usize) -> String {
    format!(
        "{} {} {year}",
        1 + rng.below(28),
        super::MONTHS[rng.below(super::MONTHS.len())]
    )
}

/// A generated General Assembly resolution with `paragraphs` paragraphs: about a
/// tenth of them preambular (at least one), the rest numbered operative
/// paragraphs (at least one). Subparagraphs, the closing lines and footnote texts
/// come on top. Deterministic: the same argument always gives the same text.
///
/// Used by the `keystroke` benchmark and the incremental-parsing property tests.
pub fn omnibus(paragraphs: usize) -> String {
    let preambular = (paragraphs / 10).max(1);
    let operative = paragraphs.saturating_sub(preambular).max(1);
    // Spread the footnotes evenly over the document.
    let footnote_every = ((preambular + operative) / MAX_FOOTNOTES).max(4);
    let mut rng = Lcg(0x756e_7265_735f_3830);
    let mut footnotes: Vec<String> = Vec::new();
    let mut out = String::with_capacity(220 * (preambular + operative) + 1000);
    out.push_str("80/999.\tGenerated omnibus resolution\n");
    out.push_str("\tThe General Assembly,\n");

    let mut paragraph = 0usize;
    let marker = |rng: &mut Lcg, paragraph: usize, footnotes: &mut Vec<String>| {
        if paragraph % footnote_every == footnote_every / 2 && footnotes.len() < MAX_FOOTNOTES {
            let text = rng.pick(FOOTNOTE_TEXTS);
            footnotes.push(format!("{text}."));
            Some(footnotes.len())
        } else {
            None
        }
    };

    for _ in 0..preambular {
        paragraph += 1;
        let opening = rng.pick(PREAMBULAR_OPENINGS);
        out.push('\t');
        out.push_str(opening);
        match marker(&mut rng, paragraph, &mut footnotes) {
            Some(n) => {
                let year = 2000 + rng.below(24);
                out.push_str(&format!(
                    " the report of the Secretary-General submitted in {year},{n} and {},\n",
                    rng.pick(OBJECTS)
                ));
            }
            None => {
                let symbol = resolution_symbol(&mut rng);
                let year = 1995 + rng.below(29);
                let when = date(&mut rng, year);
                out.push_str(&format!(
                    " its resolution {symbol} of {when} and {},\n",
                    rng.pick(OBJECTS)
                ));
            }
        }
    }

    for number in 1..=operative {
        paragraph += 1;
        let last = number == operative;
        out.push_str(&format!("\t{number}.\t"));
        let with_list = !last && rng.below(8) == 0;
        if with_list {
            out.push_str(&format!(
                "{} {} to take the following measures {}:\n",
                rng.pick(REQUEST_VERBS),
                rng.pick(SUBJECTS),
                rng.pick(TAILS)
            ));
            let items = 2 + rng.below(4);
            for item in 0..items {
                let label = (b'a' + item as u8) as char;
                out.push_str(&format!(
                    "\t({label})\t{} {};\n",
                    rng.pick(SUB_ITEMS),
                    rng.pick(TAILS)
                ));
            }
            continue;
        }
        let end = if last { '.' } else { ';' };
        let line = match marker(&mut rng, paragraph, &mut footnotes) {
            Some(n) => format!(
                "Takes note of the report,{n} and {} {} to implement its recommendations {}{end}",
                rng.pick(REQUEST_VERBS).to_lowercase(),
                rng.pick(SUBJECTS),
                rng.pick(TAILS)
            ),
            None if rng.below(2) == 0 => format!(
                "{} {} to {} {} {}{end}",
                rng.pick(REQUEST_VERBS),
                rng.pick(SUBJECTS),
                rng.pick(ACTIONS),
                rng.pick(OBJECTS),
                rng.pick(TAILS)
            ),
            None => format!(
                "{} {} {}{end}",
                rng.pick(STATEMENT_VERBS),
                rng.pick(OBJECTS),
                rng.pick(TAILS)
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }

    out.push_str("\n71st plenary meeting\n20 December 2013\n");
    if !footnotes.is_empty() {
        out.push_str("\n_______________\n");
        for (index, text) in footnotes.iter().enumerate() {
            out.push_str(&format!("{} {text}\n", index + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Config, analyze};
    use crate::syntax::{Role, Tree};

    #[test]
    fn deterministic() {
        assert_eq!(omnibus(50), omnibus(50));
        assert_ne!(omnibus(50), omnibus(51));
    }

    #[test]
    fn paragraph_counts() {
        let tree = Tree::parse(&omnibus(500));
        let preambular = tree
            .roles()
            .iter()
            .filter(|r| matches!(r, Role::Preambular))
            .count();
        let operative = tree
            .roles()
            .iter()
            .filter(|r| matches!(r, Role::Operative { .. }))
            .count();
        assert_eq!((preambular, operative), (50, 450));
        assert!(tree.roles().contains(&Role::FootnoteText { number: 1 }));
    }

    #[test]
    fn no_numbering_or_footnote_diagnostics() {
        for paragraphs in [1, 10, 500] {
            let text = omnibus(paragraphs);
            let diagnostics = analyze(&Tree::parse(&text), &Config::default());
            let bad: Vec<_> = diagnostics
                .iter()
                .filter(|d| d.code == "NUM001" || d.code == "FTN008")
                .collect();
            assert!(bad.is_empty(), "omnibus({paragraphs}): {bad:#?}");
        }
    }
}
