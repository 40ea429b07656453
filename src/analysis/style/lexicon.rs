//! Every list of `data/style/` in one table keyed by the first word of each
//! form, so that one walk over a line finds the forms of all the lists (and
//! the runs of digits the number rules read). Each word is hashed once (FxHash
//! of its length and ends in lower case, no allocation); a bit test on the hash
//! drops most words, and only the forms filed under a word's hash are compared
//! with the text, so a word that is no first word costs a few instructions per
//! letter.
//!
//! Within one [`Group`] the longest form that fits wins and the next match
//! starts after it (as a leftmost-longest automaton would); the groups do not
//! hide each other's matches.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::lists::{Compound, CountryForm, Spelling, Term};

/// How a group of forms is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Spelling lists and numbers in words: whole words (runs of letters), any
    /// ASCII case; a hyphen or a figure may touch them (`defense` in
    /// `self-defense`).
    Words,
    /// Compounds: whole phrases (no letter, figure or hyphen touches them),
    /// any ASCII case.
    Compounds,
    /// Terms and country names: whole phrases, case-sensitive.
    Terms,
    /// Names that keep their owners' spelling: case-sensitive, no letter or
    /// figure touches them (a hyphen may: "…Weapons-United Nations Joint
    /// Investigative Mechanism").
    Names,
    /// Acronyms of organizations: case-sensitive, no letter, figure or `_`
    /// touches them ("the WHO-led response" holds "WHO").
    Acronyms,
}

const GROUPS: usize = 5;

impl Group {
    fn case_sensitive(self) -> bool {
        matches!(self, Group::Terms | Group::Names | Group::Acronyms)
    }

    fn bounded(self, text: &str, start: usize, end: usize) -> bool {
        let joins: fn(char) -> bool = match self {
            Group::Words => char::is_alphabetic,
            Group::Compounds | Group::Terms => |c| c.is_alphanumeric() || c == '-' || c == '‑',
            Group::Names => char::is_alphanumeric,
            Group::Acronyms => |c| c.is_alphabetic() || c.is_ascii_digit() || c == '_',
        };
        !text[..start].chars().next_back().is_some_and(joins)
            && !text[end..].chars().next().is_some_and(joins)
    }
}

/// What a form of the lists stands for.
#[derive(Debug)]
pub enum Entry {
    /// A word STY001–STY003 report.
    Spelling(Spelling),
    /// A number in words from ten (STY009).
    Cardinal(u32),
    Compound(Compound),
    /// A term of STY004–STY006 or STY008.
    Term(Term),
    Country(CountryForm),
    /// A name that keeps its owner's spelling.
    Name,
    /// The acronym of an organization, with the organization's name (STY007).
    Acronym(&'static str),
}

impl Entry {
    fn group(&self) -> Group {
        match self {
            Entry::Spelling(_) | Entry::Cardinal(_) => Group::Words,
            Entry::Compound(_) => Group::Compounds,
            Entry::Term(_) | Entry::Country(_) => Group::Terms,
            Entry::Name => Group::Names,
            Entry::Acronym(_) => Group::Acronyms,
        }
    }
}

/// A form found in a line.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: &'static Entry,
}

struct Form {
    text: Box<str>,
    entry: Entry,
}

/// The forms of every list, by the hash of the ASCII lower-case form of their
/// first word.
pub struct Lexicon {
    /// Forms whose first word has the hash, by group, longest first. Two first
    /// words with one hash share a list: every form is compared with the text.
    by_first_word: FxHashMap<u64, Vec<Form>>,
    /// One bit per first word, at [`Lexicon::bit`] of its hash.
    first_words: Vec<u64>,
}

/// What one walk over a line finds.
#[derive(Debug, Default)]
pub struct Walk {
    pub hits: Vec<Hit>,
    /// Maximal runs of ASCII digits: `(start, end)`.
    pub figures: Vec<(usize, usize)>,
}

/// The hash of a word from its length and its first and last eight bytes,
/// each byte with its 0x20 bit set (ASCII letters in lower case): one
/// multiplication or two per word, whatever its length. Words that differ only
/// in the middle share a hash, and so a list of forms; every form is compared
/// with the text.
fn word_hash(word: &[u8]) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let eight = |bytes: &[u8]| match <[u8; 8]>::try_from(bytes) {
        Ok(eight) => u64::from_le_bytes(eight) | LOWER,
        Err(_) => bytes
            .iter()
            .rev()
            .fold(0u64, |v, b| (v << 8) | u64::from(*b | 0x20)),
    };
    let split = word.len().min(8);
    let mut hasher = FxHasher::default();
    hasher.write_usize(word.len());
    hasher.write_u64(eight(&word[..split]));
    if word.len() > 8 {
        hasher.write_u64(eight(&word[word.len() - split..]));
    }
    hasher.finish()
}

/// The first word of a form: its leading run of letters.
fn first_word(form: &str) -> &str {
    let end = form
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(form.len(), |(i, _)| i);
    &form[..end]
}

/// The end of the run of ASCII letters from `at`, eight bytes at a time.
fn ascii_letters_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // With the 0x20 bit set, an ASCII letter is a byte from 0x61 to 0x7a:
        // adding 0x1f sets its high bit, adding 0x05 does not. Only a byte from
        // 0x80 carries into the next one, and it is no letter, so the first
        // byte that is no letter is found exactly.
        let lower = word | (0x20 * ONES);
        let letters =
            lower.wrapping_add(0x1f * ONES) & !lower.wrapping_add(0x05 * ONES) & !word & HIGH;
        if letters != HIGH {
            return at + ((letters ^ HIGH).trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len() - at)
}

