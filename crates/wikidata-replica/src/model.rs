//! The compact in-memory genealogy the replica serves. JSON is rendered from it on demand.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use wikikin_gedcom::{DateModifier, GedDate, Gedcom, Sex as GSex};

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

/// Quirk bits (see the README for who gets which).
pub mod quirk {
    /// A deprecated statement naming the paternal grandfather as father; the true father is `preferred`.
    pub const DEPRECATED_FATHER: u8 = 1;
    /// No known father → P22 `somevalue`; no known mother → P25 `novalue`.
    pub const UNKNOWN_PARENT: u8 = 2;
    /// The parents' items do not list this child under P40.
    pub const ONE_SIDED: u8 = 4;
    /// Merged: an old id `Q8000…` redirects here, and relatives' statements use the old id.
    pub const REDIRECTED: u8 = 8;
    /// The item was deleted: 404/missing, though relatives still link to it.
    pub const DELETED: u8 = 16;
    /// P22/P25 (and P31) statements appear twice with different statement ids.
    pub const DUPLICATE: u8 = 32;
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
}

fn csv_err(path: &Path, e: impl std::fmt::Display) -> String {
    format!("Q-id CSV {}: {e}", path.display())
}

/// Read `gedcom_id,qid,name` rows.
pub fn read_qids(path: &Path) -> Result<Vec<(String, u32, String)>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| csv_err(path, e))?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| csv_err(path, e))?;
        let gid = rec.get(0).unwrap_or("").trim_matches('@').to_string();
        let qid_text = rec.get(1).unwrap_or("");
        let qid = parse_qid(qid_text).ok_or_else(|| {
            csv_err(
                path,
                format!("line {line}: {qid_text:?} is not a Q-id like Q42"),
            )
        })?;
        if gid.is_empty() {
            return Err(csv_err(path, format!("line {line}: empty gedcom_id")));
        }
        let name = rec.get(2).unwrap_or("").to_string();
        out.push((gid, qid, name));
    }
    Ok(out)
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
    pub fn from_gedcom(g: &Gedcom, qids: &[(String, u32, String)]) -> Result<Data, String> {
        let n = g.individuals.len();
        let n32 = u32::try_from(n).map_err(|_| "too many people".to_string())?;
        if n32 >= REDIRECT_QID_BASE / 8 {
            return Err(format!("{n} people is more than this replica can number"));
        }
        let mut d = Data::default();
        let mut title_ids: HashMap<String, u32> = HashMap::new();
        let mut qid_for: HashMap<&str, (u32, &str)> = HashMap::new();
        for (gid, q, name) in qids {
            if (OWN_QID_BASE..OWN_QID_BASE.saturating_add(n32)).contains(q)
                || (REDIRECT_QID_BASE..REDIRECT_QID_BASE.saturating_add(n32)).contains(q)
            {
                return Err(format!(
                    "Q{q} from the CSV falls in the range the replica numbers its own people from"
                ));
            }
            qid_for.insert(gid.as_str(), (*q, name.as_str()));
        }
        for (i, ind) in g.individuals.iter().enumerate() {
            let idx = i as u32;
            let (qid, label) = match qid_for.get(ind.xref.as_str()) {
                Some((q, name)) => (*q, Some(*name)),
                None => (OWN_QID_BASE + idx, None),
            };
            if d.by_qid.insert(qid, idx).is_some() {
                return Err(format!("Q{qid} is given to two people in the CSV"));
            }
            if let Some(l) = label {
                d.real_qids.insert(qid);
                if !l.trim().is_empty() {
                    d.labels.insert(idx, l.into());
                }
            }
            let title = match &ind.title {
                Some(t) => {
                    let next = d.titles.len() as u32;
                    let id = *title_ids.entry(t.clone()).or_insert(next);
                    if id == next {
                        d.titles.push(t.as_str().into());
                    }
                    id
                }
                None => NONE,
            };
            let mut aliases: Vec<Box<str>> = Vec::new();
            if label.is_some() && !ind.name.is_empty() {
                aliases.push(ind.name.as_str().into());
            }
            aliases.extend(ind.aliases.iter().map(|a| a.as_str().into()));
            if !aliases.is_empty() {
                d.aliases.insert(idx, aliases);
            }
            if let Some(img) = &ind.image {
                d.images.insert(idx, img.as_str().into());
            }
            d.by_gedcom.insert(ind.xref.as_str().into(), idx);
            d.people.push(Person {
                qid,
                father: NONE,
                mother: NONE,
                sex: match ind.sex {
                    GSex::Male => Sex::Male,
                    GSex::Female => Sex::Female,
                    GSex::Unknown => Sex::Unknown,
                },
                quirks: 0,
                birth: ind.birth.as_ref().map_or(PDate::NONE, PDate::from_ged),
                death: ind.death.as_ref().map_or(PDate::NONE, PDate::from_ged),
                title,
                name: ind.name.as_str().into(),
                gedcom_id: ind.xref.as_str().into(),
                children: Box::new([]),
                spouses: Box::new([]),
            });
        }
        // Families → parents, children, spouses (first family that names a parent wins).
        let mut children: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut spouses: Vec<Vec<u32>> = vec![Vec::new(); n];
        for f in &g.families {
            let h = f.husband.as_deref().and_then(|x| g.individual_index(x));
            let w = f.wife.as_deref().and_then(|x| g.individual_index(x));
            if let (Some(h), Some(w)) = (h, w) {
                if h != w {
                    push_unique(&mut spouses, h, w as u32);
                    push_unique(&mut spouses, w, h as u32);
                }
            }
            for c in f.children.iter().filter_map(|c| g.individual_index(c)) {
                let Some(child) = d.people.get_mut(c) else {
                    continue;
                };
                for (parent, slot) in [(h, 0), (w, 1)] {
                    let Some(p) = parent else { continue };
                    if p == c {
                        continue;
                    }
                    let field = if slot == 0 {
                        &mut child.father
                    } else {
                        &mut child.mother
                    };
                    if *field == NONE {
                        *field = p as u32;
                        push_unique(&mut children, p, c as u32);
                    }
                }
            }
        }
        for (i, p) in d.people.iter_mut().enumerate() {
            p.children = std::mem::take(&mut children[i]).into_boxed_slice();
            p.spouses = std::mem::take(&mut spouses[i]).into_boxed_slice();
        }
        Ok(d)
    }

    /// Assign quirks deterministically from `seed` (see the README).
    pub fn apply_quirks(&mut self, seed: u64) {
        let salt = |k: u64, q: u32| {
            mix2(
                seed ^ 0x5155_4952_4b53,
                k.wrapping_mul(1_000_003) ^ q as u64,
            ) % 1000
        };
        let n = self.people.len();
        for i in 0..n {
            let Some(p) = self.people.get(i) else { break };
            let q = p.qid;
            let real = self.real_qids.contains(&q);
            let mut bits = 0u8;
            let grandfather = self
                .people
                .get(p.father as usize)
                .map(|f| f.father)
                .unwrap_or(NONE);
            if grandfather != NONE && salt(1, q) < 30 {
                bits |= quirk::DEPRECATED_FATHER;
            }
            if (p.father == NONE || p.mother == NONE) && salt(2, q) < 300 {
                bits |= quirk::UNKNOWN_PARENT;
            }
            if (p.father != NONE || p.mother != NONE) && salt(3, q) < 50 {
                bits |= quirk::ONE_SIDED;
            }
            if salt(4, q) < 30 {
                bits |= quirk::REDIRECTED;
            }
            if !real && p.children.is_empty() && salt(5, q) < 10 {
                bits |= quirk::DELETED;
            }
            if salt(6, q) < 30 {
                bits |= quirk::DUPLICATE;
            }
            if bits & quirk::REDIRECTED != 0 {
                self.redirects
                    .insert(REDIRECT_QID_BASE + i as u32, i as u32);
            }
            if let Some(p) = self.people.get_mut(i) {
                p.quirks = bits;
            }
        }
    }

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

fn push_unique(lists: &mut [Vec<u32>], at: usize, v: u32) {
    if let Some(l) = lists.get_mut(at) {
        if !l.contains(&v) {
            l.push(v);
        }
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
