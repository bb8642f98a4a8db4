//! The family statements of one person as data (property, values, ranks, qualifiers), with the
//! quirks that change them. The entity JSON (`claims.rs`) and the SPARQL store (`sparql/`) are
//! both made from this one list, so they always say the same thing.

use super::snak::Val;
use super::statement::{date_quals, Qual};
use crate::instance::Instance;
use crate::model::sources::{refs_for, Ref};
use crate::model::{mix2, quirk, Data, PDate, Person, Sex, NONE};

/// A statement's main value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An item, by the Q-id others link with (maybe a redirect's old id, maybe deleted).
    Item(u32),
    Time(PDate),
    /// A Commons file name.
    File(String),
    /// Unknown value (`somevalue`).
    Some,
    /// No value (`novalue`).
    NoValue,
}

impl Value {
    pub(super) fn as_val(&self) -> Val<'_> {
        match self {
            Value::Item(q) => Val::Item(*q),
            Value::Time(d) => Val::Time(*d),
            Value::File(f) => Val::Str(f),
            Value::Some => Val::Some,
            Value::NoValue => Val::NoValue,
        }
    }
}

/// One statement.
pub struct Stmt {
    pub value: Value,
    /// `preferred`, `normal` or `deprecated`.
    pub rank: &'static str,
    pub(super) quals: Vec<Qual<'static>>,
    /// Whether it carries the family reference (P143 in lean payloads).
    pub referenced: bool,
    /// `--sources mixed`: its references exactly (maybe none); `None`: as `referenced` says.
    pub refs: Option<Vec<Ref>>,
    /// Seed of its statement id and hashes.
    pub h: u64,
}

impl Stmt {
    /// `(qualifier property, item)` pairs of the item-valued qualifiers.
    pub fn item_qualifiers(&self) -> Vec<(&'static str, u32)> {
        let mut v = Vec::new();
        for q in &self.quals {
            for val in &q.vals {
                if let Val::Item(i) = val {
                    v.push((q.prop, *i));
                }
            }
        }
        v
    }
}

/// One property and its statements.
pub struct Claim {
    pub prop: &'static str,
    pub stmts: Vec<Stmt>,
}

/// P18 file name for a person, if any.
pub fn image_of(data: &Data, idx: u32, p: &Person) -> Option<String> {
    if let Some(f) = data.images.get(&idx) {
        return Some(f.to_string());
    }
    mix2(p.qid as u64, 0x50_3138)
        .is_multiple_of(5)
        .then(|| format!("Replica portrait Q{}.svg", p.qid))
}

fn stmt(value: Value, rank: &'static str, referenced: bool, h: u64) -> Stmt {
    Stmt {
        value,
        rank,
        quals: Vec::new(),
        referenced,
        refs: None,
        h,
    }
}

/// `--sources mixed`: each family statement of an item value gets its references and maybe a
/// P1480 sourcing circumstance (`model/sources.rs`).
fn mix_sources(d: &Data, claims: &mut [Claim], family: &[&str]) {
    let Some(info) = &d.sources else { return };
    for c in claims.iter_mut().filter(|c| family.contains(&c.prop)) {
        for s in &mut c.stmts {
            let Value::Item(target) = s.value else {
                continue;
            };
            let (refs, doubt) = refs_for(info.seed, s.h, target);
            s.refs = Some(refs);
            if let Some(v) = doubt {
                if !s.quals.iter().any(|q| q.prop == "P1480") {
                    s.quals.push(Qual {
                        prop: "P1480",
                        vals: vec![Val::Item(v)],
                    });
                }
            }
        }
    }
}

/// A claim of one plain normal-rank item statement, unreferenced (the extra items' P31).
pub fn plain_claim(prop: &'static str, item: u32, h: u64) -> Claim {
    Claim {
        prop,
        stmts: vec![stmt(Value::Item(item), "normal", false, h)],
    }
}

