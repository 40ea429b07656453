//! The lines the style rules read, each walked once per analysis: the forms
//! of every list of `data/style/` ([`Lexicon`](super::lexicon::Lexicon)) and the runs of
//! digits. The rules read these findings instead of scanning the line again;
//! the spans they leave alone are computed on the first question about the
//! line and kept for the next rule.

use std::cell::OnceCell;
use std::sync::{Arc, LazyLock};

use memchr::memmem::Finder;

use super::Shield;
use super::lexicon::{Entry, Hit};
use super::lists::{CountryForm, Term, lexicon};
use crate::syntax::{LexedLine, Role, Tree};

/// One line the style rules read.
pub struct StyleLine<'t> {
    pub index: usize,
    pub lexed: &'t LexedLine,
    pub role: Role,
    /// Where the paragraph text starts (clamped to the line).
    pub from: usize,
    /// The forms of the lists in the paragraph text, in order.
    pub hits: Arc<[Hit]>,
    /// Maximal runs of ASCII digits in the paragraph text: `(start, end)`.
    pub figures: Arc<[(usize, usize)]>,
    shield: OnceCell<Shield>,
}

/// What the lexicon walk found in a line's paragraph text: kept per line by
/// the analysis' line memo, so that [`StyleLine`]s of unchanged lines are
/// assembled, not walked again.
#[derive(Debug, Clone)]
pub struct LineWalk {
    pub hits: Arc<[Hit]>,
    pub figures: Arc<[(usize, usize)]>,
}

impl LineWalk {
    pub fn of(lexed: &LexedLine) -> LineWalk {
        let text = lexed.text.as_str();
        let walk = lexicon().walk(text, lexed.body_start.min(text.len()));
        LineWalk {
            hits: walk.hits.into(),
            figures: walk.figures.into(),
        }
    }
}

impl<'t> StyleLine<'t> {
    pub fn scan(index: usize, lexed: &'t LexedLine, role: Role) -> StyleLine<'t> {
        StyleLine::of_walk(index, lexed, role, &LineWalk::of(lexed))
    }

    /// The line with what the lexicon walk found in it before.
    pub fn of_walk(
        index: usize,
        lexed: &'t LexedLine,
        role: Role,
        walk: &LineWalk,
    ) -> StyleLine<'t> {
        StyleLine {
            index,
            lexed,
            role,
            from: lexed.body_start.min(lexed.text.len()),
            hits: Arc::clone(&walk.hits),
            figures: Arc::clone(&walk.figures),
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
/// [`reads`](super::reads)), assembled from the walks the line memo kept (`walks[index]` for
/// each of them); none in a text that is not in English (`english`, the
/// verdict of [`english`] over the same lines).
pub fn assemble<'t>(
    tree: &'t Tree,
    english: bool,
    walks: &[Option<LineWalk>],
) -> Vec<StyleLine<'t>> {
    if !english {
        return Vec::new();
    }
    tree.iter()
        .filter_map(|(index, lexed, role)| {
            let walk = walks.get(index)?.as_ref()?;
            Some(StyleLine::of_walk(index, lexed, role, walk))
        })
        .collect()
}