/// The letter that starts at byte `at` (not ASCII), if one does.
fn letter_at(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    c.is_alphabetic().then(|| c.len_utf8())
}

/// The length of the character at `at`, a byte of which is not ASCII.
fn char_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

impl Lexicon {
    const BITS: usize = 1 << 16;

    /// Build the table; every form must start with a letter.
    pub fn new(forms: impl IntoIterator<Item = (String, Entry)>) -> Lexicon {
        let mut by_first_word: FxHashMap<u64, Vec<Form>> = FxHashMap::default();
        for (text, entry) in forms {
            let key = first_word(&text);
            assert!(
                !key.is_empty(),
                "the form {text:?} does not start with a letter"
            );
            by_first_word
                .entry(word_hash(key.as_bytes()))
                .or_default()
                .push(Form {
                    text: text.into_boxed_str(),
                    entry,
                });
        }
        for forms in by_first_word.values_mut() {
            forms.sort_by_key(|f| (f.entry.group() as u8, std::cmp::Reverse(f.text.len())));
        }
        let mut first_words = vec![0u64; Self::BITS / 64];
        for hash in by_first_word.keys() {
            let bit = Self::bit(*hash);
            first_words[bit / 64] |= 1 << (bit % 64);
        }
        Lexicon {
            by_first_word,
            first_words,
        }
    }

    fn bit(hash: u64) -> usize {
        (hash >> 32) as usize % Self::BITS
    }

    fn may_be_first_word(&self, hash: u64) -> bool {
        let bit = Self::bit(hash);
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every form in `text` from byte `from`, in order of start.
    pub fn find(&'static self, text: &str, from: usize) -> Vec<Hit> {
        self.walk(text, from).hits
    }

    /// The forms and the runs of digits of `text` from byte `from`.
    pub fn walk(&'static self, text: &str, from: usize) -> Walk {
        let bytes = text.as_bytes();
        let mut out = Walk::default();
        // Where each group may match next.
        let mut next = [0usize; GROUPS];
        let mut at = from.min(text.len());
        // A word that `from` cuts is not a word of the text.
        let mut in_word = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii_digit() {
                let run = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                out.figures.push((at, at + run));
                at += run;
                in_word = false;
                continue;
            }
            let letter = if byte.is_ascii_alphabetic() {
                Some(1)
            } else if byte >= 0x80 {
                letter_at(text, at)
            } else {
                None
            };
            let Some(len) = letter else {
                at += if byte >= 0x80 { char_len(text, at) } else { 1 };
                in_word = false;
                continue;
            };
            // A word: a run of letters, mostly ASCII.
            let start = at;
            at += len;
            loop {
                at = ascii_letters_end(bytes, at);
                match bytes.get(at) {
                    Some(b) if *b >= 0x80 => match letter_at(text, at) {
                        Some(len) => at += len,
                        None => break,
                    },
                    _ => break,
                }
            }
            let hash = word_hash(&bytes[start..at]);
            if !in_word && self.may_be_first_word(hash) {
                if let Some(forms) = self.by_first_word.get(&hash) {
                    self.match_at(text, start, forms, &mut next, &mut out.hits);
                }
            }
            in_word = false;
        }
        out
    }

    fn match_at(
        &'static self,
        text: &str,
        start: usize,
        forms: &'static [Form],
        next: &mut [usize; GROUPS],
        out: &mut Vec<Hit>,
    ) {
        let rest = &text.as_bytes()[start..];
        let mut done: Option<Group> = None;
        for form in forms {
            let group = form.entry.group();
            if done == Some(group) || next[group as usize] > start {
                continue;
            }
            let pattern = form.text.as_bytes();
            let Some(written) = rest.get(..pattern.len()) else {
                continue;
            };
            // The last byte first: "the Maldives" is seldom "the report".
            let last = pattern.len() - 1;
            let same = if group.case_sensitive() {
                written[last] == pattern[last] && written == pattern
            } else {
                written[last].eq_ignore_ascii_case(&pattern[last])
                    && written.eq_ignore_ascii_case(pattern)
            };
            let end = start + pattern.len();
            if same && group.bounded(text, start, end) {
                out.push(Hit {
                    start,
                    end,
                    entry: &form.entry,
                });
                next[group as usize] = end;
                done = Some(group);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::new([
            ("UN".to_owned(), Entry::Name),
            ("defense".to_owned(), Entry::Cardinal(1)),
            ("Secretary General".to_owned(), Entry::Cardinal(2)),
            ("Secretary".to_owned(), Entry::Cardinal(3)),
        ])
    });

    fn found(text: &str) -> Vec<(&str, usize)> {
        LEXICON
            .find(text, 0)
            .into_iter()
            .map(|h| (&text[h.start..h.end], h.start))
            .collect()
    }

    #[test]
    fn words_and_names_have_their_own_bounds() {
        assert_eq!(
            found("self-defense, 2defense, UN-Women, UNDP and undefense"),
            vec![("defense", 5), ("defense", 15), ("UN", 24)]
        );
    }

    #[test]
    fn runs_of_ascii_letters() {
        let text = "Reaffirming its resolutions, e.g. 2231(2015) and [Z]a`z{@ in Côte d'Ivoire, the Secretary-General’s “UNDP” reportsXYZ";
        let text = text.as_bytes();
        for at in 0..text.len() {
            let slow = at
                + text[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(text.len() - at);
            assert_eq!(ascii_letters_end(text, at), slow, "from {at}");
        }
    }

    #[test]
    fn the_longest_form_wins() {
        assert_eq!(
            found("the SECRETARY General and the Secretary"),
            vec![("SECRETARY General", 4), ("Secretary", 30)]
        );
    }
}
