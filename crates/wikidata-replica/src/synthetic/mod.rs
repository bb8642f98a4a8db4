//! A deterministic royal-like genealogy of N people: dynasties (houses) whose sons carry the
//! house on, couples with 2–4 children, brides from other houses, cousin marriages (and so
//! pedigree collapse), spouses from outside with no known parents, and some children whose
//! mother is not recorded (one known parent).
//!
//! The names, places and house names it draws from are in `names.rs`.

mod names;

use std::collections::HashMap;

use crate::model::{mix2, Data, Modifier, PDate, Person, Sex, NONE, OWN_QID_BASE};
use names::{house_name, FEMALE, MALE, ORDINALS};

struct Gen {
    seed: u64,
    counter: u64,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        mix2(self.seed, self.counter)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

struct Builder {
    people: Vec<Person>,
    house: Vec<u32>,
    married: Vec<bool>,
    g: Gen,
    titles: Vec<Box<str>>,
    title_ids: HashMap<String, u32>,
    ordinal: HashMap<(u32, usize), usize>,
    limit: usize,
}

impl Builder {
    fn title_id(&mut self, t: String) -> u32 {
        if let Some(&id) = self.title_ids.get(&t) {
            return id;
        }
        let id = self.titles.len() as u32;
        self.titles.push(t.as_str().into());
        self.title_ids.insert(t, id);
        id
    }

    fn date(&mut self, year: i32) -> PDate {
        let kind = self.g.below(100);
        let year = i16::try_from(year).unwrap_or(i16::MAX);
        let month = 1 + self.g.below(12) as u8;
        let day = 1 + self.g.below(28) as u8;
        match kind {
            0..=59 => PDate {
                year,
                month,
                day,
                modifier: Modifier::Exact,
                julian: year < 1583,
                end_year: 0,
            },
            60..=69 => PDate {
                year,
                month,
                day: 0,
                modifier: Modifier::Exact,
                julian: year < 1583,
                end_year: 0,
            },
            70..=89 => PDate {
                year,
                month: 0,
                day: 0,
                modifier: Modifier::Exact,
                julian: year < 1583,
                end_year: 0,
            },
            _ => PDate {
                year,
                month: 0,
                day: 0,
                modifier: Modifier::About,
                julian: year < 1583,
                end_year: 0,
            },
        }
    }

