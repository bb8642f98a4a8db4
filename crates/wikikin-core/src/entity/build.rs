//! Raw entity → [`Person`]: the best-ranked statements, their items, dates, and the family
//! statements with their references and qualifiers summed up.

use super::claims::{RawReference, RawSnak, RawStatement, SnakType, SnakValue};
use super::raw::RawEntity;
use super::statement::{
    DateDetail, FamilyProp, Rank, Reference, Statement, CIRCA, P_IMPORTED_FROM, P_REFERENCE_URL,
    P_RETRIEVED, P_STATED_IN, P_WIKIMEDIA_IMPORT_URL,
};
use super::{clean_text, DataValue, Date, Person};
use crate::{Pid, Qid, Sex};

pub(super) fn build_person(id: Qid, e: RawEntity, props: &crate::Props) -> Person {
    let c = e.claims;
    // Reference and qualifier property ids are Wikidata's: read them only there.
    let wikidata = props.father == Some(Pid(22)) || props.sex == Some(Pid(21));
    let (fathers, father_unknown) = items(&c.p22);
    let (mothers, mother_unknown) = items(&c.p25);
    let no_father = fathers.iter().all(|q| *q == id);
    let no_mother = mothers.iter().all(|q| *q == id);
    let (children, _) = items(&c.p40);
    let (spouses, _) = items(&c.p26);
    let (sexes, _) = items(&c.p21);
    let (instance_of, _) = items(&c.p31);
    let sex = sexes
        .iter()
        .find_map(|q| sex_of(*q, props))
        .unwrap_or(Sex::Unknown);
    let image = best(&c.p18).find_map(|s| match &s.mainsnak.datavalue {
        Some(DataValue {
            value: SnakValue::Str(f),
        }) if s.mainsnak.snaktype == SnakType::Value && !f.trim().is_empty() => Some(f.clone()),
        _ => None,
    });
    let mut statements = Vec::new();
    for (prop, pid, stmts) in [
        (FamilyProp::Father, props.father, &c.p22),
        (FamilyProp::Mother, props.mother, &c.p25),
        (FamilyProp::Spouse, props.spouse, &c.p26),
        (FamilyProp::Child, props.child, &c.p40),
    ] {
        if let Some(pid) = pid {
            family_statements(id, prop, pid, stmts, wikidata, &mut statements);
        }
    }
    let (birth, birth_detail) = date(&c.p569);
    let (death, death_detail) = date(&c.p570);
    Person {
        id,
        label: e.label.map(|(_, v)| clean_text(v)),
        description: e.description.map(|(_, v)| clean_text(v)),
        sex,
        birth,
        death,
        image,
        fathers: fathers.into_iter().filter(|q| *q != id).collect(),
        mothers: mothers.into_iter().filter(|q| *q != id).collect(),
        children: children.into_iter().filter(|q| *q != id).collect(),
        spouses: spouses.into_iter().filter(|q| *q != id).collect(),
        instance_of,
        father_unknown: father_unknown && no_father,
        mother_unknown: mother_unknown && no_mother,
        statements,
        birth_detail,
        death_detail,
    }
}

/// The statements that make links: best-ranked, with an item value other than the subject.
fn family_statements(
    id: Qid,
    prop: FamilyProp,
    pid: Pid,
    stmts: &[RawStatement],
    wikidata: bool,
    out: &mut Vec<Statement>,
) {
    for s in best(stmts) {
        if s.mainsnak.snaktype != SnakType::Value {
            continue;
        }
        let Some(target) = s.mainsnak.datavalue.as_ref().and_then(|d| d.value.item()) else {
            continue;
        };
        if target == id {
            continue;
        }
        let item_values = |snaks: &[RawSnak]| -> Vec<Qid> {
            if !wikidata {
                return Vec::new();
            }
            let mut v: Vec<Qid> = Vec::new();
            for q in snaks.iter().filter_map(snak_item) {
                if !v.contains(&q) {
                    v.push(q);
                }
            }
            v
        };
        out.push(Statement {
            id: s.id.clone().unwrap_or_default(),
            prop,
            pid: pid.0,
            rank: s.rank,
            target,
            references: s
                .references
                .iter()
                .map(|r| reference(r, wikidata))
                .collect(),
            sourcing: item_values(&s.qualifiers.p1480),
            nature: item_values(&s.qualifiers.p5102),
            kinship_items: item_values(&s.qualifiers.p1039),
        });
    }
}

