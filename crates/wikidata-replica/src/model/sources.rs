//! `--sources mixed`: where each family statement comes from, and the doubts and conflicts a
//! real Wikidata has (see the README). Deterministic from `--seed` and the statement's seed.
//!
//! [`Data::apply_sources`] picks, once, the adoptive parents, the conflicting second fathers and
//! the impossible dates (it changes a parent's birth date); [`refs_for`] picks each statement's
//! references and its P1480 sourcing circumstance.

use super::extra::{
    ADOPTIVE_FATHER, ADOPTIVE_MOTHER, BURKES, CIRCA, DISPUTED, ENWIKI, GENEALOGICS, PRESUMABLY,
    THE_PEERAGE,
};
use super::{mix2, Data, Modifier, PDate, Sex, NONE};

/// One reference of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// P248 stated in.
    pub stated_in: Option<u32>,
    /// P854 reference URL.
    pub url: Option<String>,
    /// P813 retrieved.
    pub retrieved: Option<PDate>,
    /// P143 imported from Wikimedia project (English Wikipedia).
    pub imported_from: Option<u32>,
}

impl Ref {
    /// The reference's hash seed: equal references share it (as Wikidata's hash is of the snaks).
    pub fn seed(&self) -> u64 {
        let mut h = mix2(self.stated_in.unwrap_or(0) as u64, 0x52_4546);
        if let Some(u) = &self.url {
            for b in u.bytes() {
                h = mix2(h, b as u64);
            }
        }
        if let Some(d) = self.retrieved {
            h = mix2(
                h,
                (d.year as u64) << 16 | (d.month as u64) << 8 | d.day as u64,
            );
        }
        mix2(h, self.imported_from.unwrap_or(0) as u64)
    }

    /// The properties it has, in Wikidata's order.
    pub fn props(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.stated_in.is_some() {
            v.push("P248");
        }
        if self.url.is_some() {
            v.push("P854");
        }
        if self.retrieved.is_some() {
            v.push("P813");
        }
        if self.imported_from.is_some() {
            v.push("P143");
        }
        v
    }
}

