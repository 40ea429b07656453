//! Numbers in words: what STY008, STY009 and STY012 read and write.

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// The value of a cardinal written in words, 1 to 99 (`six`, `Thirty`,
/// `twenty-five`), any case.
pub fn cardinal_value(word: &str) -> Option<u32> {
    let unit = |w: &str| {
        UNITS
            .iter()
            .position(|u| u.eq_ignore_ascii_case(w))
            .map(|v| v as u32)
    };
    let tens = |w: &str| {
        TENS.iter()
            .position(|t| !t.is_empty() && t.eq_ignore_ascii_case(w))
            .map(|v| v as u32 * 10)
    };
    if let Some((high, low)) = word.split_once(['-', '‑']) {
        let low = unit(low).filter(|v| (1..10).contains(v))?;
        return Some(tens(high)? + low);
    }
    unit(word).filter(|v| *v > 0).or_else(|| tens(word))
}

/// A cardinal in words, 1 to 99: `six`, `thirty`, `twenty-five`.
pub fn cardinal_words(n: u32) -> Option<String> {
    match n {
        1..=19 => Some(UNITS[n as usize].to_owned()),
        20..=99 if n % 10 == 0 => Some(TENS[(n / 10) as usize].to_owned()),
        20..=99 => Some(format!(
            "{}-{}",
            TENS[(n / 10) as usize],
            UNITS[(n % 10) as usize]
        )),
        _ => None,
    }
}

/// An ordinal in words, 1 to 999: `twenty-first`, `sixty-ninth`, `one hundredth`.
pub fn ordinal_words(n: u32) -> Option<String> {
    if n == 0 || n > 999 {
        return None;
    }
    let hundreds = n / 100;
    let rest = n % 100;
    let mut out = String::new();
    if hundreds > 0 {
        out.push_str(UNITS[hundreds as usize]);
        if rest == 0 {
            out.push_str(" hundredth");
            return Some(out);
        }
        out.push_str(" hundred and ");
    }
    if rest < 20 {
        out.push_str(UNIT_ORDINALS[rest as usize]);
    } else if rest % 10 == 0 {
        out.push_str(TENS_ORDINALS[(rest / 10) as usize]);
    } else {
        out.push_str(TENS[(rest / 10) as usize]);
        out.push('-');
        out.push_str(UNIT_ORDINALS[(rest % 10) as usize]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        assert_eq!(cardinal_value("six"), Some(6));
        assert_eq!(cardinal_value("Thirty"), Some(30));
        assert_eq!(cardinal_value("twenty-five"), Some(25));
        assert_eq!(cardinal_value("twenty-first"), None);
        assert_eq!(cardinal_value("zero"), None);
    }

    #[test]
    fn cardinals_in_words() {
        assert_eq!(cardinal_words(6).as_deref(), Some("six"));
        assert_eq!(cardinal_words(40).as_deref(), Some("forty"));
        assert_eq!(cardinal_words(25).as_deref(), Some("twenty-five"));
        assert_eq!(cardinal_words(100), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_words(21).as_deref(), Some("twenty-first"));
        assert_eq!(ordinal_words(69).as_deref(), Some("sixty-ninth"));
        assert_eq!(ordinal_words(80).as_deref(), Some("eightieth"));
        assert_eq!(ordinal_words(12).as_deref(), Some("twelfth"));
        assert_eq!(ordinal_words(100).as_deref(), Some("one hundredth"));
        assert_eq!(ordinal_words(101).as_deref(), Some("one hundred and first"));
    }
}
