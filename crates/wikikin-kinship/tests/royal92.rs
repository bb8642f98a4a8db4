//! Real cases on the 1992 royal GEDCOM (xref `I52` read as `PersonId(52)`).

mod support;

use support::{royals, Royals};
use wikikin_kinship::*;

fn q(n: u64) -> PersonId {
    PersonId(n)
}

/// Every relationship of a pair as (words, ancestors, ga, gb).
fn rels(r: &Royals, a: u64, b: u64) -> Vec<(String, Vec<PersonId>, u32, u32)> {
    let name = |x: PersonId| short(r, x);
    relate(&r.pedigree, q(a), q(b), &Limits::default())
        .into_iter()
        .map(|rel| {
            let words = describe(&rel, &name, &|x| r.pedigree.sex(x));
            (words, rel.ancestors, rel.ga, rel.gb)
        })
        .collect()
}

/// Short names for readable sentences.
fn short(r: &Royals, x: PersonId) -> String {
    match x.0 {
        52 => "Elizabeth II".into(),
        57 => "Philip".into(),
        37 => "Nicholas II".into(),
        14 => "George V".into(),
        21 => "Wilhelm II".into(),
        58 => "Charles".into(),
        1 => "Victoria".into(),
        2 => "Albert".into(),
        _ => r.name(x),
    }
}

fn has(list: &[(String, Vec<PersonId>, u32, u32)], words: &str, ancestors: &[u64]) -> bool {
    let ancestors: Vec<PersonId> = ancestors.iter().map(|n| q(*n)).collect();
    list.iter()
        .any(|(w, a, _, _)| w == words && *a == ancestors)
}

#[test]
fn elizabeth_and_philip() {
    let r = royals();
    let list = rels(&r, 52, 57);
    assert!(
        has(&list, "Philip is Elizabeth II's third cousin", &[1, 2]),
        "{list:#?}"
    );
    assert!(
        has(
            &list,
            "Philip is Elizabeth II's second cousin once removed",
            &[225, 226]
        ),
        "{list:#?}"
    );
    assert!(
        has(&list, "Philip is Elizabeth II's fourth cousin", &[484, 485]),
        "{list:#?}"
    );
    // Closest first: through Christian IX (4 + 3 generations).
    assert_eq!(list[0].1, vec![q(225), q(226)]);
    assert_eq!((list[0].2, list[0].3), (4, 3));
    // The paths of the Victoria line.
    let all = relate(&r.pedigree, q(52), q(57), &Limits::default());
    let vic = all
        .iter()
        .find(|x| x.ancestors == vec![q(1), q(2)])
        .unwrap();
    assert_eq!(vic.path_a, vec![q(1), q(4), q(14), q(32), q(52)]);
    assert_eq!(vic.path_b, vec![q(1), q(5), q(38), q(101), q(57)]);
    assert!(!vic.half && !vic.double);
    // And from Philip's side.
    let list = rels(&r, 57, 52);
    assert!(
        has(&list, "Elizabeth II is Philip's third cousin", &[1, 2]),
        "{list:#?}"
    );
    assert!(has(
        &list,
        "Elizabeth II is Philip's second cousin once removed",
        &[225, 226]
    ));
}

#[test]
fn nicholas_ii_and_george_v_first_cousins() {
    let r = royals();
    let list = rels(&r, 37, 14);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert!(has(
        &list,
        "George V is Nicholas II's first cousin",
        &[225, 226]
    ));
}

#[test]
fn george_v_and_wilhelm_ii_first_cousins() {
    let r = royals();
    let list = rels(&r, 14, 21);
    assert!(
        has(&list, "Wilhelm II is George V's first cousin", &[1, 2]),
        "{list:#?}"
    );
}

#[test]
fn nicholas_ii_and_wilhelm_ii() {
    let r = royals();
    let list = rels(&r, 37, 21);
    // Through Frederick William III of Prussia & Louise of Mecklenburg-Strelitz.
    assert!(
        has(
            &list,
            "Wilhelm II is Nicholas II's second cousin once removed",
            &[162, 410]
        ),
        "{list:#?}"
    );
}

