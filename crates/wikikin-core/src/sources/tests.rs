//! The quality summary and every rule, with the cases that must not fire.

use super::*;
use crate::entity::{
    Calendar, Date, DateDetail, FamilyProp, Precision, Rank, Reference, Statement, ADOPTIVE_FATHER,
    DISPUTED,
};
use crate::{Person, Props, Sex};
use std::collections::BTreeMap;

fn st(prop: FamilyProp, pid: u32, target: u64, id: &str, refs: Vec<Reference>) -> Statement {
    Statement {
        id: id.into(),
        prop,
        pid,
        rank: Rank::Normal,
        target: Qid(target),
        references: refs,
        sourcing: Vec::new(),
        nature: Vec::new(),
        kinship_items: Vec::new(),
    }
}

fn stated_in() -> Vec<Reference> {
    vec![Reference {
        stated_in: vec![Qid(5)],
        ..Reference::default()
    }]
}

fn imported() -> Vec<Reference> {
    vec![Reference {
        imported_from: vec![Qid(328)],
        imported: true,
        ..Reference::default()
    }]
}

fn day(y: i64, m: u8, d: u8) -> Date {
    Date {
        year: y,
        month: m,
        day: d,
        precision: Precision::Day,
        circa: false,
    }
}

fn year(y: i64) -> Date {
    Date {
        year: y,
        month: 0,
        day: 0,
        precision: Precision::Year,
        circa: false,
    }
}

struct World {
    people: BTreeMap<Qid, Person>,
}

impl World {
    fn new() -> World {
        World {
            people: BTreeMap::new(),
        }
    }
    fn person(&mut self, id: u64, sex: Sex, birth: Option<Date>, death: Option<Date>) {
        let mut p = Person::new(Qid(id));
        p.sex = sex;
        p.birth = birth;
        p.death = death;
        p.birth_detail = DateDetail {
            statement: Some(format!("Q{id}$b")),
            calendar: Calendar::Gregorian,
        };
        p.death_detail = DateDetail {
            statement: Some(format!("Q{id}$d")),
            calendar: Calendar::Gregorian,
        };
        self.people.insert(Qid(id), p);
    }
    /// `child`'s P22/P25 names `parent`.
    fn parent(&mut self, child: u64, parent: u64, father: bool, s: Option<Statement>) {
        let (prop, pid) = if father {
            (FamilyProp::Father, 22)
        } else {
            (FamilyProp::Mother, 25)
        };
        let s = s.unwrap_or_else(|| st(prop, pid, parent, &format!("Q{child}$p{parent}"), vec![]));
        if let Some(c) = self.people.get_mut(&Qid(child)) {
            if father {
                c.fathers.push(Qid(parent));
            } else {
                c.mothers.push(Qid(parent));
            }
            c.statements.push(s);
        }
    }
    fn graph(&self) -> FamilyGraph {
        let mut g = FamilyGraph::new();
        for p in self.people.values() {
            g.add_person(p);
        }
        g
    }
    fn check(&self, child: u64) -> Vec<Rule> {
        let g = self.graph();
        let look = |q: Qid| self.people.get(&q);
        check(&g, &look, &Props::wikidata(), &[Qid(child)])
            .into_iter()
            .map(|p| p.rule)
            .collect()
    }
}

#[test]
fn quality_of_a_path_counts_each_kind() {
    let mut w = World::new();
    for id in [1, 2, 3, 4] {
        w.person(id, Sex::Male, None, None);
    }
    // 2 is 1's father (referenced), 3 is 2's father (imported), 4 is 3's father (none).
    w.parent(
        1,
        2,
        true,
        Some(st(FamilyProp::Father, 22, 2, "Q1$a", stated_in())),
    );
    w.parent(
        2,
        3,
        true,
        Some(st(FamilyProp::Father, 22, 3, "Q2$a", imported())),
    );
    w.parent(3, 4, true, None);
    let g = w.graph();
    let s = steps(&g, &[Qid(1), Qid(2), Qid(3), Qid(4), Qid(99)]);
    assert_eq!(s.len(), 4);
    assert_eq!(s[0].sources.as_str(), "referenced");
    assert_eq!(s[0].prop, Some(Pid(22)));
    assert_eq!(s[0].kind, Some(LinkKind::Parent));
    assert!(s[0].one_sided);
    assert_eq!(
        s[0].statement,
        Some(StatementRef {
            item: Qid(1),
            prop: Pid(22),
            id: "Q1$a".into()
        })
    );
    assert_eq!(s[1].sources.as_str(), "imported");
    assert_eq!(s[2].sources.as_str(), "none");
    assert_eq!(s[3].sources, SourceKind::Unknown, "no such link");
    let q = quality(&s[..3]);
    assert_eq!(
        (q.referenced, q.imported, q.unreferenced, q.doubtful),
        (1, 1, 1, 0)
    );
    assert_eq!(q.reading, Reading::Unreferenced { k: 1, n: 3 });
    assert_eq!(q.reading.to_string(), "1 of 3 links without any reference");
    let q = quality(&s[..2]);
    assert_eq!(q.reading, Reading::Imported { k: 1, n: 2 });
    assert_eq!(quality(&s[..1]).reading, Reading::AllReferenced { n: 1 });
    assert_eq!(quality(&[]).reading, Reading::Empty);
    // Walking down: the child from the father's side is the same statement.
    let down = step(&g, Qid(2), Qid(1));
    assert_eq!(down.kind, Some(LinkKind::Child));
    assert_eq!(down.sources, SourceKind::Referenced);
}

