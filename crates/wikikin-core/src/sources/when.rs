//! Dates as spans of days for comparing: the earliest and latest Julian Day Number a date can
//! mean, as far as its precision and calendar allow.
//!
//! Calendars: Gregorian and Julian dates are both converted to Julian Day Numbers (integer
//! JDN arithmetic, the standard formulas for each calendar), so a Julian date compares
//! correctly with a Gregorian one; a date in any other calendar model is not compared.
//! Year-only (and coarser) and circa dates get a year's slack on both sides.

use crate::entity::{Calendar, Date, Precision};

/// A year of slack, in days (a leap year).
pub const SLACK_DAYS: i64 = 366;

/// Beyond this many years either way a date is not compared (no overflow, no nonsense).
const MAX_YEAR: i64 = 1_000_000;

/// The days a date can mean, inclusive (Julian Day Numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub earliest: i64,
    pub latest: i64,
}

impl Span {
    /// The span of a date in its calendar; `None` when it cannot be compared (another
    /// calendar model, an absurd year).
    pub fn of(d: &Date, calendar: Calendar) -> Option<Span> {
        if calendar == Calendar::Other || d.year.abs() > MAX_YEAR {
            return None;
        }
        let julian = calendar == Calendar::Julian;
        let (first, last, slack) = match d.precision {
            Precision::Day if (1..=12).contains(&d.month) && d.day >= 1 => {
                let j = jdn(d.year, d.month, d.day, julian);
                (j, j, false)
            }
            Precision::Day | Precision::Month if (1..=12).contains(&d.month) => {
                let first = jdn(d.year, d.month, 1, julian);
                let last = if d.month == 12 {
                    jdn(next_year(d.year), 1, 1, julian) - 1
                } else {
                    jdn(d.year, d.month + 1, 1, julian) - 1
                };
                (first, last, false)
            }
            Precision::Day | Precision::Month | Precision::Year => {
                (year_start(d.year, julian), year_end(d.year, julian), true)
            }
            Precision::Decade => {
                let y0 = d.year - d.year.rem_euclid(10);
                (year_start(y0, julian), year_end(y0 + 9, julian), true)
            }
            Precision::Century => (
                year_start(d.year - 100, julian),
                year_end(d.year + 100, julian),
                true,
            ),
        };
        let s = if slack || d.circa { SLACK_DAYS } else { 0 };
        Some(Span {
            earliest: first - s,
            latest: last + s,
        })
    }
}

fn next_year(y: i64) -> i64 {
    if y == -1 {
        1
    } else {
        y + 1
    }
}

fn year_start(y: i64, julian: bool) -> i64 {
    jdn(y, 1, 1, julian)
}

fn year_end(y: i64, julian: bool) -> i64 {
    jdn(next_year(y), 1, 1, julian) - 1
}

/// The Julian Day Number of a day. `year` is historical (−44 is 44 BCE, no year 0).
pub fn jdn(year: i64, month: u8, day: u8, julian: bool) -> i64 {
    let astronomical = if year < 0 { year + 1 } else { year };
    let m = i64::from(month);
    let a = (14 - m).div_euclid(12);
    let y = astronomical + 4800 - a;
    let mm = m + 12 * a - 3;
    let base = i64::from(day) + (153 * mm + 2).div_euclid(5) + 365 * y + y.div_euclid(4);
    if julian {
        base - 32083
    } else {
        base - y.div_euclid(100) + y.div_euclid(400) - 32045
    }
}

/// Days in `years` years (365.2425 days each), rounded down.
pub fn years_in_days(years: i64) -> i64 {
    years * 3652425 / 10000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u8, d: u8) -> Date {
        Date {
            year: y,
            month: m,
            day: d,
            precision: Precision::Day,
            circa: false,
        }
    }

    #[test]
    fn julian_day_numbers_of_known_days() {
        assert_eq!(jdn(2000, 1, 1, false), 2451545);
        assert_eq!(jdn(1582, 10, 15, false), 2299161);
        assert_eq!(jdn(1582, 10, 4, true), 2299160, "the day before the switch");
        assert_eq!(jdn(-4713, 1, 1, true), 0, "4713 BCE, Julian: day 0");
    }

    #[test]
    fn spans_follow_precision_and_circa() {
        let d = Span::of(&day(1900, 2, 10), Calendar::Gregorian).unwrap();
        assert_eq!(d.earliest, d.latest);
        let mut m = day(1900, 2, 0);
        m.precision = Precision::Month;
        let s = Span::of(&m, Calendar::Gregorian).unwrap();
        assert_eq!(s.latest - s.earliest, 27, "February 1900 had 28 days");
        let mut y = day(1900, 0, 0);
        y.precision = Precision::Year;
        let s = Span::of(&y, Calendar::Gregorian).unwrap();
        assert_eq!(s.latest - s.earliest, 364 + 2 * SLACK_DAYS);
        let mut c = day(1900, 2, 10);
        c.circa = true;
        let s = Span::of(&c, Calendar::Gregorian).unwrap();
        assert_eq!(s.latest - s.earliest, 2 * SLACK_DAYS);
        assert!(Span::of(&day(1900, 2, 10), Calendar::Other).is_none());
        assert!(Span::of(&day(i64::MAX, 1, 1), Calendar::Gregorian).is_none());
    }
}
