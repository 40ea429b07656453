//! Every list of `data/style/` in one table keyed by the first word of each
//! form, so that one walk over a line finds the forms of all the lists (and
//! the runs of digits the number rules read). The walk hashes each word as it
//! reads it (FxHash of its ASCII lower-case form, no allocation); a bit test on
//! the hash drops most words, and only the forms filed under a word's hash are
//! compared with the text, so a word that is no first word costs a few
//! instructions per letter.
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
}

const GROUPS: usize = 4;

impl Group {
    fn case_sensitive(self) -> bool {
        matches!(self, Group::Terms | Group::Names)
    }

    fn bounded(self, text: &str, start: usize, end: usize) -> bool {
        let joins: fn(char) -> bool = match self {
            Group::Words => char::is_alphabetic,
            Group::Compounds | Group::Terms => |c| c.is_alphanumeric() || c == '-' || c == '‑',
            Group::Names => char::is_alphanumeric,
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
}

impl Entry {
    fn group(&self) -> Group {
        match self {
            Entry::Spelling(_) | Entry::Cardinal(_) => Group::Words,
            Entry::Compound(_) => Group::Compounds,
            Entry::Term(_) | Entry::Country(_) => Group::Terms,
            Entry::Name => Group::Names,
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

/// The hash of a word, fed one byte at a time: ASCII letters in lower case,
/// the bytes of other letters as they are.
#[derive(Default)]
struct WordHash(FxHasher);

impl WordHash {
    fn of(word: &str) -> u64 {
        let mut hash = WordHash::default();
        for byte in word.bytes() {
            hash.push(byte);
        }
        hash.finish()
    }

    fn push(&mut self, byte: u8) {
        self.0.write_u8(byte.to_ascii_lowercase());
    }

    /// [`WordHash::push`] of an ASCII letter.
    fn push_letter(&mut self, letter: u8) {
        self.0.write_u8(letter | 0x20);
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The first word of a form: its leading run of letters.
fn first_word(form: &str) -> &str {
    let end = form
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(form.len(), |(i, _)| i);
    &form[..end]
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
                .entry(WordHash::of(key))
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
            // A word: hash it while reading it.
            let start = at;
            let mut hash = WordHash::default();
            let mut len = len;
            loop {
                for byte in &bytes[at..at + len] {
                    hash.push(*byte);
                }
                at += len;
                // The rest of a run of ASCII letters, the common case.
                while let Some(&byte) = bytes.get(at).filter(|b| b.is_ascii_alphabetic()) {
                    hash.push_letter(byte);
                    at += 1;
                }
                match bytes.get(at) {
                    Some(b) if *b >= 0x80 => match letter_at(text, at) {
                        Some(next) => len = next,
                        None => break,
                    },
                    _ => break,
                }
            }
            let hash = hash.finish();
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
    fn the_longest_form_wins() {
        assert_eq!(
            found("the SECRETARY General and the Secretary"),
            vec![("SECRETARY General", 4), ("Secretary", 30)]
        );
    }
}