#[test]
fn a_disputed_link_is_the_reading() {
    let mut w = World::new();
    w.person(1, Sex::Male, None, None);
    w.person(2, Sex::Male, None, None);
    let mut s = st(FamilyProp::Father, 22, 2, "Q1$a", stated_in());
    s.nature = vec![DISPUTED];
    w.parent(1, 2, true, Some(s));
    let steps = steps(&w.graph(), &[Qid(1), Qid(2)]);
    assert_eq!(steps[0].doubt_attr(), "Q18912752");
    assert_eq!(quality(&steps).reading, Reading::Doubtful { k: 1, n: 1 });
    assert_eq!(doubt_attr(&[]), "");
}

#[test]
fn two_blood_fathers_conflict_an_adoptive_one_does_not() {
    let mut w = World::new();
    w.person(1, Sex::Male, None, None);
    w.person(2, Sex::Male, None, None);
    w.person(3, Sex::Male, None, None);
    w.parent(1, 2, true, None);
    w.parent(1, 3, true, None);
    let g = w.graph();
    let look = |q: Qid| w.people.get(&q);
    let probs = check(&g, &look, &Props::wikidata(), &[Qid(1)]);
    assert_eq!(probs.len(), 1);
    assert_eq!(probs[0].rule, Rule::TwoFathers);
    assert_eq!(probs[0].parents, vec![Qid(2), Qid(3)]);
    let ids: Vec<&str> = probs[0].statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["Q1$p2", "Q1$p3"]);
    assert_eq!(
        statement_ref_url(&crate::Instance::wikidata(), &probs[0].statements[0]),
        "https://www.wikidata.org/wiki/Q1#P22"
    );
    // 3 adoptive: no conflict.
    let mut w = World::new();
    for id in [1, 2, 3] {
        w.person(id, Sex::Male, None, None);
    }
    w.parent(1, 2, true, None);
    let mut a = st(FamilyProp::Father, 22, 3, "Q1$a", vec![]);
    a.kinship_items = vec![ADOPTIVE_FATHER];
    w.parent(1, 3, true, Some(a));
    assert!(w.check(1).is_empty());
    // Two mothers.
    let mut w = World::new();
    for id in [1, 2, 3] {
        w.person(id, Sex::Female, None, None);
    }
    w.parent(1, 2, false, None);
    w.parent(1, 3, false, None);
    assert_eq!(w.check(1), vec![Rule::TwoMothers]);
}

fn mother_case(mother_birth: Date, mother_death: Option<Date>, child_birth: Date) -> Vec<Rule> {
    let mut w = World::new();
    w.person(1, Sex::Male, Some(child_birth), None);
    w.person(2, Sex::Female, Some(mother_birth), mother_death);
    w.parent(1, 2, false, None);
    w.check(1)
}

#[test]
fn a_parent_born_after_the_child() {
    assert_eq!(
        mother_case(day(1950, 1, 1), None, day(1949, 1, 1)),
        vec![Rule::ParentBornAfterChild]
    );
    // Year-only: 1950 vs 1949 is within a year's slack (but she would still be too young).
    assert_eq!(
        mother_case(year(1950), None, year(1949)),
        vec![Rule::MotherTooYoung]
    );
    // A father too; year-only within the slack does not fire.
    let father = |f: Date, c: Date| {
        let mut w = World::new();
        w.person(1, Sex::Male, Some(c), None);
        w.person(2, Sex::Male, Some(f), None);
        w.parent(1, 2, true, None);
        w.check(1)
    };
    assert_eq!(
        father(day(1901, 5, 1), day(1900, 5, 1)),
        vec![Rule::ParentBornAfterChild]
    );
    assert!(father(year(1901), year(1900)).is_empty());
    assert!(father(day(1900, 5, 1), day(1900, 5, 1)).is_empty());
}