fn snak_item(s: &RawSnak) -> Option<Qid> {
    if s.snaktype != SnakType::Value {
        return None;
    }
    s.datavalue.as_ref().and_then(|d| d.value.item())
}

/// One reference summed up. On another instance the ids are not Wikidata's: a reference is
/// then only "some reference" (never imported).
fn reference(r: &RawReference, wikidata: bool) -> Reference {
    let mut out = Reference::default();
    if !wikidata {
        return out;
    }
    let mut import = false;
    let mut other = false;
    for (pid, s) in &r.snaks {
        match *pid {
            P_STATED_IN => {
                other = true;
                if let Some(q) = snak_item(s) {
                    if !out.stated_in.contains(&q) {
                        out.stated_in.push(q);
                    }
                }
            }
            P_REFERENCE_URL => {
                other = true;
                if let Some(DataValue {
                    value: SnakValue::Str(u),
                }) = &s.datavalue
                {
                    if !u.trim().is_empty() {
                        out.urls.push(clean_text(u.clone()));
                    }
                }
            }
            P_RETRIEVED => {
                if let Some(DataValue {
                    value:
                        SnakValue::Object {
                            time: Some(t),
                            precision,
                            ..
                        },
                }) = &s.datavalue
                {
                    out.retrieved = Date::from_wikidata(t, precision.unwrap_or(11));
                }
            }
            P_IMPORTED_FROM => {
                import = true;
                if let Some(q) = snak_item(s) {
                    out.imported_from.push(q);
                }
            }
            _ => other = true,
        }
    }
    for pid in &r.other {
        match *pid {
            P_WIKIMEDIA_IMPORT_URL => import = true,
            P_RETRIEVED => {}
            _ => other = true,
        }
    }
    out.imported = import && !other;
    out
}

/// The sex an item of the sex property stands for (Wikidata also: trans man Q2449503, trans
/// woman Q1052281).
pub(crate) fn sex_of(q: Qid, props: &crate::Props) -> Option<Sex> {
    let wikidata = props.sex == Some(crate::Pid(21));
    if Some(q) == props.male || (wikidata && q == Qid(2449503)) {
        Some(Sex::Male)
    } else if Some(q) == props.female || (wikidata && q == Qid(1052281)) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// The statements that count: the preferred ones if any, else the normal ones; never deprecated.
fn best(stmts: &[RawStatement]) -> impl Iterator<Item = &RawStatement> {
    let has_preferred = stmts.iter().any(|s| s.rank == Rank::Preferred);
    let wanted = if has_preferred {
        Rank::Preferred
    } else {
        Rank::Normal
    };
    stmts.iter().filter(move |s| s.rank == wanted)
}

/// Item values of the best statements (deduplicated, in order), and whether an unknown/none
/// value was stated.
fn items(stmts: &[RawStatement]) -> (Vec<Qid>, bool) {
    let mut out = Vec::new();
    let mut unknown = false;
    for s in best(stmts) {
        match s.mainsnak.snaktype {
            SnakType::SomeValue | SnakType::NoValue => unknown = true,
            SnakType::Value => {
                if let Some(q) = s.mainsnak.datavalue.as_ref().and_then(|d| d.value.item()) {
                    if !out.contains(&q) {
                        out.push(q);
                    }
                }
            }
            SnakType::Other => {}
        }
    }
    (out, unknown)
}

fn date(stmts: &[RawStatement]) -> (Option<Date>, DateDetail) {
    best(stmts)
        .find_map(|s| {
            if s.mainsnak.snaktype != SnakType::Value {
                return None;
            }
            let (time, precision, calendar) = match s.mainsnak.datavalue.as_ref().map(|d| &d.value)
            {
                Some(SnakValue::Object {
                    time: Some(t),
                    precision,
                    calendar,
                    ..
                }) => (t, precision.unwrap_or(11), *calendar),
                _ => return None,
            };
            let mut d = Date::from_wikidata(time, precision)?;
            d.circa = s
                .qualifiers
                .p1480
                .iter()
                .any(|q| snak_item(q) == Some(CIRCA));
            Some((
                Some(d),
                DateDetail {
                    statement: s.id.clone(),
                    calendar,
                },
            ))
        })
        .unwrap_or_default()
}