#[test]
fn victoria_and_albert_first_cousins() {
    let r = royals();
    let list = rels(&r, 1, 2);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(list[0].0, "Albert is Victoria's first cousin");
    let names: Vec<String> = list[0].1.iter().map(|x| r.name(*x)).collect();
    assert!(names[0].contains("Saxe-Coburg"), "{names:?}");
    assert!(names[1].contains("Augusta"), "{names:?}");
}

#[test]
fn direct_lines() {
    let r = royals();
    assert_eq!(rels(&r, 58, 52)[0].0, "Elizabeth II is Charles's mother");
    assert_eq!(rels(&r, 52, 58)[0].0, "Charles is Elizabeth II's son");
    let list = rels(&r, 58, 1);
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].0,
        "Victoria is Charles's great-great-great-grandmother"
    );
    let r58 = relate(&r.pedigree, q(58), q(1), &Limits::default());
    assert_eq!(
        direct_line(&r58[0], &|x| short(&r, x)).as_deref(),
        Some("Victoria is a direct ancestor of Charles")
    );
    assert_eq!(
        rels(&r, 57, 1)[0].0,
        "Victoria is Philip's great-great-grandmother"
    );
    assert_eq!(rels(&r, 1, 14)[0].0, "George V is Victoria's grandson");
    assert_eq!(
        rels(&r, 52, 32)[0].0,
        "George VI Windsor is Elizabeth II's father"
    );
    assert_eq!(
        rels(&r, 57, 104)[0].0,
        "Andrew of Greece is Philip's father"
    );
    assert_eq!(
        rels(&r, 57, 101)[0].0,
        "Alice of Battenberg is Philip's mother"
    );
}

#[test]
fn siblings_aunts_uncles_nieces() {
    let r = royals();
    let list = rels(&r, 52, 53);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].0, "Margaret Rose Windsor is Elizabeth II's sister");
    assert_eq!(list[0].1.len(), 2);
    assert_eq!(
        rels(&r, 58, 59)[0].0,
        "Anne Elizabeth Alice Windsor is Charles's sister"
    );
    assert_eq!(
        rels(&r, 52, 31)[0].0,
        "Edward VIII Windsor is Elizabeth II's uncle"
    );
    assert_eq!(
        rels(&r, 31, 52)[0].0,
        "Elizabeth II is Edward VIII Windsor's niece"
    );
    assert_eq!(
        rels(&r, 58, 64)[0].0,
        "Zara Anne Elizabeth Phillips is Charles's niece"
    );
    // Wilhelm II is the grandson of Victoria, Elizabeth II her great-great-granddaughter.
    let list = rels(&r, 52, 21);
    assert!(has(
        &list,
        "Wilhelm II is Elizabeth II's first cousin twice removed",
        &[1, 2]
    ));
    // Alice (Victoria's daughter) is George V's aunt and Philip's great-grandmother.
    assert_eq!(rels(&r, 14, 5)[0].0, "Alice Maud Mary is George V's aunt");
    assert_eq!(
        rels(&r, 57, 5)[0].0,
        "Alice Maud Mary is Philip's great-grandmother"
    );
}

