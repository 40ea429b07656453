//! The lines the style rules read, each walked once per analysis: the forms
//! of every list of `data/style/` ([`Lexicon`](super::lexicon::Lexicon)) and the runs of
//! digits. The rules read these findings instead of scanning the line again;
//! the spans they leave alone are computed on the first question about the
//! line and kept for the next rule.

use std::cell::OnceCell;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::lexicon::{Entry, Hit};
use super::lists::{CountryForm, Term, lexicon};
use super::{Shield, reads};
use crate::syntax::{LexedLine, Role, Tree};

/// One line the style rules read.
pub struct StyleLine<'t> {
    pub index: usize,
    pub lexed: &'t LexedLine,
    pub role: Role,
    /// Where the paragraph text starts (clamped to the line).
    pub from: usize,
    /// The forms of the lists in the paragraph text, in order.
    pub hits: Vec<Hit>,
    /// Maximal runs of ASCII digits in the paragraph text: `(start, end)`.
    pub figures: Vec<(usize, usize)>,
    shield: OnceCell<Shield>,
}

impl<'t> StyleLine<'t> {
    pub fn scan(index: usize, lexed: &'t LexedLine, role: Role) -> StyleLine<'t> {
        let text = lexed.text.as_str();
        let from = lexed.body_start.min(text.len());
        let walk = lexicon().walk(text, from);
        StyleLine {
            index,
            lexed,
            role,
            from,
            hits: walk.hits,
            figures: walk.figures,
            shield: OnceCell::new(),
        }
    }

    pub fn text(&self) -> &'t str {
        &self.lexed.text
    }

    /// Does `start..end` lie in a quotation or a proper name that keeps its
    /// owner's spelling?
    pub fn shielded(&self, start: usize, end: usize) -> bool {
        self.shield
            .get_or_init(|| Shield::new(self.text(), &self.hits))
            .covers(start, end)
    }

    /// The terms of `rule` outside shielded spans: `(start, end, term)`.
    pub fn terms_of<'s>(
        &'s self,
        rule: &'s str,
    ) -> impl Iterator<Item = (usize, usize, &'static Term)> + 's {
        self.hits.iter().filter_map(move |hit| match hit.entry {
            Entry::Term(term) if term.rule == rule && !self.shielded(hit.start, hit.end) => {
                Some((hit.start, hit.end, term))
            }
            _ => None,
        })
    }

    /// The forms of names of States: `(start, end, form)`.
    pub fn countries(&self) -> impl Iterator<Item = (usize, usize, &'static CountryForm)> + '_ {
        self.hits.iter().filter_map(|hit| match hit.entry {
            Entry::Country(form) => Some((hit.start, hit.end, form)),
            _ => None,
        })
    }

    /// Is there a pair of figures with exactly `gap` between them (`12,500`
    /// has the gap `,`)?
    pub fn figures_joined_by(&self, gaps: &[&str]) -> bool {
        let text = self.text();
        self.figures
            .windows(2)
            .any(|pair| gaps.contains(&&text[pair[0].1..pair[1].0]))
    }
}

static THE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" the "));
static DE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" de "));

/// How often a line writes " the " and " de ": the evidence of [`english`],
/// counted per line so that a cache of lines can keep it.
pub fn articles(line: &LexedLine) -> (usize, usize) {
    let text = line.text.as_bytes();
    (THE.find_iter(text).count(), DE.find_iter(text).count())
}

/// Is the text in English? The STY rules are rules of English: a French or
/// Spanish version filed with the English texts writes " de " more often than
/// " the ".
pub fn english(counts: impl Iterator<Item = (usize, usize)>) -> bool {
    let (the, de) = counts.fold((0, 0), |(t, d), (the, de)| (t + the, d + de));
    the >= de
}

/// Every line the style rules read (the resolution's own text in the roles of
/// [`reads`]), scanned; none in a text that is not in English.
pub fn scan<'t>(tree: &'t Tree, own_text: &[bool]) -> Vec<StyleLine<'t>> {
    let read: Vec<(usize, &LexedLine, Role)> = tree
        .iter()
        .filter(|(index, _, role)| own_text[*index] && reads(*role))
        .collect();
    if !english(read.iter().map(|(_, lexed, _)| articles(lexed))) {
        return Vec::new();
    }
    read.into_iter()
        .map(|(index, lexed, role)| StyleLine::scan(index, lexed, role))
        .collect()
}
