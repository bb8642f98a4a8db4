//! GEDCOM 5.5 dates: `24 MAY 1819`, `MAY 1819`, `1819`, `ABT 1819`, `1701/2`, `BEF`/`AFT`,
//! `EST`, `CAL`, `BET x AND y`, `FROM x TO y`, `INT x (phrase)`, `@#DJULIAN@` escapes.

use std::fmt;

/// How exact a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateModifier {
    Exact,
    About,
    Before,
    After,
    Estimated,
    Calculated,
    /// `BET x AND y` or `FROM x TO y`; the end is in [`GedDate::end`].
    Between,
}

/// How much of a date is known (Wikidata's time precision: 11 day, 10 month, 9 year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// The Wikidata `precision` number for this.
    pub fn wikidata(self) -> u8 {
        match self {
            Precision::Year => 9,
            Precision::Month => 10,
            Precision::Day => 11,
        }
    }
}

/// A calendar date, possibly without month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ymd {
    /// Astronomical-ish year as written; `B.C.` years are negative.
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A parsed GEDCOM date value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GedDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub modifier: DateModifier,
    /// `1701/2` → `Some(1702)`: the year counted from 1 January (old style year in `year`).
    pub dual_year: Option<i32>,
    /// End of a `BET x AND y` / `FROM x TO y` range.
    pub end: Option<Ymd>,
    /// Written with the `@#DJULIAN@` calendar escape.
    pub julian: bool,
    /// The text as it appeared (trimmed).
    pub raw: String,
}

impl GedDate {
    /// Parse a GEDCOM date value. The error says in words what was not understood.
    pub fn parse(text: &str) -> Result<GedDate, String> {
        let raw = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if raw.is_empty() {
            return Err("empty date".to_string());
        }
        let mut words: Vec<String> = raw
            .split(' ')
            .map(|w| w.to_ascii_uppercase())
            .collect::<Vec<_>>();
        // `INT 1819 (about then)`: drop the phrase.
        if let Some(pos) = words.iter().position(|w| w.starts_with('(')) {
            words.truncate(pos);
        }
        let mut julian = false;
        words.retain(|w| {
            if w.starts_with("@#D") {
                if w.contains("JULIAN") {
                    julian = true;
                }
                false
            } else {
                true
            }
        });
        if words.is_empty() {
            return Err(format!("date phrase without a date: {raw:?}"));
        }
        let first = words.first().map(String::as_str).unwrap_or("");
        let (modifier, rest): (DateModifier, &[String]) = match first {
            "ABT" | "ABT." | "ABOUT" | "CA" | "CA." | "CIRCA" | "C." | "C" => {
                (DateModifier::About, words.get(1..).unwrap_or(&[]))
            }
            "BEF" | "BEF." | "BEFORE" => (DateModifier::Before, words.get(1..).unwrap_or(&[])),
            "AFT" | "AFT." | "AFTER" => (DateModifier::After, words.get(1..).unwrap_or(&[])),
            "EST" | "EST." => (DateModifier::Estimated, words.get(1..).unwrap_or(&[])),
            "CAL" | "CAL." => (DateModifier::Calculated, words.get(1..).unwrap_or(&[])),
            "INT" => (DateModifier::Exact, words.get(1..).unwrap_or(&[])),
            "BET" | "FROM" => {
                let sep = if first == "BET" { "AND" } else { "TO" };
                let tail = words.get(1..).unwrap_or(&[]);
                match tail.iter().position(|w| w == sep) {
                    Some(pos) => {
                        let (a, b) = tail.split_at(pos);
                        let start = parse_ymd(a, &raw)?;
                        let end = parse_ymd(b.get(1..).unwrap_or(&[]), &raw)?;
                        return Ok(GedDate {
                            year: start.ymd.year,
                            month: start.ymd.month,
                            day: start.ymd.day,
                            modifier: DateModifier::Between,
                            dual_year: start.dual,
                            end: Some(end.ymd),
                            julian,
                            raw,
                        });
                    }
                    None if first == "FROM" => (DateModifier::After, tail),
                    None => return Err(format!("BET without AND in date {raw:?}")),
                }
            }
            "TO" => (DateModifier::Before, words.get(1..).unwrap_or(&[])),
            _ => (DateModifier::Exact, &words[..]),
        };
        let p = parse_ymd(rest, &raw)?;
        let (modifier, end) = match p.either_until {
            // "1056/1060": one of these years.
            Some(until) => (
                DateModifier::Between,
                Some(Ymd {
                    year: until,
                    month: None,
                    day: None,
                }),
            ),
            None => (modifier, None),
        };
        Ok(GedDate {
            year: p.ymd.year,
            month: p.ymd.month,
            day: p.ymd.day,
            modifier,
            dual_year: p.dual,
            end,
            julian,
            raw,
        })
    }

