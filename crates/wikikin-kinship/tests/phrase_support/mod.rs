//! People, relationships and a family shared by the phrase tests.

#![allow(dead_code)]

use wikikin_kinship::*;

pub fn q(n: u64) -> PersonId {
    PersonId(n)
}

pub fn name(x: PersonId) -> String {
    match x.0 {
        1 => "Elizabeth II".into(),
        2 => "Prince Philip, Duke of Edinburgh".into(),
        3 => "Christian IX".into(),
        4 => "Louise".into(),
        5 => "George V".into(),
        6 => "Nicholas II of Russia".into(),
        7 => "Isabel".into(),
        8 => "Élisabeth".into(),
        n => format!("P{n}"),
    }
}

pub fn sex(x: PersonId) -> Sex {
    match x.0 {
        1 | 4 | 7 | 8 => Sex::Female,
        2 | 3 | 5 | 6 => Sex::Male,
        _ => Sex::Unknown,
    }
}

pub fn rel(a: u64, b: u64, ga: u32, gb: u32, ancestors: &[u64]) -> Relationship<PersonId> {
    Relationship {
        a: q(a),
        b: q(b),
        kind: Kind::from_generations(ga, gb),
        degree: ga.min(gb).saturating_sub(1),
        removed: ga.abs_diff(gb),
        half: false,
        double: false,
        double_with: Vec::new(),
        ga,
        gb,
        ancestors: ancestors.iter().map(|n| q(*n)).collect(),
        path_a: Vec::new(),
        path_b: Vec::new(),
    }
}

pub fn philip_said() -> Vec<Said> {
    let line = |a: &[Sex], b: &[Sex], ga, gb| Kin {
        a_line: a.to_vec(),
        b_line: b.to_vec(),
        ..Kin::new(ga, gb)
    };
    use Sex::{Female as F, Male as M};
    vec![
        Said::Link(Link::Spouse),
        Said::Kin(line(&[M, M, F], &[M, M], 4, 3)),
        Said::Kin(line(&[M, M, M], &[F, F, F], 4, 4)),
        Said::Kin(line(&[M, M, M, F], &[F, F, F, M], 5, 5)),
    ]
}

pub fn headline_text(lang: Lang, a: u64, b: u64, said: &[Said]) -> String {
    headline(lang, q(a), q(b), (sex(q(a)), sex(q(b))), said, &name).to_text(&name)
}

pub fn family() -> SimplePedigree {
    let mut p = SimplePedigree::new();
    p.add_family(Some(q(20)), Some(q(21)), &[q(22), q(23)]);
    p.add_family(Some(q(22)), Some(q(24)), &[]);
    p.add_family(Some(q(25)), Some(q(23)), &[]);
    for (x, s) in [
        (20, Sex::Male),
        (21, Sex::Female),
        (22, Sex::Male),
        (23, Sex::Female),
    ] {
        p.set_sex(q(x), s);
    }
    p.set_sex(q(24), Sex::Female).set_sex(q(25), Sex::Male);
    p
}
