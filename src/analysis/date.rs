//! Calendar dates as resolutions write them ("21 December 2009") and as the
//! catalog stores them (`2009-12-21`).

use std::fmt;

pub use crate::syntax::MONTHS;

/// A day of the Gregorian calendar. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (30 February, month 13).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// `2009-12-21`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// `21 December 2009` (single spaces, month spelled out).
    pub fn parse_text(text: &str) -> Option<Date> {
        let mut parts = text.split(' ');
        let day: u8 = parts.next()?.parse().ok()?;
        let month = parts.next()?;
        let year: u16 = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
        Date::new(year, month, day)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month - 1)]
    }
}

/// `21 December 2009`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let date = Date::parse_text("21 December 2009").unwrap();
        assert_eq!(date, Date::parse_iso("2009-12-21").unwrap());
        assert_eq!(date.to_string(), "21 December 2009");
        assert_eq!(date.iso(), "2009-12-21");
        assert!(Date::parse_text("31 February 2009").is_none());
        assert!(Date::parse_text("21 Dec 2009").is_none());
        assert!(Date::parse_iso("2012-02-29").is_some());
        assert!(Date::parse_iso("2013-02-29").is_none());
    }
}