#[test]
fn a_mother_younger_than_12_or_older_than_60() {
    assert_eq!(
        mother_case(day(1900, 6, 1), None, day(1911, 6, 1)),
        vec![Rule::MotherTooYoung]
    );
    assert!(mother_case(day(1900, 6, 1), None, day(1912, 6, 2)).is_empty());
    // Year-only dates 11 years apart: the slack allows 12.
    assert!(mother_case(year(1900), None, year(1911)).is_empty());
    // Circa: the slack too.
    let mut c = day(1900, 6, 1);
    c.circa = true;
    assert!(mother_case(c, None, day(1911, 6, 1)).is_empty());
    assert_eq!(
        mother_case(day(1900, 1, 1), None, day(1961, 1, 2)),
        vec![Rule::MotherTooOld]
    );
    assert!(mother_case(day(1900, 1, 1), None, day(1959, 12, 31)).is_empty());
    assert!(
        mother_case(year(1900), None, year(1961)).is_empty(),
        "slack"
    );
}

#[test]
fn a_mother_dead_before_the_birth_a_father_a_year_before() {
    assert_eq!(
        mother_case(day(1900, 1, 1), Some(day(1930, 1, 1)), day(1930, 2, 1)),
        vec![Rule::MotherDiedBeforeBirth]
    );
    assert!(mother_case(day(1900, 1, 1), Some(day(1930, 1, 1)), day(1930, 1, 1)).is_empty());
    assert!(mother_case(day(1900, 1, 1), Some(year(1930)), day(1930, 6, 1)).is_empty());
    let father = |death: Date, birth: Date| {
        let mut w = World::new();
        w.person(1, Sex::Male, Some(birth), None);
        w.person(2, Sex::Male, Some(day(1900, 1, 1)), Some(death));
        w.parent(1, 2, true, None);
        w.check(1)
    };
    // A posthumous child (months after) is fine; more than a year is not.
    assert!(father(day(1930, 1, 1), day(1930, 9, 1)).is_empty());
    assert_eq!(
        father(day(1930, 1, 1), day(1931, 6, 1)),
        vec![Rule::FatherDiedBeforeBirth]
    );
    assert!(father(year(1930), day(1931, 6, 1)).is_empty(), "slack");
}

#[test]
fn julian_and_gregorian_are_converted_other_calendars_not_compared() {
    // The mother died 5 January 1700 (Julian) = 16 January 1700 (Gregorian); the child was
    // born 10 January 1700 (Gregorian): before her death, no problem.
    let case = |calendar: Calendar| {
        let mut w = World::new();
        w.person(1, Sex::Male, Some(day(1700, 1, 10)), None);
        w.person(2, Sex::Female, Some(day(1670, 1, 1)), Some(day(1700, 1, 5)));
        if let Some(m) = w.people.get_mut(&Qid(2)) {
            m.death_detail.calendar = calendar;
        }
        w.parent(1, 2, false, None);
        w.check(1)
    };
    assert!(case(Calendar::Julian).is_empty());
    assert_eq!(case(Calendar::Gregorian), vec![Rule::MotherDiedBeforeBirth]);
    assert!(case(Calendar::Other).is_empty(), "not compared");
}

#[test]
fn date_problems_name_the_statements() {
    let mut w = World::new();
    w.person(1, Sex::Male, Some(day(1911, 6, 1)), None);
    w.person(2, Sex::Female, Some(day(1900, 6, 1)), None);
    w.parent(1, 2, false, None);
    let g = w.graph();
    let look = |q: Qid| w.people.get(&q);
    let p = check(&g, &look, &Props::wikidata(), &[Qid(1), Qid(1)]);
    assert_eq!(p.len(), 1, "each child once");
    let names: Vec<(Qid, Pid, &str)> = p[0]
        .statements
        .iter()
        .map(|s| (s.item, s.prop, s.id.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (Qid(1), Pid(25), "Q1$p2"),
            (Qid(1), Pid(569), "Q1$b"),
            (Qid(2), Pid(569), "Q2$b")
        ]
    );
}