    /// Day, month or year precision.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year counted from 1 January (the second year of a dual year, else `year`).
    pub fn modern_year(&self) -> i32 {
        self.dual_year.unwrap_or(self.year)
    }
}

impl fmt::Display for GedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

fn month_number(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    let m = match w {
        "JAN" | "JANUARY" => 1,
        "FEB" | "FEBRUARY" => 2,
        "MAR" | "MARCH" => 3,
        "APR" | "APRIL" => 4,
        "MAY" => 5,
        "JUN" | "JUNE" => 6,
        "JUL" | "JULY" => 7,
        "AUG" | "AUGUST" => 8,
        "SEP" | "SEPT" | "SEPTEMBER" => 9,
        "OCT" | "OCTOBER" => 10,
        "NOV" | "NOVEMBER" => 11,
        "DEC" | "DECEMBER" => 12,
        _ => return None,
    };
    Some(m)
}

fn days_in_month(month: u8) -> u8 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year with optional second year: `1819`, `1701/2`, `1699/00`, `1815/1816`; `1056/1060`
/// (not the next year, so "one of these years") also comes back as the second year.
fn parse_year(w: &str, raw: &str) -> Result<(i32, Option<i32>), String> {
    let (main, alt) = match w.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (w, None),
    };
    if main.is_empty() || main.len() > 5 || !main.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("no year in date {raw:?} (found {w:?})"));
    }
    let year: i32 = main
        .parse()
        .map_err(|_| format!("bad year {main:?} in date {raw:?}"))?;
    let dual = match alt {
        None => None,
        Some(alt) => {
            if alt.is_empty() || alt.len() > main.len() || !alt.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(format!("bad dual year {w:?} in date {raw:?}"));
            }
            let digits = u32::try_from(alt.len()).unwrap_or(4);
            let modulus = 10i32.pow(digits);
            let tail: i32 = alt
                .parse()
                .map_err(|_| format!("bad dual year {w:?} in date {raw:?}"))?;
            let mut second = year - year.rem_euclid(modulus) + tail;
            if second <= year {
                second += modulus;
            }
            Some(second)
        }
    };
    Ok((year, dual))
}

/// A date and its dual year; a second year that is not the next one ("1056/1060") becomes a
/// range end instead.
struct Parsed {
    ymd: Ymd,
    dual: Option<i32>,
    either_until: Option<i32>,
}