/// What `apply_sources` chose.
#[derive(Debug, Default, Clone)]
pub struct SourceInfo {
    pub seed: u64,
    /// (child index, adoptive parent index, `true` for a father): an extra P22/P25 with P1039.
    pub adoptive: Vec<(u32, u32, bool)>,
    /// (child index, second father index): an extra P22 of normal rank, no qualifier.
    pub second_fathers: Vec<(u32, u32)>,
    /// (child index, parent index, what): `parent_born_after_child` or `mother_aged_8`.
    pub impossible_dates: Vec<(u32, u32, &'static str)>,
}

impl SourceInfo {
    /// The extra parent statements of a child: (parent index, is father, P1039 kinship if
    /// adoptive).
    pub fn extra_parents(&self, child: u32) -> Vec<(u32, bool, Option<u32>)> {
        let mut v = Vec::new();
        for &(c, p, father) in &self.adoptive {
            if c == child {
                let kin = if father {
                    ADOPTIVE_FATHER
                } else {
                    ADOPTIVE_MOTHER
                };
                v.push((p, father, Some(kin)));
            }
        }
        for &(c, p) in &self.second_fathers {
            if c == child {
                v.push((p, true, None));
            }
        }
        v
    }
}

const SOURCES: [u32; 3] = [THE_PEERAGE, GENEALOGICS, BURKES];

fn url_for(src: u32, target: u32, h: u64) -> String {
    match src {
        THE_PEERAGE => format!(
            "https://www.thepeerage.com/p{}.htm#i{}",
            1000 + h % 70_000,
            target % 1_000_000
        ),
        GENEALOGICS => format!(
            "https://www.genealogics.org/getperson.php?personID=I{:08}&tree=LEO",
            h % 3_000_000
        ),
        _ => format!(
            "https://www.burkespeerage.com/person/{}",
            target % 10_000_000
        ),
    }
}

/// The references and P1480 value of one family statement (seed `h`, value `target`):
/// 30% stated in + URL + retrieved, 15% stated in + retrieved, 10% URL + retrieved, 25%
/// imported from English Wikipedia only, 20% none; a tenth of the first kind has a second,
/// imported reference too. P1480: 3% disputed, 2% presumably, 1% circa.
pub fn refs_for(seed: u64, h: u64, target: u32) -> (Vec<Ref>, Option<u32>) {
    let r = mix2(seed ^ 0x534f_5552_4345, h);
    let pick = r % 100;
    let src = SOURCES[((r >> 8) % 3) as usize];
    let date = PDate {
        year: 2012 + ((r >> 16) % 13) as i16,
        month: 1 + ((r >> 24) % 12) as u8,
        day: 1 + ((r >> 32) % 28) as u8,
        modifier: Modifier::Exact,
        julian: false,
        end_year: 0,
    };
    let imported = Ref {
        stated_in: None,
        url: None,
        retrieved: None,
        imported_from: Some(ENWIKI),
    };
    let refs = match pick {
        0..30 => {
            let mut v = vec![Ref {
                stated_in: Some(src),
                url: Some(url_for(src, target, r >> 20)),
                retrieved: Some(date),
                imported_from: None,
            }];
            if pick < 3 {
                v.push(imported.clone());
            }
            v
        }
        30..45 => vec![Ref {
            stated_in: Some(src),
            url: None,
            retrieved: Some(date),
            imported_from: None,
        }],
        45..55 => vec![Ref {
            stated_in: None,
            url: Some(url_for(src, target, r >> 20)),
            retrieved: Some(date),
            imported_from: None,
        }],
        55..80 => vec![imported],
        _ => Vec::new(),
    };
    let doubt = match (r >> 40) % 100 {
        0..3 => Some(DISPUTED),
        3..5 => Some(PRESUMABLY),
        5 => Some(CIRCA),
        _ => None,
    };
    (refs, doubt)
}

impl Data {
    /// Choose the adoptive parents, second fathers and impossible dates (people with real
    /// Q-ids are left as they are, so the classic answers stay blood-true).
    pub fn apply_sources(&mut self, seed: u64) {
        let salt = |k: u64, q: u32| mix2(seed ^ 0x004d_4958_4544, (k * 7919) ^ q as u64) % 1000;
        let mut info = SourceInfo {
            seed,
            ..SourceInfo::default()
        };
        let n = self.people.len();
        let mut changed = std::collections::HashSet::new();
        let sibling = |d: &Data, of: u32, sex: Sex| -> Option<u32> {
            let p = d.person(of)?;
            let parent = if p.father != NONE { p.father } else { p.mother };
            let kids = &d.person(parent)?.children;
            kids.iter()
                .copied()
                .find(|&k| k != of && d.person(k).is_some_and(|s| s.sex == sex))
        };
        for i in 0..n as u32 {
            let Some(p) = self.person(i) else { break };
            if self.real_qids.contains(&p.qid) {
                continue;
            }
            let (q, father, mother, birth) = (p.qid, p.father, p.mother, p.birth);
            if father != NONE && salt(1, q) < 15 {
                if let Some(u) = sibling(self, father, Sex::Male) {
                    info.adoptive.push((i, u, true));
                }
            }
            if mother != NONE && salt(2, q) < 10 {
                if let Some(a) = sibling(self, mother, Sex::Female) {
                    info.adoptive.push((i, a, false));
                }
            }
            if father != NONE && salt(3, q) < 10 {
                let m = if mother != NONE { mother } else { father };
                if let Some(u) = sibling(self, m, Sex::Male).filter(|&u| u != father) {
                    info.second_fathers.push((i, u));
                }
            }
            if !birth.is_some() || birth.modifier != Modifier::Exact {
                continue;
            }
            let real = |d: &Data, x: u32| d.person(x).is_some_and(|x| d.real_qids.contains(&x.qid));
            if father != NONE && salt(4, q) < 5 && !real(self, father) && changed.insert(father) {
                let years = 1 + (salt(5, q) % 5) as i16;
                if let Some(f) = self.people.get_mut(father as usize) {
                    f.birth = PDate {
                        year: birth.year + years,
                        ..birth
                    };
                    info.impossible_dates
                        .push((i, father, "parent_born_after_child"));
                }
            } else if mother != NONE
                && salt(6, q) < 5
                && !real(self, mother)
                && changed.insert(mother)
            {
                if let Some(m) = self.people.get_mut(mother as usize) {
                    m.birth = PDate {
                        year: birth.year - 8,
                        ..birth
                    };
                    info.impossible_dates.push((i, mother, "mother_aged_8"));
                }
            }
        }
        self.sources = Some(Box::new(info));
    }
}