/// The family claims of the person at `idx`, in Wikidata's order: instance of, gender, father,
/// mother, spouse, child, birth, death, image.
pub fn family_claims(d: &Data, inst: &Instance, idx: u32, p: &Person) -> Vec<Claim> {
    let q = p.qid;
    let dup = p.quirks & quirk::DUPLICATE != 0;
    // Hash seeds use Wikidata's property numbers whatever the instance, so ids stay stable.
    let h = |prop: u64, n: u64| mix2(q as u64, prop * 1000 + n);
    let mut claims = Vec::new();

    let mut is_a = vec![stmt(Value::Item(inst.human), "normal", true, h(31, 0))];
    if dup {
        is_a.push(stmt(Value::Item(inst.human), "normal", false, h(31, 1)));
    }
    claims.push(Claim {
        prop: inst.instance_of,
        stmts: is_a,
    });

    let gender = match p.sex {
        Sex::Male => inst.male,
        Sex::Female => Some(inst.female),
        Sex::Unknown => None,
    };
    if let Some(g) = gender {
        claims.push(Claim {
            prop: inst.gender,
            stmts: vec![stmt(Value::Item(g), "normal", true, h(21, 0))],
        });
    }

    for (prop, pnum, parent) in [(inst.father, 22u64, p.father), (inst.mother, 25, p.mother)] {
        let mut stmts = Vec::new();
        if parent != NONE {
            let Some(link) = d.link_qid(parent) else {
                continue;
            };
            let deprecated = pnum == 22 && p.quirks & quirk::DEPRECATED_FATHER != 0;
            let wrong = d
                .person(parent)
                .map(|f| f.father)
                .and_then(|gf| d.link_qid(gf));
            match (deprecated, wrong) {
                (true, Some(wrong)) => {
                    stmts.push(stmt(Value::Item(link), "preferred", true, h(pnum, 0)));
                    let mut s = stmt(Value::Item(wrong), "deprecated", true, h(pnum, 1));
                    // P2241 reason for deprecated rank = Q41755623 (incorrect value).
                    s.quals = vec![Qual {
                        prop: "P2241",
                        vals: vec![Val::Item(41755623)],
                    }];
                    stmts.push(s);
                }
                _ => stmts.push(stmt(Value::Item(link), "normal", true, h(pnum, 0))),
            }
            if dup {
                let n = stmts.len() as u64;
                stmts.push(stmt(Value::Item(link), "normal", true, h(pnum, n)));
            }
            // `--sources mixed`: an adoptive parent (P1039) or a conflicting second father.
            if let Some(info) = &d.sources {
                for (other, is_father, kin) in info.extra_parents(idx) {
                    if is_father != (pnum == 22) {
                        continue;
                    }
                    let Some(olink) = d.link_qid(other) else {
                        continue;
                    };
                    let n = stmts.len() as u64 + 10;
                    let mut s = stmt(Value::Item(olink), "normal", true, h(pnum, n));
                    if let Some(k) = kin {
                        s.quals.push(Qual {
                            prop: "P1039",
                            vals: vec![Val::Item(k)],
                        });
                    }
                    stmts.push(s);
                }
            }
        } else if p.quirks & quirk::UNKNOWN_PARENT != 0 {
            let v = if pnum == 22 {
                Value::Some
            } else {
                Value::NoValue
            };
            stmts.push(stmt(v, "normal", true, h(pnum, 0)));
        }
        if !stmts.is_empty() {
            claims.push(Claim { prop, stmts });
        }
    }

    let spouses: Vec<Stmt> = p
        .spouses
        .iter()
        .enumerate()
        .filter_map(|(n, &s)| {
            let link = d.link_qid(s)?;
            Some(stmt(Value::Item(link), "normal", true, h(26, n as u64)))
        })
        .collect();
    if !spouses.is_empty() {
        claims.push(Claim {
            prop: inst.spouse,
            stmts: spouses,
        });
    }

    // One-sided children are left out of their parents' child statements.
    let kids: Vec<Stmt> = p
        .children
        .iter()
        .copied()
        .filter(|&c| {
            d.person(c)
                .is_some_and(|k| k.quirks & quirk::ONE_SIDED == 0)
        })
        .enumerate()
        .filter_map(|(n, k)| {
            let link = d.link_qid(k)?;
            Some(stmt(Value::Item(link), "normal", true, h(40, n as u64)))
        })
        .collect();
    if !kids.is_empty() {
        claims.push(Claim {
            prop: inst.child,
            stmts: kids,
        });
    }

    for (prop, pnum, date) in [(inst.birth, 569u64, &p.birth), (inst.death, 570, &p.death)] {
        if date.is_some() {
            let mut s = stmt(Value::Time(*date), "normal", true, h(pnum, 0));
            s.quals = date_quals(date);
            claims.push(Claim {
                prop,
                stmts: vec![s],
            });
        }
    }

    mix_sources(
        d,
        &mut claims,
        &[inst.father, inst.mother, inst.spouse, inst.child],
    );

    if let Some(img) = image_of(d, idx, p) {
        claims.push(Claim {
            prop: inst.image,
            stmts: vec![stmt(Value::File(img), "normal", false, h(18, 0))],
        });
    }
    claims
}