fn parse_ymd(words: &[String], raw: &str) -> Result<Parsed, String> {
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut bc = false;
    if let Some(last) = words.last() {
        if matches!(*last, "B.C." | "BC" | "B.C" | "BCE") {
            bc = true;
            words.pop();
        }
    }
    let (day, month, year_word) = match words.as_slice() {
        [y] => (None, None, *y),
        [m, y] => (
            None,
            Some(month_number(m).ok_or_else(|| format!("unknown month {m:?} in date {raw:?}"))?),
            *y,
        ),
        [d, m, y] => {
            let month =
                month_number(m).ok_or_else(|| format!("unknown month {m:?} in date {raw:?}"))?;
            let day: u8 = d
                .parse()
                .map_err(|_| format!("bad day {d:?} in date {raw:?}"))?;
            if day == 0 || day > days_in_month(month) {
                return Err(format!("day {day} out of range in date {raw:?}"));
            }
            (Some(day), Some(month), *y)
        }
        [] => return Err(format!("no date after the keyword in {raw:?}")),
        _ => return Err(format!("cannot read date {raw:?}")),
    };
    let (mut year, mut second) = parse_year(year_word, raw)?;
    if bc {
        year = -year;
        second = second.map(|d| -d);
    }
    let (dual, either_until) = match second {
        Some(s) if s == year + 1 => (Some(s), None),
        Some(s) => (None, Some(s)),
        None => (None, None),
    };
    Ok(Parsed {
        ymd: Ymd { year, month, day },
        dual,
        either_until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> GedDate {
        GedDate::parse(s).unwrap()
    }

    #[test]
    fn exact_forms() {
        let x = d("24 MAY 1819");
        assert_eq!((x.year, x.month, x.day), (1819, Some(5), Some(24)));
        assert_eq!(x.modifier, DateModifier::Exact);
        assert_eq!(x.precision(), Precision::Day);
        assert_eq!(x.precision().wikidata(), 11);
        let x = d("MAY 1819");
        assert_eq!((x.year, x.month, x.day), (1819, Some(5), None));
        assert_eq!(x.precision().wikidata(), 10);
        let x = d("       1819");
        assert_eq!((x.year, x.month, x.day), (1819, None, None));
        assert_eq!(x.precision().wikidata(), 9);
        assert_eq!(x.raw, "1819");
    }

    #[test]
    fn modifiers() {
        assert_eq!(d("ABT 1819").modifier, DateModifier::About);
        assert_eq!(d("abt 1819").year, 1819);
        assert_eq!(d("BEF 1 JAN 1900").modifier, DateModifier::Before);
        assert_eq!(d("AFT 1900").modifier, DateModifier::After);
        assert_eq!(d("EST 1750").modifier, DateModifier::Estimated);
        assert_eq!(d("CAL 1750").modifier, DateModifier::Calculated);
        let b = d("BET 1700 AND MAR 1702");
        assert_eq!(b.modifier, DateModifier::Between);
        assert_eq!(b.year, 1700);
        assert_eq!(
            b.end,
            Some(Ymd {
                year: 1702,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(d("FROM 1700 TO 1710").modifier, DateModifier::Between);
        assert_eq!(d("INT 1819 (about then)").year, 1819);
        assert!(d("@#DJULIAN@ 1 JAN 1500").julian);
        assert_eq!(d("44 B.C.").year, -44);
    }

    #[test]
    fn dual_years() {
        assert_eq!(d("1701/2").dual_year, Some(1702));
        assert_eq!(d("1699/00").dual_year, Some(1700));
        assert_eq!(d("12 MAR 1637/1638").dual_year, Some(1638));
        assert_eq!(d("1815/1816").modern_year(), 1816);
        assert_eq!(d("1819").modern_year(), 1819);
        let either = d("1056/1060");
        assert_eq!(either.dual_year, None);
        assert_eq!(either.modifier, DateModifier::Between);
        assert_eq!(either.end.map(|e| e.year), Some(1060));
    }

    #[test]
    fn errors_in_words() {
        for bad in [
            "",
            "   ",
            "32 JAN 1900",
            "0 JAN 1900",
            "1 FOO 1900",
            "ABT",
            "BET 1700",
            "(unknown)",
            "1 2 3 4",
            "YEAR",
            "1701/",
            "1701/x",
            "30 FEB 1900",
        ] {
            let e = GedDate::parse(bad);
            assert!(e.is_err(), "{bad:?} parsed as {e:?}");
            assert!(!e.unwrap_err().is_empty());
        }
    }
}