/// A small deterministic generator for picking pairs.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn invariants_on_many_pairs() {
    let r = royals();
    let p = &r.pedigree;
    let people = p.people();
    assert!(people.len() > 3000, "{}", people.len());
    let limits = Limits::default();
    let mut rng = Lcg(92);
    let (mut related, mut total_rels) = (0, 0);
    for _ in 0..400 {
        let (a, b) = (
            people[rng.next(people.len())],
            people[rng.next(people.len())],
        );
        let k = kinship(p, a, b, &limits);
        assert!(
            !k.problems
                .iter()
                .any(|x| matches!(x, Problem::OwnAncestors { .. })),
            "royal92 has no cycles: {:?}",
            k.problems
        );
        let anc_a = ancestry(p, a, &limits);
        let anc_b = ancestry(p, b, &limits);
        if !k.relationships.is_empty() {
            related += 1;
        }
        total_rels += k.relationships.len();
        for rel in &k.relationships {
            assert_eq!((rel.a, rel.b), (a, b));
            assert_eq!(rel.kind, Kind::from_generations(rel.ga, rel.gb));
            assert_eq!(rel.removed, rel.ga.abs_diff(rel.gb));
            assert!(!rel.ancestors.is_empty() && rel.ancestors.len() <= 2);
            // The first ancestor is common, at the shortest distance, and lowest.
            let x = rel.ancestors[0];
            assert_eq!(anc_a.generations(x), Some(rel.ga), "{rel:?}");
            assert_eq!(anc_b.generations(x), Some(rel.gb), "{rel:?}");
            for c in p.children(x) {
                assert!(
                    !(anc_a.contains(c) && anc_b.contains(c)),
                    "{x} has a common child {c}: {rel:?}"
                );
            }
            // The partner is a common ancestor, and the co-parent of both lines.
            if let [_, y] = rel.ancestors[..] {
                assert!(anc_a.contains(y) && anc_b.contains(y), "{rel:?}");
                if rel.ga > 0 && rel.gb > 0 {
                    assert!(p.parents(rel.path_a[1]).contains(&y), "{rel:?}");
                    assert!(p.parents(rel.path_b[1]).contains(&y), "{rel:?}");
                }
            }
            // Never twice the same people at the same generations.
            assert_eq!(
                k.relationships
                    .iter()
                    .filter(|o| (o.ga, o.gb, &o.ancestors) == (rel.ga, rel.gb, &rel.ancestors))
                    .count(),
                1
            );
            // Paths: ancestor → … → person, each step a parent → child link.
            for (path, end, g) in [(&rel.path_a, a, rel.ga), (&rel.path_b, b, rel.gb)] {
                assert_eq!(path.len() as u32, g + 1);
                assert_eq!(path.first(), rel.ancestors.first());
                assert_eq!(path.last(), Some(&end));
                for w in path.windows(2) {
                    assert!(p.parents(w[1]).contains(&w[0]), "{path:?}");
                }
            }
            let words = describe(rel, &|x| r.name(x), &|x| p.sex(x));
            assert!(
                (words.contains(" is ") || a == b) && !words.contains("  "),
                "{words}"
            );
        }
        // The other way round: the same ancestors, generations swapped.
        let back = relate(p, b, a, &limits);
        let mut fwd: Vec<(Vec<PersonId>, u32, u32)> = k
            .relationships
            .iter()
            .map(|x| (x.ancestors.clone(), x.ga, x.gb))
            .collect();
        let mut bwd: Vec<(Vec<PersonId>, u32, u32)> = back
            .iter()
            .map(|x| (x.ancestors.clone(), x.gb, x.ga))
            .collect();
        fwd.sort();
        bwd.sort();
        assert_eq!(fwd, bwd);
    }
    // A real share of random royals are related.
    // (Many royals married in and have no recorded parents.)
    assert!(related > 50, "only {related} of 400 pairs related");
    assert!(total_rels >= related);
}

