//! The compact in-memory genealogy the replica serves. JSON is rendered from it on demand.
//!
//! Loading from a GEDCOM and the Q-id CSV is in `load.rs`, the quirks in `quirk.rs`.

pub mod extra;
mod load;
pub mod quirk;
pub mod sources;

use std::collections::{HashMap, HashSet};

use wikikin_gedcom::{DateModifier, GedDate};

pub use load::read_qids;

/// No such person (father, mother, title).
pub const NONE: u32 = u32::MAX;
/// Q-ids of people without a real one: `Q900000000 + index`.
pub const OWN_QID_BASE: u32 = 900_000_000;
/// Old Q-ids of merged (redirected) items under `--quirks`: `Q800000000 + index`.
pub const REDIRECT_QID_BASE: u32 = 800_000_000;

/// 64-bit mixer (splitmix64 finaliser): every deterministic choice goes through it.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Mix two values.
pub fn mix2(a: u64, b: u64) -> u64 {
    mix(a ^ mix(b))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
    Unknown,
}

/// Modifier codes of [`PDate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Modifier {
    None = 0,
    Exact,
    About,
    Before,
    After,
    Estimated,
    Calculated,
    Between,
}

/// A packed date (8 bytes). `modifier == None` means no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PDate {
    pub year: i16,
    /// 0 = unknown.
    pub month: u8,
    /// 0 = unknown.
    pub day: u8,
    pub modifier: Modifier,
    pub julian: bool,
    /// End year of `Between` (0 otherwise).
    pub end_year: i16,
}

impl PDate {
    pub const NONE: PDate = PDate {
        year: 0,
        month: 0,
        day: 0,
        modifier: Modifier::None,
        julian: false,
        end_year: 0,
    };

    pub fn is_some(&self) -> bool {
        self.modifier != Modifier::None
    }

    pub fn from_ged(d: &GedDate) -> PDate {
        let Ok(year) = i16::try_from(d.modern_year()) else {
            return PDate::NONE;
        };
        PDate {
            year,
            month: d.month.unwrap_or(0),
            day: d.day.unwrap_or(0),
            modifier: match d.modifier {
                DateModifier::Exact => Modifier::Exact,
                DateModifier::About => Modifier::About,
                DateModifier::Before => Modifier::Before,
                DateModifier::After => Modifier::After,
                DateModifier::Estimated => Modifier::Estimated,
                DateModifier::Calculated => Modifier::Calculated,
                DateModifier::Between => Modifier::Between,
            },
            julian: d.julian,
            end_year: d.end.and_then(|e| i16::try_from(e.year).ok()).unwrap_or(0),
        }
    }

    /// Wikidata precision: 11 day, 10 month, 9 year.
    pub fn precision(&self) -> u8 {
        match (self.month, self.day) {
            (0, _) => 9,
            (_, 0) => 10,
            _ => 11,
        }
    }
}

/// One person. About 100 bytes plus the name, so 10^6 people fit in well under 1.5 GB.
#[derive(Debug, Clone)]
pub struct Person {
    pub qid: u32,
    pub father: u32,
    pub mother: u32,
    pub sex: Sex,
    /// Bit set of `quirk::*` (0 without `--quirks`).
    pub quirks: u8,
    pub birth: PDate,
    pub death: PDate,
    /// Index into `Data::titles`, or `NONE`.
    pub title: u32,
    /// Display name from the GEDCOM (or generated).
    pub name: Box<str>,
    pub gedcom_id: Box<str>,
    pub children: Box<[u32]>,
    pub spouses: Box<[u32]>,
}

/// All people, with indexes.
#[derive(Debug, Default)]
pub struct Data {
    pub people: Vec<Person>,
    pub titles: Vec<Box<str>>,
    pub by_qid: HashMap<u32, u32>,
    pub by_gedcom: HashMap<Box<str>, u32>,
    /// Real labels from the Q-id CSV (index → label); the GEDCOM name becomes an alias.
    pub labels: HashMap<u32, Box<str>>,
    /// Further names (index → aliases).
    pub aliases: HashMap<u32, Vec<Box<str>>>,
    /// `OBJE FILE` images (index → file name).
    pub images: HashMap<u32, Box<str>>,
    /// Old (merged) Q-id → index of the item it redirects to.
    pub redirects: HashMap<u32, u32>,
    /// Which people carry a real Q-id from the CSV.
    pub real_qids: HashSet<u32>,
    /// `--sources mixed`: what was chosen (`None`: every family statement has the P143 reference).
    pub sources: Option<Box<sources::SourceInfo>>,
}

/// `Q42` → 42. Rejects lowercase, leading zeros, empty, overflow.
pub fn parse_qid(s: &str) -> Option<u32> {
    let digits = s.strip_prefix('Q')?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl Data {
    pub fn person(&self, idx: u32) -> Option<&Person> {
        self.people.get(idx as usize)
    }

    /// The Q-id others use when they link to `idx` (the old id if the item was merged).
    pub fn link_qid(&self, idx: u32) -> Option<u32> {
        let p = self.person(idx)?;
        Some(if p.quirks & quirk::REDIRECTED != 0 {
            REDIRECT_QID_BASE + idx
        } else {
            p.qid
        })
    }

    /// The English label.
    pub fn label(&self, idx: u32) -> &str {
        if let Some(l) = self.labels.get(&idx) {
            return l;
        }
        self.person(idx).map_or("", |p| &p.name)
    }

    pub fn title(&self, p: &Person) -> Option<&str> {
        self.titles.get(p.title as usize).map(|t| &**t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qid_parsing() {
        assert_eq!(parse_qid("Q42"), Some(42));
        assert_eq!(parse_qid("q42"), None);
        assert_eq!(parse_qid("Q042"), None);
        assert_eq!(parse_qid("Q"), None);
        assert_eq!(parse_qid("Q99999999999"), None);
        assert_eq!(parse_qid("P31"), None);
    }
}