    /// Add a person; returns its index, or None when N is reached.
    fn add(&mut self, sex: Sex, house: u32, born: i32, father: u32, mother: u32) -> Option<u32> {
        if self.people.len() >= self.limit {
            return None;
        }
        let idx = self.people.len() as u32;
        let given_list = if sex == Sex::Male { MALE } else { FEMALE };
        let first = given_list
            .get(self.g.below(given_list.len()))
            .copied()
            .unwrap_or("Anna");
        let hname = house_name(house as usize);
        let (name, title) = if sex == Sex::Male && father != NONE {
            let key = (house, self.g.below(given_list.len()));
            let ord = self.ordinal.entry(key).or_insert(0);
            *ord += 1;
            let o = ORDINALS.get(*ord % ORDINALS.len()).copied().unwrap_or("");
            let title = if self.g.chance(300) {
                format!("Duke of {hname}")
            } else {
                format!("Prince of {hname}")
            };
            (format!("{first}{o} of {hname}"), Some(title))
        } else if father == NONE && mother == NONE {
            (format!("{first} of {hname}"), None)
        } else {
            let second = given_list
                .get(self.g.below(given_list.len()))
                .copied()
                .unwrap_or("Maria");
            let title = if sex == Sex::Female {
                format!("Princess of {hname}")
            } else {
                format!("Count of {hname}")
            };
            (format!("{first} {second} of {hname}"), Some(title))
        };
        let title = match title {
            Some(t) if self.g.chance(800) => self.title_id(t),
            _ => NONE,
        };
        let birth = if self.g.chance(900) {
            self.date(born)
        } else {
            PDate::NONE
        };
        let lifespan = 20 + self.g.below(70) as i32;
        let death = if born + lifespan < 2020 && self.g.chance(900) {
            self.date(born + lifespan)
        } else {
            PDate::NONE
        };
        self.people.push(Person {
            qid: OWN_QID_BASE + idx,
            father,
            mother,
            sex,
            quirks: 0,
            birth,
            death,
            title,
            name: name.into(),
            gedcom_id: format!("I{}", idx + 1).into(),
            children: Box::new([]),
            spouses: Box::new([]),
        });
        self.house.push(house);
        self.married.push(false);
        Some(idx)
    }
}

/// Build `n` people from `seed`.
pub fn generate(n: usize, seed: u64) -> Data {
    let mut b = Builder {
        people: Vec::with_capacity(n),
        house: Vec::with_capacity(n),
        married: Vec::with_capacity(n),
        g: Gen { seed, counter: 0 },
        titles: Vec::new(),
        title_ids: HashMap::new(),
        ordinal: HashMap::new(),
        limit: n,
    };
    let houses = (n / 400).clamp(2, 5000);
    let mut children: Vec<Vec<u32>> = Vec::new();
    let mut spouses: Vec<Vec<u32>> = Vec::new();
    // Founders: one man per house, born around 1400–1450.
    let mut generation: Vec<u32> = Vec::new();
    for h in 0..houses {
        let born = 1400 + b.g.below(50) as i32;
        match b.add(Sex::Male, h as u32, born, NONE, NONE) {
            Some(i) => generation.push(i),
            None => break,
        }
        if let Some(i) = b.add(Sex::Female, h as u32, born + 1, NONE, NONE) {
            generation.push(i);
        }
    }
    let mut gen_year = 1430;
    while b.people.len() < n && !generation.is_empty() {
        gen_year += 28;
        let men: Vec<u32> = generation
            .iter()
            .copied()
            .filter(|&i| b.people.get(i as usize).is_some_and(|p| p.sex == Sex::Male))
            .collect();
        let mut women: Vec<u32> = generation
            .iter()
            .copied()
            .filter(|&i| {
                b.people
                    .get(i as usize)
                    .is_some_and(|p| p.sex == Sex::Female)
            })
            .collect();
        // Shuffle the brides deterministically.
        for i in (1..women.len()).rev() {
            let j = b.g.below(i + 1);
            women.swap(i, j);
        }
        let mut next_gen: Vec<u32> = Vec::new();
        for &man in &men {
            if b.people.len() >= n {
                break;
            }
            if b.g.chance(150) {
                continue; // stays unmarried
            }
            let my_house = b.house.get(man as usize).copied().unwrap_or(0);
            // 1. a cousin: a granddaughter of one of his grandparents.
            let mut wife = NONE;
            if b.g.chance(120) {
                wife = find_cousin(&b, &children, man);
            }
            // 2. an unmarried woman of this generation, preferably of another house.
            if wife == NONE && !b.g.chance(250) {
                for _ in 0..4 {
                    if women.is_empty() {
                        break;
                    }
                    let k = b.g.below(women.len());
                    let w = women.get(k).copied().unwrap_or(NONE);
                    let ok = !b.married.get(w as usize).copied().unwrap_or(true)
                        && b.house.get(w as usize).copied() != Some(my_house)
                        && !siblings(&b, w, man);
                    if ok {
                        wife = w;
                        women.swap_remove(k);
                        break;
                    }
                }
            }
            // 3. someone from outside, with no known parents; or no recorded wife at all.
            let one_parent = wife == NONE && b.g.chance(80);
            if wife == NONE && !one_parent {
                let h = b.g.below(houses) as u32;
                match b.add(Sex::Female, h, gen_year - 27, NONE, NONE) {
                    Some(w) => wife = w,
                    None => break,
                }
            }
            if let Some(m) = b.married.get_mut(man as usize) {
                *m = true;
            }
            if wife != NONE {
                if let Some(m) = b.married.get_mut(wife as usize) {
                    *m = true;
                }
                grow(&mut spouses, man as usize).push(wife);
                grow(&mut spouses, wife as usize).push(man);
            }
            let kids = 2 + b.g.below(3);
            for k in 0..kids {
                let sex = if b.g.chance(500) {
                    Sex::Male
                } else {
                    Sex::Female
                };
                let Some(c) = b.add(sex, my_house, gen_year + 2 * k as i32, man, wife) else {
                    break;
                };
                grow(&mut children, man as usize).push(c);
                if wife != NONE {
                    grow(&mut children, wife as usize).push(c);
                }
                next_gen.push(c);
            }
        }
        generation = next_gen;
        // Keep growing if a generation dies out before N (add new founders).
        if generation.is_empty() && b.people.len() < n {
            for h in 0..houses {
                if let Some(i) = b.add(Sex::Male, h as u32, gen_year, NONE, NONE) {
                    generation.push(i);
                }
            }
        }
    }
    let mut d = Data {
        titles: b.titles,
        ..Data::default()
    };
    for (i, mut p) in b.people.into_iter().enumerate() {
        p.children = children
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default()
            .into_boxed_slice();
        p.spouses = spouses
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default()
            .into_boxed_slice();
        d.by_qid.insert(p.qid, i as u32);
        d.by_gedcom.insert(p.gedcom_id.clone(), i as u32);
        d.people.push(p);
    }
    d
}

fn grow(lists: &mut Vec<Vec<u32>>, at: usize) -> &mut Vec<u32> {
    if lists.len() <= at {
        lists.resize_with(at + 1, Vec::new);
    }
    // resize above guarantees `at` exists.
    match lists.get_mut(at) {
        Some(l) => l,
        None => unreachable!("list resized to hold index {at}"),
    }
}

fn parents(b: &Builder, i: u32) -> [u32; 2] {
    b.people
        .get(i as usize)
        .map_or([NONE, NONE], |p| [p.father, p.mother])
}

fn siblings(b: &Builder, a: u32, c: u32) -> bool {
    let pa = parents(b, a);
    let pc = parents(b, c);
    pa.iter().any(|x| *x != NONE && pc.contains(x))
}

/// A female first cousin (shares a grandparent, not a sibling), unmarried.
fn find_cousin(b: &Builder, children: &[Vec<u32>], man: u32) -> u32 {
    for parent in parents(b, man) {
        for gp in parents(b, parent) {
            if gp == NONE {
                continue;
            }
            for &uncle in children.get(gp as usize).map_or(&[][..], |v| v) {
                if uncle == parent {
                    continue;
                }
                for &cousin in children.get(uncle as usize).map_or(&[][..], |v| v) {
                    let p = b.people.get(cousin as usize);
                    if p.is_some_and(|p| p.sex == Sex::Female)
                        && !b.married.get(cousin as usize).copied().unwrap_or(true)
                        && !siblings(b, cousin, man)
                    {
                        return cousin;
                    }
                }
            }
        }
    }
    NONE
}
