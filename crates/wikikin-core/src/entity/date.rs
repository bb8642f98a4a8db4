//! Dates as Wikidata gives them (`+1926-04-21T00:00:00Z` with a precision), and their words.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How precise a date is (Wikidata's `precision`: 7 century, 8 decade, 9 year, 10 month, 11 day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Century,
    Decade,
    Year,
    Month,
    Day,
}

/// A date as Wikidata gives it, with its precision. Years are historical: `-44` is 44 BCE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i64,
    /// 1–12, or 0 when unknown.
    pub month: u8,
    /// 1–31, or 0 when unknown.
    pub day: u8,
    pub precision: Precision,
    /// Qualified "circa" (P1480 = Q5727902).
    pub circa: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Date {
    /// Parses Wikidata's time string (`+1819-05-24T00:00:00Z`, `-0044-03-15T00:00:00Z`) with a
    /// Wikidata precision number. Returns `None` for anything malformed or less precise than a
    /// century.
    pub fn from_wikidata(time: &str, precision: u64) -> Option<Date> {
        let precision = match precision {
            7 => Precision::Century,
            8 => Precision::Decade,
            9 => Precision::Year,
            10 => Precision::Month,
            11..=14 => Precision::Day,
            _ => return None,
        };
        let (negative, rest) = match time.as_bytes().first()? {
            b'+' => (false, time.get(1..)?),
            b'-' => (true, time.get(1..)?),
            _ => (false, time),
        };
        let mut parts = rest.splitn(3, '-');
        let year_text = parts.next()?;
        if year_text.is_empty()
            || year_text.len() > 17
            || !year_text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: i64 = year_text.parse().ok()?;
        let year = if negative { -year } else { year };
        let month: u8 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
        let day: u8 = parts
            .next()
            .and_then(|d| d.get(..2))
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        let month = if month <= 12 { month } else { 0 };
        let day = if day <= 31 { day } else { 0 };
        // A precision the value cannot support falls back to what it does have.
        let precision = match precision {
            Precision::Day if month == 0 => Precision::Year,
            Precision::Day if day == 0 => Precision::Month,
            Precision::Month if month == 0 => Precision::Year,
            p => p,
        };
        Some(Date {
            year,
            month,
            day,
            precision,
            circa: false,
        })
    }

    pub(super) fn year_text(year: i64) -> String {
        if year < 0 {
            format!("{} BCE", year.unsigned_abs())
        } else {
            year.to_string()
        }
    }
}

impl fmt::Display for Date {
    /// `1819`, `May 1819`, `24 May 1819`, `c. 1819`, `1810s`, `19th century`, `44 BCE`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.circa {
            f.write_str("c. ")?;
        }
        let month_name = MONTHS.get(usize::from(self.month).wrapping_sub(1)).copied();
        match (self.precision, month_name) {
            (Precision::Day, Some(m)) if self.day > 0 => {
                write!(f, "{} {} {}", self.day, m, Self::year_text(self.year))
            }
            (Precision::Month, Some(m)) | (Precision::Day, Some(m)) => {
                write!(f, "{} {}", m, Self::year_text(self.year))
            }
            (Precision::Decade, _) => {
                if self.year < 0 {
                    write!(f, "{}s BCE", (self.year.unsigned_abs() / 10) * 10)
                } else {
                    write!(f, "{}s", (self.year / 10) * 10)
                }
            }
            (Precision::Century, _) => {
                let abs = i64::try_from(self.year.unsigned_abs()).unwrap_or(i64::MAX);
                let century = (abs.saturating_sub(1)) / 100 + 1;
                if self.year < 0 {
                    write!(f, "{} century BCE", ordinal(century))
                } else {
                    write!(f, "{} century", ordinal(century))
                }
            }
            _ => f.write_str(&Self::year_text(self.year)),
        }
    }
}