#[test]
fn tree_and_layout_for_elizabeth_and_philip() {
    let r = royals();
    let p = &r.pedigree;
    let rels = relate(p, q(52), q(57), &Limits::default());
    let t = tree(p, &rels, &[], &[q(52), q(57)]);
    for x in [1, 2, 225, 226, 484, 485, 52, 57, 4, 14, 32, 5, 38, 101, 104] {
        assert!(t.persons.contains(&q(x)), "missing I{x}");
    }
    // Elizabeth and Philip are a couple of the tree; Victoria & Albert too.
    assert!(t.couple_index(q(57), Some(q(52))).is_some());
    assert!(t.couple_index(q(1), Some(q(2))).is_some());
    // Every edge is a real parent → child link and belongs to some relationship.
    for e in &t.edges {
        let (x, y) = t.couples[e.couple];
        assert!(p.parents(e.child).contains(&x));
        if let Some(y) = y {
            assert!(p.parents(e.child).contains(&y));
        }
        assert!(!e.rels.is_empty());
    }
    for engine in [Engine::Auto, Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let l = layout(&t, &opts);
        assert_eq!(l.boxes.len(), t.persons.len());
        // Generations as rows: Ludwig at the top, Victoria one row lower, Elizabeth and Philip
        // (partners) on the same row.
        let row = |x: u64| l.box_of(q(x)).unwrap().row;
        assert_eq!(row(52), row(57));
        assert_eq!(row(484) + 5, row(52), "{engine:?}");
        assert_eq!(row(1) + 4, row(52), "{engine:?}");
        // Christian IX is 4 generations above Elizabeth but 3 above Philip: the generations
        // cannot all be one row apart, so one line gets a longer edge.
        assert!(
            row(225) + 4 == row(52) || row(225) + 3 == row(57),
            "{engine:?}"
        );
        let mut long = 0;
        for e in &t.edges {
            let (x, _) = t.couples[e.couple];
            let (child, parent) = (l.box_of(e.child).unwrap().row, l.box_of(x).unwrap().row);
            assert!(child > parent);
            if child > parent + 1 {
                long += 1;
            }
        }
        assert_eq!(long, 1, "{engine:?}");
        assert_eq!(layout(&t, &opts), l);
    }
}

#[test]
fn explore_from_victoria_and_christian_ix() {
    let r = royals();
    let p = &r.pedigree;
    let targets = [q(52), q(57), q(37), q(14), q(21), q(58)];
    let t = tree(p, &[], &[q(1), q(225)], &targets);
    assert!(t.persons.len() > 20, "{}", t.persons.len());
    // Every target descends from one of the roots, so has an incoming edge.
    for x in targets {
        assert!(t.edges.iter().any(|e| e.child == x), "{x} not reached");
    }
    // Nicholas II descends from Christian IX only.
    assert!(t
        .edges
        .iter()
        .filter(|e| e.child == q(37))
        .all(|e| e.roots == vec![1]));
    let opts = LayoutOptions::default();
    let l = layout(&t, &opts);
    assert_eq!(l.boxes.len(), t.persons.len());
    assert_eq!(l.box_of(q(1)).unwrap().row, l.box_of(q(225)).unwrap().row);
}

#[test]
fn half_siblings_and_a_collapsed_line() {
    let r = royals();
    // Edward I (I1261) had Edmund of Woodstock (I1279) by his second wife, and I1267 by
    // Eleanor of Castile (I1262).
    let list = rels(&r, 1267, 1279);
    assert!(list[0].0.ends_with("'s half-brother"), "{list:#?}");
    assert_eq!(list[0].1, vec![q(1261)]);
    // I2775 descends from Edward I through Edmund (21 generations: a half line) and, by a
    // longer line (22), from Edward I and Eleanor together.
    let all = relate(&r.pedigree, q(1267), q(2775), &Limits::default());
    let summary: Vec<(Vec<PersonId>, u32, u32, bool)> = all
        .iter()
        .map(|x| (x.ancestors.clone(), x.ga, x.gb, x.half))
        .collect();
    assert!(
        summary.contains(&(vec![q(1261)], 1, 21, true)),
        "{summary:?}"
    );
    assert!(
        summary.contains(&(vec![q(1262), q(1261)], 1, 22, false)),
        "{summary:?}"
    );
}

#[test]
fn direct_lines_and_cycles_on_royal92() {
    let r = royals();
    let p = &r.pedigree;
    let limits = Limits::default();
    // Charles: every ancestor's direct line agrees with the ancestry search.
    let anc = ancestry(p, q(58), &limits);
    assert!(anc.len() > 100, "{}", anc.len());
    for x in &anc.order {
        assert_eq!(
            generations_up(p, q(58), *x, &limits),
            anc.generations(*x),
            "{x}"
        );
    }
    // Victoria is Charles's great-great-great-grandmother: 5 generations.
    assert_eq!(generations_up(p, q(58), q(1), &limits), Some(5));
    assert_eq!(generations_up(p, q(1), q(58), &limits), None);
    // No cycles in royal92.
    assert!(cycles(p, &[q(52), q(57), q(58), q(37)], &limits).is_empty());
}
